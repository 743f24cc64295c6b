/**
 * The family's disagreement has a way forward (issue 17, part 5): the "disagreement clock".
 *
 * A parent with gezag or the young person who disagrees with the plan asks for a conversation.
 * The lead sees it and resolves it with a note. Open longer than the region's period
 * (`regions.disagreement_days`, default 14 calendar days) — or at once when the network has no
 * lead — it is on the list of the municipality coordinators of the child's region, who may
 * then resolve it too. "Escalated" is derived from `requested_at` whenever a list is read, so
 * it is right without any job having run; the time comes from the app's clock (a test moves it).
 *
 * Who sees what: the family and the lead see the child's requests; other professionals in the
 * network do not (it is the family's conversation with the lead). A coordinator sees only
 * escalated requests of their own region, with the child's name, the lead and the family's
 * words, and a link to the child only when they may open it. Everyone else: 404.
 */
import type { Db, Queryable } from '../../core/db.ts';
import { AppError } from '../../core/errors.ts';
import { addTimeline, auditDenied, notify, resolveAccessMany, withChild, type ChildAccess } from '../../core/access.ts';
import { appendAudit, appendChildListReads, youngPersonChain } from '../../core/audit.ts';
import { actorRegions, type Actor } from '../../core/session.ts';
import { assertFreeText } from '../../core/free-text/sensitive-terms.ts';
import { childPolicy } from '../children/children.policy.ts';
import type { DisagreementBody, ResolveBody } from './disagreements.schemas.ts';

const DAY_MS = 86_400_000;

/** Who may do what with the child's requests (over the access withChild resolved). */
export const disagreementPolicy = {
  /** The family (as for plan opinions) asks. */
  request: childPolicy.givePlanOpinion,
  read: (a: ChildAccess) => childPolicy.givePlanOpinion(a) || (a.level === 'network' && a.isLead),
  resolve: (a: ChildAccess) => a.level === 'network' && a.isLead,
};

/** The regions where this actor is a municipality coordinator (the holder of doorzettingsmacht). */
const coordinatorRegions = (actor: Actor) => [...new Set(actor.memberships.filter((m) => m.role === 'municipality_coordinator').map((m) => m.regionId))];

interface Row {
  id: string; region_id: string; young_person_id: string; plan_version: number; relation: 'parent' | 'young_person'; requested_by_id: string; requested_by: string;
  reason: string; status: 'open' | 'resolved'; requested_at: Date; resolved_by: string | null; resolved_role: string | null; resolved_at: Date | null;
  resolution_note: string | null; days: number; lead_user_id: string | null;
}

/** A request with its region's period and the network's lead; `more`: extra columns, `joins`: extra joins. */
const select = (more = '', joins = '') => `SELECT d.id, d.region_id, d.young_person_id, d.plan_version, d.relation, d.requested_by AS requested_by_id, ru.display_name AS requested_by,
        d.reason, d.status, d.requested_at, su.display_name AS resolved_by, d.resolved_role, d.resolved_at, d.resolution_note, r.disagreement_days AS days,
        ln.lead_user_id${more}
   FROM plan_disagreements d JOIN regions r ON r.id = d.region_id JOIN users ru ON ru.id = d.requested_by LEFT JOIN users su ON su.id = d.resolved_by
   LEFT JOIN networks ln ON ln.region_id = d.region_id AND ln.young_person_id = d.young_person_id AND ln.status = 'active'${joins}`;
const SELECT = select();
/** The coordinator's columns: the child's name, the lead and their organisation. */
const COORDINATOR_SELECT = select(', y.given_name, y.family_name, lu.display_name AS lead_name, lo.name AS lead_org',
  ` JOIN young_people y ON y.region_id = d.region_id AND y.id = d.young_person_id
   LEFT JOIN users lu ON lu.id = ln.lead_user_id LEFT JOIN organisations lo ON lo.id = ln.lead_organisation_id`);

const dueAt = (r: Row) => new Date(new Date(r.requested_at).getTime() + r.days * DAY_MS);
/** Open and past its period, or open in a network without a lead (nobody else would pick it up). */
export const isEscalated = (r: Pick<Row, 'status' | 'requested_at' | 'days' | 'lead_user_id'>, now: Date) =>
  r.status === 'open' && (r.lead_user_id === null || now.getTime() >= new Date(r.requested_at).getTime() + r.days * DAY_MS);

export function createDisagreementsService(db: Db, clock: () => Date = () => new Date()) {
  const childView = (r: Row, a: ChildAccess, now: Date) => ({
    id: r.id, planVersion: r.plan_version, relation: r.relation, requestedBy: r.requested_by, reason: r.reason, status: r.status,
    requestedAt: new Date(r.requested_at).toISOString(), dueAt: dueAt(r).toISOString(), escalated: isEscalated(r, now),
    resolvedBy: r.resolved_by, resolvedRole: r.resolved_role, resolvedAt: r.resolved_at ? new Date(r.resolved_at).toISOString() : null, resolutionNote: r.resolution_note,
    allowedActions: r.status === 'open' && disagreementPolicy.resolve(a) ? ['resolveDisagreement'] : [],
  });

  const listOf = async (q: Queryable, a: ChildAccess, actor: Actor) => {
    const now = clock();
    const [region] = await q.query<{ days: number }>(`SELECT disagreement_days AS days FROM regions WHERE id = $1`, [a.regionId]);
    const rows = await q.query<Row>(`${SELECT} WHERE d.region_id = $1 AND d.young_person_id = $2 ORDER BY d.requested_at DESC`, [a.regionId, a.youngPersonId]);
    const mineOpen = rows.some((r) => r.status === 'open' && r.requested_by_id === actor.userId);
    return {
      periodDays: region?.days ?? 14,
      items: rows.map((r) => childView(r, a, now)),
      allowedActions: disagreementPolicy.request(a) && !mineOpen ? ['requestConversation'] : [],
    };
  };

  const coordinatorView = (r: Row & { given_name: string; family_name: string; lead_name: string | null; lead_org: string | null }, canOpen: boolean, now: Date) => ({
    id: r.id, childName: `${r.given_name} ${r.family_name}`, youngPersonId: canOpen ? r.young_person_id : null, leadName: r.lead_name, leadOrganisation: r.lead_org,
    relation: r.relation, requestedBy: r.requested_by, reason: r.reason, requestedAt: new Date(r.requested_at).toISOString(), dueAt: dueAt(r).toISOString(),
    daysOpen: Math.floor((now.getTime() - new Date(r.requested_at).getTime()) / DAY_MS), status: r.status, resolutionNote: r.resolution_note,
    allowedActions: r.status === 'open' ? ['resolveDisagreement'] : [],
  });

  return {
    async list(actor: Actor, childId: string) {
      return withChild(db, actor, childId, { rule: disagreementPolicy.read, audit: 'disagreement.read', subjectType: 'plan_disagreements', readOnly: true },
        (q, a) => listOf(q, a, actor));
    },

    async request(actor: Actor, childId: string, body: DisagreementBody) {
      assertFreeText({ reason: body.reason });
      return withChild(db, actor, childId, { rule: disagreementPolicy.request, audit: 'disagreement.requested', subjectType: 'plan_disagreement' }, async (q, a) => {
        const [plan] = await q.query<{ current_version: number }>(`SELECT current_version FROM plans WHERE region_id = $1 AND young_person_id = $2`, [a.regionId, childId]);
        if (!plan || plan.current_version < 1) throw new AppError('unprocessable', { en: 'There is no plan yet to disagree with.', nl: 'Er is nog geen plan om het mee oneens te zijn.' });
        const relation = a.level === 'self' ? 'young_person' : 'parent';
        const [open] = await q.query(`SELECT 1 FROM plan_disagreements WHERE region_id = $1 AND young_person_id = $2 AND requested_by = $3 AND status = 'open'`, [a.regionId, childId, actor.userId]);
        if (open) throw new AppError('already_exists', { en: 'You already asked for a conversation; the lead will contact you.', nl: 'U heeft al om een gesprek gevraagd; de regisseur neemt contact met u op.' });
        const [row] = await q.query<{ id: string }>(
          `INSERT INTO plan_disagreements (region_id, young_person_id, plan_version, requested_by, relation, reason, requested_at)
           VALUES ($1,$2,$3,$4,$5,$6,$7) ON CONFLICT DO NOTHING RETURNING id`,
          [a.regionId, childId, plan.current_version, actor.userId, relation, body.reason, clock()]);
        if (!row) throw new AppError('already_exists', { en: 'You already asked for a conversation.', nl: 'U heeft al om een gesprek gevraagd.' });
        await addTimeline(q, { regionId: a.regionId, youngPersonId: childId, kind: 'disagreement.requested', actorUserId: actor.userId, subjectId: row.id, summary: { relation } });
        if (a.leadUserId) await notify(q, { regionId: a.regionId, userId: a.leadUserId, kind: 'disagreement.requested', youngPersonId: childId, payload: { disagreementId: row.id, relation } });
        return listOf(q, a, actor);
      });
    },

    /** The lead resolves, before or after the period, with a note of what was agreed. */
    async resolveAsLead(actor: Actor, childId: string, id: string, body: ResolveBody) {
      assertFreeText({ note: body.note });
      return withChild(db, actor, childId, { rule: disagreementPolicy.resolve, audit: 'disagreement.resolved', subjectType: 'plan_disagreement', subjectId: id, details: { as: 'lead' } }, async (q, a) => {
        await resolve(q, a.regionId, childId, id, actor, 'lead', body.note);
        return listOf(q, a, actor);
      });
    },

    /** The coordinator's list: open requests of their regions past the period (or without a lead). */
    async escalated(actor: Actor) {
      const regions = coordinatorRegions(actor);
      if (regions.length === 0) return [];
      const now = clock();
      const rows = (await db.query<Row & { given_name: string; family_name: string; lead_name: string | null; lead_org: string | null }>(
        `${COORDINATOR_SELECT} WHERE d.region_id = ANY($1::uuid[]) AND y.region_id = ANY($1::uuid[]) AND d.status = 'open'
          ORDER BY d.requested_at LIMIT 500`, [regions])).filter((r) => isEscalated(r, now));
      const reach = await resolveAccessMany(db, actor, rows.map((r) => r.young_person_id));
      await appendChildListReads(db, {
        kind: 'disagreement.list_read', actorUserId: actor.userId, actorOrganisationId: actor.memberships[0]?.organisationId ?? null, subjectType: 'plan_disagreements',
      }, rows.map((r) => ({ youngPersonId: r.young_person_id, regionId: r.region_id, basis: reach.get(r.young_person_id)?.basis ?? 'coordinator' })));
      return rows.map((r) => coordinatorView(r, reach.has(r.young_person_id), now));
    },

    /** The coordinator resolves an escalated request of their region; before the period it does not exist for them (404). */
    async resolveAsCoordinator(actor: Actor, id: string, body: ResolveBody) {
      assertFreeText({ note: body.note });
      const regions = coordinatorRegions(actor);
      let denied: { youngPersonId: string; regionId: string } | null = null;
      try {
        return await db.tx(async (q) => {
          const now = clock();
          // Find its region, then lock it there (one shard: Citus locks rows only in a single-shard statement).
          const [found] = await q.query<{ region_id: string }>(
            `SELECT region_id FROM plan_disagreements WHERE region_id = ANY($2::uuid[]) AND id = $1`, [id, actorRegions(actor)]);
          const [locked] = found ? await q.query<{ region_id: string; young_person_id: string }>(
            `SELECT region_id, young_person_id FROM plan_disagreements WHERE region_id = $2 AND id = $1 FOR UPDATE`, [id, found.region_id]) : [];
          if (!locked) throw new AppError('not_found');
          const [row] = await q.query<Row>(`${SELECT} WHERE d.region_id = $1 AND d.id = $2`, [locked.region_id, id]);
          if (!regions.includes(locked.region_id) || !(row!.status === 'resolved' || isEscalated(row!, now))) {
            denied = { youngPersonId: locked.young_person_id, regionId: locked.region_id };
            throw new AppError('not_found');
          }
          await resolve(q, locked.region_id, locked.young_person_id, id, actor, 'coordinator', body.note);
          await appendAudit(q, {
            chainKey: youngPersonChain(locked.young_person_id), kind: 'disagreement.resolved', regionId: locked.region_id, actorUserId: actor.userId,
            actorOrganisationId: actor.memberships.find((m) => m.role === 'municipality_coordinator' && m.regionId === locked.region_id)?.organisationId ?? null,
            youngPersonId: locked.young_person_id, subjectType: 'plan_disagreement', subjectId: id, basis: 'doorzettingsmacht', details: { as: 'coordinator' },
          });
          const [after] = await q.query<Row & { given_name: string; family_name: string; lead_name: string | null; lead_org: string | null }>(
            `${COORDINATOR_SELECT} WHERE d.region_id = $1 AND y.region_id = $1 AND d.id = $2`, [locked.region_id, id]);
          const reach = await resolveAccessMany(q, actor, [locked.young_person_id]);
          return coordinatorView(after!, reach.has(locked.young_person_id), now);
        });
      } catch (err) {
        const d = denied as { youngPersonId: string; regionId: string } | null;
        if (d) await auditDenied(db, actor, d.youngPersonId, d.regionId, 'disagreement.resolved');
        throw err;
      }
    },
  };

  /** Closes an open request once (a second answer gets 409), tells the family and the lead, and writes the timeline line. */
  async function resolve(q: Queryable, regionId: string, childId: string, id: string, actor: Actor, role: 'lead' | 'coordinator', note: string) {
    const done = await q.query<{ requested_by: string }>(
      `UPDATE plan_disagreements SET status = 'resolved', resolved_by = $4, resolved_role = $5, resolved_at = $6, resolution_note = $7
        WHERE region_id = $1 AND young_person_id = $2 AND id = $3 AND status = 'open' RETURNING requested_by`,
      [regionId, childId, id, actor.userId, role, clock(), note]);
    if (done.length === 0) {
      const [exists] = await q.query(`SELECT 1 FROM plan_disagreements WHERE region_id = $1 AND young_person_id = $2 AND id = $3`, [regionId, childId, id]);
      if (!exists) throw new AppError('not_found');
      throw new AppError('conflict', { en: 'This request was already resolved.', nl: 'Dit verzoek is al afgehandeld.' });
    }
    await addTimeline(q, { regionId, youngPersonId: childId, kind: 'disagreement.resolved', actorUserId: actor.userId, subjectId: id, summary: { role } });
    await notify(q, { regionId, userId: done[0]!.requested_by, kind: 'disagreement.resolved', youngPersonId: childId, payload: { disagreementId: id, by: actor.displayName } });
    if (role === 'coordinator') {
      const [lead] = await q.query<{ lead_user_id: string | null }>(
        `SELECT lead_user_id FROM networks WHERE region_id = $1 AND young_person_id = $2 AND status = 'active' LIMIT 1`, [regionId, childId]);
      if (lead?.lead_user_id) await notify(q, { regionId, userId: lead.lead_user_id, kind: 'disagreement.resolved', youngPersonId: childId, payload: { disagreementId: id, by: actor.displayName } });
    }
  }
}

export type DisagreementsService = ReturnType<typeof createDisagreementsService>;
