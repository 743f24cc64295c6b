/**
 * The in-app inbox. Services write notifications with `notify()` (server/core/access.ts)
 * in the same transaction as the change; this module reads and marks them. Another
 * delivery channel (e-mail) would read the same rows.
 */
import { Type, type Static } from 'typebox';
import type { Db } from '../../core/db.ts';
import { AppError } from '../../core/errors.ts';
import { actorRegions, type Actor } from '../../core/session.ts';
import { resolveAccessMany, type ChildAccess } from '../../core/access.ts';
import { childPolicy, type ChildRule } from '../children/children.policy.ts';
import { leerplichtPolicy, swvIds } from '../leerplicht/leerplicht.policy.ts';
import { isPrivacyOfficer } from '../privacy/privacy.policy.ts';
import type { NotificationLink } from '../../../shared/notifications.ts';

export const NotificationOut = Type.Object({
  id: Type.String({ format: 'uuid' }), kind: Type.String(), youngPersonId: Type.Union([Type.String(), Type.Null()]),
  childName: Type.Union([Type.String(), Type.Null()]), payload: Type.Record(Type.String(), Type.Unknown()),
  createdAt: Type.String(), read: Type.Boolean(),
  link: Type.Union([Type.Object({
    to: Type.Enum(['child', 'absence', 'exemptions', 'consult', 'consults', 'support_team', 'join_requests', 'privacy', 'home']),
    id: Type.Union([Type.String(), Type.Null()]), section: Type.Union([Type.String(), Type.Null()]),
  }), Type.Null()], { description: 'Where this notification takes its reader: only a page this reader may open (null: none)' }),
});
/** For the web app (`import type` only). */
export type NotificationOut = Static<typeof NotificationOut>;

/** The section of the child's page a kind is about, and the rule the reader needs for it (else the overview). */
const CHILD_SECTION: Record<string, [string, ChildRule]> = {
  network: ['network', 'readNetwork'], meetings: ['meetings', 'readMeetings'], plan: ['plan', 'readPlan'],
  evaluations: ['evaluations', 'readEvaluations'], sharing: ['sharing', 'readConsents'],
};
const SECTION_OF: Record<string, keyof typeof CHILD_SECTION> = {
  'network.invited': 'network', 'network.lead_assigned': 'network', 'join.accepted': 'network', 'match.new': 'network',
  'meeting.invited': 'meetings', 'meeting.report_shared': 'meetings', 'meeting.report_not_shared': 'meetings',
  'mandate.proposal_confirmed': 'meetings', 'mandate.proposal_declined': 'meetings',
  'plan.new_version': 'plan', 'plan.commented': 'plan', 'plan.opinion': 'plan', 'disagreement.requested': 'plan', 'disagreement.resolved': 'plan',
  'evaluation.due': 'evaluations',
  'consent.confirm_requested': 'sharing', 'consent.given': 'sharing', 'consent.confirmed': 'sharing', 'consent.declined': 'sharing',
  'consent.withdrawn': 'sharing', 'consent.check_after_birthday': 'sharing', 'basis.reviewed': 'sharing', 'basis.acted_before_review': 'sharing',
  'break_glass.family_notice': 'sharing',
};

const str = (v: unknown) => (typeof v === 'string' ? v : null);

/** A leerplicht case as its page decides who may open it (leerplicht.service.ts withCase). */
interface CaseFacts { id: string; swv_id: string | null; rung_key: string | null }

/**
 * Where a notification takes this reader: the page it is about when they may open it (the
 * same rules as that page's API), else the child's page when they may see the child, else nothing.
 */
function linkFor(actor: Actor, kind: string, payload: Record<string, unknown>, child: ChildAccess | undefined, cases: Map<string, CaseFacts>): NotificationLink | null {
  const childLink = (section: keyof typeof CHILD_SECTION | null): NotificationLink | null => {
    if (!child) return null;
    const s = section ? CHILD_SECTION[section] : undefined;
    return { to: 'child', id: child.youngPersonId, section: s && childPolicy[s[1]](child) ? s[0] : null };
  };
  if (kind.startsWith('absence.')) {
    const c = cases.get(str(payload.absenceId) ?? '');
    if (c && leerplichtPolicy.readCase(actor, { swvId: c.swv_id, atDoorzetting: c.rung_key === 'doorzettingsmacht' })) return { to: 'absence', id: c.id, section: null };
    return childLink(null);
  }
  if (kind.startsWith('exemption.')) {
    if (leerplichtPolicy.registerExemption(actor) || swvIds(actor).length > 0) return { to: 'exemptions', id: null, section: null };
    return childLink(null);
  }
  switch (kind) {
    case 'join.requested': return { to: 'join_requests', id: null, section: null };
    case 'mandate.proposal': return actor.kind === 'staff' ? { to: 'home', id: null, section: null } : null;
    // The coordinator's list of requests past their period is on the home page.
    case 'disagreement.overdue': return actor.kind === 'staff' ? { to: 'home', id: null, section: null } : null;
    case 'basis.review_requested': case 'break_glass.review_requested': case 'break_glass.unjustified':
      return isPrivacyOfficer(actor) ? { to: 'privacy', id: null, section: null } : null;
    case 'consult.asked': case 'consult.answered': return str(payload.consultId) ? { to: 'consult', id: str(payload.consultId), section: null } : null;
    case 'consult.contact_set': return { to: 'consults', id: null, section: null };
    case 'support_team.member_added': return str(payload.teamId) ? { to: 'support_team', id: str(payload.teamId), section: null } : null;
    default: return childLink(SECTION_OF[kind] ?? null);
  }
}

export function createNotificationsService(db: Db) {
  return {
    async list(actor: Actor, unreadOnly = false) {
      const rows = await db.query<{ id: string; kind: string; young_person_id: string | null; child: string | null; payload: unknown; created_at: Date; read_at: Date | null }>(
        `SELECT n.id, n.kind, n.young_person_id, y.given_name || ' ' || y.family_name AS child, n.payload, n.created_at, n.read_at
           FROM notifications n LEFT JOIN young_people y ON y.region_id = ANY($3::uuid[]) AND y.region_id = n.region_id AND y.id = n.young_person_id
          WHERE n.region_id = ANY($3::uuid[]) AND n.user_id = $1 AND ($2 = false OR n.read_at IS NULL) ORDER BY n.created_at DESC LIMIT 100`,
        [actor.userId, unreadOnly, actorRegions(actor)]);
      // A notification names a child, and links to it, only while its reader may open that child.
      const reach = await resolveAccessMany(db, actor, rows.flatMap((r) => (r.young_person_id ? [r.young_person_id] : [])));
      const items = rows.map((r) => ({ ...r, payload: (typeof r.payload === 'string' ? JSON.parse(r.payload) : r.payload) as Record<string, unknown> }));
      // The leerplicht cases named, with what their page needs to decide (in the actor's region, as that page reads them).
      const absenceIds = [...new Set(items.filter((r) => r.kind.startsWith('absence.')).map((r) => str(r.payload.absenceId)).filter((x): x is string => x !== null && /^[0-9a-f-]{36}$/i.test(x)))];
      const cases = new Map<string, CaseFacts>();
      if (absenceIds.length > 0) {
        const found = await db.query<CaseFacts>(
          `SELECT a.id, a.swv_id, (SELECT e.rung_key FROM escalations e WHERE e.region_id = $2 AND e.region_id = a.region_id AND e.absence_id = a.id ORDER BY e.rung DESC LIMIT 1) AS rung_key
             FROM absences a WHERE a.region_id = $2 AND a.id = ANY($1::uuid[])`, [absenceIds, actor.regionId]);
        for (const c of found) cases.set(c.id, c);
      }
      return items.map((r) => {
        const child = r.young_person_id ? reach.get(r.young_person_id) : undefined;
        return {
          id: r.id, kind: r.kind,
          youngPersonId: child ? r.young_person_id : null,
          childName: child ? r.child : null,
          payload: r.payload,
          createdAt: new Date(r.created_at).toISOString(), read: r.read_at !== null,
          link: linkFor(actor, r.kind, r.payload, child, cases),
        };
      });
    },
    async markRead(actor: Actor, id: string) {
      // The time as a parameter: Citus refuses now() inside COALESCE.
      const rows = await db.query(
        `UPDATE notifications SET read_at = COALESCE(read_at, $4::timestamptz) WHERE region_id = ANY($3::uuid[]) AND id = $1 AND user_id = $2 RETURNING id`,
        [id, actor.userId, actorRegions(actor), new Date()]);
      if (rows.length === 0) throw new AppError('not_found');
    },
  };
}

export type NotificationsService = ReturnType<typeof createNotificationsService>;
