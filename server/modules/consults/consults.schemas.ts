import { Type, type Static } from 'typebox';
import { AllowedActions, Uuid } from '../children/children.schemas.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
export const LifeDomains = Type.Array(Type.Enum(['school', 'home', 'free_time', 'health', 'money', 'housing', 'safety']), { maxItems: 7, uniqueItems: true });

export const AskConsultBody = Type.Object(
  {
    organisationId: Type.Optional(Type.String({ format: 'uuid', description: 'The school or childcare organisation you ask for (default: your first)' })),
    to: Type.Enum(['contact', 'team'], { description: "The school's fixed youth-care contact, or the school's support team" }),
    question: Type.String({ minLength: 10, maxLength: 4000, description: 'The situation, without anything that identifies the child' }),
    lifeDomains: Type.Optional(LifeDomains),
    noIdentity: Type.Literal(true, { description: 'The asker confirms the text names no child and holds nothing by which the child can be recognised' }),
  },
  { additionalProperties: false },
);
export type AskConsultBody = Static<typeof AskConsultBody>;

export const AnswerConsultBody = Type.Object(
  { answer: Type.String({ minLength: 3, maxLength: 8000 }) },
  { additionalProperties: false },
);

export const ConsultParams = Type.Object({ consultId: Uuid });
export const ContactParams = Type.Object({ organisationId: Uuid });

export const SetContactBody = Type.Object(
  {
    userId: Type.String({ format: 'uuid', description: 'The youth-care professional who is the fixed contact' }),
    organisationId: Type.String({ format: 'uuid', description: 'The organisation they act for (wijkteam, youth-care provider, JGZ)' }),
  },
  { additionalProperties: false },
);

export const ContactCandidatesOut = Type.Array(Type.Object({ userId: Uuid, displayName: Type.String(), organisationId: Uuid, organisationName: Type.String() }));

export const ConsultOut = Type.Object(
  {
    id: Uuid,
    question: Type.String(),
    lifeDomains: Type.Array(Type.String()),
    addressedTo: Type.Enum(['contact', 'team']),
    addressee: Type.String({ description: 'The contact person (with organisation) or the team' }),
    asker: Type.Object({ displayName: Type.String(), organisationName: Type.String() }),
    status: Type.Enum(['open', 'answered']),
    answer: Nullable(Type.String()),
    answeredBy: Nullable(Type.String()),
    answeredAt: Nullable(Type.String()),
    createdAt: Type.String(),
    mine: Type.Boolean({ description: 'The caller asked this consult' }),
    version: Type.Integer(),
    allowedActions: AllowedActions,
  },
  { $id: 'Consult' },
);

export const ConsultOptionsOut = Type.Object({
  organisations: Type.Array(Type.Object({
    id: Uuid, name: Type.String(), type: Type.String(),
    contact: Nullable(Type.Object({ displayName: Type.String(), organisationName: Type.String() })),
    team: Nullable(Type.Object({ id: Uuid, name: Type.String() })),
    allowedActions: AllowedActions,
  })),
});

/** The answers' shapes as types: the web app imports these (`import type` only), so a change here that the web does not follow fails the build. */
export type ContactCandidatesOut = Static<typeof ContactCandidatesOut>;
export type ConsultOut = Static<typeof ConsultOut>;
export type ConsultOptionsOut = Static<typeof ConsultOptionsOut>;
