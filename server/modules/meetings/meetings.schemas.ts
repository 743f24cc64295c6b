import { Type, type Static } from 'typebox';
import { AllowedActions, IsoDate, Uuid } from '../children/children.schemas.ts';
import { ActionIn, PlanOut } from '../plans/plans.schemas.ts';

export const ParticipantIn = Type.Object(
  {
    kind: Type.Enum(['professional', 'parent', 'young_person', 'child_voice']),
    userId: Type.Optional(Uuid),
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 120 })),
    organisationId: Type.Optional(Uuid),
    hasMandate: Type.Optional(Type.Boolean({ description: 'May decide for their organisation at this table' })),
    childVoice: Type.Optional(Type.String({ minLength: 1, maxLength: 4000, description: 'What the child said or wants, when they are not there themselves' })),
  },
  { additionalProperties: false },
);

export const MeetingBody = Type.Object(
  {
    scheduledAt: Type.String({ format: 'date-time' }),
    chairUserId: Type.Optional(Uuid),
    chairName: Type.Optional(Type.String({ minLength: 1, maxLength: 120 })),
    agenda: Type.Array(Type.String({ minLength: 1, maxLength: 300 }), { maxItems: 30 }),
    participants: Type.Array(ParticipantIn, { maxItems: 40 }),
  },
  { additionalProperties: false },
);
export type MeetingBody = Static<typeof MeetingBody>;

export const MeetingPatchBody = Type.Object(
  {
    status: Type.Optional(Type.Enum(['planned', 'held', 'cancelled'])),
    heldOn: Type.Optional(IsoDate),
    report: Type.Optional(Type.String({ maxLength: 20000 })),
    agenda: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 300 }), { maxItems: 30 })),
    attendance: Type.Optional(Type.Array(Type.Object({ participantId: Uuid, present: Type.Boolean(), hasMandate: Type.Optional(Type.Boolean()) }, { additionalProperties: false }), { maxItems: 40 })),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type MeetingPatchBody = Static<typeof MeetingPatchBody>;

export const DecisionBody = Type.Object(
  {
    text: Type.String({ minLength: 3, maxLength: 2000 }),
    action: Type.Optional(ActionIn),
    commitsOrganisationId: Type.Optional(Type.String({ format: 'uuid',
      description: 'The organisation this decision commits (it pays or provides). Without it: the organisation of the action\'s owner, if a professional. ' +
        'Binding only with a present participant of that organisation with a mandate; otherwise a proposal that organisation confirms.',
    })),
  },
  { additionalProperties: false },
);
export type DecisionBody = Static<typeof DecisionBody>;

export const DecisionOutItem = Type.Object({
  id: Uuid, text: Type.String(), planActionId: Type.Union([Type.String(), Type.Null()]), at: Type.String(),
  status: Type.Enum(['binding', 'proposed', 'confirmed', 'declined'], { description: 'binding: decided at the table; proposed: waits for the organisation' }),
  organisationName: Type.Union([Type.String(), Type.Null()], { description: 'The organisation the decision commits' }),
  proposedAction: Type.Union([Type.Object({ what: Type.String(), ownerName: Type.String(), dueOn: Type.Union([Type.String(), Type.Null()]) }), Type.Null()]),
  answeredBy: Type.Union([Type.String(), Type.Null()]), answeredAt: Type.Union([Type.String(), Type.Null()]), answerNote: Type.Union([Type.String(), Type.Null()]),
});

export const MeetingOut = Type.Object(
  {
    id: Uuid, scheduledAt: Type.String(), chairName: Type.String(), agenda: Type.Array(Type.String()), status: Type.Enum(['planned', 'held', 'cancelled']),
    heldOn: Type.Union([Type.String(), Type.Null()]),
    participants: Type.Array(Type.Object({
      id: Uuid, kind: Type.Enum(['professional', 'parent', 'young_person', 'child_voice']), userId: Type.Union([Uuid, Type.Null()]), name: Type.String(), organisationName: Type.Union([Type.String(), Type.Null()]),
      present: Type.Union([Type.Boolean(), Type.Null()]), hasMandate: Type.Boolean(), childVoice: Type.Union([Type.String(), Type.Null()]),
      isChair: Type.Boolean({ description: 'Chairs the meeting' }),
    })),
    decisions: Type.Array(DecisionOutItem),
    report: Type.Union([Type.String(), Type.Null()]),
    reportSharedAt: Type.Union([Type.String(), Type.Null()]),
    warnings: Type.Array(Type.Object({ code: Type.String(), message: Type.String(), messageNl: Type.String() })),
    version: Type.Integer(),
    allowedActions: AllowedActions,
  },
  { $id: 'Meeting' },
);
export const MeetingParams = Type.Object({ childId: Uuid, meetingId: Uuid });
export const DecisionOut = Type.Object({ meeting: MeetingOut, plan: PlanOut });

export const ProposalParams = Type.Object({ decisionId: Uuid });
export const ProposalAnswerBody = Type.Object(
  {
    outcome: Type.Enum(['confirm', 'decline']),
    note: Type.Optional(Type.String({ minLength: 3, maxLength: 2000, description: 'Why (required when declining)' })),
  },
  { additionalProperties: false },
);
export type ProposalAnswerBody = Static<typeof ProposalAnswerBody>;
export const ProposalOut = Type.Object(
  {
    id: Uuid, organisationName: Type.String(), status: Type.Enum(['proposed', 'confirmed', 'declined']), text: Type.String(),
    proposedAction: Type.Union([Type.Object({ what: Type.String(), ownerName: Type.String(), dueOn: Type.Union([Type.String(), Type.Null()]) }), Type.Null()]),
    meetingAt: Type.String(), proposedBy: Type.String(), proposedAt: Type.String(),
    childName: Type.String({ description: 'For whom the organisation is asked to commit' }),
    youngPersonId: Type.Union([Uuid, Type.Null()], { description: 'Only when the reader may open the child' }),
    answeredBy: Type.Union([Type.String(), Type.Null()]), answeredAt: Type.Union([Type.String(), Type.Null()]), answerNote: Type.Union([Type.String(), Type.Null()]),
    allowedActions: AllowedActions,
  },
  { $id: 'MeetingProposal' },
);

/** The answers' shapes as types: the web app imports these (`import type` only), so a change here that the web does not follow fails the build. */
export type DecisionOutItem = Static<typeof DecisionOutItem>;
export type MeetingOut = Static<typeof MeetingOut>;
export type DecisionOut = Static<typeof DecisionOut>;
export type ProposalOut = Static<typeof ProposalOut>;
