/**
 * Shapes of the Kindkring API (children, networks, consents, plans, meetings,
 * history, notifications), mirroring server/modules/*\/*.schemas.ts.
 */
import type { NotificationLink } from '../../../../shared/notifications.ts';

/** GET /api/v1/children → items. */
export interface ChildListItem {
  id: string;
  givenName: string;
  familyName: string;
  birthDate: string;
  ageYears: number;
  access: string;
}

export interface Consenter {
  userId: string | null;
  displayName: string;
  relation: string;
}

/** GET /api/v1/children/:id. */
export interface Child extends Omit<ChildListItem, 'access'> {
  birthExpected: boolean;
  bsn: string | null;
  gemeente: { id: string; name: string } | null;
  wijk: { id: string; name: string } | null;
  school: { id: string; name: string } | null;
  guardians: { userId: string; displayName: string }[];
  hasOwnAccount: boolean;
  parentsAccess: string;
  consentRule: { ageBand: 'under_12' | '12_to_15' | '16_plus'; consenters: Consenter[] };
  access: { level: string; basis: string | null };
  version: number;
  allowedActions: string[];
}

export interface Involvement {
  id: string;
  userId: string;
  displayName: string;
  organisationId: string;
  organisationName: string;
  organisationType: string;
  role: string;
  startsOn: string;
  endsOn: string | null;
  isLead: boolean;
  contactEmail: string | null;
  contactPhone: string | null;
}

export interface Question {
  id: string;
  text: string;
  ownWords: boolean;
  lifeDomains: string[];
  raisedBy: string;
  /** What the professional who raised it said; null when not asked (the family's own question). */
  parentsInformed?: 'yes' | 'not_yet' | null;
  createdAt: string;
  createdBy: string;
}

/** GET /api/v1/children/:id/network. */
export interface Network {
  id: string;
  status: string;
  lead: { userId: string; displayName: string; organisationName: string | null } | null;
  involvements: Involvement[];
  members: { userId: string | null; displayName: string; relation: string }[];
  questions: Question[];
  handovers: { from: string | null; to: string; reason: string; at: string }[];
  version: number;
  allowedActions: string[];
}

/** GET /api/v1/children/:id/network/candidates. */
export interface Candidate {
  userId: string;
  displayName: string;
  organisationId: string;
  organisationName: string;
  organisationType: string;
  role: string;
  covered: boolean;
}

export interface Consent {
  id: string;
  purpose: string;
  recipient: { organisationId: string | null; organisationName: string | null; role: string | null };
  givenBy: { userId: string | null; displayName: string; relation: string };
  method: string;
  recordedBy: string;
  validFrom: string;
  validUntil: string | null;
  givenAt: string;
  withdrawnAt: string | null;
  withdrawnBy: string | null;
  expired: boolean;
  active: boolean;
  version: number;
  canWithdraw: boolean;
  /** Recorded on someone's behalf: pending until they (or the lead) confirm; only confirmed consent opens anything. */
  status: 'pending' | 'confirmed' | 'declined';
  canConfirm: boolean;
}

export interface LegalBasis {
  id: string;
  kind: string;
  organisationId: string;
  organisationName: string;
  justification: string;
  recordedBy: string;
  recordedAt: string;
  validUntil: string | null;
  /** Who reviewed it; null before review (a privacy officer reviews, by rule). */
  reviewer: string | null;
  reviewOutcome: string | null;
  endangering: boolean;
  provisionalUntil: string | null;
  status: 'awaiting_review' | 'provisional' | 'provisional_ended' | 'confirmed' | 'rejected' | 'expired';
}

/** GET /api/v1/children/:id/consents. */
export interface ConsentsView {
  rule: { ageBand: string; consenters: Consenter[] };
  consents: Consent[];
  coverage: { organisationId: string; organisationName: string; covered: boolean; missing: string[]; flagged: boolean; basis: string | null }[];
  legalBases: LegalBasis[];
  allowedActions: string[];
}

export interface PlanGoal {
  id: string;
  text: string;
}

export interface PlanAction {
  id: string;
  goalId: string | null;
  what: string;
  owner: { userId: string | null; name: string; organisationName: string | null };
  dueOn: string | null;
  status: string;
}

/** GET /api/v1/children/:id/plan and /plan/versions/:n. */
export interface Plan {
  id: string | null;
  versionNumber: number;
  goals: PlanGoal[];
  actions: PlanAction[];
  lead: { userId: string; displayName: string } | null;
  nextEvaluationOn: string | null;
  changeSummary: string;
  createdAt: string | null;
  createdBy: string | null;
  opinions: { userId: string; displayName: string; relation: string; opinion: 'agree' | 'disagree'; comment: string | null; at: string }[];
  comments: { id: string; author: string; relation: string; text: string; at: string }[];
  allowedActions: string[];
}

/** GET /api/v1/children/:id/plan/versions. */
export interface PlanVersionSummary {
  number: number;
  createdAt: string;
  createdBy: string;
  changeSummary: string;
  agree: number;
  disagree: number;
}

export interface MeetingParticipant {
  id: string;
  kind: string;
  userId: string | null;
  name: string;
  organisationName: string | null;
  present: boolean | null;
  hasMandate: boolean;
  childVoice: string | null;
  isChair: boolean;
}

/** A meeting's decision: binding at the table, or a proposal the organisation it commits confirms or declines. */
export interface MeetingDecision {
  id: string; text: string; planActionId: string | null; at: string;
  status: 'binding' | 'proposed' | 'confirmed' | 'declined';
  organisationName: string | null;
  proposedAction: { what: string; ownerName: string; dueOn: string | null } | null;
  answeredBy: string | null; answeredAt: string | null; answerNote: string | null;
}

/** GET /api/v1/children/:id/meetings (array). */
export interface Meeting {
  id: string;
  scheduledAt: string;
  chairName: string;
  agenda: string[];
  status: 'planned' | 'held' | 'cancelled' | string;
  heldOn: string | null;
  participants: MeetingParticipant[];
  decisions: MeetingDecision[];
  report: string | null;
  reportSharedAt: string | null;
  warnings: { code: string; message: string; messageNl: string }[];
  version: number;
  allowedActions: string[];
}

export interface AccessLogEntry {
  seq: number;
  at: string;
  who: string;
  organisation: string | null;
  kind: string;
  what: string;
  whatNl: string;
  basis: string | null;
  outcome: string;
  /** Done by the family itself (a parent or the young person). */
  family: boolean;
}

/** GET /api/v1/children/:id/access-log: one page, newest first; nextBefore continues with older entries. */
export interface AccessLogPage {
  items: AccessLogEntry[];
  nextBefore: number | null;
  organisations: { id: string; name: string }[];
}

/** GET /api/v1/worklist → items. */
export interface WorklistItem {
  youngPersonId: string;
  name: string;
  ageYears: number;
  isLead: boolean;
  leadName: string | null;
  organisationName: string;
  nextEvaluationOn: string | null;
  openActions: number;
  overdueActions: number;
  lastActivityAt: string | null;
  /** false: involved, but no consent or reviewed basis today; only who the child is is shown. */
  hasBasis: boolean;
}

/** GET /api/v1/tasks. */
export interface Task {
  youngPersonId: string;
  childName: string;
  actionId: string;
  what: string;
  dueOn: string | null;
  status: string;
  overdue: boolean;
}

/** GET /api/v1/matches. */
export interface Match {
  id: string;
  kind: 'person' | 'family';
  createdAt: string;
  mySignal: { signalId: string; youngPersonName: string; birthDate: string };
  other: { displayName: string; organisationName: string; contactEmail: string | null; contactPhone: string | null; youngPersonName: string | null };
}

/** GET /api/v1/notifications. */
export interface Notification {
  id: string;
  kind: string;
  youngPersonId: string | null;
  childName: string | null;
  payload: Record<string, unknown>;
  createdAt: string;
  read: boolean;
  /** Where it takes its reader: only a page the server lets this reader open. */
  link: NotificationLink | null;
}

/** POST /api/v1/children and /questions answer this (202) to a professional outside the network. */
export interface JoinRequestSent {
  status: 'join_requested';
}

/** True when the answer says a join request was sent instead of the question being opened. */
export function isJoinRequested(answer: unknown): answer is JoinRequestSent {
  return Boolean(answer && typeof answer === 'object' && (answer as { status?: unknown }).status === 'join_requested');
}

/** GET /api/v1/join-requests. */
export interface JoinRequests {
  incoming: {
    id: string;
    youngPersonId: string;
    childName: string;
    birthDate: string;
    requester: { userId: string; displayName: string; organisationName: string; role: string };
    via: string;
    question: { text: string; lifeDomains: string[]; raisedBy: string; parentsInformed?: 'yes' | 'not_yet' | null } | null;
    status: string;
    createdAt: string;
    decideAs: 'lead' | 'family' | 'coordinator';
    version: number;
  }[];
  outgoing: {
    id: string;
    status: string;
    via: string;
    organisationName: string;
    createdAt: string;
    decidedAt: string | null;
    childName: string | null;
    youngPersonId: string | null;
  }[];
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
