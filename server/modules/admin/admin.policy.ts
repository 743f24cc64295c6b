/**
 * Who may administer what. Platform admins administer everything; an organisation
 * admin administers the people of the organisations where they hold that role, inside
 * their own region only, and never a platform admin.
 *
 * Refusals are 403 (`forbidden`): also a region other than the admin's own in a body,
 * so an insider learns nothing from the answer. A request that is allowed but would
 * cross a region wall (a membership in another region's organisation, an area under
 * another region's area) is 422 (`unprocessable`) with the field named: that can only
 * be a platform admin's mistake.
 */
import type { Actor } from '../../core/session.ts';

/**
 * The organisations an org admin administers: where they hold `org_admin`, in their own
 * region. A membership in another region (older data) gives no power there: fail closed.
 */
export function adminOrgIds(actor: Actor): string[] {
  return actor.memberships
    .filter((m) => m.role === 'org_admin' && m.regionId === actor.regionId)
    .map((m) => m.organisationId);
}

/** The region an org admin acts in (their own), or null when they administer nothing. */
export function adminRegionId(actor: Actor): string | null {
  return adminOrgIds(actor).length > 0 ? actor.regionId : null;
}

/** What the policy needs to know about the user whose rights would change. */
export interface MembershipTarget {
  kind: string;
  regionId: string;
  isPlatformAdmin: boolean;
  /** The organisations the user is a member of now (any role). */
  organisationIds: string[];
}

export const adminPolicy = {
  canManageRegions: (actor: Actor) => actor.isPlatformAdmin,
  canCreateOrganisation: (actor: Actor) => actor.isPlatformAdmin,
  canListOrganisations: (actor: Actor) => actor.isPlatformAdmin || adminOrgIds(actor).length > 0,
  canListUsers: (actor: Actor) => actor.isPlatformAdmin || adminOrgIds(actor).length > 0,
  /**
   * An org admin may add staff to their own organisations only, in their own region, and
   * never make platform admins.
   */
  canCreateUser: (actor: Actor, input: { regionId: string; kind: string; isPlatformAdmin?: boolean; organisationIds: string[] }) => {
    if (actor.isPlatformAdmin) return true;
    const own = adminOrgIds(actor);
    return (
      own.length > 0 && input.regionId === adminRegionId(actor) && input.kind === 'staff' && !input.isPlatformAdmin &&
      input.organisationIds.length > 0 && input.organisationIds.every((id) => own.includes(id))
    );
  },
  /**
   * An org admin may give roles in their own organisations only, to staff of their own region
   * who are already members of one of those organisations, and never to a platform admin.
   * `target` is null when the user does not exist (refused the same way, so ids cannot be probed).
   */
  canAddMembership: (actor: Actor, target: MembershipTarget | null, organisationId: string) => {
    if (actor.isPlatformAdmin) return true;
    const own = adminOrgIds(actor);
    if (!own.includes(organisationId) || !target) return false;
    return (
      !target.isPlatformAdmin && target.kind === 'staff' && target.regionId === adminRegionId(actor) &&
      target.organisationIds.some((id) => own.includes(id))
    );
  },
  /** A membership's organisation lies in the user's region (for everyone, platform admins too). */
  membershipInRegion: (userRegionId: string, organisationRegionId: string) => userRegionId === organisationRegionId,
};
