/** Shapes of the partners' workspace API (server/modules/partnerships/*.schemas.ts). */

export interface Warning {
  code: string;
  messageNl: string;
  messageEn: string;
  subjectType?: string;
  subjectId?: string;
}

export interface PartnershipListItem {
  id: string;
  name: string;
  scope: string;
  partnerCount: number;
  allowedActions: string[];
}

export interface Workspace {
  partnership: { id: string; name: string; scope: string; description: string | null; collaborationModel: string | null; version: number };
  counts: Record<string, number>;
  warnings: Warning[];
  allowedActions: string[];
}

export interface PartnershipTask {
  id: string;
  text: string;
  status: string;
  dueOn: string | null;
  overdue: boolean;
  version: number;
  partnershipId: string;
  partnershipName: string;
  tableName: string;
  meetingHeldOn: string;
  allowedActions: string[];
}

export interface Portfolio {
  id: string;
  topic: string;
  responsibilities: string | null;
  mandate: string | null;
  hasMandate: boolean;
  deputyName: string | null;
  deputyPersonId: string | null;
  isKey: boolean;
  version: number;
}

export interface Person {
  id: string;
  partnerId: string;
  userId: string | null;
  name: string;
  roleTitle: string | null;
  email: string | null;
  phone: string | null;
  ring: string;
  version: number;
  portfolios?: Portfolio[];
}

export interface Partner {
  id: string;
  organisationId: string;
  organisationName: string;
  organisationType: string;
  ring: string;
  roleDescription: string | null;
  version: number;
  people?: Person[];
}

export interface MapView {
  partners: Partner[];
  warnings: Warning[];
  allowedActions: string[];
}

export const DESIGN_QUESTIONS = ['purpose', 'participantsNote', 'topics', 'frequency', 'duration', 'evaluation', 'linkage'] as const;
export type DesignQuestion = (typeof DESIGN_QUESTIONS)[number];

export interface MeetingTable extends Record<DesignQuestion, string | null> {
  id: string;
  name: string;
  level: string;
  kind: string;
  reportsToTableId: string | null;
  version: number;
  participants: { partnerId: string; organisationId: string; organisationName: string }[];
  openQuestions: string[];
  reachesGovernance: boolean;
}

export interface TablesView {
  tables: MeetingTable[];
  overview: { organisationId: string; organisationName: string; tableIds: string[]; count: number }[];
  warnings: Warning[];
  allowedActions: string[];
}

export interface TableMeeting {
  id: string;
  tableId: string;
  heldOn: string;
  templateCode: string | null;
  agenda: { title: string; notes?: string | null }[];
  notes: string | null;
  version: number;
  decisions: { id: string; text: string; createdAt: string }[];
  actions: { id: string; text: string; ownerUserId: string; ownerName: string; dueOn: string | null; status: string; version: number }[];
}

export interface Agreement {
  id: string;
  kind: string;
  title: string;
  purpose: string | null;
  status: string;
  startsOn: string | null;
  endsOn: string | null;
  reviewOn: string | null;
  privacy: Privacy | null;
  version: number;
  parties: { partnerId: string; organisationName: string }[];
  commitments: Commitment[];
  oogoTopics: { itemId: string; code: string; textNl: string; textEn: string; state: string; summary: string | null; version: number }[];
  warnings: Warning[];
}

export interface Privacy {
  purposes: string[];
  dataCategories: string[];
  legalBasis: string;
  retention: string;
  roles: { partnerId: string; role: string }[];
}

export interface Commitment {
  id: string;
  partnerId: string;
  organisationName: string;
  description: string;
  untilOn: string | null;
  status: string;
  explanation: string | null;
  version: number;
}

export interface FundingLine {
  id: string;
  partnerId: string;
  organisationName: string;
  agreementId: string | null;
  purpose: string;
  amountPerYearCents: number;
  mode: string;
  startsOn: string;
  endsOn: string | null;
  version: number;
}

export interface AgreementsView {
  agreements: Agreement[];
  warnings: Warning[];
  allowedActions: string[];
}

export interface FundingView {
  lines: FundingLine[];
  perYear: { year: number; pooledCents: number; fixedCents: number }[];
  warnings: Warning[];
  allowedActions: string[];
}

export interface Activity {
  id: string;
  title: string;
  description: string | null;
  status: string;
  progress: number;
  startsOn: string | null;
  endsOn: string | null;
  version: number;
}

export interface Programme {
  id: string;
  title: string;
  startsOn: string;
  endsOn: string;
  intendedResults: string | null;
  arrangements: Record<string, string | undefined> | null;
  adoptedByTableName: string | null;
  adoptedOn: string | null;
  partners: { partnerId: string; organisationName: string }[];
  activities: Activity[];
  progress: number;
  version: number;
  openParts: string[];
  warnings: Warning[];
}

export interface Round {
  id: string;
  title: string;
  frameworkNameNl: string;
  frameworkNameEn: string;
  opensOn: string;
  closesOn: string | null;
  status: string;
  invited: number;
  responded: number;
}

export interface Stat {
  n: number | null;
  suppressed: boolean;
  median: number | null;
  p25: number | null;
  p75: number | null;
  spread: number | null;
}

export interface ResultCell {
  code: string;
  nameNl?: string;
  nameEn?: string;
  textNl?: string;
  textEn?: string;
  overall: Stat;
  byGroup: (Stat & { group: string })[];
  byOrganisation: (Stat & { partnerId: string; organisationName: string })[];
  previousMedian: number | null;
}

export interface Results {
  round: Round;
  threshold: number;
  respondents: number | null;
  elements: (ResultCell & { items: (ResultCell & { id: string })[] })[];
  examples: { itemCode: string; text: string }[];
  reading: { recognise: string | null; explain: string | null; opinion: string | null; improve: string | null; actions: { text: string }[] } | null;
}

export interface GuideItem {
  id: string;
  code: string;
  textNl: string;
  textEn: string;
  done: boolean;
  note: string | null;
}

export interface GuideStage {
  code: string;
  position: number;
  nameNl: string;
  nameEn: string;
  group: string;
  items: GuideItem[];
  done: number;
  total: number;
  percent: number;
  links: { area: string; count: number; available: boolean }[];
}

export interface Guide {
  stages: GuideStage[];
  done: number;
  total: number;
  percent: number;
  allowedActions: string[];
}

export interface Framework {
  id: string;
  key: string;
  version: number;
  kind: string;
  nameNl: string;
  nameEn: string;
  elements: { id: string; code: string; nameNl: string; nameEn: string; meta: unknown; items: { id: string; code: string; textNl: string; textEn: string }[] }[];
}

/** Dutch or English text of a bilingual record. */
export function local(lang: string, nl: string | null | undefined, en: string | null | undefined): string {
  return (lang.startsWith('nl') ? nl : en) ?? nl ?? en ?? '';
}

/** Where a travel-guide area or a count lives in the workspace. */
export const AREA_SECTION: Record<string, string> = {
  partners: 'map', people: 'map', tables: 'tables', agreements: 'agreements', funding: 'agreements', programmes: 'programmes', assessments: 'assessments',
};
