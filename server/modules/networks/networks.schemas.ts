import { Type } from 'typebox';
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
export const QuestionOut = Type.Object({ questionId: Uuid, networkId: Uuid, networkCreated: Type.Boolean() });
export const ProfessionalsQuery = Type.Object({ q: Type.Optional(Type.String({ maxLength: 100 })) }, { additionalProperties: false });
export const ProfessionalOut = Type.Object({
  userId: Uuid, displayName: Type.String(), organisationId: Uuid, organisationName: Type.String(), organisationType: Type.String(), role: Type.String(),
  covered: Type.Boolean({ description: 'A consent or legal basis covers this organisation for this young person' }),
});
