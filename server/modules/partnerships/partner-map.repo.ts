/** SQL for the partner map. Every query is bound to one partnership, in its region. */
import type { Queryable } from '../../core/db.ts';
import { camel, type PartnershipKey } from './partnerships.repo.ts';

export interface PartnerRow { id: string; organisation_id: string; organisation_name: string; organisation_type: string; ring: string; role_description: string | null; version: number }
export interface PersonRow { id: string; partner_id: string; user_id: string | null; name: string; role_title: string | null; email: string | null; phone: string | null; ring: string | null; version: number }
export interface PortfolioRow { id: string; person_id: string; topic: string; responsibilities: string | null; mandate: string | null; has_mandate: boolean; deputy_person_id: string | null; is_key: boolean; version: number }

export async function partners(q: Queryable, p: PartnershipKey) {
  return q.query<PartnerRow>(
    `SELECT pp.id, pp.organisation_id, o.name AS organisation_name, o.type AS organisation_type, pp.ring, pp.role_description, pp.version
       FROM partnership_partners pp JOIN organisations o ON o.id = pp.organisation_id
      WHERE pp.region_id = $2 AND pp.partnership_id = $1 ORDER BY pp.ring, o.name`, [p.id, p.region_id]);
}

export async function partner(q: Queryable, p: PartnershipKey, id: string) {
  return (await partners(q, p)).find((x) => x.id === id);
}

export async function people(q: Queryable, p: PartnershipKey) {
  return q.query<PersonRow>(
    `SELECT id, partner_id, user_id, name, role_title, email, phone, ring, version FROM partnership_people
      WHERE region_id = $2 AND partnership_id = $1 ORDER BY name`,
    [p.id, p.region_id]);
}

export async function portfolios(q: Queryable, p: PartnershipKey) {
  return q.query<PortfolioRow>(
    `SELECT id, person_id, topic, responsibilities, mandate, has_mandate, deputy_person_id, is_key, version
       FROM partnership_portfolios WHERE region_id = $2 AND partnership_id = $1 ORDER BY topic`, [p.id, p.region_id]);
}

export async function insertPerson(q: Queryable, partnershipId: string, regionId: string, p: {
  partnerId: string; name: string; roleTitle?: string; email?: string; phone?: string; ring?: string; userId?: string;
}) {
  const [row] = await q.query<PersonRow>(
    `INSERT INTO partnership_people (partnership_id, region_id, partner_id, user_id, name, role_title, email, phone, ring)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9) RETURNING *`,
    [partnershipId, regionId, p.partnerId, p.userId ?? null, p.name, p.roleTitle ?? null, p.email ?? null, p.phone ?? null, p.ring ?? null]);
  return row!;
}

export async function insertPortfolio(q: Queryable, partnershipId: string, regionId: string, p: {
  personId: string; topic: string; responsibilities?: string; mandate?: string; hasMandate: boolean; deputyPersonId?: string; isKey?: boolean;
}) {
  const [row] = await q.query<PortfolioRow>(
    `INSERT INTO partnership_portfolios (partnership_id, region_id, person_id, topic, responsibilities, mandate, has_mandate, deputy_person_id, is_key)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9) RETURNING *`,
    [partnershipId, regionId, p.personId, p.topic, p.responsibilities ?? null, p.mandate ?? null, p.hasMandate, p.deputyPersonId ?? null, p.isKey ?? false]);
  return row!;
}

/** A staff user of this region, for linking a person in the map to an account. */
export async function staffUserInRegion(q: Queryable, userId: string, regionId: string) {
  const [u] = await q.query(`SELECT 1 FROM users WHERE id = $1 AND region_id = $2 AND kind = 'staff' AND active`, [userId, regionId]);
  return Boolean(u);
}

export async function organisationInRegion(q: Queryable, organisationId: string, regionId: string) {
  const [o] = await q.query(`SELECT 1 FROM organisations WHERE id = $1 AND region_id = $2`, [organisationId, regionId]);
  return Boolean(o);
}

/** An organisation of this name in the region (names are unique per region, whatever the case). */
export async function organisationNamed(q: Queryable, name: string, regionId: string) {
  const [o] = await q.query<{ id: string }>(`SELECT id FROM organisations WHERE region_id = $1 AND lower(name) = lower($2)`, [regionId, name]);
  return o?.id ?? null;
}

/** A contact-only organisation: name and type, no area, no staff. */
export async function insertOrganisation(q: Queryable, regionId: string, o: { type: string; name: string }) {
  const [row] = await q.query<{ id: string }>(`INSERT INTO organisations (region_id, type, name) VALUES ($1, $2, $3) RETURNING id`, [regionId, o.type, o.name]);
  return row!.id;
}

export const toPartner = (r: PartnerRow) => camel(r as unknown as Record<string, unknown>);
export const toPerson = (r: PersonRow, partnerRing?: string) => ({ ...camel(r as unknown as Record<string, unknown>), ring: r.ring ?? partnerRing ?? 'inner' });
export const toPortfolio = (r: PortfolioRow, deputyName: string | null = null) => ({ ...camel(r as unknown as Record<string, unknown>), deputyName });
