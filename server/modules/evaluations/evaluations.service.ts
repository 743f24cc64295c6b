/**
 * Evaluation at the plan's evaluation moments: what went well, what must change,
 * whether support happens in ordinary life, and satisfaction (1–5) of the young
 * person and the parents. Stored per row so the monitor can aggregate it later.
 */
import type { Db, Queryable } from '../../core/db.ts';
import { AppError } from '../../core/errors.ts';
import { addTimeline, withChild, type ChildAccess } from '../../core/access.ts';
import type { Actor } from '../../core/session.ts';
import { childPolicy } from '../children/children.policy.ts';
import { assertFreeText } from '../../core/free-text/sensitive-terms.ts';
import type { EvaluationBody } from './evaluations.schemas.ts';

async function list(q: Queryable, a: ChildAccess) {
  const rows = await q.query<{
    id: string; held_on: string; plan_version: number; went_well: string; must_change: string; setting: string;
    satisfaction_young_person: number | null; satisfaction_parents: number | null; recorded_by: string; created_at: Date;
  }>(
    `SELECT e.*, u.display_name AS recorded_by FROM evaluations e JOIN users u ON u.id = e.created_by
      WHERE e.region_id = $2 AND e.young_person_id = $1 ORDER BY e.held_on DESC, e.created_at DESC`, [a.youngPersonId, a.regionId]);
  return rows.map((r) => ({
    id: r.id, heldOn: r.held_on, planVersion: r.plan_version, wentWell: r.went_well, mustChange: r.must_change, setting: r.setting,
    satisfactionYoungPerson: r.satisfaction_young_person, satisfactionParents: r.satisfaction_parents,
    recordedBy: r.recorded_by, recordedAt: new Date(r.created_at).toISOString(),
  }));
}

export function createEvaluationsService(db: Db) {
  return {
    async list(actor: Actor, childId: string) {
      return withChild(db, actor, childId, { rule: childPolicy.readEvaluations, audit: 'evaluation.read', subjectType: 'evaluations', readOnly: true }, (q, a) => list(q, a));
    },

    async record(actor: Actor, childId: string, body: EvaluationBody) {
      assertFreeText({ wentWell: body.wentWell, mustChange: body.mustChange });
      return withChild(db, actor, childId, { rule: childPolicy.recordEvaluation, audit: 'evaluation.recorded', subjectType: 'evaluation', details: { setting: body.setting } }, async (q, a) => {
        const [plan] = await q.query<{ id: string; current_version: number }>(`SELECT id, current_version FROM plans WHERE region_id = $2 AND young_person_id = $1`, [childId, a.regionId]);
        if (!plan) throw new AppError('unprocessable', { en: 'There is no plan to evaluate yet.', nl: 'Er is nog geen plan om te evalueren.' });
        if (body.heldOn > a.today) throw new AppError('validation_failed', { fields: { heldOn: 'cannot be in the future' } });
        await q.query(
          `INSERT INTO evaluations (region_id, young_person_id, plan_id, plan_version, held_on, went_well, must_change, setting,
             satisfaction_young_person, satisfaction_parents, created_by) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11)`,
          [a.regionId, childId, plan.id, plan.current_version, body.heldOn, body.wentWell, body.mustChange, body.setting,
            body.satisfactionYoungPerson ?? null, body.satisfactionParents ?? null, actor.userId]);
        if (body.nextEvaluationOn) {
          await q.query(`UPDATE plan_versions SET next_evaluation_on = $3 WHERE region_id = $4 AND plan_id = $1 AND number = $2`,
            [plan.id, plan.current_version, body.nextEvaluationOn, a.regionId]);
        }
        await addTimeline(q, { regionId: a.regionId, youngPersonId: childId, kind: 'evaluation.recorded', actorUserId: actor.userId, summary: { setting: body.setting } });
        return list(q, a);
      });
    },
  };
}

export type EvaluationsService = ReturnType<typeof createEvaluationsService>;
