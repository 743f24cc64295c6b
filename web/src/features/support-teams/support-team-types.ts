/** Shapes of the support-teams API (server/modules/support-teams/support-teams.schemas.ts). */

export interface TeamItem {
  id: string;
  kind: 'consult' | 'pupil';
  meetingOn: string;
  status: 'open' | 'done';
  consultId: string | null;
  question: string | null;
  youngPersonId: string | null;
  childName: string | null;
  topic: string | null;
  outcome: string | null;
  invitations: { displayName: string; relation: string; response: string | null }[];
  version: number;
  allowedActions: string[];
}

export interface SupportTeam {
  id: string;
  name: string;
  school: { id: string; name: string };
  nextMeetingOn: string | null;
  meetingTime: string | null;
  members: { userId: string; displayName: string; organisationName: string; teamRole: string }[];
  items: TeamItem[];
  version: number;
  allowedActions: string[];
}

export interface TeamList {
  teams: { id: string; name: string; schoolName: string; nextMeetingOn: string | null; teamRole: string }[];
  canCreateFor: { organisationId: string; name: string }[];
}

export interface Candidate { userId: string; displayName: string; organisationId: string; organisationName: string; role: string }

export interface Invitation {
  itemId: string; youngPersonId: string; childName: string; teamName: string; schoolName: string;
  meetingOn: string; meetingTime: string | null; status: string; response: string | null; outcome: string | null;
}

export const TEAM_ROLES = ['intern_begeleider', 'youth_care_contact', 'jgz', 'leerplicht', 'swv_consultant', 'school_social_work', 'other'] as const;
