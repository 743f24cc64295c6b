/**
 * Samenwerking, the partners' workspace: the partnership itself, the overall
 * workspace summary, the action owners' task list, and the composition of the
 * parts (partner map, meeting tables, agreements, programmes, assessments, guide).
 */
import type { Db } from '../../core/db.ts';
import { AppError } from '../../core/errors.ts';
import { appendAudit } from '../../core/audit.ts';
import { actorRegions, type Actor } from '../../core/session.ts';
import { partnershipPolicy, workspaceOrgIds } from './partnerships.policy.ts';
import * as repo from './partnerships.repo.ts';
import type { PartnershipBody, PartnershipPatch } from './partnerships.schemas.ts';
import { loadFrameworks } from './frameworks.repo.ts';
import { createWorkspace, partnershipChain, todayIso } from './workspace.ts';
import { createPartnerMapService, loadMapWarnings } from './partner-map.service.ts';
import { createMeetingTablesService, tableWarnings } from './meeting-tables.service.ts';
import { participants, tables } from './meeting-tables.repo.ts';
import { createAgreementsService, loadAgreementWarnings, loadFundingWarnings } from './agreements.service.ts';
import { createProgrammesService } from './programmes.service.ts';
import { createAssessmentsService } from './assessments.service.ts';
import { createTravelGuideService } from './travel-guide.service.ts';

const toPartnership = (r: repo.PartnershipRow) => ({
  id: r.id, regionId: r.region_id, name: r.name, scope: r.scope, areaId: r.area_id, description: r.description,
  collaborationModel: r.collaboration_model, version: r.version,
});

interface TaskRow {
  id: string; region_id: string; text: string; status: string; due_on: string | null; version: number; owner_user_id: string;
  partnership_id: string; partnership_name: string; table_name: string; held_on: string;
}

export function createPartnershipsCore(db: Db) {
  const ws = createWorkspace(db);

  async function validateModel(code: string | null | undefined) {
    if (!code) return;
    const [models] = await loadFrameworks(db, { keys: ['collaboration-models'] });
    if (!models?.elements.some((e) => e.code === code)) throw new AppError('validation_failed', { fields: { collaborationModel: 'not one of the collaboration models' } });
  }

  const taskOut = (actor: Actor, r: TaskRow) => ({
    id: r.id, text: r.text, status: r.status, dueOn: r.due_on, version: r.version,
    overdue: Boolean(r.due_on && r.due_on < todayIso() && (r.status === 'open' || r.status === 'in_progress')),
    partnershipId: r.partnership_id, partnershipName: r.partnership_name, tableName: r.table_name, meetingHeldOn: r.held_on,
    allowedActions: partnershipPolicy.canUpdateOwnAction(actor, r.owner_user_id) ? ['update_status'] : [],
  });

  /** Actions with where they come from; `region` names their region (`$n`, or `ANY($n::uuid[])`) for every table read. */
  async function tasks(q: Pick<Db, 'query'>, region: string, where: string, params: unknown[]) {
    return q.query<TaskRow>(
      `SELECT a.id, a.region_id, a.text, a.status, a.due_on, a.version, a.owner_user_id, p.id AS partnership_id, p.name AS partnership_name,
              t.name AS table_name, m.held_on
         FROM partnership_actions a
         JOIN partnerships p ON p.region_id = a.region_id AND p.id = a.partnership_id
         JOIN partnership_meetings m ON m.region_id = a.region_id AND m.id = a.meeting_id
         JOIN partnership_tables t ON t.region_id = m.region_id AND t.id = m.table_id
        WHERE a.region_id = ${region} AND p.region_id = ${region} AND m.region_id = ${region} AND t.region_id = ${region} AND ${where}
        ORDER BY a.due_on NULLS LAST, a.created_at`, params);
  }

  return {
    ws,
    async list(actor: Actor) {
      const orgIds = workspaceOrgIds(actor);
      if (orgIds.length === 0) return [];
      const rows = await repo.listForOrgs(db, orgIds, actorRegions(actor));
      return rows.map((r) => ({ id: r.id, name: r.name, scope: r.scope, partnerCount: r.partner_count, allowedActions: ['view'] }));
    },

    async create(actor: Actor, body: PartnershipBody) {
      if (!partnershipPolicy.canCreate(actor, body.organisationIds)) throw new AppError('forbidden');
      const regionId = body.regionId ?? actor.regionId;
      if (!actor.isPlatformAdmin && regionId !== actor.regionId) throw new AppError('forbidden');
      await validateModel(body.collaborationModel);
      return db.tx(async (q) => {
        const orgs = await q.query<{ id: string }>(`SELECT id FROM organisations WHERE id = ANY($1::uuid[]) AND region_id = $2`, [body.organisationIds, regionId]);
        if (orgs.length !== body.organisationIds.length) throw new AppError('invalid_reference', { fields: { organisationIds: 'every organisation must belong to the region' } });
        if (body.areaId) {
          const [a] = await q.query(`SELECT 1 FROM areas WHERE id = $1 AND region_id = $2`, [body.areaId, regionId]);
          if (!a) throw new AppError('invalid_reference', { fields: { areaId: 'not an area of this region' } });
        }
        const p = await repo.insertPartnership(q, { ...body, regionId, createdBy: actor.userId });
        for (const orgId of body.organisationIds) await repo.insertPartner(q, { partnershipId: p.id, regionId, organisationId: orgId });
        await appendAudit(q, {
          chainKey: partnershipChain(p.id), kind: 'partnership.created', regionId, actorUserId: actor.userId,
          subjectType: 'partnership', subjectId: p.id, basis: actor.isPlatformAdmin ? 'admin' : 'partnership_member',
          details: { scope: body.scope, partners: body.organisationIds.length },
        });
        return toPartnership(p);
      });
    },

    /** The workspace at a glance: the partnership, counts, all warnings, and what the actor may do. */
    async workspace(actor: Actor, id: string) {
      return ws.read(actor, id, 'summary', async (q, ctx) => {
        const warnings = [
          ...(await loadMapWarnings(q, ctx.partnership)),
          ...tableWarnings(await tables(q, ctx.partnership), await participants(q, ctx.partnership)).warnings,
          ...(await loadAgreementWarnings(q, ctx.partnership)),
          ...(await loadFundingWarnings(q, ctx.partnership)),
        ];
        return { partnership: toPartnership(ctx.partnership), counts: await repo.counts(q, ctx.partnership), warnings, allowedActions: ctx.allowedActions };
      });
    },

    async update(actor: Actor, id: string, version: number, body: PartnershipPatch) {
      await validateModel(body.collaborationModel);
      return ws.write(actor, id, 'edit', async (q, ctx, audit) => {
        const regionId = ctx.partnership.region_id;
        const [row] = await q.query<repo.PartnershipRow>(
          `UPDATE partnerships SET name = coalesce($3, name),
                  description = CASE WHEN $4::boolean THEN $5 ELSE description END,
                  collaboration_model = CASE WHEN $6::boolean THEN $7 ELSE collaboration_model END,
                  version = version + 1, updated_at = now()
            WHERE region_id = $8 AND id = $1 AND version = $2 RETURNING *`,
          [id, version, body.name ?? null, body.description !== undefined, body.description ?? null, body.collaborationModel !== undefined, body.collaborationModel ?? null, regionId]);
        if (!row) throw new AppError('conflict', { current: toPartnership((await repo.findPartnership(q, id, [regionId]))!) });
        await audit('partnership.updated', { type: 'partnership', id }, { fields: Object.keys(body) });
        return toPartnership(row);
      });
    },

    /** Shipped frameworks: reference data, readable by any logged-in user. */
    async frameworks(kind?: string) {
      return loadFrameworks(db, { kind });
    },

    /** My open actions across partnerships — for any staff user named as owner, whatever their role. */
    async myTasks(actor: Actor) {
      const rows = await tasks(db, '$2', `a.owner_user_id = $1 AND a.status IN ('open', 'in_progress')`, [actor.userId, actor.regionId]);
      return rows.map((r) => taskOut(actor, r));
    },

    /** The owner updates the status of their own action. Anyone else: 404. */
    async updateMyTask(actor: Actor, actionId: string, version: number, status: string) {
      return db.tx(async (q) => {
        // The action's region is not known yet: look in the actor's regions, then stay in the one it is in.
        const [cur] = await tasks(q, 'ANY($2::uuid[])', `a.id = $1`, [actionId, actorRegions(actor)]);
        if (!cur || !partnershipPolicy.canUpdateOwnAction(actor, cur.owner_user_id)) throw new AppError('not_found');
        const [row] = await q.query<{ region_id: string }>(
          `UPDATE partnership_actions SET status = $3, version = version + 1 WHERE region_id = $4 AND id = $1 AND version = $2 RETURNING region_id`,
          [actionId, version, status, cur.region_id]);
        if (!row) throw new AppError('conflict', { current: taskOut(actor, cur) });
        await appendAudit(q, {
          chainKey: partnershipChain(cur.partnership_id), kind: 'partnership.action_saved', regionId: row.region_id, actorUserId: actor.userId,
          subjectType: 'action', subjectId: actionId, basis: 'action_owner', details: { op: 'status', status },
        });
        return taskOut(actor, (await tasks(q, '$2', `a.id = $1`, [actionId, cur.region_id]))[0]!);
      });
    },
  };
}

/** All services of the module, built from the database. */
export function createPartnershipsService(db: Db) {
  const core = createPartnershipsCore(db);
  return {
    core,
    map: createPartnerMapService(core.ws),
    tables: createMeetingTablesService(core.ws),
    agreements: createAgreementsService(core.ws),
    programmes: createProgrammesService(core.ws),
    assessments: createAssessmentsService(core.ws, db),
    guide: createTravelGuideService(core.ws),
  };
}

export type PartnershipsService = ReturnType<typeof createPartnershipsService>;
