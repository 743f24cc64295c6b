/** Schemas shared by the workspace parts, and those of the partnership itself, tasks and invitations. */
import { Type, type Static, type TSchema } from 'typebox';

export const Uuid = Type.String({ format: 'uuid' });
export const DateStr = Type.String({ format: 'date' });
export const Text = (max = 2000) => Type.String({ maxLength: max });
export const Name = Type.String({ minLength: 1, maxLength: 200 });
export const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);

export const WarningOut = Type.Object({
  code: Type.String(), messageNl: Type.String(), messageEn: Type.String(),
  subjectType: Type.Optional(Type.String()), subjectId: Type.Optional(Type.String()),
});
export const AllowedActions = Type.Array(Type.String());

export const IdParams = Type.Object({ id: Uuid });

export const SCOPES = ['gemeente', 'wijk', 'region'] as const;

export const PartnershipBody = Type.Object({
  regionId: Type.Optional(Uuid),
  name: Name,
  scope: Type.Enum(SCOPES),
  areaId: Type.Optional(Uuid),
  description: Type.Optional(Text()),
  collaborationModel: Type.Optional(Type.String({ maxLength: 20 })),
  organisationIds: Type.Array(Uuid, { minItems: 1, maxItems: 50, uniqueItems: true }),
}, { additionalProperties: false });
export type PartnershipBody = Static<typeof PartnershipBody>;

export const PartnershipPatch = Type.Object({
  name: Type.Optional(Name),
  description: Type.Optional(Nullable(Text())),
  collaborationModel: Type.Optional(Nullable(Type.String({ maxLength: 20 }))),
}, { additionalProperties: false });
export type PartnershipPatch = Static<typeof PartnershipPatch>;

export const PartnershipOut = Type.Object({
  id: Uuid, regionId: Uuid, name: Type.String(), scope: Type.String(), areaId: Nullable(Uuid),
  description: Nullable(Type.String()), collaborationModel: Nullable(Type.String()), version: Type.Integer(),
});

export const PartnershipListItem = Type.Object({
  id: Uuid, name: Type.String(), scope: Type.String(), partnerCount: Type.Integer(), allowedActions: AllowedActions,
});

export const WorkspaceOut = Type.Object({
  partnership: PartnershipOut,
  counts: Type.Record(Type.String(), Type.Integer()),
  warnings: Type.Array(WarningOut),
  allowedActions: AllowedActions,
});

export const TaskOut = Type.Object({
  id: Uuid, text: Type.String(), status: Type.String(), dueOn: Nullable(Type.String()), overdue: Type.Boolean(), version: Type.Integer(),
  partnershipId: Uuid, partnershipName: Type.String(), tableName: Type.String(), meetingHeldOn: Type.String(),
  allowedActions: AllowedActions,
});

export const ACTION_STATUSES = ['open', 'in_progress', 'done', 'cancelled'] as const;
export const TaskPatch = Type.Object({ status: Type.Enum(ACTION_STATUSES) }, { additionalProperties: false });

export const InvitationOut = Type.Object({
  roundId: Uuid, roundTitle: Type.String(), partnershipName: Type.String(), respondentGroup: Type.String(),
  closesOn: Nullable(Type.String()), scaleMin: Type.Integer(), scaleMax: Type.Integer(),
  /** 'plain' for parents and young people (the framework's plain-language wording, where written), else 'professional'. */
  wording: Type.Enum(['plain', 'professional'] as const),
  elements: Type.Array(Type.Object({
    code: Type.String(), nameNl: Type.String(), nameEn: Type.String(),
    items: Type.Array(Type.Object({ id: Uuid, code: Type.String(), textNl: Type.String(), textEn: Type.String() })),
  })),
});

export const ResponseBody = Type.Object({
  answers: Type.Array(Type.Object({
    itemId: Uuid,
    score: Type.Integer({ minimum: 1, maximum: 5 }),
    example: Type.Optional(Text(1000)),
  }, { additionalProperties: false }), { minItems: 1, maxItems: 200 }),
}, { additionalProperties: false });
export type ResponseBody = Static<typeof ResponseBody>;

export const FrameworkOut = Type.Object({
  id: Uuid, key: Type.String(), version: Type.Integer(), kind: Type.String(), nameNl: Type.String(), nameEn: Type.String(),
  source: Nullable(Type.String()), own: Type.Boolean(),
  elements: Type.Array(Type.Object({
    id: Uuid, code: Type.String(), nameNl: Type.String(), nameEn: Type.String(),
    descriptionNl: Nullable(Type.String()), descriptionEn: Nullable(Type.String()), meta: Type.Unknown(),
    plainNl: Type.Optional(Nullable(Type.String())), plainEn: Type.Optional(Nullable(Type.String())),
    items: Type.Array(Type.Object({
      id: Uuid, code: Type.String(), textNl: Type.String(), textEn: Type.String(), derived: Type.Boolean(),
      /** The plain-language wording families read; null where none is written. */
      plainNl: Type.Optional(Nullable(Type.String())), plainEn: Type.Optional(Nullable(Type.String())),
    })),
  })),
});
export const FrameworkQuery = Type.Object({ kind: Type.Optional(Type.String({ maxLength: 30 })) }, { additionalProperties: false });

/** The answers' shapes as types: the web app imports these (`import type` only), so a change here that the web does not follow fails the build. */
export type WarningOut = Static<typeof WarningOut>;
export type PartnershipOut = Static<typeof PartnershipOut>;
export type PartnershipListItem = Static<typeof PartnershipListItem>;
export type WorkspaceOut = Static<typeof WorkspaceOut>;
export type TaskOut = Static<typeof TaskOut>;
export type InvitationOut = Static<typeof InvitationOut>;
export type FrameworkOut = Static<typeof FrameworkOut>;
