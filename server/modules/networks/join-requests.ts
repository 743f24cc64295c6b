/**
 * Join requests: nobody joins a young person's network without being let in.
 *
 * A professional who is not an accepted member of the network and registers a young person who is
 * already known (same BSN, same names and date of birth, or a near match), or raises a question
 * about a child they are not involved with, does not join: their question waits in a join request.
 * They learn only that the request was sent — not the record's id, nothing of its identity beyond
 * what they typed. Who decides, in this order:
 *   1. the lead professional (regisseur) of the active network;
 *   2. no lead: the family — the young person's own account from 16 (and from 12 with the parents),
 *      the parents with gezag under 16;
 *   3. no lead and no family account: the region's coordinators (municipality_coordinator).
 * Accepting adds the requester as a member and records their question; they still need a basis
 * (consent, a reviewed legal basis) before they read anything of the network. Every request and
 * decision is on the child's audit chain, so the family sees it in "who looked at my data".
 */
import type { Db, Queryable } from '../../core/db.ts';
import { AppError } from '../../core/errors.ts';
import { appendAudit, youngPersonChain } from '../../core/audit.ts';
import { addTimeline, auditDenied, notify, type ChildAccess } from '../../core/access.ts';
import { actorForUser, actorRegions, type Actor, type Membership } from '../../core/session.ts';
import { ageOn, today } from '../../../shared/dates.ts';
import type { QuestionBody } from '../children/children.schemas.ts';
import { openQuestionTx } from './networks.service.ts';

/** Join requests one professional may send per 24 hours (each is a look-up of someone's child). */
export const JOIN_REQUESTS_PER_DAY = 20;

export type DecidedAs = 'lead' | 'family' | 'coordinator';

interface ChildFacts {
  id: string; region_id: string; birth_date: string; user_id: string | null; given_name: string; family_name: string;
  lead_user_id: string | null; guardian_ids: string[];
}

async function childFacts(q: Queryable, youngPersonId: string, regionId: string): Promise<ChildFacts | null> {
  const [r] = await q.query<ChildFacts>(
    `SELECT y.id, y.region_id, y.birth_date, y.user_id, y.given_name, y.family_name, n.lead_user_id,
            COALESCE((SELECT array_agg(g.parent_user_id ORDER BY g.parent_user_id) FROM guardianships g
                       WHERE g.region_id = $2 AND g.young_person_id = y.id AND g.has_authority), '{}') AS guardian_ids
       FROM young_people y LEFT JOIN networks n ON n.region_id = y.region_id AND n.young_person_id = y.id AND n.status = 'active'
      WHERE y.region_id = $2 AND y.id = $1`, [youngPersonId, regionId]);
  return r ?? null;
}

/** Who decides a request about this child now, and as what. */
async function decidersOf(q: Queryable, c: ChildFacts): Promise<{ as: DecidedAs; userIds: string[] }> {
  if (c.lead_user_id) return { as: 'lead', userIds: [c.lead_user_id] };
  const age = ageOn(c.birth_date, today());
  const family: string[] = [];
  if (c.user_id && age >= 12) family.push(c.user_id);
  if (age < 16) family.push(...c.guardian_ids);
  if (family.length > 0) return { as: 'family', userIds: family };
  const coordinators = await q.query<{ user_id: string }>(
    `SELECT DISTINCT m.user_id FROM memberships m JOIN organisations o ON o.id = m.organisation_id JOIN users u ON u.id = m.user_id AND u.active
      WHERE o.region_id = $1 AND m.role = 'municipality_coordinator' ORDER BY m.user_id`, [c.region_id]);
  return { as: 'coordinator', userIds: coordinators.map((r) => r.user_id) };
}

/**
 * Files a join request in the caller's transaction (one pending request per professional and child:
 * a second one adds nothing). The caller answers only "your request has been sent". regionId: the child's.
 */
export async function requestToJoinTx(
  q: Queryable, actor: Actor, youngPersonId: string, regionId: string, via: 'registration' | 'question', membership: Membership, question: QuestionBody,
): Promise<void> {
  // A professional's requests are in the regions they work in.
  const [recent] = await q.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM join_requests WHERE region_id = ANY($2::uuid[]) AND requester_user_id = $1 AND created_at > now() - interval '24 hours'`,
    [actor.userId, actorRegions(actor)]);
  if ((recent?.n ?? 0) >= JOIN_REQUESTS_PER_DAY) {
    throw new AppError('rate_limited', {
      en: 'You sent many requests today. Try again tomorrow, or ask your privacy officer.',
      nl: 'U hebt vandaag veel verzoeken gestuurd. Probeer het morgen opnieuw, of vraag het uw functionaris gegevensbescherming.',
    });
  }
  const c = (await childFacts(q, youngPersonId, regionId))!;
  const inserted = await q.query<{ id: string }>(
    `INSERT INTO join_requests (region_id, young_person_id, requester_user_id, organisation_id, role, via, question)
     VALUES ($1,$2,$3,$4,$5,$6,$7) ON CONFLICT (region_id, young_person_id, requester_user_id) WHERE status = 'pending' DO NOTHING RETURNING id`,
    [c.region_id, youngPersonId, actor.userId, membership.organisationId, membership.role, via, JSON.stringify(question)]);
  const id = inserted[0]?.id ?? null;
  await appendAudit(q, {
    chainKey: youngPersonChain(youngPersonId), kind: 'join.requested', regionId: c.region_id, actorUserId: actor.userId,
    actorOrganisationId: membership.organisationId, youngPersonId, subjectType: 'join_request', subjectId: id, basis: null,
    details: { via, repeated: id === null },
  });
  if (!id) return;
  const deciders = await decidersOf(q, c);
  for (const userId of deciders.userIds) {
    await notify(q, { regionId: c.region_id, userId, kind: 'join.requested', youngPersonId, payload: { joinRequestId: id, by: actor.displayName, organisation: membership.organisationName }, dedupeKey: `join:${id}` });
  }
}

interface RequestRow {
  id: string; region_id: string; young_person_id: string; requester_user_id: string; requester_name: string; organisation_id: string;
  organisation_name: string; role: string; via: string; question: QuestionBody | string | null; status: 'pending' | 'accepted' | 'refused' | 'withdrawn'; decided_as: string | null;
  decision_note: string | null; created_at: Date; decided_at: Date | null; version: number; given_name: string; family_name: string; birth_date: string;
}
const REQUEST_SELECT = `SELECT j.*, u.display_name AS requester_name, o.name AS organisation_name, y.given_name, y.family_name, y.birth_date
  FROM join_requests j JOIN users u ON u.id = j.requester_user_id JOIN organisations o ON o.id = j.organisation_id
  JOIN young_people y ON y.region_id = j.region_id AND y.id = j.young_person_id`;

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);
const questionOf = (r: RequestRow): QuestionBody | null => (typeof r.question === 'string' ? JSON.parse(r.question) as QuestionBody : r.question);

/** What the decider sees: who asks, for which organisation, and their question — enough to decide. */
function incomingView(r: RequestRow, as: DecidedAs) {
  const qn = questionOf(r);
  return {
    id: r.id, youngPersonId: r.young_person_id, childName: `${r.given_name} ${r.family_name}`, birthDate: r.birth_date,
    requester: { userId: r.requester_user_id, displayName: r.requester_name, organisationName: r.organisation_name, role: r.role },
    via: r.via, question: qn ? { text: qn.text, lifeDomains: qn.lifeDomains, raisedBy: qn.raisedBy, parentsInformed: qn.parentsInformed ?? null } : null,
    status: r.status, createdAt: iso(r.created_at)!, decideAs: as, version: r.version,
  };
}
/** What the requester sees of their own request: not the record behind it. */
function outgoingView(r: RequestRow) {
  return {
    id: r.id, status: r.status, via: r.via, organisationName: r.organisation_name, createdAt: iso(r.created_at)!, decidedAt: iso(r.decided_at),
    // The record's name only once accepted (then they are a member): before, it may differ from what they typed.
    childName: r.status === 'accepted' ? `${r.given_name} ${r.family_name}` : null,
    youngPersonId: r.status === 'accepted' ? r.young_person_id : null,
  };
}

/**
 * The region of a request the actor may reach, so that locking it is one shard's statement: an actor of
 * one region has no other; otherwise it is looked up. null: not in the actor's regions (not found).
 */
async function requestRegion(q: Queryable, actor: Actor, requestId: string): Promise<string | null> {
  const regions = actorRegions(actor);
  if (regions.length === 1) return regions[0]!;
  const [r] = await q.query<{ region_id: string }>(`SELECT region_id FROM join_requests WHERE region_id = ANY($2::uuid[]) AND id = $1`, [requestId, regions]);
  return r?.region_id ?? null;
}

export function createJoinRequestsService(db: Db) {
  /** May the actor decide this request now? Worked out at the moment of deciding (the lead may have changed). */
  async function decidingAs(q: Queryable, actor: Actor, r: { young_person_id: string; region_id: string }): Promise<DecidedAs | null> {
    const c = await childFacts(q, r.young_person_id, r.region_id);
    if (!c) return null;
    const d = await decidersOf(q, c);
    return d.userIds.includes(actor.userId) ? d.as : null;
  }

  return {
    /** Requests I may decide now, and the ones I sent. */
    async list(actor: Actor) {
      // Candidates in one statement (lead of the network; family of a child without a lead; a coordinator
      // of the region), each then checked with the same rule as deciding.
      const coordinatorRegions = actor.memberships.filter((m) => m.role === 'municipality_coordinator').map((m) => m.regionId);
      const pending = await db.query<RequestRow>(
        `${REQUEST_SELECT} LEFT JOIN networks n ON n.region_id = ANY($3::uuid[]) AND n.region_id = j.region_id AND n.young_person_id = j.young_person_id AND n.status = 'active'
          WHERE j.region_id = ANY($3::uuid[]) AND y.region_id = ANY($3::uuid[]) AND j.status = 'pending' AND j.requester_user_id <> $1
            AND (n.lead_user_id = $1
                 OR (n.lead_user_id IS NULL AND (y.user_id = $1 OR EXISTS (SELECT 1 FROM guardianships g
                      WHERE g.region_id = ANY($3::uuid[]) AND g.region_id = j.region_id AND g.young_person_id = j.young_person_id AND g.parent_user_id = $1 AND g.has_authority)))
                 OR (n.lead_user_id IS NULL AND j.region_id = ANY($2::uuid[])))
          ORDER BY j.created_at LIMIT 500`,
        [actor.userId, coordinatorRegions, actorRegions(actor)]);
      const incoming = [];
      for (const r of pending) {
        const as = await decidingAs(db, actor, r);
        if (as) incoming.push(incomingView(r, as));
      }
      const mine = await db.query<RequestRow>(
        `${REQUEST_SELECT} WHERE j.region_id = ANY($2::uuid[]) AND y.region_id = ANY($2::uuid[]) AND j.requester_user_id = $1 ORDER BY j.created_at DESC LIMIT 50`, [actor.userId, actorRegions(actor)]);
      return { incoming, outgoing: mine.map((r) => outgoingView(r)) };
    },

    /** Accept or refuse. Accepting makes the requester a member and records their question. */
    async decide(actor: Actor, requestId: string, body: { outcome: 'accepted' | 'refused'; note?: string }) {
      let denied = null as { id: string; regionId: string } | null;
      try {
        return await db.tx(async (q) => {
          const region = await requestRegion(q, actor, requestId);
          const [r] = region ? await q.query<RequestRow>(`${REQUEST_SELECT} WHERE j.region_id = $2 AND j.id = $1 FOR UPDATE OF j`, [requestId, region]) : [];
          if (!r) throw new AppError('not_found');
          const as = await decidingAs(q, actor, r);
          if (!as || r.requester_user_id === actor.userId) {
            denied = { id: r.young_person_id, regionId: r.region_id };
            throw new AppError('not_found');
          }
          if (r.status !== 'pending') {
            throw new AppError('conflict', { en: 'This request was already decided.', nl: 'Over dit verzoek is al beslist.', current: incomingView(r, as) });
          }
          await q.query(
            `UPDATE join_requests SET status = $2, decided_by = $3, decided_as = $4, decision_note = $5, decided_at = now(), version = version + 1
              WHERE region_id = $6 AND id = $1`,
            [r.id, body.outcome, actor.userId, as, body.note ?? null, r.region_id]);
          await appendAudit(q, {
            chainKey: youngPersonChain(r.young_person_id), kind: 'join.decided', regionId: r.region_id, actorUserId: actor.userId,
            youngPersonId: r.young_person_id, subjectType: 'join_request', subjectId: r.id, basis: as,
            details: { outcome: body.outcome, decidedAs: as },
          });
          if (body.outcome === 'accepted') {
            const requester = await actorForUser(q, r.requester_user_id);
            const membership = requester.memberships.find((m) => m.organisationId === r.organisation_id && m.role === r.role);
            if (!membership) {
              throw new AppError('unprocessable', { en: 'The requester no longer works for this organisation.', nl: 'De aanvrager werkt niet meer voor deze organisatie.' });
            }
            const question = questionOf(r)!;
            await openQuestionTx(q, requester, r.young_person_id, { ...question, organisationId: r.organisation_id }, r.region_id);
          } else {
            await addTimeline(q, { regionId: r.region_id, youngPersonId: r.young_person_id, kind: 'join.refused', actorUserId: actor.userId, subjectId: r.requester_user_id, summary: { organisation: r.organisation_name }, familyVisible: as === 'family' });
          }
          await notify(q, { regionId: r.region_id, userId: r.requester_user_id, kind: `join.${body.outcome}`, youngPersonId: body.outcome === 'accepted' ? r.young_person_id : null, payload: { joinRequestId: r.id }, dedupeKey: `join-decided:${r.id}` });
          return { id: r.id, status: body.outcome };
        });
      } catch (err) {
        if (denied) await auditDenied(db, actor, denied.id, denied.regionId, 'join.decided');
        throw err;
      }
    },

    /** The requester withdraws their own pending request. */
    async withdraw(actor: Actor, requestId: string) {
      return db.tx(async (q) => {
        const [r] = await q.query<{ region_id: string; young_person_id: string; organisation_id: string }>(
          `UPDATE join_requests SET status = 'withdrawn', decided_at = now(), version = version + 1
            WHERE region_id = ANY($3::uuid[]) AND id = $1 AND requester_user_id = $2 AND status = 'pending' RETURNING region_id, young_person_id, organisation_id`,
          [requestId, actor.userId, actorRegions(actor)]);
        if (!r) throw new AppError('not_found');
        await appendAudit(q, {
          chainKey: youngPersonChain(r.young_person_id), kind: 'join.decided', regionId: r.region_id, actorUserId: actor.userId,
          actorOrganisationId: r.organisation_id, youngPersonId: r.young_person_id, subjectType: 'join_request', subjectId: requestId, basis: null,
          details: { outcome: 'withdrawn' },
        });
        return { id: requestId, status: 'withdrawn' as const };
      });
    },
  };
}

/**
 * Must this professional ask to join (given their access to the child), or may they go on themselves:
 * a member, or a school starting the first network of its own pupil. An existing network has a lead who decides.
 */
export function mustAskToJoin(a: ChildAccess | null): boolean {
  if (!a) return true;
  if (a.involved) return false;
  return !(!a.networkId && a.basis === 'enrolment');
}

export type JoinRequestsService = ReturnType<typeof createJoinRequestsService>;
