import { Type, type Static } from 'typebox';
import { ORGANISATION_TYPES, ROLES } from '../../core/session.ts';

const Uuid = Type.String({ format: 'uuid' });
const Name = Type.String({ minLength: 1, maxLength: 200 });

export const RegionBody = Type.Object(
  { slug: Type.String({ pattern: '^[a-z0-9-]{2,60}$' }), name: Name },
  { additionalProperties: false },
);
export const RegionOut = Type.Object({
  id: Uuid, slug: Type.String(), name: Type.String(),
  disagreementDays: Type.Integer({ description: "Days after which a family's open request for a conversation about the plan goes to the municipality coordinator" }),
}, { $id: 'Region' });
/** The region's settings that its partners agree on (platform admin). */
export const RegionSettingsBody = Type.Object(
  { disagreementDays: Type.Integer({ minimum: 1, maximum: 90 }) },
  { additionalProperties: false },
);

export const AreaBody = Type.Object(
  {
    kind: Type.Enum(['gemeente', 'wijk', 'swv_region'] as const),
    name: Name,
    code: Type.Optional(Type.String({ maxLength: 20 })),
    parentId: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);
export const AreaOut = Type.Object(
  { id: Uuid, regionId: Uuid, kind: Type.String(), name: Type.String(), code: Type.Union([Type.String(), Type.Null()]), parentId: Type.Union([Uuid, Type.Null()]) },
  { $id: 'Area' },
);

export const OrganisationBody = Type.Object(
  {
    regionId: Uuid,
    areaId: Type.Optional(Uuid),
    type: Type.Enum(ORGANISATION_TYPES),
    name: Name,
    schoolType: Type.Optional(Type.Enum(['po', 'so', 'vo', 'vso', 'mbo'] as const)),
    contactEmail: Type.Optional(Type.String({ format: 'email', maxLength: 254 })),
    contactPhone: Type.Optional(Type.String({ maxLength: 30 })),
  },
  { additionalProperties: false },
);
export type OrganisationBody = Static<typeof OrganisationBody>;
export const OrganisationOut = Type.Object(
  {
    id: Uuid, regionId: Uuid, areaId: Type.Union([Uuid, Type.Null()]), type: Type.String(), name: Type.String(),
    schoolType: Type.Union([Type.String(), Type.Null()]), contactEmail: Type.Union([Type.String(), Type.Null()]),
    contactPhone: Type.Union([Type.String(), Type.Null()]), version: Type.Integer(),
  },
  { $id: 'Organisation' },
);

/** One row of GET /api/v1/organisations: the region's directory, for pickers. */
export const DirectoryOrganisationOut = Type.Object({ id: Uuid, name: Type.String(), type: Type.String(), schoolType: Type.Union([Type.String(), Type.Null()]) });

export const MembershipBody = Type.Object(
  { organisationId: Uuid, role: Type.Enum(ROLES) },
  { additionalProperties: false },
);

export const UserBody = Type.Object(
  {
    regionId: Uuid,
    kind: Type.Enum(['staff', 'parent', 'young_person'] as const),
    email: Type.String({ format: 'email', maxLength: 254 }),
    displayName: Name,
    password: Type.String({ minLength: 1, maxLength: 256 }),
    isPlatformAdmin: Type.Optional(Type.Boolean()),
    memberships: Type.Optional(Type.Array(MembershipBody, { maxItems: 20 })),
  },
  { additionalProperties: false },
);
export type UserBody = Static<typeof UserBody>;
export const UserOut = Type.Object(
  {
    id: Uuid, regionId: Uuid, kind: Type.String(), email: Type.String(), displayName: Type.String(),
    isPlatformAdmin: Type.Boolean(), active: Type.Boolean(),
    memberships: Type.Array(Type.Object({ organisationId: Uuid, role: Type.String() })),
  },
  { $id: 'User' },
);
export const IdParams = Type.Object({ id: Uuid });
export const ListQuery = Type.Object(
  { regionId: Type.Optional(Uuid), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })), offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 })) },
  { additionalProperties: false },
);

/** GET /api/v1/admin/users/search: one page of the users you administer, found by name or e-mail and filtered. */
export const UserSearchQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'Part of the name or e-mail address' })),
    organisationId: Type.Optional(Uuid),
    role: Type.Optional(Type.Enum(ROLES, { description: 'With organisationId: this role in that organisation' })),
    active: Type.Optional(Type.Boolean()),
    regionId: Type.Optional(Uuid),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, description: 'Users per page (default 25)' })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000 })),
  },
  { additionalProperties: false },
);
export type UserSearchQuery = Static<typeof UserSearchQuery>;
export const UserPageOut = Type.Object({ items: Type.Array(UserOut), total: Type.Integer(), offset: Type.Integer(), limit: Type.Integer() });

/** The answers' shapes as types: the web app imports these (`import type` only), so a change here that the web does not follow fails the build. */
export type RegionOut = Static<typeof RegionOut>;
export type AreaOut = Static<typeof AreaOut>;
export type OrganisationOut = Static<typeof OrganisationOut>;
export type UserOut = Static<typeof UserOut>;
export type DirectoryOrganisationOut = Static<typeof DirectoryOrganisationOut>;
export type UserPageOut = Static<typeof UserPageOut>;
