/**
 * The professional's home worklist: the networks they are involved in now, with the
 * lead, next evaluation, open and overdue actions and last activity. One query.
 * Reading it is one audit event on the user's chain naming the children listed.
 */
import { Type } from 'typebox';
import type { Db } from '../../core/db.ts';
import { appendAudit, userChain } from '../../core/audit.ts';
import type { Actor } from '../../core/session.ts';
import { ageOn, today } from '../../../shared/dates.ts';

export const WorklistOut = Type.Object({
  items: Type.Array(Type.Object({
    youngPersonId: Type.String({ format: 'uuid' }), name: Type.String(), ageYears: Type.Integer(), isLead: Type.Boolean(),
    leadName: Type.Union([Type.String(), Type.Null()]), organisationName: Type.String(), nextEvaluationOn: Type.Union([Type.String(), Type.Null()]),
    openActions: Type.Integer(), overdueActions: Type.Integer(), lastActivityAt: Type.Union([Type.String(), Type.Null()]),
  })),
});

export async function worklist(db: Db, actor: Actor) {
  const on = today();
  const rows = await db.query<{
    id: string; given_name: string; family_name: string; birth_date: string; is_lead: boolean; lead_name: string | null; org_name: string;
    next_evaluation_on: string | null; open_actions: number; overdue_actions: number; last_activity: Date | null;
  }>(
    `SELECT DISTINCT ON (y.id) y.id, y.given_name, y.family_name, y.birth_date, (n.lead_user_id = $1) AS is_lead, lu.display_name AS lead_name,
            o.name AS org_name, pv.next_evaluation_on,
            COALESCE(ac.open_actions, 0) AS open_actions, COALESCE(ac.overdue_actions, 0) AS overdue_actions,
            (SELECT max(t.at) FROM timeline_entries t WHERE t.young_person_id = y.id) AS last_activity
       FROM involvements i
       JOIN networks n ON n.id = i.network_id AND n.status = 'active'
       JOIN young_people y ON y.id = i.young_person_id
       JOIN organisations o ON o.id = i.organisation_id
       LEFT JOIN users lu ON lu.id = n.lead_user_id
       LEFT JOIN plans p ON p.young_person_id = y.id
       LEFT JOIN plan_versions pv ON pv.plan_id = p.id AND pv.number = p.current_version
       LEFT JOIN LATERAL (
         SELECT count(*)::int AS open_actions, (count(*) FILTER (WHERE pa.due_on < $2))::int AS overdue_actions
           FROM plan_actions pa WHERE pa.plan_id = p.id AND pa.status IN ('open', 'in_progress')) ac ON true
      WHERE i.user_id = $1 AND i.starts_on <= $2 AND (i.ends_on IS NULL OR i.ends_on >= $2)
      ORDER BY y.id LIMIT 500`,
    [actor.userId, on]);
  const items = rows
    .map((r) => ({
      youngPersonId: r.id, name: `${r.given_name} ${r.family_name}`, ageYears: Math.max(0, ageOn(r.birth_date, on)), isLead: Boolean(r.is_lead),
      leadName: r.lead_name, organisationName: r.org_name, nextEvaluationOn: r.next_evaluation_on, openActions: r.open_actions,
      overdueActions: r.overdue_actions, lastActivityAt: r.last_activity ? new Date(r.last_activity).toISOString() : null,
    }))
    // Most urgent first: overdue actions, then the nearest evaluation.
    .sort((a, b) => b.overdueActions - a.overdueActions || (a.nextEvaluationOn ?? '9999').localeCompare(b.nextEvaluationOn ?? '9999') || a.name.localeCompare(b.name));
  await appendAudit(db, {
    chainKey: userChain(actor.userId), kind: 'worklist.read', regionId: actor.regionId, actorUserId: actor.userId,
    subjectType: 'worklist', details: { youngPersonIds: items.map((i) => i.youngPersonId) },
  });
  return { items };
}
