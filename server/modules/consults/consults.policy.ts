/**
 * Who may do what with an anonymous consult. Small named rules; the service asks them.
 * Deny by default: a consult exists only for its asker, the addressed contact and the
 * current members of the addressed team.
 */
import type { Actor, Role } from '../../core/session.ts';

/** Roles that ask a consult: teacher (also the childcare worker, pedagogisch medewerker), intern begeleider, zorgcoördinator. */
export const ASKER_ROLES: Role[] = ['teacher', 'intern_begeleider', 'zorgcoordinator'];
/** Organisations a consult is asked for. */
export const ASKER_ORG_TYPES = ['school', 'childcare'];

export interface ConsultFacts {
  askerUserId: string;
  addressedTo: 'contact' | 'team';
  contactUserId: string | null;
  /** The caller is a current member of the addressed team. */
  callerInTeam: boolean;
  status: 'open' | 'answered';
}

/** Who sets the school's (or childcare's) fixed youth-care contact: its intern begeleider, zorgcoördinator or organisation admin. */
const CONTACT_SETTER_ROLES: Role[] = ['intern_begeleider', 'zorgcoordinator', 'org_admin'];
/** Where a fixed youth-care contact works. */
export const CONTACT_ORG_TYPES = ['wijkteam', 'youth_care_provider', 'jgz'];
export const CONTACT_ROLES: Role[] = ['youth_care_professional', 'jgz_professional'];

export const consultPolicy = {
  setContact(actor: Actor, organisationId: string): boolean {
    return actor.kind === 'staff' && actor.memberships.some((m) => m.organisationId === organisationId && ASKER_ORG_TYPES.includes(m.organisationType) && CONTACT_SETTER_ROLES.includes(m.role));
  },
  /** The organisations (school, childcare) the actor may ask a consult for. */
  askerOrganisations(actor: Actor) {
    if (actor.kind !== 'staff') return [];
    return actor.memberships.filter((m) => ASKER_ROLES.includes(m.role) && ASKER_ORG_TYPES.includes(m.organisationType));
  },
  read(actor: Actor, c: ConsultFacts): boolean {
    return c.askerUserId === actor.userId || (c.addressedTo === 'contact' && c.contactUserId === actor.userId) || (c.addressedTo === 'team' && c.callerInTeam);
  },
  /** The addressee answers, once; never the asker. */
  answer(actor: Actor, c: ConsultFacts): boolean {
    if (c.status !== 'open' || c.askerUserId === actor.userId) return false;
    return (c.addressedTo === 'contact' && c.contactUserId === actor.userId) || (c.addressedTo === 'team' && c.callerInTeam);
  },
  /** Only the asker can take the advice into a named question (with the parents' knowledge). */
  toQuestion(actor: Actor, c: ConsultFacts): boolean {
    return c.askerUserId === actor.userId;
  },
};

export function consultActions(actor: Actor, c: ConsultFacts): string[] {
  return [
    ...(consultPolicy.answer(actor, c) ? ['answer'] : []),
    ...(consultPolicy.toQuestion(actor, c) ? ['toQuestion'] : []),
  ];
}
