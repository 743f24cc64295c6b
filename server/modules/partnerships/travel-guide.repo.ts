/** SQL for the travel-guide checklist. */
import type { Queryable } from '../../core/db.ts';
import type { PartnershipKey } from './partnerships.repo.ts';

export async function checks(q: Queryable, p: PartnershipKey) {
  return q.query<{ item_id: string; done: boolean; note: string | null; updated_at: Date }>(
    `SELECT item_id, done, note, updated_at FROM partnership_guide_checks WHERE region_id = $2 AND partnership_id = $1`, [p.id, p.region_id]);
}

/** updated_at from EXCLUDED (the column's default, now()): Citus allows no now() in DO UPDATE SET. */
export async function upsertCheck(q: Queryable, partnershipId: string, regionId: string, itemId: string, done: boolean, note: string | null | undefined, userId: string) {
  await q.query(
    `INSERT INTO partnership_guide_checks (partnership_id, item_id, region_id, done, note, updated_by) VALUES ($1,$2,$3,$4,$5,$6)
     ON CONFLICT (region_id, partnership_id, item_id) DO UPDATE SET done = EXCLUDED.done,
       note = CASE WHEN $7::boolean THEN EXCLUDED.note ELSE partnership_guide_checks.note END, updated_by = EXCLUDED.updated_by,
       updated_at = EXCLUDED.updated_at`,
    [partnershipId, itemId, regionId, done, note ?? null, userId, note !== undefined]);
}
