/**
 * Consent and the other bases for sharing: who must consent (by age on the day),
 * giving and withdrawing (withdrawal takes effect at once), legal bases with a
 * written justification and a reviewer, and break-the-glass.
 */
import type { Db, Queryable } from '../../core/db.ts';
import { AppError } from '../../core/errors.ts';
import { appendAudit, userChain, youngPersonChain } from '../../core/audit.ts';
import { addTimeline, auditDenied, CASE_ROLES, loadConsentRows, notify, withChild, type ChildAccess } from '../../core/access.ts';
import type { Actor } from '../../core/session.ts';
import { isValidBsn, normaliseBsn } from '../../../shared/bsn.ts';
import { ageBand, consentCoverage, flaggedByBirthday } from './consent-rules.ts';
import { allowedActions, childPolicy } from '../children/children.policy.ts';
import type { BreakGlassBody, ConsentBody, LegalBasisBody } from './consents.schemas.ts';

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

export async function consentsView(q: Queryable, a: ChildAccess, actor: Actor) {
  const family = a.level === 'guardian' || a.level === 'self';
  const band = ageBand(a.birthDate, a.today);
  const [yp] = await q.query<{ given_name: string; family_name: string; user_id: string | null }>(
    `SELECT given_name, family_name, user_id FROM young_people WHERE id = $1`, [a.youngPersonId]);
  const guardians = await q.query<{ id: string; display_name: string }>(
    `SELECT u.id, u.display_name FROM guardianships g JOIN users u ON u.id = g.parent_user_id
      WHERE g.young_person_id = $1 AND g.has_authority ORDER BY g.created_at, u.id`, [a.youngPersonId]);
  const ypName = `${yp!.given_name} ${yp!.family_name}`;
  const consenters = [
    ...(band !== '16_plus' ? guardians.map((g) => ({ userId: g.id, displayName: g.display_name, relation: 'parent' })) : []),
    ...(band !== 'under_12' ? [{ userId: yp!.user_id, displayName: ypName, relation: 'young_person' }] : []),
  ];
  const rows = await q.query<{
    id: string; purpose: string; recipient_organisation_id: string | null; org_name: string | null; recipient_role: string | null;
    consenter_user_id: string | null; consenter_name: string | null; consenter_relation: string; method: string; recorded_by: string;
    valid_from: string; valid_until: string | null; given_at: Date; withdrawn_at: Date | null; version: number;
  }>(
    `SELECT c.id, c.purpose, c.recipient_organisation_id, o.name AS org_name, c.recipient_role, c.consenter_user_id,
            u.display_name AS consenter_name, c.consenter_relation, c.method, r.display_name AS recorded_by, c.valid_from, c.valid_until,
            c.given_at, c.withdrawn_at, c.version
       FROM consents c LEFT JOIN organisations o ON o.id = c.recipient_organisation_id
       LEFT JOIN users u ON u.id = c.consenter_user_id JOIN users r ON r.id = c.recorded_by
      WHERE c.young_person_id = $1 ORDER BY c.given_at DESC`, [a.youngPersonId]);
  const consentRows = await loadConsentRows(q, a.youngPersonId);
  // Coverage for every organisation in the network and every organisation named in a consent.
  const orgs = await q.query<{ id: string; name: string; role: string | null }>(
    `SELECT DISTINCT o.id, o.name, i.role FROM involvements i JOIN organisations o ON o.id = i.organisation_id
      WHERE i.young_person_id = $1 AND (i.ends_on IS NULL OR i.ends_on >= $2)
     UNION
     SELECT DISTINCT o.id, o.name, NULL FROM consents c JOIN organisations o ON o.id = c.recipient_organisation_id WHERE c.young_person_id = $1
     ORDER BY 2`, [a.youngPersonId, a.today]);
  const legal = await q.query<{
    id: string; kind: string; organisation_id: string; org_name: string; justification: string; recorded_by: string; recorded_at: Date;
    valid_until: string | null; reviewer: string; review_outcome: string | null; endangering: boolean; endangering_review_outcome: string | null;
  }>(
    `SELECT l.id, l.kind, l.organisation_id, o.name AS org_name, l.justification, u.display_name AS recorded_by, l.recorded_at, l.valid_until,
            r.display_name AS reviewer, l.review_outcome, l.endangering, l.endangering_review_outcome
       FROM legal_bases l JOIN organisations o ON o.id = l.organisation_id JOIN users u ON u.id = l.recorded_by JOIN users r ON r.id = l.reviewer_user_id
      WHERE l.young_person_id = $1 ORDER BY l.recorded_at DESC`, [a.youngPersonId]);
  const activeLegal = (orgId: string) => legal.find((l) => l.organisation_id === orgId && l.review_outcome !== 'rejected' && (!l.valid_until || l.valid_until >= a.today));
  const seen = new Set<string>();
  const coverage = [];
  for (const o of orgs) {
    if (seen.has(o.id)) continue;
    seen.add(o.id);
    const input = { birthDate: a.birthDate, guardianIds: a.guardianIds, youngPersonUserId: a.youngPersonUserId, consents: consentRows, recipient: { organisationId: o.id, role: o.role ?? undefined }, on: a.today };
    const cov = consentCoverage(input);
    const names = cov.missing.map((m) => (m === 'young_person' ? ypName : m === 'guardian' ? 'ouder met gezag / parent with authority' : guardians.find((g) => g.id === m)?.display_name ?? m));
    const lb = activeLegal(o.id);
    const hiddenLegal = lb && family && lb.endangering && lb.endangering_review_outcome !== 'rejected';
    coverage.push({
      organisationId: o.id, organisationName: o.name, covered: cov.covered || Boolean(lb && !hiddenLegal), missing: names,
      flagged: !cov.covered && flaggedByBirthday(input), basis: cov.covered ? 'consent' : lb && !hiddenLegal ? lb.kind : null,
    });
  }
  return {
    rule: { ageBand: band, consenters },
    consents: rows.map((r) => {
      const active = !r.withdrawn_at && r.valid_from <= a.today && (!r.valid_until || r.valid_until >= a.today);
      const own = r.consenter_user_id === actor.userId;
      return {
        id: r.id, purpose: r.purpose,
        recipient: { organisationId: r.recipient_organisation_id, organisationName: r.org_name, role: r.recipient_role },
        givenBy: { userId: r.consenter_user_id, displayName: r.consenter_name ?? ypName, relation: r.consenter_relation },
        method: r.method, recordedBy: r.recorded_by, validFrom: r.valid_from, validUntil: r.valid_until,
        givenAt: iso(r.given_at)!, withdrawnAt: iso(r.withdrawn_at), active, version: r.version,
        canWithdraw: !r.withdrawn_at && (own || (!family && childPolicy.withdrawConsent(a))),
      };
    }),
    coverage,
    // The family sees every basis except one marked as endangering the child (unless that marking was rejected on review).
    legalBases: legal
      .filter((l) => !(family && l.endangering && l.endangering_review_outcome !== 'rejected'))
      .map((l) => ({
        id: l.id, kind: l.kind, organisationId: l.organisation_id, organisationName: l.org_name, justification: l.justification,
        recordedBy: l.recorded_by, recordedAt: iso(l.recorded_at)!, validUntil: l.valid_until, reviewer: l.reviewer,
        reviewOutcome: l.review_outcome, endangering: l.endangering,
      })),
    allowedActions: allowedActions(a, ['recordConsent', 'withdrawConsent', 'recordLegalBasis']),
  };
}

async function notifyLead(q: Queryable, a: ChildAccess, actor: Actor, kind: string, payload: Record<string, unknown>) {
  if (a.leadUserId && a.leadUserId !== actor.userId) {
    await notify(q, { regionId: a.regionId, userId: a.leadUserId, kind, youngPersonId: a.youngPersonId, payload });
  }
}

export function createConsentsService(db: Db) {
  return {
    async list(actor: Actor, childId: string) {
      return withChild(db, actor, childId, { rule: childPolicy.readConsents, audit: 'consent.read', subjectType: 'consents', readOnly: true }, (q, a) => consentsView(q, a, actor));
    },

    async give(actor: Actor, childId: string, body: ConsentBody) {
      if ((body.recipientOrganisationId === undefined) === (body.recipientRole === undefined)) {
        throw new AppError('validation_failed', { fields: { recipientOrganisationId: 'give either an organisation or a role' } });
      }
      return withChild(db, actor, childId, { rule: childPolicy.recordConsent, audit: 'consent.given', subjectType: 'consent', details: { purpose: body.purpose, recipientOrganisationId: body.recipientOrganisationId ?? null, recipientRole: body.recipientRole ?? null } }, async (q, a) => {
        const band = ageBand(a.birthDate, a.today);
        let consenter: string | null;
        let relation: 'parent' | 'young_person';
        let method = body.method ?? 'in_app';
        if (a.level === 'guardian') {
          consenter = actor.userId; relation = 'parent'; method = 'in_app';
        } else if (a.level === 'self') {
          consenter = actor.userId; relation = 'young_person'; method = 'in_app';
        } else {
          relation = body.consenterRelation ?? (body.consenterUserId ? 'parent' : 'young_person');
          consenter = relation === 'young_person' ? a.youngPersonUserId : body.consenterUserId ?? null;
          if (method === 'in_app') throw new AppError('validation_failed', { fields: { method: 'a professional records consent given verbally or in writing' } });
          if (relation === 'parent' && (!consenter || !a.guardianIds.includes(consenter))) {
            throw new AppError('validation_failed', { fields: { consenterUserId: 'not a parent with parental authority of this young person' } });
          }
        }
        if (relation === 'parent' && band === '16_plus') {
          throw new AppError('unprocessable', { en: 'From 16 the young person decides alone; parents cannot consent for them.', nl: 'Vanaf 16 jaar beslist de jongere zelf. Ouders kunnen geen toestemming geven.' });
        }
        if (relation === 'young_person' && band === 'under_12') {
          throw new AppError('unprocessable', { en: 'Under 12 the parents with parental authority decide.', nl: 'Onder de 12 jaar beslissen de ouders met gezag.' });
        }
        if (body.recipientOrganisationId) {
          const [org] = await q.query(`SELECT 1 FROM organisations WHERE id = $1 AND region_id = $2`, [body.recipientOrganisationId, a.regionId]);
          if (!org) throw new AppError('validation_failed', { fields: { recipientOrganisationId: 'unknown organisation' } });
        }
        const validFrom = body.validFrom ?? a.today;
        if (body.validUntil && body.validUntil < validFrom) throw new AppError('validation_failed', { fields: { validUntil: 'must be after the start date' } });
        const [row] = await q.query<{ id: string }>(
          `INSERT INTO consents (region_id, young_person_id, purpose, recipient_organisation_id, recipient_role, consenter_user_id,
             consenter_relation, method, recorded_by, valid_from, valid_until)
           VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11) RETURNING id`,
          [a.regionId, childId, body.purpose, body.recipientOrganisationId ?? null, body.recipientRole ?? null, consenter, relation,
            method, actor.userId, validFrom, body.validUntil ?? null]);
        await addTimeline(q, { regionId: a.regionId, youngPersonId: childId, kind: 'consent.given', actorUserId: actor.userId, subjectId: row!.id, summary: { purpose: body.purpose, relation, recipientOrganisationId: body.recipientOrganisationId ?? null, recipientRole: body.recipientRole ?? null } });
        await notifyLead(q, a, actor, 'consent.given', { consentId: row!.id });
        return consentsView(q, a, actor);
      });
    },

    /** Withdrawal takes effect at once. The consenter withdraws their own; a professional may record a withdrawal said to them. */
    async withdraw(actor: Actor, childId: string, consentId: string) {
      return withChild(db, actor, childId, { rule: childPolicy.withdrawConsent, audit: 'consent.withdrawn', subjectType: 'consent', subjectId: consentId }, async (q, a) => {
        const [c] = await q.query<{ consenter_user_id: string | null; consenter_relation: string; withdrawn_at: Date | null; version: number }>(
          `SELECT consenter_user_id, consenter_relation, withdrawn_at, version FROM consents WHERE id = $1 AND young_person_id = $2 FOR UPDATE`, [consentId, childId]);
        if (!c) throw new AppError('not_found');
        const family = a.level === 'guardian' || a.level === 'self';
        if (family && c.consenter_user_id !== actor.userId) throw new AppError('forbidden', { en: 'You can withdraw only your own consent.', nl: 'U kunt alleen uw eigen toestemming intrekken.' });
        if (c.withdrawn_at) throw new AppError('conflict', { en: 'This consent was already withdrawn.', nl: 'Deze toestemming is al ingetrokken.', current: await consentsView(q, a, actor) });
        await q.query(`UPDATE consents SET withdrawn_at = now(), withdrawn_by = $2, version = version + 1 WHERE id = $1`, [consentId, actor.userId]);
        await addTimeline(q, { regionId: a.regionId, youngPersonId: childId, kind: 'consent.withdrawn', actorUserId: actor.userId, subjectId: consentId });
        await notifyLead(q, a, actor, 'consent.withdrawn', { consentId });
        return consentsView(q, a, actor);
      });
    },

    async recordLegalBasis(actor: Actor, childId: string, body: LegalBasisBody) {
      if (body.endangering && !body.endangeringReason) throw new AppError('validation_failed', { fields: { endangeringReason: 'say why showing this to the family would endanger the child' } });
      if (body.reviewerUserId === actor.userId) throw new AppError('validation_failed', { fields: { reviewerUserId: 'the reviewer must be someone else' } });
      return withChild(db, actor, childId, { rule: childPolicy.recordLegalBasis, audit: 'basis.recorded', subjectType: 'legal_basis', details: { kind: body.kind, organisationId: body.organisationId, endangering: Boolean(body.endangering) } }, async (q, a) => {
        const [rev] = await q.query(`SELECT 1 FROM users WHERE id = $1 AND kind = 'staff' AND region_id = $2 AND active`, [body.reviewerUserId, a.regionId]);
        if (!rev) throw new AppError('validation_failed', { fields: { reviewerUserId: 'unknown reviewer' } });
        const [org] = await q.query(`SELECT 1 FROM organisations WHERE id = $1 AND region_id = $2`, [body.organisationId, a.regionId]);
        if (!org) throw new AppError('validation_failed', { fields: { organisationId: 'unknown organisation' } });
        const [row] = await q.query<{ id: string }>(
          `INSERT INTO legal_bases (region_id, young_person_id, kind, organisation_id, justification, recorded_by, valid_until, reviewer_user_id, endangering, endangering_reason)
           VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10) RETURNING id`,
          [a.regionId, childId, body.kind, body.organisationId, body.justification, actor.userId, body.validUntil ?? null, body.reviewerUserId, Boolean(body.endangering), body.endangeringReason ?? null]);
        if (body.endangering) {
          await appendAudit(q, { chainKey: youngPersonChain(childId), kind: 'basis.endangering_marked', regionId: a.regionId, actorUserId: actor.userId, actorOrganisationId: a.organisationId, youngPersonId: childId, subjectType: 'legal_basis', subjectId: row!.id, basis: a.basis });
        }
        await addTimeline(q, { regionId: a.regionId, youngPersonId: childId, kind: 'basis.recorded', actorUserId: actor.userId, subjectId: row!.id, summary: { kind: body.kind }, familyVisible: !body.endangering });
        await notify(q, { regionId: a.regionId, userId: body.reviewerUserId, kind: 'basis.review_requested', youngPersonId: childId, payload: { legalBasisId: row!.id, kind: body.kind } });
        return consentsView(q, a, actor);
      });
    },

    /** Only the named reviewer reviews a legal basis (and its "endangering" marking). */
    async reviewLegalBasis(actor: Actor, basisId: string, body: { outcome: 'confirmed' | 'rejected'; note: string; endangeringOutcome?: 'confirmed' | 'rejected' }) {
      const [lb] = await db.query<{ young_person_id: string; reviewer_user_id: string; region_id: string; endangering: boolean; reviewed_at: Date | null }>(
        `SELECT young_person_id, reviewer_user_id, region_id, endangering, reviewed_at FROM legal_bases WHERE id = $1`, [basisId]);
      if (!lb || lb.reviewer_user_id !== actor.userId) {
        if (lb) await auditDenied(db, actor, lb.young_person_id, true, 'basis.reviewed');
        throw new AppError('not_found');
      }
      if (lb.reviewed_at) throw new AppError('conflict', { en: 'This basis was already reviewed.', nl: 'Deze grondslag is al beoordeeld.' });
      await db.tx(async (q) => {
        await q.query(
          `UPDATE legal_bases SET review_outcome = $2, review_note = $3, reviewed_at = now(),
              endangering_review_outcome = CASE WHEN endangering THEN $4 ELSE NULL END,
              endangering_reviewed_at = CASE WHEN endangering THEN now() ELSE NULL END, version = version + 1
            WHERE id = $1`,
          [basisId, body.outcome, body.note, body.endangeringOutcome ?? (lb.endangering ? 'confirmed' : null)]);
        await appendAudit(q, { chainKey: youngPersonChain(lb.young_person_id), kind: 'basis.reviewed', regionId: lb.region_id, actorUserId: actor.userId, youngPersonId: lb.young_person_id, subjectType: 'legal_basis', subjectId: basisId, basis: 'review', details: { outcome: body.outcome, endangeringOutcome: body.endangeringOutcome ?? null } });
        await addTimeline(q, { regionId: lb.region_id, youngPersonId: lb.young_person_id, kind: 'basis.reviewed', actorUserId: actor.userId, subjectId: basisId, summary: { outcome: body.outcome }, familyVisible: !lb.endangering || body.endangeringOutcome === 'rejected' });
      });
      return { id: basisId, reviewOutcome: body.outcome };
    },

    /**
     * Break-the-glass: a professional not in the network gets 24 hours of access with a
     * written reason; the lead professional is told at once and the grant is reviewed.
     */
    async breakGlass(actor: Actor, body: BreakGlassBody) {
      const membership = actor.memberships.find((m) => CASE_ROLES.includes(m.role));
      if (!membership) throw new AppError('forbidden');
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
      return db.tx(async (q) => {
        const [grant] = await q.query<{ id: string; expires_at: Date }>(
          `INSERT INTO break_glass_grants (region_id, young_person_id, user_id, organisation_id, reason, expires_at)
           VALUES ($1,$2,$3,$4,$5, now() + interval '24 hours') RETURNING id, expires_at`,
          [yp.region_id, yp.id, actor.userId, membership.organisationId, body.reason]);
        await appendAudit(q, { chainKey: youngPersonChain(yp.id), kind: 'break_glass.started', regionId: yp.region_id, actorUserId: actor.userId, actorOrganisationId: membership.organisationId, youngPersonId: yp.id, subjectType: 'break_glass', subjectId: grant!.id, basis: 'break_glass' });
        await addTimeline(q, { regionId: yp.region_id, youngPersonId: yp.id, kind: 'break_glass.started', actorUserId: actor.userId, subjectId: grant!.id, summary: { organisation: membership.organisationName } });
        const [net] = await q.query<{ lead_user_id: string | null }>(`SELECT lead_user_id FROM networks WHERE young_person_id = $1 AND status = 'active'`, [yp.id]);
        if (net?.lead_user_id) {
          await notify(q, { regionId: yp.region_id, userId: net.lead_user_id, kind: 'break_glass.started', youngPersonId: yp.id, payload: { grantId: grant!.id, by: actor.displayName, organisation: membership.organisationName, reason: body.reason } });
        }
        return { youngPersonId: yp.id, expiresAt: new Date(grant!.expires_at).toISOString() };
      });
    },

    async reviewBreakGlass(actor: Actor, childId: string, grantId: string, outcome: 'justified' | 'unjustified') {
      return withChild(db, actor, childId, { rule: childPolicy.reviewBreakGlass, audit: 'basis.reviewed', subjectType: 'break_glass', subjectId: grantId, details: { outcome } }, async (q) => {
        const rows = await q.query(
          `UPDATE break_glass_grants SET review_outcome = $3, reviewed_by = $4, reviewed_at = now()
            WHERE id = $1 AND young_person_id = $2 AND reviewed_at IS NULL RETURNING id`, [grantId, childId, outcome, actor.userId]);
        if (rows.length === 0) throw new AppError('not_found');
        return { id: grantId, reviewOutcome: outcome };
      });
    },
  };
}

export type ConsentsService = ReturnType<typeof createConsentsService>;
