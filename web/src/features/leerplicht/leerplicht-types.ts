/**
 * Shapes of the leerplicht API: the server's schemas (server/modules/leerplicht/leerplicht.schemas.ts),
 * imported as types only, so the build fails when the web app and the API disagree.
 */
import type {
  AbsenceBody, AbsencePatchBody, CaseHistoryOut, CaseOut, ExemptionBody, ExemptionOut, WorklistOut, YoungPeopleOut,
} from '../../../../server/modules/leerplicht/leerplicht.schemas.ts';
import type { DirectoryOrganisationOut } from '../../../../server/modules/admin/admin.schemas.ts';
import type { Assert, SameValues } from '../../contract.ts';

export type Clock = CaseOut['clock'];

/** One absence case (CaseOut). */
export type LeerplichtCase = CaseOut;

/** GET /api/v1/leerplicht/worklist: one page of cases (total counts them all), with counts per clock. */
export type LeerplichtWorklist = WorklistOut;

/** GET /api/v1/leerplicht/absences/:id/history (leerplicht officers only): newest first; `by` null is the daily job. */
export type CaseHistoryItem = CaseHistoryOut['items'][number];

/** GET /api/v1/leerplicht/exemptions (ExemptionOut); allowedActions has 'review' when I may be the second pair of eyes. */
export type Exemption = ExemptionOut;

/** GET /api/v1/organisations: the region's directory, for pickers. */
export type DirectoryOrganisation = DirectoryOrganisationOut;

/** GET /api/v1/leerplicht/young-people → items. */
export type YoungPersonHit = YoungPeopleOut['items'][number];

export const ABSENCE_KINDS = ['absolute', 'relative', 'long_term_relative'] as const;
export const REASON_CATEGORIES = [
  'illness', 'psychological', 'behaviour', 'no_suitable_place', 'waiting_list', 'school_refusal', 'conflict_with_school', 'family_circumstances', 'other',
] as const;
export const OFFER_TYPES = ['none', 'education', 'care', 'education_and_care'] as const;
export const OFFER_EXTENTS = ['none', 'partial', 'full'] as const;
export const OUTCOMES = ['back_at_school', 'other_offer', 'exemption', 'moved', 'other'] as const;
export const ARTICLES = ['5a', '5b', '5c', '15'] as const;
export const STATEMENT_ROLES = ['doctor', 'psychologist', 'pedagogue'] as const;
// The options above are exactly what the server accepts (tsc fails when they drift).
type _Lists = [
  Assert<SameValues<typeof ABSENCE_KINDS, AbsenceBody['kind']>>,
  Assert<SameValues<typeof REASON_CATEGORIES, AbsenceBody['reasonCategory']>>,
  Assert<SameValues<typeof OFFER_TYPES, NonNullable<AbsencePatchBody['offerType']>>>,
  Assert<SameValues<typeof OFFER_EXTENTS, NonNullable<AbsencePatchBody['offerExtent']>>>,
  Assert<SameValues<typeof OUTCOMES, NonNullable<AbsencePatchBody['outcome']>>>,
  Assert<SameValues<typeof ARTICLES, ExemptionBody['article']>>,
  Assert<SameValues<typeof STATEMENT_ROLES, NonNullable<ExemptionBody['statementRole']>>>,
];

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
