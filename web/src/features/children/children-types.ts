/**
 * Shapes of the Kindkring API (children, networks, consents, plans, meetings, …),
 * following the lead engineer's contract. Fields the server may add later are
 * optional here so screens keep working while the API grows.
 */

export interface ChildListItem {
  id: string;
  givenName: string;
  familyName: string;
  birthDate: string | null;
  ageYears: number | null;
  access?: unknown;
}

export interface Consenter {
  userId: string;
  displayName: string;
  relation: string;
}

export interface Child extends ChildListItem {
  guardians?: { userId: string; displayName: string; relation?: string }[];
  consentRule?: { ageBand: 'under_12' | '12_to_15' | '16_plus'; consenters: Consenter[] };
  version?: number;
  allowedActions: string[];
}

export interface Involvement {
  id: string;
  userId: string;
  displayName: string;
  organisationId: string;
  organisationName: string;
  role: string;
  startsOn?: string | null;
  endsOn?: string | null;
  isLead: boolean;
}

export interface Question {
  id: string;
  text: string;
  ownWords?: boolean;
  lifeDomains?: string[];
  raisedBy?: string;
  createdAt?: string;
}

export interface Network {
  status: string;
  lead: { userId: string; displayName: string; organisationName?: string } | null;
  involvements: Involvement[];
  members?: { userId: string; displayName: string; relation: string }[];
  questions?: Question[];
  candidates?: { userId: string; displayName: string; organisationId: string; organisationName: string; role?: string }[];
  version: number;
  allowedActions: string[];
}

export interface Consent {
  id: string;
  purpose: string;
  recipientOrganisationId?: string | null;
  recipientOrganisationName?: string | null;
  recipientRole?: string | null;
  consenterUserId?: string;
  consenterName?: string;
  method?: string;
  validFrom?: string;
  validUntil?: string | null;
  status?: string;
  withdrawnAt?: string | null;
  allowedActions?: string[];
  /** Real API shape (consents.schemas.ts). */
  recipient?: { organisationId: string | null; organisationName: string | null; role: string | null };
  givenBy?: { userId: string | null; displayName: string; relation: string };
  active?: boolean;
  canWithdraw?: boolean;
}

export interface ConsentsView {
  rule: { ageBand: string; consenters: Consenter[] };
  consents: Consent[];
  coverage: { organisationId: string; organisationName: string; covered: boolean; missing?: string[]; flagged?: boolean }[];
  legalBases: { id: string; kind: string; justification?: string; organisationName?: string }[];
  allowedActions: string[];
}

export interface PlanAction {
  id?: string;
  what: string;
  who: string;
  dueOn?: string | null;
  status?: string;
}

export interface PlanGoal {
  id?: string;
  text: string;
}

export interface Plan {
  goals: PlanGoal[];
  actions: PlanAction[];
  versionNumber: number;
  version?: number;
  nextEvaluationOn?: string | null;
  lead?: { displayName: string } | null;
  allowedActions: string[];
}

export interface PlanVersion {
  number: number;
  createdAt?: string;
  createdByName?: string;
  goals?: PlanGoal[];
  actions?: PlanAction[];
  opinions?: { userId?: string; displayName?: string; opinion: 'agree' | 'disagree'; comment?: string | null }[];
  comments?: { displayName?: string; text: string; createdAt?: string }[];
  allowedActions?: string[];
}

export interface Meeting {
  id: string;
  title?: string;
  startsAt?: string;
  scheduledAt?: string;
  chair?: string | null;
  agenda?: string | null;
  status?: string;
  participants?: { displayName: string; present?: boolean | null; mandate?: boolean }[];
  decisions?: { id: string; text: string; actionId?: string | null }[];
  reportSharedAt?: string | null;
  allowedActions?: string[];
}

export interface AccessLogEntry {
  at: string;
  who: string;
  organisationName?: string | null;
  what: string;
  basis?: string | null;
}

export interface TimelineEntry {
  at: string;
  kind: string;
  text: string;
  by?: string | null;
}

export interface Task {
  id: string;
  childId: string;
  childName?: string;
  what: string;
  dueOn?: string | null;
  status?: string;
}

export interface Match {
  id: string;
  childId?: string | null;
  childName?: string;
  otherOrganisationName?: string;
  otherDisplayName?: string;
  contact?: string | null;
  createdAt?: string;
}

export interface Notification {
  id: string;
  kind: string;
  text?: string;
  message?: string;
  childId?: string | null;
  createdAt: string;
  readAt?: string | null;
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

/** True when the server allows any of these action names (names may vary while the API lands). */
export function can(allowed: string[] | undefined, ...names: string[]): boolean {
  return Boolean(allowed && names.some((n) => allowed.includes(n)));
}
