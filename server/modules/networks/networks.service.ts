/**
 * The network (kindkring): a question starts it; professionals are involved from–to;
 * exactly one lead professional (regisseur) per active network, with recorded
 * handovers; inviting a professional needs a basis that covers their organisation.
 */
import { fromJsonList, type Db, type Json, type Queryable } from '../../core/db.ts';
import { AppError } from '../../core/errors.ts';
import { appendAudit, youngPersonChain } from '../../core/audit.ts';
import { addTimeline, auditDenied, CASE_ROLES, LEGAL_BASIS_OPEN_SQL, loadConsentRows, notify, resolveAccess, withChild, type ChildAccess } from '../../core/access.ts';
import { actorRegions, type Actor, type Membership } from '../../core/session.ts';
import { mustAskToJoin, requestToJoinTx } from './join-requests.ts';
import { assertFreeText } from '../../core/free-text/sensitive-terms.ts';
import { today } from '../../../shared/dates.ts';
import { consentCoverage } from '../consents/consent-rules.ts';
import { allowedActions, childPolicy } from '../children/children.policy.ts';
import type { QuestionBody } from '../children/children.schemas.ts';

/** The case membership a professional acts for: the one named, or their first. 422 when it is not theirs. */
export function caseMembership(actor: Actor, organisationId?: string): Membership {
  const caseMemberships = actor.memberships.filter((m) => CASE_ROLES.includes(m.role));
  const membership = organisationId ? caseMemberships.find((m) => m.organisationId === organisationId) : caseMemberships[0];
  if (!membership) throw new AppError('validation_failed', { fields: { organisationId: 'not one of your organisations' } });
  return membership;
}

export const actorInRegion = (actor: Actor, regionId: string) => actor.regionId === regionId || actor.memberships.some((m) => m.regionId === regionId);

/**
 * The family raises a question as who they are: a parent as parent, the young person as young person
 * (a parent cannot put words in the child's mouth, nor pass a question off as a professional's).
 * Whether the parents know is a professional's statement; for the family it is not asked.
 */
export function assertRaisedBy(actor: Actor, body: QuestionBody): void {
  const own = actor.kind === 'parent' ? 'parent' : actor.kind === 'young_person' ? 'young_person' : null;
  if (own && body.raisedBy !== own) {
    throw new AppError('invalid_value', {
      fields: { raisedBy: `you raise a question as ${own}` },
      en: 'You raise a question in your own name.', nl: 'U stelt een vraag in uw eigen naam.',
    });
  }
}

/**
 * Records a question; starts a network when none is active; involves the professional who asks.
 * Only for the family, accepted members, a school starting its own pupil's first network, and an
 * accepted join request: everyone else asks to join first (openQuestion, join-requests.ts).
 */
export async function openQuestionTx(q: Queryable, actor: Actor, youngPersonId: string, body: QuestionBody, regionId: string) {
  assertFreeText({ text: body.text });
  assertRaisedBy(actor, body);
  const membership = actor.kind === 'staff' ? caseMembership(actor, body.organisationId) : undefined;
  let [net] = await q.query<{ id: string; lead_user_id: string | null }>(
    `SELECT id, lead_user_id FROM networks WHERE region_id = $2 AND young_person_id = $1 AND status = 'active' FOR UPDATE`, [youngPersonId, regionId]);
  let networkCreated = false;
  if (!net) {
    [net] = await q.query<{ id: string; lead_user_id: string | null }>(
      `INSERT INTO networks (region_id, young_person_id, lead_user_id, lead_organisation_id) VALUES ($1, $2, $3, $4) RETURNING id, lead_user_id`,
      [regionId, youngPersonId, membership ? actor.userId : null, membership?.organisationId ?? null]);
    networkCreated = true;
    await addTimeline(q, { regionId, youngPersonId, kind: 'network.created', actorUserId: actor.userId, subjectId: net!.id });
    await appendAudit(q, { chainKey: youngPersonChain(youngPersonId), kind: 'network.created', regionId, actorUserId: actor.userId, youngPersonId, subjectType: 'network', subjectId: net!.id, basis: membership ? 'involvement' : actor.kind });
  }
  const [question] = await q.query<{ id: string }>(
    `INSERT INTO questions (region_id, young_person_id, network_id, text, own_words, life_domains, raised_by, created_by, parents_informed)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9) RETURNING id`,
    [regionId, youngPersonId, net!.id, body.text, body.ownWords, body.lifeDomains, body.raisedBy, actor.userId,
      actor.kind === 'staff' ? body.parentsInformed ?? null : null]);
  await addTimeline(q, { regionId, youngPersonId, kind: 'question.created', actorUserId: actor.userId, subjectId: question!.id, summary: { lifeDomains: body.lifeDomains, raisedBy: body.raisedBy } });
  await appendAudit(q, { chainKey: youngPersonChain(youngPersonId), kind: 'question.created', regionId, actorUserId: actor.userId, actorOrganisationId: membership?.organisationId ?? null, youngPersonId, subjectType: 'question', subjectId: question!.id, details: { lifeDomains: body.lifeDomains } });
  if (membership) {
    const [inv] = await q.query(
      `SELECT 1 FROM involvements WHERE region_id = $5 AND network_id = $1 AND user_id = $2 AND organisation_id = $3 AND (ends_on IS NULL OR ends_on >= $4)`,
      [net!.id, actor.userId, membership.organisationId, today(), regionId]);
    if (!inv) {
      await q.query(
        `INSERT INTO involvements (region_id, network_id, young_person_id, user_id, organisation_id, role, starts_on, invited_by)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$4)`,
        [regionId, net!.id, youngPersonId, actor.userId, membership.organisationId, membership.role, today()]);
      await addTimeline(q, { regionId, youngPersonId, kind: 'involvement.added', actorUserId: actor.userId, subjectId: actor.userId, summary: { organisation: membership.organisationName, role: membership.role } });
    }
  }
  // A question raised by someone else reaches the lead professional.
  if (net!.lead_user_id && net!.lead_user_id !== actor.userId) {
    await notify(q, { regionId, userId: net!.lead_user_id, kind: 'question.new', youngPersonId, payload: { questionId: question!.id } });
  }
  return { questionId: question!.id, networkId: net!.id, networkCreated };
}

/** Does a consent or a legal basis cover this organisation (and role) for the young person today? */
export async function basisCovers(q: Queryable, a: ChildAccess, organisationId: string, role?: string): Promise<boolean> {
  const [legal] = await q.query(
    `SELECT 1 FROM legal_bases l WHERE l.region_id = $4 AND l.young_person_id = $1 AND l.organisation_id = $2
        AND ${LEGAL_BASIS_OPEN_SQL} AND (l.valid_until IS NULL OR l.valid_until >= $3)`,
    [a.youngPersonId, organisationId, a.today, a.regionId]);
  if (legal) return true;
  const consents = await loadConsentRows(q, a.regionId, a.youngPersonId);
  return consentCoverage({
    birthDate: a.birthDate, guardianIds: a.guardianIds, youngPersonUserId: a.youngPersonUserId, consents,
    recipient: { organisationId, role }, on: a.today,
  }).covered;
}

const NETWORK_ACTIONS = ['inviteToNetwork', 'endInvolvement', 'handOverLead', 'openQuestion'] as const;


interface NetworkRow {
  id: string; status: string; lead_user_id: string | null; version: number; lead_name: string | null; lead_org: string | null;
  given_name: string; family_name: string; yp_user_id: string | null;
  involvements: Json<{
    id: string; user_id: string; display_name: string; organisation_id: string; org_name: string; org_type: string; role: string;
    starts_on: string; ends_on: string | null; email: string | null; phone: string | null;
  }[]>;
  guardians: Json<{ id: string; display_name: string }[]>;
  questions: Json<{ id: string; text: string; own_words: boolean; life_domains: string[]; raised_by: string; parents_informed: 'yes' | 'not_yet' | null; created_at: string; created_by: string }[]>;
  handovers: Json<{ from_name: string | null; to_name: string; reason: string; at: string }[]>;
}

/** The network as its members see it, read in one statement (it is on every case view); $1 is the young person, $2 the regions to
 * look in. It needs nothing from the access decision, so a read fetches it with the access facts (withChild's prefetch). */
export const NETWORK_VIEW_SQL = `SELECT n.id, n.status, n.lead_user_id, n.version, u.display_name AS lead_name, o.name AS lead_org,
            y.given_name, y.family_name, y.user_id AS yp_user_id,
            (SELECT json_agg(json_build_object('id', i.id, 'user_id', i.user_id, 'display_name', iu.display_name,
                    'organisation_id', i.organisation_id, 'org_name', io.name, 'org_type', io.type, 'role', i.role,
                    'starts_on', i.starts_on, 'ends_on', i.ends_on, 'email', io.contact_email, 'phone', io.contact_phone)
                    ORDER BY i.starts_on, iu.display_name)
               FROM involvements i JOIN users iu ON iu.id = i.user_id JOIN organisations io ON io.id = i.organisation_id
              WHERE i.region_id = ANY($2::uuid[]) AND i.region_id = n.region_id AND i.network_id = n.id) AS involvements,
            (SELECT json_agg(json_build_object('id', gu.id, 'display_name', gu.display_name) ORDER BY g.created_at, gu.id)
               FROM guardianships g JOIN users gu ON gu.id = g.parent_user_id
              WHERE g.region_id = ANY($2::uuid[]) AND g.region_id = n.region_id AND g.young_person_id = n.young_person_id AND g.has_authority) AS guardians,
            (SELECT json_agg(json_build_object('id', qq.id, 'text', qq.text, 'own_words', qq.own_words, 'life_domains', qq.life_domains,
                    'raised_by', qq.raised_by, 'parents_informed', qq.parents_informed, 'created_at', qq.created_at, 'created_by', qu.display_name) ORDER BY qq.created_at)
               FROM questions qq JOIN users qu ON qu.id = qq.created_by WHERE qq.region_id = ANY($2::uuid[]) AND qq.region_id = n.region_id
                AND qq.network_id = n.id) AS questions,
            (SELECT json_agg(json_build_object('from_name', f.display_name, 'to_name', t.display_name, 'reason', h.reason, 'at', h.at) ORDER BY h.at)
               FROM lead_handovers h LEFT JOIN users f ON f.id = h.from_user_id JOIN users t ON t.id = h.to_user_id
              WHERE h.region_id = ANY($2::uuid[]) AND h.region_id = n.region_id AND h.network_id = n.id) AS handovers
       FROM networks n JOIN young_people y ON y.region_id = n.region_id AND y.id = n.young_person_id
       LEFT JOIN users u ON u.id = n.lead_user_id LEFT JOIN organisations o ON o.id = n.lead_organisation_id
      WHERE n.region_id = ANY($2::uuid[]) AND y.region_id = ANY($2::uuid[]) AND n.young_person_id = $1 AND n.status = 'active'`;

/** A network as its readers see it; `prefetched`: the rows of NETWORK_VIEW_SQL, already fetched (withChild's prefetch). */
export async function networkView(q: Queryable, a: ChildAccess, prefetched?: unknown[]) {
  const [row] = (prefetched as NetworkRow[] | undefined) ?? await q.query<NetworkRow>(NETWORK_VIEW_SQL, [a.youngPersonId, [a.regionId]]);
  if (!row) throw new AppError('not_found', { en: 'This young person has no active network.', nl: 'Er is geen actief netwerk.' });
  const net = row;
  const yp = { given_name: row.given_name, family_name: row.family_name, user_id: row.yp_user_id };
  const involvements = fromJsonList(row.involvements);
  const guardians = fromJsonList(row.guardians);
  const questions = fromJsonList(row.questions);
  const handovers = fromJsonList(row.handovers);
  return {
    id: net.id, status: net.status,
    lead: net.lead_user_id ? { userId: net.lead_user_id, displayName: net.lead_name!, organisationName: net.lead_org } : null,
    involvements: involvements.map((i) => ({
      id: i.id, userId: i.user_id, displayName: i.display_name, organisationId: i.organisation_id, organisationName: i.org_name,
      organisationType: i.org_type, role: i.role, startsOn: i.starts_on, endsOn: i.ends_on, isLead: i.user_id === net.lead_user_id && !i.ends_on,
      contactEmail: i.email, contactPhone: i.phone,
    })),
    members: [
      ...guardians.map((g) => ({ userId: g.id, displayName: g.display_name, relation: 'parent' })),
      { userId: yp!.user_id, displayName: `${yp!.given_name} ${yp!.family_name}`, relation: 'young_person' },
    ],
    questions: questions.map((x) => ({
      id: x.id, text: x.text, ownWords: x.own_words, lifeDomains: x.life_domains, raisedBy: x.raised_by, parentsInformed: x.parents_informed ?? null,
      createdAt: new Date(x.created_at).toISOString(), createdBy: x.created_by,
    })),
    handovers: handovers.map((h) => ({ from: h.from_name, to: h.to_name, reason: h.reason, at: new Date(h.at).toISOString() })),
    version: net.version,
    allowedActions: allowedActions(a, [...NETWORK_ACTIONS]),
  };
}

export function createNetworksService(db: Db) {
  return {
    /**
     * A question from the family or a member goes straight into the network. A professional who is
     * not a member (outside the network, break-the-glass, a school whose pupil already has a network)
     * sends a join request instead (join-requests.ts): the answer says only that it was sent.
     */
    async openQuestion(actor: Actor, childId: string, body: QuestionBody): Promise<
      { status: 'opened'; questionId: string; networkId: string; networkCreated: boolean } | { status: 'join_requested' }> {
      const isCaseProfessional = actor.kind === 'staff' && actor.memberships.some((m) => CASE_ROLES.includes(m.role));
      if (isCaseProfessional) {
        assertFreeText({ text: body.text });
        const membership = caseMembership(actor, body.organisationId);
        const join = await db.tx(async (q) => {
          const a = await resolveAccess(q, actor, childId);
          // Unknown, or in another region: the child does not exist for this caller.
          if (!a || !actorInRegion(actor, a.regionId)) return null;
          if (!mustAskToJoin(a)) return false;
          await requestToJoinTx(q, actor, childId, a.regionId, 'question', membership, body);
          return true;
        });
        if (join === null) {
          await auditDenied(db, actor, childId, null, 'question.created');
          throw new AppError('not_found');
        }
        if (join) return { status: 'join_requested' };
      }
      const opened = await withChild(db, actor, childId, { rule: childPolicy.openQuestion, audit: 'network.read', subjectType: 'network' },
        (q, a) => openQuestionTx(q, actor, childId, body, a.regionId));
      return { status: 'opened', ...opened };
    },

    async get(actor: Actor, childId: string) {
      return withChild(db, actor, childId, {
        rule: childPolicy.readNetwork, audit: 'network.read', subjectType: 'network', readOnly: true, prefetch: { sql: NETWORK_VIEW_SQL, params: [childId, actorRegions(actor)] },
      }, networkView);
    },

    /** Professionals of the region who could be invited, and whether a basis covers them now. */
    async candidates(actor: Actor, childId: string, term = '') {
      return withChild(db, actor, childId, { rule: childPolicy.inviteToNetwork, audit: 'network.read', subjectType: 'network', details: { view: 'candidates' }, readOnly: true }, async (q, a) => {
        const rows = await q.query<{ user_id: string; display_name: string; organisation_id: string; org_name: string; org_type: string; role: string }>(
          `SELECT u.id AS user_id, u.display_name, o.id AS organisation_id, o.name AS org_name, o.type AS org_type, m.role
             FROM memberships m JOIN users u ON u.id = m.user_id AND u.active JOIN organisations o ON o.id = m.organisation_id
            WHERE o.region_id = $1 AND m.role = ANY($2::text[])
              AND ($3 = '' OR lower(u.display_name || ' ' || o.name) LIKE '%' || $3 || '%')
            ORDER BY o.name, u.display_name LIMIT 50`,
          [a.regionId, CASE_ROLES, term.trim().toLowerCase().replace(/[%_\\]/g, '')]);
        const out = [];
        for (const r of rows) {
          out.push({ userId: r.user_id, displayName: r.display_name, organisationId: r.organisation_id, organisationName: r.org_name,
            organisationType: r.org_type, role: r.role, covered: await basisCovers(q, a, r.organisation_id, r.role) });
        }
        return out;
      });
    },

    async invite(actor: Actor, childId: string, body: { userId: string; organisationId: string; role?: string }) {
      return withChild(db, actor, childId, { rule: childPolicy.inviteToNetwork, audit: 'involvement.added', subjectType: 'user', subjectId: body.userId, details: { organisationId: body.organisationId } }, async (q, a) => {
        const [m] = await q.query<{ role: string; org_name: string }>(
          `SELECT m.role, o.name AS org_name FROM memberships m JOIN organisations o ON o.id = m.organisation_id
            WHERE m.user_id = $1 AND m.organisation_id = $2 AND m.role = ANY($3::text[]) AND ($4::text IS NULL OR m.role = $4)
            ORDER BY m.role LIMIT 1`,
          [body.userId, body.organisationId, CASE_ROLES, body.role ?? null]);
        if (!m) throw new AppError('validation_failed', { fields: { userId: 'not a professional of this organisation' } });
        if (!(await basisCovers(q, a, body.organisationId, m.role))) throw new AppError('no_basis');
        const [dup] = await q.query(
          `SELECT 1 FROM involvements WHERE region_id = $5 AND network_id = $1 AND user_id = $2 AND organisation_id = $3 AND (ends_on IS NULL OR ends_on >= $4)`,
          [a.networkId, body.userId, body.organisationId, a.today, a.regionId]);
        if (dup) throw new AppError('already_exists', { en: 'This professional is already involved.', nl: 'Deze professional is al betrokken.' });
        await q.query(
          `INSERT INTO involvements (region_id, network_id, young_person_id, user_id, organisation_id, role, starts_on, invited_by)
           VALUES ($1,$2,$3,$4,$5,$6,$7,$8)`,
          [a.regionId, a.networkId, childId, body.userId, body.organisationId, m.role, a.today, actor.userId]);
        await addTimeline(q, { regionId: a.regionId, youngPersonId: childId, kind: 'involvement.added', actorUserId: actor.userId, subjectId: body.userId, summary: { organisation: m.org_name, role: m.role } });
        await notify(q, { regionId: a.regionId, userId: body.userId, kind: 'network.invited', youngPersonId: childId, payload: { by: actor.displayName } });
        return networkView(q, a);
      });
    },

    async endInvolvement(actor: Actor, childId: string, involvementId: string) {
      return withChild(db, actor, childId, { rule: childPolicy.endInvolvement, audit: 'involvement.ended', subjectType: 'involvement', subjectId: involvementId }, async (q, a) => {
        const [inv] = await q.query<{ user_id: string }>(
          `UPDATE involvements SET ends_on = $3 WHERE region_id = $4 AND id = $1 AND network_id = $2 AND (ends_on IS NULL OR ends_on > $3) RETURNING user_id`,
          [involvementId, a.networkId, a.today, a.regionId]);
        if (!inv) throw new AppError('not_found');
        if (inv.user_id === a.leadUserId) {
          await q.query(`UPDATE networks SET lead_user_id = NULL, lead_organisation_id = NULL, version = version + 1 WHERE region_id = $2 AND id = $1`, [a.networkId, a.regionId]);
        }
        await addTimeline(q, { regionId: a.regionId, youngPersonId: childId, kind: 'involvement.ended', actorUserId: actor.userId, subjectId: inv.user_id });
        return networkView(q, { ...a, leadUserId: inv.user_id === a.leadUserId ? null : a.leadUserId });
      });
    },

    /** Hands the lead to another involved professional. Needs the network version (If-Match). */
    async handOverLead(actor: Actor, childId: string, ifMatch: number, body: { userId: string; reason: string }) {
      return withChild(db, actor, childId, { rule: childPolicy.handOverLead, audit: 'network.lead_handover', subjectType: 'user', subjectId: body.userId }, async (q, a) => {
        const [inv] = await q.query<{ organisation_id: string }>(
          `SELECT organisation_id FROM involvements WHERE region_id = $4 AND network_id = $1 AND user_id = $2 AND starts_on <= $3 AND (ends_on IS NULL OR ends_on >= $3) LIMIT 1`,
          [a.networkId, body.userId, a.today, a.regionId]);
        if (!inv) throw new AppError('validation_failed', { fields: { userId: 'must be involved in this network' } });
        const updated = await q.query(
          `UPDATE networks SET lead_user_id = $3, lead_organisation_id = $4, version = version + 1 WHERE region_id = $5 AND id = $1 AND version = $2 RETURNING id`,
          [a.networkId, ifMatch, body.userId, inv.organisation_id, a.regionId]);
        if (updated.length === 0) throw new AppError('conflict', { current: await networkView(q, a) });
        await q.query(
          `INSERT INTO lead_handovers (region_id, network_id, young_person_id, from_user_id, to_user_id, reason, by_user_id) VALUES ($1,$2,$3,$4,$5,$6,$7)`,
          [a.regionId, a.networkId, childId, a.leadUserId, body.userId, body.reason, actor.userId]);
        await addTimeline(q, { regionId: a.regionId, youngPersonId: childId, kind: 'network.lead_handover', actorUserId: actor.userId, subjectId: body.userId });
        if (body.userId !== actor.userId) await notify(q, { regionId: a.regionId, userId: body.userId, kind: 'network.lead_assigned', youngPersonId: childId, payload: { by: actor.displayName } });
        return networkView(q, { ...a, leadUserId: body.userId, isLead: body.userId === actor.userId });
      });
    },
  };
}

export type NetworksService = ReturnType<typeof createNetworksService>;
