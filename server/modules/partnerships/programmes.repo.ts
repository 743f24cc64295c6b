/** SQL for implementation programmes and their activities. */
import type { Queryable } from '../../core/db.ts';
import type { PartnershipKey } from './partnerships.repo.ts';

export interface ProgrammeRow {
  id: string; title: string; starts_on: string; ends_on: string; intended_results: string | null; lead_partner_id: string | null;
  lead_person_id: string | null; arrangements: unknown; adopted_by_table_id: string | null; adopted_by_table_name: string | null; adopted_on: string | null; version: number;
}
export interface ActivityRow { id: string; programme_id: string; title: string; description: string | null; starts_on: string | null; ends_on: string | null; lead_partner_id: string | null; progress: number; status: string; version: number }

export async function programmes(q: Queryable, pk: PartnershipKey, id?: string) {
  return q.query<ProgrammeRow>(
    `SELECT p.id, p.title, p.starts_on, p.ends_on, p.intended_results, p.lead_partner_id, p.lead_person_id, p.arrangements,
            p.adopted_by_table_id, t.name AS adopted_by_table_name, p.adopted_on, p.version
       FROM partnership_programmes p
       LEFT JOIN partnership_tables t ON t.region_id = p.region_id AND t.region_id = $3 AND t.id = p.adopted_by_table_id
      WHERE p.region_id = $3 AND p.partnership_id = $1 AND ($2::uuid IS NULL OR p.id = $2) ORDER BY p.starts_on DESC, p.title`,
    [pk.id, id ?? null, pk.region_id]);
}

export async function programmePartners(q: Queryable, programmeIds: string[], regionId: string) {
  return q.query<{ programme_id: string; partner_id: string; organisation_name: string }>(
    `SELECT x.programme_id, x.partner_id, o.name AS organisation_name FROM partnership_programme_partners x
       JOIN partnership_partners pp ON pp.region_id = x.region_id AND pp.id = x.partner_id JOIN organisations o ON o.id = pp.organisation_id
      WHERE x.region_id = $2 AND pp.region_id = $2 AND x.programme_id = ANY($1::uuid[]) ORDER BY o.name`, [programmeIds, regionId]);
}

export async function setProgrammePartners(q: Queryable, programmeId: string, regionId: string, partnerIds: string[]) {
  await q.query(`DELETE FROM partnership_programme_partners WHERE region_id = $2 AND programme_id = $1`, [programmeId, regionId]);
  for (const p of partnerIds) await q.query(`INSERT INTO partnership_programme_partners (programme_id, partner_id, region_id) VALUES ($1,$2,$3)`, [programmeId, p, regionId]);
}

export async function activities(q: Queryable, p: PartnershipKey, filter: { programmeIds?: string[]; id?: string }) {
  return q.query<ActivityRow>(
    `SELECT id, programme_id, title, description, starts_on, ends_on, lead_partner_id, progress, status, version FROM partnership_activities
      WHERE region_id = $4 AND partnership_id = $1 AND ($2::uuid[] IS NULL OR programme_id = ANY($2)) AND ($3::uuid IS NULL OR id = $3)
      ORDER BY starts_on NULLS LAST, title`, [p.id, filter.programmeIds ?? null, filter.id ?? null, p.region_id]);
}

export async function insertProgramme(q: Queryable, partnershipId: string, regionId: string, p: {
  title: string; startsOn: string; endsOn: string; intendedResults?: string; leadPartnerId?: string; leadPersonId?: string; arrangements?: object;
}) {
  const [row] = await q.query<{ id: string }>(
    `INSERT INTO partnership_programmes (partnership_id, region_id, title, starts_on, ends_on, intended_results, lead_partner_id, lead_person_id, arrangements)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9) RETURNING id`,
    [partnershipId, regionId, p.title, p.startsOn, p.endsOn, p.intendedResults ?? null, p.leadPartnerId ?? null, p.leadPersonId ?? null, JSON.stringify(p.arrangements ?? {})]);
  return row!.id;
}

export async function insertActivity(q: Queryable, partnershipId: string, regionId: string, programmeId: string, a: {
  title: string; description?: string; startsOn?: string; endsOn?: string; leadPartnerId?: string; progress?: number; status?: string;
}) {
  const [row] = await q.query<{ id: string }>(
    `INSERT INTO partnership_activities (partnership_id, region_id, programme_id, title, description, starts_on, ends_on, lead_partner_id, progress, status)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10) RETURNING id`,
    [partnershipId, regionId, programmeId, a.title, a.description ?? null, a.startsOn ?? null, a.endsOn ?? null, a.leadPartnerId ?? null, a.progress ?? 0, a.status ?? 'planned']);
  return row!.id;
}
