/**
 * Who may do what in a partners' workspace, as small named rules.
 *
 * A workspace is seen by people who hold a policy, coordinator or admin role in an
 * organisation that is a partner of the partnership. Everyone else gets 404 (the
 * workspace's existence is not revealed). Parents, young people and ordinary
 * professionals only answer rounds they are invited to, and action owners see and
 * update their own actions.
 */
import type { Actor, Role } from '../../core/session.ts';

/** Roles that give access to the workspaces of one's organisation's partnerships. */
export const WORKSPACE_ROLES: readonly Role[] = ['policy_maker', 'municipality_coordinator', 'swv_coordinator', 'org_admin'];

/** Everything a workspace member may do; the web app shows what is listed here. */
export const MEMBER_ACTIONS = [
  'view', 'edit', 'manage_partners', 'manage_tables', 'manage_agreements', 'manage_funding',
  'manage_programmes', 'manage_assessments', 'view_results', 'check_guide',
] as const;
/**
 * Adding an organisation that is not in Rondom yet (a contact-only organisation, no staff) from
 * the add-partner form: only those who run the partnership for a partner organisation.
 */
export const ORGANISATION_ADDER_ROLES: readonly Role[] = ['policy_maker', 'municipality_coordinator', 'swv_coordinator'];
export type WorkspaceAction = (typeof MEMBER_ACTIONS)[number] | 'add_organisation';

/** The organisations through which this actor may reach workspaces. */
export function workspaceOrgIds(actor: Actor): string[] {
  if (actor.kind !== 'staff') return [];
  return [...new Set(actor.memberships.filter((m) => WORKSPACE_ROLES.includes(m.role)).map((m) => m.organisationId))];
}

export const partnershipPolicy = {
  /** Platform admins create partnerships; so do workspace roles, for a partnership their own organisation joins. */
  canCreate: (actor: Actor, initialOrgIds: string[]) =>
    actor.isPlatformAdmin || (workspaceOrgIds(actor).length > 0 && initialOrgIds.some((id) => workspaceOrgIds(actor).includes(id))),
  /** Member: one of the actor's workspace organisations is a partner. */
  isMember: (actor: Actor, partnerOrgIds: string[]) => workspaceOrgIds(actor).some((id) => partnerOrgIds.includes(id)),
  /** A member who holds a policy or coordinator role in a partner organisation (not an org admin, not a professional). */
  canAddOrganisation: (actor: Actor, partnerOrgIds: string[]) =>
    actor.kind === 'staff' && actor.memberships.some((m) => ORGANISATION_ADDER_ROLES.includes(m.role) && partnerOrgIds.includes(m.organisationId)),
  allowedActions: (actor: Actor, partnerOrgIds: string[]): WorkspaceAction[] => {
    if (!partnershipPolicy.isMember(actor, partnerOrgIds)) return [];
    return partnershipPolicy.canAddOrganisation(actor, partnerOrgIds) ? [...MEMBER_ACTIONS, 'add_organisation'] : [...MEMBER_ACTIONS];
  },
  /** Action owners update their own action, whatever their role. */
  canUpdateOwnAction: (actor: Actor, ownerUserId: string) => actor.kind === 'staff' && actor.userId === ownerUserId,
  /** Only invited users answer a round, and only once, while it is open. */
  canRespond: (actor: Actor, invitation: { user_id: string; responded_at: unknown } | undefined, roundOpen: boolean) =>
    Boolean(invitation && invitation.user_id === actor.userId && !invitation.responded_at && roundOpen),
};

/** Results are shown only for groups with at least this many answers, so no respondent can be singled out. */
export const ANONYMITY_THRESHOLD = 3;
/** Warn this many days before funding ends. */
export const FUNDING_WARNING_DAYS = 180;
/** Warn this many days before an agreement's review date. */
export const REVIEW_WARNING_DAYS = 60;
/** An organisation at more tables than this gets a "too many tables" warning. */
export const MAX_TABLES_PER_ORGANISATION = 3;
