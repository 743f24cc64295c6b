/** Travel guide (reisgids): the nine stages as an interactive checklist per partnership. */
import { Type, type Static } from 'typebox';
import { AllowedActions, Nullable, Text, Uuid } from './partnerships.schemas.ts';

export const GuideCheckBody = Type.Object({ done: Type.Boolean(), note: Type.Optional(Nullable(Text(2000))) }, { additionalProperties: false });

export const GuideItemOut = Type.Object({
  id: Uuid, code: Type.String(), textNl: Type.String(), textEn: Type.String(), done: Type.Boolean(), note: Nullable(Type.String()), updatedAt: Nullable(Type.String()),
});
export const GuideOut = Type.Object({
  frameworkId: Uuid, version: Type.Integer(),
  stages: Type.Array(Type.Object({
    code: Type.String(), position: Type.Integer(), nameNl: Type.String(), nameEn: Type.String(), group: Type.String(),
    items: Type.Array(GuideItemOut), done: Type.Integer(), total: Type.Integer(), percent: Type.Integer(),
    /** Where in the workspace this stage's results live, and how many there are. */
    links: Type.Array(Type.Object({ area: Type.String(), count: Type.Integer(), available: Type.Boolean() })),
  })),
  done: Type.Integer(), total: Type.Integer(), percent: Type.Integer(),
  allowedActions: AllowedActions,
});

/** The answers' shapes as types: the web app imports these (`import type` only), so a change here that the web does not follow fails the build. */
export type GuideItemOut = Static<typeof GuideItemOut>;
export type GuideOut = Static<typeof GuideOut>;
