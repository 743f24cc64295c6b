/** Agreements (covenants, privacy covenants, OOGO, LEA), commitments, OOGO topics and funding. */
import { Type, type Static } from 'typebox';
import { AllowedActions, DateStr, Name, Nullable, Text, Uuid, WarningOut } from './partnerships.schemas.ts';

export const AGREEMENT_KINDS = ['covenant', 'cooperation', 'privacy_covenant', 'oogo', 'lea'] as const;
const Status = Type.Enum(['draft', 'active', 'ended'] as const);
const List = Type.Array(Type.String({ minLength: 1, maxLength: 300 }), { maxItems: 50 });
export const Privacy = Type.Object({
  purposes: List, dataCategories: List, legalBasis: Text(1000), retention: Text(1000),
  roles: Type.Array(Type.Object({ partnerId: Uuid, role: Type.Enum(['controller', 'joint_controller', 'processor', 'recipient'] as const) }, { additionalProperties: false }), { maxItems: 50 }),
}, { additionalProperties: false });

export const AgreementBody = Type.Object({
  kind: Type.Enum(AGREEMENT_KINDS), title: Name, purpose: Type.Optional(Text(4000)), status: Type.Optional(Status),
  startsOn: Type.Optional(DateStr), endsOn: Type.Optional(DateStr), reviewOn: Type.Optional(DateStr),
  partnerIds: Type.Array(Uuid, { minItems: 1, maxItems: 100, uniqueItems: true }), privacy: Type.Optional(Privacy),
}, { additionalProperties: false });
export type AgreementBody = Static<typeof AgreementBody>;
export const AgreementPatch = Type.Object({
  title: Type.Optional(Name), purpose: Type.Optional(Nullable(Text(4000))), status: Type.Optional(Status),
  startsOn: Type.Optional(Nullable(DateStr)), endsOn: Type.Optional(Nullable(DateStr)), reviewOn: Type.Optional(Nullable(DateStr)),
  partnerIds: Type.Optional(Type.Array(Uuid, { minItems: 1, maxItems: 100, uniqueItems: true })), privacy: Type.Optional(Privacy),
}, { additionalProperties: false });
export type AgreementPatch = Static<typeof AgreementPatch>;

const CommitmentStatus = Type.Enum(['in_progress', 'done', 'explained_deviation'] as const);
export const CommitmentBody = Type.Object({
  partnerId: Uuid, description: Type.String({ minLength: 1, maxLength: 2000 }), untilOn: Type.Optional(DateStr),
  status: Type.Optional(CommitmentStatus), explanation: Type.Optional(Text()),
}, { additionalProperties: false });
export type CommitmentBody = Static<typeof CommitmentBody>;
export const CommitmentPatch = Type.Object({
  description: Type.Optional(Type.String({ minLength: 1, maxLength: 2000 })), untilOn: Type.Optional(Nullable(DateStr)),
  status: Type.Optional(CommitmentStatus), explanation: Type.Optional(Nullable(Text())),
}, { additionalProperties: false });
export type CommitmentPatch = Static<typeof CommitmentPatch>;

export const OOGO_STATES = ['not_started', 'in_discussion', 'agreed', 'under_review'] as const;
export const OogoTopicPatch = Type.Object({ state: Type.Optional(Type.Enum(OOGO_STATES)), summary: Type.Optional(Nullable(Text(4000))) }, { additionalProperties: false });

export const CommitmentOut = Type.Object({
  id: Uuid, agreementId: Uuid, partnerId: Uuid, organisationName: Type.String(), description: Type.String(), untilOn: Nullable(Type.String()),
  status: Type.String(), explanation: Nullable(Type.String()), version: Type.Integer(),
});
export const OogoTopicOut = Type.Object({
  itemId: Uuid, code: Type.String(), textNl: Type.String(), textEn: Type.String(), state: Type.String(), summary: Nullable(Type.String()), version: Type.Integer(),
});
export const AgreementOut = Type.Object({
  id: Uuid, kind: Type.String(), title: Type.String(), purpose: Nullable(Type.String()), status: Type.String(),
  startsOn: Nullable(Type.String()), endsOn: Nullable(Type.String()), reviewOn: Nullable(Type.String()),
  privacy: Nullable(Privacy), version: Type.Integer(),
  parties: Type.Array(Type.Object({ partnerId: Uuid, organisationId: Uuid, organisationName: Type.String(), organisationType: Type.String() })),
  commitments: Type.Array(CommitmentOut),
  oogoTopics: Type.Array(OogoTopicOut),
  warnings: Type.Array(WarningOut),
});
export const AgreementsOut = Type.Object({ agreements: Type.Array(AgreementOut), warnings: Type.Array(WarningOut), allowedActions: AllowedActions });

export const FundingBody = Type.Object({
  partnerId: Uuid, agreementId: Type.Optional(Uuid), purpose: Name, amountPerYearCents: Type.Integer({ minimum: 0, maximum: 100_000_000_000 }),
  mode: Type.Enum(['pooled', 'fixed'] as const), startsOn: DateStr, endsOn: Type.Optional(DateStr),
}, { additionalProperties: false });
export type FundingBody = Static<typeof FundingBody>;
export const FundingPatch = Type.Object({
  purpose: Type.Optional(Name), amountPerYearCents: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000_000_000 })),
  mode: Type.Optional(Type.Enum(['pooled', 'fixed'] as const)), startsOn: Type.Optional(DateStr), endsOn: Type.Optional(Nullable(DateStr)),
  agreementId: Type.Optional(Nullable(Uuid)),
}, { additionalProperties: false });
export type FundingPatch = Static<typeof FundingPatch>;
export const FundingLineOut = Type.Object({
  id: Uuid, partnerId: Uuid, organisationName: Type.String(), agreementId: Nullable(Uuid), purpose: Type.String(),
  amountPerYearCents: Type.Integer(), mode: Type.String(), startsOn: Type.String(), endsOn: Nullable(Type.String()), version: Type.Integer(),
});
export const FundingOut = Type.Object({
  lines: Type.Array(FundingLineOut),
  perYear: Type.Array(Type.Object({ year: Type.Integer(), pooledCents: Type.Integer(), fixedCents: Type.Integer() })),
  warnings: Type.Array(WarningOut),
  allowedActions: AllowedActions,
});

/** The answers' shapes as types: the web app imports these (`import type` only), so a change here that the web does not follow fails the build. */
export type CommitmentOut = Static<typeof CommitmentOut>;
export type OogoTopicOut = Static<typeof OogoTopicOut>;
export type AgreementOut = Static<typeof AgreementOut>;
export type AgreementsOut = Static<typeof AgreementsOut>;
export type FundingLineOut = Static<typeof FundingLineOut>;
export type FundingOut = Static<typeof FundingOut>;
