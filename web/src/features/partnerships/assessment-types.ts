/**
 * Shapes of the self-assessment API: the server's schemas (server/modules/partnerships/assessments.schemas.ts,
 * partnerships.schemas.ts), imported as types only, so the build fails when the web app and the API disagree.
 */
import type {
  CandidatesOut, ReadingOut, ResultsOut, RoundOut, RESPONDENT_GROUPS as SERVER_GROUPS,
} from '../../../../server/modules/partnerships/assessments.schemas.ts';
import type { FrameworkOut, InvitationOut } from '../../../../server/modules/partnerships/partnerships.schemas.ts';
import type { Assert, SameValues } from '../../contract.ts';

export const RESPONDENT_GROUPS = ['work_floor', 'policy', 'governance', 'parent', 'young_person'] as const;
export type RespondentGroup = (typeof RESPONDENT_GROUPS)[number];
/** Families are invited by e-mail address; staff are chosen from the partner organisations' people. */
export const FAMILY_GROUPS: readonly string[] = ['parent', 'young_person'];

type _Groups = Assert<SameValues<typeof RESPONDENT_GROUPS, (typeof SERVER_GROUPS)[number]>>;

/** A round as GET …/rounds lists it (with its framework and version). */
export type RoundFull = RoundOut;
/** GET /api/v1/partnerships/frameworks and …/:id/frameworks (items). */
export type AssessmentFramework = FrameworkOut;
/** GET /api/v1/partnerships/:id/rounds/:roundId/candidates. */
export type Candidates = CandidatesOut;
export type Reading = ReadingOut;
/** GET /api/v1/partnerships/:id/rounds/:roundId/results. */
export type FullResults = ResultsOut;

/** One open invitation of the signed-in user (GET /api/v1/partnerships/invitations). */
export type QuestionnaireInvitation = InvitationOut;
