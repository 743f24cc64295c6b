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
import { appendActions, checkActions, planView } from '../plans/plans.service.ts';
import { assertFreeText, listFields } from '../../core/free-text/sensitive-terms.ts';
import { assertUnique, checkRefs, type RefSpec } from '../../core/refs.ts';
import type { ActionIn } from '../plans/plans.schemas.ts';
import type { DecisionBody, MeetingBody, MeetingPatchBody } from './meetings.schemas.ts';
import { DECIDING_ROLES } from './meetings.policy.ts';

export const REPORT_SHARE_DAYS = 14;

interface MeetingRow {
  id: string; scheduled_at: Date; chair_name: string; agenda: unknown; status: 'planned' | 'held' | 'cancelled'; held_on: string | null; report: string | null;
  report_shared_at: Date | null; version: number;
}

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

interface DecisionRow {
  id: string; text: string; plan_action_id: string | null; created_at: Date; status: 'binding' | 'proposed' | 'confirmed' | 'declined'; org_name: string | null;
  proposed_action: unknown; answered_by: string | null; answered_at: Date | null; answer_note: string | null;
}
/** The action a proposal holds, as stored when it was recorded (already checked). */
export interface ProposedAction { what: string; ownerName: string; dueOn: string | null; input: ActionIn }

/** One decision as the meeting shows it: binding, or a proposal with the organisation's answer. */
function decisionView(d: DecisionRow) {
  const action = d.proposed_action ? (typeof d.proposed_action === 'string' ? JSON.parse(d.proposed_action) : d.proposed_action) as ProposedAction : null;
  return {
    id: d.id, text: d.text, planActionId: d.plan_action_id, at: iso(d.created_at)!, status: d.status, organisationName: d.org_name,
    proposedAction: action ? { what: action.what, ownerName: action.ownerName, dueOn: action.dueOn } : null,
    answeredBy: d.answered_by, answeredAt: iso(d.answered_at), answerNote: d.answer_note,
  };
}

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
  const participants = await q.query<{ id: string; kind: 'professional' | 'parent' | 'young_person' | 'child_voice'; user_id: string | null; name: string; org_name: string | null; present: boolean | null; has_mandate: boolean; child_voice: string | null; is_chair: boolean }>(
    `SELECT p.id, p.kind, p.user_id, p.name, o.name AS org_name, p.present, p.has_mandate, p.child_voice, p.is_chair
       FROM meeting_participants p LEFT JOIN organisations o ON o.id = p.organisation_id WHERE p.region_id = $2 AND p.meeting_id = $1 ORDER BY p.is_chair DESC, p.kind, p.name`,
    [row.id, a.regionId]);
  const decisions = await q.query<DecisionRow>(
    `SELECT d.id, d.text, d.plan_action_id, d.created_at, d.status, o.name AS org_name, d.proposed_action, u.display_name AS answered_by, d.answered_at, d.answer_note
       FROM meeting_decisions d LEFT JOIN organisations o ON o.id = d.commits_organisation_id LEFT JOIN users u ON u.id = d.answered_by
      WHERE d.region_id = $2 AND d.meeting_id = $1 ORDER BY d.created_at`, [row.id, a.regionId]);
  const warnings = [];
  // The sources want an independent chair ("een onafhankelijke voorzitter"): one who does not also decide for an organisation at the table.
  const chair = participants.find((p) => p.is_chair);
  if (chair?.has_mandate && chair.org_name) {
    warnings.push({
      code: 'chair_not_independent',
      message: `The chair also decides for ${chair.org_name}. The sources advise an independent chair.`,
      messageNl: `De voorzitter beslist ook mee voor ${chair.org_name}. De bronnen raden een onafhankelijke voorzitter aan.`,
    });
  }
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
    participants: participants.map((p) => ({
      id: p.id, kind: p.kind, userId: p.user_id, name: p.name, organisationName: p.org_name, present: p.present, hasMandate: p.has_mandate, childVoice: p.child_voice, isChair: p.is_chair,
    })),
    decisions: decisions.map(decisionView),
    // The family reads the report once it is shared with them.
    report: family && !row.report_shared_at ? null : row.report,
    reportSharedAt: iso(row.report_shared_at),
    warnings: family ? [] : warnings,
    version: row.version,
    allowedActions: allowedActions(a, ['manageMeetings']),
  };
}

/** The organisation an action's owner acts for around this child (their latest involvement); none for the family. */
async function ownerOrganisation(q: Queryable, a: ChildAccess, ownerUserId: string): Promise<string | null> {
  const [r] = await q.query<{ organisation_id: string }>(
    `SELECT organisation_id FROM involvements WHERE region_id = $1 AND young_person_id = $2 AND user_id = $3 ORDER BY starts_on DESC LIMIT 1`,
    [a.regionId, a.youngPersonId, ownerUserId]);
  return r?.organisation_id ?? null;
}

/** Is a participant of this organisation at the table (present) with a mandate? Presence not yet recorded is not presence. */
/**
 * A present participant with a mandate for the organisation: marked so at the table, and a person
 * who may decide for it in Rondom too (an active member of it in a deciding role, meetings.policy.ts).
 * A row typed in by whoever records the meeting, without such a person behind it, binds nobody.
 */
async function hasMandateAtTable(q: Queryable, regionId: string, meetingId: string, organisationId: string): Promise<boolean> {
  const [org] = await q.query<{ type: keyof typeof DECIDING_ROLES }>(`SELECT type FROM organisations WHERE id = $1 AND region_id = $2`, [organisationId, regionId]);
  if (!org) return false;
  const rows = await q.query(
    `SELECT 1 FROM meeting_participants p
       JOIN users u ON u.id = p.user_id AND u.active
       JOIN memberships m ON m.user_id = p.user_id AND m.organisation_id = p.organisation_id AND m.role = ANY($4::text[])
      WHERE p.region_id = $1 AND p.meeting_id = $2 AND p.organisation_id = $3 AND p.kind = 'professional' AND p.present = true AND p.has_mandate LIMIT 1`,
    [regionId, meetingId, organisationId, [...(DECIDING_ROLES[org.type] ?? [])]]);
  return rows.length > 0;
}

/** The members of an organisation whose role answers its proposals (meetings.policy.ts). */
export async function organisationDeciders(q: Queryable, regionId: string, organisationId: string): Promise<{ user_id: string; org_name: string }[]> {
  const [org] = await q.query<{ type: keyof typeof DECIDING_ROLES; name: string }>(`SELECT type, name FROM organisations WHERE id = $1 AND region_id = $2`, [organisationId, regionId]);
  if (!org) return [];
  const rows = await q.query<{ user_id: string }>(
    `SELECT DISTINCT m.user_id FROM memberships m JOIN users u ON u.id = m.user_id AND u.active
      WHERE m.organisation_id = $1 AND m.role = ANY($2::text[]) ORDER BY m.user_id`, [organisationId, [...(DECIDING_ROLES[org.type] ?? [])]]);
  return rows.map((r) => ({ user_id: r.user_id, org_name: org.name }));
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
            `INSERT INTO meeting_participants (meeting_id, region_id, kind, user_id, name, organisation_id, has_mandate, child_voice, is_chair) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9)`,
            [m!.id, a.regionId, p.kind, p.userId ?? null, name, p.organisationId ?? null, p.hasMandate ?? false, p.childVoice ?? null,
              Boolean(body.chairUserId && p.userId === body.chairUserId)]);
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

    /**
     * A decision of the meeting. One that commits an organisation (it does the action, or the body
     * names the organisation that pays) is binding only when a present participant of that
     * organisation has a mandate; then its action becomes a plan action in the same step.
     * Otherwise it is recorded as a proposal: its action is checked now and kept with it, and it
     * enters the plan only when the organisation confirms it (meetings.proposals.ts).
     */
    async decide(actor: Actor, childId: string, meetingId: string, body: DecisionBody) {
      assertFreeText({ text: body.text, 'action.what': body.action?.what, 'action.ownerName': body.action?.ownerName });
      return withChild(db, actor, childId, { rule: childPolicy.manageMeetings, audit: 'meeting.decision_recorded', subjectType: 'meeting', subjectId: meetingId, details: { withAction: Boolean(body.action) } }, async (q, a) => {
        const meeting = await loadMeeting(q, a, meetingId);
        if (meeting.status === 'cancelled') throw new AppError('unprocessable', { en: 'This meeting was cancelled.', nl: 'Dit overleg is afgelast.' });
        if (body.commitsOrganisationId) {
          await checkRefs(q, a.regionId, { commitsOrganisationId: body.commitsOrganisationId }, { commitsOrganisationId: { kind: 'organisation' } });
          // A proposal names the child to the organisation's deciders: only an organisation in the child's
          // network, or one that funds provisions (the municipality, the samenwerkingsverband).
          const [named] = await q.query(
            `SELECT 1 FROM organisations o WHERE o.id = $3 AND o.region_id = $1 AND (o.type IN ('municipality', 'swv')
                OR EXISTS (SELECT 1 FROM involvements i WHERE i.region_id = $1 AND i.young_person_id = $2 AND i.organisation_id = o.id
                             AND (i.ends_on IS NULL OR i.ends_on >= $4)))`,
            [a.regionId, childId, body.commitsOrganisationId, a.today]);
          if (!named) throw new AppError('invalid_reference', { fields: { commitsOrganisationId: 'not an organisation in this network, nor a funder' } });
        }
        // Both the organisation that does the action and the one named as paying must be mandated at the table.
        const ownerOrg = body.action?.ownerUserId ? await ownerOrganisation(q, a, body.action.ownerUserId) : null;
        let commits = body.commitsOrganisationId ?? ownerOrg;
        let mandated = true;
        for (const org of [...new Set([ownerOrg, body.commitsOrganisationId ?? null])]) {
          if (org && !(await hasMandateAtTable(q, a.regionId, meetingId, org))) { commits = org; mandated = false; break; }
        }
        let planActionId: string | null = null;
        let proposed: ProposedAction | null = null;
        if (body.action && mandated) {
          const [added] = await appendActions(q, a, actor, [body.action], `Besluit overleg: ${body.text.slice(0, 120)}`, 'action');
          planActionId = added!.id;
        } else if (body.action) {
          const [checked] = await checkActions(q, a, [body.action], 'action');
          proposed = { what: checked!.what, ownerName: checked!.owner.name, dueOn: checked!.dueOn, input: { ...body.action, id: checked!.id } };
        }
        const status = mandated ? 'binding' : 'proposed';
        const [d] = await q.query<{ id: string }>(
          `INSERT INTO meeting_decisions (meeting_id, region_id, young_person_id, text, plan_action_id, created_by, status, commits_organisation_id, proposed_action)
           VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9) RETURNING id`,
          [meetingId, a.regionId, childId, body.text, planActionId, actor.userId, status, commits, proposed ? JSON.stringify(proposed) : null]);
        await addTimeline(q, { regionId: a.regionId, youngPersonId: childId, kind: mandated ? 'meeting.decision' : 'mandate.proposed', actorUserId: actor.userId, subjectId: meetingId, summary: { planActionId } });
        if (!mandated) {
          // The organisation's deciders hear of it; the notification links to the child only for those who may open it.
          for (const u of await organisationDeciders(q, a.regionId, commits!)) {
            if (u.user_id === actor.userId) continue;
            await notify(q, { regionId: a.regionId, userId: u.user_id, kind: 'mandate.proposal', youngPersonId: childId, payload: { decisionId: d!.id, meetingId, organisation: u.org_name }, dedupeKey: `proposal:${d!.id}` });
          }
        }
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
