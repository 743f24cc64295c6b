/**
 * Exemptions (vrijstellingen) from Leerplichtwet art. 5 onder a, b, c and art. 15.
 * 5 onder a ("not fit for school") is "no, unless": it stays pending until a second
 * reviewer (leerplicht or the SWV's education-care team, never the person who
 * registered it) confirms it with a written reason. The statement must come from an
 * independent doctor, psychologist or pedagogue, not the child's own practitioner: Rondom
 * refuses an author who is or was in the child's network in the last year (by account, or by
 * name when the author has no account here), and a statement dated in the future — at
 * registration and again at review. An exemption belongs to the SWV of the child's school:
 * that SWV's people see and review it; leerplicht sees the region's.
 * Valid for the school year; renewal reminders go out before 1 July.
 */
import type { Db, Queryable } from '../../core/db.ts';
import { AppError } from '../../core/errors.ts';
import { appendAudit, youngPersonChain } from '../../core/audit.ts';
import { addTimeline, notify } from '../../core/access.ts';
import type { Actor } from '../../core/session.ts';
import { leerplichtEnd, schoolYear, schoolYearEnd, dutyOn } from '../../../shared/leerplicht-age.ts';
import { plusDays, today } from '../../../shared/dates.ts';
import { isLeerplicht, leerplichtPolicy, swvIds } from './leerplicht.policy.ts';
import type { ExemptionBody } from './leerplicht.schemas.ts';

interface Row {
  id: string; young_person_id: string; region_id: string; given_name: string; family_name: string; article: string; school_year: string;
  valid_from: string; valid_until: string; statement_by: string | null; statement_role: string | null; statement_date: string | null;
  statement_registration: string | null; statement_user_id: string | null; swv_id: string | null; never_able: boolean; status: 'pending_review' | 'confirmed' | 'rejected'; review_reason: string | null; registered_by: string; version: number;
}
const view = (r: Row, actor?: Actor) => ({
  id: r.id, youngPersonId: r.young_person_id, name: `${r.given_name} ${r.family_name}`, article: r.article, schoolYear: r.school_year,
  validFrom: r.valid_from, validUntil: r.valid_until, statementBy: r.statement_by, statementRole: r.statement_role, statementDate: r.statement_date,
  statementRegistration: r.statement_registration, swvId: r.swv_id,
  neverAble: r.never_able, status: r.status, reviewReason: r.review_reason, version: r.version,
  allowedActions: actor && r.status === 'pending_review' && leerplichtPolicy.reviewExemption(actor, { registeredBy: r.registered_by, swvId: r.swv_id }) ? ['review'] : [],
});

/** A name as people write it: case, accents and spacing do not make another person. */
const sameName = (a: string, b: string) => {
  const norm = (x: string) => x.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
  return norm(a) === norm(b);
};

/**
 * Art. 5 onder a: the statement is by an independent expert. Refused when it is dated after today, or when
 * its author — by account, or by name — is or was (involvement ended less than a year ago) in the child's network.
 */
async function assertIndependentStatement(q: Queryable, regionId: string, youngPersonId: string,
  st: { by: string; userId: string | null; date: string }, on: string): Promise<void> {
  if (st.date > on) {
    throw new AppError('validation_failed', { en: 'The statement cannot be dated in the future.', nl: 'De verklaring kan niet in de toekomst gedateerd zijn.', fields: { statementDate: 'cannot be in the future' } });
  }
  const involved = await q.query<{ user_id: string; display_name: string }>(
    `SELECT DISTINCT i.user_id, u.display_name FROM involvements i JOIN users u ON u.id = i.user_id
      WHERE i.region_id = $1 AND i.young_person_id = $2 AND (i.ends_on IS NULL OR i.ends_on >= $3)`,
    [regionId, youngPersonId, plusDays(on, -365)]);
  if (involved.some((p) => p.user_id === st.userId || sameName(p.display_name, st.by))) {
    throw new AppError('unprocessable', {
      en: 'The statement must come from an independent expert: this person is or was in the young person\'s network in the last year.',
      nl: 'De verklaring moet van een onafhankelijke deskundige komen: deze persoon is of was het afgelopen jaar betrokken bij de jongere.',
      fields: { statementBy: 'is or was in the network in the last year' },
    });
  }
}
const SELECT = `SELECT x.*, y.given_name, y.family_name FROM exemptions x JOIN young_people y ON y.region_id = x.region_id AND y.id = x.young_person_id`;

export function createExemptionsService(db: Db) {
  return {
    async list(actor: Actor) {
      if (!leerplichtPolicy.registerExemption(actor) && !actor.memberships.some((m) => m.role === 'swv_coordinator')) throw new AppError('forbidden');
      // Leerplicht sees the region's exemptions; an SWV's people only those of the children of their SWV's schools.
      const all = isLeerplicht(actor);
      const rows = await db.query<Row>(
        `${SELECT} WHERE x.region_id = $1 AND ($2 OR x.swv_id = ANY($3::uuid[])) ORDER BY x.status = 'pending_review' DESC, x.valid_until DESC LIMIT 500`,
        [actor.regionId, all, all ? [] : swvIds(actor)]);
      return rows.map((r) => view(r, actor));
    },

    async register(actor: Actor, body: ExemptionBody) {
      if (!leerplichtPolicy.registerExemption(actor)) throw new AppError('forbidden');
      const [yp] = await db.query<{ birth_date: string; swv_id: string | null }>(
        `SELECT y.birth_date, s.swv_id FROM young_people y LEFT JOIN organisations s ON s.id = y.school_id WHERE y.id = $1 AND y.region_id = $2`,
        [body.youngPersonId, actor.regionId]);
      if (!yp) throw new AppError('not_found');
      const duty = dutyOn(yp.birth_date, body.validFrom);
      if (body.article === '15' ? duty !== 'kwalificatieplichtig' && duty !== 'leerplichtig' : duty !== 'leerplichtig') {
        throw new AppError('unprocessable', { en: 'The young person is not of the right compulsory age for this exemption.', nl: 'De jongere heeft niet de juiste leeftijd voor deze vrijstelling.' });
      }
      if (body.article === '5a') {
        const fields: Record<string, string> = {};
        if (!body.statementBy) fields.statementBy = 'who issued the statement';
        if (!body.statementRole) fields.statementRole = 'doctor, psychologist or pedagogue';
        if (!body.statementDate) fields.statementDate = 'when the statement was issued';
        if (Object.keys(fields).length) throw new AppError('validation_failed', { fields });
        if (body.statementOwnPractitioner) {
          throw new AppError('unprocessable', { en: 'The statement must come from an independent expert, not the child\'s own practitioner.', nl: 'De verklaring moet van een onafhankelijke deskundige komen, niet van de eigen behandelaar.', fields: { statementOwnPractitioner: 'must be independent' } });
        }
        if (body.statementUserId) {
          const [u] = await db.query<{ id: string }>(`SELECT id FROM users WHERE id = $1 AND region_id = $2 AND kind = 'staff'`, [body.statementUserId, actor.regionId]);
          if (!u) throw new AppError('invalid_reference', { fields: { statementUserId: 'unknown professional in this region' } });
        }
        try {
          await assertIndependentStatement(db, actor.regionId, body.youngPersonId, { by: body.statementBy!, userId: body.statementUserId ?? null, date: body.statementDate! }, today());
        } catch (err) {
          // The refusal says something about the child's network: every one is on the child's chain (the family and the
          // privacy officer see who tried), so trying names until one is refused does not go unseen.
          await appendAudit(db, {
            chainKey: youngPersonChain(body.youngPersonId), kind: 'exemption.statement_refused', outcome: 'denied', regionId: actor.regionId, actorUserId: actor.userId,
            actorOrganisationId: actor.memberships.find((m) => m.role === 'leerplicht_officer')?.organisationId ?? null, youngPersonId: body.youngPersonId,
            subjectType: 'exemption', basis: 'legal_task', details: { reason: (err as AppError).detail?.fields?.statementDate ? 'future_date' : 'author_in_network' },
          });
          throw err;
        }
      }
      const validUntil = body.article === '5a' && body.neverAble ? leerplichtEnd(yp.birth_date) : schoolYearEnd(body.validFrom);
      const status = body.article === '5a' ? 'pending_review' : 'confirmed';
      return db.tx(async (q) => {
        const [row] = await q.query<{ id: string }>(
          `INSERT INTO exemptions (region_id, young_person_id, article, school_year, valid_from, valid_until, statement_by, statement_role, statement_date,
             statement_own_practitioner, never_able, status, registered_by, statement_registration, statement_user_id, swv_id)
           VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16) RETURNING id`,
          [actor.regionId, body.youngPersonId, body.article, schoolYear(body.validFrom), body.validFrom, validUntil, body.statementBy ?? null,
            body.statementRole ?? null, body.statementDate ?? null, body.statementOwnPractitioner ?? false, body.neverAble ?? false, status, actor.userId,
            body.article === '5a' ? body.statementRegistration ?? null : null, body.article === '5a' ? body.statementUserId ?? null : null, yp.swv_id]);
        await appendAudit(q, { chainKey: youngPersonChain(body.youngPersonId), kind: 'exemption.registered', regionId: actor.regionId, actorUserId: actor.userId, youngPersonId: body.youngPersonId, subjectType: 'exemption', subjectId: row!.id, basis: 'legal_task', details: { article: body.article } });
        await addTimeline(q, { regionId: actor.regionId, youngPersonId: body.youngPersonId, kind: 'exemption.registered', actorUserId: actor.userId, subjectId: row!.id, summary: { article: body.article, status } });
        return view((await q.query<Row>(`${SELECT} WHERE x.region_id = $1 AND x.id = $2`, [actor.regionId, row!.id]))[0]!, actor);
      });
    },

    /** The second pair of eyes for 5 onder a: confirm or reject, always with a written reason. */
    async review(actor: Actor, id: string, ifMatch: number, body: { decision: 'confirm' | 'reject'; reason: string }) {
      return db.tx(async (q) => {
        const [r] = await q.query<Row>(`${SELECT} WHERE x.id = $1 AND x.region_id = $2`, [id, actor.regionId]);
        if (!r) throw new AppError('not_found');
        // An SWV's people review only their own SWV's children; to others it does not exist.
        if (!isLeerplicht(actor) && !(r.swv_id && swvIds(actor).includes(r.swv_id))) throw new AppError('not_found');
        if (!leerplichtPolicy.reviewExemption(actor, { registeredBy: r.registered_by, swvId: r.swv_id })) {
          throw new AppError('forbidden', { en: 'A second person must review this exemption.', nl: 'Een tweede persoon moet deze vrijstelling beoordelen.' });
        }
        if (r.status !== 'pending_review') throw new AppError('conflict', { en: 'This exemption was already reviewed.', nl: 'Deze vrijstelling is al beoordeeld.', current: view(r) });
        if (r.version !== ifMatch) throw new AppError('conflict', { current: view(r) });
        // Confirming checks independence again: the author may have joined the network since.
        if (body.decision === 'confirm' && r.article === '5a' && r.statement_by && r.statement_date) {
          await assertIndependentStatement(q, r.region_id, r.young_person_id, { by: r.statement_by, userId: r.statement_user_id, date: r.statement_date }, today());
        }
        await q.query(`UPDATE exemptions SET status = $2, reviewer_user_id = $3, review_reason = $4, reviewed_at = now(), version = version + 1 WHERE id = $1 AND region_id = $5`,
          [id, body.decision === 'confirm' ? 'confirmed' : 'rejected', actor.userId, body.reason, r.region_id]);
        await appendAudit(q, { chainKey: youngPersonChain(r.young_person_id), kind: 'exemption.reviewed', regionId: r.region_id, actorUserId: actor.userId, youngPersonId: r.young_person_id, subjectType: 'exemption', subjectId: id, basis: 'legal_task', details: { decision: body.decision } });
        await addTimeline(q, { regionId: r.region_id, youngPersonId: r.young_person_id, kind: 'exemption.reviewed', actorUserId: actor.userId, subjectId: id, summary: { decision: body.decision } });
        await notify(q, { regionId: r.region_id, userId: r.registered_by, kind: 'exemption.reviewed', youngPersonId: r.young_person_id, payload: { exemptionId: id, decision: body.decision } });
        return view((await q.query<Row>(`${SELECT} WHERE x.region_id = $1 AND x.id = $2`, [r.region_id, id]))[0]!, actor);
      });
    },
  };
}

export type ExemptionsService = ReturnType<typeof createExemptionsService>;
