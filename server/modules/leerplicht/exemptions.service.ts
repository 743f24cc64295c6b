/**
 * Exemptions (vrijstellingen) from Leerplichtwet art. 5 onder a, b, c and art. 15.
 * 5 onder a ("not fit for school") is "no, unless": it stays pending until a second
 * reviewer (leerplicht or the SWV's education-care team, never the person who
 * registered it) confirms it with a written reason. The statement must come from an
 * independent doctor, psychologist or pedagogue, not the child's own practitioner.
 * Valid for the school year; renewal reminders go out before 1 July.
 */
import type { Db } from '../../core/db.ts';
import { AppError } from '../../core/errors.ts';
import { appendAudit, youngPersonChain } from '../../core/audit.ts';
import { addTimeline, notify } from '../../core/access.ts';
import type { Actor } from '../../core/session.ts';
import { leerplichtEnd, schoolYear, schoolYearEnd, dutyOn } from '../../../shared/leerplicht-age.ts';
import { leerplichtPolicy } from './leerplicht.policy.ts';
import type { ExemptionBody } from './leerplicht.schemas.ts';

interface Row {
  id: string; young_person_id: string; region_id: string; given_name: string; family_name: string; article: string; school_year: string;
  valid_from: string; valid_until: string; statement_by: string | null; statement_role: string | null; statement_date: string | null;
  never_able: boolean; status: 'pending_review' | 'confirmed' | 'rejected'; review_reason: string | null; registered_by: string; version: number;
}
const view = (r: Row, actor?: Actor) => ({
  id: r.id, youngPersonId: r.young_person_id, name: `${r.given_name} ${r.family_name}`, article: r.article, schoolYear: r.school_year,
  validFrom: r.valid_from, validUntil: r.valid_until, statementBy: r.statement_by, statementRole: r.statement_role, statementDate: r.statement_date,
  neverAble: r.never_able, status: r.status, reviewReason: r.review_reason, version: r.version,
  allowedActions: actor && r.status === 'pending_review' && leerplichtPolicy.reviewExemption(actor, { registeredBy: r.registered_by }) ? ['review'] : [],
});
const SELECT = `SELECT x.*, y.given_name, y.family_name FROM exemptions x JOIN young_people y ON y.region_id = x.region_id AND y.id = x.young_person_id`;

export function createExemptionsService(db: Db) {
  return {
    async list(actor: Actor) {
      if (!leerplichtPolicy.registerExemption(actor) && !actor.memberships.some((m) => m.role === 'swv_coordinator')) throw new AppError('forbidden');
      const rows = await db.query<Row>(`${SELECT} WHERE x.region_id = $1 ORDER BY x.status = 'pending_review' DESC, x.valid_until DESC LIMIT 500`, [actor.regionId]);
      return rows.map((r) => view(r, actor));
    },

    async register(actor: Actor, body: ExemptionBody) {
      if (!leerplichtPolicy.registerExemption(actor)) throw new AppError('forbidden');
      const [yp] = await db.query<{ birth_date: string }>(`SELECT birth_date FROM young_people WHERE id = $1 AND region_id = $2`, [body.youngPersonId, actor.regionId]);
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
      }
      const validUntil = body.article === '5a' && body.neverAble ? leerplichtEnd(yp.birth_date) : schoolYearEnd(body.validFrom);
      const status = body.article === '5a' ? 'pending_review' : 'confirmed';
      return db.tx(async (q) => {
        const [row] = await q.query<{ id: string }>(
          `INSERT INTO exemptions (region_id, young_person_id, article, school_year, valid_from, valid_until, statement_by, statement_role, statement_date,
             statement_own_practitioner, never_able, status, registered_by) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13) RETURNING id`,
          [actor.regionId, body.youngPersonId, body.article, schoolYear(body.validFrom), body.validFrom, validUntil, body.statementBy ?? null,
            body.statementRole ?? null, body.statementDate ?? null, body.statementOwnPractitioner ?? false, body.neverAble ?? false, status, actor.userId]);
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
        if (!leerplichtPolicy.reviewExemption(actor, { registeredBy: r.registered_by })) {
          throw new AppError('forbidden', { en: 'A second person must review this exemption.', nl: 'Een tweede persoon moet deze vrijstelling beoordelen.' });
        }
        if (r.status !== 'pending_review') throw new AppError('conflict', { en: 'This exemption was already reviewed.', nl: 'Deze vrijstelling is al beoordeeld.', current: view(r) });
        if (r.version !== ifMatch) throw new AppError('conflict', { current: view(r) });
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
