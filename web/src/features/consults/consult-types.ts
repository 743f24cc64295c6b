/**
 * Shapes of the consults API: the server's schemas (server/modules/consults/consults.schemas.ts),
 * imported as types only, so the build fails when the web app and the API disagree.
 */
import type { ConsultOptionsOut, ConsultOut, ContactCandidatesOut } from '../../../../server/modules/consults/consults.schemas.ts';

export type Consult = ConsultOut;
export type ConsultOptions = ConsultOptionsOut;
export type ContactCandidate = ContactCandidatesOut[number];
export type ConsultOrganisation = ConsultOptions['organisations'][number];
