/** Implementation programme (uitvoeringsprogramma) with its six parts and activities. */
import { Type, type Static } from 'typebox';
import { AllowedActions, DateStr, Name, Nullable, Text, Uuid, WarningOut } from './partnerships.schemas.ts';

/** Part six: agreements on steering, monitoring, accountability, cooperation, communication and finance. */
export const ARRANGEMENT_KEYS = ['steering', 'monitoring', 'accountability', 'cooperation', 'communication', 'finance'] as const;
export const Arrangements = Type.Object({
  steering: Type.Optional(Text()), monitoring: Type.Optional(Text()), accountability: Type.Optional(Text()),
  cooperation: Type.Optional(Text()), communication: Type.Optional(Text()), finance: Type.Optional(Text()),
}, { additionalProperties: false });

export const ProgrammeBody = Type.Object({
  title: Name, startsOn: DateStr, endsOn: DateStr, intendedResults: Type.Optional(Text(4000)),
  leadPartnerId: Type.Optional(Uuid), leadPersonId: Type.Optional(Uuid),
  partnerIds: Type.Optional(Type.Array(Uuid, { maxItems: 100, uniqueItems: true })), arrangements: Type.Optional(Arrangements),
}, { additionalProperties: false });
export type ProgrammeBody = Static<typeof ProgrammeBody>;
export const ProgrammePatch = Type.Object({
  title: Type.Optional(Name), startsOn: Type.Optional(DateStr), endsOn: Type.Optional(DateStr), intendedResults: Type.Optional(Nullable(Text(4000))),
  leadPartnerId: Type.Optional(Nullable(Uuid)), leadPersonId: Type.Optional(Nullable(Uuid)),
  partnerIds: Type.Optional(Type.Array(Uuid, { maxItems: 100, uniqueItems: true })), arrangements: Type.Optional(Arrangements),
}, { additionalProperties: false });
export type ProgrammePatch = Static<typeof ProgrammePatch>;
export const AdoptBody = Type.Object({ tableId: Uuid, adoptedOn: DateStr }, { additionalProperties: false });

const ActivityStatus = Type.Enum(['planned', 'running', 'done', 'stalled'] as const);
export const ActivityBody = Type.Object({
  title: Name, description: Type.Optional(Text(4000)), startsOn: Type.Optional(DateStr), endsOn: Type.Optional(DateStr),
  leadPartnerId: Type.Optional(Uuid), progress: Type.Optional(Type.Integer({ minimum: 0, maximum: 100 })), status: Type.Optional(ActivityStatus),
}, { additionalProperties: false });
export type ActivityBody = Static<typeof ActivityBody>;
export const ActivityPatch = Type.Object({
  title: Type.Optional(Name), description: Type.Optional(Nullable(Text(4000))), startsOn: Type.Optional(Nullable(DateStr)), endsOn: Type.Optional(Nullable(DateStr)),
  leadPartnerId: Type.Optional(Nullable(Uuid)), progress: Type.Optional(Type.Integer({ minimum: 0, maximum: 100 })), status: Type.Optional(ActivityStatus),
}, { additionalProperties: false });
export type ActivityPatch = Static<typeof ActivityPatch>;

export const ActivityOut = Type.Object({
  id: Uuid, programmeId: Uuid, title: Type.String(), description: Nullable(Type.String()), startsOn: Nullable(Type.String()), endsOn: Nullable(Type.String()),
  leadPartnerId: Nullable(Uuid), progress: Type.Integer(), status: Type.String(), version: Type.Integer(),
});
export const ProgrammeOut = Type.Object({
  id: Uuid, title: Type.String(), startsOn: Type.String(), endsOn: Type.String(), intendedResults: Nullable(Type.String()),
  leadPartnerId: Nullable(Uuid), leadPersonId: Nullable(Uuid), arrangements: Type.Record(Type.String(), Type.String()),
  adoptedByTableId: Nullable(Uuid), adoptedByTableName: Nullable(Type.String()), adoptedOn: Nullable(Type.String()), version: Type.Integer(),
  partners: Type.Array(Type.Object({ partnerId: Uuid, organisationName: Type.String() })),
  activities: Type.Array(ActivityOut),
  /** Average progress of the activities, 0–100. */
  progress: Type.Integer(),
  /** Which of the six parts are still empty. */
  openParts: Type.Array(Type.String()),
  warnings: Type.Array(WarningOut),
});
export const ProgrammesOut = Type.Object({ programmes: Type.Array(ProgrammeOut), allowedActions: AllowedActions });

/** The answers' shapes as types: the web app imports these (`import type` only), so a change here that the web does not follow fails the build. */
export type ActivityOut = Static<typeof ActivityOut>;
export type ProgrammeOut = Static<typeof ProgrammeOut>;
export type ProgrammesOut = Static<typeof ProgrammesOut>;
