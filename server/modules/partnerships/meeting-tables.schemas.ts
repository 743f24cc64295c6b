/** Meeting tables (overlegtafels) designed with the seven questions, their meetings, decisions and actions. */
import { Type, type Static } from 'typebox';
import { ACTION_STATUSES } from './partnerships.schemas.ts';
import { AllowedActions, DateStr, Name, Nullable, Text, Uuid, WarningOut } from './partnerships.schemas.ts';

export const LEVELS = ['governance', 'officials', 'delivery'] as const;
const Level = Type.Enum(LEVELS);
const Kind = Type.Enum(['lea', 'oogo', 'other'] as const);

const design = {
  purpose: Type.Optional(Nullable(Text())), participantsNote: Type.Optional(Nullable(Text())), topics: Type.Optional(Nullable(Text())),
  frequency: Type.Optional(Nullable(Text(200))), duration: Type.Optional(Nullable(Text(200))), evaluation: Type.Optional(Nullable(Text())),
  linkage: Type.Optional(Nullable(Text())), reportsToTableId: Type.Optional(Nullable(Uuid)),
  partnerIds: Type.Optional(Type.Array(Uuid, { maxItems: 100, uniqueItems: true })),
};
export const TableBody = Type.Object({ name: Name, level: Level, kind: Type.Optional(Kind), ...design }, { additionalProperties: false });
export type TableBody = Static<typeof TableBody>;
export const TablePatch = Type.Object({ name: Type.Optional(Name), level: Type.Optional(Level), kind: Type.Optional(Kind), ...design }, { additionalProperties: false });
export type TablePatch = Static<typeof TablePatch>;

export const TableOut = Type.Object({
  id: Uuid, name: Type.String(), level: Type.String(), kind: Type.String(),
  purpose: Nullable(Type.String()), participantsNote: Nullable(Type.String()), topics: Nullable(Type.String()),
  frequency: Nullable(Type.String()), duration: Nullable(Type.String()), evaluation: Nullable(Type.String()),
  linkage: Nullable(Type.String()), reportsToTableId: Nullable(Uuid), version: Type.Integer(),
  participants: Type.Array(Type.Object({ partnerId: Uuid, organisationId: Uuid, organisationName: Type.String() })),
  /** Which of the seven design questions are still open. */
  openQuestions: Type.Array(Type.String()),
  reachesGovernance: Type.Boolean(),
});
export const TablesOut = Type.Object({
  tables: Type.Array(TableOut),
  /** Organisations × tables: where does each organisation sit? */
  overview: Type.Array(Type.Object({ organisationId: Uuid, organisationName: Type.String(), tableIds: Type.Array(Uuid), count: Type.Integer() })),
  warnings: Type.Array(WarningOut),
  allowedActions: AllowedActions,
});

const AgendaItem = Type.Object({ title: Text(1000), notes: Type.Optional(Nullable(Text())) }, { additionalProperties: false });
export const MeetingBody = Type.Object({
  heldOn: DateStr, templateCode: Type.Optional(Type.String({ maxLength: 60 })), agenda: Type.Optional(Type.Array(AgendaItem, { maxItems: 50 })),
  notes: Type.Optional(Text(10000)),
}, { additionalProperties: false });
export type MeetingBody = Static<typeof MeetingBody>;
export const MeetingPatch = Type.Object({
  heldOn: Type.Optional(DateStr), agenda: Type.Optional(Type.Array(AgendaItem, { maxItems: 50 })), notes: Type.Optional(Nullable(Text(10000))),
}, { additionalProperties: false });
export type MeetingPatch = Static<typeof MeetingPatch>;
export const DecisionBody = Type.Object({ text: Type.String({ minLength: 1, maxLength: 2000 }) }, { additionalProperties: false });
export const ActionBody = Type.Object({
  text: Type.String({ minLength: 1, maxLength: 2000 }), ownerUserId: Uuid, dueOn: Type.Optional(DateStr),
}, { additionalProperties: false });
export type ActionBody = Static<typeof ActionBody>;
export const ActionPatch = Type.Object({
  text: Type.Optional(Type.String({ minLength: 1, maxLength: 2000 })), ownerUserId: Type.Optional(Uuid),
  dueOn: Type.Optional(Nullable(DateStr)), status: Type.Optional(Type.Enum(ACTION_STATUSES)),
}, { additionalProperties: false });
export type ActionPatch = Static<typeof ActionPatch>;

export const DecisionOut = Type.Object({ id: Uuid, meetingId: Uuid, text: Type.String(), createdAt: Type.String() });
export const ActionOut = Type.Object({
  id: Uuid, meetingId: Uuid, text: Type.String(), ownerUserId: Uuid, ownerName: Type.String(), dueOn: Nullable(Type.String()),
  status: Type.String(), version: Type.Integer(),
});
export const MeetingOut = Type.Object({
  id: Uuid, tableId: Uuid, heldOn: Type.String(), templateCode: Nullable(Type.String()),
  agenda: Type.Array(Type.Object({ title: Type.String(), notes: Type.Optional(Nullable(Type.String())) })),
  notes: Nullable(Type.String()), version: Type.Integer(),
  decisions: Type.Array(DecisionOut), actions: Type.Array(ActionOut),
});

/** The answers' shapes as types: the web app imports these (`import type` only), so a change here that the web does not follow fails the build. */
export type TableOut = Static<typeof TableOut>;
export type TablesOut = Static<typeof TablesOut>;
export type DecisionOut = Static<typeof DecisionOut>;
export type ActionOut = Static<typeof ActionOut>;
export type MeetingOut = Static<typeof MeetingOut>;
