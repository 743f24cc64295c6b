/** Partner map: partners, their people and portfolios ("wie is wie en wie kent wie"). */
import { Type, type Static } from 'typebox';
import { PARTNER_ONLY_TYPES } from '../../core/session.ts';
import { AllowedActions, Name, Nullable, Text, Uuid, WarningOut } from './partnerships.schemas.ts';

const Ring = Type.Enum(['inner', 'outer'] as const);
const Email = Type.String({ format: 'email', maxLength: 254 });
const Phone = Type.String({ maxLength: 30 });

/** An organisation that is not in Rondom yet, added from the workspace as a contact-only organisation (no staff). */
export const NewOrganisation = Type.Object({
  type: Type.Enum(PARTNER_ONLY_TYPES, { description: 'Only the partner kinds: schools, SWVs, leerplicht, municipalities, JGZ and care are made by the platform admin' }), name: Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' }),
}, { additionalProperties: false });
/** Either an organisation of the region (organisationId) or a new one (newOrganisation): exactly one. */
export const PartnerBody = Type.Object({
  organisationId: Type.Optional(Uuid), newOrganisation: Type.Optional(NewOrganisation),
  ring: Type.Optional(Ring), roleDescription: Type.Optional(Text(1000)),
}, { additionalProperties: false });
export type PartnerBody = Static<typeof PartnerBody>;
export const PartnerPatch = Type.Object({
  ring: Type.Optional(Ring), roleDescription: Type.Optional(Nullable(Text(1000))),
}, { additionalProperties: false });

export const PersonBody = Type.Object({
  partnerId: Uuid, name: Name, roleTitle: Type.Optional(Text(200)), email: Type.Optional(Email), phone: Type.Optional(Phone),
  ring: Type.Optional(Ring), userId: Type.Optional(Uuid),
}, { additionalProperties: false });
export type PersonBody = Static<typeof PersonBody>;
export const PersonPatch = Type.Object({
  name: Type.Optional(Name), roleTitle: Type.Optional(Nullable(Text(200))), email: Type.Optional(Nullable(Email)),
  phone: Type.Optional(Nullable(Phone)), ring: Type.Optional(Nullable(Ring)), userId: Type.Optional(Nullable(Uuid)),
}, { additionalProperties: false });
export type PersonPatch = Static<typeof PersonPatch>;

export const PortfolioBody = Type.Object({
  personId: Uuid, topic: Name, responsibilities: Type.Optional(Text()), mandate: Type.Optional(Text()),
  hasMandate: Type.Boolean(), deputyPersonId: Type.Optional(Uuid), isKey: Type.Optional(Type.Boolean()),
}, { additionalProperties: false });
export type PortfolioBody = Static<typeof PortfolioBody>;
export const PortfolioPatch = Type.Object({
  topic: Type.Optional(Name), responsibilities: Type.Optional(Nullable(Text())), mandate: Type.Optional(Nullable(Text())),
  hasMandate: Type.Optional(Type.Boolean()), deputyPersonId: Type.Optional(Nullable(Uuid)), isKey: Type.Optional(Type.Boolean()),
}, { additionalProperties: false });
export type PortfolioPatch = Static<typeof PortfolioPatch>;

export const MapQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 100 })),
  organisationId: Type.Optional(Uuid),
  topic: Type.Optional(Type.String({ maxLength: 100 })),
}, { additionalProperties: false });

export const PortfolioOut = Type.Object({
  id: Uuid, personId: Uuid, topic: Type.String(), responsibilities: Nullable(Type.String()), mandate: Nullable(Type.String()),
  hasMandate: Type.Boolean(), deputyPersonId: Nullable(Uuid), deputyName: Nullable(Type.String()), isKey: Type.Boolean(), version: Type.Integer(),
});
export const PersonOut = Type.Object({
  id: Uuid, partnerId: Uuid, userId: Nullable(Uuid), name: Type.String(), roleTitle: Nullable(Type.String()),
  email: Nullable(Type.String()), phone: Nullable(Type.String()), ring: Type.String(), version: Type.Integer(),
  portfolios: Type.Optional(Type.Array(PortfolioOut)),
});
export const PartnerOut = Type.Object({
  id: Uuid, organisationId: Uuid, organisationName: Type.String(), organisationType: Type.String(),
  ring: Type.String(), roleDescription: Nullable(Type.String()), version: Type.Integer(),
  people: Type.Optional(Type.Array(PersonOut)),
});
export const MapOut = Type.Object({
  partners: Type.Array(PartnerOut),
  warnings: Type.Array(WarningOut),
  allowedActions: AllowedActions,
});

/** The answers' shapes as types: the web app imports these (`import type` only), so a change here that the web does not follow fails the build. */
export type PortfolioOut = Static<typeof PortfolioOut>;
export type PersonOut = Static<typeof PersonOut>;
export type PartnerOut = Static<typeof PartnerOut>;
export type MapOut = Static<typeof MapOut>;
