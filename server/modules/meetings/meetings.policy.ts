/**
 * Who may answer a meeting's proposal for an organisation (issue 17, part 4).
 *
 * A decision that commits an organisation is binding at the table only when a present
 * participant of that organisation has a mandate; otherwise the organisation confirms or
 * declines it afterwards. Rondom has no "manager" role, so the organisation answers through
 * the members whose role decides about its support for one child (the sources: "mandaat tot
 * besluitvorming bij de gesprekspartners aan tafel", "zorg laag in de organisatie voor mensen
 * met mandaat"): at a school the intern begeleider or zorgcoördinator (not the teacher), at the
 * SWV its coordinator, at the municipality its coordinator (doorzettingsmacht), in youth care
 * and wijkteams the youth-care professionals, at the JGZ its professionals, at leerplicht its
 * officers. Policy makers, organisation admins and privacy officers never commit support.
 */
import type { Actor, OrganisationType, Role } from '../../core/session.ts';

export const DECIDING_ROLES: Record<OrganisationType, readonly Role[]> = {
  school: ['intern_begeleider', 'zorgcoordinator'],
  school_board: ['intern_begeleider', 'zorgcoordinator'],
  swv: ['swv_coordinator'],
  childcare: ['teacher'],
  wijkteam: ['youth_care_professional'],
  youth_care_provider: ['youth_care_professional'],
  jgz: ['jgz_professional'],
  leerplicht: ['leerplicht_officer'],
  municipality: ['municipality_coordinator'],
  // The partner kinds added for the partners' workspace (migration 0025) are mostly contact-only
  // organisations without staff in Rondom: nobody there commits support for a child (yet).
  welfare: [], youth_work: [], sport_culture: [], library: [], police: [], housing: [], health_insurer: [], care_office: [],
  training_institute: [], mbo: [], gastouder_agency: [],
};

/** The organisations (id and region) this actor may answer proposals for. */
export function answerableOrganisations(actor: Actor): { organisationId: string; regionId: string }[] {
  if (actor.kind !== 'staff') return [];
  return actor.memberships
    .filter((m) => DECIDING_ROLES[m.organisationType]?.includes(m.role))
    .map((m) => ({ organisationId: m.organisationId, regionId: m.regionId }));
}

/** May this actor confirm or decline a proposal that commits this organisation (in this region)? */
export function mayAnswerFor(actor: Actor, organisationId: string, regionId: string): boolean {
  return answerableOrganisations(actor).some((o) => o.organisationId === organisationId && o.regionId === regionId);
}
