import { Type, type Static } from 'typebox';
import { IsoDate, Uuid } from '../children/children.schemas.ts';

const Score = Type.Integer({ minimum: 1, maximum: 5 });
export const EvaluationBody = Type.Object(
  {
    heldOn: IsoDate,
    wentWell: Type.String({ minLength: 1, maxLength: 4000 }),
    mustChange: Type.String({ minLength: 1, maxLength: 4000 }),
    setting: Type.Enum(['ordinary_life', 'partly', 'elsewhere'], { description: 'Does the support happen in ordinary life (school, home, neighbourhood)?' }),
    satisfactionYoungPerson: Type.Optional(Score),
    satisfactionParents: Type.Optional(Score),
    nextEvaluationOn: Type.Optional(IsoDate),
  },
  { additionalProperties: false },
);
export type EvaluationBody = Static<typeof EvaluationBody>;
export const EvaluationOut = Type.Object({
  id: Uuid, heldOn: Type.String(), planVersion: Type.Integer(), wentWell: Type.String(), mustChange: Type.String(), setting: Type.String(),
  satisfactionYoungPerson: Type.Union([Type.Integer(), Type.Null()]), satisfactionParents: Type.Union([Type.Integer(), Type.Null()]),
  recordedBy: Type.String(), recordedAt: Type.String(),
});

/** The family's own part of the evaluation (issue 21.6): in their words, about the plan version in force. */
export const FamilyAnswerBody = Type.Object(
  {
    wentWell: Type.String({ minLength: 1, maxLength: 2000 }),
    mustChange: Type.String({ minLength: 1, maxLength: 2000 }),
    ordinaryLife: Type.Enum(['yes', 'partly', 'no', 'unsure'], { description: 'Does the help happen in ordinary life (home, school, the neighbourhood)?' }),
    satisfaction: Type.Optional(Score),
  },
  { additionalProperties: false },
);
export type FamilyAnswerBody = Static<typeof FamilyAnswerBody>;
export const FamilyAnswerOut = Type.Object({
  id: Uuid, planVersion: Type.Integer(), relation: Type.Enum(['parent', 'young_person']), author: Type.String(), mine: Type.Boolean(),
  wentWell: Type.String(), mustChange: Type.String(), ordinaryLife: Type.String(), satisfaction: Type.Union([Type.Integer(), Type.Null()]),
  version: Type.Integer(), updatedAt: Type.String(),
});
export const FamilyEvaluationOut = Type.Object({
  planVersion: Type.Union([Type.Integer(), Type.Null()], { description: 'The plan version in force, which an answer is about (null: no plan yet)' }),
  nextEvaluationOn: Type.Union([Type.String(), Type.Null()]),
  mine: Type.Union([FamilyAnswerOut, Type.Null()], { description: "The caller's own answer for the plan version in force" }),
  answers: Type.Array(FamilyAnswerOut, { description: 'Professionals of the network: every answer; the family: their own' }),
  allowedActions: Type.Array(Type.String(), { description: "'answer' for the young person and the parents" }),
});

/** The answers' shapes as types: the web app imports these (`import type` only), so a change here that the web does not follow fails the build. */
export type EvaluationOut = Static<typeof EvaluationOut>;
export type FamilyAnswerOut = Static<typeof FamilyAnswerOut>;
export type FamilyEvaluationOut = Static<typeof FamilyEvaluationOut>;
