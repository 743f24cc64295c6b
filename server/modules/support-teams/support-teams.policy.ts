/**
 * Who may do what with a school's support team. The intern begeleider (or the zorgcoördinator in
 * VO) of the school manages the team and its agenda; current members read it; nobody else.
 */
import type { ChildAccess } from '../../core/access.ts';
import type { Actor, Role } from '../../core/session.ts';

export const MANAGER_ROLES: Role[] = ['intern_begeleider', 'zorgcoordinator'];

export interface TeamFacts { schoolId: string; callerRole: string | null }

export const teamPolicy = {
  /** Starts the team of a school: its intern begeleider or zorgcoördinator. */
  create(actor: Actor, schoolId: string): boolean {
    return actor.kind === 'staff' && actor.memberships.some((m) => m.organisationId === schoolId && m.organisationType === 'school' && MANAGER_ROLES.includes(m.role));
  },
  read(_actor: Actor, t: TeamFacts): boolean {
    return t.callerRole !== null;
  },
  /** A member in the intern begeleider's seat who is still IB / zorgcoördinator at the school. */
  manage(actor: Actor, t: TeamFacts): boolean {
    return t.callerRole === 'intern_begeleider' && teamPolicy.create(actor, t.schoolId);
  },
  /**
   * A named pupil goes on the agenda only when the manager may reach the child as the school
   * (enrolment at this school) or has a basis in the child's network.
   */
  addPupil(a: ChildAccess, schoolId: string): boolean {
    return a.level === 'network' || (a.basis === 'enrolment' && a.organisationId === schoolId);
  },
  /** A member sees a named item's child only while they may reach that child (core/access.ts). */
  seesName(a: ChildAccess | undefined): boolean {
    return Boolean(a && a.level !== 'none');
  },
  /** …and what is said about the child (topic, outcome) only with a basis or as the child's own school. */
  seesContent(a: ChildAccess | undefined, schoolId: string): boolean {
    return Boolean(a && (a.level === 'network' || (a.basis === 'enrolment' && a.organisationId === schoolId)));
  },
};
