/**
 * The nine stages of the travel guide as a guided route: each stage's do-it-yourself
 * checklist, ticked per partnership, and links to what the stage produces in the
 * workspace (stage → area comes from the framework's data, not from code).
 */
import type { Queryable } from '../../core/db.ts';
import { AppError } from '../../core/errors.ts';
import type { Actor } from '../../core/session.ts';
import { counts, type PartnershipKey } from './partnerships.repo.ts';
import { shipped } from './frameworks.repo.ts';
import * as repo from './travel-guide.repo.ts';
import type { Workspace } from './workspace.ts';

/** Areas of the workspace a stage can link to; "monitor" belongs to module 5 and is not there yet. */
const AREA_COUNT: Record<string, string | null> = {
  agreements: 'agreements', partners: 'partners', tables: 'tables', funding: 'funding', programmes: 'programmes', assessments: 'assessments', monitor: null,
};

const pct = (done: number, total: number) => (total ? Math.round((done / total) * 100) : 0);

export async function guideProgress(q: Queryable, p: PartnershipKey) {
  const guide = await shipped(q, 'travel-guide');
  if (!guide) throw new AppError('not_found');
  const checks = new Map((await repo.checks(q, p)).map((c) => [c.item_id, c]));
  const n = await counts(q, p);
  const stages = guide.elements.map((e, idx) => {
    const items = e.items.map((i) => {
      const c = checks.get(i.id);
      return { id: i.id, code: i.code, textNl: i.textNl, textEn: i.textEn, done: Boolean(c?.done), note: c?.note ?? null, updatedAt: c ? new Date(c.updated_at).toISOString() : null };
    });
    const done = items.filter((i) => i.done).length;
    const links = ((e.meta.links as string[] | undefined) ?? []).map((area) => {
      const key = AREA_COUNT[area];
      return { area, count: key ? n[key] ?? 0 : 0, available: Boolean(key) };
    });
    return { code: e.code, position: idx + 1, nameNl: e.nameNl, nameEn: e.nameEn, group: String(e.meta.group ?? ''), items, done, total: items.length, percent: pct(done, items.length), links };
  });
  const done = stages.reduce((s, x) => s + x.done, 0);
  const total = stages.reduce((s, x) => s + x.total, 0);
  return { frameworkId: guide.id, version: guide.version, stages, done, total, percent: pct(done, total) };
}

export function createTravelGuideService(ws: Workspace) {
  return {
    async get(actor: Actor, id: string) {
      return ws.read(actor, id, 'guide', async (q, ctx) => ({ ...(await guideProgress(q, ctx.partnership)), allowedActions: ctx.allowedActions }));
    },

    /** Ticking is idempotent (set, not toggle), so it needs no version. */
    async check(actor: Actor, id: string, itemId: string, body: { done: boolean; note?: string | null }) {
      return ws.write(actor, id, 'check_guide', async (q, ctx, audit) => {
        const guide = await shipped(q, 'travel-guide');
        const item = guide?.elements.flatMap((e) => e.items).find((i) => i.id === itemId);
        if (!item) throw new AppError('not_found');
        await repo.upsertCheck(q, id, ctx.partnership.region_id, itemId, body.done, body.note, actor.userId);
        await audit('partnership.guide_checked', { type: 'guide_item', id: itemId }, { code: item.code, done: body.done });
        return { ...(await guideProgress(q, ctx.partnership)), allowedActions: ctx.allowedActions };
      });
    },
  };
}
