/**
 * The professional's home worklist: the networks they are involved in now, with the
 * lead, next evaluation, open and overdue actions and last activity. One query, over
 * network_summaries (kept by triggers; the rules are in migration 0009).
 * Reading it is one audit event on the user's chain naming the children listed.
 */
import { Type, type Static } from 'typebox';
import type { Db } from '../../core/db.ts';
import { appendReadAudit, userChain } from '../../core/audit.ts';
import { resolveAccessMany } from '../../core/access.ts';
import type { Actor } from '../../core/session.ts';
import { ageOn, today } from '../../../shared/dates.ts';

export const WorklistOut = Type.Object({
  items: Type.Array(Type.Object({
    youngPersonId: Type.String({ format: 'uuid' }), name: Type.String(), ageYears: Type.Integer(), isLead: Type.Boolean(),
    leadName: Type.Union([Type.String(), Type.Null()]), organisationName: Type.String(), nextEvaluationOn: Type.Union([Type.String(), Type.Null()]),
    openActions: Type.Integer(), overdueActions: Type.Integer(), lastActivityAt: Type.Union([Type.String(), Type.Null()]),
    hasBasis: Type.Boolean({ description: 'false: involved, but no consent or reviewed basis today — only who the child is is shown' }),
  })),
});
/** For the web app (`import type` only). */
export type WorklistOut = Static<typeof WorklistOut>;

export async function worklist(db: Db, actor: Actor) {
  const on = today();
  const rows = await db.query<{
    id: string; given_name: string; family_name: string; birth_date: string; is_lead: boolean; lead_name: string | null; org_name: string;
    next_evaluation_on: string | null; open_actions: number; overdue_actions: number; last_activity: Date | null;
  }>(
    `SELECT DISTINCT ON (s.young_person_id) s.young_person_id AS id, s.given_name, s.family_name, s.birth_date,
            (s.lead_user_id = $1) AS is_lead, lu.display_name AS lead_name, o.name AS org_name, s.next_evaluation_on,
            cardinality(s.open_due) AS open_actions, (SELECT count(*) FROM unnest(s.open_due) d WHERE d < $2)::int AS overdue_actions,
            s.last_activity_at AS last_activity
       FROM involvements i
       JOIN network_summaries s ON s.region_id = i.region_id AND s.network_id = i.network_id AND s.active
       JOIN organisations o ON o.id = i.organisation_id
       LEFT JOIN users lu ON lu.id = s.lead_user_id
      WHERE i.region_id = $3 AND i.user_id = $1 AND i.starts_on <= $2 AND (i.ends_on IS NULL OR i.ends_on >= $2)
      ORDER BY s.young_person_id LIMIT 500`,
    [actor.userId, on, actor.regionId]);
  // Network data (actions, evaluation, activity) only where the caller may read the network today; an
  // involvement without a basis (consent withdrawn, not yet given) shows who the child is, nothing more.
  const access = await resolveAccessMany(db, actor, rows.map((r) => r.id), on);
  for (const r of rows) {
    if (access.get(r.id)?.level === 'network') continue;
    Object.assign(r, { next_evaluation_on: null, open_actions: 0, overdue_actions: 0, last_activity: null, lead_name: null, noBasis: true });
  }
  const items = rows
    .map((r) => ({
      youngPersonId: r.id, name: `${r.given_name} ${r.family_name}`, ageYears: Math.max(0, ageOn(r.birth_date, on)), isLead: Boolean(r.is_lead),
      leadName: r.lead_name, organisationName: r.org_name, nextEvaluationOn: r.next_evaluation_on, openActions: r.open_actions,
      overdueActions: r.overdue_actions, lastActivityAt: r.last_activity ? new Date(r.last_activity).toISOString() : null,
      hasBasis: !(r as { noBasis?: boolean }).noBasis,
    }))
    // Most urgent first: overdue actions, then the nearest evaluation.
    .sort((a, b) => b.overdueActions - a.overdueActions || (a.nextEvaluationOn ?? '9999').localeCompare(b.nextEvaluationOn ?? '9999') || a.name.localeCompare(b.name));
  await appendReadAudit(db, {
    chainKey: userChain(actor.userId), kind: 'worklist.read', regionId: actor.regionId, actorUserId: actor.userId,
    subjectType: 'worklist', details: { youngPersonIds: items.map((i) => i.youngPersonId) },
  });
  return { items };
}
