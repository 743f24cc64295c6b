/**
 * Who may administer what. Platform admins administer everything; an organisation
 * admin administers the people of the organisations where they hold that role.
 */
import type { Actor } from '../../core/session.ts';

export function adminOrgIds(actor: Actor): string[] {
  return actor.memberships.filter((m) => m.role === 'org_admin').map((m) => m.organisationId);
}

export const adminPolicy = {
  canManageRegions: (actor: Actor) => actor.isPlatformAdmin,
  canCreateOrganisation: (actor: Actor) => actor.isPlatformAdmin,
  canListOrganisations: (actor: Actor) => actor.isPlatformAdmin || adminOrgIds(actor).length > 0,
  canListUsers: (actor: Actor) => actor.isPlatformAdmin || adminOrgIds(actor).length > 0,
  /** An org admin may add staff to their own organisations only, and never make platform admins. */
  canCreateUser: (actor: Actor, input: { kind: string; isPlatformAdmin?: boolean; organisationIds: string[] }) => {
    if (actor.isPlatformAdmin) return true;
    const own = adminOrgIds(actor);
    return (
      own.length > 0 && input.kind === 'staff' && !input.isPlatformAdmin && input.organisationIds.length > 0 &&
      input.organisationIds.every((id) => own.includes(id))
    );
  },
  canAddMembership: (actor: Actor, organisationId: string) => actor.isPlatformAdmin || adminOrgIds(actor).includes(organisationId),
};
