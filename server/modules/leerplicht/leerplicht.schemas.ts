import { Type, type Static } from 'typebox';
import { IsoDate, Uuid } from '../children/children.schemas.ts';

export const AbsenceKind = Type.Enum(['absolute', 'relative', 'long_term_relative']);
export const ReasonCategory = Type.Enum(['illness', 'psychological', 'behaviour', 'no_suitable_place', 'waiting_list', 'school_refusal', 'conflict_with_school', 'family_circumstances', 'other']);

export const AbsenceBody = Type.Object(
  {
    youngPersonId: Uuid,
    kind: AbsenceKind,
    startedOn: IsoDate,
    schoolId: Type.Optional(Uuid),
    swvId: Type.Optional(Uuid),
    reasonCategory: ReasonCategory,
  },
  { additionalProperties: false },
);
export type AbsenceBody = Static<typeof AbsenceBody>;

export const AbsencePatchBody = Type.Object(
  {
    kind: Type.Optional(AbsenceKind),
    offerType: Type.Optional(Type.Enum(['none', 'education', 'care', 'education_and_care'])),
    offerExtent: Type.Optional(Type.Enum(['none', 'partial', 'full'])),
    offerHoursPerWeek: Type.Optional(Type.Union([Type.Number({ minimum: 0, maximum: 40 }), Type.Null()])),
    offerStartedOn: Type.Optional(Type.Union([IsoDate, Type.Null()])),
    endedOn: Type.Optional(Type.Union([IsoDate, Type.Null()])),
    outcome: Type.Optional(Type.Union([Type.Enum(['back_at_school', 'other_offer', 'exemption', 'moved', 'other']), Type.Null()])),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type AbsencePatchBody = Static<typeof AbsencePatchBody>;

export const CaseOut = Type.Object(
  {
    id: Uuid, youngPersonId: Uuid, name: Type.String(), ageYears: Type.Integer(), duty: Type.String(),
    kind: Type.String(), startedOn: Type.String(), endedOn: Type.Union([Type.String(), Type.Null()]),
    school: Type.Union([Type.String(), Type.Null()]), schoolType: Type.Union([Type.String(), Type.Null()]), swvId: Type.Union([Uuid, Type.Null()]),
    reasonCategory: Type.String(),
    offer: Type.Object({ type: Type.String(), extent: Type.String(), hoursPerWeek: Type.Union([Type.Number(), Type.Null()]), startedOn: Type.Union([Type.String(), Type.Null()]) }),
    daysWithoutOffer: Type.Integer(),
    clock: Type.Enum(['ok', 'warning', 'red', 'stopped']),
    clockLabel: Type.String(),
    exempted: Type.Boolean(),
    nextRungEarly: Type.Boolean({ description: 'Escalating now passes a rung before its time to act (or starts the ladder before red): it needs earlyReason' }),
    escalation: Type.Union([Type.Object({ rung: Type.Integer(), rungKey: Type.String(), deadline: Type.String(), overdue: Type.Boolean(), automatic: Type.Boolean() }), Type.Null()]),
    decision: Type.Union([Type.Object({ id: Type.String(), place: Type.String(), provider: Type.String(), payer: Type.String(), dueOn: Type.String() }), Type.Null()]),
    outcome: Type.Union([Type.String(), Type.Null()]),
    version: Type.Integer(),
    allowedActions: Type.Array(Type.String()),
  },
  { $id: 'LeerplichtCase' },
);

/** The worklist's orders (WorklistQuery.sort). */
export const WORKLIST_SORTS = ['urgency', 'overdue', 'rung', 'date', 'school'] as const;
export type WorklistSort = (typeof WORKLIST_SORTS)[number];

export const WorklistQuery = Type.Object(
  {
    gemeenteId: Type.Optional(Uuid), swvId: Type.Optional(Uuid), includeClosed: Type.Optional(Type.Boolean()),
    schoolId: Type.Optional(Type.String({ format: 'uuid', description: 'Only cases of this school (a school of your region; another is a 422)' })),
    rung: Type.Optional(Type.Integer({ minimum: 0, maximum: 9, description: 'Only cases at this rung of the ladder; 0: not escalated' })),
    overdue: Type.Optional(Type.Boolean({ description: 'true: only cases whose rung deadline has passed; false: only the others' })),
    q: Type.Optional(Type.String({ minLength: 2, maxLength: 100, description: 'Part of the young person\'s name' })),
    sort: Type.Optional(Type.Enum(WORKLIST_SORTS, { description: 'urgency (default: red first, longest without offer first), overdue first, highest rung first, date (longest absent first), school (by name)' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, description: 'Cases per page (default 50)' })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 100000, description: 'Cases to skip, in the worklist order' })),
  },
  { additionalProperties: false },
);
/** GET /api/v1/leerplicht/worklist: one page of cases, with counts per clock. */
export const WorklistOut = Type.Object({
  items: Type.Array(CaseOut), total: Type.Integer({ description: 'All matching cases (not exempted); items is one page of them' }), offset: Type.Integer(), limit: Type.Integer(),
  counts: Type.Object({ red: Type.Integer(), warning: Type.Integer(), ok: Type.Integer(), stopped: Type.Integer() }),
  exemptedCount: Type.Integer(), thresholds: Type.Object({ warningDays: Type.Array(Type.Integer()), redMonths: Type.Integer() }),
  ladder: Type.Array(Type.Object({ rung: Type.Integer(), rungKey: Type.String() }), { description: "The region's escalation ladder, for the rung filter" }),
});
/** GET /api/v1/leerplicht/young-people: who an officer may register an absence for. */
export const YoungPeopleOut = Type.Object({
  items: Type.Array(Type.Object({ id: Uuid, name: Type.String(), birthDate: Type.String(), ageYears: Type.Integer(), school: Type.Union([Type.String(), Type.Null()]), duty: Type.String() })),
});
export const EscalateBody = Type.Object({
  reason: Type.String({ minLength: 10, maxLength: 2000 }),
  earlyReason: Type.Optional(Type.String({ minLength: 20, maxLength: 2000, description: 'Required before the current rung\'s time to act has run out (or, for the first rung, before the clock is red): why it cannot wait' })),
}, { additionalProperties: false });
export const DecisionBody = Type.Object(
  {
    place: Type.String({ minLength: 3, maxLength: 300 }),
    providerOrganisationId: Uuid,
    payerOrganisationId: Uuid,
    dueOn: IsoDate,
    reasoning: Type.String({ minLength: 20, maxLength: 4000 }),
    replacesDecisionId: Type.Optional(Type.String({ format: 'uuid', description: 'A case with a binding decision gets a new one only when it names the decision it replaces' })),
  },
  { additionalProperties: false },
);
export type DecisionBody = Static<typeof DecisionBody>;

export const ExemptionBody = Type.Object(
  {
    youngPersonId: Uuid,
    article: Type.Enum(['5a', '5b', '5c', '15']),
    validFrom: IsoDate,
    statementBy: Type.Optional(Type.String({ minLength: 2, maxLength: 200, description: 'The name of the person who wrote the statement' })),
    statementRole: Type.Optional(Type.Enum(['doctor', 'psychologist', 'pedagogue'], { description: 'Their profession: doctor, psychologist or (ortho)pedagogue designated by the municipality' })),
    statementRegistration: Type.Optional(Type.String({ minLength: 2, maxLength: 40, description: 'Their BIG, NIP or NVO registration number' })),
    statementUserId: Type.Optional(Uuid),
    statementDate: Type.Optional(IsoDate),
    statementOwnPractitioner: Type.Optional(Type.Boolean({ description: 'Deprecated: Rondom checks independence itself; true is refused' })),
    neverAble: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type ExemptionBody = Static<typeof ExemptionBody>;
export const ExemptionReviewBody = Type.Object(
  { decision: Type.Enum(['confirm', 'reject']), reason: Type.String({ minLength: 20, maxLength: 4000 }) },
  { additionalProperties: false },
);
export const ExemptionOut = Type.Object({
  id: Uuid, youngPersonId: Uuid, name: Type.String(), article: Type.String(), schoolYear: Type.String(), validFrom: Type.String(), validUntil: Type.String(),
  statementBy: Type.Union([Type.String(), Type.Null()]), statementRole: Type.Union([Type.String(), Type.Null()]), statementDate: Type.Union([Type.String(), Type.Null()]),
  statementRegistration: Type.Union([Type.String(), Type.Null()]), swvId: Type.Union([Uuid, Type.Null()]),
  neverAble: Type.Boolean(), status: Type.Enum(['pending_review', 'confirmed', 'rejected']), reviewReason: Type.Union([Type.String(), Type.Null()]), version: Type.Integer(),
  allowedActions: Type.Array(Type.String(), { description: "'review' when the caller may be the second pair of eyes" }),
});
export const ReportQuery = Type.Object(
  {
    swvId: Uuid, quarter: Type.String({ pattern: '^[0-9]{4}-Q[1-4]$' }), format: Type.Optional(Type.Enum(['csv', 'xlsx', 'json'])),
    audience: Type.Optional(Type.Enum(['inspectie', 'shared'], { description: "'shared': only the summary, small counts hidden (for partners and the monitor)" })),
  },
  { additionalProperties: false },
);
export const IdParams = Type.Object({ id: Uuid });
export const CaseHistoryOut = Type.Object({
  items: Type.Array(Type.Object({
    id: Type.String(), at: Type.String({ format: 'date-time' }),
    kind: Type.Enum(['registered', 'updated', 'escalated', 'decision'], { description: 'What happened' }),
    by: Type.Union([Type.Object({ userId: Uuid, name: Type.String() }), Type.Null()], { description: 'null: the daily job (automatic escalation)' }),
    absenceKind: Type.Union([Type.String(), Type.Null()], { description: 'registered: the kind of absence' }),
    rungKey: Type.Union([Type.String(), Type.Null()], { description: 'escalated: the rung reached' }),
    automatic: Type.Boolean(),
    fields: Type.Array(Type.String(), { description: 'updated: the fields that changed (not their values)' }),
    place: Type.Union([Type.String(), Type.Null()], { description: 'decision: the place decided' }),
    dueOn: Type.Union([Type.String(), Type.Null()], { description: 'decision: start at the latest' }),
  })),
});

/** The answers' shapes as types: the web app imports these (`import type` only), so a change here that the web does not follow fails the build. */
export type CaseOut = Static<typeof CaseOut>;
export type ExemptionOut = Static<typeof ExemptionOut>;
export type WorklistOut = Static<typeof WorklistOut>;
export type YoungPeopleOut = Static<typeof YoungPeopleOut>;
export type CaseHistoryOut = Static<typeof CaseHistoryOut>;
