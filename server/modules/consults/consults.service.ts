/**
 * Anonymous consults (anoniem consult): a teacher, intern begeleider or childcare worker asks the
 * school's fixed youth-care contact or the school's support team for advice about a situation,
 * without naming the child. Nothing identifying is stored: the row has no young person, and the
 * text is refused when it holds an obvious identifier (consults.identifiers.ts). Audit events are
 * on the consult's own chain (`consult:<id>`, in its region) and never name a young person.
 */
import type { Db, Queryable } from '../../core/db.ts';
import { AppError } from '../../core/errors.ts';
import { appendAudit, userChain, type AuditKind } from '../../core/audit.ts';
import { notify } from '../../core/access.ts';
import { actorRegions, type Actor } from '../../core/session.ts';
import { today } from '../../../shared/dates.ts';
import { assertFreeText } from '../../core/free-text/sensitive-terms.ts';
import { describeIdentifiers, findIdentifiers } from './consults.identifiers.ts';
import { CONTACT_ORG_TYPES, CONTACT_ROLES, consultActions, consultPolicy, type ConsultFacts } from './consults.policy.ts';
import type { AskConsultBody } from './consults.schemas.ts';

export const consultChain = (id: string) => `consult:${id}`;

interface ConsultRow {
  id: string; region_id: string; asker_user_id: string; asker_name: string; asker_org: string; addressed_to: 'contact' | 'team';
  contact_user_id: string | null; contact_name: string | null; contact_org: string | null; team_id: string | null; team_name: string | null;
  question: string; life_domains: unknown; status: 'open' | 'answered'; answer: string | null; answered_by: string | null;
  answered_at: Date | null; created_at: Date; version: number; caller_in_team: boolean;
}

const CONSULT_SELECT = `
  SELECT c.id, c.region_id, c.asker_user_id, ua.display_name AS asker_name, oa.name AS asker_org, c.addressed_to,
         c.contact_user_id, uc.display_name AS contact_name, oc.name AS contact_org, c.team_id, t.name AS team_name,
         c.question, c.life_domains, c.status, c.answer, ub.display_name AS answered_by, c.answered_at, c.created_at, c.version,
         EXISTS (SELECT 1 FROM support_team_members m WHERE m.region_id = $1 AND m.team_id = c.team_id AND m.user_id = $2 AND m.ended_at IS NULL) AS caller_in_team
    FROM consults c
    JOIN users ua ON ua.id = c.asker_user_id
    JOIN organisations oa ON oa.id = c.asker_organisation_id
    LEFT JOIN users uc ON uc.id = c.contact_user_id
    LEFT JOIN organisations oc ON oc.id = c.contact_organisation_id
    LEFT JOIN support_teams t ON t.region_id = $1 AND t.region_id = c.region_id AND t.id = c.team_id
    LEFT JOIN users ub ON ub.id = c.answered_by_user_id`;

const facts = (r: ConsultRow): ConsultFacts => ({
  askerUserId: r.asker_user_id, addressedTo: r.addressed_to, contactUserId: r.contact_user_id, callerInTeam: r.caller_in_team, status: r.status,
});

function view(actor: Actor, r: ConsultRow) {
  const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);
  return {
    id: r.id, question: r.question,
    lifeDomains: (typeof r.life_domains === 'string' ? JSON.parse(r.life_domains) : r.life_domains) as string[],
    addressedTo: r.addressed_to,
    addressee: r.addressed_to === 'contact' ? `${r.contact_name ?? ''} (${r.contact_org ?? ''})` : (r.team_name ?? ''),
    asker: { displayName: r.asker_name, organisationName: r.asker_org },
    status: r.status, answer: r.answer, answeredBy: r.answered_by, answeredAt: iso(r.answered_at), createdAt: iso(r.created_at)!,
    mine: r.asker_user_id === actor.userId, version: r.version, allowedActions: consultActions(actor, facts(r)),
  };
}

/** Refuses text with an obvious identifier (422 invalid_value, naming only the kind of identifier). */
export function assertNoIdentifiers(field: string, text: string, names: readonly string[] = []): void {
  const kinds = findIdentifiers(text, names);
  if (kinds.length === 0) return;
  const words = describeIdentifiers(kinds);
  throw new AppError('invalid_value', { ...words, fields: { [field]: `looks identifying: ${kinds.join(', ')}` } });
}

/** Full names of the pupils enrolled at this organisation (refused in a consult's text). Read, never shown, never stored. */
async function pupilNames(q: Queryable, regionId: string, organisationId: string): Promise<string[]> {
  const rows = await q.query<{ n: string }>(
    `SELECT given_name || ' ' || family_name AS n FROM young_people WHERE region_id = $1 AND school_id = $2 AND NOT birth_expected`, [regionId, organisationId]);
  return rows.map((r) => r.n);
}

/** The audit event of a consult, on its own chain: never a young person. */
function audit(q: Queryable, actor: Actor, r: { id: string; region_id: string }, kind: AuditKind, details: Record<string, unknown>, outcome: 'allowed' | 'denied' = 'allowed') {
  return appendAudit(q, {
    chainKey: consultChain(r.id), kind, outcome, regionId: r.region_id, actorUserId: actor.userId,
    actorOrganisationId: actor.memberships[0]?.organisationId ?? null, youngPersonId: null, subjectType: 'consult', subjectId: r.id,
    basis: outcome === 'allowed' ? 'consult_party' : null, details,
  });
}

/** One consult among the actor's regions, with whether the caller is in its team. */
async function findConsult(q: Queryable, actor: Actor, id: string): Promise<ConsultRow | null> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  for (const region of actorRegions(actor)) {
    const [row] = await q.query<ConsultRow>(`${CONSULT_SELECT} WHERE c.region_id = $1 AND c.id = $3`, [region, actor.userId, id]);
    if (row) return row;
  }
  return null;
}

/**
 * Records the team's advice as the consult's answer (the support team closed its agenda item with
 * an outcome): in the caller's transaction, with its audit event and the asker's notification.
 * Does nothing when the consult was answered already.
 */
export async function answerConsultTx(q: Queryable, actor: Actor, regionId: string, consultId: string, answer: string, now: Date): Promise<void> {
  const [row] = await q.query<{ id: string; region_id: string; asker_user_id: string }>(
    `UPDATE consults SET status = 'answered', answer = $3, answered_by_user_id = $4, answered_at = $5, version = version + 1
      WHERE region_id = $1 AND id = $2 AND status = 'open' RETURNING id, region_id, asker_user_id`,
    [regionId, consultId, answer, actor.userId, now]);
  if (!row) return;
  await audit(q, actor, row, 'consult.answered', { fields: ['answer'], via: 'support_team' });
  await notify(q, { regionId, userId: row.asker_user_id, kind: 'consult.answered', payload: { consultId, by: actor.displayName } });
}

export function createConsultsService(db: Db) {
  /** Reads a consult the caller may see, or writes the refusal on the consult's chain and answers 404. */
  async function open(actor: Actor, id: string, rule: (a: Actor, f: ConsultFacts) => boolean, attempted: AuditKind): Promise<ConsultRow> {
    const row = await findConsult(db, actor, id);
    if (!row) throw new AppError('not_found');
    if (!rule(actor, facts(row))) {
      const readable = consultPolicy.read(actor, facts(row));
      await audit(db, actor, row, 'access.denied', { attempted }, 'denied');
      // Someone who may read it learns why (answered already, or their own); for anyone else it does not exist.
      throw new AppError(readable ? 'forbidden' : 'not_found');
    }
    return row;
  }

  return {
    /** What the ask form offers: for each of the caller's schools / childcare organisations, its contact and team. */
    async options(actor: Actor) {
      const organisations: { id: string; name: string; type: string; contact: { displayName: string; organisationName: string } | null; team: { id: string; name: string } | null; allowedActions: string[] }[] = [];
      const own = [...consultPolicy.askerOrganisations(actor), ...actor.memberships.filter((m) => consultPolicy.setContact(actor, m.organisationId))];
      for (const m of own) {
        // Two inner joins rather than the organisation LEFT JOIN-ed to both: on Citus a reference table
        // on the outer side of an outer join with a distributed table is not always pushed down.
        const [contact] = await db.query<{ contact_name: string; contact_org: string }>(
          `SELECT u.display_name AS contact_name, o.name AS contact_org FROM support_contacts sc
             JOIN users u ON u.id = sc.contact_user_id AND u.active JOIN organisations o ON o.id = sc.contact_organisation_id
            WHERE sc.region_id = $1 AND sc.organisation_id = $2`, [m.regionId, m.organisationId]);
        const [team] = await db.query<{ team_id: string; team_name: string }>(
          `SELECT id AS team_id, name AS team_name FROM support_teams WHERE region_id = $1 AND school_id = $2`, [m.regionId, m.organisationId]);
        const row = { ...contact, ...team };
        if (organisations.some((o) => o.id === m.organisationId)) continue;
        organisations.push({
          id: m.organisationId, name: m.organisationName, type: m.organisationType,
          contact: row?.contact_name ? { displayName: row.contact_name, organisationName: row.contact_org ?? '' } : null,
          team: row?.team_id ? { id: row.team_id, name: row.team_name ?? '' } : null,
          allowedActions: [
            ...(consultPolicy.askerOrganisations(actor).some((a) => a.organisationId === m.organisationId) ? ['ask'] : []),
            ...(consultPolicy.setContact(actor, m.organisationId) ? ['setContact'] : []),
          ],
        });
      }
      return { organisations };
    },

    /** Youth-care professionals of the region who can be a school's fixed contact. */
    async contactCandidates(actor: Actor, organisationId: string) {
      const m = actor.memberships.find((x) => x.organisationId === organisationId);
      if (!m || !consultPolicy.setContact(actor, organisationId)) throw new AppError('forbidden');
      const rows = await db.query<{ user_id: string; display_name: string; organisation_id: string; org_name: string }>(
        `SELECT DISTINCT u.id AS user_id, u.display_name, o.id AS organisation_id, o.name AS org_name
           FROM memberships x JOIN users u ON u.id = x.user_id AND u.active AND u.kind = 'staff' JOIN organisations o ON o.id = x.organisation_id
          WHERE o.region_id = $1 AND o.type = ANY($2::text[]) AND x.role = ANY($3::text[]) ORDER BY u.display_name, o.name LIMIT 500`,
        [m.regionId, CONTACT_ORG_TYPES, CONTACT_ROLES]);
      return rows.map((r) => ({ userId: r.user_id, displayName: r.display_name, organisationId: r.organisation_id, organisationName: r.org_name }));
    },

    /** Sets the school's (or childcare's) fixed youth-care contact; new consults go to them, earlier ones stay with whom they asked. */
    async setContact(actor: Actor, organisationId: string, body: { userId: string; organisationId: string }) {
      const m = actor.memberships.find((x) => x.organisationId === organisationId);
      if (!m || !consultPolicy.setContact(actor, organisationId)) {
        throw new AppError('forbidden', { nl: 'De vaste contactpersoon kiest de intern begeleider, zorgcoördinator of beheerder van de school of opvang.', en: 'The fixed contact is chosen by the intern begeleider, zorgcoördinator or admin of the school or childcare.' });
      }
      await db.tx(async (q) => {
        const [ok] = await q.query(
          `SELECT 1 FROM memberships x JOIN users u ON u.id = x.user_id AND u.active AND u.kind = 'staff' JOIN organisations o ON o.id = x.organisation_id
            WHERE x.user_id = $1 AND x.organisation_id = $2 AND o.region_id = $3 AND o.type = ANY($4::text[]) AND x.role = ANY($5::text[])`,
          [body.userId, body.organisationId, m.regionId, CONTACT_ORG_TYPES, CONTACT_ROLES]);
        if (!ok) throw new AppError('invalid_reference', { fields: { userId: 'not a youth-care professional of that organisation in this region' } });
        await q.query(
          `INSERT INTO support_contacts (region_id, organisation_id, contact_user_id, contact_organisation_id) VALUES ($1, $2, $3, $4)
           ON CONFLICT (region_id, organisation_id) DO UPDATE SET contact_user_id = EXCLUDED.contact_user_id, contact_organisation_id = EXCLUDED.contact_organisation_id`,
          [m.regionId, organisationId, body.userId, body.organisationId]);
        await appendAudit(q, {
          chainKey: userChain(actor.userId), kind: 'consult.contact_set', regionId: m.regionId, actorUserId: actor.userId, actorOrganisationId: organisationId,
          subjectType: 'organisation', subjectId: organisationId, details: { contactUserId: body.userId, contactOrganisationId: body.organisationId },
        });
        await notify(q, { regionId: m.regionId, userId: body.userId, kind: 'consult.contact_set', payload: { organisation: m.organisationName, by: actor.displayName } });
      });
      return (await this.options(actor)).organisations.find((o) => o.id === organisationId)!;
    },

    async ask(actor: Actor, body: AskConsultBody) {
      const eligible = consultPolicy.askerOrganisations(actor);
      const org = body.organisationId ? eligible.find((m) => m.organisationId === body.organisationId) : eligible[0];
      if (!org) {
        if (eligible.length === 0) throw new AppError('forbidden', { nl: 'Een consult vraagt u als leerkracht, intern begeleider of medewerker kinderopvang.', en: 'A consult is asked by a teacher, intern begeleider or childcare worker.' });
        throw new AppError('invalid_reference', { fields: { organisationId: 'not one of your schools or childcare organisations' } });
      }
      assertFreeText({ question: body.question });
      assertNoIdentifiers('question', body.question, await pupilNames(db, org.regionId, org.organisationId));
      return db.tx(async (q) => {
        let contact: { user_id: string; organisation_id: string } | undefined;
        let team: { id: string; next_meeting_on: string | null } | undefined;
        if (body.to === 'contact') {
          [contact] = await q.query<{ user_id: string; organisation_id: string }>(
            `SELECT sc.contact_user_id AS user_id, sc.contact_organisation_id AS organisation_id FROM support_contacts sc JOIN users u ON u.id = sc.contact_user_id AND u.active
              WHERE sc.region_id = $1 AND sc.organisation_id = $2`, [org.regionId, org.organisationId]);
          if (!contact) throw new AppError('unprocessable', { nl: `${org.organisationName} heeft nog geen vaste contactpersoon jeugdhulp.`, en: `${org.organisationName} has no fixed youth-care contact yet.`, fields: { to: 'no contact' } });
        } else {
          [team] = await q.query<{ id: string; next_meeting_on: string | null }>(
            `SELECT id, next_meeting_on FROM support_teams WHERE region_id = $1 AND school_id = $2`, [org.regionId, org.organisationId]);
          if (!team) throw new AppError('unprocessable', { nl: `${org.organisationName} heeft geen ondersteuningsteam in Rondom.`, en: `${org.organisationName} has no support team in Rondom.`, fields: { to: 'no team' } });
        }
        const [row] = await q.query<{ id: string; region_id: string }>(
          `INSERT INTO consults (region_id, asker_user_id, asker_organisation_id, addressed_to, contact_user_id, contact_organisation_id, team_id, question, life_domains)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id, region_id`,
          [org.regionId, actor.userId, org.organisationId, body.to, contact?.user_id ?? null, contact?.organisation_id ?? null, team?.id ?? null,
            body.question, JSON.stringify(body.lifeDomains ?? [])]);
        await audit(q, actor, row!, 'consult.asked', { to: body.to, fields: ['question', 'lifeDomains'] });
        if (contact) {
          await notify(q, { regionId: org.regionId, userId: contact.user_id, kind: 'consult.asked', payload: { consultId: row!.id, by: actor.displayName, organisation: org.organisationName } });
        } else if (team) {
          // On the team's rolling agenda: its next meeting (today when none is set).
          await q.query(
            `INSERT INTO support_team_items (region_id, team_id, kind, consult_id, meeting_on, added_by_user_id) VALUES ($1, $2, 'consult', $3, $4, $5)`,
            [org.regionId, team.id, row!.id, team.next_meeting_on ?? today(), actor.userId]);
          const managers = await q.query<{ user_id: string }>(
            `SELECT user_id FROM support_team_members WHERE region_id = $1 AND team_id = $2 AND team_role = 'intern_begeleider' AND ended_at IS NULL AND user_id <> $3`,
            [org.regionId, team.id, actor.userId]);
          for (const m of managers) {
            await notify(q, { regionId: org.regionId, userId: m.user_id, kind: 'consult.asked', payload: { consultId: row!.id, by: actor.displayName, organisation: org.organisationName } });
          }
        }
        const [out] = await q.query<ConsultRow>(`${CONSULT_SELECT} WHERE c.region_id = $1 AND c.id = $3`, [org.regionId, actor.userId, row!.id]);
        return view(actor, out!);
      });
    },

    /** The consults the caller asked, and those addressed to them or to a team they are in. */
    async list(actor: Actor) {
      const out = [];
      for (const region of actorRegions(actor)) {
        const rows = await db.query<ConsultRow>(
          `${CONSULT_SELECT}
            WHERE c.region_id = $1 AND (c.asker_user_id = $2 OR c.contact_user_id = $2
              OR c.team_id IN (SELECT m.team_id FROM support_team_members m WHERE m.region_id = $1 AND m.user_id = $2 AND m.ended_at IS NULL))
            ORDER BY c.created_at DESC LIMIT 200`, [region, actor.userId]);
        out.push(...rows.map((r) => view(actor, r)));
      }
      // A list read is one event in the reader's own chain (the consults name no one).
      await appendAudit(db, {
        chainKey: userChain(actor.userId), kind: 'consult.listed', regionId: actor.regionId, actorUserId: actor.userId,
        subjectType: 'consults', details: { count: out.length },
      });
      return out;
    },

    async get(actor: Actor, id: string) {
      const row = await open(actor, id, consultPolicy.read, 'consult.read');
      await audit(db, actor, row, 'consult.read', {});
      return view(actor, row);
    },

    async answer(actor: Actor, id: string, version: number, body: { answer: string }) {
      const row = await open(actor, id, consultPolicy.answer, 'consult.answered');
      assertFreeText({ answer: body.answer });
      assertNoIdentifiers('answer', body.answer);
      return db.tx(async (q) => {
        const [updated] = await q.query<{ id: string }>(
          `UPDATE consults SET status = 'answered', answer = $3, answered_by_user_id = $4, answered_at = $5, version = version + 1
            WHERE region_id = $1 AND id = $2 AND version = $6 AND status = 'open' RETURNING id`,
          [row.region_id, id, body.answer, actor.userId, new Date(), version]);
        if (!updated) throw new AppError('conflict');
        await audit(q, actor, row, 'consult.answered', { fields: ['answer'] });
        await notify(q, { regionId: row.region_id, userId: row.asker_user_id, kind: 'consult.answered', payload: { consultId: id, by: actor.displayName } });
        // A team consult answered directly is done on the team's agenda too.
        if (row.team_id) {
          await q.query(
            `UPDATE support_team_items SET status = 'done', outcome = $3, version = version + 1, updated_at = $4
              WHERE region_id = $1 AND consult_id = $2 AND status = 'open'`, [row.region_id, id, body.answer, new Date()]);
        }
        const [out] = await q.query<ConsultRow>(`${CONSULT_SELECT} WHERE c.region_id = $1 AND c.id = $3`, [row.region_id, actor.userId, id]);
        return view(actor, out!);
      });
    },
  };
}

export type ConsultsService = ReturnType<typeof createConsultsService>;
