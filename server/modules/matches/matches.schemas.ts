import { Type, type Static } from 'typebox';
import { AllowedActions, IsoDate, Uuid } from '../children/children.schemas.ts';

export const SignalBody = Type.Object(
  {
    bsn: Type.Optional(Type.String({ maxLength: 11 })),
    givenName: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    familyName: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    birthDate: Type.Optional(IsoDate),
    organisationId: Type.Optional(Uuid),
    contactEmail: Type.Optional(Type.String({ format: 'email', maxLength: 254 })),
    contactPhone: Type.Optional(Type.String({ maxLength: 30 })),
  },
  { additionalProperties: false },
);
export type SignalBody = Static<typeof SignalBody>;

export const SignalOut = Type.Object({ signalId: Uuid, expiresOn: Type.String(), newMatches: Type.Integer() });

export const MatchOut = Type.Object({
  id: Uuid,
  kind: Type.Enum(['person', 'family']),
  createdAt: Type.String(),
  mySignal: Type.Object({ signalId: Uuid, youngPersonName: Type.String(), birthDate: Type.String() }),
  other: Type.Object({
    displayName: Type.String(), organisationName: Type.String(),
    contactEmail: Type.Union([Type.String(), Type.Null()]), contactPhone: Type.Union([Type.String(), Type.Null()]),
    youngPersonName: Type.Union([Type.String(), Type.Null()], { description: 'For a family match: which sibling (only their name)' }),
  }),
});

/** My open signals, and what I may do (registerSignal when the region designated one of my roles, for these organisations). */
export const MySignalsOut = Type.Object({
  items: Type.Array(Type.Object({
    signalId: Uuid, youngPersonName: Type.String(), birthDate: Type.String(), organisationName: Type.String(),
    contactEmail: Type.Union([Type.String(), Type.Null()]), contactPhone: Type.Union([Type.String(), Type.Null()]),
    registeredAt: Type.String(), expiresOn: Type.String(),
  })),
  organisations: Type.Array(Type.Object({ id: Uuid, name: Type.String() }), { description: 'The organisations I may register a signal for' }),
  allowedActions: AllowedActions,
});

/** The answers' shapes as types: the web app imports these (`import type` only), so a change here that the web does not follow fails the build. */
export type SignalOut = Static<typeof SignalOut>;
export type MatchOut = Static<typeof MatchOut>;
export type MySignalsOut = Static<typeof MySignalsOut>;
