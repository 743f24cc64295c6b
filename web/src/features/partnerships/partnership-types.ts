/**
 * Shapes of the partners' workspace API: the server's schemas (server/modules/partnerships/*.schemas.ts),
 * imported as types only, so the build fails when the web app and the API disagree.
 */
import type { AgreementOut, AgreementsOut, CommitmentOut, FundingLineOut, FundingOut } from '../../../../server/modules/partnerships/agreements.schemas.ts';
import type { ResultsOut, RoundOut } from '../../../../server/modules/partnerships/assessments.schemas.ts';
import type { MeetingOut, TableOut, TablesOut } from '../../../../server/modules/partnerships/meeting-tables.schemas.ts';
import type { MapOut, PartnerOut, PersonOut, PortfolioOut } from '../../../../server/modules/partnerships/partner-map.schemas.ts';
import type { FrameworkOut, PartnershipListItem as PartnershipListItemOut, TaskOut, WarningOut, WorkspaceOut } from '../../../../server/modules/partnerships/partnerships.schemas.ts';
import type { ActivityOut, ProgrammeOut } from '../../../../server/modules/partnerships/programmes.schemas.ts';
import type { GuideItemOut, GuideOut } from '../../../../server/modules/partnerships/travel-guide.schemas.ts';
import type { Assert } from '../../contract.ts';

export type Warning = WarningOut;
/** GET /api/v1/partnerships. */
export type PartnershipListItem = PartnershipListItemOut;
/** GET /api/v1/partnerships/:id. */
export type Workspace = WorkspaceOut;
/** GET /api/v1/partnerships/tasks. */
export type PartnershipTask = TaskOut;

/** GET /api/v1/partnerships/:id/map. */
export type MapView = MapOut;
export type Partner = PartnerOut;
export type Person = PersonOut;
export type Portfolio = PortfolioOut;

export const DESIGN_QUESTIONS = ['purpose', 'participantsNote', 'topics', 'frequency', 'duration', 'evaluation', 'linkage'] as const;
export type DesignQuestion = (typeof DESIGN_QUESTIONS)[number];

/** GET /api/v1/partnerships/:id/tables. */
export type TablesView = TablesOut;
export type MeetingTable = TableOut;
// Every design question is a field of the table the server sends.
type _DesignQuestions = Assert<DesignQuestion extends keyof MeetingTable ? true : false>;
/** GET /api/v1/partnerships/:id/tables/:tableId/meetings (array). */
export type TableMeeting = MeetingOut;

/** GET /api/v1/partnerships/:id/agreements. */
export type AgreementsView = AgreementsOut;
export type Agreement = AgreementOut;
/** The privacy covenant's fields of an agreement. */
export type Privacy = NonNullable<AgreementOut['privacy']>;
export type Commitment = CommitmentOut;
/** GET /api/v1/partnerships/:id/funding. */
export type FundingView = FundingOut;
export type FundingLine = FundingLineOut;

/** GET /api/v1/partnerships/:id/programmes → programmes. */
export type Programme = ProgrammeOut;
export type Activity = ActivityOut;
/** GET /api/v1/partnerships/:id/frameworks (array). */
export type Framework = FrameworkOut;

/** GET /api/v1/partnerships/:id/rounds → rounds. */
export type Round = RoundOut;
/** GET /api/v1/partnerships/:id/rounds/:roundId/results. */
export type Results = ResultsOut;
type ResultElement = Results['elements'][number];
/** One figure of the results (suppressed when a group is too small). */
export type Stat = ResultElement['overall'];
/** What an element (a theme) and an item (one question) of the results have in common. */
export type ResultCell = Pick<ResultElement, 'code' | 'overall' | 'byGroup' | 'byOrganisation' | 'previousMedian'>
  & { nameNl?: string; nameEn?: string; textNl?: string; textEn?: string };

/** GET /api/v1/partnerships/:id/guide. */
export type Guide = GuideOut;
export type GuideStage = GuideOut['stages'][number];
export type GuideItem = GuideItemOut;

/** Dutch or English text of a bilingual record. */
export function local(lang: string, nl: string | null | undefined, en: string | null | undefined): string {
  return (lang.startsWith('nl') ? nl : en) ?? nl ?? en ?? '';
}

/** Where a travel-guide area or a count lives in the workspace. */
export const AREA_SECTION: Record<string, string> = {
  partners: 'map', people: 'map', tables: 'tables', agreements: 'agreements', funding: 'agreements', programmes: 'programmes', assessments: 'assessments',
};
