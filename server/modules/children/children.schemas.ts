import { Type, type Static } from 'typebox';

export const Uuid = Type.String({ format: 'uuid' });
export const IsoDate = Type.String({ format: 'date' });
export const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);
export const ChildParams = Type.Object({ childId: Uuid });
export const AllowedActions = Type.Array(Type.String(), { description: 'What the caller may do here; the web app shows only these.' });

export const ChildSummary = Type.Object({
  id: Uuid, givenName: Type.String(), familyName: Type.String(), birthDate: Type.String(), ageYears: Type.Integer(),
  access: Type.String({ description: 'network | identity | guardian | self' }),
});

export const Person = Type.Object({ userId: Uuid, displayName: Type.String() });

export const ChildOut = Type.Object(
  {
    id: Uuid,
    givenName: Type.String(),
    familyName: Type.String(),
    birthDate: Type.String(),
    birthExpected: Type.Boolean(),
    ageYears: Type.Integer(),
    bsn: Type.Union([Type.String(), Type.Null()], { description: 'Full only for the family and professionals with a basis; masked for others.' }),
    gemeente: Type.Union([Type.Object({ id: Uuid, name: Type.String() }), Type.Null()]),
    wijk: Type.Union([Type.Object({ id: Uuid, name: Type.String() }), Type.Null()]),
    school: Type.Union([Type.Object({ id: Uuid, name: Type.String() }), Type.Null()]),
    guardians: Type.Array(Person),
    hasOwnAccount: Type.Boolean(),
    parentsAccess: Type.String(),
    consentRule: Type.Object({
      ageBand: Type.Enum(['under_12', '12_to_15', '16_plus']),
      consenters: Type.Array(Type.Object({ userId: Type.Union([Uuid, Type.Null()]), displayName: Type.String(), relation: Type.Enum(['parent', 'young_person']) })),
    }),
    access: Type.Object({ level: Type.String(), basis: Type.Union([Type.String(), Type.Null()]) }),
    version: Type.Integer(),
    allowedActions: AllowedActions,
  },
  { $id: 'Child' },
);

export const SearchQuery = Type.Object(
  { q: Type.Optional(Type.String({ maxLength: 100 })), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 50 })) },
  { additionalProperties: false },
);

export const QuestionBody = Type.Object(
  {
    text: Type.String({ minLength: 3, maxLength: 4000 }),
    ownWords: Type.Boolean({ description: 'Written in the words of the child or parents' }),
    lifeDomains: Type.Array(Type.Enum(['school', 'home', 'free_time', 'health', 'money', 'housing', 'safety']), { maxItems: 7, uniqueItems: true }),
    raisedBy: Type.Enum(['parent', 'young_person', 'professional'], { description: 'A parent raises a question as parent, a young person as young_person (422 otherwise)' }),
    parentsInformed: Type.Optional(Type.Enum(['yes', 'not_yet'], { description: 'A professional: do the parents know about this question? Ignored for the family' })),
    organisationId: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);
export type QuestionBody = Static<typeof QuestionBody>;

export const RegisterChildBody = Type.Object(
  {
    givenName: Type.String({ minLength: 1, maxLength: 100 }),
    familyName: Type.String({ minLength: 1, maxLength: 100 }),
    birthDate: IsoDate,
    birthExpected: Type.Optional(Type.Boolean()),
    bsn: Type.Optional(Type.String({ maxLength: 11 })),
    gemeenteId: Type.Optional(Uuid),
    wijkId: Type.Optional(Uuid),
    schoolId: Type.Optional(Uuid),
    question: QuestionBody,
  },
  { additionalProperties: false },
);
export type RegisterChildBody = Static<typeof RegisterChildBody>;

export const UpdateChildBody = Type.Object(
  {
    givenName: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    familyName: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    birthDate: Type.Optional(IsoDate),
    birthExpected: Type.Optional(Type.Boolean()),
    bsn: Type.Optional(Type.Union([Type.String({ maxLength: 11 }), Type.Null()])),
    gemeenteId: Type.Optional(Type.Union([Uuid, Type.Null()])),
    wijkId: Type.Optional(Type.Union([Uuid, Type.Null()])),
    schoolId: Type.Optional(Type.Union([Uuid, Type.Null()])),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateChildBody = Static<typeof UpdateChildBody>;

export const GuardianBody = Type.Object({ parentUserId: Uuid }, { additionalProperties: false });
export const PrivacyBody = Type.Object({ parentsAccess: Type.Enum(['full', 'hidden']) }, { additionalProperties: false });

/** The answers' shapes as types: the web app imports these (`import type` only), so a change here that the web does not follow fails the build. */
export type ChildSummary = Static<typeof ChildSummary>;
export type ChildOut = Static<typeof ChildOut>;
