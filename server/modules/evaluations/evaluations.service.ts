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
import type { EvaluationBody, FamilyAnswerBody } from './evaluations.schemas.ts';

interface FamilyRow {
  id: string; plan_version: number; relation: 'parent' | 'young_person'; author: string; user_id: string; went_well: string; must_change: string;
  ordinary_life: string; satisfaction: number | null; version: number; updated_at: Date;
}

/**
 * The family's part (issue 21.6): professionals of the network read every answer; the young
 * person and the parents read their own (a young person's words are theirs, not their parents').
 */
async function familyView(q: Queryable, a: ChildAccess, actor: Actor) {
  const [plan] = await q.query<{ current_version: number; next_evaluation_on: string | null }>(
    `SELECT p.current_version, v.next_evaluation_on FROM plans p
       LEFT JOIN plan_versions v ON v.region_id = p.region_id AND v.plan_id = p.id AND v.number = p.current_version
      WHERE p.region_id = $2 AND p.young_person_id = $1`, [a.youngPersonId, a.regionId]);
  const professional = a.level === 'network';
  const rows = await q.query<FamilyRow>(
    `SELECT f.id, f.plan_version, f.relation, u.display_name AS author, f.user_id, f.went_well, f.must_change, f.ordinary_life, f.satisfaction, f.version, f.updated_at
       FROM evaluation_family_answers f JOIN users u ON u.id = f.user_id
      WHERE f.region_id = $2 AND f.young_person_id = $1 AND ($3 OR f.user_id = $4)
      ORDER BY f.plan_version DESC, f.updated_at DESC`, [a.youngPersonId, a.regionId, professional, actor.userId]);
  const out = rows.map((r) => ({
    id: r.id, planVersion: r.plan_version, relation: r.relation, author: r.author, mine: r.user_id === actor.userId, wentWell: r.went_well,
    mustChange: r.must_change, ordinaryLife: r.ordinary_life, satisfaction: r.satisfaction, version: r.version, updatedAt: new Date(r.updated_at).toISOString(),
  }));
  const planVersion = plan?.current_version ?? null;
  return {
    planVersion, nextEvaluationOn: plan?.next_evaluation_on ?? null,
    mine: out.find((x) => x.mine && x.planVersion === planVersion) ?? null,
    answers: out,
    allowedActions: planVersion !== null && childPolicy.answerFamilyEvaluation(a) ? ['answer'] : [],
  };
}

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
    async family(actor: Actor, childId: string) {
      return withChild(db, actor, childId, { rule: childPolicy.readEvaluations, audit: 'evaluation.family_read', subjectType: 'family_evaluation', readOnly: true },
        (q, a) => familyView(q, a, actor));
    },

    /** The young person or a parent answers (ifMatch 0) or changes (ifMatch = its version) their own part for the plan version in force. */
    async answerFamily(actor: Actor, childId: string, ifMatch: number, body: FamilyAnswerBody) {
      assertFreeText({ wentWell: body.wentWell, mustChange: body.mustChange });
      return withChild(db, actor, childId, { rule: childPolicy.answerFamilyEvaluation, audit: 'evaluation.family_answered', subjectType: 'family_evaluation', details: { ordinaryLife: body.ordinaryLife } }, async (q, a) => {
        const [plan] = await q.query<{ id: string; current_version: number }>(`SELECT id, current_version FROM plans WHERE region_id = $2 AND young_person_id = $1`, [childId, a.regionId]);
        if (!plan) throw new AppError('unprocessable', { en: 'There is no plan to evaluate yet.', nl: 'Er is nog geen plan om te evalueren.' });
        const relation = a.level === 'self' ? 'young_person' : 'parent';
        const values = [a.regionId, childId, plan.id, plan.current_version, actor.userId, relation, body.wentWell, body.mustChange, body.ordinaryLife, body.satisfaction ?? null];
        const done = ifMatch === 0
          ? await q.query(
            `INSERT INTO evaluation_family_answers (region_id, young_person_id, plan_id, plan_version, user_id, relation, went_well, must_change, ordinary_life, satisfaction)
             VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10) ON CONFLICT (region_id, young_person_id, plan_version, user_id) DO NOTHING RETURNING id`, values)
          : await q.query(
            `UPDATE evaluation_family_answers SET went_well = $7, must_change = $8, ordinary_life = $9, satisfaction = $10, version = version + 1, updated_at = $12
              WHERE region_id = $1 AND young_person_id = $2 AND plan_id = $3 AND plan_version = $4 AND user_id = $5 AND relation = $6 AND version = $11 RETURNING id`,
            [...values, ifMatch, new Date()]);
        if (done.length === 0) throw new AppError('conflict', { current: await familyView(q, a, actor) });
        // A young person's answer is theirs: the family's timeline does not show when they answered.
        await addTimeline(q, { regionId: a.regionId, youngPersonId: childId, kind: 'evaluation.family_answered', actorUserId: actor.userId,
          summary: { relation, planVersion: plan.current_version }, familyVisible: relation === 'parent' });
        return familyView(q, a, actor);
      });
    },

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
