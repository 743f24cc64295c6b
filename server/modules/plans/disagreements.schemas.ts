import { Type, type Static, type TSchema } from 'typebox';
import { AllowedActions, Uuid } from '../children/children.schemas.ts';

export const DisagreementBody = Type.Object(
  { reason: Type.String({ minLength: 3, maxLength: 2000, description: 'What the parent or young person disagrees with, in their words' }) },
  { additionalProperties: false },
);
export type DisagreementBody = Static<typeof DisagreementBody>;

export const ResolveBody = Type.Object(
  { note: Type.String({ minLength: 3, maxLength: 2000, description: 'What was agreed in the conversation' }) },
  { additionalProperties: false },
);
export type ResolveBody = Static<typeof ResolveBody>;

export const DisagreementParams = Type.Object({ childId: Uuid, disagreementId: Uuid });
export const CoordinatorParams = Type.Object({ disagreementId: Uuid });

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);

export const DisagreementOut = Type.Object(
  {
    id: Uuid, planVersion: Type.Integer(), relation: Type.Enum(['parent', 'young_person']), requestedBy: Type.String(), reason: Type.String(),
    status: Type.Enum(['open', 'resolved']), requestedAt: Type.String(),
    dueAt: Type.String({ description: 'When an open request goes to the municipality coordinator' }),
    escalated: Type.Boolean({ description: 'Open past its period (or without a lead): on the coordinator\'s list' }),
    resolvedBy: Nullable(Type.String()), resolvedRole: Nullable(Type.String()), resolvedAt: Nullable(Type.String()), resolutionNote: Nullable(Type.String()),
    allowedActions: AllowedActions,
  },
  { $id: 'PlanDisagreement' },
);

export const DisagreementsOut = Type.Object({
  periodDays: Type.Integer({ description: 'Days after which an open request goes to the municipality coordinator (per region)' }),
  items: Type.Array(DisagreementOut),
  allowedActions: AllowedActions,
});

export const EscalatedOut = Type.Object(
  {
    id: Uuid, childName: Type.String(), youngPersonId: Nullable(Uuid), leadName: Nullable(Type.String()), leadOrganisation: Nullable(Type.String()),
    relation: Type.String(), requestedBy: Type.String(), reason: Type.String(), requestedAt: Type.String(), dueAt: Type.String(), daysOpen: Type.Integer(),
    status: Type.String(), resolutionNote: Nullable(Type.String()), allowedActions: AllowedActions,
  },
  { $id: 'EscalatedDisagreement' },
);

/** The answers' shapes as types: the web app imports these (`import type` only), so a change here that the web does not follow fails the build. */
export type DisagreementOut = Static<typeof DisagreementOut>;
export type DisagreementsOut = Static<typeof DisagreementsOut>;
export type EscalatedOut = Static<typeof EscalatedOut>;
