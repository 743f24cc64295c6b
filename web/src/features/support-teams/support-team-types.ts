/**
 * Shapes of the support-teams API: the server's schemas (server/modules/support-teams/support-teams.schemas.ts),
 * imported as types only, so the build fails when the web app and the API disagree.
 */
import type { AddMemberBody, CandidatesOut, InvitationOut, ItemOut, TeamListOut, TeamOut } from '../../../../server/modules/support-teams/support-teams.schemas.ts';
import type { Assert, SameValues } from '../../contract.ts';

export type TeamItem = ItemOut;
export type SupportTeam = TeamOut;
export type TeamList = TeamListOut;
export type Candidate = CandidatesOut[number];
export type Invitation = InvitationOut;

export const TEAM_ROLES = ['intern_begeleider', 'youth_care_contact', 'jgz', 'leerplicht', 'swv_consultant', 'school_social_work', 'other'] as const;
type _TeamRoles = Assert<SameValues<typeof TEAM_ROLES, AddMemberBody['teamRole']>>;
