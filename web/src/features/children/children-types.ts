/**
 * Shapes of the Kindkring API (children, networks, consents, plans, meetings, history,
 * notifications): the server's own schemas, imported as types only (nothing of the server
 * enters the bundle), so the build fails when the web app and the API disagree.
 * The names are the web app's; each is the server's answer or a part of it.
 */
import type { ChildOut, ChildSummary } from '../../../../server/modules/children/children.schemas.ts';
import type { AccessLogOut } from '../../../../server/modules/children/children.history.ts';
import type { ConsentOut, ConsentsOut, LegalBasisOut } from '../../../../server/modules/consents/consents.schemas.ts';
import type { MatchOut } from '../../../../server/modules/matches/matches.schemas.ts';
import type { DecisionOutItem, MeetingOut } from '../../../../server/modules/meetings/meetings.schemas.ts';
import type { InvolvementOut, JoinRequestSent as JoinRequestSentOut, JoinRequestsOut, NetworkOut, ProfessionalOut } from '../../../../server/modules/networks/networks.schemas.ts';
import type { WorklistOut } from '../../../../server/modules/networks/networks.worklist.ts';
import type { NotificationOut } from '../../../../server/modules/notifications/notifications.service.ts';
import type { ActionOut, GoalOut, PlanOut, TaskOut, VersionSummary } from '../../../../server/modules/plans/plans.schemas.ts';

/** GET /api/v1/children → items. */
export type ChildListItem = ChildSummary;
/** GET /api/v1/children/:id. */
export type Child = ChildOut;
/** Who must consent for a young person (from the child's consent rule). */
export type Consenter = ChildOut['consentRule']['consenters'][number];

/** GET /api/v1/children/:id/network. */
export type Network = NetworkOut;
export type Involvement = InvolvementOut;
export type Question = NetworkOut['questions'][number];
/** GET /api/v1/children/:id/network/candidates. */
export type Candidate = ProfessionalOut;

/** GET /api/v1/children/:id/consents. */
export type ConsentsView = ConsentsOut;
export type Consent = ConsentOut;
export type LegalBasis = LegalBasisOut;

/** GET /api/v1/children/:id/plan and /plan/versions/:n. */
export type Plan = PlanOut;
export type PlanGoal = GoalOut;
export type PlanAction = ActionOut;
/** GET /api/v1/children/:id/plan/versions. */
export type PlanVersionSummary = VersionSummary;

/** GET /api/v1/children/:id/meetings (array). */
export type Meeting = MeetingOut;
export type MeetingParticipant = MeetingOut['participants'][number];
/** A meeting's decision: binding at the table, or a proposal the organisation it commits confirms or declines. */
export type MeetingDecision = DecisionOutItem;

/** GET /api/v1/children/:id/access-log → items. */
export type AccessLogEntry = AccessLogOut['items'][number];
/** GET /api/v1/children/:id/access-log: one page, newest first; nextBefore continues with older entries. */
export type AccessLogPage = AccessLogOut;
/** GET /api/v1/worklist → items. */
export type WorklistItem = WorklistOut['items'][number];
/** GET /api/v1/tasks. */
export type Task = TaskOut;
/** GET /api/v1/matches. */
export type Match = MatchOut;
/** GET /api/v1/notifications. */
export type Notification = NotificationOut;

/** POST /api/v1/children and /questions answer this (202) to a professional outside the network. */
export type JoinRequestSent = JoinRequestSentOut;
/** GET /api/v1/join-requests. */
export type JoinRequests = JoinRequestsOut;

/** True when the answer says a join request was sent instead of the question being opened. */
export function isJoinRequested(answer: unknown): answer is JoinRequestSent {
  return Boolean(answer && typeof answer === 'object' && (answer as { status?: unknown }).status === 'join_requested');
}

/** Reads a list from an answer that is either an array or {items: []}. */
export function itemsOf<T>(data: unknown): T[] {
  if (Array.isArray(data)) return data as T[];
  if (data && typeof data === 'object' && Array.isArray((data as { items?: unknown }).items)) return (data as { items: T[] }).items;
  return [];
}

export function fullName(c: { givenName: string; familyName: string }): string {
  return `${c.givenName} ${c.familyName}`;
}

/** True when the server allows this action (the web app never decides itself). */
export function can(allowed: string[] | undefined, ...names: string[]): boolean {
  return Boolean(allowed && names.some((n) => allowed.includes(n)));
}
