/**
 * Meeting tables: each designed with the seven questions, with a level and an
 * explicit reporting line, so signals from practice reach the governance table.
 * Meetings carry an agenda (optionally from the LEA/OOGO templates), decisions and
 * actions; actions land on their owner's task list.
 */
import { AppError } from '../../core/errors.ts';
import type { Actor } from '../../core/session.ts';
import { MAX_TABLES_PER_ORGANISATION } from './partnerships.policy.ts';
import { defined, requireInPartnership, updateVersioned, type PartnershipKey } from './partnerships.repo.ts';
import { shipped } from './frameworks.repo.ts';
import * as repo from './meeting-tables.repo.ts';
import type { ActionBody, ActionPatch, MeetingBody, MeetingPatch, TableBody, TablePatch } from './meeting-tables.schemas.ts';
import { warning, type Warning, type Workspace } from './workspace.ts';

/** The seven questions and the fields that answer them. */
function openQuestions(t: repo.TableRow, participantCount: number): string[] {
  const open: string[] = [];
  if (!t.purpose) open.push('purpose');
  if (participantCount === 0 && !t.participants_note) open.push('participants');
  if (!t.topics) open.push('topics');
  if (!t.frequency) open.push('frequency');
  if (!t.duration) open.push('duration');
  if (!t.evaluation) open.push('evaluation');
  if (!t.reports_to_table_id && !t.linkage) open.push('linkage');
  return open;
}

function reachesGovernance(t: repo.TableRow, byId: Map<string, repo.TableRow>): boolean {
  const seen = new Set<string>();
  let cur: repo.TableRow | undefined = t;
  while (cur && !seen.has(cur.id)) {
    if (cur.level === 'governance') return true;
    seen.add(cur.id);
    cur = cur.reports_to_table_id ? byId.get(cur.reports_to_table_id) : undefined;
  }
  return false;
}

/** Refuses a reporting line that would loop back to the table itself. */
function assertNoCycle(tableId: string | null, reportsTo: string | null | undefined, all: repo.TableRow[]) {
  if (!reportsTo) return;
  if (reportsTo === tableId) throw new AppError('validation_failed', { fields: { reportsToTableId: 'a table cannot report to itself' } });
  const byId = new Map(all.map((t) => [t.id, t]));
  const seen = new Set<string>();
  let cur = byId.get(reportsTo);
  while (cur && !seen.has(cur.id)) {
    if (cur.id === tableId) throw new AppError('validation_failed', { fields: { reportsToTableId: 'this reporting line would form a loop' } });
    seen.add(cur.id);
    cur = cur.reports_to_table_id ? byId.get(cur.reports_to_table_id) : undefined;
  }
}

export function tableWarnings(tables: repo.TableRow[], parts: repo.ParticipantRow[]): { warnings: Warning[]; overview: { organisationId: string; organisationName: string; tableIds: string[]; count: number }[] } {
  const warnings: Warning[] = [];
  const byId = new Map(tables.map((t) => [t.id, t]));
  if (tables.length > 0 && !tables.some((t) => t.level === 'governance')) {
    warnings.push(warning('no_governance_table', 'Er is geen bestuurlijke tafel.', 'There is no governance table.'));
  }
  for (const t of tables) {
    if (t.level !== 'governance' && !reachesGovernance(t, byId)) {
      warnings.push(warning('no_route_to_governance',
        `Signalen van "${t.name}" bereiken de bestuurlijke tafel niet: leg vast aan welke tafel zij rapporteert.`,
        `Signals from "${t.name}" do not reach the governance table: record which table it reports to.`, { type: 'table', id: t.id }));
    }
  }
  const byOrg = new Map<string, { organisationId: string; organisationName: string; tableIds: string[]; count: number }>();
  for (const p of parts) {
    const e = byOrg.get(p.organisation_id) ?? { organisationId: p.organisation_id, organisationName: p.organisation_name, tableIds: [], count: 0 };
    e.tableIds.push(p.table_id);
    e.count++;
    byOrg.set(p.organisation_id, e);
  }
  const overview = [...byOrg.values()].sort((a, b) => b.count - a.count || a.organisationName.localeCompare(b.organisationName));
  for (const o of overview) {
    if (o.count > MAX_TABLES_PER_ORGANISATION) {
      warnings.push(warning('too_many_tables',
        `${o.organisationName} zit aan ${o.count} tafels. Kunnen tafels worden samengevoegd?`,
        `${o.organisationName} sits at ${o.count} tables. Can tables be merged?`, { type: 'organisation', id: o.organisationId }));
    }
  }
  return { warnings, overview };
}

export function createMeetingTablesService(ws: Workspace) {
  async function meetingOut(q: Parameters<typeof repo.meetings>[0], p: PartnershipKey, meetingId: string) {
    const [m] = await repo.meetings(q, p, { meetingId });
    if (!m) throw new AppError('not_found');
    const ds = await repo.decisions(q, [m.id], p.region_id);
    const as = await repo.actions(q, p, { meetingIds: [m.id] });
    return { ...repo.toMeeting(m), decisions: ds.map((d) => ({ id: d.id, meetingId: d.meeting_id, text: d.text, createdAt: new Date(d.created_at).toISOString() })), actions: as.map(repo.toAction) };
  }

  async function tableOut(q: Parameters<typeof repo.tables>[0], p: PartnershipKey, tableId: string) {
    const all = await repo.tables(q, p);
    const parts = await repo.participants(q, p);
    const t = all.find((x) => x.id === tableId)!;
    return shapeTable(t, parts, new Map(all.map((x) => [x.id, x])));
  }

  function shapeTable(t: repo.TableRow, parts: repo.ParticipantRow[], byId: Map<string, repo.TableRow>) {
    const mine = parts.filter((p) => p.table_id === t.id);
    return {
      id: t.id, name: t.name, level: t.level, kind: t.kind, purpose: t.purpose, participantsNote: t.participants_note, topics: t.topics,
      frequency: t.frequency, duration: t.duration, evaluation: t.evaluation, linkage: t.linkage, reportsToTableId: t.reports_to_table_id,
      version: t.version, participants: mine.map((p) => ({ partnerId: p.partner_id, organisationId: p.organisation_id, organisationName: p.organisation_name })),
      openQuestions: openQuestions(t, mine.length), reachesGovernance: reachesGovernance(t, byId),
    };
  }

  return {
    async listTables(actor: Actor, id: string) {
      return ws.read(actor, id, 'tables', async (q, ctx) => {
        const all = await repo.tables(q, ctx.partnership);
        const parts = await repo.participants(q, ctx.partnership);
        const byId = new Map(all.map((t) => [t.id, t]));
        const { warnings, overview } = tableWarnings(all, parts);
        return { tables: all.map((t) => shapeTable(t, parts, byId)), overview, warnings, allowedActions: ctx.allowedActions };
      });
    },

    async createTable(actor: Actor, id: string, body: TableBody) {
      return ws.write(actor, id, 'manage_tables', async (q, ctx, audit) => {
        await requireInPartnership(q, 'partnership_tables', ctx.partnership, [body.reportsToTableId], 'reportsToTableId');
        await requireInPartnership(q, 'partnership_partners', ctx.partnership, body.partnerIds ?? [], 'partnerIds');
        const row = await repo.insertTable(q, id, ctx.partnership.region_id, body);
        await repo.setParticipants(q, row.id, ctx.partnership.region_id, body.partnerIds ?? []);
        await audit('partnership.table_saved', { type: 'table', id: row.id }, { op: 'created', level: body.level, fields: Object.keys(body) });
        return tableOut(q, ctx.partnership, row.id);
      });
    },

    async updateTable(actor: Actor, id: string, tableId: string, version: number, body: TablePatch) {
      return ws.write(actor, id, 'manage_tables', async (q, ctx, audit) => {
        await requireInPartnership(q, 'partnership_tables', ctx.partnership, [body.reportsToTableId], 'reportsToTableId');
        await requireInPartnership(q, 'partnership_partners', ctx.partnership, body.partnerIds ?? [], 'partnerIds');
        assertNoCycle(tableId, body.reportsToTableId, await repo.tables(q, ctx.partnership));
        await updateVersioned(q, 'partnership_tables', { id: tableId, partnership: ctx.partnership }, version, defined({
          name: body.name, level: body.level, kind: body.kind, purpose: body.purpose, participants_note: body.participantsNote, topics: body.topics,
          frequency: body.frequency, duration: body.duration, evaluation: body.evaluation, linkage: body.linkage, reports_to_table_id: body.reportsToTableId,
        }));
        if (body.partnerIds) await repo.setParticipants(q, tableId, ctx.partnership.region_id, body.partnerIds);
        await audit('partnership.table_saved', { type: 'table', id: tableId }, { op: 'updated', fields: Object.keys(body) });
        return tableOut(q, ctx.partnership, tableId);
      });
    },

    async listMeetings(actor: Actor, id: string, tableId: string) {
      return ws.read(actor, id, 'meetings', async (q, ctx) => {
        await requireTable(q, ctx.partnership, tableId);
        const ms = await repo.meetings(q, ctx.partnership, { tableId });
        const ids = ms.map((m) => m.id);
        const ds = await repo.decisions(q, ids, ctx.partnership.region_id);
        const as = await repo.actions(q, ctx.partnership, { meetingIds: ids });
        return ms.map((m) => ({
          ...repo.toMeeting(m),
          decisions: ds.filter((d) => d.meeting_id === m.id).map((d) => ({ id: d.id, meetingId: d.meeting_id, text: d.text, createdAt: new Date(d.created_at).toISOString() })),
          actions: as.filter((a) => a.meeting_id === m.id).map(repo.toAction),
        }));
      });
    },

    async createMeeting(actor: Actor, id: string, tableId: string, body: MeetingBody) {
      return ws.write(actor, id, 'manage_tables', async (q, ctx, audit) => {
        await requireTable(q, ctx.partnership, tableId);
        let agenda: { title: string; notes?: string | null }[] = body.agenda ?? [];
        if (body.templateCode) {
          const templates = await shipped(q, 'agenda-templates');
          const t = templates?.elements.find((e) => e.code === body.templateCode);
          if (!t) throw new AppError('validation_failed', { fields: { templateCode: 'unknown agenda template' } });
          if (!body.agenda) agenda = t.items.map((i) => ({ title: i.textNl, notes: null }));
        }
        const m = await repo.insertMeeting(q, id, ctx.partnership.region_id, { tableId, heldOn: body.heldOn, templateCode: body.templateCode ?? null, agenda, notes: body.notes ?? null });
        await audit('partnership.meeting_saved', { type: 'meeting', id: m.id }, { op: 'created', tableId, template: body.templateCode ?? null });
        return meetingOut(q, ctx.partnership, m.id);
      });
    },

    async updateMeeting(actor: Actor, id: string, meetingId: string, version: number, body: MeetingPatch) {
      return ws.write(actor, id, 'manage_tables', async (q, ctx, audit) => {
        await updateVersioned<repo.MeetingRow>(q, 'partnership_meetings', { id: meetingId, partnership: ctx.partnership }, version, defined({
          held_on: body.heldOn, agenda: body.agenda ? JSON.stringify(body.agenda) : undefined, notes: body.notes,
        }), (r) => repo.toMeeting(r));
        await audit('partnership.meeting_saved', { type: 'meeting', id: meetingId }, { op: 'updated', fields: Object.keys(body) });
        return meetingOut(q, ctx.partnership, meetingId);
      });
    },

    async addDecision(actor: Actor, id: string, meetingId: string, text: string) {
      return ws.write(actor, id, 'manage_tables', async (q, ctx, audit) => {
        await requireInPartnership(q, 'partnership_meetings', ctx.partnership, [meetingId], 'meetingId').catch(() => { throw new AppError('not_found'); });
        const d = await repo.insertDecision(q, id, ctx.partnership.region_id, meetingId, text, actor.userId);
        await audit('partnership.decision_recorded', { type: 'meeting', id: meetingId }, { decisionId: d.id });
        return { id: d.id, meetingId: d.meeting_id, text: d.text, createdAt: new Date(d.created_at).toISOString() };
      });
    },

    async addAction(actor: Actor, id: string, meetingId: string, body: ActionBody) {
      return ws.write(actor, id, 'manage_tables', async (q, ctx, audit) => {
        await requireInPartnership(q, 'partnership_meetings', ctx.partnership, [meetingId], 'meetingId').catch(() => { throw new AppError('not_found'); });
        if (!(await repo.ownerEligible(q, body.ownerUserId, ctx.partnership))) {
          throw new AppError('invalid_reference', { fields: { ownerUserId: 'the owner must work at one of the partner organisations' } });
        }
        const actionId = await repo.insertAction(q, id, ctx.partnership.region_id, { meetingId, ...body });
        await audit('partnership.action_saved', { type: 'action', id: actionId }, { op: 'created', ownerUserId: body.ownerUserId });
        return repo.toAction((await repo.actions(q, ctx.partnership, { id: actionId }))[0]!);
      });
    },

    async updateAction(actor: Actor, id: string, actionId: string, version: number, body: ActionPatch) {
      return ws.write(actor, id, 'manage_tables', async (q, ctx, audit) => {
        if (body.ownerUserId && !(await repo.ownerEligible(q, body.ownerUserId, ctx.partnership))) {
          throw new AppError('invalid_reference', { fields: { ownerUserId: 'the owner must work at one of the partner organisations' } });
        }
        await updateVersioned(q, 'partnership_actions', { id: actionId, partnership: ctx.partnership }, version, defined({
          text: body.text, owner_user_id: body.ownerUserId, due_on: body.dueOn, status: body.status,
        }));
        await audit('partnership.action_saved', { type: 'action', id: actionId }, { op: 'updated', fields: Object.keys(body), status: body.status });
        return repo.toAction((await repo.actions(q, ctx.partnership, { id: actionId }))[0]!);
      });
    },
  };
}

async function requireTable(q: Parameters<typeof repo.tables>[0], p: PartnershipKey, tableId: string) {
  const [t] = await q.query(`SELECT 1 FROM partnership_tables WHERE region_id = $3 AND id = $1 AND partnership_id = $2`, [tableId, p.id, p.region_id]);
  if (!t) throw new AppError('not_found');
}
