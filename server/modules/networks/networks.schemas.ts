import { Type, type Static } from 'typebox';
import { AllowedActions, Uuid } from '../children/children.schemas.ts';

export const InvolvementOut = Type.Object({
  id: Uuid, userId: Uuid, displayName: Type.String(), organisationId: Uuid, organisationName: Type.String(),
  organisationType: Type.String(), role: Type.String(), startsOn: Type.String(), endsOn: Type.Union([Type.String(), Type.Null()]),
  isLead: Type.Boolean(), contactEmail: Type.Union([Type.String(), Type.Null()]), contactPhone: Type.Union([Type.String(), Type.Null()]),
});

export const NetworkOut = Type.Object(
  {
    id: Uuid,
    status: Type.String(),
    lead: Type.Union([Type.Object({ userId: Uuid, displayName: Type.String(), organisationName: Type.Union([Type.String(), Type.Null()]) }), Type.Null()]),
    involvements: Type.Array(InvolvementOut),
    members: Type.Array(Type.Object({ userId: Type.Union([Uuid, Type.Null()]), displayName: Type.String(), relation: Type.String() })),
    questions: Type.Array(Type.Object({
      id: Uuid, text: Type.String(), ownWords: Type.Boolean(), lifeDomains: Type.Array(Type.String()), raisedBy: Type.String(),
      parentsInformed: Type.Union([Type.Enum(['yes', 'not_yet']), Type.Null()], { description: 'What the professional who raised it said: do the parents know? null when not asked' }),
      createdAt: Type.String(), createdBy: Type.String(),
    })),
    handovers: Type.Array(Type.Object({ from: Type.Union([Type.String(), Type.Null()]), to: Type.String(), reason: Type.String(), at: Type.String() })),
    version: Type.Integer(),
    allowedActions: AllowedActions,
  },
  { $id: 'Network' },
);

export const InviteBody = Type.Object(
  { userId: Uuid, organisationId: Uuid, role: Type.Optional(Type.String({ maxLength: 60 })) },
  { additionalProperties: false },
);
export const LeadBody = Type.Object(
  { userId: Uuid, reason: Type.String({ minLength: 3, maxLength: 1000 }) },
  { additionalProperties: false },
);
export const InvolvementParams = Type.Object({ childId: Uuid, involvementId: Uuid });
export const QuestionOut = Type.Object({ status: Type.Literal('opened'), questionId: Uuid, networkId: Uuid, networkCreated: Type.Boolean() });
/** The whole answer to a professional outside the network: nothing about the child or its network. */
export const JoinRequestSent = Type.Object({ status: Type.Literal('join_requested') }, { $id: 'JoinRequestSent' });
export const ProfessionalsQuery = Type.Object({ q: Type.Optional(Type.String({ maxLength: 100 })) }, { additionalProperties: false });
export const ProfessionalOut = Type.Object({
  userId: Uuid, displayName: Type.String(), organisationId: Uuid, organisationName: Type.String(), organisationType: Type.String(), role: Type.String(),
  covered: Type.Boolean({ description: 'A consent or legal basis covers this organisation for this young person' }),
});

export const JoinRequestParams = Type.Object({ requestId: Uuid });
export const JoinDecisionBody = Type.Object(
  { outcome: Type.Enum(['accepted', 'refused']), note: Type.Optional(Type.String({ maxLength: 1000 })) },
  { additionalProperties: false },
);
export const JoinRequestsOut = Type.Object({
  incoming: Type.Array(Type.Object({
    id: Uuid, youngPersonId: Uuid, childName: Type.String(), birthDate: Type.String(),
    requester: Type.Object({ userId: Uuid, displayName: Type.String(), organisationName: Type.String(), role: Type.String() }),
    via: Type.String(), question: Type.Union([Type.Object({ text: Type.String(), lifeDomains: Type.Array(Type.String()), raisedBy: Type.String(), parentsInformed: Type.Union([Type.Enum(['yes', 'not_yet']), Type.Null()]) }), Type.Null()]),
    status: Type.String(), createdAt: Type.String(), decideAs: Type.Enum(['lead', 'family', 'coordinator']), version: Type.Integer(),
  })),
  outgoing: Type.Array(Type.Object({
    id: Uuid, status: Type.Enum(['pending', 'accepted', 'refused', 'withdrawn']), via: Type.String(), organisationName: Type.String(), createdAt: Type.String(),
    decidedAt: Type.Union([Type.String(), Type.Null()]), childName: Type.Union([Type.String(), Type.Null()]), youngPersonId: Type.Union([Uuid, Type.Null()]),
  })),
}, { $id: 'JoinRequests' });
export const JoinDecisionOut = Type.Object({ id: Uuid, status: Type.String() });

/** The answers' shapes as types: the web app imports these (`import type` only), so a change here that the web does not follow fails the build. */
export type InvolvementOut = Static<typeof InvolvementOut>;
export type NetworkOut = Static<typeof NetworkOut>;
export type QuestionOut = Static<typeof QuestionOut>;
export type JoinRequestSent = Static<typeof JoinRequestSent>;
export type ProfessionalOut = Static<typeof ProfessionalOut>;
export type JoinRequestsOut = Static<typeof JoinRequestsOut>;
export type JoinDecisionOut = Static<typeof JoinDecisionOut>;
