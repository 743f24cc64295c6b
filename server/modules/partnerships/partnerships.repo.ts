/**
 * SQL shared by every part of the workspace: partnerships, their partners, access
 * lookups and a version-checked update. Callers have checked permissions; every
 * query filters on the partnership (and so on its region).
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

export async function findPartnership(q: Queryable, id: string): Promise<PartnershipRow | undefined> {
  const [row] = await q.query<PartnershipRow>(`SELECT * FROM partnerships WHERE id = $1`, [id]);
  return row;
}

/** The organisations that are partners of a partnership. */
export async function partnerOrgIds(q: Queryable, partnershipId: string): Promise<string[]> {
  const rows = await q.query<{ organisation_id: string }>(
    `SELECT organisation_id FROM partnership_partners WHERE partnership_id = $1`, [partnershipId]);
  return rows.map((r) => r.organisation_id);
}

/** Partnerships in which one of these organisations is a partner. */
export async function listForOrgs(q: Queryable, orgIds: string[]) {
  return q.query<PartnershipRow & { partner_count: number }>(
    `SELECT p.*, (SELECT count(*)::int FROM partnership_partners x WHERE x.partnership_id = p.id) AS partner_count
       FROM partnerships p
      WHERE EXISTS (SELECT 1 FROM partnership_partners pp WHERE pp.partnership_id = p.id AND pp.organisation_id = ANY($1::uuid[]))
      ORDER BY p.name`, [orgIds]);
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
export async function counts(q: Queryable, partnershipId: string) {
  const [row] = await q.query<Record<string, number>>(
    `SELECT (SELECT count(*)::int FROM partnership_partners WHERE partnership_id = $1) AS partners,
            (SELECT count(*)::int FROM partnership_people WHERE partnership_id = $1) AS people,
            (SELECT count(*)::int FROM partnership_tables WHERE partnership_id = $1) AS tables,
            (SELECT count(*)::int FROM partnership_agreements WHERE partnership_id = $1) AS agreements,
            (SELECT count(*)::int FROM partnership_funding WHERE partnership_id = $1) AS funding,
            (SELECT count(*)::int FROM partnership_programmes WHERE partnership_id = $1) AS programmes,
            (SELECT count(*)::int FROM partnership_rounds WHERE partnership_id = $1) AS assessments`,
    [partnershipId]);
  return row!;
}

/**
 * Updates a versioned row of a workspace table when its version still matches.
 * Table and column names come from code, never from a request.
 * Missing (or in another partnership) → not_found; stale → conflict with the current row.
 */
export async function updateVersioned<R = Record<string, unknown>>(
  q: Queryable, table: string, key: { id: string; partnershipId: string }, version: number,
  sets: Record<string, unknown>, toOut: (row: R) => unknown = (r) => camel(r as Record<string, unknown>),
): Promise<R> {
  const cols = Object.keys(sets);
  const assignments = cols.map((c, i) => `${c} = $${i + 4}`);
  assignments.push('version = version + 1');
  const [row] = await q.query<R>(
    `UPDATE ${table} SET ${assignments.join(', ')} WHERE id = $1 AND partnership_id = $2 AND version = $3 RETURNING *`,
    [key.id, key.partnershipId, version, ...cols.map((c) => sets[c])]);
  if (row) return row;
  const [current] = await q.query<R>(`SELECT * FROM ${table} WHERE id = $1 AND partnership_id = $2`, [key.id, key.partnershipId]);
  if (!current) throw new AppError('not_found');
  throw new AppError('conflict', { current: toOut(current) });
}

/** Drops undefined values so a PATCH only sets the fields it names. */
export function defined(obj: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined));
}

/** Checks that every id belongs to this partnership in the given table; throws validation_failed naming the field. */
export async function requireInPartnership(q: Queryable, table: string, partnershipId: string, ids: (string | null | undefined)[], field: string) {
  const want = [...new Set(ids.filter((x): x is string => Boolean(x)))];
  if (want.length === 0) return;
  const rows = await q.query<{ id: string }>(`SELECT id FROM ${table} WHERE partnership_id = $1 AND id = ANY($2::uuid[])`, [partnershipId, want]);
  if (rows.length !== want.length) throw new AppError('invalid_reference', { fields: { [field]: 'not part of this partnership' } });
}
