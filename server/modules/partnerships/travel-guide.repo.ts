/** SQL for the travel-guide checklist. */
import type { Queryable } from '../../core/db.ts';

export async function checks(q: Queryable, partnershipId: string) {
  return q.query<{ item_id: string; done: boolean; note: string | null; updated_at: Date }>(
    `SELECT item_id, done, note, updated_at FROM partnership_guide_checks WHERE partnership_id = $1`, [partnershipId]);
}

export async function upsertCheck(q: Queryable, partnershipId: string, regionId: string, itemId: string, done: boolean, note: string | null | undefined, userId: string) {
  await q.query(
    `INSERT INTO partnership_guide_checks (partnership_id, item_id, region_id, done, note, updated_by) VALUES ($1,$2,$3,$4,$5,$6)
     ON CONFLICT (region_id, partnership_id, item_id) DO UPDATE SET done = EXCLUDED.done,
       note = CASE WHEN $7::boolean THEN EXCLUDED.note ELSE partnership_guide_checks.note END, updated_by = EXCLUDED.updated_by, updated_at = now()`,
    [partnershipId, itemId, regionId, done, note ?? null, userId, note !== undefined]);
}
