/**
 * Consent and the other bases for sharing: who must consent (by age on the day),
 * giving and withdrawing (withdrawal takes effect at once), legal bases with a
 * written justification and a reviewer, and break-the-glass.
 */
import type { Db, Queryable } from '../../core/db.ts';
import { AppError } from '../../core/errors.ts';
import { addTimeline, LEGAL_BASIS_OPEN_SQL, notify, withChild, type ChildAccess } from '../../core/access.ts';
import type { Actor } from '../../core/session.ts';
import { ageBand, consentCoverage, flaggedByBirthday, type ConsentRow } from './consent-rules.ts';
import { allowedActions, childPolicy } from '../children/children.policy.ts';
import type { ConsentBody, LegalBasisOut } from './consents.schemas.ts';
import type { NotificationKind } from '../../../shared/notifications.ts';
import { createBasesService } from './bases.service.ts';

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

/** Where a legal basis stands, in one word for the screens. */
function legalStatus(l: { review_outcome: string | null; open: boolean; valid_until: string | null; provisional_until: Date | null }, on: string): LegalBasisOut['status'] {
  if (l.review_outcome === 'rejected') return 'rejected';
  if (l.valid_until && l.valid_until < on) return 'expired';
  if (l.review_outcome === 'confirmed') return 'confirmed';
  return l.open ? 'provisional' : l.provisional_until ? 'provisional_ended' : 'awaiting_review';
}

export async function consentsView(q: Queryable, a: ChildAccess, actor: Actor) {
  const family = a.level === 'guardian' || a.level === 'self';
  const band = ageBand(a.birthDate, a.today);
  const [yp] = await q.query<{ given_name: string; family_name: string; user_id: string | null }>(
    `SELECT given_name, family_name, user_id FROM young_people WHERE region_id = $2 AND id = $1`, [a.youngPersonId, a.regionId]);
  const guardians = await q.query<{ id: string; display_name: string }>(
    `SELECT u.id, u.display_name FROM guardianships g JOIN users u ON u.id = g.parent_user_id
      WHERE g.region_id = $2 AND g.young_person_id = $1 AND g.has_authority ORDER BY g.created_at, u.id`, [a.youngPersonId, a.regionId]);
  const ypName = `${yp!.given_name} ${yp!.family_name}`;
  const consenters = [
    ...(band !== '16_plus' ? guardians.map((g) => ({ userId: g.id, displayName: g.display_name, relation: 'parent' })) : []),
    ...(band !== 'under_12' ? [{ userId: yp!.user_id, displayName: ypName, relation: 'young_person' }] : []),
  ];
  const rows = await q.query<{
    id: string; purpose: string; recipient_organisation_id: string | null; org_name: string | null; recipient_role: string | null;
    consenter_user_id: string | null; consenter_name: string | null; consenter_relation: ConsentRow['relation']; method: string; recorded_by: string;
    valid_from: string; valid_until: string | null; given_at: Date; withdrawn_at: Date | null; version: number; status: 'pending' | 'confirmed' | 'declined'; recorded_by_id: string;
    withdrawn_by_name: string | null;
  }>(
    `SELECT c.id, c.purpose, c.recipient_organisation_id, o.name AS org_name, c.recipient_role, c.consenter_user_id,
            u.display_name AS consenter_name, c.consenter_relation, c.method, r.display_name AS recorded_by, c.valid_from, c.valid_until,
            c.given_at, c.withdrawn_at, c.version, c.status, c.recorded_by AS recorded_by_id, w.display_name AS withdrawn_by_name
       FROM consents c LEFT JOIN organisations o ON o.id = c.recipient_organisation_id
       LEFT JOIN users u ON u.id = c.consenter_user_id JOIN users r ON r.id = c.recorded_by LEFT JOIN users w ON w.id = c.withdrawn_by
      WHERE c.region_id = $2 AND c.young_person_id = $1 ORDER BY c.given_at DESC`, [a.youngPersonId, a.regionId]);
  // The confirmed ones, as the access decision reads them (core/access.ts, loadConsentRows): no second read.
  const consentRows: ConsentRow[] = rows.filter((r) => r.status === 'confirmed').map((r) => ({
    consenterUserId: r.consenter_user_id, relation: r.consenter_relation, recipientOrganisationId: r.recipient_organisation_id,
    recipientRole: r.recipient_role, purpose: r.purpose, validFrom: r.valid_from, validUntil: r.valid_until, withdrawn: r.withdrawn_at !== null,
  }));
  // Coverage for every organisation in the network and every organisation named in a consent.
  const orgs = await q.query<{ id: string; name: string; role: string | null }>(
    `SELECT DISTINCT o.id, o.name, i.role FROM involvements i JOIN organisations o ON o.id = i.organisation_id
      WHERE i.region_id = $3 AND i.young_person_id = $1 AND (i.ends_on IS NULL OR i.ends_on >= $2)
     UNION
     SELECT DISTINCT o.id, o.name, NULL FROM consents c JOIN organisations o ON o.id = c.recipient_organisation_id WHERE c.region_id = $3 AND c.young_person_id = $1
     ORDER BY 2`, [a.youngPersonId, a.today, a.regionId]);
  const legal = await q.query<{
    id: string; kind: string; organisation_id: string; org_name: string; justification: string; recorded_by: string; recorded_at: Date;
    valid_until: string | null; reviewer: string | null; review_outcome: string | null; endangering: boolean; endangering_review_outcome: string | null;
    provisional_until: Date | null; open: boolean;
  }>(
    `SELECT l.id, l.kind, l.organisation_id, o.name AS org_name, l.justification, u.display_name AS recorded_by, l.recorded_at, l.valid_until,
            COALESCE(r.display_name, rv.display_name) AS reviewer, l.review_outcome, l.endangering, l.endangering_review_outcome,
            l.provisional_until, ${LEGAL_BASIS_OPEN_SQL} AS open
       FROM legal_bases l JOIN organisations o ON o.id = l.organisation_id JOIN users u ON u.id = l.recorded_by
       LEFT JOIN users r ON r.id = l.reviewed_by LEFT JOIN users rv ON rv.id = l.reviewer_user_id
      WHERE l.region_id = $2 AND l.young_person_id = $1 ORDER BY l.recorded_at DESC`, [a.youngPersonId, a.regionId]);
  const activeLegal = (orgId: string) => legal.find((l) => l.organisation_id === orgId && l.open && (!l.valid_until || l.valid_until >= a.today));
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
      const active = r.status === 'confirmed' && !r.withdrawn_at && r.valid_from <= a.today && (!r.valid_until || r.valid_until >= a.today);
      const pending = r.status === 'pending' && !r.withdrawn_at;
      const own = r.consenter_user_id === actor.userId;
      return {
        id: r.id, purpose: r.purpose,
        recipient: { organisationId: r.recipient_organisation_id, organisationName: r.org_name, role: r.recipient_role },
        givenBy: { userId: r.consenter_user_id, displayName: r.consenter_name ?? ypName, relation: r.consenter_relation },
        method: r.method, recordedBy: r.recorded_by, validFrom: r.valid_from, validUntil: r.valid_until,
        givenAt: iso(r.given_at)!, withdrawnAt: iso(r.withdrawn_at), withdrawnBy: r.withdrawn_at ? r.withdrawn_by_name : null,
        expired: !r.withdrawn_at && r.valid_until !== null && r.valid_until < a.today, active, version: r.version, status: r.status,
        canWithdraw: !r.withdrawn_at && (own || (!family && childPolicy.withdrawConsent(a))),
        canConfirm: pending && (r.consenter_user_id !== null ? own : a.isLead && r.recorded_by_id !== actor.userId),
      };
    }),
    coverage,
    // The family sees every basis except one marked as endangering the child (unless that marking was rejected on review).
    legalBases: legal
      .filter((l) => !(family && l.endangering && l.endangering_review_outcome !== 'rejected'))
      .map((l) => ({
        id: l.id, kind: l.kind, organisationId: l.organisation_id, organisationName: l.org_name, justification: l.justification,
        recordedBy: l.recorded_by, recordedAt: iso(l.recorded_at)!, validUntil: l.valid_until, reviewer: l.reviewer,
        reviewOutcome: l.review_outcome, endangering: l.endangering, provisionalUntil: iso(l.provisional_until),
        status: legalStatus(l, a.today),
      })),
    allowedActions: allowedActions(a, ['recordConsent', 'withdrawConsent', 'recordLegalBasis']),
  };
}

/**
 * A professional never revives a consent the person withdrew themselves: the latest consent of this
 * person for this purpose and recipient, withdrawn by that same person, stands until they give it again.
 */
async function refuseRevival(q: Queryable, regionId: string, childId: string, c: {
  purpose: string; organisationId: string | null; role: string | null; consenter: string | null; relation: string;
}) {
  const [last] = await q.query<{ self_withdrawn: boolean }>(
    `SELECT (withdrawn_at IS NOT NULL AND withdrawn_by IS NOT DISTINCT FROM consenter_user_id) AS self_withdrawn FROM consents
      WHERE region_id = $7 AND young_person_id = $1 AND purpose = $2 AND recipient_organisation_id IS NOT DISTINCT FROM $3 AND recipient_role IS NOT DISTINCT FROM $4
        AND consenter_user_id IS NOT DISTINCT FROM $5 AND consenter_relation = $6
      ORDER BY given_at DESC LIMIT 1`, [childId, c.purpose, c.organisationId, c.role, c.consenter, c.relation, regionId]);
  if (last?.self_withdrawn) {
    throw new AppError('unprocessable', {
      en: 'This person withdrew this consent themselves. Only they can give it again, in Rondom.',
      nl: 'Deze persoon heeft deze toestemming zelf ingetrokken. Alleen die persoon kan haar opnieuw geven, in Rondom.',
    });
  }
}

async function notifyLead(q: Queryable, a: ChildAccess, actor: Actor, kind: NotificationKind, payload: Record<string, unknown>) {
  if (a.leadUserId && a.leadUserId !== actor.userId) {
    await notify(q, { regionId: a.regionId, userId: a.leadUserId, kind, youngPersonId: a.youngPersonId, payload });
  }
}

export function createConsentsService(db: Db) {
  return {
    ...createBasesService(db),
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
        // One standing consent per person, purpose and recipient: a second one (pending or given) was the
        // "same organisation consented twice" on screen, and withdrawing one left the other standing.
        const [standing] = await q.query<{ id: string }>(
          `SELECT id FROM consents WHERE region_id = $1 AND young_person_id = $2 AND purpose = $3
              AND recipient_organisation_id IS NOT DISTINCT FROM $4 AND recipient_role IS NOT DISTINCT FROM $5
              AND consenter_user_id IS NOT DISTINCT FROM $6 AND consenter_relation = $7
              AND withdrawn_at IS NULL AND status IN ('pending', 'confirmed') AND (valid_until IS NULL OR valid_until >= $8::date) LIMIT 1`,
          [a.regionId, childId, body.purpose, body.recipientOrganisationId ?? null, body.recipientRole ?? null, consenter, relation, a.today]);
        if (standing) {
          throw new AppError('conflict', {
            en: 'This person has already given (or been asked to confirm) this consent for this recipient. Withdraw it first to give it again.',
            nl: 'Deze persoon heeft deze toestemming voor deze ontvanger al gegeven (of moet die nog bevestigen). Trek haar eerst in om haar opnieuw te geven.',
            current: await consentsView(q, a, actor),
          });
        }
        const onBehalf = a.level !== 'guardian' && a.level !== 'self';
        if (onBehalf) await refuseRevival(q, a.regionId, childId, { purpose: body.purpose, organisationId: body.recipientOrganisationId ?? null, role: body.recipientRole ?? null, consenter, relation });
        // Recorded on someone's behalf: pending until that person confirms it in Rondom, or — when they
        // have no account — the lead professional does (the lead's own record is that confirmation).
        const confirmedByLead = onBehalf && consenter === null && a.isLead;
        const status = onBehalf && !confirmedByLead ? 'pending' : 'confirmed';
        const [row] = await q.query<{ id: string }>(
          `INSERT INTO consents (region_id, young_person_id, purpose, recipient_organisation_id, recipient_role, consenter_user_id,
             consenter_relation, method, recorded_by, valid_from, valid_until, status, confirmed_by, confirmed_at)
           VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13, CASE WHEN $12 = 'confirmed' THEN now() END) RETURNING id`,
          [a.regionId, childId, body.purpose, body.recipientOrganisationId ?? null, body.recipientRole ?? null, consenter, relation,
            method, actor.userId, validFrom, body.validUntil ?? null, status, status === 'confirmed' ? actor.userId : null]);
        await addTimeline(q, { regionId: a.regionId, youngPersonId: childId, kind: 'consent.given', actorUserId: actor.userId, subjectId: row!.id, summary: { purpose: body.purpose, relation, recipientOrganisationId: body.recipientOrganisationId ?? null, recipientRole: body.recipientRole ?? null, status } });
        if (status === 'pending' && consenter) {
          await notify(q, { regionId: a.regionId, userId: consenter, kind: 'consent.confirm_requested', youngPersonId: childId, payload: { consentId: row!.id, by: actor.displayName } });
        } else if (status === 'pending' && a.leadUserId) {
          await notify(q, { regionId: a.regionId, userId: a.leadUserId, kind: 'consent.confirm_requested', youngPersonId: childId, payload: { consentId: row!.id, by: actor.displayName } });
        } else {
          await notifyLead(q, a, actor, 'consent.given', { consentId: row!.id });
        }
        return consentsView(q, a, actor);
      });
    },

    /**
     * The person a consent was recorded for confirms (or declines) it in Rondom; for a young person
     * without an account the lead professional does. A pending consent opens nothing.
     */
    async confirm(actor: Actor, childId: string, consentId: string, decision: 'confirm' | 'decline') {
      return withChild(db, actor, childId, { rule: childPolicy.confirmConsent, audit: 'consent.confirmed', subjectType: 'consent', subjectId: consentId, details: { decision } }, async (q, a) => {
        const [c] = await q.query<{ consenter_user_id: string | null; status: string; withdrawn_at: Date | null; recorded_by: string }>(
          `SELECT consenter_user_id, status, withdrawn_at, recorded_by FROM consents WHERE region_id = $3 AND id = $1 AND young_person_id = $2 FOR UPDATE`, [consentId, childId, a.regionId]);
        if (!c) throw new AppError('not_found');
        const mayConfirm = c.consenter_user_id !== null ? c.consenter_user_id === actor.userId : a.isLead && c.recorded_by !== actor.userId;
        if (!mayConfirm) {
          throw new AppError('forbidden', { en: 'Only the person who gave this consent can confirm it.', nl: 'Alleen wie deze toestemming gaf, kan die bevestigen.' });
        }
        if (c.status !== 'pending' || c.withdrawn_at) {
          throw new AppError('conflict', { en: 'This consent is not waiting for confirmation.', nl: 'Deze toestemming wacht niet op bevestiging.', current: await consentsView(q, a, actor) });
        }
        const status = decision === 'confirm' ? 'confirmed' : 'declined';
        await q.query(`UPDATE consents SET status = $2, confirmed_by = $3, confirmed_at = now(), version = version + 1 WHERE region_id = $4 AND id = $1`, [consentId, status, actor.userId, a.regionId]);
        await addTimeline(q, { regionId: a.regionId, youngPersonId: childId, kind: `consent.${status}`, actorUserId: actor.userId, subjectId: consentId });
        await notifyLead(q, a, actor, `consent.${status}`, { consentId });
        return consentsView(q, a, actor);
      });
    },

    /** Withdrawal takes effect at once. The consenter withdraws their own; a professional may record a withdrawal said to them. */
    async withdraw(actor: Actor, childId: string, consentId: string) {
      return withChild(db, actor, childId, { rule: childPolicy.withdrawConsent, audit: 'consent.withdrawn', subjectType: 'consent', subjectId: consentId }, async (q, a) => {
        const [c] = await q.query<{ consenter_user_id: string | null; consenter_relation: string; withdrawn_at: Date | null; version: number }>(
          `SELECT consenter_user_id, consenter_relation, withdrawn_at, version FROM consents WHERE region_id = $3 AND id = $1 AND young_person_id = $2 FOR UPDATE`, [consentId, childId, a.regionId]);
        if (!c) throw new AppError('not_found');
        const family = a.level === 'guardian' || a.level === 'self';
        if (family && c.consenter_user_id !== actor.userId) throw new AppError('forbidden', { en: 'You can withdraw only your own consent.', nl: 'U kunt alleen uw eigen toestemming intrekken.' });
        if (c.withdrawn_at) throw new AppError('conflict', { en: 'This consent was already withdrawn.', nl: 'Deze toestemming is al ingetrokken.', current: await consentsView(q, a, actor) });
        await q.query(`UPDATE consents SET withdrawn_at = now(), withdrawn_by = $2, version = version + 1 WHERE region_id = $3 AND id = $1`, [consentId, actor.userId, a.regionId]);
        await addTimeline(q, { regionId: a.regionId, youngPersonId: childId, kind: 'consent.withdrawn', actorUserId: actor.userId, subjectId: consentId });
        await notifyLead(q, a, actor, 'consent.withdrawn', { consentId });
        return consentsView(q, a, actor);
      });
    },

  };
}

export type ConsentsService = ReturnType<typeof createConsentsService>;
