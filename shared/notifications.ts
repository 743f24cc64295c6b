/**
 * Every kind of notification the server writes, in one list: `notify()` takes only these
 * (server/core/access.ts), the inbox turns each into a link its reader may open
 * (server/modules/notifications), and the web app has words for each in Dutch and English
 * (shared/notifications.test.ts fails for a kind without them).
 */

export const NOTIFICATION_KINDS = [
  // Leerplicht: the thuiszitter clock (one warning per configured threshold, then red), escalation, decisions, exemptions.
  'absence.warning_1', 'absence.warning_2', 'absence.red', 'absence.escalated', 'absence.decision',
  'exemption.reviewed', 'exemption.renewal_due',
  // Kindkring: questions, the network, plans, meetings, evaluations, consent.
  'question.new', 'network.invited', 'network.lead_assigned', 'join.requested', 'join.accepted', 'join.refused',
  'plan.new_version', 'plan.commented', 'plan.opinion', 'disagreement.requested', 'disagreement.resolved', 'disagreement.overdue',
  'meeting.invited', 'meeting.report_shared', 'meeting.report_not_shared', 'mandate.proposal', 'mandate.proposal_confirmed', 'mandate.proposal_declined',
  'evaluation.due', 'match.new',
  'consent.confirm_requested', 'consent.given', 'consent.confirmed', 'consent.declined', 'consent.withdrawn', 'consent.check_after_birthday',
  // Legal bases and emergency access.
  'basis.review_requested', 'basis.acted_before_review', 'basis.reviewed',
  'break_glass.started', 'break_glass.review_requested', 'break_glass.reviewed', 'break_glass.unjustified', 'break_glass.family_notice',
  // Anonymous consults and support teams.
  'consult.asked', 'consult.answered', 'consult.contact_set',
  'support_team.invited', 'support_team.moved', 'support_team.invitation_answered', 'support_team.member_added',
] as const;

/** A region may configure more warning thresholds than two: `absence.warning_3` and on share the words of a warning. */
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number] | `absence.warning_${number}`;

/**
 * Where a notification takes its reader, decided by the server for that reader (never a page
 * that answers them 404): a child's page (a section of it), a leerplicht case, or a list.
 */
export type NotificationTarget = 'child' | 'absence' | 'exemptions' | 'consult' | 'consults' | 'support_team' | 'join_requests' | 'privacy' | 'home';

export interface NotificationLink { to: NotificationTarget; id: string | null; section: string | null }

/** The web app's path for a link. */
export function notificationHref(link: NotificationLink): string {
  switch (link.to) {
    case 'child': return link.section ? `/children/${link.id}/${link.section}` : `/children/${link.id}`;
    case 'absence': return `/worklist/${link.id}`;
    case 'exemptions': return '/exemptions';
    case 'consult': return `/consult/${link.id}`;
    case 'consults': return '/consult';
    case 'support_team': return `/support-teams/${link.id}`;
    case 'join_requests': return '/join-requests';
    case 'privacy': return '/privacy';
    case 'home': return '/';
  }
}

/** The i18n key of a kind's words: `notificationKind.<kind with _ for .>`; every warning level shares one. */
export function notificationWordsKey(kind: string): string {
  if (/^absence\.warning_\d+$/.test(kind)) return 'notificationKind.absence_warning';
  return `notificationKind.${kind.replace(/\./g, '_')}`;
}
