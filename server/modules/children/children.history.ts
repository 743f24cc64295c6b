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
import { IsoDate } from './children.schemas.ts';

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
/** Kinds of access the family can filter on. */
export const ACCESS_KINDS = ['looked', 'changed', 'denied', 'emergency'] as const;

export const AccessLogQuery = Type.Object(
  {
    before: Type.Optional(Type.Integer({ minimum: 1, description: 'The next page: the nextBefore of the previous one' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 25 })),
    family: Type.Optional(Type.Enum(['exclude', 'include', 'only'], {
      default: 'exclude', description: 'The family\'s own reads and actions (the parents\', the young person\'s): left out by default, so others\' access shows first',
    })),
    organisationId: Type.Optional(Type.String({ format: 'uuid' })),
    access: Type.Optional(Type.Enum([...ACCESS_KINDS], { description: 'looked: reads; changed: anything else allowed; denied: refused attempts; emergency: break-the-glass' })),
    from: Type.Optional(IsoDate),
    to: Type.Optional(IsoDate),
  },
  { additionalProperties: false },
);
export type AccessLogQuery = Static<typeof AccessLogQuery>;

export const AccessLogOut = Type.Object({
  items: Type.Array(Type.Object({
    seq: Type.Integer(), at: Type.String(), who: Type.String(), organisation: Type.Union([Type.String(), Type.Null()]), kind: Type.String(), what: Type.String(),
    whatNl: Type.String(), basis: Type.Union([Type.String(), Type.Null()]), outcome: Type.String(),
    family: Type.Boolean({ description: 'Done by the family itself (a parent or the young person)' }),
  })),
  nextBefore: Type.Union([Type.Integer(), Type.Null()], { description: 'More, older entries: pass as before' }),
  organisations: Type.Array(Type.Object({ id: Type.String(), name: Type.String() }), { description: 'The organisations in this log, to filter on' }),
});
/** For the web app (`import type` only). */
export type TimelineOut = Static<typeof TimelineOut>;
export type AccessLogOut = Static<typeof AccessLogOut>;

/** Audit kinds that are a read ("looked"), for the access filter. */
const READ_KINDS = ['young_person.read', 'young_person.searched', 'worklist.read', 'network.read', 'plan.read', 'consent.read', 'meeting.read', 'evaluation.read',
  'timeline.read', 'access_log.read', 'match.signals_read', 'absence.read', 'mandate.proposals_read', 'disagreement.read', 'disagreement.list_read',
  'support_team.read', 'support_team.invitation_read'];

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
  'young_person.created': ['registered the young person', 'schreef de jongere in'],
  'young_person.searched': ['found the young person in a search', 'vond de jongere bij het zoeken'],
  'worklist.read': ['saw the young person in a work list', 'zag de jongere in een werklijst'],
  'guardian.linked': ['linked a parent with authority', 'koppelde een ouder met gezag'],
  'network.created': ['started the network', 'begon het netwerk'],
  'involvement.added': ['added someone to the network', 'voegde iemand toe aan het netwerk'],
  'involvement.ended': ['ended someone\'s place in the network', 'beëindigde iemands plek in het netwerk'],
  'network.lead_handover': ['handed over the role of lead professional', 'droeg de rol van regisseur over'],
  'consent.flagged': ['marked a consent to check again', 'markeerde een toestemming om opnieuw te bekijken'],
  'basis.endangering_marked': ['marked a reason as not to be shown to the family', 'markeerde een reden als niet te tonen aan het gezin'],
  'plan.commented': ['commented on the plan', 'reageerde op het plan'],
  'plan.opinion_recorded': ['gave an opinion on the plan', 'gaf een mening over het plan'],
  'meeting.created': ['planned a meeting', 'plande een overleg'],
  'meeting.updated': ['changed a meeting', 'wijzigde een overleg'],
  'meeting.decision_recorded': ['recorded a decision of a meeting', 'legde een besluit van een overleg vast'],
  'meeting.report_shared': ['shared the report of a meeting', 'deelde het verslag van een overleg'],
  'evaluation.recorded': ['recorded an evaluation', 'legde een evaluatie vast'],
  'match.signal_registered': ['registered that they are involved (without content)', 'meldde dat hij of zij betrokken is (zonder inhoud)'],
  'match.created': ['found that someone else is involved too', 'zag dat ook iemand anders betrokken is'],
  'match.signal_ended': ['ended their registration as involved', 'beëindigde de melding dat hij of zij betrokken is'],
  'match.signals_read': ['looked at who registered as involved', 'bekeek wie gemeld heeft betrokken te zijn'],
  'break_glass.block_lifted': ['lifted a block on emergency access', 'hief een blokkade op noodtoegang op'],
  'item.hidden_from_parents': ['hid an item from the parents (the young person decides from 16)', 'verborg iets voor de ouders (vanaf 16 beslist de jongere)'],
  'absence.registered': ['registered absence from school', 'schreef verzuim van school in'],
  'absence.read': ['looked at the absence from school', 'bekeek het verzuim van school'],
  'absence.updated': ['updated the absence from school', 'werkte het verzuim van school bij'],
  'absence.escalated': ['escalated the absence to the next step', 'schaalde het verzuim op naar de volgende stap'],
  'absence.decision': ['decided on a suitable place', 'besliste over een passende plek'],
  'absence.alert': ['was warned about the time without a suitable offer', 'kreeg een waarschuwing over de tijd zonder passend aanbod'],
  'exemption.registered': ['registered an exemption from school', 'schreef een vrijstelling van school in'],
  'exemption.statement_refused': ['tried to register an exemption from school; Rondom refused the statement', 'probeerde een vrijstelling van school in te schrijven; Rondom weigerde de verklaring'],
  'exemption.reviewed': ['reviewed an exemption from school', 'beoordeelde een vrijstelling van school'],
  'support_team.item_added': ['put the young person on a support team\'s agenda', 'zette de jongere op de agenda van een ondersteuningsteam'],
  'support_team.item_updated': ['updated the support team\'s talk about the young person', 'werkte het gesprek in het ondersteuningsteam over de jongere bij'],
  'support_team.rolled_on': ['moved the support team\'s talk to a next meeting', 'verplaatste het gesprek in het ondersteuningsteam naar een volgende keer'],
  'support_team.invitation_read': ['read the invitation of the support team', 'las de uitnodiging van het ondersteuningsteam'],
  'support_team.invitation_answered': ['answered the invitation of the support team', 'antwoordde op de uitnodiging van het ondersteuningsteam'],
  'support_team.read': ['looked at the support team', 'bekeek het ondersteuningsteam'],
};

/** Audit kinds that are never about one young person (accounts, the platform, partnerships, anonymous consults): no words needed here. */
export const NOT_IN_A_CHILDS_LOG = new Set<string>([
  'auth.login', 'auth.login_failed', 'auth.logout', 'auth.totp_enabled', 'auth.password_changed',
  'admin.region_created', 'admin.region_updated', 'admin.area_created', 'admin.organisation_created', 'admin.user_created', 'admin.membership_added',
  'privacy.report_read', 'audit.anchor', 'report.exported', 'jobs.daily',
  'consult.asked', 'consult.read', 'consult.listed', 'consult.answered', 'consult.contact_set',
  'support_team.created', 'support_team.updated', 'support_team.member_added', 'support_team.member_ended',
]);
export const ACCESS_LOG_WORDS = WHAT;

/**
 * An audit event the family must not see ($2: the young person, $4: its region): the recording and review of a legal
 * basis marked as endangering the child (unless the review rejected that marking) and everything the
 * organisation holding it did about the child (every basis, also refused attempts); an emergency access
 * whose family notice would endanger the child, and the reads under it.
 */
export const HIDDEN_FROM_FAMILY_SQL = `(
  (e.kind = 'basis.recorded' AND e.details->>'endangering' = 'true'
   AND NOT EXISTS (SELECT 1 FROM legal_bases l WHERE l.region_id = $4 AND l.young_person_id = $2 AND l.recorded_by = e.actor_user_id AND l.endangering_review_outcome = 'rejected'))
  OR EXISTS (SELECT 1 FROM legal_bases l WHERE l.region_id = $4 AND l.young_person_id = $2 AND l.endangering AND l.endangering_review_outcome IS DISTINCT FROM 'rejected'
           AND ((e.subject_type = 'legal_basis' AND e.subject_id = l.id::text)
                -- Anything that organisation did about the child, on any basis and also refused attempts (a refusal
                -- has no basis): a "Veilig Thuis: geweigerd" line would tell the family as much as the basis itself.
                OR e.actor_organisation_id = l.organisation_id))
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

    /**
     * The family's "who looked", newest first, a page at a time (before = the chain position to
     * continue below). By default without the family's own reads and actions, so others' access
     * shows first; filtered by organisation, kind of access and period. Every page read is audited.
     */
    async accessLog(actor: Actor, childId: string, query: AccessLogQuery = {}) {
      const limit = query.limit ?? 25;
      return withChild(db, actor, childId, {
        rule: childPolicy.readAccessLog, audit: 'access_log.read', subjectType: 'access_log', readOnly: true,
        details: { page: query.before ? 'next' : 'first', family: query.family ?? 'exclude', filtered: Boolean(query.organisationId || query.access || query.from || query.to) },
      }, async (q, a) => {
        const family = a.level === 'guardian' || a.level === 'self';
        const members = [...a.guardianIds, ...(a.youngPersonUserId ? [a.youngPersonUserId] : [])];
        // $1 chain, $2 child, $3 the family reads it, $4 region (HIDDEN_FROM_FAMILY_SQL uses $2 and $4), $5 the family's accounts.
        const params: unknown[] = [youngPersonChain(childId), childId, family, a.regionId, members];
        const isFamily = `COALESCE(e.basis IN ('guardian', 'self') OR e.actor_user_id = ANY($5::uuid[]), false)`; // a NULL basis is not the family's
        const where = [`e.region_id = $4`, `e.chain_key = $1`, `e.actor_user_id IS NOT NULL`, `($3 = false OR NOT ${HIDDEN_FROM_FAMILY_SQL})`];
        const fam = query.family ?? 'exclude';
        if (fam === 'exclude') where.push(`NOT ${isFamily}`);
        if (fam === 'only') where.push(isFamily);
        if (query.organisationId) where.push(`e.actor_organisation_id = $${params.push(query.organisationId)}::uuid`);
        if (query.access === 'looked') where.push(`e.outcome = 'allowed' AND e.kind = ANY($${params.push(READ_KINDS)}::text[])`);
        if (query.access === 'changed') where.push(`e.outcome = 'allowed' AND NOT (e.kind = ANY($${params.push(READ_KINDS)}::text[]))`);
        if (query.access === 'denied') where.push(`e.outcome = 'denied'`);
        if (query.access === 'emergency') where.push(`(e.basis = 'break_glass' OR e.kind LIKE 'break_glass.%')`);
        // A period in days as the family lives them (Europe/Amsterdam, as shared/dates.ts counts days).
        if (query.from) where.push(`e.occurred_at >= ($${params.push(query.from)}::date)::timestamp AT TIME ZONE 'Europe/Amsterdam'`);
        if (query.to) where.push(`e.occurred_at < ($${params.push(query.to)}::date + 1)::timestamp AT TIME ZONE 'Europe/Amsterdam'`);
        const filter = where.join(' AND ');
        const cursor = query.before ? ` AND e.seq < $${params.push(query.before)}` : '';
        const rows = await q.query<{ seq: number | string; occurred_at: Date; who: string | null; org: string | null; kind: string; basis: string | null; outcome: string; family: boolean }>(
          `SELECT e.seq, e.occurred_at, u.display_name AS who, o.name AS org, e.kind, e.basis, e.outcome, ${isFamily} AS family
             FROM audit_events e LEFT JOIN users u ON u.id = e.actor_user_id LEFT JOIN organisations o ON o.id = e.actor_organisation_id
            WHERE ${filter}${cursor} ORDER BY e.seq DESC LIMIT $${params.push(limit + 1)}`, params);
        // The organisations to filter on: those in the log as the family filter shows it (before the other filters).
        const orgs = await q.query<{ id: string; name: string }>(
          `SELECT DISTINCT o.id, o.name FROM audit_events e JOIN organisations o ON o.id = e.actor_organisation_id
            WHERE ${where.slice(0, fam === 'include' ? 4 : 5).join(' AND ')} ORDER BY o.name LIMIT 200`, fam === 'include' ? params.slice(0, 4) : params.slice(0, 5));
        const page = rows.slice(0, limit);
        return {
          items: page.map((r) => {
            const [en, nl] = WHAT[r.kind] ?? ['did something else in the file', 'deed iets anders in het dossier'];
            return {
              seq: Number(r.seq), at: new Date(r.occurred_at).toISOString(), who: r.who ?? '—', organisation: r.org, kind: r.kind, what: en, whatNl: nl,
              basis: r.basis, outcome: r.outcome, family: Boolean(r.family),
            };
          }),
          nextBefore: rows.length > limit ? Number(page[page.length - 1]!.seq) : null,
          organisations: orgs,
        };
      });
    },
  };
}

export type HistoryService = ReturnType<typeof createHistoryService>;
