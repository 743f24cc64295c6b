/** SQL for meeting tables, meetings, decisions and actions. */
import type { Queryable } from '../../core/db.ts';
import { camel, type PartnershipKey } from './partnerships.repo.ts';

export interface TableRow {
  id: string; name: string; level: string; kind: string; purpose: string | null; participants_note: string | null; topics: string | null;
  frequency: string | null; duration: string | null; evaluation: string | null; linkage: string | null; reports_to_table_id: string | null; version: number;
}
export interface ParticipantRow { table_id: string; partner_id: string; organisation_id: string; organisation_name: string }

export async function tables(q: Queryable, p: PartnershipKey) {
  return q.query<TableRow>(
    `SELECT id, name, level, kind, purpose, participants_note, topics, frequency, duration, evaluation, linkage, reports_to_table_id, version
       FROM partnership_tables WHERE region_id = $2 AND partnership_id = $1
      ORDER BY CASE level WHEN 'governance' THEN 1 WHEN 'officials' THEN 2 ELSE 3 END, name`, [p.id, p.region_id]);
}

export async function participants(q: Queryable, p: PartnershipKey) {
  return q.query<ParticipantRow>(
    `SELECT tp.table_id, tp.partner_id, pp.organisation_id, o.name AS organisation_name
       FROM partnership_table_partners tp
       JOIN partnership_tables t ON t.region_id = tp.region_id AND t.id = tp.table_id
       JOIN partnership_partners pp ON pp.region_id = tp.region_id AND pp.id = tp.partner_id
       JOIN organisations o ON o.id = pp.organisation_id
      WHERE tp.region_id = $2 AND t.region_id = $2 AND pp.region_id = $2 AND t.partnership_id = $1 ORDER BY o.name`, [p.id, p.region_id]);
}

export async function insertTable(q: Queryable, partnershipId: string, regionId: string, t: Record<string, unknown>) {
  const [row] = await q.query<TableRow>(
    `INSERT INTO partnership_tables (partnership_id, region_id, name, level, kind, purpose, participants_note, topics, frequency, duration, evaluation, linkage, reports_to_table_id)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13) RETURNING *`,
    [partnershipId, regionId, t.name, t.level, t.kind ?? 'other', t.purpose ?? null, t.participantsNote ?? null, t.topics ?? null,
      t.frequency ?? null, t.duration ?? null, t.evaluation ?? null, t.linkage ?? null, t.reportsToTableId ?? null]);
  return row!;
}

export async function setParticipants(q: Queryable, tableId: string, regionId: string, partnerIds: string[]) {
  await q.query(`DELETE FROM partnership_table_partners WHERE region_id = $2 AND table_id = $1`, [tableId, regionId]);
  for (const p of partnerIds) {
    await q.query(`INSERT INTO partnership_table_partners (table_id, partner_id, region_id) VALUES ($1,$2,$3)`, [tableId, p, regionId]);
  }
}

export interface MeetingRow { id: string; table_id: string; held_on: string; template_code: string | null; agenda: unknown; notes: string | null; version: number }
export interface ActionRow { id: string; meeting_id: string; text: string; owner_user_id: string; owner_name: string; due_on: string | null; status: string; version: number }

export async function meetings(q: Queryable, p: PartnershipKey, filter: { tableId?: string; meetingId?: string }) {
  return q.query<MeetingRow>(
    `SELECT id, table_id, held_on, template_code, agenda, notes, version FROM partnership_meetings
      WHERE region_id = $4 AND partnership_id = $1 AND ($2::uuid IS NULL OR table_id = $2) AND ($3::uuid IS NULL OR id = $3)
      ORDER BY held_on DESC`, [p.id, filter.tableId ?? null, filter.meetingId ?? null, p.region_id]);
}

export async function decisions(q: Queryable, meetingIds: string[], regionId: string) {
  return q.query<{ id: string; meeting_id: string; text: string; created_at: Date }>(
    `SELECT id, meeting_id, text, created_at FROM partnership_decisions WHERE region_id = $2 AND meeting_id = ANY($1::uuid[]) ORDER BY created_at`,
    [meetingIds, regionId]);
}

export async function actions(q: Queryable, p: PartnershipKey, filter: { meetingIds?: string[]; id?: string }) {
  return q.query<ActionRow>(
    `SELECT a.id, a.meeting_id, a.text, a.owner_user_id, u.display_name AS owner_name, a.due_on, a.status, a.version
       FROM partnership_actions a JOIN users u ON u.id = a.owner_user_id
      WHERE a.region_id = $4 AND a.partnership_id = $1 AND ($2::uuid[] IS NULL OR a.meeting_id = ANY($2)) AND ($3::uuid IS NULL OR a.id = $3)
      ORDER BY a.due_on NULLS LAST, a.created_at`, [p.id, filter.meetingIds ?? null, filter.id ?? null, p.region_id]);
}

export async function insertMeeting(q: Queryable, partnershipId: string, regionId: string, m: { tableId: string; heldOn: string; templateCode: string | null; agenda: unknown[]; notes: string | null }) {
  const [row] = await q.query<MeetingRow>(
    `INSERT INTO partnership_meetings (partnership_id, region_id, table_id, held_on, template_code, agenda, notes)
     VALUES ($1,$2,$3,$4,$5,$6,$7) RETURNING *`,
    [partnershipId, regionId, m.tableId, m.heldOn, m.templateCode, JSON.stringify(m.agenda), m.notes]);
  return row!;
}

export async function insertDecision(q: Queryable, partnershipId: string, regionId: string, meetingId: string, text: string, userId: string) {
  const [row] = await q.query<{ id: string; meeting_id: string; text: string; created_at: Date }>(
    `INSERT INTO partnership_decisions (partnership_id, region_id, meeting_id, text, created_by) VALUES ($1,$2,$3,$4,$5)
     RETURNING id, meeting_id, text, created_at`, [partnershipId, regionId, meetingId, text, userId]);
  return row!;
}

export async function insertAction(q: Queryable, partnershipId: string, regionId: string, a: { meetingId: string; text: string; ownerUserId: string; dueOn?: string }) {
  const [row] = await q.query<{ id: string }>(
    `INSERT INTO partnership_actions (partnership_id, region_id, meeting_id, text, owner_user_id, due_on) VALUES ($1,$2,$3,$4,$5,$6) RETURNING id`,
    [partnershipId, regionId, a.meetingId, a.text, a.ownerUserId, a.dueOn ?? null]);
  return row!.id;
}

/** An action owner must be an active staff user of one of the partner organisations. */
export async function ownerEligible(q: Queryable, userId: string, p: PartnershipKey) {
  const [u] = await q.query(
    `SELECT 1 FROM users u WHERE u.id = $1 AND u.kind = 'staff' AND u.active
        AND EXISTS (SELECT 1 FROM memberships m JOIN partnership_partners pp ON pp.organisation_id = m.organisation_id
                     WHERE m.user_id = u.id AND pp.region_id = $3 AND pp.partnership_id = $2)`, [userId, p.id, p.region_id]);
  return Boolean(u);
}

export const toMeeting = (r: MeetingRow) => ({ ...camel(r as unknown as Record<string, unknown>), agenda: typeof r.agenda === 'string' ? JSON.parse(r.agenda) : r.agenda });
export const toAction = (r: ActionRow) => camel(r as unknown as Record<string, unknown>);
