import { Type, type Static } from 'typebox';
import { AllowedActions, IsoDate, Uuid } from '../children/children.schemas.ts';

export const ActionStatus = Type.Enum(['open', 'in_progress', 'done', 'cancelled']);
const Id = Type.String({ minLength: 1, maxLength: 40, pattern: '^[A-Za-z0-9_-]+$' });

export const GoalIn = Type.Object({ id: Type.Optional(Id), text: Type.String({ minLength: 3, maxLength: 500 }) }, { additionalProperties: false });
export const ActionIn = Type.Object(
  {
    id: Type.Optional(Id),
    goalId: Type.Optional(Type.Union([Id, Type.Null()])),
    what: Type.String({ minLength: 3, maxLength: 500 }),
    ownerUserId: Type.Optional(Type.Union([Uuid, Type.Null()])),
    ownerName: Type.Optional(Type.String({ minLength: 1, maxLength: 120, description: 'Who does it, when not a user (e.g. "ouders", "grandmother")' })),
    dueOn: Type.Optional(Type.Union([IsoDate, Type.Null()])),
    status: Type.Optional(ActionStatus),
  },
  { additionalProperties: false },
);
export type ActionIn = Static<typeof ActionIn>;

export const PlanBody = Type.Object(
  {
    goals: Type.Array(GoalIn, { maxItems: 30 }),
    actions: Type.Array(ActionIn, { maxItems: 100 }),
    nextEvaluationOn: Type.Optional(Type.Union([IsoDate, Type.Null()])),
    changeSummary: Type.String({ minLength: 3, maxLength: 500 }),
  },
  { additionalProperties: false },
);
export type PlanBody = Static<typeof PlanBody>;

export const ActionPatchBody = Type.Object(
  { status: Type.Optional(ActionStatus), dueOn: Type.Optional(Type.Union([IsoDate, Type.Null()])) },
  { additionalProperties: false, minProperties: 1 },
);

export const GoalOut = Type.Object({ id: Type.String(), text: Type.String() });
export const ActionOut = Type.Object({
  id: Type.String(), goalId: Type.Union([Type.String(), Type.Null()]), what: Type.String(),
  owner: Type.Object({ userId: Type.Union([Uuid, Type.Null()]), name: Type.String(), organisationName: Type.Union([Type.String(), Type.Null()]) }),
  dueOn: Type.Union([Type.String(), Type.Null()]), status: ActionStatus,
});
export const OpinionOut = Type.Object({ userId: Uuid, displayName: Type.String(), relation: Type.String(), opinion: Type.Enum(['agree', 'disagree']), comment: Type.Union([Type.String(), Type.Null()]), at: Type.String() });
export const CommentOut = Type.Object({ id: Uuid, author: Type.String(), relation: Type.String(), text: Type.String(), at: Type.String() });

export const PlanOut = Type.Object(
  {
    id: Type.Union([Uuid, Type.Null()]),
    versionNumber: Type.Integer({ description: 'Send as If-Match to change the plan; 0 when there is no plan yet' }),
    goals: Type.Array(GoalOut),
    actions: Type.Array(ActionOut),
    lead: Type.Union([Type.Object({ userId: Uuid, displayName: Type.String() }), Type.Null()]),
    nextEvaluationOn: Type.Union([Type.String(), Type.Null()]),
    changeSummary: Type.String(),
    createdAt: Type.Union([Type.String(), Type.Null()]),
    createdBy: Type.Union([Type.String(), Type.Null()]),
    opinions: Type.Array(OpinionOut),
    comments: Type.Array(CommentOut),
    allowedActions: AllowedActions,
  },
  { $id: 'Plan' },
);

export const VersionParams = Type.Object({ childId: Uuid, number: Type.Integer({ minimum: 1, maximum: 1_000_000 }) });
export const ActionParams = Type.Object({ childId: Uuid, actionId: Id });
export const CommentBody = Type.Object({ text: Type.String({ minLength: 1, maxLength: 2000 }) }, { additionalProperties: false });
export const OpinionBody = Type.Object(
  { opinion: Type.Enum(['agree', 'disagree']), comment: Type.Optional(Type.String({ minLength: 1, maxLength: 2000 })) },
  { additionalProperties: false },
);
export const VersionSummary = Type.Object({
  number: Type.Integer(), createdAt: Type.String(), createdBy: Type.String(), changeSummary: Type.String(),
  agree: Type.Integer(), disagree: Type.Integer(),
});
export const TaskOut = Type.Object({
  youngPersonId: Uuid, childName: Type.String(), actionId: Type.String(), what: Type.String(), dueOn: Type.Union([Type.String(), Type.Null()]), status: ActionStatus, overdue: Type.Boolean(),
});

/** The answers' shapes as types: the web app imports these (`import type` only), so a change here that the web does not follow fails the build. */
export type GoalOut = Static<typeof GoalOut>;
export type ActionOut = Static<typeof ActionOut>;
export type OpinionOut = Static<typeof OpinionOut>;
export type CommentOut = Static<typeof CommentOut>;
export type PlanOut = Static<typeof PlanOut>;
export type VersionSummary = Static<typeof VersionSummary>;
export type TaskOut = Static<typeof TaskOut>;
