/**
 * Shapes of the API answers the web app reads: the server's own schemas (server/modules/*\/*.schemas.ts),
 * imported as types only, so the contract lives once and the build fails when the two drift.
 */
import type { MeOut, MembershipOut } from '../../server/modules/accounts/accounts.schemas.ts';
import type { OrganisationOut, RegionOut, UserOut } from '../../server/modules/admin/admin.schemas.ts';
import type { OrganisationType, PARTNER_ONLY_TYPES as ServerPartnerTypes, Role } from '../../server/core/session.ts';
import type { Assert, SameValues } from './contract.ts';

export type UserKind = MeOut['kind'];
export type Membership = MembershipOut;
/** GET /api/v1/me and POST /api/v1/session. */
export type Me = MeOut;
export type Organisation = OrganisationOut;
export type AdminUser = UserOut;
export type Region = RegionOut;

export const ROLES = [
  'teacher', 'intern_begeleider', 'zorgcoordinator', 'youth_care_professional', 'jgz_professional',
  'leerplicht_officer', 'swv_coordinator', 'municipality_coordinator', 'policy_maker', 'org_admin', 'privacy_officer',
] as const;
type _Roles = Assert<SameValues<typeof ROLES, Role>>;

export const ORGANISATION_TYPES = [
  'school', 'school_board', 'swv', 'childcare', 'wijkteam', 'youth_care_provider', 'jgz', 'leerplicht', 'municipality',
  'welfare', 'youth_work', 'sport_culture', 'library', 'police', 'housing', 'health_insurer', 'care_office',
  'training_institute', 'mbo', 'gastouder_agency',
] as const;
type _OrganisationTypes = Assert<SameValues<typeof ORGANISATION_TYPES, OrganisationType>>;

/** The partner kinds a workspace may add itself (the others are made by the platform admin). */
export const PARTNER_ONLY_TYPES = [
  'welfare', 'youth_work', 'sport_culture', 'library', 'police', 'housing', 'health_insurer', 'care_office',
  'training_institute', 'mbo', 'gastouder_agency',
] as const;
type _PartnerTypes = Assert<SameValues<typeof PARTNER_ONLY_TYPES, (typeof ServerPartnerTypes)[number]>>;

/** Which home screen a user gets; decided from /me only (the server still checks every call). */
export type HomeKind = 'admin' | 'family' | 'worklist' | 'professional' | 'privacy' | 'policy';

export function homeKindOf(me: Me): HomeKind {
  if (me.kind === 'parent' || me.kind === 'young_person') return 'family';
  const roles = new Set(me.memberships.map((m) => m.role));
  if (roles.has('leerplicht_officer') || roles.has('swv_coordinator') || roles.has('municipality_coordinator')) return 'worklist';
  const caseRoles = ['teacher', 'intern_begeleider', 'zorgcoordinator', 'youth_care_professional', 'jgz_professional'];
  if (caseRoles.some((r) => roles.has(r))) return 'professional';
  // A privacy officer without case work starts at the review screen.
  if (roles.has('privacy_officer')) return 'privacy';
  if (me.isPlatformAdmin || roles.has('org_admin')) return 'admin';
  return 'policy';
}

/** True when the user may see the admin screens (the server decides what they really get). */
export function canAdminister(me: Me): boolean {
  return me.isPlatformAdmin || me.memberships.some((m) => m.role === 'org_admin');
}

/** Roles that open the partners' workspace (Samenwerking); the server decides per partnership. */
export function hasWorkspaceRole(me: Me): boolean {
  return me.kind === 'staff' && me.memberships.some((m) => ['policy_maker', 'municipality_coordinator', 'swv_coordinator', 'org_admin'].includes(m.role));
}

/** True for a privacy officer (functionaris gegevensbescherming); the server decides what they see. */
export function isPrivacyOfficer(me: Me): boolean {
  return me.kind === 'staff' && me.memberships.some((m) => m.role === 'privacy_officer');
}
