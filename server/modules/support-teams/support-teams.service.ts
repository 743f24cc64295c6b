/**
 * The school's support team (ondersteuningsteam / zorg- en adviesteam, ZAT): members in roles and a
 * rolling agenda. An item is an anonymous consult (consults module) or a named pupil; the family is
 * invited to their child's item and answers whether they come. Open items roll on to the next
 * meeting. Team events are on the chain `support-team:<id>`; everything about a named pupil is
 * audited on the child's own chain (core/access.ts), and a member sees a named item's child only
 * while core/access.ts lets them reach that child.
 */
import type { Db, Queryable } from '../../core/db.ts';
import { AppError } from '../../core/errors.ts';
import { appendAudit, youngPersonChain, type AuditKind } from '../../core/audit.ts';
import { notify, resolveAccessMany, withChild, type ChildAccess } from '../../core/access.ts';
import { actorRegions, type Actor } from '../../core/session.ts';
import { assertFreeText } from '../../core/free-text/sensitive-terms.ts';
import { answerConsultTx, assertNoIdentifiers } from '../consults/consults.service.ts';
import { teamPolicy, type TeamFacts } from './support-teams.policy.ts';
import type { AddItemBody, AddMemberBody, CreateTeamBody, PatchItemBody, PatchTeamBody } from './support-teams.schemas.ts';

export const teamChain = (id: string) => `support-team:${id}`;

interface TeamRow {
  id: string; region_id: string; school_id: string; school_name: string; name: string; next_meeting_on: string | null;
  meeting_time: string | null; version: number; caller_role: string | null;
}
interface ItemRow {
  id: string; kind: 'consult' | 'pupil'; consult_id: string | null; question: string | null; young_person_id: string | null;
  topic: string | null; meeting_on: string; status: 'open' | 'done'; outcome: string | null; version: number;
}

const TEAM_SELECT = `
  SELECT t.id, t.region_id, t.school_id, s.name AS school_name, t.name, t.next_meeting_on, t.meeting_time, t.version,
         (SELECT m.team_role FROM support_team_members m WHERE m.region_id = $1 AND m.team_id = t.id AND m.user_id = $2 AND m.ended_at IS NULL) AS caller_role
    FROM support_teams t JOIN organisations s ON s.id = t.school_id`;

const facts = (t: TeamRow): TeamFacts => ({ schoolId: t.school_id, callerRole: t.caller_role });

function teamAudit(q: Queryable, actor: Actor, t: TeamRow, kind: AuditKind, subject: { type: string; id: string }, details: Record<string, unknown> = {}, outcome: 'allowed' | 'denied' = 'allowed') {
  return appendAudit(q, {
    chainKey: teamChain(t.id), kind, outcome, regionId: t.region_id, actorUserId: actor.userId,
    actorOrganisationId: actor.memberships[0]?.organisationId ?? null, subjectType: subject.type, subjectId: subject.id,
    basis: outcome === 'allowed' ? 'team_member' : null, details,
  });
}

/** A change about a named pupil, on the child's own chain. */
function childAudit(q: Queryable, actor: Actor, regionId: string, youngPersonId: string, kind: AuditKind, itemId: string, details: Record<string, unknown>, basis: string | null) {
  return appendAudit(q, {
    chainKey: youngPersonChain(youngPersonId), kind, regionId, actorUserId: actor.userId, actorOrganisationId: actor.memberships[0]?.organisationId ?? null,
    youngPersonId, subjectType: 'support_team_item', subjectId: itemId, basis, details,
  });
}

const guardOrigin = (s: string) => /^[0-9a-f-]{36}$/i.test(s);

/** The family to invite to a named item: parents with authority (under 18, unless the young person closed the family view), the young person from 12. */
function familyOf(a: ChildAccess): { userId: string; relation: 'parent' | 'young_person' }[] {
  const out: { userId: string; relation: 'parent' | 'young_person' }[] = [];
  if (a.ageYears < 18 && a.parentsAccess === 'full') for (const g of a.guardianIds) out.push({ userId: g, relation: 'parent' });
  if (a.youngPersonUserId && a.ageYears >= 12) out.push({ userId: a.youngPersonUserId, relation: 'young_person' });
  return out;
}

export function createSupportTeamsService(db: Db) {
  async function findTeam(q: Queryable, actor: Actor, teamId: string): Promise<TeamRow | null> {
    if (!guardOrigin(teamId)) return null;
    for (const region of actorRegions(actor)) {
      const [t] = await q.query<TeamRow>(`${TEAM_SELECT} WHERE t.region_id = $1 AND t.id = $3`, [region, actor.userId, teamId]);
      if (t) return t;
    }
    return null;
  }

  /** The team if the rule allows; a refusal is audited on the team's chain and answered 404 (403 for a member). */
  async function open(actor: Actor, teamId: string, rule: 'read' | 'manage', attempted: AuditKind): Promise<TeamRow> {
    const t = await findTeam(db, actor, teamId);
    if (!t) throw new AppError('not_found');
    const ok = rule === 'read' ? teamPolicy.read(actor, facts(t)) : teamPolicy.manage(actor, facts(t));
    if (!ok) {
      await teamAudit(db, actor, t, 'access.denied', { type: 'support_team', id: t.id }, { attempted }, 'denied');
      throw new AppError(teamPolicy.read(actor, facts(t)) ? 'forbidden' : 'not_found');
    }
    return t;
  }

  async function teamView(q: Queryable, actor: Actor, t: TeamRow) {
    const members = await q.query<{ user_id: string; display_name: string; org_name: string; team_role: string }>(
      `SELECT m.user_id, u.display_name, o.name AS org_name, m.team_role FROM support_team_members m
         JOIN users u ON u.id = m.user_id JOIN organisations o ON o.id = m.organisation_id
        WHERE m.region_id = $1 AND m.team_id = $2 AND m.ended_at IS NULL ORDER BY m.added_at, u.display_name`, [t.region_id, t.id]);
    const items = await q.query<ItemRow>(
      `SELECT i.id, i.kind, i.consult_id, c.question, i.young_person_id, i.topic, i.meeting_on, i.status, i.outcome, i.version
         FROM support_team_items i LEFT JOIN consults c ON c.region_id = $1 AND c.region_id = i.region_id AND c.id = i.consult_id
        WHERE i.region_id = $1 AND i.team_id = $2 ORDER BY i.status DESC, i.meeting_on, i.created_at`, [t.region_id, t.id]);
    const pupilIds = items.flatMap((i) => (i.young_person_id ? [i.young_person_id] : []));
    const reach = await resolveAccessMany(q, actor, pupilIds);
    const names = new Map<string, string>();
    const visible = [...reach.keys()];
    if (visible.length > 0) {
      for (const r of await q.query<{ id: string; n: string }>(
        `SELECT id, given_name || ' ' || family_name AS n FROM young_people WHERE region_id = $1 AND id = ANY($2::uuid[])`, [t.region_id, visible])) names.set(r.id, r.n);
    }
    const invitations = await q.query<{ item_id: string; display_name: string; relation: string; response: string | null }>(
      `SELECT v.item_id, u.display_name, v.relation, v.response FROM support_team_invitations v JOIN users u ON u.id = v.user_id
        WHERE v.region_id = $1 AND v.item_id IN (SELECT i.id FROM support_team_items i WHERE i.region_id = $1 AND i.team_id = $2) ORDER BY u.display_name`,
      [t.region_id, t.id]);
    const manage = teamPolicy.manage(actor, facts(t));
    // Every named child shown is a read of that child's data, on the child's chain.
    for (const id of new Set(pupilIds)) {
      const a = reach.get(id);
      if (teamPolicy.seesName(a)) await childAudit(q, actor, t.region_id, id, 'support_team.read', t.id, { teamId: t.id }, a!.basis);
    }
    return {
      id: t.id, name: t.name, school: { id: t.school_id, name: t.school_name }, nextMeetingOn: t.next_meeting_on, meetingTime: t.meeting_time,
      members: members.map((m) => ({ userId: m.user_id, displayName: m.display_name, organisationName: m.org_name, teamRole: m.team_role })),
      items: items.map((i) => {
        const a = i.young_person_id ? reach.get(i.young_person_id) : undefined;
        const content = i.kind === 'consult' || teamPolicy.seesContent(a, t.school_id);
        const name = i.kind === 'pupil' && teamPolicy.seesName(a);
        return {
          id: i.id, kind: i.kind, meetingOn: i.meeting_on, status: i.status, consultId: i.consult_id, question: i.question,
          youngPersonId: name ? i.young_person_id : null, childName: name ? (names.get(i.young_person_id!) ?? null) : null,
          topic: content ? i.topic : null, outcome: content ? i.outcome : null,
          invitations: name ? invitations.filter((v) => v.item_id === i.id).map((v) => ({ displayName: v.display_name, relation: v.relation, response: v.response })) : [],
          version: i.version,
          allowedActions: manage && (i.kind === 'consult' || content) ? ['update'] : [],
        };
      }),
      version: t.version,
      allowedActions: manage ? ['manage'] : [],
    };
  }

  async function reload(q: Queryable, actor: Actor, t: TeamRow) {
    const [fresh] = await q.query<TeamRow>(`${TEAM_SELECT} WHERE t.region_id = $1 AND t.id = $3`, [t.region_id, actor.userId, t.id]);
    return teamView(q, actor, fresh!);
  }

  /** Moving a named item to another date: the family's answer no longer holds; they are told the new date. */
  async function rescheduleFamily(q: Queryable, t: TeamRow, itemId: string, youngPersonId: string, on: string) {
    const family = await q.query<{ user_id: string }>(
      `UPDATE support_team_invitations SET response = NULL, responded_at = NULL WHERE region_id = $1 AND item_id = $2 RETURNING user_id`, [t.region_id, itemId]);
    for (const f of family) {
      await notify(q, { regionId: t.region_id, userId: f.user_id, kind: 'support_team.moved', youngPersonId, payload: { team: t.name, organisation: t.school_name, date: on } });
    }
  }

  return {
    async list(actor: Actor) {
      const teams = [];
      for (const region of actorRegions(actor)) {
        teams.push(...await db.query<{ id: string; name: string; school_name: string; next_meeting_on: string | null; team_role: string }>(
          `SELECT t.id, t.name, s.name AS school_name, t.next_meeting_on, m.team_role FROM support_team_members m
             JOIN support_teams t ON t.region_id = $1 AND t.region_id = m.region_id AND t.id = m.team_id JOIN organisations s ON s.id = t.school_id
            WHERE m.region_id = $1 AND m.user_id = $2 AND m.ended_at IS NULL ORDER BY s.name`, [region, actor.userId]));
      }
      const canCreateFor: { organisationId: string; name: string }[] = [];
      for (const m of actor.memberships) {
        if (!teamPolicy.create(actor, m.organisationId) || canCreateFor.some((c) => c.organisationId === m.organisationId)) continue;
        const [exists] = await db.query(`SELECT 1 FROM support_teams WHERE region_id = $1 AND school_id = $2`, [m.regionId, m.organisationId]);
        if (!exists) canCreateFor.push({ organisationId: m.organisationId, name: m.organisationName });
      }
      return {
        teams: teams.map((t) => ({ id: t.id, name: t.name, schoolName: t.school_name, nextMeetingOn: t.next_meeting_on, teamRole: t.team_role })),
        canCreateFor,
      };
    },

    async create(actor: Actor, body: CreateTeamBody) {
      const school = actor.memberships.find((m) => m.organisationId === body.schoolId);
      if (!school || !teamPolicy.create(actor, body.schoolId)) throw new AppError('forbidden', { nl: 'Alleen de intern begeleider of zorgcoördinator van de school start het ondersteuningsteam.', en: "Only the school's intern begeleider or zorgcoördinator starts its support team." });
      return db.tx(async (q) => {
        const [row] = await q.query<{ id: string }>(
          `INSERT INTO support_teams (region_id, school_id, name, next_meeting_on, meeting_time, created_by_user_id) VALUES ($1, $2, $3, $4, $5, $6)
           ON CONFLICT (region_id, school_id) DO NOTHING RETURNING id`,
          [school.regionId, body.schoolId, body.name, body.nextMeetingOn ?? null, body.meetingTime ?? null, actor.userId]);
        if (!row) throw new AppError('already_exists', { nl: 'Deze school heeft al een ondersteuningsteam.', en: 'This school already has a support team.' });
        await q.query(`INSERT INTO support_team_members (region_id, team_id, user_id, organisation_id, team_role) VALUES ($1, $2, $3, $4, 'intern_begeleider')`,
          [school.regionId, row.id, actor.userId, body.schoolId]);
        const [t] = await q.query<TeamRow>(`${TEAM_SELECT} WHERE t.region_id = $1 AND t.id = $3`, [school.regionId, actor.userId, row.id]);
        await teamAudit(q, actor, t!, 'support_team.created', { type: 'support_team', id: row.id }, { fields: ['name', 'nextMeetingOn', 'meetingTime'] });
        return teamView(q, actor, t!);
      });
    },

    async get(actor: Actor, teamId: string) {
      const t = await open(actor, teamId, 'read', 'support_team.read');
      return db.tx(async (q) => {
        const out = await teamView(q, actor, t);
        await teamAudit(q, actor, t, 'support_team.read', { type: 'support_team', id: t.id });
        return out;
      });
    },

    async update(actor: Actor, teamId: string, version: number, body: PatchTeamBody) {
      const t = await open(actor, teamId, 'manage', 'support_team.updated');
      return db.tx(async (q) => {
        const [row] = await q.query(
          `UPDATE support_teams SET name = $4, next_meeting_on = $5, meeting_time = $6, version = version + 1
            WHERE region_id = $1 AND id = $2 AND version = $3 RETURNING id`,
          [t.region_id, t.id, version, body.name ?? t.name, body.nextMeetingOn ?? t.next_meeting_on, body.meetingTime ?? t.meeting_time]);
        if (!row) throw new AppError('conflict');
        await teamAudit(q, actor, t, 'support_team.updated', { type: 'support_team', id: t.id }, { fields: Object.keys(body) });
        return reload(q, actor, t);
      });
    },

    /** Staff of the region who can be added (the web's choice list). */
    async candidates(actor: Actor, teamId: string) {
      const t = await open(actor, teamId, 'manage', 'support_team.member_added');
      const rows = await db.query<{ user_id: string; display_name: string; organisation_id: string; org_name: string; role: string }>(
        `SELECT u.id AS user_id, u.display_name, o.id AS organisation_id, o.name AS org_name, m.role
           FROM memberships m JOIN users u ON u.id = m.user_id AND u.active AND u.kind = 'staff' JOIN organisations o ON o.id = m.organisation_id
          WHERE o.region_id = $1 AND m.role IN ('teacher', 'intern_begeleider', 'zorgcoordinator', 'youth_care_professional', 'jgz_professional', 'leerplicht_officer', 'swv_coordinator')
          ORDER BY u.display_name, o.name LIMIT 500`, [t.region_id]);
      // Current members are left out here, not in SQL: a reference-table query with a correlated subquery on a distributed table does not run on Citus.
      const current = new Set((await db.query<{ user_id: string }>(
        `SELECT user_id FROM support_team_members WHERE region_id = $1 AND team_id = $2 AND ended_at IS NULL`, [t.region_id, t.id])).map((r) => r.user_id));
      return rows.filter((r) => !current.has(r.user_id)).map((r) => ({ userId: r.user_id, displayName: r.display_name, organisationId: r.organisation_id, organisationName: r.org_name, role: r.role }));
    },

    async addMember(actor: Actor, teamId: string, body: AddMemberBody) {
      const t = await open(actor, teamId, 'manage', 'support_team.member_added');
      return db.tx(async (q) => {
        // A member is a professional of this region, for an organisation they work for.
        const [ok] = await q.query(
          `SELECT 1 FROM users u JOIN memberships m ON m.user_id = u.id JOIN organisations o ON o.id = m.organisation_id
            WHERE u.id = $1 AND u.kind = 'staff' AND u.active AND m.organisation_id = $2 AND o.region_id = $3`, [body.userId, body.organisationId, t.region_id]);
        if (!ok) throw new AppError('invalid_reference', { fields: { userId: 'not a professional of this organisation in this region' } });
        const [row] = await q.query<{ user_id: string }>(
          `INSERT INTO support_team_members (region_id, team_id, user_id, organisation_id, team_role) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (region_id, team_id, user_id) DO UPDATE SET organisation_id = EXCLUDED.organisation_id, team_role = EXCLUDED.team_role, ended_at = NULL, added_at = $6
             WHERE support_team_members.ended_at IS NOT NULL
           RETURNING user_id`, [t.region_id, t.id, body.userId, body.organisationId, body.teamRole, new Date()]);
        if (!row) throw new AppError('already_exists', { nl: 'Deze persoon zit al in het team.', en: 'This person is already on the team.' });
        await teamAudit(q, actor, t, 'support_team.member_added', { type: 'user', id: body.userId }, { teamRole: body.teamRole });
        await notify(q, { regionId: t.region_id, userId: body.userId, kind: 'support_team.member_added', payload: { teamId: t.id, team: t.name, organisation: t.school_name, by: actor.displayName } });
        return reload(q, actor, t);
      });
    },

    async endMember(actor: Actor, teamId: string, userId: string) {
      const t = await open(actor, teamId, 'manage', 'support_team.member_ended');
      return db.tx(async (q) => {
        const [row] = await q.query<{ team_role: string }>(
          `UPDATE support_team_members SET ended_at = $4 WHERE region_id = $1 AND team_id = $2 AND user_id = $3 AND ended_at IS NULL RETURNING team_role`,
          [t.region_id, t.id, userId, new Date()]);
        if (!row) throw new AppError('not_found');
        const [left] = await q.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM support_team_members WHERE region_id = $1 AND team_id = $2 AND team_role = 'intern_begeleider' AND ended_at IS NULL`, [t.region_id, t.id]);
        if (left!.n === 0) throw new AppError('unprocessable', { nl: 'Het team houdt minstens één intern begeleider die het beheert.', en: 'The team keeps at least one intern begeleider who manages it.' });
        await teamAudit(q, actor, t, 'support_team.member_ended', { type: 'user', id: userId }, {});
        return reload(q, actor, t);
      });
    },

    /** A named pupil on the agenda: the school told the parents, and the family is invited. */
    async addPupilItem(actor: Actor, teamId: string, body: AddItemBody) {
      const t = await open(actor, teamId, 'manage', 'support_team.item_added');
      if (body.topic) assertFreeText({ topic: body.topic });
      const meetingOn = body.meetingOn ?? t.next_meeting_on;
      if (!meetingOn) throw new AppError('validation_failed', { fields: { meetingOn: 'choose a date (the team has no next meeting yet)' } });
      await withChild(db, actor, body.youngPersonId, {
        rule: (a) => a.regionId === t.region_id && teamPolicy.addPupil(a, t.school_id), audit: 'support_team.item_added', subjectType: 'support_team', subjectId: t.id,
        details: { teamId: t.id, fields: ['topic', 'meetingOn'], parentsInformed: true },
      }, async (q, a) => {
        // A school's team discusses its own pupils: a basis in another school's pupil's network is not enough.
        const [pupil] = await q.query<{ school_id: string | null }>(`SELECT school_id FROM young_people WHERE region_id = $1 AND id = $2`, [t.region_id, body.youngPersonId]);
        if (pupil?.school_id !== t.school_id) {
          throw new AppError('unprocessable', { nl: 'Dit team bespreekt alleen leerlingen van de eigen school.', en: 'This team discusses only pupils of its own school.' });
        }
        const [item] = await q.query<{ id: string }>(
          `INSERT INTO support_team_items (region_id, team_id, kind, young_person_id, topic, meeting_on, parents_informed_at, added_by_user_id)
           VALUES ($1, $2, 'pupil', $3, $4, $5, $6, $7) RETURNING id`,
          [t.region_id, t.id, body.youngPersonId, body.topic ?? null, meetingOn, new Date(), actor.userId]);
        for (const f of familyOf(a)) {
          await q.query(`INSERT INTO support_team_invitations (region_id, item_id, user_id, relation) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
            [t.region_id, item!.id, f.userId, f.relation]);
          await notify(q, { regionId: t.region_id, userId: f.userId, kind: 'support_team.invited', youngPersonId: body.youngPersonId, payload: { team: t.name, organisation: t.school_name, date: meetingOn } });
        }
      });
      return db.tx((q) => reload(q, actor, t));
    },

    async updateItem(actor: Actor, teamId: string, itemId: string, version: number, body: PatchItemBody) {
      const t = await open(actor, teamId, 'manage', 'support_team.item_updated');
      if (body.outcome) assertFreeText({ outcome: body.outcome });
      if (body.status === 'done' && !body.outcome) {
        const [cur] = await db.query<{ outcome: string | null }>(`SELECT outcome FROM support_team_items WHERE region_id = $1 AND id = $2`, [t.region_id, itemId]);
        if (!cur?.outcome) throw new AppError('validation_failed', { fields: { outcome: 'write the outcome or advice before closing the item' } });
      }
      const [item] = await db.query<ItemRow>(
        `SELECT id, kind, consult_id, NULL AS question, young_person_id, topic, meeting_on, status, outcome, version FROM support_team_items WHERE region_id = $1 AND team_id = $2 AND id = $3`,
        [t.region_id, t.id, itemId]);
      if (!item) throw new AppError('not_found');
      if (item.kind === 'consult' && body.outcome) assertNoIdentifiers('outcome', body.outcome);
      const apply = async (q: Queryable) => {
        const [row] = await q.query<{ id: string }>(
          `UPDATE support_team_items SET status = $4, outcome = $5, meeting_on = $6, version = version + 1, updated_at = $7
            WHERE region_id = $1 AND id = $2 AND version = $3 RETURNING id`,
          [t.region_id, itemId, version, body.status ?? item.status, body.outcome ?? item.outcome, body.meetingOn ?? item.meeting_on, new Date()]);
        if (!row) throw new AppError('conflict');
        if (body.meetingOn && body.meetingOn !== item.meeting_on && item.young_person_id) await rescheduleFamily(q, t, itemId, item.young_person_id, body.meetingOn);
        // The team's advice on a consult goes back to the asker.
        if (item.kind === 'consult' && (body.status ?? item.status) === 'done') await answerConsultTx(q, actor, t.region_id, item.consult_id!, body.outcome ?? item.outcome!, new Date());
      };
      if (item.kind === 'pupil') {
        await withChild(db, actor, item.young_person_id!, {
          rule: (a) => teamPolicy.seesContent(a, t.school_id), audit: 'support_team.item_updated', subjectType: 'support_team_item', subjectId: itemId,
          details: { teamId: t.id, fields: Object.keys(body) },
        }, (q) => apply(q));
        return db.tx((q) => reload(q, actor, t));
      }
      return db.tx(async (q) => {
        await apply(q);
        await teamAudit(q, actor, t, 'support_team.item_updated', { type: 'support_team_item', id: itemId }, { fields: Object.keys(body) });
        return reload(q, actor, t);
      });
    },

    /** Open items of earlier meetings move to the next one (`to`), which becomes the team's next meeting. */
    async rollOn(actor: Actor, teamId: string, to: string) {
      const t = await open(actor, teamId, 'manage', 'support_team.rolled_on');
      return db.tx(async (q) => {
        const moved = await q.query<{ id: string; young_person_id: string | null }>(
          `UPDATE support_team_items SET meeting_on = $3, version = version + 1, updated_at = $4
            WHERE region_id = $1 AND team_id = $2 AND status = 'open' AND meeting_on < $3 RETURNING id, young_person_id`, [t.region_id, t.id, to, new Date()]);
        await q.query(`UPDATE support_teams SET next_meeting_on = $3, version = version + 1 WHERE region_id = $1 AND id = $2`, [t.region_id, t.id, to]);
        for (const m of moved) {
          if (!m.young_person_id) continue;
          await rescheduleFamily(q, t, m.id, m.young_person_id, to);
          await childAudit(q, actor, t.region_id, m.young_person_id, 'support_team.item_updated', m.id, { teamId: t.id, fields: ['meetingOn'], rolledOn: true }, 'team_manager');
        }
        await teamAudit(q, actor, t, 'support_team.rolled_on', { type: 'support_team', id: t.id }, { to, items: moved.length });
        return reload(q, actor, t);
      });
    },

    /** The family's invitations: only to items about their own child, while they hold that access. */
    async invitations(actor: Actor) {
      if (actor.kind === 'staff') return [];
      const rows = [];
      for (const region of actorRegions(actor)) {
        rows.push(...await db.query<{ item_id: string; young_person_id: string; child: string; team_name: string; school_name: string; meeting_on: string; meeting_time: string | null; status: 'open' | 'done'; response: string | null; outcome: string | null; region_id: string }>(
          `SELECT v.item_id, i.young_person_id, y.given_name || ' ' || y.family_name AS child, t.name AS team_name, s.name AS school_name, i.meeting_on,
                  t.meeting_time, i.status, v.response, i.outcome, v.region_id
             FROM support_team_invitations v
             JOIN support_team_items i ON i.region_id = $1 AND i.region_id = v.region_id AND i.id = v.item_id
             JOIN support_teams t ON t.region_id = $1 AND t.region_id = i.region_id AND t.id = i.team_id
             JOIN organisations s ON s.id = t.school_id
             JOIN young_people y ON y.region_id = $1 AND y.region_id = i.region_id AND y.id = i.young_person_id
            WHERE v.region_id = $1 AND v.user_id = $2 ORDER BY i.meeting_on DESC`, [region, actor.userId]));
      }
      const reach = await resolveAccessMany(db, actor, rows.map((r) => r.young_person_id));
      const out = rows.filter((r) => ['guardian', 'self'].includes(reach.get(r.young_person_id)?.level ?? 'none'));
      for (const r of out) {
        await childAudit(db, actor, r.region_id, r.young_person_id, 'support_team.invitation_read', r.item_id, {}, reach.get(r.young_person_id)!.basis);
      }
      return out.map((r) => ({
        itemId: r.item_id, youngPersonId: r.young_person_id, childName: r.child, teamName: r.team_name, schoolName: r.school_name,
        meetingOn: r.meeting_on, meetingTime: r.meeting_time, status: r.status, response: r.response, outcome: r.status === 'done' ? r.outcome : null,
      }));
    },

    async respond(actor: Actor, itemId: string, response: 'coming' | 'not_coming') {
      if (!guardOrigin(itemId)) throw new AppError('not_found');
      let found: { young_person_id: string; region_id: string; added_by_user_id: string; team_id: string } | undefined;
      for (const region of actorRegions(actor)) {
        [found] = await db.query<{ young_person_id: string; region_id: string; added_by_user_id: string; team_id: string }>(
          `SELECT i.young_person_id, i.region_id, i.added_by_user_id, i.team_id FROM support_team_invitations v
             JOIN support_team_items i ON i.region_id = $1 AND i.region_id = v.region_id AND i.id = v.item_id
            WHERE v.region_id = $1 AND v.item_id = $2 AND v.user_id = $3`, [region, itemId, actor.userId]);
        if (found) break;
      }
      // Not invited: this item does not exist for the caller.
      if (!found) throw new AppError('not_found');
      const f = found;
      await withChild(db, actor, f.young_person_id, {
        rule: (a) => a.level === 'guardian' || a.level === 'self', audit: 'support_team.invitation_answered', subjectType: 'support_team_item', subjectId: itemId,
        details: { response },
      }, async (q) => {
        const [row] = await q.query(
          `UPDATE support_team_invitations SET response = $4, responded_at = $5 WHERE region_id = $1 AND item_id = $2 AND user_id = $3
              AND (SELECT i.status FROM support_team_items i WHERE i.region_id = $1 AND i.id = $2) = 'open' RETURNING item_id`,
          [f.region_id, itemId, actor.userId, response, new Date()]);
        if (!row) throw new AppError('unprocessable', { nl: 'Dit gesprek is al geweest.', en: 'This meeting has already taken place.' });
        await notify(q, { regionId: f.region_id, userId: f.added_by_user_id, kind: 'support_team.invitation_answered', youngPersonId: f.young_person_id, payload: { by: actor.displayName, response, teamId: f.team_id } });
      });
      return (await this.invitations(actor)).find((i) => i.itemId === itemId)!;
    },
  };
}

export type SupportTeamsService = ReturnType<typeof createSupportTeamsService>;
