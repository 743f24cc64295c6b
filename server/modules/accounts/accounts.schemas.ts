import { Type, type Static } from 'typebox';

export const LoginBody = Type.Object(
  {
    email: Type.String({ minLength: 3, maxLength: 254 }),
    password: Type.String({ minLength: 1, maxLength: 256 }),
    totp: Type.Optional(Type.String({ pattern: '^[0-9]{6}$' })),
  },
  { additionalProperties: false },
);
export type LoginBody = Static<typeof LoginBody>;

export const MembershipOut = Type.Object({
  organisationId: Type.String({ format: 'uuid' }),
  organisationName: Type.String(),
  organisationType: Type.String(),
  role: Type.String(),
});

export const MeOut = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    regionId: Type.String({ format: 'uuid' }),
    kind: Type.Union([Type.Literal('staff'), Type.Literal('parent'), Type.Literal('young_person')]),
    email: Type.String(),
    displayName: Type.String(),
    isPlatformAdmin: Type.Boolean(),
    totpEnabled: Type.Boolean(),
    memberships: Type.Array(MembershipOut),
    csrfToken: Type.String({ description: 'Send as x-csrf-token on every write made with the session cookie.' }),
  },
  { $id: 'Me' },
);

export const TotpSetupOut = Type.Object({ secret: Type.String(), otpauthUrl: Type.String() });
export const TotpConfirmBody = Type.Object({ code: Type.String({ pattern: '^[0-9]{6}$' }) }, { additionalProperties: false });

export const PasswordChangeBody = Type.Object(
  {
    currentPassword: Type.String({ minLength: 1, maxLength: 256 }),
    newPassword: Type.String({ minLength: 1, maxLength: 256 }),
  },
  { additionalProperties: false },
);

/** The answers' shapes as types: the web app imports these (`import type` only), so a change here that the web does not follow fails the build. */
export type MembershipOut = Static<typeof MembershipOut>;
export type MeOut = Static<typeof MeOut>;
export type TotpSetupOut = Static<typeof TotpSetupOut>;
