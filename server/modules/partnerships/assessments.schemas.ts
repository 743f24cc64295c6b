/** Self-assessment rounds of the collaboration, invitations, results and the partnership's reading. */
import { Type, type Static } from 'typebox';
import { AllowedActions, DateStr, Name, Nullable, Text, Uuid } from './partnerships.schemas.ts';

export const RESPONDENT_GROUPS = ['work_floor', 'policy', 'governance', 'parent', 'young_person'] as const;
const Code = Type.String({ pattern: '^[A-Za-z0-9._-]{1,30}$' });

export const OwnFrameworkBody = Type.Object({
  key: Type.String({ pattern: '^[a-z0-9-]{2,60}$' }), nameNl: Name, nameEn: Name,
  elements: Type.Array(Type.Object({
    code: Code, nameNl: Name, nameEn: Name,
    items: Type.Array(Type.Object({
      code: Code, textNl: Text(1000), textEn: Text(1000),
      /** Plain-language wording for parents and young people (B1); without it they read textNl/textEn. */
      plainNl: Type.Optional(Text(1000)), plainEn: Type.Optional(Text(1000)),
    }, { additionalProperties: false }), { minItems: 1, maxItems: 30 }),
  }, { additionalProperties: false }), { minItems: 1, maxItems: 20 }),
}, { additionalProperties: false });
export type OwnFrameworkBody = Static<typeof OwnFrameworkBody>;

export const RoundBody = Type.Object({ frameworkId: Uuid, title: Name, opensOn: DateStr, closesOn: Type.Optional(DateStr) }, { additionalProperties: false });
export type RoundBody = Static<typeof RoundBody>;
export const RoundPatch = Type.Object({
  title: Type.Optional(Name), closesOn: Type.Optional(Nullable(DateStr)), status: Type.Optional(Type.Enum(['open', 'closed'] as const)),
}, { additionalProperties: false });
export type RoundPatch = Static<typeof RoundPatch>;

/** A respondent is named by user id (staff, from the candidates list) or, for a parent or young person, by e-mail address. */
export const InvitationsBody = Type.Object({
  invitations: Type.Array(Type.Object({
    userId: Type.Optional(Uuid), email: Type.Optional(Type.String({ format: 'email', maxLength: 254 })),
    respondentGroup: Type.Enum(RESPONDENT_GROUPS), partnerId: Type.Optional(Uuid),
  }, { additionalProperties: false }), { minItems: 1, maxItems: 500 }),
}, { additionalProperties: false });
export type InvitationsBody = Static<typeof InvitationsBody>;

export const RoundOut = Type.Object({
  id: Uuid, frameworkId: Uuid, frameworkKey: Type.String(), frameworkNameNl: Type.String(), frameworkNameEn: Type.String(),
  title: Type.String(), opensOn: Type.String(), closesOn: Nullable(Type.String()), status: Type.String(), version: Type.Integer(),
  invited: Type.Integer(), responded: Type.Integer(),
});
export const RoundsOut = Type.Object({ rounds: Type.Array(RoundOut), allowedActions: AllowedActions });

/** Who can be invited to a round: staff of the partner organisations (names, no contact details), and how many are invited per group. */
export const CandidatesOut = Type.Object({
  staff: Type.Array(Type.Object({
    userId: Uuid, name: Type.String(), partnerId: Uuid, organisationName: Type.String(),
    roles: Type.Array(Type.String()), invited: Type.Boolean(),
  })),
  invitedByGroup: Type.Array(Type.Object({ group: Type.String(), n: Type.Integer() })),
});

const statProps = {
  /** Number of respondents; null when suppressed. */
  n: Nullable(Type.Integer()), suppressed: Type.Boolean(),
  median: Nullable(Type.Number()), p25: Nullable(Type.Number()), p75: Nullable(Type.Number()),
  /** Interquartile range (p75 − p25). */
  spread: Nullable(Type.Number()), min: Nullable(Type.Number()), max: Nullable(Type.Number()),
};
const splitProps = {
  overall: Type.Object(statProps),
  byGroup: Type.Array(Type.Object({ group: Type.String(), ...statProps })),
  byOrganisation: Type.Array(Type.Object({ partnerId: Uuid, organisationName: Type.String(), ...statProps })),
  previousMedian: Nullable(Type.Number()),
};
export const ReadingAction = Type.Object({ text: Type.String({ minLength: 1, maxLength: 1000 }), dueOn: Type.Optional(Nullable(DateStr)), owner: Type.Optional(Nullable(Text(200))) }, { additionalProperties: false });
export const ReadingBody = Type.Object({
  recognise: Type.Optional(Nullable(Text(4000))), explain: Type.Optional(Nullable(Text(4000))),
  opinion: Type.Optional(Nullable(Text(4000))), improve: Type.Optional(Nullable(Text(4000))),
  actions: Type.Optional(Type.Array(ReadingAction, { maxItems: 50 })),
}, { additionalProperties: false });
export type ReadingBody = Static<typeof ReadingBody>;
export const ReadingOut = Type.Object({
  roundId: Uuid, recognise: Nullable(Type.String()), explain: Nullable(Type.String()), opinion: Nullable(Type.String()), improve: Nullable(Type.String()),
  actions: Type.Array(Type.Object({ text: Type.String(), dueOn: Type.Optional(Nullable(Type.String())), owner: Type.Optional(Nullable(Type.String())) })),
  version: Type.Integer(),
});
export const ResultsOut = Type.Object({
  round: RoundOut,
  threshold: Type.Integer(),
  respondents: Nullable(Type.Integer()),
  previousRoundId: Nullable(Uuid),
  elements: Type.Array(Type.Object({
    code: Type.String(), nameNl: Type.String(), nameEn: Type.String(), ...splitProps,
    items: Type.Array(Type.Object({ id: Uuid, code: Type.String(), textNl: Type.String(), textEn: Type.String(), ...splitProps })),
  })),
  /** Examples respondents gave, without group or organisation; only when the round has enough respondents. */
  examples: Type.Array(Type.Object({ itemCode: Type.String(), text: Type.String() })),
  trend: Type.Array(Type.Object({
    roundId: Uuid, title: Type.String(), opensOn: Type.String(),
    elements: Type.Array(Type.Object({ code: Type.String(), median: Nullable(Type.Number()), n: Nullable(Type.Integer()) })),
  })),
  interpretationQuestions: Type.Array(Type.Object({ code: Type.String(), textNl: Type.String(), textEn: Type.String() })),
  reading: Nullable(ReadingOut),
  allowedActions: AllowedActions,
});

/** The answers' shapes as types: the web app imports these (`import type` only), so a change here that the web does not follow fails the build. */
export type RoundOut = Static<typeof RoundOut>;
export type RoundsOut = Static<typeof RoundsOut>;
export type CandidatesOut = Static<typeof CandidatesOut>;
export type ReadingOut = Static<typeof ReadingOut>;
export type ResultsOut = Static<typeof ResultsOut>;
