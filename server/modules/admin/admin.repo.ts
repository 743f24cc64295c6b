/** SQL for regions, areas, organisations and users. Callers have checked permissions. */
import { fromJsonList, type Json, type Queryable } from '../../core/db.ts';

export interface OrganisationRow {
  id: string; region_id: string; area_id: string | null; type: string; name: string; school_type: string | null;
  contact_email: string | null; contact_phone: string | null; version: number;
}

export const toOrganisation = (r: OrganisationRow) => ({
  id: r.id, regionId: r.region_id, areaId: r.area_id, type: r.type, name: r.name, schoolType: r.school_type,
  contactEmail: r.contact_email, contactPhone: r.contact_phone, version: r.version,
});

export async function insertRegion(q: Queryable, slug: string, name: string) {
  const [r] = await q.query<{ id: string; slug: string; name: string; disagreementDays: number }>(
    `INSERT INTO regions (slug, name) VALUES ($1, $2) RETURNING id, slug, name, disagreement_days AS "disagreementDays"`, [slug, name]);
  return r!;
}

export async function insertArea(q: Queryable, regionId: string, a: { kind: string; name: string; code?: string; parentId?: string }) {
  const [r] = await q.query<{ id: string; region_id: string; kind: string; name: string; code: string | null; parent_id: string | null }>(
    `INSERT INTO areas (region_id, kind, name, code, parent_id) VALUES ($1, $2, $3, $4, $5)
     RETURNING id, region_id, kind, name, code, parent_id`,
    [regionId, a.kind, a.name, a.code ?? null, a.parentId ?? null]);
  return { id: r!.id, regionId: r!.region_id, kind: r!.kind, name: r!.name, code: r!.code, parentId: r!.parent_id };
}

export async function insertOrganisation(q: Queryable, o: {
  regionId: string; areaId?: string; type: string; name: string; schoolType?: string; contactEmail?: string; contactPhone?: string;
}) {
  const [r] = await q.query<OrganisationRow>(
    `INSERT INTO organisations (region_id, area_id, type, name, school_type, contact_email, contact_phone)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *`,
    [o.regionId, o.areaId ?? null, o.type, o.name, o.schoolType ?? null, o.contactEmail ?? null, o.contactPhone ?? null]);
  return toOrganisation(r!);
}

export async function insertUser(q: Queryable, u: {
  regionId: string; kind: string; email: string; displayName: string; passwordHash: string; isPlatformAdmin?: boolean;
}) {
  const [r] = await q.query<{ id: string }>(
    `INSERT INTO users (region_id, kind, email, display_name, password_hash, is_platform_admin)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [u.regionId, u.kind, u.email.trim(), u.displayName, u.passwordHash, u.isPlatformAdmin ?? false]);
  return r!.id;
}

export async function insertMembership(q: Queryable, userId: string, organisationId: string, role: string) {
  await q.query(
    `INSERT INTO memberships (user_id, organisation_id, role) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
    [userId, organisationId, role]);
}

export async function findUsers(q: Queryable, filter: { ids?: string[]; organisationIds?: string[]; regionId?: string; limit: number; offset: number }) {
  const rows = await q.query<{
    id: string; region_id: string; kind: string; email: string; display_name: string; is_platform_admin: boolean; active: boolean;
    memberships: { organisationId: string; role: string }[] | null;
  }>(
    `SELECT u.id, u.region_id, u.kind, u.email, u.display_name, u.is_platform_admin, u.active,
            (SELECT json_agg(json_build_object('organisationId', m.organisation_id, 'role', m.role) ORDER BY m.role)
               FROM memberships m WHERE m.user_id = u.id) AS memberships
       FROM users u
      WHERE ($1::uuid[] IS NULL OR u.id = ANY($1))
        AND ($2::uuid[] IS NULL OR EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = u.id AND m.organisation_id = ANY($2)))
        AND ($3::uuid IS NULL OR u.region_id = $3)
      ORDER BY u.display_name, u.id LIMIT $4 OFFSET $5`,
    [filter.ids ?? null, filter.organisationIds ?? null, filter.regionId ?? null, filter.limit, filter.offset]);
  return rows.map((r) => ({
    id: r.id, regionId: r.region_id, kind: r.kind, email: r.email, displayName: r.display_name,
    isPlatformAdmin: r.is_platform_admin, active: r.active, memberships: r.memberships ?? [],
  }));
}

/**
 * One page of users by name or e-mail part, organisation, role and active, and how many match.
 * `organisationIds` (an org admin's organisations) bounds the search; organisation and role
 * filter on one membership (that role in that organisation). users and memberships are
 * reference tables: no region shard is involved.
 */
export async function searchUsers(q: Queryable, filter: {
  organisationIds?: string[]; regionId?: string; term?: string; organisationId?: string; role?: string; active?: boolean; limit: number; offset: number;
}) {
  const params = [filter.organisationIds ?? null, filter.regionId ?? null, filter.term ?? null, filter.organisationId ?? null, filter.role ?? null, filter.active ?? null];
  const where = `
      WHERE ($1::uuid[] IS NULL OR EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = u.id AND m.organisation_id = ANY($1)))
        AND ($2::uuid IS NULL OR u.region_id = $2)
        AND ($3::text IS NULL OR lower(u.display_name) LIKE '%' || $3 || '%' OR lower(u.email) LIKE '%' || $3 || '%')
        AND (($4::uuid IS NULL AND $5::text IS NULL) OR EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = u.id
              AND ($4::uuid IS NULL OR m.organisation_id = $4) AND ($5::text IS NULL OR m.role = $5)))
        AND ($6::boolean IS NULL OR u.active = $6)`;
  const [count] = await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM users u ${where}`, params);
  const ids = await q.query<{ id: string }>(`SELECT u.id FROM users u ${where} ORDER BY lower(u.display_name), u.id LIMIT $7 OFFSET $8`, [...params, filter.limit, filter.offset]);
  const items = ids.length === 0 ? [] : await findUsers(q, { ids: ids.map((r) => r.id), limit: ids.length, offset: 0 });
  const order = new Map(ids.map((r, i) => [r.id, i]));
  return { items: items.sort((a, b) => order.get(a.id)! - order.get(b.id)!), total: count!.n };
}

/**
 * What the policy needs about a user whose rights would change, with the user's row locked
 * until the transaction ends, so two changes of one user's rights take turns.
 */
export async function findMembershipTarget(q: Queryable, userId: string) {
  const [r] = await q.query<{ kind: string; region_id: string; is_platform_admin: boolean; organisation_ids: Json<string[]> }>(
    `SELECT u.kind, u.region_id, u.is_platform_admin,
            (SELECT json_agg(DISTINCT m.organisation_id) FROM memberships m WHERE m.user_id = u.id) AS organisation_ids
       FROM users u WHERE u.id = $1 FOR UPDATE OF u`,
    [userId]);
  if (!r) return null;
  return { kind: r.kind, regionId: r.region_id, isPlatformAdmin: r.is_platform_admin, organisationIds: fromJsonList(r.organisation_ids) };
}
