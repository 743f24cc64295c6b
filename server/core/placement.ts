/**
 * Where each table lives when the database is a Citus cluster (docs/ARCHITECTURE.md, "Where each
 * table lives"). On one PostgreSQL or PGlite every table is simply a table; the list still holds,
 * because the keys it needs (region_id in every primary key, unique constraint and foreign key of
 * a distributed table, migration 0018) are the same on every engine.
 *
 * - distributed: about a region's people, their cases and partnerships, and the audit log.
 *   Split by region_id into shards, all co-located: one region's rows of every table are on one
 *   worker, so a request about one region is answered by one shard (a router query).
 * - reference: global and small, or read by every region: copied to every node, joinable from
 *   any shard. Identity is here (users, organisations, memberships): a professional or a
 *   provider may work in several regions; login finds an account without knowing its region.
 * - local: only on the coordinator, never joined with a distributed table.
 *
 * A new table must be added here: test/trust/placement.int.test.ts fails for a table that has
 * no place, and for a distributed table whose keys lack region_id.
 */
export type Placement = 'distributed' | 'reference' | 'local';

export const TABLE_PLACEMENT: Record<string, Placement> = {
  // Reference: the map of the country and who is who.
  regions: 'reference',
  areas: 'reference',
  organisations: 'reference',
  users: 'reference',
  memberships: 'reference',
  partnership_frameworks: 'reference',
  partnership_framework_elements: 'reference',
  partnership_framework_items: 'reference',

  // Local on the coordinator. sessions references users; Citus keeps it as a "Citus local
  // table" there, so the session lookup (sessions + users + memberships + organisations) is one
  // statement on the coordinator's own copies, no worker involved.
  schema_migrations: 'local',
  sessions: 'local',
  login_throttle: 'local',
  job_runs: 'local',
  audit_anchors: 'local',

  // Distributed by region_id: Kindkring.
  young_people: 'distributed',
  guardianships: 'distributed',
  networks: 'distributed',
  network_summaries: 'distributed',
  involvements: 'distributed',
  questions: 'distributed',
  consents: 'distributed',
  legal_bases: 'distributed',
  break_glass_grants: 'distributed',
  join_requests: 'distributed',
  lead_handovers: 'distributed',
  plans: 'distributed',
  plan_versions: 'distributed',
  plan_actions: 'distributed',
  plan_comments: 'distributed',
  plan_opinions: 'distributed',
  evaluation_family_answers: 'distributed',
  evaluations: 'distributed',
  meetings: 'distributed',
  meeting_participants: 'distributed',
  meeting_decisions: 'distributed',
  timeline_entries: 'distributed',
  signals: 'distributed',
  matches: 'distributed',
  notifications: 'distributed',

  // Distributed: Leerplicht & thuiszitters.
  absences: 'distributed',
  absence_alerts: 'distributed',
  escalations: 'distributed',
  exemptions: 'distributed',
  doorzetting_decisions: 'distributed',
  leerplicht_settings: 'distributed',
  leerplicht_list_versions: 'distributed',

  // Distributed: the partners' workspace.
  partnerships: 'distributed',
  partnership_partners: 'distributed',
  partnership_people: 'distributed',
  partnership_agreements: 'distributed',
  partnership_agreement_parties: 'distributed',
  partnership_oogo_topics: 'distributed',
  partnership_programmes: 'distributed',
  partnership_programme_partners: 'distributed',
  partnership_portfolios: 'distributed',
  partnership_funding: 'distributed',
  partnership_commitments: 'distributed',
  partnership_actions: 'distributed',
  partnership_activities: 'distributed',
  partnership_decisions: 'distributed',
  partnership_meetings: 'distributed',
  partnership_tables: 'distributed',
  partnership_table_partners: 'distributed',
  partnership_rounds: 'distributed',
  partnership_invitations: 'distributed',
  partnership_responses: 'distributed',
  partnership_answers: 'distributed',
  partnership_readings: 'distributed',
  partnership_guide_checks: 'distributed',

  // Distributed: the audit log, by the region its chain lives in (core/audit.ts, chainRegion).
  audit_events: 'distributed',
  audit_chains: 'distributed',

  // Issue 17 (5): the family's request for a conversation about the plan.
  plan_disagreements: 'distributed',
  // Distributed: anonymous consults and the school's support team (issue 17; no consult names a child).
  support_contacts: 'distributed',
  consults: 'distributed',
  support_teams: 'distributed',
  support_team_members: 'distributed',
  support_team_items: 'distributed',
  support_team_invitations: 'distributed',
};

/** The distribution column of every distributed table. */
export const DISTRIBUTION_COLUMN = 'region_id';
/** The table every distributed table is co-located with. */
export const COLOCATION_ANCHOR = 'young_people';
