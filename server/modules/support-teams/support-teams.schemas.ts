import { Type, type Static } from 'typebox';
import { AllowedActions, IsoDate, Uuid } from '../children/children.schemas.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
export const TEAM_ROLES = ['intern_begeleider', 'youth_care_contact', 'jgz', 'leerplicht', 'swv_consultant', 'school_social_work', 'other'] as const;
const MeetingTime = Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$', description: 'HH:MM' });

export const TeamParams = Type.Object({ teamId: Uuid });
export const MemberParams = Type.Object({ teamId: Uuid, userId: Uuid });
export const ItemParams = Type.Object({ teamId: Uuid, itemId: Uuid });
export const InvitationParams = Type.Object({ itemId: Uuid });

export const CreateTeamBody = Type.Object(
  { schoolId: Uuid, name: Type.String({ minLength: 2, maxLength: 120 }), nextMeetingOn: Type.Optional(IsoDate), meetingTime: Type.Optional(MeetingTime) },
  { additionalProperties: false },
);
export type CreateTeamBody = Static<typeof CreateTeamBody>;

export const PatchTeamBody = Type.Object(
  { name: Type.Optional(Type.String({ minLength: 2, maxLength: 120 })), nextMeetingOn: Type.Optional(IsoDate), meetingTime: Type.Optional(MeetingTime) },
  { additionalProperties: false, minProperties: 1 },
);
export type PatchTeamBody = Static<typeof PatchTeamBody>;

export const AddMemberBody = Type.Object(
  { userId: Uuid, organisationId: Uuid, teamRole: Type.Enum([...TEAM_ROLES]) },
  { additionalProperties: false },
);
export type AddMemberBody = Static<typeof AddMemberBody>;

export const AddItemBody = Type.Object(
  {
    youngPersonId: Uuid,
    topic: Type.Optional(Type.String({ minLength: 3, maxLength: 300, description: 'What the team should talk about (in plain words, no diagnosis)' })),
    meetingOn: Type.Optional(IsoDate),
    parentsInformed: Type.Literal(true, { description: 'The school told the parents (and the young person from 12) that their child is on the agenda; they are invited' }),
  },
  { additionalProperties: false },
);
export type AddItemBody = Static<typeof AddItemBody>;

export const PatchItemBody = Type.Object(
  {
    status: Type.Optional(Type.Enum(['open', 'done'])),
    outcome: Type.Optional(Type.String({ minLength: 3, maxLength: 8000 })),
    meetingOn: Type.Optional(IsoDate),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type PatchItemBody = Static<typeof PatchItemBody>;

export const RollOnBody = Type.Object(
  { to: IsoDate },
  { additionalProperties: false },
);

export const InvitationResponseBody = Type.Object(
  { response: Type.Enum(['coming', 'not_coming']) },
  { additionalProperties: false },
);

export const ItemOut = Type.Object({
  id: Uuid,
  kind: Type.Enum(['consult', 'pupil']),
  meetingOn: Type.String(),
  status: Type.Enum(['open', 'done']),
  consultId: Nullable(Uuid),
  question: Nullable(Type.String({ description: 'The anonymous question (consult items)' })),
  youngPersonId: Nullable(Uuid),
  childName: Nullable(Type.String({ description: 'Only for members who may reach this child; otherwise the item is "about a pupil"' })),
  topic: Nullable(Type.String()),
  outcome: Nullable(Type.String()),
  invitations: Type.Array(Type.Object({ displayName: Type.String(), relation: Type.String(), response: Nullable(Type.String()) })),
  version: Type.Integer(),
  allowedActions: AllowedActions,
});

export const TeamOut = Type.Object(
  {
    id: Uuid, name: Type.String(), school: Type.Object({ id: Uuid, name: Type.String() }),
    nextMeetingOn: Nullable(Type.String()), meetingTime: Nullable(Type.String()),
    members: Type.Array(Type.Object({ userId: Uuid, displayName: Type.String(), organisationName: Type.String(), teamRole: Type.String() })),
    items: Type.Array(ItemOut),
    version: Type.Integer(),
    allowedActions: AllowedActions,
  },
  { $id: 'SupportTeam' },
);

export const TeamListOut = Type.Object({
  teams: Type.Array(Type.Object({ id: Uuid, name: Type.String(), schoolName: Type.String(), nextMeetingOn: Nullable(Type.String()), teamRole: Type.String() })),
  canCreateFor: Type.Array(Type.Object({ organisationId: Uuid, name: Type.String() })),
});

export const CandidatesOut = Type.Array(Type.Object({ userId: Uuid, displayName: Type.String(), organisationId: Uuid, organisationName: Type.String(), role: Type.String() }));

export const InvitationOut = Type.Object({
  itemId: Uuid, youngPersonId: Uuid, childName: Type.String(), teamName: Type.String(), schoolName: Type.String(),
  meetingOn: Type.String(), meetingTime: Nullable(Type.String()), status: Type.Enum(['open', 'done']), response: Nullable(Type.String()),
  outcome: Nullable(Type.String({ description: 'What was agreed, once the item is done' })),
});

/** The answers' shapes as types: the web app imports these (`import type` only), so a change here that the web does not follow fails the build. */
export type ItemOut = Static<typeof ItemOut>;
export type TeamOut = Static<typeof TeamOut>;
export type TeamListOut = Static<typeof TeamListOut>;
export type CandidatesOut = Static<typeof CandidatesOut>;
export type InvitationOut = Static<typeof InvitationOut>;
