/**
 * Implementation programme with the six parts from the travel guide: duration,
 * activities, partners, intended results, who leads, and agreements on steering,
 * monitoring, accountability, cooperation, communication and finance. It is adopted
 * through a named LEA or OOGO table.
 */
import type { Queryable } from '../../core/db.ts';
import { AppError } from '../../core/errors.ts';
import type { Actor } from '../../core/session.ts';
import { camel, defined, requireInPartnership, updateVersioned, type PartnershipKey } from './partnerships.repo.ts';
import * as repo from './programmes.repo.ts';
import { ARRANGEMENT_KEYS, type ActivityBody, type ActivityPatch, type ProgrammeBody, type ProgrammePatch } from './programmes.schemas.ts';
import { dateInWords } from '../../../shared/dates.ts';
import { todayIso, warning, type Workspace } from './workspace.ts';

async function shape(q: Queryable, pk: PartnershipKey, id?: string) {
  const rows = await repo.programmes(q, pk, id);
  const ids = rows.map((r) => r.id);
  const partners = await repo.programmePartners(q, ids, pk.region_id);
  const acts = await repo.activities(q, pk, { programmeIds: ids });
  const today = todayIso();
  return rows.map((p) => {
    const arrangements = (typeof p.arrangements === 'string' ? JSON.parse(p.arrangements) : p.arrangements ?? {}) as Record<string, string>;
    const mine = acts.filter((a) => a.programme_id === p.id);
    const ps = partners.filter((x) => x.programme_id === p.id);
    const openParts: string[] = [];
    if (mine.length === 0) openParts.push('activities');
    if (ps.length === 0) openParts.push('partners');
    if (!p.intended_results) openParts.push('intended_results');
    if (!p.lead_partner_id && !p.lead_person_id) openParts.push('lead');
    for (const k of ARRANGEMENT_KEYS) if (!arrangements[k]) openParts.push(`arrangements.${k}`);
    const warnings = [];
    if (!p.adopted_by_table_id) warnings.push(warning('programme_not_adopted', `"${p.title}" is nog niet vastgesteld door een LEA- of OOGO-tafel.`, `"${p.title}" has not yet been adopted by an LEA or OOGO table.`, { type: 'programme', id: p.id }));
    for (const a of mine) {
      if (a.status !== 'done' && a.ends_on && a.ends_on < today) {
        warnings.push(warning('activity_overdue', `Activiteit "${a.title}" had klaar moeten zijn op ${dateInWords(a.ends_on, 'nl')}.`, `Activity "${a.title}" was due on ${dateInWords(a.ends_on, 'en')}.`, { type: 'activity', id: a.id }));
      }
    }
    return {
      ...camel(p as unknown as Record<string, unknown>), arrangements,
      partners: ps.map((x) => ({ partnerId: x.partner_id, organisationName: x.organisation_name })),
      activities: mine.map((a) => camel(a as unknown as Record<string, unknown>)),
      progress: mine.length ? Math.round(mine.reduce((s, a) => s + a.progress, 0) / mine.length) : 0,
      openParts, warnings,
    };
  });
}

export function createProgrammesService(ws: Workspace) {
  async function checkRefs(q: Queryable, p: PartnershipKey, b: { leadPartnerId?: string | null; leadPersonId?: string | null; partnerIds?: string[] }) {
    await requireInPartnership(q, 'partnership_partners', p, [b.leadPartnerId, ...(b.partnerIds ?? [])], 'partnerIds');
    await requireInPartnership(q, 'partnership_people', p, [b.leadPersonId], 'leadPersonId');
  }
  return {
    async list(actor: Actor, id: string) {
      return ws.read(actor, id, 'programmes', async (q, ctx) => ({ programmes: await shape(q, ctx.partnership), allowedActions: ctx.allowedActions }));
    },

    async create(actor: Actor, id: string, body: ProgrammeBody) {
      return ws.write(actor, id, 'manage_programmes', async (q, ctx, audit) => {
        if (body.endsOn < body.startsOn) throw new AppError('validation_failed', { fields: { endsOn: 'must not be before startsOn' } });
        await checkRefs(q, ctx.partnership, body);
        const pid = await repo.insertProgramme(q, id, ctx.partnership.region_id, body);
        await repo.setProgrammePartners(q, pid, ctx.partnership.region_id, body.partnerIds ?? []);
        await audit('partnership.programme_saved', { type: 'programme', id: pid }, { op: 'created' });
        return (await shape(q, ctx.partnership, pid))[0]!;
      });
    },

    async update(actor: Actor, id: string, programmeId: string, version: number, body: ProgrammePatch) {
      return ws.write(actor, id, 'manage_programmes', async (q, ctx, audit) => {
        const [cur] = await repo.programmes(q, ctx.partnership, programmeId);
        if (!cur) throw new AppError('not_found');
        if ((body.endsOn ?? cur.ends_on) < (body.startsOn ?? cur.starts_on)) throw new AppError('validation_failed', { fields: { endsOn: 'must not be before startsOn' } });
        await checkRefs(q, ctx.partnership, body);
        await updateVersioned(q, 'partnership_programmes', { id: programmeId, partnership: ctx.partnership }, version, defined({
          title: body.title, starts_on: body.startsOn, ends_on: body.endsOn, intended_results: body.intendedResults,
          lead_partner_id: body.leadPartnerId, lead_person_id: body.leadPersonId, arrangements: body.arrangements ? JSON.stringify(body.arrangements) : undefined,
        }));
        if (body.partnerIds) await repo.setProgrammePartners(q, programmeId, ctx.partnership.region_id, body.partnerIds);
        await audit('partnership.programme_saved', { type: 'programme', id: programmeId }, { op: 'updated', fields: Object.keys(body) });
        return (await shape(q, ctx.partnership, programmeId))[0]!;
      });
    },

    /** Adoption goes through a named table of kind LEA or OOGO. */
    async adopt(actor: Actor, id: string, programmeId: string, version: number, body: { tableId: string; adoptedOn: string }) {
      return ws.write(actor, id, 'manage_programmes', async (q, ctx, audit) => {
        const [t] = await q.query<{ kind: string }>(`SELECT kind FROM partnership_tables WHERE region_id = $3 AND id = $1 AND partnership_id = $2`,
          [body.tableId, id, ctx.partnership.region_id]);
        if (!t) throw new AppError('invalid_reference', { fields: { tableId: 'not a table of this partnership' } });
        if (t.kind !== 'lea' && t.kind !== 'oogo') throw new AppError('validation_failed', { fields: { tableId: 'a programme is adopted by an LEA or OOGO table' } });
        await updateVersioned(q, 'partnership_programmes', { id: programmeId, partnership: ctx.partnership }, version, { adopted_by_table_id: body.tableId, adopted_on: body.adoptedOn });
        await audit('partnership.programme_saved', { type: 'programme', id: programmeId }, { op: 'adopted', tableId: body.tableId });
        return (await shape(q, ctx.partnership, programmeId))[0]!;
      });
    },

    async addActivity(actor: Actor, id: string, programmeId: string, body: ActivityBody) {
      return ws.write(actor, id, 'manage_programmes', async (q, ctx, audit) => {
        if (!(await repo.programmes(q, ctx.partnership, programmeId)).length) throw new AppError('not_found');
        await requireInPartnership(q, 'partnership_partners', ctx.partnership, [body.leadPartnerId], 'leadPartnerId');
        const aid = await repo.insertActivity(q, id, ctx.partnership.region_id, programmeId, body);
        await audit('partnership.activity_saved', { type: 'activity', id: aid }, { op: 'created', programmeId });
        return camel((await repo.activities(q, ctx.partnership, { id: aid }))[0]! as unknown as Record<string, unknown>);
      });
    },

    async updateActivity(actor: Actor, id: string, activityId: string, version: number, body: ActivityPatch) {
      return ws.write(actor, id, 'manage_programmes', async (q, ctx, audit) => {
        await requireInPartnership(q, 'partnership_partners', ctx.partnership, [body.leadPartnerId], 'leadPartnerId');
        await updateVersioned(q, 'partnership_activities', { id: activityId, partnership: ctx.partnership }, version, defined({
          title: body.title, description: body.description, starts_on: body.startsOn, ends_on: body.endsOn, lead_partner_id: body.leadPartnerId,
          progress: body.progress, status: body.status,
        }));
        await audit('partnership.activity_saved', { type: 'activity', id: activityId }, { op: 'updated', fields: Object.keys(body), progress: body.progress });
        return camel((await repo.activities(q, ctx.partnership, { id: activityId }))[0]! as unknown as Record<string, unknown>);
      });
    },
  };
}
