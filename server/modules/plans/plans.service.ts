/**
 * One plan per young person (één kind, één plan). Every change writes a new, complete
 * version; the version number is the concurrency token (If-Match), so two people
 * editing at once never overwrite each other: the second gets 409 with the current plan.
 * Parents and the young person comment on a version and record agreement or not.
 */
import { randomUUID } from 'node:crypto';
import { fromJsonList, type Db, type Json, type Queryable } from '../../core/db.ts';
import { AppError } from '../../core/errors.ts';
import { addTimeline, notify, withChild, type ChildAccess, resolveAccessMany } from '../../core/access.ts';
import { actorRegions, type Actor } from '../../core/session.ts';
import { allowedActions, childPolicy } from '../children/children.policy.ts';
import { assertFreeText } from '../../core/free-text/sensitive-terms.ts';
import { assertPlanText } from './plan-rules.ts';
import type { ActionIn, PlanBody } from './plans.schemas.ts';

export interface Goal { id: string; text: string }
export interface PlanAction {
  id: string; goalId: string | null; what: string;
  owner: { userId: string | null; name: string; organisationName: string | null };
  dueOn: string | null; status: ActionStatus;
}
/** open | in_progress | done | cancelled (the plan_actions CHECK and the schemas' ActionStatus). */
type ActionStatus = NonNullable<ActionIn['status']>;

interface VersionRow {
  id: string; plan_id: string; number: number; goals: Goal[]; actions: PlanAction[]; lead_user_id: string | null; lead_name: string | null;
  next_evaluation_on: string | null; change_summary: string; created_at: Date | string; created_by: string;
}

const iso = (d: Date | string) => new Date(d).toISOString();
const parse = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;

async function loadVersion(q: Queryable, a: ChildAccess, number?: number): Promise<VersionRow | null> {
  const [row] = await q.query<VersionRow>(
    `SELECT v.id, v.plan_id, v.number, v.goals, v.actions, v.lead_user_id, l.display_name AS lead_name, v.next_evaluation_on,
            v.change_summary, v.created_at, u.display_name AS created_by
       FROM plans p JOIN plan_versions v ON v.region_id = p.region_id AND v.plan_id = p.id AND v.number = COALESCE($2, p.current_version)
       JOIN users u ON u.id = v.created_by LEFT JOIN users l ON l.id = v.lead_user_id
      WHERE p.region_id = $3 AND p.young_person_id = $1`,
    [a.youngPersonId, number ?? null, a.regionId]);
  return row ? { ...row, goals: parse<Goal[]>(row.goals), actions: parse<PlanAction[]>(row.actions) } : null;
}

const PLAN_ACTIONS = ['editPlan', 'commentPlan', 'givePlanOpinion'] as const;


type PlanViewRow = VersionRow & {
  opinions: Json<{ user_id: string; display_name: string; relation: string; opinion: 'agree' | 'disagree'; comment: string | null; created_at: string }[]>;
  comments: Json<{ id: string; display_name: string; author_relation: string; text: string; created_at: string }[]>;
};

/**
 * A plan version with its opinions and comments, read in one statement: $1 the young person, $2
 * the version number (NULL: the current one), $3 the regions to look in. It needs nothing from the access decision, so a
 * read fetches it with the access facts (withChild's prefetch).
 */
export const PLAN_VIEW_SQL = `SELECT v.id, v.plan_id, v.number, v.goals, v.actions, v.lead_user_id, l.display_name AS lead_name, v.next_evaluation_on,
            v.change_summary, v.created_at, u.display_name AS created_by,
            (SELECT json_agg(json_build_object('user_id', o.user_id, 'display_name', ou.display_name, 'relation', o.relation,
                    'opinion', o.opinion, 'comment', o.comment, 'created_at', o.created_at) ORDER BY o.created_at)
               FROM plan_opinions o JOIN users ou ON ou.id = o.user_id WHERE o.region_id = ANY($3::uuid[]) AND o.region_id = v.region_id
                AND o.plan_version_id = v.id) AS opinions,
            (SELECT json_agg(json_build_object('id', c.id, 'display_name', cu.display_name, 'author_relation', c.author_relation,
                    'text', c.text, 'created_at', c.created_at) ORDER BY c.created_at)
               FROM plan_comments c JOIN users cu ON cu.id = c.author_user_id WHERE c.region_id = ANY($3::uuid[]) AND c.region_id = v.region_id
                AND c.plan_version_id = v.id) AS comments
       FROM plans p JOIN plan_versions v ON v.region_id = p.region_id AND v.plan_id = p.id AND v.number = COALESCE($2, p.current_version)
       JOIN users u ON u.id = v.created_by LEFT JOIN users l ON l.id = v.lead_user_id
      WHERE p.region_id = ANY($3::uuid[]) AND v.region_id = ANY($3::uuid[]) AND p.young_person_id = $1`;

/** A plan version as its readers see it; `prefetched`: the rows of PLAN_VIEW_SQL for this number, already fetched. */
export async function planView(q: Queryable, a: ChildAccess, number?: number, prefetched?: unknown[]) {
  const [v] = (prefetched as PlanViewRow[] | undefined) ?? await q.query<PlanViewRow>(PLAN_VIEW_SQL, [a.youngPersonId, number ?? null, [a.regionId]]);
  if (!v) {
    if (number !== undefined) throw new AppError('not_found');
    return {
      id: null, versionNumber: 0, goals: [], actions: [], lead: null, nextEvaluationOn: null, changeSummary: '', createdAt: null, createdBy: null,
      opinions: [], comments: [], allowedActions: allowedActions(a, [...PLAN_ACTIONS]),
    };
  }
  return versionView(a, { ...v, goals: parse<Goal[]>(v.goals), actions: parse<PlanAction[]>(v.actions) },
    fromJsonList(v.opinions).map((o) => ({ userId: o.user_id, displayName: o.display_name, relation: o.relation, opinion: o.opinion, comment: o.comment, at: iso(o.created_at) })),
    fromJsonList(v.comments).map((c) => ({ id: c.id, author: c.display_name, relation: c.author_relation, text: c.text, at: iso(c.created_at) })));
}

interface OpinionOut { userId: string; displayName: string; relation: string; opinion: 'agree' | 'disagree'; comment: string | null; at: string }
interface CommentOut { id: string; author: string; relation: string; text: string; at: string }

/** The one shape of a plan version in answers (a read, or the answer to a write). */
function versionView(a: ChildAccess, v: Omit<VersionRow, 'id'>, opinions: OpinionOut[], comments: CommentOut[]) {
  return {
    id: v.plan_id, versionNumber: v.number, goals: v.goals, actions: v.actions,
    lead: v.lead_user_id ? { userId: v.lead_user_id, displayName: v.lead_name! } : null,
    nextEvaluationOn: v.next_evaluation_on, changeSummary: v.change_summary, createdAt: iso(v.created_at), createdBy: v.created_by,
    opinions, comments, allowedActions: allowedActions(a, [...PLAN_ACTIONS]),
  };
}

/** Ids in a body are unique: two goals or two actions with one id would overwrite each other. */
function assertUniqueIds(items: readonly { id?: string | null }[], field: string, taken: readonly string[] = [], single = false): void {
  const seen = new Set(taken);
  items.forEach((item, i) => {
    if (!item.id) return;
    if (seen.has(item.id)) {
      throw new AppError('duplicate', {
        en: `Two items have the id "${item.id}".`, nl: `Twee onderdelen hebben hetzelfde id "${item.id}".`, fields: { [single ? `${field}.id` : `${field}.${i}.id`]: 'is used twice' },
      });
    }
    seen.add(item.id);
  });
}

/**
 * Resolves who does each action. A user as owner must be someone around this young person:
 * involved in the network (now or before), a parent with gezag, or the young person; anyone
 * else — also a user of another region — is refused with the field named (422).
 */
async function resolveActions(q: Queryable, a: ChildAccess, goals: Goal[], input: ActionIn[], previous: PlanAction[], field = 'actions'): Promise<PlanAction[]> {
  const out: PlanAction[] = [];
  for (const [i, act] of input.entries()) {
    const at = input.length === 1 && field !== 'actions' ? field : `${field}.${i}`;
    if (act.goalId && !goals.some((g) => g.id === act.goalId)) throw new AppError('invalid_reference', { fields: { [`${at}.goalId`]: `unknown goal ${act.goalId}` } });
    let owner: PlanAction['owner'];
    if (act.ownerUserId) {
      const [u] = await q.query<{ display_name: string; org_name: string | null }>(
        `SELECT u.display_name, (SELECT o.name FROM involvements i JOIN organisations o ON o.id = i.organisation_id
                                  WHERE i.region_id = $3 AND i.user_id = u.id AND i.young_person_id = $2 ORDER BY i.starts_on DESC LIMIT 1) AS org_name
           FROM users u WHERE u.id = $1 AND u.region_id = $3
            AND (EXISTS (SELECT 1 FROM involvements i WHERE i.region_id = $3 AND i.user_id = u.id AND i.young_person_id = $2) OR u.id = ANY($4::uuid[]))`,
        [act.ownerUserId, a.youngPersonId, a.regionId, [...a.guardianIds, ...(a.youngPersonUserId ? [a.youngPersonUserId] : [])]]);
      if (!u) throw new AppError('invalid_reference', { fields: { [`${at}.ownerUserId`]: 'not someone in this young person\'s network' } });
      owner = { userId: act.ownerUserId, name: u.display_name, organisationName: u.org_name };
    } else if (act.ownerName) {
      owner = { userId: null, name: act.ownerName, organisationName: null };
    } else {
      throw new AppError('validation_failed', { fields: { [`${at}.ownerUserId`]: 'say who does this action' } });
    }
    const prev = act.id ? previous.find((p) => p.id === act.id) : undefined;
    out.push({ id: act.id ?? randomUUID(), goalId: act.goalId ?? null, what: act.what, owner, dueOn: act.dueOn ?? null, status: act.status ?? prev?.status ?? 'open' });
  }
  return out;
}

interface LockedPlan { planId: string; currentNumber: number; current: Pick<VersionRow, 'number' | 'goals' | 'actions' | 'next_evaluation_on'> | null }
type LockedRow = { plan_id: string; current_version: number; number: number | null; goals: unknown; actions: unknown; next_evaluation_on: string | null };

/**
 * Locks the young person's plan and reads its current version: one statement once the plan
 * exists (SELECT … FOR UPDATE, routed to the child's shard on Citus). The first time, the row is
 * created; the no-op DO UPDATE takes the row lock when two first versions race (the loser gets
 * 409 with the winner's plan, not a unique-key error). Two writers queue on the lock, and the
 * one that waited sees the newest current version number; when its version row was outside the
 * locking statement's snapshot, it is read again.
 */
async function lockPlan(q: Queryable, a: ChildAccess): Promise<LockedPlan> {
  let [r] = await q.query<LockedRow>(
    `SELECT p.id AS plan_id, p.current_version, v.number, v.goals, v.actions, v.next_evaluation_on
       FROM plans p LEFT JOIN plan_versions v ON v.region_id = p.region_id AND v.plan_id = p.id AND v.number = p.current_version
      WHERE p.region_id = $1 AND p.young_person_id = $2 FOR UPDATE OF p`, [a.regionId, a.youngPersonId]);
  if (!r) {
    const [p] = await q.query<{ plan_id: string; current_version: number }>(
      `INSERT INTO plans (region_id, young_person_id, current_version) VALUES ($1, $2, 0)
       ON CONFLICT (region_id, young_person_id) DO UPDATE SET current_version = plans.current_version
       RETURNING id AS plan_id, current_version`, [a.regionId, a.youngPersonId]);
    r = { ...p!, number: null, goals: null, actions: null, next_evaluation_on: null };
  }
  if (r.number === null && r.current_version > 0) {
    const [v] = await q.query<Omit<LockedRow, 'plan_id' | 'current_version'>>(
      `SELECT number, goals, actions, next_evaluation_on FROM plan_versions WHERE region_id = $1 AND plan_id = $2 AND number = $3`,
      [a.regionId, r.plan_id, r.current_version]);
    r = { ...r, ...v! };
  }
  const current = r.number === null ? null
    : { number: r.number, goals: parse<Goal[]>(r.goals), actions: parse<PlanAction[]>(r.actions), next_evaluation_on: r.next_evaluation_on };
  return { planId: r.plan_id, currentNumber: r.current_version, current };
}

type NextVersion = { goals: Goal[]; actions: PlanAction[]; nextEvaluationOn: string | null; changeSummary: string };
interface VersionWrite { planId: string; number: number; next: NextVersion; recipients: string[] }

/** Writes a new plan version (the only way a plan changes) and refreshes the action index. */
export async function writeVersion(q: Queryable, a: ChildAccess, actor: Actor, locked: LockedPlan, expected: number, next: NextVersion,
): Promise<{ number: number; createdAt: Date; leadName: string | null }> {
  const current = locked.currentNumber;
  if (current !== expected) throw new AppError('conflict', { current: await planView(q, a) });
  const number = current + 1;
  // The family hears of a new plan version (they may want to agree or not).
  const recipients = [
    ...(a.parentsAccess === 'hidden' && a.ageYears >= 16 ? [] : a.guardianIds),
    ...(a.youngPersonUserId ? [a.youngPersonUserId] : []),
  ];
  const w: VersionWrite = { planId: locked.planId, number, next, recipients };
  const written = await (q.distributed ? writeApart(q, a, actor, w) : writeAtOnce(q, a, actor, w));
  return { number, ...written };
}

/**
 * One statement writes the version, moves the plan on, brings the action index in line
 * (removed actions deleted, the others upserted: disjoint rows), and adds the timeline
 * line and the family's notifications, and returns what the answer needs (the version's time
 * and the lead's name), so the writer's answer is built without reading the plan again.
 */
async function writeAtOnce(q: Queryable, a: ChildAccess, actor: Actor, { planId, number, next, recipients }: VersionWrite) {
  const [written] = await q.query<{ created_at: Date; lead_name: string | null }>(
    `WITH version AS (
       INSERT INTO plan_versions (region_id, plan_id, young_person_id, number, goals, actions, lead_user_id, next_evaluation_on, change_summary, created_by)
       VALUES ($2, $1, $3, $9, $10, $11, $12, $13, $14, $15) RETURNING created_at),
     moved AS (UPDATE plans SET current_version = $9, updated_at = now() WHERE region_id = $2 AND id = $1),
     removed AS (DELETE FROM plan_actions WHERE region_id = $2 AND plan_id = $1 AND NOT (action_id = ANY($4::text[]))),
     upserted AS (
       INSERT INTO plan_actions (plan_id, action_id, region_id, young_person_id, owner_user_id, what, due_on, status)
       SELECT $1, x.action_id, $2, $3, x.owner_user_id, x.what, x.due_on, x.status
         FROM unnest($4::text[], $5::uuid[], $6::text[], $7::date[], $8::text[]) AS x(action_id, owner_user_id, what, due_on, status)
       ON CONFLICT (region_id, plan_id, action_id) DO UPDATE
         SET owner_user_id = EXCLUDED.owner_user_id, what = EXCLUDED.what, due_on = EXCLUDED.due_on, status = EXCLUDED.status
         WHERE (plan_actions.owner_user_id, plan_actions.what, plan_actions.due_on, plan_actions.status)
               IS DISTINCT FROM (EXCLUDED.owner_user_id, EXCLUDED.what, EXCLUDED.due_on, EXCLUDED.status)),
     line AS (
       INSERT INTO timeline_entries (region_id, young_person_id, kind, actor_user_id, subject_id, summary, family_visible)
       VALUES ($2, $3, 'plan.version_created', $15, $9::text, $16, true)),
     notified AS (
       INSERT INTO notifications (region_id, user_id, kind, young_person_id, payload)
       SELECT $2, r, 'plan.new_version', $3, $17 FROM unnest($18::uuid[]) AS r
       ON CONFLICT DO NOTHING)
     SELECT version.created_at, (SELECT display_name FROM users WHERE id = $12) AS lead_name FROM version`,
    [planId, a.regionId, a.youngPersonId, next.actions.map((x) => x.id), next.actions.map((x) => x.owner.userId),
      next.actions.map((x) => x.what), next.actions.map((x) => x.dueOn), next.actions.map((x) => x.status),
      number, JSON.stringify(next.goals), JSON.stringify(next.actions), a.leadUserId, next.nextEvaluationOn, next.changeSummary, actor.userId,
      JSON.stringify({ changeSummary: next.changeSummary }), JSON.stringify({ number }), recipients]);
  return { createdAt: written!.created_at, leadName: written!.lead_name };
}

/**
 * The same writes on Citus, where an INSERT inside a CTE is planned apart (a subplan, through the
 * coordinator): each INSERT is a statement of its own, every one routed to the child's shard. The
 * version first: moving the plan on refreshes the summary from it (trigger, migration 0009).
 */
async function writeApart(q: Queryable, a: ChildAccess, actor: Actor, { planId, number, next, recipients }: VersionWrite) {
  const [version] = await q.query<{ created_at: Date }>(
    `INSERT INTO plan_versions (region_id, plan_id, young_person_id, number, goals, actions, lead_user_id, next_evaluation_on, change_summary, created_by)
     VALUES ($2, $1, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING created_at`,
    [planId, a.regionId, a.youngPersonId, number, JSON.stringify(next.goals), JSON.stringify(next.actions), a.leadUserId,
      next.nextEvaluationOn, next.changeSummary, actor.userId]);
  if (next.actions.length > 0) {
    const params: unknown[] = [planId, a.regionId, a.youngPersonId];
    const rows = next.actions.map((x) => {
      const n = params.push(x.id, x.owner.userId, x.what, x.dueOn, x.status);
      return `($1, $${n - 4}, $2, $3, $${n - 3}::uuid, $${n - 2}, $${n - 1}::date, $${n})`;
    });
    await q.query(
      `INSERT INTO plan_actions (plan_id, action_id, region_id, young_person_id, owner_user_id, what, due_on, status) VALUES ${rows.join(', ')}
       ON CONFLICT (region_id, plan_id, action_id) DO UPDATE
         SET owner_user_id = EXCLUDED.owner_user_id, what = EXCLUDED.what, due_on = EXCLUDED.due_on, status = EXCLUDED.status
         WHERE (plan_actions.owner_user_id, plan_actions.what, plan_actions.due_on, plan_actions.status)
               IS DISTINCT FROM (EXCLUDED.owner_user_id, EXCLUDED.what, EXCLUDED.due_on, EXCLUDED.status)`, params);
  }
  // An UPDATE or DELETE in a CTE stays in the shard's statement.
  const [moved] = await q.query<{ lead_name: string | null }>(
    `WITH moved AS (UPDATE plans SET current_version = $3, updated_at = now() WHERE region_id = $2 AND id = $1),
     removed AS (DELETE FROM plan_actions WHERE region_id = $2 AND plan_id = $1 AND NOT (action_id = ANY($4::text[])))
     SELECT (SELECT display_name FROM users WHERE id = $5) AS lead_name`,
    [planId, a.regionId, number, next.actions.map((x) => x.id), a.leadUserId]);
  await addTimeline(q, {
    regionId: a.regionId, youngPersonId: a.youngPersonId, kind: 'plan.version_created', actorUserId: actor.userId, subjectId: String(number),
    summary: { changeSummary: next.changeSummary },
  });
  if (recipients.length > 0) {
    await q.query(
      `INSERT INTO notifications (region_id, user_id, kind, young_person_id, payload)
       VALUES ${recipients.map((_, i) => `($1, $${i + 4}, 'plan.new_version', $2, $3)`).join(', ')} ON CONFLICT DO NOTHING`,
      [a.regionId, a.youngPersonId, JSON.stringify({ number }), ...recipients]);
  }
  return { createdAt: version!.created_at, leadName: moved!.lead_name };
}

/** The answer to a write: the new version as planView would read it (a new version has no opinions or comments yet). */
function writtenView(a: ChildAccess, actor: Actor, locked: LockedPlan, w: { number: number; createdAt: Date; leadName: string | null }, next: NextVersion) {
  return versionView(a, {
    plan_id: locked.planId, number: w.number, goals: next.goals, actions: next.actions, lead_user_id: a.leadUserId, lead_name: w.leadName,
    next_evaluation_on: next.nextEvaluationOn, change_summary: next.changeSummary, created_at: w.createdAt, created_by: actor.displayName,
  }, [], []);
}

/**
 * Checks actions as appendActions would (text, unique ids, owners) without writing: a meeting
 * proposal is checked when it is recorded, so its confirmation later does not fail on its content.
 * Returns the resolved actions (owner names and organisations).
 */
export async function checkActions(q: Queryable, a: ChildAccess, actions: ActionIn[], field = 'actions'): Promise<PlanAction[]> {
  assertPlanText({ actions }, field);
  const [current] = await q.query<{ goals: unknown; actions: unknown }>(
    `SELECT v.goals, v.actions FROM plans p JOIN plan_versions v ON v.region_id = p.region_id AND v.plan_id = p.id AND v.number = p.current_version
      WHERE p.region_id = $1 AND p.young_person_id = $2`, [a.regionId, a.youngPersonId]);
  assertUniqueIds(actions, field, current ? parse<PlanAction[]>(current.actions).map((x) => x.id) : [], actions.length === 1 && field !== 'actions');
  return resolveActions(q, a, current ? parse<Goal[]>(current.goals) : [], actions, [], field);
}

/**
 * Adds actions to the current plan as one new version (used by meeting decisions); `field`
 * names the actions in the caller's body for refusals ('action' for a meeting decision).
 */
export async function appendActions(q: Queryable, a: ChildAccess, actor: Actor, actions: ActionIn[], changeSummary: string, field = 'actions'): Promise<PlanAction[]> {
  assertPlanText({ actions, changeSummary }, field);
  const locked = await lockPlan(q, a);
  const current = locked.current;
  assertUniqueIds(actions, field, current?.actions.map((x) => x.id), actions.length === 1 && field !== 'actions');
  const added = await resolveActions(q, a, current?.goals ?? [], actions, [], field);
  await writeVersion(q, a, actor, locked, locked.currentNumber, {
    goals: current?.goals ?? [], actions: [...(current?.actions ?? []), ...added], nextEvaluationOn: current?.next_evaluation_on ?? null, changeSummary,
  });
  return added;
}

export function createPlansService(db: Db) {
  return {
    async get(actor: Actor, childId: string) {
      return withChild(db, actor, childId, {
        rule: childPolicy.readPlan, audit: 'plan.read', subjectType: 'plan', readOnly: true, prefetch: { sql: PLAN_VIEW_SQL, params: [childId, null, actorRegions(actor)] },
      }, (q, a, rows) => planView(q, a, undefined, rows));
    },

    async replace(actor: Actor, childId: string, ifMatch: number, body: PlanBody) {
      assertPlanText(body);
      assertUniqueIds(body.goals, 'goals');
      assertUniqueIds(body.actions, 'actions');
      return withChild(db, actor, childId, { rule: childPolicy.editPlan, audit: 'plan.version_created', subjectType: 'plan', details: { goals: body.goals.length, actions: body.actions.length } }, async (q, a) => {
        const goals = body.goals.map((g) => ({ id: g.id ?? randomUUID(), text: g.text }));
        const locked = await lockPlan(q, a);
        if (locked.currentNumber !== ifMatch) throw new AppError('conflict', { current: await planView(q, a) });
        const actions = await resolveActions(q, a, goals, body.actions, locked.current?.actions ?? []);
        const next = { goals, actions, nextEvaluationOn: body.nextEvaluationOn ?? null, changeSummary: body.changeSummary };
        return writtenView(a, actor, locked, await writeVersion(q, a, actor, locked, ifMatch, next), next);
      });
    },

    async updateAction(actor: Actor, childId: string, actionId: string, ifMatch: number, patch: { status?: ActionStatus; dueOn?: string | null }) {
      return withChild(db, actor, childId, { rule: childPolicy.editPlan, audit: 'plan.action_updated', subjectType: 'plan_action', subjectId: actionId, details: { fields: Object.keys(patch) } }, async (q, a) => {
        const locked = await lockPlan(q, a);
        if (locked.currentNumber !== ifMatch) throw new AppError('conflict', { current: await planView(q, a) });
        const current = locked.current;
        if (!current) throw new AppError('not_found');
        const target = current.actions.find((x) => x.id === actionId);
        if (!target) throw new AppError('not_found');
        const actions = current.actions.map((x) => (x.id === actionId ? { ...x, ...(patch.status ? { status: patch.status } : {}), ...(patch.dueOn !== undefined ? { dueOn: patch.dueOn } : {}) } : x));
        const summary = patch.status ? `Actie "${target.what.slice(0, 60)}": ${patch.status}` : `Actie "${target.what.slice(0, 60)}": nieuwe datum`;
        const next = { goals: current.goals, actions, nextEvaluationOn: current.next_evaluation_on, changeSummary: summary };
        return writtenView(a, actor, locked, await writeVersion(q, a, actor, locked, ifMatch, next), next);
      });
    },

    async versions(actor: Actor, childId: string) {
      return withChild(db, actor, childId, { rule: childPolicy.readPlan, audit: 'plan.read', subjectType: 'plan', details: { view: 'history' }, readOnly: true }, async (q, a) => {
        const rows = await q.query<{ number: number; created_at: Date; created_by: string; change_summary: string; agree: number; disagree: number }>(
          `SELECT v.number, v.created_at, u.display_name AS created_by, v.change_summary,
                  (SELECT count(*) FROM plan_opinions o WHERE o.region_id = $2 AND o.plan_version_id = v.id AND o.opinion = 'agree')::int AS agree,
                  (SELECT count(*) FROM plan_opinions o WHERE o.region_id = $2 AND o.plan_version_id = v.id AND o.opinion = 'disagree')::int AS disagree
             FROM plan_versions v JOIN users u ON u.id = v.created_by WHERE v.region_id = $2 AND v.young_person_id = $1 ORDER BY v.number DESC`,
          [childId, a.regionId]);
        return rows.map((r) => ({ number: r.number, createdAt: iso(r.created_at), createdBy: r.created_by, changeSummary: r.change_summary, agree: r.agree, disagree: r.disagree }));
      });
    },

    async version(actor: Actor, childId: string, number: number) {
      return withChild(db, actor, childId, {
        rule: childPolicy.readPlan, audit: 'plan.read', subjectType: 'plan_version', subjectId: String(number), readOnly: true,
        prefetch: { sql: PLAN_VIEW_SQL, params: [childId, number, actorRegions(actor)] },
      }, (q, a, rows) => planView(q, a, number, rows));
    },

    async comment(actor: Actor, childId: string, number: number, text: string) {
      assertFreeText({ text });
      return withChild(db, actor, childId, { rule: childPolicy.commentPlan, audit: 'plan.commented', subjectType: 'plan_version', subjectId: String(number) }, async (q, a) => {
        const v = await loadVersion(q, a, number);
        if (!v) throw new AppError('not_found');
        const relation = a.level === 'guardian' ? 'parent' : a.level === 'self' ? 'young_person' : 'professional';
        await q.query(
          `INSERT INTO plan_comments (region_id, plan_version_id, young_person_id, author_user_id, author_relation, text) VALUES ($1,$2,$3,$4,$5,$6)`,
          [a.regionId, v.id, childId, actor.userId, relation, text]);
        await addTimeline(q, { regionId: a.regionId, youngPersonId: childId, kind: 'plan.commented', actorUserId: actor.userId, subjectId: String(number), summary: { relation } });
        if (a.leadUserId && a.leadUserId !== actor.userId) await notify(q, { regionId: a.regionId, userId: a.leadUserId, kind: 'plan.commented', youngPersonId: childId, payload: { number, relation } });
        return planView(q, a, number);
      });
    },

    async opinion(actor: Actor, childId: string, number: number, body: { opinion: 'agree' | 'disagree'; comment?: string }) {
      assertFreeText({ comment: body.comment });
      return withChild(db, actor, childId, { rule: childPolicy.givePlanOpinion, audit: 'plan.opinion_recorded', subjectType: 'plan_version', subjectId: String(number), details: { opinion: body.opinion } }, async (q, a) => {
        const v = await loadVersion(q, a, number);
        if (!v) throw new AppError('not_found');
        const relation = a.level === 'self' ? 'young_person' : 'parent';
        await q.query(
          `INSERT INTO plan_opinions (plan_version_id, user_id, region_id, young_person_id, relation, opinion, comment) VALUES ($1,$2,$3,$4,$5,$6,$7)
           ON CONFLICT (region_id, plan_version_id, user_id) DO UPDATE SET opinion = EXCLUDED.opinion, comment = EXCLUDED.comment, created_at = EXCLUDED.created_at`,
          [v.id, actor.userId, a.regionId, childId, relation, body.opinion, body.comment ?? null]);
        await addTimeline(q, { regionId: a.regionId, youngPersonId: childId, kind: 'plan.opinion_recorded', actorUserId: actor.userId, subjectId: String(number), summary: { opinion: body.opinion, relation } });
        if (a.leadUserId) await notify(q, { regionId: a.regionId, userId: a.leadUserId, kind: 'plan.opinion', youngPersonId: childId, payload: { number, opinion: body.opinion } });
        return planView(q, a, number);
      });
    },

    /** My open plan actions across the young people I may reach. */
    async tasks(actor: Actor) {
      const rows = await db.query<{ young_person_id: string; given_name: string; family_name: string; action_id: string; what: string; due_on: string | null; status: ActionStatus; overdue: boolean }>(
        `SELECT pa.young_person_id, y.given_name, y.family_name, pa.action_id, pa.what, pa.due_on, pa.status,
                (pa.due_on IS NOT NULL AND pa.due_on < current_date) AS overdue
           FROM plan_actions pa JOIN young_people y ON y.region_id = pa.region_id AND y.id = pa.young_person_id
          WHERE pa.region_id = ANY($2::uuid[]) AND y.region_id = ANY($2::uuid[]) AND pa.owner_user_id = $1 AND pa.status IN ('open', 'in_progress')
            AND EXISTS (SELECT 1 FROM involvements i JOIN networks n ON n.region_id = i.region_id AND n.id = i.network_id AND n.status = 'active'
                         WHERE i.region_id = ANY($2::uuid[]) AND n.region_id = ANY($2::uuid[]) AND i.region_id = pa.region_id AND i.young_person_id = pa.young_person_id AND i.user_id = $1 AND (i.ends_on IS NULL OR i.ends_on >= current_date))
          ORDER BY pa.due_on NULLS LAST, y.family_name LIMIT 200`, [actor.userId, actorRegions(actor)]);
      // A plan action is network data: only children whose network the caller may read today (a withdrawn consent ends it).
      const access = await resolveAccessMany(db, actor, rows.map((r) => r.young_person_id));
      return rows.filter((r) => access.get(r.young_person_id)?.level === 'network').map((r) => ({ youngPersonId: r.young_person_id, childName: `${r.given_name} ${r.family_name}`, actionId: r.action_id, what: r.what, dueOn: r.due_on, status: r.status, overdue: r.overdue }));
    },
  };
}

export type PlansService = ReturnType<typeof createPlansService>;
