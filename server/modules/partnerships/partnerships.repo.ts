/**
 * SQL shared by every part of the workspace: partnerships, their partners, access
 * lookups and a version-checked update. Callers have checked permissions; every
 * query filters on the partnership and its region (every workspace table is distributed
 * by region_id: naming the region sends the statement to one shard).
 */
import type { Queryable } from '../../core/db.ts';
import { AppError } from '../../core/errors.ts';

/** snake_case row → camelCase object; timestamps become ISO strings. */
export function camel<T = Record<string, unknown>>(row: Record<string, unknown>): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) {
    out[k.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())] = v instanceof Date ? v.toISOString() : v;
  }
  return out as T;
}

export interface PartnershipRow {
  id: string; region_id: string; name: string; scope: string; area_id: string | null; description: string | null;
  collaboration_model: string | null; version: number; created_at: Date;
}

/** A partnership as the key of its rows: its id and the region all its rows live in. */
export type PartnershipKey = Pick<PartnershipRow, 'id' | 'region_id'>;

/** A partnership by id, among the given regions (the actor's, before its region is known). */
export async function findPartnership(q: Queryable, id: string, regionIds: string[]): Promise<PartnershipRow | undefined> {
  const [row] = await q.query<PartnershipRow>(`SELECT * FROM partnerships WHERE region_id = ANY($2::uuid[]) AND id = $1`, [id, regionIds]);
  return row;
}

/** The organisations that are partners of a partnership. */
export async function partnerOrgIds(q: Queryable, p: PartnershipKey): Promise<string[]> {
  const rows = await q.query<{ organisation_id: string }>(
    `SELECT organisation_id FROM partnership_partners WHERE region_id = $2 AND partnership_id = $1`, [p.id, p.region_id]);
  return rows.map((r) => r.organisation_id);
}

/** Partnerships in the given regions in which one of these organisations is a partner. */
export async function listForOrgs(q: Queryable, orgIds: string[], regionIds: string[]) {
  return q.query<PartnershipRow & { partner_count: number }>(
    `SELECT p.*, (SELECT count(*)::int FROM partnership_partners x
                   WHERE x.region_id = p.region_id AND x.region_id = ANY($2::uuid[]) AND x.partnership_id = p.id) AS partner_count
       FROM partnerships p
      WHERE p.region_id = ANY($2::uuid[])
        AND EXISTS (SELECT 1 FROM partnership_partners pp
                     WHERE pp.region_id = p.region_id AND pp.region_id = ANY($2::uuid[]) AND pp.partnership_id = p.id AND pp.organisation_id = ANY($1::uuid[]))
      ORDER BY p.name`, [orgIds, regionIds]);
}

export async function insertPartnership(q: Queryable, p: {
  regionId: string; name: string; scope: string; areaId?: string | null; description?: string | null; collaborationModel?: string | null; createdBy: string;
}) {
  const [row] = await q.query<PartnershipRow>(
    `INSERT INTO partnerships (region_id, name, scope, area_id, description, collaboration_model, created_by)
     VALUES ($1,$2,$3,$4,$5,$6,$7) RETURNING *`,
    [p.regionId, p.name, p.scope, p.areaId ?? null, p.description ?? null, p.collaborationModel ?? null, p.createdBy]);
  return row!;
}

export async function insertPartner(q: Queryable, p: { partnershipId: string; regionId: string; organisationId: string; ring?: string; roleDescription?: string | null }) {
  const [row] = await q.query<Record<string, unknown>>(
    `INSERT INTO partnership_partners (partnership_id, region_id, organisation_id, ring, role_description)
     VALUES ($1,$2,$3,$4,$5) RETURNING *`,
    [p.partnershipId, p.regionId, p.organisationId, p.ring ?? 'inner', p.roleDescription ?? null]);
  return row!;
}

/** Counts for the workspace summary. */
export async function counts(q: Queryable, p: PartnershipKey) {
  const [row] = await q.query<Record<string, number>>(
    `SELECT (SELECT count(*)::int FROM partnership_partners WHERE region_id = $2 AND partnership_id = $1) AS partners,
            (SELECT count(*)::int FROM partnership_people WHERE region_id = $2 AND partnership_id = $1) AS people,
            (SELECT count(*)::int FROM partnership_tables WHERE region_id = $2 AND partnership_id = $1) AS tables,
            (SELECT count(*)::int FROM partnership_agreements WHERE region_id = $2 AND partnership_id = $1) AS agreements,
            (SELECT count(*)::int FROM partnership_funding WHERE region_id = $2 AND partnership_id = $1) AS funding,
            (SELECT count(*)::int FROM partnership_programmes WHERE region_id = $2 AND partnership_id = $1) AS programmes,
            (SELECT count(*)::int FROM partnership_rounds WHERE region_id = $2 AND partnership_id = $1) AS assessments`,
    [p.id, p.region_id]);
  return row!;
}

/**
 * Updates a versioned row of a workspace table when its version still matches.
 * Table and column names come from code, never from a request.
 * Missing (or in another partnership) → not_found; stale → conflict with the current row.
 */
export async function updateVersioned<R = Record<string, unknown>>(
  q: Queryable, table: string, key: { id: string; partnership: PartnershipKey }, version: number,
  sets: Record<string, unknown>, toOut: (row: R) => unknown = (r) => camel(r as Record<string, unknown>),
): Promise<R> {
  const cols = Object.keys(sets);
  const assignments = cols.map((c, i) => `${c} = $${i + 5}`);
  assignments.push('version = version + 1');
  const [row] = await q.query<R>(
    `UPDATE ${table} SET ${assignments.join(', ')} WHERE region_id = $4 AND id = $1 AND partnership_id = $2 AND version = $3 RETURNING *`,
    [key.id, key.partnership.id, version, key.partnership.region_id, ...cols.map((c) => sets[c])]);
  if (row) return row;
  const [current] = await q.query<R>(`SELECT * FROM ${table} WHERE region_id = $3 AND id = $1 AND partnership_id = $2`,
    [key.id, key.partnership.id, key.partnership.region_id]);
  if (!current) throw new AppError('not_found');
  throw new AppError('conflict', { current: toOut(current) });
}

/** Drops undefined values so a PATCH only sets the fields it names. */
export function defined(obj: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined));
}

/** Checks that every id belongs to this partnership in the given table; throws validation_failed naming the field. */
export async function requireInPartnership(q: Queryable, table: string, p: PartnershipKey, ids: (string | null | undefined)[], field: string) {
  const want = [...new Set(ids.filter((x): x is string => Boolean(x)))];
  if (want.length === 0) return;
  const rows = await q.query<{ id: string }>(`SELECT id FROM ${table} WHERE region_id = $3 AND partnership_id = $1 AND id = ANY($2::uuid[])`, [p.id, want, p.region_id]);
  if (rows.length !== want.length) throw new AppError('invalid_reference', { fields: { [field]: 'not part of this partnership' } });
}
