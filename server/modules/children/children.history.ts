/**
 * The timeline (one chronological view of the network) and the family's access log
 * ("who looked at what, when, and on which basis"), read from the audit log.
 */
import { Type, type Static } from 'typebox';
import type { Db } from '../../core/db.ts';
import { withChild } from '../../core/access.ts';
import { youngPersonChain } from '../../core/audit.ts';
import { actorRegions, type Actor } from '../../core/session.ts';
import { childPolicy } from './children.policy.ts';

export const TimelineQuery = Type.Object(
  { before: Type.Optional(Type.Integer({ minimum: 1 })), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 25 })) },
  { additionalProperties: false },
);
export const TimelineOut = Type.Object({
  items: Type.Array(Type.Object({
    id: Type.Integer(), at: Type.String(), kind: Type.String(), actor: Type.Union([Type.String(), Type.Null()]),
    subjectId: Type.Union([Type.String(), Type.Null()]), summary: Type.Record(Type.String(), Type.Unknown()),
  })),
  nextBefore: Type.Union([Type.Integer(), Type.Null()]),
});
export const AccessLogOut = Type.Object({
  items: Type.Array(Type.Object({
    at: Type.String(), who: Type.String(), organisation: Type.Union([Type.String(), Type.Null()]), what: Type.String(),
    whatNl: Type.String(), basis: Type.Union([Type.String(), Type.Null()]), outcome: Type.String(),
  })),
});
/** For the web app (`import type` only). */
export type TimelineOut = Static<typeof TimelineOut>;
export type AccessLogOut = Static<typeof AccessLogOut>;

/** Plain words for the family, per audit kind. */
const WHAT: Record<string, [string, string]> = {
  'young_person.read': ['looked at the personal details', 'bekeek de persoonsgegevens'],
  'young_person.updated': ['changed the personal details', 'wijzigde de persoonsgegevens'],
  'network.read': ['looked at who is involved', 'bekeek wie er betrokken is'],
  'plan.read': ['read the plan', 'las het plan'],
  'plan.version_created': ['changed the plan', 'veranderde het plan'],
  'plan.action_updated': ['updated an action in the plan', 'werkte een actie in het plan bij'],
  'consent.read': ['looked at the consents', 'bekeek de toestemmingen'],
  'consent.given': ['recorded a consent', 'legde een toestemming vast'],
  'consent.withdrawn': ['withdrew a consent', 'trok een toestemming in'],
  'meeting.read': ['read the meetings', 'las de overleggen'],
  'evaluation.read': ['read the evaluations', 'las de evaluaties'],
  'evaluation.family_read': ['read the family\'s part of the evaluation', 'las wat de familie over de hulp zei'],
  'evaluation.family_answered': ['answered their part of the evaluation', 'vulde het eigen deel van de evaluatie in'],
  'timeline.read': ['looked at the timeline', 'bekeek de tijdlijn'],
  'access_log.read': ['looked at this list', 'bekeek deze lijst'],
  'break_glass.started': ['opened the file in an emergency (break-the-glass)', 'opende het dossier in een noodsituatie'],
  'access.denied': ['tried to look, but had no access', 'probeerde te kijken, maar had geen toegang'],
  'join.requested': ['asked to join the network', 'vroeg om bij het netwerk te komen'],
  'join.decided': ['decided on a request to join the network', 'besliste over een verzoek om bij het netwerk te komen'],
  'consent.confirmed': ['confirmed or declined a consent', 'bevestigde of weigerde een toestemming'],
  'basis.recorded': ['recorded a reason to share without consent', 'legde een reden vast om zonder toestemming te delen'],
  'basis.reviewed': ['reviewed a reason to share without consent', 'beoordeelde een reden om zonder toestemming te delen'],
  'break_glass.reviewed': ['reviewed an emergency access', 'beoordeelde een noodtoegang'],
  'question.created': ['asked a question', 'stelde een vraag'],
  'mandate.proposal_confirmed': ['confirmed a meeting proposal for their organisation', 'bevestigde een voorstel uit het overleg voor de eigen organisatie'],
  'mandate.proposal_declined': ['declined a meeting proposal for their organisation', 'wees een voorstel uit het overleg af voor de eigen organisatie'],
  'disagreement.requested': ['asked for a conversation about the plan', 'vroeg om een gesprek over het plan'],
  'disagreement.read': ['read the requests for a conversation about the plan', 'las de verzoeken om een gesprek over het plan'],
  'disagreement.list_read': ['saw the request for a conversation about the plan on the municipality\'s list', 'zag het verzoek om een gesprek over het plan op de lijst van de gemeente'],
  'mandate.proposals_read': ['read a meeting proposal for their organisation', 'las een voorstel uit het overleg voor de eigen organisatie'],
  'disagreement.resolved': ['recorded the outcome of a conversation about the plan', 'legde de uitkomst van een gesprek over het plan vast'],
};

/**
 * An audit event the family must not see ($2: the young person, $4: its region): the recording and review of a legal
 * basis marked as endangering the child (unless the review rejected that marking) and every access
 * made on it; an emergency access whose family notice would endanger the child, and the reads under it.
 */
export const HIDDEN_FROM_FAMILY_SQL = `(
  (e.kind = 'basis.recorded' AND e.details->>'endangering' = 'true'
   AND NOT EXISTS (SELECT 1 FROM legal_bases l WHERE l.region_id = $4 AND l.young_person_id = $2 AND l.recorded_by = e.actor_user_id AND l.endangering_review_outcome = 'rejected'))
  OR EXISTS (SELECT 1 FROM legal_bases l WHERE l.region_id = $4 AND l.young_person_id = $2 AND l.endangering AND l.endangering_review_outcome IS DISTINCT FROM 'rejected'
           AND ((e.subject_type = 'legal_basis' AND e.subject_id = l.id::text)
                OR (e.basis = l.kind AND e.actor_organisation_id = l.organisation_id AND e.occurred_at >= l.recorded_at)))
  OR EXISTS (SELECT 1 FROM break_glass_grants g WHERE g.region_id = $4 AND g.young_person_id = $2 AND g.family_endangered
           AND ((e.subject_type = 'break_glass' AND e.subject_id = g.id::text)
                OR (e.basis = 'break_glass' AND e.actor_user_id = g.user_id AND e.occurred_at >= g.started_at
                    AND e.occurred_at <= COALESCE(g.ended_at, g.expires_at)))))`;

interface TimelineRow { id: number; at: Date | string; kind: string; actor: string | null; subject_id: string | null; summary: unknown }

/** A page of the timeline, newest first: $1 the young person, $2 before this id (or NULL), $3 family entries only, $4 rows, $5 the regions to look in. */
const TIMELINE_SQL = `SELECT t.id, t.at, t.kind, u.display_name AS actor, t.subject_id, t.summary FROM timeline_entries t LEFT JOIN users u ON u.id = t.actor_user_id
  WHERE t.region_id = ANY($5::uuid[]) AND t.young_person_id = $1 AND ($2::bigint IS NULL OR t.id < $2) AND ($3 = false OR t.family_visible)
  ORDER BY t.id DESC LIMIT $4`;

export function createHistoryService(db: Db) {
  return {
    async timeline(actor: Actor, childId: string, query: { before?: number; limit?: number }) {
      const limit = query.limit ?? 25;
      // Fetched with the access facts as a professional sees it (every entry); a parent or the young
      // person sees only the entries meant for the family, so for them the prefetched page is dropped unread.
      const params = (family: boolean, regions: string[]) => [childId, query.before ?? null, family, limit + 1, regions];
      return withChild(db, actor, childId, {
        rule: childPolicy.readTimeline, audit: 'timeline.read', subjectType: 'timeline', readOnly: true, prefetch: { sql: TIMELINE_SQL, params: params(false, actorRegions(actor)) },
      }, async (q, a, prefetched) => {
        const family = a.level === 'guardian' || a.level === 'self';
        const rows = ((!family && prefetched ? prefetched as TimelineRow[] : undefined) ?? await q.query<TimelineRow>(TIMELINE_SQL, params(family, [a.regionId])))
          .sort((x, y) => Number(y.id) - Number(x.id)); // prefetched rows come as a set
        const page = rows.slice(0, limit);
        return {
          items: page.map((r) => ({
            id: Number(r.id), at: new Date(r.at).toISOString(), kind: r.kind, actor: r.actor, subjectId: r.subject_id,
            summary: (typeof r.summary === 'string' ? JSON.parse(r.summary) : r.summary) as Record<string, unknown>,
          })),
          nextBefore: rows.length > limit ? Number(page[page.length - 1]!.id) : null,
        };
      });
    },

    async accessLog(actor: Actor, childId: string) {
      return withChild(db, actor, childId, { rule: childPolicy.readAccessLog, audit: 'access_log.read', subjectType: 'access_log', readOnly: true }, async (q, a) => {
        const family = a.level === 'guardian' || a.level === 'self';
        // Every event about the child is in the child's own chain (migration 0014 holds it); newest first, by chain position.
        // The family does not see what was hidden because showing it endangers the child (HIDDEN_FROM_FAMILY_SQL).
        const rows = await q.query<{ occurred_at: Date; who: string | null; org: string | null; kind: string; basis: string | null; outcome: string }>(
          `SELECT e.occurred_at, u.display_name AS who, o.name AS org, e.kind, e.basis, e.outcome
             FROM audit_events e LEFT JOIN users u ON u.id = e.actor_user_id LEFT JOIN organisations o ON o.id = e.actor_organisation_id
            WHERE e.region_id = $4 AND e.chain_key = $1 AND e.actor_user_id IS NOT NULL AND ($3 = false OR NOT ${HIDDEN_FROM_FAMILY_SQL})
            ORDER BY e.seq DESC LIMIT 300`, [youngPersonChain(childId), childId, family, a.regionId]);
        return {
          items: rows.map((r) => {
            const [en, nl] = WHAT[r.kind] ?? [r.kind.replace(/[._]/g, ' '), r.kind.replace(/[._]/g, ' ')];
            return { at: new Date(r.occurred_at).toISOString(), who: r.who ?? '—', organisation: r.org, what: en, whatNl: nl, basis: r.basis, outcome: r.outcome };
          }),
        };
      });
    },
  };
}

export type HistoryService = ReturnType<typeof createHistoryService>;
