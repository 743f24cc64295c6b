/** Shapes of the leerplicht API. Mirrors server/modules/leerplicht/leerplicht.schemas.ts. */

export type Clock = 'ok' | 'warning' | 'red' | 'stopped';

/** One absence case (CaseOut). */
export interface LeerplichtCase {
  id: string;
  youngPersonId: string;
  name: string;
  ageYears: number;
  duty: string;
  kind: string;
  startedOn: string;
  endedOn: string | null;
  school: string | null;
  schoolType: string | null;
  swvId: string | null;
  reasonCategory: string;
  offer: { type: string; extent: string; hoursPerWeek: number | null; startedOn: string | null };
  daysWithoutOffer: number;
  clock: Clock;
  clockLabel: string;
  exempted: boolean;
  /** Escalating now passes a rung before its time to act: the form asks why (earlyReason). */
  nextRungEarly: boolean;
  escalation: { rung: number; rungKey: string; deadline: string; overdue: boolean; automatic: boolean } | null;
  decision: { id: string; place: string; provider: string; payer: string; dueOn: string } | null;
  outcome: string | null;
  version: number;
  allowedActions: string[];
}

/** GET /api/v1/leerplicht/worklist. */
export interface LeerplichtWorklist {
  items: LeerplichtCase[];
  /** All matching cases (not exempted); items is one page of them. */
  total: number;
  offset: number;
  limit: number;
  counts: Record<Clock, number>;
  exemptedCount: number;
  thresholds: { warningDays: number[]; redMonths: number };
  /** The region's escalation ladder (for the rung filter). */
  ladder: { rung: number; rungKey: string }[];
}

/** GET /api/v1/leerplicht/absences/:id/history (leerplicht officers only): newest first. */
export interface CaseHistoryItem {
  id: string;
  at: string;
  kind: 'registered' | 'updated' | 'escalated' | 'decision';
  /** null: the daily job (an automatic escalation). */
  by: { userId: string; name: string } | null;
  absenceKind: string | null;
  rungKey: string | null;
  automatic: boolean;
  fields: string[];
  place: string | null;
  dueOn: string | null;
}

/** GET /api/v1/leerplicht/exemptions (ExemptionOut). */
export interface Exemption {
  id: string;
  youngPersonId: string;
  name: string;
  article: string;
  schoolYear: string;
  validFrom: string;
  validUntil: string;
  statementBy: string | null;
  statementRole: string | null;
  statementDate: string | null;
  neverAble: boolean;
  status: string;
  reviewReason: string | null;
  version: number;
  /** 'review' when I may be the second pair of eyes (never the one who registered it). */
  allowedActions: string[];
}

/** GET /api/v1/organisations: the region's directory, for pickers. */
export interface DirectoryOrganisation {
  id: string;
  name: string;
  type: string;
  schoolType: string | null;
}

/** GET /api/v1/leerplicht/young-people → items. */
export interface YoungPersonHit {
  id: string;
  name: string;
  birthDate: string;
  ageYears: number;
  school: string | null;
  duty: string;
}

export const ABSENCE_KINDS = ['absolute', 'relative', 'long_term_relative'] as const;
export const REASON_CATEGORIES = [
  'illness', 'psychological', 'behaviour', 'no_suitable_place', 'waiting_list', 'school_refusal', 'conflict_with_school', 'family_circumstances', 'other',
] as const;
export const OFFER_TYPES = ['none', 'education', 'care', 'education_and_care'] as const;
export const OFFER_EXTENTS = ['none', 'partial', 'full'] as const;
export const OUTCOMES = ['back_at_school', 'other_offer', 'exemption', 'moved', 'other'] as const;
export const ARTICLES = ['5a', '5b', '5c', '15'] as const;
export const STATEMENT_ROLES = ['doctor', 'psychologist', 'pedagogue'] as const;

export function isLeerplichtOfficer(me: { memberships: { role: string }[] }): boolean {
  return me.memberships.some((m) => m.role === 'leerplicht_officer');
}

export function swvMemberships<M extends { role: string; organisationType: string }>(me: { memberships: M[] }): M[] {
  return me.memberships.filter((m) => m.role === 'swv_coordinator' && m.organisationType === 'swv');
}

export function todayIso(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
