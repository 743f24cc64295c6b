/**
 * The timeline (one chronological view of the network) and the family's access log
 * ("who looked at what, when, and on which basis"), read from the audit log.
 */
import { Type } from 'typebox';
import type { Db } from '../../core/db.ts';
import { withChild } from '../../core/access.ts';
import { youngPersonChain } from '../../core/audit.ts';
import type { Actor } from '../../core/session.ts';
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
  'timeline.read': ['looked at the timeline', 'bekeek de tijdlijn'],
  'access_log.read': ['looked at this list', 'bekeek deze lijst'],
  'break_glass.started': ['opened the file in an emergency (break-the-glass)', 'opende het dossier in een noodsituatie'],
  'access.denied': ['tried to look, but had no access', 'probeerde te kijken, maar had geen toegang'],
};

interface TimelineRow { id: number; at: Date | string; kind: string; actor: string | null; subject_id: string | null; summary: unknown }

/** A page of the timeline, newest first: $1 the young person, $2 before this id (or NULL), $3 family entries only, $4 rows. */
const TIMELINE_SQL = `SELECT t.id, t.at, t.kind, u.display_name AS actor, t.subject_id, t.summary FROM timeline_entries t LEFT JOIN users u ON u.id = t.actor_user_id
  WHERE t.young_person_id = $1 AND ($2::bigint IS NULL OR t.id < $2) AND ($3 = false OR t.family_visible)
  ORDER BY t.id DESC LIMIT $4`;

export function createHistoryService(db: Db) {
  return {
    async timeline(actor: Actor, childId: string, query: { before?: number; limit?: number }) {
      const limit = query.limit ?? 25;
      // Fetched with the access facts as a professional sees it (every entry); a parent or the young
      // person sees only the entries meant for the family, so for them the prefetched page is dropped unread.
      const params = (family: boolean) => [childId, query.before ?? null, family, limit + 1];
      return withChild(db, actor, childId, {
        rule: childPolicy.readTimeline, audit: 'timeline.read', subjectType: 'timeline', readOnly: true, prefetch: { sql: TIMELINE_SQL, params: params(false) },
      }, async (q, a, prefetched) => {
        const family = a.level === 'guardian' || a.level === 'self';
        const rows = ((!family && prefetched ? prefetched as TimelineRow[] : undefined) ?? await q.query<TimelineRow>(TIMELINE_SQL, params(family)))
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
      return withChild(db, actor, childId, { rule: childPolicy.readAccessLog, audit: 'access_log.read', subjectType: 'access_log', readOnly: true }, async (q) => {
        // Every event about the child is in the child's own chain (migration 0014 holds it); newest first, by chain position.
        const rows = await q.query<{ occurred_at: Date; who: string | null; org: string | null; kind: string; basis: string | null; outcome: string }>(
          `SELECT e.occurred_at, u.display_name AS who, o.name AS org, e.kind, e.basis, e.outcome
             FROM audit_events e LEFT JOIN users u ON u.id = e.actor_user_id LEFT JOIN organisations o ON o.id = e.actor_organisation_id
            WHERE e.chain_key = $1 AND e.actor_user_id IS NOT NULL
            ORDER BY e.seq DESC LIMIT 300`, [youngPersonChain(childId)]);
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
