/**
 * The privacy officer's work (functionaris gegevensbescherming): legal bases and emergency accesses
 * awaiting review, blocks after an unjustified emergency access, join requests nobody decides,
 * unusual access, and the access report per professional that NEN 7513 asks for.
 *
 * A privacy officer sees no case content: who did what to which child's file, when, on which basis.
 * They see it for the organisations they cover (privacy.policy.ts), in their own region(s). Every read is
 * audited on their chain.
 */
import type { Db } from '../../core/db.ts';
import { AppError } from '../../core/errors.ts';
import { appendAudit, appendReadAudit, PLATFORM_REGION, userChain, youngPersonChain } from '../../core/audit.ts';
import { actorRegions, type Actor } from '../../core/session.ts';
import { breakGlassReviewTx } from '../consents/bases.service.ts';
import { COVERED_ORGS_SQL, isPrivacyOfficer, privacyOfficersFor } from './privacy.policy.ts';

/** A professional who reads this many different children's files in one day is shown as unusual. */
export const MANY_CHILDREN_PER_DAY = 20;
/** Emergency accesses in 30 days that flag a professional as using it often. */
export const FREQUENT_BREAK_GLASS = 3;
/** Working hours in the Netherlands; reads outside them are listed (Europe/Amsterdam). */
export const WORKING_HOURS = { from: 7, to: 19 };
/** Days after which an undecided join request is shown to the privacy officer. */
export const JOIN_REQUEST_STALE_DAYS = 5;

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);

function requireOfficer(actor: Actor) {
  if (!isPrivacyOfficer(actor)) throw new AppError('forbidden');
}

export function createPrivacyService(db: Db) {
  return {
    async overview(actor: Actor) {
      requireOfficer(actor);
      const p = [actor.userId, actorRegions(actor)];
      const legalBases = await db.query<{
        id: string; kind: string; org: string; recorded_by: string; recorded_at: Date; justification: string; provisional_until: Date | null;
        endangering: boolean; endangering_reason: string | null; child: string; young_person_id: string;
      }>(
        `SELECT l.id, l.kind, o.name AS org, u.display_name AS recorded_by, l.recorded_at, l.justification, l.provisional_until, l.endangering,
                l.endangering_reason, y.given_name || ' ' || y.family_name AS child, l.young_person_id
           FROM legal_bases l JOIN organisations o ON o.id = l.organisation_id JOIN users u ON u.id = l.recorded_by
           JOIN young_people y ON y.region_id = l.region_id AND y.id = l.young_person_id
          WHERE l.region_id = ANY($2::uuid[]) AND y.region_id = ANY($2::uuid[]) AND l.reviewed_at IS NULL AND l.recorded_by <> $1 AND l.organisation_id IN (${COVERED_ORGS_SQL})
          ORDER BY l.recorded_at LIMIT 200`, p);
      const grants = await db.query<{
        id: string; user_id: string; who: string; org: string; emergency: string; reason: string; started_at: Date; expires_at: Date; ended_at: Date | null;
        review_outcome: string | null; reviewer: string | null; block_lifted_at: Date | null; child: string; has_lead: boolean; family_endangered: boolean;
      }>(
        `SELECT g.id, g.user_id, u.display_name AS who, o.name AS org, g.emergency, g.reason, g.started_at, g.expires_at, g.ended_at, g.review_outcome,
                r.display_name AS reviewer, g.block_lifted_at, y.given_name || ' ' || y.family_name AS child, g.family_endangered,
                EXISTS (SELECT 1 FROM networks n WHERE n.region_id = ANY($2::uuid[]) AND n.region_id = g.region_id AND n.young_person_id = g.young_person_id AND n.status = 'active'
                          AND n.lead_user_id IS NOT NULL) AS has_lead
           FROM break_glass_grants g JOIN users u ON u.id = g.user_id JOIN organisations o ON o.id = g.organisation_id
           JOIN young_people y ON y.region_id = g.region_id AND y.id = g.young_person_id LEFT JOIN users r ON r.id = g.reviewed_by
          WHERE g.region_id = ANY($2::uuid[]) AND y.region_id = ANY($2::uuid[]) AND g.organisation_id IN (${COVERED_ORGS_SQL}) AND g.user_id <> $1
            AND (g.reviewed_at IS NULL OR (g.review_outcome = 'unjustified' AND g.block_lifted_at IS NULL) OR g.started_at > now() - interval '30 days')
          ORDER BY g.started_at DESC LIMIT 200`, p);
      const counts = new Map<string, number>();
      for (const g of grants) if (new Date(g.started_at).getTime() > Date.now() - 30 * 86_400_000) counts.set(g.user_id, (counts.get(g.user_id) ?? 0) + 1);
      const joinRequests = await db.query<{ id: string; who: string; org: string; child: string; created_at: Date; has_lead: boolean }>(
        `SELECT j.id, u.display_name AS who, o.name AS org, y.given_name || ' ' || y.family_name AS child, j.created_at,
                EXISTS (SELECT 1 FROM networks n WHERE n.region_id = ANY($2::uuid[]) AND n.region_id = j.region_id AND n.young_person_id = j.young_person_id AND n.status = 'active'
                          AND n.lead_user_id IS NOT NULL) AS has_lead
           FROM join_requests j JOIN users u ON u.id = j.requester_user_id JOIN organisations o ON o.id = j.organisation_id
           JOIN young_people y ON y.region_id = j.region_id AND y.id = j.young_person_id
          WHERE j.region_id = ANY($2::uuid[]) AND y.region_id = ANY($2::uuid[]) AND j.status = 'pending' AND j.created_at < now() - make_interval(days => $3)
            AND j.organisation_id IN (${COVERED_ORGS_SQL})
          ORDER BY j.created_at LIMIT 100`, [...p, JOIN_REQUEST_STALE_DAYS]);
      const manyChildren = await db.query<{ user_id: string; who: string; day: string; children: number }>(
        `SELECT e.actor_user_id AS user_id, u.display_name AS who, to_char(e.occurred_at AT TIME ZONE 'Europe/Amsterdam', 'YYYY-MM-DD') AS day,
                count(DISTINCT e.young_person_id)::int AS children
           FROM audit_events e JOIN users u ON u.id = e.actor_user_id
          WHERE e.region_id = ANY($2::uuid[]) AND e.occurred_at > now() - interval '14 days' AND e.young_person_id IS NOT NULL
            AND e.actor_organisation_id IN (${COVERED_ORGS_SQL})
          GROUP BY 1, 2, 3 HAVING count(DISTINCT e.young_person_id) >= $3 ORDER BY 3 DESC, 4 DESC LIMIT 50`, [...p, MANY_CHILDREN_PER_DAY]);
      const offHours = await db.query<{ user_id: string; who: string; events: number; children: number; last_at: Date }>(
        `SELECT e.actor_user_id AS user_id, u.display_name AS who, count(*)::int AS events, count(DISTINCT e.young_person_id)::int AS children, max(e.occurred_at) AS last_at
           FROM audit_events e JOIN users u ON u.id = e.actor_user_id
          WHERE e.region_id = ANY($2::uuid[]) AND e.occurred_at > now() - interval '14 days' AND e.young_person_id IS NOT NULL
            AND e.actor_organisation_id IN (${COVERED_ORGS_SQL})
            AND (extract(hour FROM e.occurred_at AT TIME ZONE 'Europe/Amsterdam') < $3 OR extract(hour FROM e.occurred_at AT TIME ZONE 'Europe/Amsterdam') >= $4
                 OR extract(isodow FROM e.occurred_at AT TIME ZONE 'Europe/Amsterdam') > 5)
          GROUP BY 1, 2 ORDER BY 3 DESC LIMIT 50`, [...p, WORKING_HOURS.from, WORKING_HOURS.to]);
      const professionals = await db.query<{ user_id: string; who: string; org: string }>(
        `SELECT DISTINCT u.id AS user_id, u.display_name AS who, o.name AS org FROM memberships m JOIN users u ON u.id = m.user_id JOIN organisations o ON o.id = m.organisation_id
          WHERE m.organisation_id IN (${COVERED_ORGS_SQL}) AND u.kind = 'staff' ORDER BY 2, 3 LIMIT 1000`, [actor.userId]);
      await appendReadAudit(db, { chainKey: userChain(actor.userId), kind: 'privacy.report_read', regionId: actor.regionId, actorUserId: actor.userId, subjectType: 'privacy_overview' });
      return {
        legalBases: legalBases.map((l) => ({
          id: l.id, kind: l.kind, organisationName: l.org, recordedBy: l.recorded_by, recordedAt: iso(l.recorded_at)!, justification: l.justification,
          provisionalUntil: iso(l.provisional_until), endangering: l.endangering, endangeringReason: l.endangering_reason, childName: l.child,
        })),
        breakGlass: grants.map((g) => ({
          id: g.id, userId: g.user_id, who: g.who, organisationName: g.org, emergency: g.emergency, reason: g.reason, childName: g.child,
          startedAt: iso(g.started_at)!, endsAt: iso(g.ended_at ?? g.expires_at)!, active: !g.ended_at && new Date(g.expires_at).getTime() > Date.now(),
          reviewOutcome: g.review_outcome, reviewer: g.reviewer, blocked: g.review_outcome === 'unjustified' && !g.block_lifted_at,
          familyEndangered: g.family_endangered,
          // Without a lead the privacy officer reviews; with one, the lead does (the officer may too, if nobody has).
          awaitsMe: g.review_outcome === null && !g.has_lead, frequentUser: (counts.get(g.user_id) ?? 0) >= FREQUENT_BREAK_GLASS,
        })),
        joinRequests: joinRequests.map((j) => ({ id: j.id, who: j.who, organisationName: j.org, childName: j.child, createdAt: iso(j.created_at)!, hasLead: j.has_lead })),
        unusual: {
          manyChildren: manyChildren.map((m) => ({ userId: m.user_id, who: m.who, day: m.day, children: m.children })),
          offHours: offHours.map((o) => ({ userId: o.user_id, who: o.who, events: o.events, children: o.children, lastAt: iso(o.last_at)! })),
        },
        professionals: professionals.map((x) => ({ userId: x.user_id, displayName: x.who, organisationName: x.org })),
      };
    },

    /** NEN 7513: every access by one professional to children's files in a period, newest first. */
    async accessReport(actor: Actor, query: { userId: string; from?: string; to?: string }) {
      requireOfficer(actor);
      const [covered] = await db.query(
        `SELECT 1 FROM memberships m WHERE m.user_id = $2 AND m.organisation_id IN (${COVERED_ORGS_SQL})`, [actor.userId, query.userId]);
      if (!covered) throw new AppError('not_found');
      // The events in the officer's regions (children's and partnerships' chains), and those in the
      // professional's own account chain (the platform's pseudo-region): one statement each, each in one shard.
      const rows: { occurred_at: Date; kind: string; outcome: string; basis: string | null; org: string | null; child: string | null; young_person_id: string | null }[] = [];
      for (const regions of [actorRegions(actor), [PLATFORM_REGION]]) {
        rows.push(...await db.query<(typeof rows)[number]>(
          `SELECT e.occurred_at, e.kind, e.outcome, e.basis, o.name AS org, y.given_name || ' ' || y.family_name AS child, e.young_person_id
             FROM audit_events e LEFT JOIN organisations o ON o.id = e.actor_organisation_id
             LEFT JOIN young_people y ON y.region_id = ANY($4::uuid[]) AND y.region_id = e.region_id AND y.id = e.young_person_id
            WHERE e.region_id = ANY($4::uuid[]) AND e.actor_user_id = $1 AND e.occurred_at >= $2::date AND e.occurred_at < ($3::date + 1)
            ORDER BY e.occurred_at DESC LIMIT 1000`,
          [query.userId, query.from ?? '1970-01-01', query.to ?? '9999-12-31', regions]));
      }
      rows.sort((a, b) => new Date(b.occurred_at).getTime() - new Date(a.occurred_at).getTime()).splice(1000);
      await appendReadAudit(db, { chainKey: userChain(actor.userId), kind: 'privacy.report_read', regionId: actor.regionId, actorUserId: actor.userId, subjectType: 'user', subjectId: query.userId, details: { report: 'nen7513', from: query.from ?? null, to: query.to ?? null } });
      return {
        items: rows.map((r) => ({ at: iso(r.occurred_at)!, kind: r.kind, outcome: r.outcome, basis: r.basis, organisationName: r.org, childName: r.child, youngPersonId: r.young_person_id })),
      };
    },

    /** The privacy officer reviews an emergency access (always allowed for the grants they cover; needed when the child has no lead). */
    async reviewBreakGlass(actor: Actor, grantId: string, body: { outcome: 'justified' | 'unjustified'; note?: string }) {
      requireOfficer(actor);
      const [g] = await db.query<{ organisation_id: string; young_person_id: string; region_id: string; user_id: string }>(
        `SELECT organisation_id, young_person_id, region_id, user_id FROM break_glass_grants WHERE region_id = ANY($2::uuid[]) AND id = $1`, [grantId, actorRegions(actor)]);
      // The same rule that chose who is told: the privacy officers of the grantee's organisation (else the region's), not the grantee.
      if (!g || !(await privacyOfficersFor(db, g.organisation_id, g.user_id)).includes(actor.userId)) throw new AppError('not_found');
      return db.tx(async (q) => {
        const out = await breakGlassReviewTx(q, actor, g.region_id, grantId, body.outcome, body.note);
        await appendAudit(q, { chainKey: youngPersonChain(g.young_person_id), kind: 'break_glass.reviewed', regionId: g.region_id, actorUserId: actor.userId, youngPersonId: g.young_person_id, subjectType: 'break_glass', subjectId: grantId, basis: 'review', details: { outcome: body.outcome, as: 'privacy_officer' } });
        return out;
      });
    },

    /** Lifts the block that an unjustified emergency access put on that person for that child. */
    async liftBlock(actor: Actor, grantId: string, note: string) {
      requireOfficer(actor);
      const [g] = await db.query<{ organisation_id: string; young_person_id: string; region_id: string; user_id: string }>(
        `SELECT organisation_id, young_person_id, region_id, user_id FROM break_glass_grants
          WHERE region_id = ANY($2::uuid[]) AND id = $1 AND review_outcome = 'unjustified' AND block_lifted_at IS NULL`, [grantId, actorRegions(actor)]);
      if (!g || !(await privacyOfficersFor(db, g.organisation_id, g.user_id)).includes(actor.userId)) throw new AppError('not_found');
      await db.tx(async (q) => {
        await q.query(`UPDATE break_glass_grants SET block_lifted_by = $2, block_lifted_at = now() WHERE region_id = $3 AND id = $1`, [grantId, actor.userId, g.region_id]);
        await appendAudit(q, { chainKey: youngPersonChain(g.young_person_id), kind: 'break_glass.block_lifted', regionId: g.region_id, actorUserId: actor.userId, youngPersonId: g.young_person_id, subjectType: 'break_glass', subjectId: grantId, basis: 'review', details: { note } });
      });
      return { id: grantId, blocked: false };
    },
  };
}

export type PrivacyService = ReturnType<typeof createPrivacyService>;
