/** SQL for agreements, parties, commitments, OOGO topics and funding. */
import type { Queryable } from '../../core/db.ts';
import type { PartnershipKey } from './partnerships.repo.ts';

export interface AgreementRow {
  id: string; kind: string; title: string; purpose: string | null; status: string; starts_on: string | null; ends_on: string | null;
  review_on: string | null; privacy: unknown; version: number;
}
export interface CommitmentRow { id: string; agreement_id: string; partner_id: string; organisation_name: string; description: string; until_on: string | null; status: string; explanation: string | null; version: number }
export interface FundingRow { id: string; partner_id: string; organisation_name: string; agreement_id: string | null; purpose: string; amount_per_year_cents: number; mode: string; starts_on: string; ends_on: string | null; version: number }

export async function agreements(q: Queryable, p: PartnershipKey, id?: string) {
  return q.query<AgreementRow>(
    `SELECT id, kind, title, purpose, status, starts_on, ends_on, review_on, privacy, version FROM partnership_agreements
      WHERE region_id = $3 AND partnership_id = $1 AND ($2::uuid IS NULL OR id = $2) ORDER BY kind, title`, [p.id, id ?? null, p.region_id]);
}

export async function parties(q: Queryable, agreementIds: string[], regionId: string) {
  return q.query<{ agreement_id: string; partner_id: string; organisation_id: string; organisation_name: string; organisation_type: string }>(
    `SELECT ap.agreement_id, ap.partner_id, pp.organisation_id, o.name AS organisation_name, o.type AS organisation_type
       FROM partnership_agreement_parties ap JOIN partnership_partners pp ON pp.region_id = ap.region_id AND pp.id = ap.partner_id
       JOIN organisations o ON o.id = pp.organisation_id
      WHERE ap.region_id = $2 AND pp.region_id = $2 AND ap.agreement_id = ANY($1::uuid[]) ORDER BY o.name`, [agreementIds, regionId]);
}

export async function setParties(q: Queryable, agreementId: string, regionId: string, partnerIds: string[]) {
  await q.query(`DELETE FROM partnership_agreement_parties WHERE region_id = $2 AND agreement_id = $1`, [agreementId, regionId]);
  for (const p of partnerIds) await q.query(`INSERT INTO partnership_agreement_parties (agreement_id, partner_id, region_id) VALUES ($1,$2,$3)`, [agreementId, p, regionId]);
}

export async function partnerTypes(q: Queryable, p: PartnershipKey, partnerIds: string[]) {
  return q.query<{ id: string; type: string }>(
    `SELECT pp.id, o.type FROM partnership_partners pp JOIN organisations o ON o.id = pp.organisation_id
      WHERE pp.region_id = $3 AND pp.partnership_id = $1 AND pp.id = ANY($2::uuid[])`, [p.id, partnerIds, p.region_id]);
}

export async function commitments(q: Queryable, p: PartnershipKey, filter: { agreementIds?: string[]; id?: string }) {
  return q.query<CommitmentRow>(
    `SELECT c.id, c.agreement_id, c.partner_id, o.name AS organisation_name, c.description, c.until_on, c.status, c.explanation, c.version
       FROM partnership_commitments c JOIN partnership_partners pp ON pp.region_id = c.region_id AND pp.id = c.partner_id
       JOIN organisations o ON o.id = pp.organisation_id
      WHERE c.region_id = $4 AND pp.region_id = $4 AND c.partnership_id = $1 AND ($2::uuid[] IS NULL OR c.agreement_id = ANY($2)) AND ($3::uuid IS NULL OR c.id = $3)
      ORDER BY c.until_on NULLS LAST, c.created_at`, [p.id, filter.agreementIds ?? null, filter.id ?? null, p.region_id]);
}

export async function oogoTopics(q: Queryable, agreementIds: string[], regionId: string) {
  return q.query<{ agreement_id: string; item_id: string; code: string; text_nl: string; text_en: string; state: string; summary: string | null; version: number }>(
    `SELECT t.agreement_id, t.item_id, i.code, i.text_nl, i.text_en, t.state, t.summary, t.version
       FROM partnership_oogo_topics t JOIN partnership_framework_items i ON i.id = t.item_id
      WHERE t.region_id = $2 AND t.agreement_id = ANY($1::uuid[]) ORDER BY i.position`, [agreementIds, regionId]);
}

export async function insertAgreement(q: Queryable, partnershipId: string, regionId: string, a: {
  kind: string; title: string; purpose?: string; status?: string; startsOn?: string; endsOn?: string; reviewOn?: string; privacy?: unknown;
}) {
  const [row] = await q.query<{ id: string }>(
    `INSERT INTO partnership_agreements (partnership_id, region_id, kind, title, purpose, status, starts_on, ends_on, review_on, privacy)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10) RETURNING id`,
    [partnershipId, regionId, a.kind, a.title, a.purpose ?? null, a.status ?? 'draft', a.startsOn ?? null, a.endsOn ?? null, a.reviewOn ?? null,
      a.privacy ? JSON.stringify(a.privacy) : null]);
  return row!.id;
}

export async function insertOogoTopics(q: Queryable, agreementId: string, regionId: string, itemIds: string[]) {
  for (const i of itemIds) await q.query(`INSERT INTO partnership_oogo_topics (agreement_id, item_id, region_id) VALUES ($1,$2,$3)`, [agreementId, i, regionId]);
}

export async function updateOogoTopic(q: Queryable, agreementId: string, regionId: string, itemId: string, version: number, sets: { state?: string; summary?: string | null }) {
  const [row] = await q.query<{ version: number }>(
    `UPDATE partnership_oogo_topics SET state = coalesce($4, state), summary = CASE WHEN $5::boolean THEN $6 ELSE summary END, version = version + 1
      WHERE region_id = $7 AND agreement_id = $1 AND item_id = $2 AND version = $3 RETURNING version`,
    [agreementId, itemId, version, sets.state ?? null, sets.summary !== undefined, sets.summary ?? null, regionId]);
  return row;
}

export async function insertCommitment(q: Queryable, partnershipId: string, regionId: string, agreementId: string, c: {
  partnerId: string; description: string; untilOn?: string; status?: string; explanation?: string;
}) {
  const [row] = await q.query<{ id: string }>(
    `INSERT INTO partnership_commitments (partnership_id, region_id, agreement_id, partner_id, description, until_on, status, explanation)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8) RETURNING id`,
    [partnershipId, regionId, agreementId, c.partnerId, c.description, c.untilOn ?? null, c.status ?? 'in_progress', c.explanation ?? null]);
  return row!.id;
}

export async function funding(q: Queryable, p: PartnershipKey, id?: string) {
  return q.query<FundingRow>(
    `SELECT f.id, f.partner_id, o.name AS organisation_name, f.agreement_id, f.purpose, f.amount_per_year_cents, f.mode, f.starts_on, f.ends_on, f.version
       FROM partnership_funding f JOIN partnership_partners pp ON pp.region_id = f.region_id AND pp.id = f.partner_id
       JOIN organisations o ON o.id = pp.organisation_id
      WHERE f.region_id = $3 AND pp.region_id = $3 AND f.partnership_id = $1 AND ($2::uuid IS NULL OR f.id = $2) ORDER BY f.ends_on NULLS LAST, o.name`,
    [p.id, id ?? null, p.region_id]);
}

export async function insertFunding(q: Queryable, partnershipId: string, regionId: string, f: {
  partnerId: string; agreementId?: string; purpose: string; amountPerYearCents: number; mode: string; startsOn: string; endsOn?: string;
}) {
  const [row] = await q.query<{ id: string }>(
    `INSERT INTO partnership_funding (partnership_id, region_id, agreement_id, partner_id, purpose, amount_per_year_cents, mode, starts_on, ends_on)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9) RETURNING id`,
    [partnershipId, regionId, f.agreementId ?? null, f.partnerId, f.purpose, f.amountPerYearCents, f.mode, f.startsOn, f.endsOn ?? null]);
  return row!.id;
}
