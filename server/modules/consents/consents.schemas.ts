import { Type, type Static } from 'typebox';
import { AllowedActions, IsoDate, Uuid } from '../children/children.schemas.ts';

export const ConsentBody = Type.Object(
  {
    // One purpose gates what it names: sharing in the network (the network, plan, meetings, evaluations
    // and timeline). The earlier 'integrated_meeting' and 'exchange_with_school' gated nothing, so a
    // family consenting to them was promised a limit that did not exist; they are no longer given
    // (existing rows are still shown, and open nothing).
    purpose: Type.Enum(['share_in_network'], { description: 'What the consent is for: sharing in the network (network, plan, meetings, evaluations, timeline)' }),
    recipientOrganisationId: Type.Optional(Uuid),
    recipientRole: Type.Optional(Type.Enum(['teacher', 'intern_begeleider', 'zorgcoordinator', 'youth_care_professional', 'jgz_professional', 'leerplicht_officer', 'swv_coordinator'])),
    consenterUserId: Type.Optional(Uuid),
    consenterRelation: Type.Optional(Type.Enum(['parent', 'young_person'])),
    method: Type.Optional(Type.Enum(['in_app', 'verbal', 'written'])),
    validFrom: Type.Optional(IsoDate),
    validUntil: Type.Optional(IsoDate),
  },
  { additionalProperties: false },
);
export type ConsentBody = Static<typeof ConsentBody>;

export const ConsentOut = Type.Object({
  id: Uuid, purpose: Type.String(),
  recipient: Type.Object({ organisationId: Type.Union([Uuid, Type.Null()]), organisationName: Type.Union([Type.String(), Type.Null()]), role: Type.Union([Type.String(), Type.Null()]) }),
  givenBy: Type.Object({ userId: Type.Union([Uuid, Type.Null()]), displayName: Type.String(), relation: Type.String() }),
  method: Type.String(), recordedBy: Type.String(), validFrom: Type.String(), validUntil: Type.Union([Type.String(), Type.Null()]),
  givenAt: Type.String(), withdrawnAt: Type.Union([Type.String(), Type.Null()]),
  withdrawnBy: Type.Union([Type.String(), Type.Null()], { description: 'Who withdrew it (a name), when withdrawn' }),
  expired: Type.Boolean({ description: 'Its valid-until date has passed (and it was not withdrawn)' }),
  active: Type.Boolean(), version: Type.Integer(),
  canWithdraw: Type.Boolean(),
  status: Type.Enum(['pending', 'confirmed', 'declined'], { description: 'Recorded on someone\'s behalf: pending until they (or, without an account, the lead) confirm it; only confirmed consent opens anything' }),
  canConfirm: Type.Boolean(),
});
export const ConfirmConsentBody = Type.Object({ decision: Type.Enum(['confirm', 'decline']) }, { additionalProperties: false });

export const LegalBasisOut = Type.Object({
  id: Uuid, kind: Type.String(), organisationId: Uuid, organisationName: Type.String(), justification: Type.String(),
  recordedBy: Type.String(), recordedAt: Type.String(), validUntil: Type.Union([Type.String(), Type.Null()]),
  reviewer: Type.Union([Type.String(), Type.Null()], { description: 'Who reviewed it; before review: null (a privacy officer reviews, by rule)' }),
  reviewOutcome: Type.Union([Type.String(), Type.Null()]), endangering: Type.Boolean(),
  provisionalUntil: Type.Union([Type.String(), Type.Null()], { description: 'Meldcode / vital interest: acted on before review until then' }),
  status: Type.Enum(['awaiting_review', 'provisional', 'provisional_ended', 'confirmed', 'rejected', 'expired']),
});

export const ConsentsOut = Type.Object(
  {
    rule: Type.Object({ ageBand: Type.String(), consenters: Type.Array(Type.Object({ userId: Type.Union([Uuid, Type.Null()]), displayName: Type.String(), relation: Type.String() })) }),
    consents: Type.Array(ConsentOut),
    coverage: Type.Array(Type.Object({
      organisationId: Uuid, organisationName: Type.String(), covered: Type.Boolean(), missing: Type.Array(Type.String()), flagged: Type.Boolean(),
      basis: Type.Union([Type.String(), Type.Null()]),
    })),
    legalBases: Type.Array(LegalBasisOut),
    allowedActions: AllowedActions,
  },
  { $id: 'Consents' },
);

export const ConsentParams = Type.Object({ childId: Uuid, consentId: Uuid });

export const LegalBasisBody = Type.Object(
  {
    kind: Type.Enum(['legal_task', 'meldcode', 'vital_interest']),
    organisationId: Uuid,
    justification: Type.String({ minLength: 20, maxLength: 4000 }),
    validUntil: Type.Optional(IsoDate),
    endangering: Type.Optional(Type.Boolean({ description: 'Showing this basis to the family would endanger the child' })),
    endangeringReason: Type.Optional(Type.String({ minLength: 10, maxLength: 2000 })),
  },
  { additionalProperties: false },
);
export type LegalBasisBody = Static<typeof LegalBasisBody>;

export const ReviewBody = Type.Object(
  {
    outcome: Type.Enum(['confirmed', 'rejected']),
    note: Type.String({ minLength: 3, maxLength: 2000 }),
    endangeringOutcome: Type.Optional(Type.Enum(['confirmed', 'rejected'])),
  },
  { additionalProperties: false },
);

export const BreakGlassBody = Type.Object(
  {
    bsn: Type.Optional(Type.String({ maxLength: 11 })),
    givenName: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    familyName: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    birthDate: Type.Optional(IsoDate),
    emergency: Type.Enum(['acute_safety', 'medical', 'missing_child', 'crisis_no_contact'], { description: 'Which emergency: break-the-glass is for nothing else' }),
    reason: Type.String({ minLength: 20, maxLength: 2000 }),
    familyEndangered: Type.Optional(Type.Boolean({ description: 'Telling the family now would endanger the child (then the privacy officer is told instead)' })),
  },
  { additionalProperties: false },
);
export type BreakGlassBody = Static<typeof BreakGlassBody>;
export const BreakGlassOut = Type.Object({ youngPersonId: Uuid, expiresAt: Type.String() });
export const BreakGlassReviewBody = Type.Object(
  { outcome: Type.Enum(['justified', 'unjustified']), note: Type.Optional(Type.String({ maxLength: 2000 })) },
  { additionalProperties: false },
);

/** The answers' shapes as types: the web app imports these (`import type` only), so a change here that the web does not follow fails the build. */
export type ConsentOut = Static<typeof ConsentOut>;
export type LegalBasisOut = Static<typeof LegalBasisOut>;
export type ConsentsOut = Static<typeof ConsentsOut>;
export type BreakGlassOut = Static<typeof BreakGlassOut>;
