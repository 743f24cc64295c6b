/** SQL for self-assessment rounds, invitations, anonymous responses and readings. */
import type { Queryable } from '../../core/db.ts';
import type { PartnershipKey } from './partnerships.repo.ts';

export interface RoundRow {
  id: string; partnership_id: string; region_id: string; framework_id: string; framework_key: string; framework_name_nl: string; framework_name_en: string;
  title: string; opens_on: string; closes_on: string | null; status: string; version: number; invited: number; responded: number;
}

/** The rounds with their counts; `region` names the round's region (`$n`, or `ANY($n::uuid[])`) for every table read. */
const roundSelect = (region: string) => `
  SELECT r.id, r.partnership_id, r.region_id, r.framework_id, f.key AS framework_key, f.name_nl AS framework_name_nl, f.name_en AS framework_name_en,
         r.title, r.opens_on, r.closes_on, r.status, r.version,
         (SELECT count(*)::int FROM partnership_invitations i WHERE i.region_id = ${region} AND i.region_id = r.region_id AND i.round_id = r.id
             AND i.respondent_group NOT IN ('parent', 'young_person')) AS invited,
         (SELECT count(*)::int FROM partnership_responses x WHERE x.region_id = ${region} AND x.region_id = r.region_id AND x.round_id = r.id) AS responded
    FROM partnership_rounds r JOIN partnership_frameworks f ON f.id = r.framework_id
   WHERE r.region_id = ${region}`;

export async function rounds(q: Queryable, p: PartnershipKey, id?: string) {
  return q.query<RoundRow>(`${roundSelect('$3')} AND r.partnership_id = $1 AND ($2::uuid IS NULL OR r.id = $2) ORDER BY r.opens_on DESC, r.created_at DESC`,
    [p.id, id ?? null, p.region_id]);
}

/** A round by id among the given regions (the actor's: a respondent knows only the round's id). */
export async function roundById(q: Queryable, id: string, regionIds: string[]) {
  const [r] = await q.query<RoundRow>(`${roundSelect('ANY($2::uuid[])')} AND r.id = $1`, [id, regionIds]);
  return r;
}

export async function insertRound(q: Queryable, partnershipId: string, regionId: string, r: { frameworkId: string; title: string; opensOn: string; closesOn?: string }) {
  const [row] = await q.query<{ id: string }>(
    `INSERT INTO partnership_rounds (partnership_id, region_id, framework_id, title, opens_on, closes_on) VALUES ($1,$2,$3,$4,$5,$6) RETURNING id`,
    [partnershipId, regionId, r.frameworkId, r.title, r.opensOn, r.closesOn ?? null]);
  return row!.id;
}

export async function usersForInvitation(q: Queryable, userIds: string[], regionId: string) {
  return q.query<{ id: string; kind: string }>(`SELECT id, kind FROM users WHERE id = ANY($1::uuid[]) AND region_id = $2 AND active`, [userIds, regionId]);
}

/** Active parents and young people of the region with one of these e-mail addresses (case-insensitive). */
export async function familiesByEmail(q: Queryable, emails: string[], regionId: string) {
  return q.query<{ id: string; email: string; kind: 'parent' | 'young_person' }>(
    `SELECT id, lower(email) AS email, kind FROM users WHERE lower(email) = ANY($1::text[]) AND region_id = $2 AND active AND kind IN ('parent', 'young_person')`,
    [emails.map((e) => e.toLowerCase()), regionId]);
}

/** Staff who work at a partner organisation of the partnership, with their roles there and whether they are invited to the round. */
export async function staffCandidates(q: Queryable, p: PartnershipKey, roundId: string) {
  return q.query<{ user_id: string; name: string; partner_id: string; organisation_name: string; roles: string[]; invited: boolean }>(
    `SELECT u.id AS user_id, u.display_name AS name, pp.id AS partner_id, o.name AS organisation_name,
            array_agg(DISTINCT m.role ORDER BY m.role) AS roles,
            EXISTS (SELECT 1 FROM partnership_invitations i WHERE i.region_id = $2 AND i.round_id = $3 AND i.user_id = u.id) AS invited
       FROM partnership_partners pp
       JOIN organisations o ON o.id = pp.organisation_id
       JOIN memberships m ON m.organisation_id = pp.organisation_id
       JOIN users u ON u.id = m.user_id AND u.region_id = pp.region_id
      WHERE pp.region_id = $2 AND pp.partnership_id = $1 AND u.active AND u.kind = 'staff'
      GROUP BY u.id, u.display_name, pp.id, o.name
      ORDER BY o.name, u.display_name`, [p.id, p.region_id, roundId]);
}

/** How many are invited to a round per respondent group (counts only: who answered is never shown). */
export async function invitedByGroup(q: Queryable, roundId: string, regionId: string) {
  return q.query<{ group: string; n: number }>(
    `SELECT respondent_group AS "group", count(*)::int AS n FROM partnership_invitations WHERE region_id = $2 AND round_id = $1
        AND respondent_group NOT IN ('parent', 'young_person') GROUP BY respondent_group ORDER BY respondent_group`,
    [roundId, regionId]);
}

/** Which (user, organisation) pairs hold a membership, for checking staff invitations. */
export async function memberOf(q: Queryable, userIds: string[]) {
  return q.query<{ user_id: string; organisation_id: string }>(`SELECT DISTINCT user_id, organisation_id FROM memberships WHERE user_id = ANY($1::uuid[])`, [userIds]);
}

export async function insertInvitation(q: Queryable, roundId: string, regionId: string, i: { userId: string; respondentGroup: string; partnerId?: string }) {
  const rows = await q.query(
    `INSERT INTO partnership_invitations (round_id, user_id, region_id, partner_id, respondent_group) VALUES ($1,$2,$3,$4,$5)
     ON CONFLICT (region_id, round_id, user_id) DO NOTHING RETURNING user_id`, [roundId, i.userId, regionId, i.partnerId ?? null, i.respondentGroup]);
  return rows.length > 0;
}

export async function invitation(q: Queryable, roundId: string, regionId: string, userId: string) {
  const [row] = await q.query<{ user_id: string; partner_id: string | null; respondent_group: string; responded_at: Date | null }>(
    `SELECT user_id, partner_id, respondent_group, responded_at FROM partnership_invitations WHERE region_id = $3 AND round_id = $1 AND user_id = $2`,
    [roundId, userId, regionId]);
  return row;
}

/** Open invitations of one user in the given regions (the user's): not yet answered, round open and not past its closing date. */
export async function openInvitations(q: Queryable, userId: string, regionIds: string[], today: string) {
  return q.query<{ round_id: string; title: string; partnership_name: string; respondent_group: string; closes_on: string | null; framework_id: string }>(
    `SELECT r.id AS round_id, r.title, p.name AS partnership_name, i.respondent_group, r.closes_on, r.framework_id
       FROM partnership_invitations i
       JOIN partnership_rounds r ON r.region_id = i.region_id AND r.id = i.round_id
       JOIN partnerships p ON p.region_id = r.region_id AND p.id = r.partnership_id
      WHERE i.region_id = ANY($3::uuid[]) AND r.region_id = ANY($3::uuid[]) AND p.region_id = ANY($3::uuid[])
        AND i.user_id = $1 AND i.responded_at IS NULL AND r.status = 'open' AND r.opens_on <= $2 AND (r.closes_on IS NULL OR r.closes_on >= $2)
      ORDER BY r.closes_on NULLS LAST`, [userId, today, regionIds]);
}

/** Stores an anonymous response: the response row has no user; the invitation only records that the user answered. */
export async function insertResponse(q: Queryable, roundId: string, regionId: string, inv: { partner_id: string | null; respondent_group: string }, userId: string,
  answers: { itemId: string; score: number; example?: string }[]) {
  const [r] = await q.query<{ id: string }>(
    `INSERT INTO partnership_responses (round_id, region_id, partner_id, respondent_group) VALUES ($1,$2,$3,$4) RETURNING id`,
    [roundId, regionId, inv.partner_id, inv.respondent_group]);
  for (const a of answers) {
    await q.query(`INSERT INTO partnership_answers (response_id, item_id, region_id, score, example) VALUES ($1,$2,$3,$4,$5)`,
      [r!.id, a.itemId, regionId, a.score, a.example?.trim() || null]);
  }
  await q.query(`UPDATE partnership_invitations SET responded_at = now() WHERE region_id = $3 AND round_id = $1 AND user_id = $2`, [roundId, userId, regionId]);
}

export interface AnswerRow { response_id: string; item_code: string; element_code: string; score: number; example: string | null; respondent_group: string; partner_id: string | null; organisation_name: string | null }

/** All answers of some rounds, keyed by item and element code (so rounds on different framework versions compare). */
export async function answers(q: Queryable, roundIds: string[], regionId: string) {
  return q.query<AnswerRow & { round_id: string }>(
    `SELECT x.round_id, a.response_id, i.code AS item_code, e.code AS element_code, a.score, a.example, x.respondent_group, x.partner_id, o.name AS organisation_name
       FROM partnership_answers a
       JOIN partnership_responses x ON x.region_id = a.region_id AND x.id = a.response_id
       JOIN partnership_framework_items i ON i.id = a.item_id
       JOIN partnership_framework_elements e ON e.id = i.element_id
       LEFT JOIN partnership_partners pp ON pp.region_id = x.region_id AND pp.region_id = $2 AND pp.id = x.partner_id
       LEFT JOIN organisations o ON o.id = pp.organisation_id
      WHERE a.region_id = $2 AND x.region_id = $2 AND x.round_id = ANY($1::uuid[])`, [roundIds, regionId]);
}

export async function reading(q: Queryable, roundId: string, regionId: string) {
  const [r] = await q.query<{ round_id: string; recognise: string | null; explain: string | null; opinion: string | null; improve: string | null; actions: unknown; version: number }>(
    `SELECT round_id, recognise, explain, opinion, improve, actions, version FROM partnership_readings WHERE region_id = $2 AND round_id = $1`, [roundId, regionId]);
  return r;
}

export async function saveReading(q: Queryable, roundId: string, regionId: string, version: number, b: { recognise?: string | null; explain?: string | null; opinion?: string | null; improve?: string | null; actions?: unknown[] }) {
  if (version === 0) {
    const rows = await q.query(
      `INSERT INTO partnership_readings (round_id, region_id, recognise, explain, opinion, improve, actions) VALUES ($1,$2,$3,$4,$5,$6,$7)
       ON CONFLICT (region_id, round_id) DO NOTHING RETURNING round_id`,
      [roundId, regionId, b.recognise ?? null, b.explain ?? null, b.opinion ?? null, b.improve ?? null, JSON.stringify(b.actions ?? [])]);
    return rows.length > 0;
  }
  const rows = await q.query(
    `UPDATE partnership_readings SET recognise = $3, explain = $4, opinion = $5, improve = $6, actions = $7, version = version + 1, updated_at = now()
      WHERE region_id = $8 AND round_id = $1 AND version = $2 RETURNING round_id`,
    [roundId, version, b.recognise ?? null, b.explain ?? null, b.opinion ?? null, b.improve ?? null, JSON.stringify(b.actions ?? []), regionId]);
  return rows.length > 0;
}
