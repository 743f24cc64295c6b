/**
 * The integrated meeting (overleg / MDO): schedule, chair, participants with presence
 * and mandate (or the child's voice), agenda, decisions that become plan actions in one
 * step, and a report that must reach the family within 14 days.
 */
import type { Db, Queryable } from '../../core/db.ts';
import { AppError } from '../../core/errors.ts';
import { addTimeline, notify, withChild, type ChildAccess } from '../../core/access.ts';
import type { Actor } from '../../core/session.ts';
import { daysBetween } from '../../../shared/dates.ts';
import { allowedActions, childPolicy } from '../children/children.policy.ts';
import { appendActions, planView } from '../plans/plans.service.ts';
import { assertFreeText, listFields } from '../../core/free-text/sensitive-terms.ts';
import { assertUnique, checkRefs, type RefSpec } from '../../core/refs.ts';
import type { ActionIn } from '../plans/plans.schemas.ts';
import type { MeetingBody, MeetingPatchBody } from './meetings.schemas.ts';

export const REPORT_SHARE_DAYS = 14;

interface MeetingRow {
  id: string; scheduled_at: Date; chair_name: string; agenda: unknown; status: string; held_on: string | null; report: string | null;
  report_shared_at: Date | null; version: number;
}

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

/** Agenda items as body fields ('agenda.0'), for refusals that name the field. */
const agendaFields = (agenda: readonly string[] | undefined) => Object.fromEntries((agenda ?? []).map((t, i) => [`agenda.${i}`, t]));

/** A participant who is a user must be of the kind their role says; their organisation must be one of this region. */
const PARTICIPANT_USER: Record<string, RefSpec> = {
  professional: { kind: 'user', userKind: 'staff', activeOnly: true },
  parent: { kind: 'user', userKind: 'parent', activeOnly: true },
  young_person: { kind: 'user', userKind: 'young_person', activeOnly: true },
  child_voice: { kind: 'user', activeOnly: true },
};

/** Checks the ids of a new meeting (chair, participants and their organisations) before anything is written: 422 with the field named. */
async function checkMeetingRefs(q: Queryable, regionId: string, body: MeetingBody): Promise<void> {
  const values: Record<string, string | undefined> = { chairUserId: body.chairUserId };
  const specs: Record<string, RefSpec> = { chairUserId: { kind: 'user', userKind: 'staff', activeOnly: true } };
  body.participants.forEach((p, i) => {
    values[`participants.${i}.userId`] = p.userId;
    specs[`participants.${i}.userId`] = PARTICIPANT_USER[p.kind]!;
    values[`participants.${i}.organisationId`] = p.organisationId;
    specs[`participants.${i}.organisationId`] = { kind: 'organisation' };
  });
  assertUnique(body.participants.map((p) => p.userId), (i) => `participants.${i}.userId`);
  await checkRefs(q, regionId, values, specs);
}

async function meetingView(q: Queryable, a: ChildAccess, row: MeetingRow) {
  const family = a.level === 'guardian' || a.level === 'self';
  const participants = await q.query<{ id: string; kind: string; user_id: string | null; name: string; org_name: string | null; present: boolean | null; has_mandate: boolean; child_voice: string | null }>(
    `SELECT p.id, p.kind, p.user_id, p.name, o.name AS org_name, p.present, p.has_mandate, p.child_voice
       FROM meeting_participants p LEFT JOIN organisations o ON o.id = p.organisation_id WHERE p.region_id = $2 AND p.meeting_id = $1 ORDER BY p.kind, p.name`,
    [row.id, a.regionId]);
  const decisions = await q.query<{ id: string; text: string; plan_action_id: string | null; created_at: Date }>(
    `SELECT id, text, plan_action_id, created_at FROM meeting_decisions WHERE region_id = $2 AND meeting_id = $1 ORDER BY created_at`, [row.id, a.regionId]);
  const warnings = [];
  if (row.status === 'held' && row.held_on && !row.report_shared_at && daysBetween(row.held_on, a.today) > REPORT_SHARE_DAYS) {
    warnings.push({
      code: 'report_not_shared',
      message: `The report has not been shared with the family within ${REPORT_SHARE_DAYS} days.`,
      messageNl: `Het verslag is niet binnen ${REPORT_SHARE_DAYS} dagen met het gezin gedeeld.`,
    });
  }
  return {
    id: row.id, scheduledAt: iso(row.scheduled_at)!, chairName: row.chair_name,
    agenda: (typeof row.agenda === 'string' ? JSON.parse(row.agenda) : row.agenda) as string[], status: row.status, heldOn: row.held_on,
    participants: participants.map((p) => ({ id: p.id, kind: p.kind, userId: p.user_id, name: p.name, organisationName: p.org_name, present: p.present, hasMandate: p.has_mandate, childVoice: p.child_voice })),
    decisions: decisions.map((d) => ({ id: d.id, text: d.text, planActionId: d.plan_action_id, at: iso(d.created_at)! })),
    // The family reads the report once it is shared with them.
    report: family && !row.report_shared_at ? null : row.report,
    reportSharedAt: iso(row.report_shared_at),
    warnings: family ? [] : warnings,
    version: row.version,
    allowedActions: allowedActions(a, ['manageMeetings']),
  };
}

async function loadMeeting(q: Queryable, a: ChildAccess, meetingId: string): Promise<MeetingRow> {
  const [row] = await q.query<MeetingRow>(
    `SELECT id, scheduled_at, chair_name, agenda, status, held_on, report, report_shared_at, version FROM meetings
      WHERE region_id = $3 AND id = $1 AND young_person_id = $2`,
    [meetingId, a.youngPersonId, a.regionId]);
  if (!row) throw new AppError('not_found');
  return row;
}

export function createMeetingsService(db: Db) {
  return {
    async list(actor: Actor, childId: string) {
      return withChild(db, actor, childId, { rule: childPolicy.readMeetings, audit: 'meeting.read', subjectType: 'meetings', readOnly: true }, async (q, a) => {
        const rows = await q.query<MeetingRow>(
          `SELECT id, scheduled_at, chair_name, agenda, status, held_on, report, report_shared_at, version FROM meetings
            WHERE region_id = $2 AND young_person_id = $1 ORDER BY scheduled_at DESC`, [childId, a.regionId]);
        const out = [];
        for (const r of rows) out.push(await meetingView(q, a, r));
        return out;
      });
    },

    async get(actor: Actor, childId: string, meetingId: string) {
      return withChild(db, actor, childId, { rule: childPolicy.readMeetings, audit: 'meeting.read', subjectType: 'meeting', subjectId: meetingId, readOnly: true },
        async (q, a) => meetingView(q, a, await loadMeeting(q, a, meetingId)));
    },

    async create(actor: Actor, childId: string, body: MeetingBody) {
      assertFreeText({ ...agendaFields(body.agenda), ...listFields('participants', body.participants, 'childVoice') });
      return withChild(db, actor, childId, { rule: childPolicy.manageMeetings, audit: 'meeting.created', subjectType: 'meeting' }, async (q, a) => {
        await checkMeetingRefs(q, a.regionId, body);
        let chairName = body.chairName;
        if (body.chairUserId) {
          const [u] = await q.query<{ display_name: string }>(`SELECT display_name FROM users WHERE id = $1 AND region_id = $2`, [body.chairUserId, a.regionId]);
          if (!u) throw new AppError('invalid_reference', { fields: { chairUserId: 'unknown person' } });
          chairName = u.display_name;
        }
        if (!chairName) throw new AppError('validation_failed', { fields: { chairName: 'name the chair' } });
        const [m] = await q.query<{ id: string }>(
          `INSERT INTO meetings (region_id, young_person_id, network_id, scheduled_at, chair_user_id, chair_name, agenda, created_by)
           VALUES ($1,$2,$3,$4,$5,$6,$7,$8) RETURNING id`,
          [a.regionId, childId, a.networkId, body.scheduledAt, body.chairUserId ?? null, chairName, JSON.stringify(body.agenda), actor.userId]);
        for (const p of body.participants) {
          let name = p.name;
          if (p.userId) {
            const [u] = await q.query<{ display_name: string }>(`SELECT display_name FROM users WHERE id = $1 AND region_id = $2`, [p.userId, a.regionId]);
            if (!u) throw new AppError('invalid_reference', { fields: { participants: 'unknown person' } });
            name = u.display_name;
          }
          if (p.kind === 'child_voice') name ??= 'Stem van het kind / the child\'s voice';
          if (!name) throw new AppError('validation_failed', { fields: { participants: 'each participant needs a person or a name' } });
          await q.query(
            `INSERT INTO meeting_participants (meeting_id, region_id, kind, user_id, name, organisation_id, has_mandate, child_voice) VALUES ($1,$2,$3,$4,$5,$6,$7,$8)`,
            [m!.id, a.regionId, p.kind, p.userId ?? null, name, p.organisationId ?? null, p.hasMandate ?? false, p.childVoice ?? null]);
          if (p.userId && p.userId !== actor.userId) await notify(q, { regionId: a.regionId, userId: p.userId, kind: 'meeting.invited', youngPersonId: childId, payload: { meetingId: m!.id, scheduledAt: body.scheduledAt } });
        }
        await addTimeline(q, { regionId: a.regionId, youngPersonId: childId, kind: 'meeting.created', actorUserId: actor.userId, subjectId: m!.id, summary: { scheduledAt: body.scheduledAt } });
        return meetingView(q, a, await loadMeeting(q, a, m!.id));
      });
    },

    async update(actor: Actor, childId: string, meetingId: string, ifMatch: number, body: MeetingPatchBody) {
      assertFreeText({ report: body.report, ...agendaFields(body.agenda) });
      assertUnique((body.attendance ?? []).map((x) => x.participantId), (i) => `attendance.${i}.participantId`);
      return withChild(db, actor, childId, { rule: childPolicy.manageMeetings, audit: 'meeting.updated', subjectType: 'meeting', subjectId: meetingId, details: { fields: Object.keys(body) } }, async (q, a) => {
        const current = await loadMeeting(q, a, meetingId);
        if (current.version !== ifMatch) throw new AppError('conflict', { current: await meetingView(q, a, current) });
        const heldOn = body.heldOn ?? (body.status === 'held' && !current.held_on ? a.today : current.held_on);
        await q.query(
          `UPDATE meetings SET status = COALESCE($2, status), held_on = $3, report = COALESCE($4, report), agenda = COALESCE($5, agenda), version = version + 1
            WHERE region_id = $6 AND id = $1`,
          [meetingId, body.status ?? null, heldOn, body.report ?? null, body.agenda ? JSON.stringify(body.agenda) : null, a.regionId]);
        for (const [i, att] of (body.attendance ?? []).entries()) {
          const rows = await q.query(
            `UPDATE meeting_participants SET present = $3, has_mandate = COALESCE($4, has_mandate) WHERE region_id = $5 AND id = $1 AND meeting_id = $2 RETURNING id`,
            [att.participantId, meetingId, att.present, att.hasMandate ?? null, a.regionId]);
          if (rows.length === 0) throw new AppError('invalid_reference', { fields: { [`attendance.${i}.participantId`]: 'not a participant of this meeting' } });
        }
        if (body.status === 'held' && current.status !== 'held') {
          await addTimeline(q, { regionId: a.regionId, youngPersonId: childId, kind: 'meeting.held', actorUserId: actor.userId, subjectId: meetingId });
        }
        return meetingView(q, a, await loadMeeting(q, a, meetingId));
      });
    },

    /** A decision of the meeting; with an action it becomes a plan action in the same step. */
    async decide(actor: Actor, childId: string, meetingId: string, body: { text: string; action?: ActionIn }) {
      assertFreeText({ text: body.text, 'action.what': body.action?.what, 'action.ownerName': body.action?.ownerName });
      return withChild(db, actor, childId, { rule: childPolicy.manageMeetings, audit: 'meeting.decision_recorded', subjectType: 'meeting', subjectId: meetingId, details: { withAction: Boolean(body.action) } }, async (q, a) => {
        await loadMeeting(q, a, meetingId);
        let planActionId: string | null = null;
        if (body.action) {
          const [added] = await appendActions(q, a, actor, [body.action], `Besluit overleg: ${body.text.slice(0, 120)}`, 'action');
          planActionId = added!.id;
        }
        await q.query(
          `INSERT INTO meeting_decisions (meeting_id, region_id, text, plan_action_id, created_by) VALUES ($1,$2,$3,$4,$5)`,
          [meetingId, a.regionId, body.text, planActionId, actor.userId]);
        await addTimeline(q, { regionId: a.regionId, youngPersonId: childId, kind: 'meeting.decision', actorUserId: actor.userId, subjectId: meetingId, summary: { planActionId } });
        return { meeting: await meetingView(q, a, await loadMeeting(q, a, meetingId)), plan: await planView(q, a) };
      });
    },

    async shareReport(actor: Actor, childId: string, meetingId: string) {
      return withChild(db, actor, childId, { rule: childPolicy.manageMeetings, audit: 'meeting.report_shared', subjectType: 'meeting', subjectId: meetingId }, async (q, a) => {
        const m = await loadMeeting(q, a, meetingId);
        if (!m.report) throw new AppError('unprocessable', { en: 'Write the report first.', nl: 'Schrijf eerst het verslag.' });
        if (m.report_shared_at) return meetingView(q, a, m);
        await q.query(`UPDATE meetings SET report_shared_at = now(), version = version + 1 WHERE region_id = $2 AND id = $1`, [meetingId, a.regionId]);
        const family = [...(a.ageYears >= 16 && a.parentsAccess === 'hidden' ? [] : a.guardianIds), ...(a.youngPersonUserId ? [a.youngPersonUserId] : [])];
        for (const u of family) await notify(q, { regionId: a.regionId, userId: u, kind: 'meeting.report_shared', youngPersonId: childId, payload: { meetingId } });
        await addTimeline(q, { regionId: a.regionId, youngPersonId: childId, kind: 'meeting.report_shared', actorUserId: actor.userId, subjectId: meetingId });
        return meetingView(q, a, await loadMeeting(q, a, meetingId));
      });
    },
  };
}

export type MeetingsService = ReturnType<typeof createMeetingsService>;
