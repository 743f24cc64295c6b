/** Shapes of the self-assessment API (server/modules/partnerships/assessments.schemas.ts) used by the rounds and questionnaire screens. */
import type { Results, Round } from './partnership-types.ts';

export const RESPONDENT_GROUPS = ['work_floor', 'policy', 'governance', 'parent', 'young_person'] as const;
export type RespondentGroup = (typeof RESPONDENT_GROUPS)[number];
/** Families are invited by e-mail address; staff are chosen from the partner organisations' people. */
export const FAMILY_GROUPS: readonly string[] = ['parent', 'young_person'];

export type RoundFull = Round & { frameworkId: string; frameworkKey: string; version: number };

export interface AssessmentFramework {
  id: string;
  key: string;
  version: number;
  kind: string;
  nameNl: string;
  nameEn: string;
  own: boolean;
}

export interface Candidates {
  staff: { userId: string; name: string; partnerId: string; organisationName: string; roles: string[]; invited: boolean }[];
  invitedByGroup: { group: string; n: number }[];
}

export interface Reading {
  roundId: string;
  recognise: string | null;
  explain: string | null;
  opinion: string | null;
  improve: string | null;
  actions: { text: string; dueOn?: string | null; owner?: string | null }[];
  version: number;
}

export type FullResults = Omit<Results, 'reading'> & { round: RoundFull; reading: Reading | null; allowedActions: string[] };

/** One open invitation of the signed-in user (GET /api/v1/partnerships/invitations). */
export interface QuestionnaireInvitation {
  roundId: string;
  roundTitle: string;
  partnershipName: string;
  respondentGroup: string;
  closesOn: string | null;
  scaleMin: number;
  scaleMax: number;
  wording: 'plain' | 'professional';
  elements: { code: string; nameNl: string; nameEn: string; items: { id: string; code: string; textNl: string; textEn: string }[] }[];
}
