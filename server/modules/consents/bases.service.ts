/**
 * The other bases for sharing than consent, and emergency access:
 *
 * - A **legal basis** (legal task, Meldcode, vital interest) is recorded by a professional for their
 *   own organisation with a written justification. It opens nothing until someone else reviewed it:
 *   a privacy officer, by rule (privacy/privacy.policy.ts) — never chosen by the recorder. Where the
 *   law allows acting before review (Meldcode, vital interest) it opens access for 24 hours, the
 *   lead and (unless that endangers the child) the family are told, and a rejection ends it at once.
 * - **Break-the-glass**: only roles the region lists (default youth care / wijkteam, JGZ, leerplicht),
 *   for a named emergency, 24 hours. The lead reviews it; a child without a lead gets the privacy
 *   officer. "Unjustified" ends the grant at once and blocks new grants by that person for that
 *   child until a privacy officer lifts the block. The family is told unless that endangers the child.
 */
import type { Db, Queryable } from '../../core/db.ts';
import { AppError } from '../../core/errors.ts';
import { appendAudit, userChain, youngPersonChain } from '../../core/audit.ts';
import { addTimeline, auditDenied, notify, withChild } from '../../core/access.ts';
import { actorRegions, type Actor } from '../../core/session.ts';
import { isValidBsn, normaliseBsn } from '../../../shared/bsn.ts';
import { ageOn, today } from '../../../shared/dates.ts';
import { childPolicy } from '../children/children.policy.ts';
import { privacyOfficersFor } from '../privacy/privacy.policy.ts';
import { consentsView } from './consents.service.ts';
import type { BreakGlassBody, LegalBasisBody } from './consents.schemas.ts';

/** How long an emergency grant, or a Meldcode / vital-interest basis before review, opens access. */
export const EMERGENCY_HOURS = 24;

/** The family accounts that are told about emergency access: the young person's own, and parents with gezag while they see the file. */
async function familyAccounts(q: Queryable, regionId: string, youngPersonId: string): Promise<string[]> {
  const [y] = await q.query<{ user_id: string | null; birth_date: string; parents_access: string; guardians: string[] }>(
    `SELECT y.user_id, y.birth_date, y.parents_access,
            COALESCE((SELECT array_agg(g.parent_user_id) FROM guardianships g
                       WHERE g.region_id = $2 AND g.young_person_id = y.id AND g.has_authority), '{}') AS guardians
       FROM young_people y WHERE y.region_id = $2 AND y.id = $1`, [youngPersonId, regionId]);
  if (!y) return [];
  const age = ageOn(y.birth_date, today());
  const out: string[] = [];
  if (y.user_id) out.push(y.user_id);
  if (age < 18 && !(age >= 16 && y.parents_access === 'hidden')) out.push(...y.guardians);
  return out;
}

export function createBasesService(db: Db) {
  return {
    async recordLegalBasis(actor: Actor, childId: string, body: LegalBasisBody) {
      if (body.endangering && !body.endangeringReason) throw new AppError('validation_failed', { fields: { endangeringReason: 'say why showing this to the family would endanger the child' } });
      return withChild(db, actor, childId, { rule: childPolicy.recordLegalBasis, audit: 'basis.recorded', subjectType: 'legal_basis', details: { kind: body.kind, organisationId: body.organisationId, endangering: Boolean(body.endangering) } }, async (q, a) => {
        // A legal basis is an organisation's own: a professional records one only for an organisation they work for.
        if (!actor.memberships.some((m) => m.organisationId === body.organisationId)) {
          throw new AppError('validation_failed', { fields: { organisationId: 'not one of your organisations' } });
        }
        const reviewers = await privacyOfficersFor(q, body.organisationId, actor.userId);
        if (reviewers.length === 0) {
          throw new AppError('unprocessable', {
            en: 'Nobody can review this basis: your organisation and region have no privacy officer. Ask your administrator to appoint one.',
            nl: 'Niemand kan deze grondslag beoordelen: uw organisatie en regio hebben geen functionaris gegevensbescherming. Vraag uw beheerder er een aan te wijzen.',
          });
        }
        const provisional = body.kind === 'meldcode' || body.kind === 'vital_interest';
        const [row] = await q.query<{ id: string }>(
          `INSERT INTO legal_bases (region_id, young_person_id, kind, organisation_id, justification, recorded_by, valid_until, endangering, endangering_reason, provisional_until)
           VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9, CASE WHEN $10 THEN now() + make_interval(hours => $11) END) RETURNING id`,
          [a.regionId, childId, body.kind, body.organisationId, body.justification, actor.userId, body.validUntil ?? null, Boolean(body.endangering),
            body.endangeringReason ?? null, provisional, EMERGENCY_HOURS]);
        if (body.endangering) {
          await appendAudit(q, { chainKey: youngPersonChain(childId), kind: 'basis.endangering_marked', regionId: a.regionId, actorUserId: actor.userId, actorOrganisationId: a.organisationId, youngPersonId: childId, subjectType: 'legal_basis', subjectId: row!.id, basis: a.basis });
        }
        await addTimeline(q, { regionId: a.regionId, youngPersonId: childId, kind: 'basis.recorded', actorUserId: actor.userId, subjectId: row!.id, summary: { kind: body.kind, provisional }, familyVisible: !body.endangering });
        for (const reviewer of reviewers) {
          await notify(q, { regionId: a.regionId, userId: reviewer, kind: 'basis.review_requested', youngPersonId: null, payload: { legalBasisId: row!.id, kind: body.kind }, dedupeKey: `basis-review:${row!.id}` });
        }
        if (provisional) {
          // Acting before review is never acting unseen: the lead, and the family unless that endangers the child.
          const told = new Set<string>();
          if (a.leadUserId && a.leadUserId !== actor.userId) told.add(a.leadUserId);
          if (!body.endangering) for (const f of await familyAccounts(q, a.regionId, childId)) told.add(f);
          for (const userId of told) {
            await notify(q, { regionId: a.regionId, userId, kind: 'basis.acted_before_review', youngPersonId: childId, payload: { legalBasisId: row!.id, kind: body.kind, organisation: actor.memberships.find((m) => m.organisationId === body.organisationId)?.organisationName ?? null } });
          }
        }
        return consentsView(q, a, actor);
      });
    },

    /** A privacy officer who covers the basis's organisation — not the person who recorded it — confirms or rejects it. */
    async reviewLegalBasis(actor: Actor, basisId: string, body: { outcome: 'confirmed' | 'rejected'; note: string; endangeringOutcome?: 'confirmed' | 'rejected' }) {
      const [lb] = await db.query<{ young_person_id: string; organisation_id: string; region_id: string; endangering: boolean; reviewed_at: Date | null; recorded_by: string }>(
        `SELECT young_person_id, organisation_id, region_id, endangering, reviewed_at, recorded_by FROM legal_bases WHERE region_id = ANY($2::uuid[]) AND id = $1`,
        [basisId, actorRegions(actor)]);
      if (!lb || lb.recorded_by === actor.userId || !(await privacyOfficersFor(db, lb.organisation_id, lb.recorded_by)).includes(actor.userId)) {
        if (lb) await auditDenied(db, actor, lb.young_person_id, lb.region_id, 'basis.reviewed');
        throw new AppError('not_found');
      }
      if (lb.reviewed_at) throw new AppError('conflict', { en: 'This basis was already reviewed.', nl: 'Deze grondslag is al beoordeeld.' });
      await db.tx(async (q) => {
        // The time as a parameter: Citus refuses now() inside CASE in an UPDATE.
        const done = await q.query(
          `UPDATE legal_bases SET review_outcome = $2, review_note = $3, reviewed_at = $7, reviewed_by = $5,
              endangering_review_outcome = CASE WHEN endangering THEN $4 ELSE NULL END,
              endangering_reviewed_at = CASE WHEN endangering THEN $7::timestamptz ELSE NULL END, version = version + 1
            WHERE region_id = $6 AND id = $1 AND reviewed_at IS NULL RETURNING id`,
          [basisId, body.outcome, body.note, body.endangeringOutcome ?? (lb.endangering ? 'confirmed' : null), actor.userId, lb.region_id, new Date()]);
        if (done.length === 0) throw new AppError('conflict', { en: 'This basis was already reviewed.', nl: 'Deze grondslag is al beoordeeld.' });
        await appendAudit(q, { chainKey: youngPersonChain(lb.young_person_id), kind: 'basis.reviewed', regionId: lb.region_id, actorUserId: actor.userId, youngPersonId: lb.young_person_id, subjectType: 'legal_basis', subjectId: basisId, basis: 'review', details: { outcome: body.outcome, endangeringOutcome: body.endangeringOutcome ?? null } });
        await addTimeline(q, { regionId: lb.region_id, youngPersonId: lb.young_person_id, kind: 'basis.reviewed', actorUserId: actor.userId, subjectId: basisId, summary: { outcome: body.outcome }, familyVisible: !lb.endangering || body.endangeringOutcome === 'rejected' });
        await notify(q, { regionId: lb.region_id, userId: lb.recorded_by, kind: 'basis.reviewed', youngPersonId: lb.young_person_id, payload: { legalBasisId: basisId, outcome: body.outcome } });
      });
      return { id: basisId, reviewOutcome: body.outcome };
    },

    /**
     * Break-the-glass: a professional of a role the region lists gets 24 hours of access for a named
     * emergency; the reviewer (lead, or the privacy officer) and the family are told at once.
     */
    async breakGlass(actor: Actor, body: BreakGlassBody) {
      const [region] = await db.query<{ break_glass_roles: string[] }>(`SELECT break_glass_roles FROM regions WHERE id = $1`, [actor.regionId]);
      const membership = actor.memberships.find((m) => m.regionId === actor.regionId && (region?.break_glass_roles ?? []).includes(m.role));
      if (!membership) {
        throw new AppError('forbidden', {
          en: 'Emergency access is for the roles your region lists (youth care, wijkteam, JGZ, leerplicht). Call the lead professional or Veilig Thuis.',
          nl: 'Noodtoegang is voor de rollen die uw regio noemt (jeugdhulp, wijkteam, JGZ, leerplicht). Bel de regisseur of Veilig Thuis.',
        });
      }
      const bsn = body.bsn ? normaliseBsn(body.bsn) : null;
      if (body.bsn && (!bsn || !isValidBsn(bsn))) throw new AppError('invalid_bsn', { fields: { bsn: 'does not pass the elfproef' } });
      if (!bsn && !(body.givenName && body.familyName && body.birthDate)) {
        throw new AppError('validation_failed', { fields: { bsn: 'give a BSN, or the given name, family name and date of birth' } });
      }
      const [yp] = await db.query<{ id: string; region_id: string }>(
        `SELECT id, region_id FROM young_people WHERE region_id = $1 AND (($2::text IS NOT NULL AND bsn = $2)
           OR ($2::text IS NULL AND lower(given_name) = lower($3) AND lower(family_name) = lower($4) AND birth_date = $5::date))`,
        [actor.regionId, bsn, body.givenName ?? null, body.familyName ?? null, body.birthDate ?? null]);
      if (!yp) {
        await appendAudit(db, { chainKey: userChain(actor.userId), kind: 'access.denied', outcome: 'denied', regionId: actor.regionId, actorUserId: actor.userId, subjectType: 'break_glass', details: { attempted: 'break_glass.started', found: false } });
        throw new AppError('not_found');
      }
      const [blocked] = await db.query(
        `SELECT 1 FROM break_glass_grants WHERE region_id = $3 AND young_person_id = $1 AND user_id = $2 AND review_outcome = 'unjustified' AND block_lifted_at IS NULL`,
        [yp.id, actor.userId, yp.region_id]);
      if (blocked) {
        await auditDenied(db, actor, yp.id, yp.region_id, 'break_glass.started');
        throw new AppError('forbidden', {
          en: 'Your earlier emergency access to this child was judged unjustified. Only the privacy officer can lift that.',
          nl: 'Uw eerdere noodtoegang bij dit kind is als onterecht beoordeeld. Alleen de functionaris gegevensbescherming kan dat opheffen.',
        });
      }
      return db.tx(async (q) => {
        const [grant] = await q.query<{ id: string; expires_at: Date }>(
          `INSERT INTO break_glass_grants (region_id, young_person_id, user_id, organisation_id, reason, emergency, family_endangered, expires_at)
           VALUES ($1,$2,$3,$4,$5,$6,$7, now() + make_interval(hours => $8)) RETURNING id, expires_at`,
          [yp.region_id, yp.id, actor.userId, membership.organisationId, body.reason, body.emergency, Boolean(body.familyEndangered), EMERGENCY_HOURS]);
        await appendAudit(q, { chainKey: youngPersonChain(yp.id), kind: 'break_glass.started', regionId: yp.region_id, actorUserId: actor.userId, actorOrganisationId: membership.organisationId, youngPersonId: yp.id, subjectType: 'break_glass', subjectId: grant!.id, basis: 'break_glass', details: { emergency: body.emergency, familyEndangered: Boolean(body.familyEndangered) } });
        await addTimeline(q, { regionId: yp.region_id, youngPersonId: yp.id, kind: 'break_glass.started', actorUserId: actor.userId, subjectId: grant!.id, summary: { organisation: membership.organisationName, emergency: body.emergency }, familyVisible: !body.familyEndangered });
        const [net] = await q.query<{ lead_user_id: string | null }>(
          `SELECT lead_user_id FROM networks WHERE region_id = $2 AND young_person_id = $1 AND status = 'active'`, [yp.id, yp.region_id]);
        const payload = { grantId: grant!.id, by: actor.displayName, organisation: membership.organisationName, reason: body.reason, emergency: body.emergency };
        // The lead reviews; a child without a lead gets the privacy officer, who is also told when the family is not.
        const officers = !net?.lead_user_id || body.familyEndangered ? await privacyOfficersFor(q, membership.organisationId, actor.userId) : [];
        if (net?.lead_user_id) await notify(q, { regionId: yp.region_id, userId: net.lead_user_id, kind: 'break_glass.started', youngPersonId: yp.id, payload });
        for (const officer of officers) {
          await notify(q, { regionId: yp.region_id, userId: officer, kind: 'break_glass.review_requested', youngPersonId: null, payload: { grantId: grant!.id, by: actor.displayName, organisation: membership.organisationName, emergency: body.emergency } });
        }
        if (!body.familyEndangered) {
          for (const f of await familyAccounts(q, yp.region_id, yp.id)) {
            await notify(q, { regionId: yp.region_id, userId: f, kind: 'break_glass.family_notice', youngPersonId: yp.id, payload: { organisation: membership.organisationName } });
          }
        }
        return { youngPersonId: yp.id, expiresAt: new Date(grant!.expires_at).toISOString() };
      });
    },

    /** The lead reviews an emergency access; "unjustified" ends it at once and blocks new grants (breakGlassReviewTx). */
    async reviewBreakGlass(actor: Actor, childId: string, grantId: string, outcome: 'justified' | 'unjustified', note?: string) {
      return withChild(db, actor, childId, { rule: childPolicy.reviewBreakGlass, audit: 'break_glass.reviewed', subjectType: 'break_glass', subjectId: grantId, details: { outcome, as: 'lead' } }, async (q, a) => {
        return breakGlassReviewTx(q, actor, a.regionId, grantId, outcome, note, childId);
      });
    },
  };
}

/**
 * Records a break-the-glass review of a grant in regionId (the child's region). "Unjustified" ends
 * the grant now; the privacy officer is told.
 */
export async function breakGlassReviewTx(
  q: Queryable, actor: Actor, regionId: string, grantId: string, outcome: 'justified' | 'unjustified', note: string | undefined, childId?: string,
) {
  // The time as a parameter: Citus refuses now() inside CASE in an UPDATE.
  const rows = await q.query<{ region_id: string; young_person_id: string; user_id: string; organisation_id: string }>(
    `UPDATE break_glass_grants SET review_outcome = $3, reviewed_by = $4, reviewed_at = $7, review_note = $5,
            ended_at = CASE WHEN $3 = 'unjustified' THEN LEAST($7::timestamptz, expires_at) ELSE ended_at END
      WHERE region_id = $6 AND id = $1 AND ($2::uuid IS NULL OR young_person_id = $2) AND reviewed_at IS NULL AND user_id <> $4
      RETURNING region_id, young_person_id, user_id, organisation_id`, [grantId, childId ?? null, outcome, actor.userId, note ?? null, regionId, new Date()]);
  const g = rows[0];
  if (!g) {
    const [exists] = await q.query<{ reviewed: boolean }>(
      `SELECT reviewed_at IS NOT NULL AS reviewed FROM break_glass_grants WHERE region_id = $3 AND id = $1 AND ($2::uuid IS NULL OR young_person_id = $2)`,
      [grantId, childId ?? null, regionId]);
    if (exists?.reviewed) throw new AppError('conflict', { en: 'This emergency access was already reviewed.', nl: 'Deze noodtoegang is al beoordeeld.' });
    throw new AppError('not_found');
  }
  await addTimeline(q, { regionId: g.region_id, youngPersonId: g.young_person_id, kind: 'break_glass.reviewed', actorUserId: actor.userId, subjectId: grantId, summary: { outcome }, familyVisible: false });
  await notify(q, { regionId: g.region_id, userId: g.user_id, kind: 'break_glass.reviewed', youngPersonId: null, payload: { grantId, outcome } });
  if (outcome === 'unjustified') {
    for (const officer of await privacyOfficersFor(q, g.organisation_id, g.user_id)) {
      if (officer !== actor.userId) await notify(q, { regionId: g.region_id, userId: officer, kind: 'break_glass.unjustified', youngPersonId: null, payload: { grantId } });
    }
  }
  return { id: grantId, reviewOutcome: outcome };
}
