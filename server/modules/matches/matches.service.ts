/**
 * "Who else is involved?" — modelled on the Verwijsindex. A signal holds identity and
 * the professional's contact details, never content or a reason. Two signals from
 * different organisations on one young person make a match; signals on siblings who
 * share a parent with gezag make a family match. A signal lasts at most 2 years and
 * ends at age 23.
 */
import type { Db, Queryable } from '../../core/db.ts';
import { AppError } from '../../core/errors.ts';
import { appendAudit, appendReadAudit, userChain, youngPersonChain } from '../../core/audit.ts';
import { addTimeline, CASE_ROLES, notify } from '../../core/access.ts';
import type { Actor } from '../../core/session.ts';
import { isValidBsn, normaliseBsn } from '../../../shared/bsn.ts';
import { ageOn, birthdayAt, plusMonths, today } from '../../../shared/dates.ts';
import type { SignalBody } from './matches.schemas.ts';

export const SIGNAL_MONTHS = 24;
export const SIGNAL_MAX_AGE = 23;

async function createMatch(q: Queryable, kind: 'person' | 'family', a: { id: string; user_id: string; young_person_id: string }, b: { id: string; user_id: string; young_person_id: string }, regionId: string): Promise<boolean> {
  const [first, second] = a.id < b.id ? [a, b] : [b, a];
  const rows = await q.query(
    `INSERT INTO matches (region_id, kind, signal_a, signal_b) VALUES ($1,$2,$3,$4) ON CONFLICT (region_id, signal_a, signal_b) DO NOTHING RETURNING id`,
    [regionId, kind, first.id, second.id]);
  if (rows.length === 0) return false;
  for (const s of [a, b]) {
    await notify(q, { regionId, userId: s.user_id, kind: 'match.new', youngPersonId: s.young_person_id, payload: { kind } });
    // On the network's timeline for professionals; the family sees who is involved through the network itself.
    await addTimeline(q, { regionId, youngPersonId: s.young_person_id, kind: 'match.created', actorUserId: null, subjectId: s.id, summary: { kind }, familyVisible: false });
    await appendAudit(q, { chainKey: youngPersonChain(s.young_person_id), kind: 'match.created', regionId, youngPersonId: s.young_person_id, subjectType: 'signal', subjectId: s.id, basis: 'verwijsindex', details: { kind } });
  }
  return true;
}

/** The caller's memberships the region designated to register signals (regions.signal_roles), in their own region. */
async function designatedMemberships(db: Db, actor: Actor) {
  const [region] = await db.query<{ signal_roles: string[]; family_matches: boolean }>(`SELECT signal_roles, family_matches FROM regions WHERE id = $1`, [actor.regionId]);
  const designated = (m: Actor['memberships'][number]) => CASE_ROLES.includes(m.role) && m.regionId === actor.regionId && (region?.signal_roles ?? []).includes(m.role);
  return { region, designated };
}

export function createMatchesService(db: Db) {
  return {
    /**
     * My open signals (registered by me, not ended, not expired), with what I may do: registerSignal when
     * the region designated one of my roles, and the organisations I may register for. Names the young
     * people listed on my own audit chain, as the worklist does.
     */
    async mySignals(actor: Actor) {
      const { designated } = await designatedMemberships(db, actor);
      const organisations = actor.memberships.filter(designated).map((m) => ({ id: m.organisationId, name: m.organisationName }))
        .filter((o, i, all) => all.findIndex((x) => x.id === o.id) === i);
      const rows = actor.kind !== 'staff' ? [] : await db.query<{
        id: string; young_person_id: string; given_name: string; family_name: string; birth_date: string; org_name: string;
        contact_email: string | null; contact_phone: string | null; registered_at: Date; expires_on: string;
      }>(
        `SELECT s.id, s.young_person_id, y.given_name, y.family_name, y.birth_date, o.name AS org_name, s.contact_email, s.contact_phone,
                s.registered_at, s.expires_on
           FROM signals s JOIN young_people y ON y.region_id = s.region_id AND y.id = s.young_person_id
           JOIN organisations o ON o.id = s.organisation_id
          WHERE s.region_id = $1 AND y.region_id = $1 AND s.user_id = $2 AND s.ended_at IS NULL AND s.expires_on >= $3
          ORDER BY s.registered_at DESC, s.id LIMIT 200`,
        [actor.regionId, actor.userId, today()]);
      if (rows.length > 0) {
        // The reader's own registrations (what they wrote themselves; each is already in the child's chain as
        // match.signal_registered): one event on the reader's chain, not a read of each child every time the
        // home page opens, which would flood the family's "who looked" with the same person.
        await appendReadAudit(db, {
          chainKey: userChain(actor.userId), kind: 'match.signals_read', regionId: actor.regionId, actorUserId: actor.userId,
          subjectType: 'signals', details: { youngPersonIds: rows.map((r) => r.young_person_id) },
        });
      }
      return {
        items: rows.map((r) => ({
          signalId: r.id, youngPersonName: `${r.given_name} ${r.family_name}`, birthDate: r.birth_date, organisationName: r.org_name,
          contactEmail: r.contact_email, contactPhone: r.contact_phone, registeredAt: new Date(r.registered_at).toISOString(), expiresOn: r.expires_on,
        })),
        organisations,
        allowedActions: organisations.length > 0 ? ['registerSignal'] : [],
      };
    },

    /** Only roles the region designates register signals; siblings make family matches only where the region turned that on. */
    async register(actor: Actor, body: SignalBody) {
      const { region, designated } = await designatedMemberships(db, actor);
      const membership = body.organisationId
        ? actor.memberships.find((m) => m.organisationId === body.organisationId && designated(m))
        : actor.memberships.find(designated);
      if (!membership) {
        throw new AppError('forbidden', {
          en: 'Your region has not designated your role to register signals.',
          nl: 'Uw regio heeft uw rol niet aangewezen om signalen te registreren.',
        });
      }
      const bsn = body.bsn ? normaliseBsn(body.bsn) : null;
      if (body.bsn && (!bsn || !isValidBsn(bsn))) throw new AppError('invalid_bsn', { fields: { bsn: 'does not pass the elfproef' } });
      if (!bsn && !(body.givenName && body.familyName && body.birthDate)) {
        throw new AppError('validation_failed', { fields: { bsn: 'give a BSN, or the given name, family name and date of birth' } });
      }
      return db.tx(async (q) => {
        let [yp] = await q.query<{ id: string; birth_date: string }>(
          `SELECT id, birth_date FROM young_people WHERE region_id = $1 AND (($2::text IS NOT NULL AND bsn = $2)
             OR ($2::text IS NULL AND lower(given_name) = lower($3) AND lower(family_name) = lower($4) AND birth_date = $5::date)) LIMIT 1`,
          [actor.regionId, bsn, body.givenName ?? null, body.familyName ?? null, body.birthDate ?? null]);
        if (!yp) {
          if (!(body.givenName && body.familyName && body.birthDate)) throw new AppError('validation_failed', { fields: { givenName: 'unknown BSN: give name and date of birth too' } });
          [yp] = await q.query<{ id: string; birth_date: string }>(
            `INSERT INTO young_people (region_id, given_name, family_name, birth_date, bsn) VALUES ($1,$2,$3,$4,$5) RETURNING id, birth_date`,
            [actor.regionId, body.givenName, body.familyName, body.birthDate, bsn]);
          await appendAudit(q, { chainKey: youngPersonChain(yp!.id), kind: 'young_person.created', regionId: actor.regionId, actorUserId: actor.userId, youngPersonId: yp!.id, subjectType: 'young_person', subjectId: yp!.id, basis: 'verwijsindex' });
        }
        const now = today();
        if (ageOn(yp!.birth_date, now) >= SIGNAL_MAX_AGE) throw new AppError('unprocessable', { en: 'Signals end at age 23.', nl: 'Een signaal kan tot 23 jaar.' });
        const byTime = plusMonths(now, SIGNAL_MONTHS);
        const byAge = birthdayAt(yp!.birth_date, SIGNAL_MAX_AGE);
        const expiresOn = byTime < byAge ? byTime : byAge;
        const [existing] = await q.query<{ id: string }>(
          `SELECT id FROM signals WHERE region_id = $4 AND young_person_id = $1 AND organisation_id = $2 AND ended_at IS NULL AND expires_on >= $3`,
          [yp!.id, membership.organisationId, now, actor.regionId]);
        let signal: { id: string; user_id: string; young_person_id: string };
        if (existing) {
          await q.query(`UPDATE signals SET expires_on = $2, user_id = $3 WHERE region_id = $4 AND id = $1`, [existing.id, expiresOn, actor.userId, actor.regionId]);
          signal = { id: existing.id, user_id: actor.userId, young_person_id: yp!.id };
        } else {
          // An expired signal of the same organisation is ended first (one open signal per organisation).
          await q.query(`UPDATE signals SET ended_at = now() WHERE region_id = $3 AND young_person_id = $1 AND organisation_id = $2 AND ended_at IS NULL`,
            [yp!.id, membership.organisationId, actor.regionId]);
          const [row] = await q.query<{ id: string }>(
            `INSERT INTO signals (region_id, young_person_id, user_id, organisation_id, contact_email, contact_phone, expires_on)
             VALUES ($1,$2,$3,$4,$5,$6,$7) RETURNING id`,
            [actor.regionId, yp!.id, actor.userId, membership.organisationId, body.contactEmail ?? actor.email, body.contactPhone ?? null, expiresOn]);
          signal = { id: row!.id, user_id: actor.userId, young_person_id: yp!.id };
        }
        await appendAudit(q, { chainKey: youngPersonChain(yp!.id), kind: 'match.signal_registered', regionId: actor.regionId, actorUserId: actor.userId, actorOrganisationId: membership.organisationId, youngPersonId: yp!.id, subjectType: 'signal', subjectId: signal.id, basis: 'verwijsindex' });
        let newMatches = 0;
        const others = await q.query<{ id: string; user_id: string; young_person_id: string }>(
          `SELECT id, user_id, young_person_id FROM signals WHERE region_id = $4 AND young_person_id = $1 AND organisation_id <> $2 AND ended_at IS NULL AND expires_on >= $3`,
          [yp!.id, membership.organisationId, now, actor.regionId]);
        for (const o of others) if (await createMatch(q, 'person', signal, o, actor.regionId)) newMatches++;
        // Siblings: young people who share a parent with gezag — only where the region turned family matches on.
        const siblings = !region?.family_matches ? [] : await q.query<{ id: string; user_id: string; young_person_id: string }>(
          `SELECT DISTINCT s.id, s.user_id, s.young_person_id FROM guardianships g1
             JOIN guardianships g2 ON g2.region_id = g1.region_id AND g2.parent_user_id = g1.parent_user_id AND g2.young_person_id <> g1.young_person_id
             JOIN signals s ON s.region_id = g2.region_id AND s.young_person_id = g2.young_person_id
            WHERE g1.region_id = $4 AND g1.young_person_id = $1 AND s.organisation_id <> $2 AND s.ended_at IS NULL AND s.expires_on >= $3`,
          [yp!.id, membership.organisationId, now, actor.regionId]);
        for (const o of siblings) if (await createMatch(q, 'family', signal, o, actor.regionId)) newMatches++;
        return { signalId: signal.id, expiresOn, newMatches };
      });
    },

    /** My matches: for each, only the other side's name, organisation and contact details. A signal is always in its author's region. */
    async list(actor: Actor) {
      const rows = await db.query<{
        id: string; kind: 'person' | 'family'; created_at: Date; my_signal: string; my_yp: string; my_birth: string;
        other_name: string; other_org: string; other_email: string | null; other_phone: string | null; other_yp: string;
      }>(
        `SELECT m.id, m.kind, m.created_at, mine.id AS my_signal, y1.given_name || ' ' || y1.family_name AS my_yp, y1.birth_date AS my_birth,
                ou.display_name AS other_name, oo.name AS other_org, other.contact_email AS other_email, other.contact_phone AS other_phone,
                y2.given_name || ' ' || y2.family_name AS other_yp
           FROM matches m
           JOIN signals mine ON mine.region_id = m.region_id AND mine.id IN (m.signal_a, m.signal_b) AND mine.user_id = $1
           JOIN signals other ON other.region_id = m.region_id AND other.id IN (m.signal_a, m.signal_b) AND other.id <> mine.id
           JOIN young_people y1 ON y1.region_id = mine.region_id AND y1.id = mine.young_person_id
           JOIN young_people y2 ON y2.region_id = other.region_id AND y2.id = other.young_person_id
           JOIN users ou ON ou.id = other.user_id JOIN organisations oo ON oo.id = other.organisation_id
          WHERE m.region_id = $3 AND mine.ended_at IS NULL AND mine.expires_on >= $2 AND other.ended_at IS NULL AND other.expires_on >= $2
          ORDER BY m.created_at DESC LIMIT 200`,
        [actor.userId, today(), actor.regionId]);
      return rows.map((r) => ({
        id: r.id, kind: r.kind, createdAt: new Date(r.created_at).toISOString(),
        mySignal: { signalId: r.my_signal, youngPersonName: r.my_yp, birthDate: r.my_birth },
        other: { displayName: r.other_name, organisationName: r.other_org, contactEmail: r.other_email, contactPhone: r.other_phone, youngPersonName: r.kind === 'family' ? r.other_yp : null },
      }));
    },

    /** Only the professional who holds the signal ends it; on the young person's chain, as its registration is. Anyone else: 404. */
    async end(actor: Actor, signalId: string) {
      await db.tx(async (q) => {
        const [row] = await q.query<{ id: string; young_person_id: string; organisation_id: string }>(
          `UPDATE signals SET ended_at = $4 WHERE region_id = $3 AND id = $1 AND user_id = $2 AND ended_at IS NULL
           RETURNING id, young_person_id, organisation_id`, [signalId, actor.userId, actor.regionId, new Date()]);
        if (!row) throw new AppError('not_found');
        await appendAudit(q, {
          chainKey: youngPersonChain(row.young_person_id), kind: 'match.signal_ended', regionId: actor.regionId, actorUserId: actor.userId,
          actorOrganisationId: row.organisation_id, youngPersonId: row.young_person_id, subjectType: 'signal', subjectId: row.id, basis: 'verwijsindex',
        });
      });
    },
  };
}

export type MatchesService = ReturnType<typeof createMatchesService>;
