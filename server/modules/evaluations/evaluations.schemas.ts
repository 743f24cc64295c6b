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

/** The answers' shapes as types: the web app imports these (`import type` only), so a change here that the web does not follow fails the build. */
export type EvaluationOut = Static<typeof EvaluationOut>;
