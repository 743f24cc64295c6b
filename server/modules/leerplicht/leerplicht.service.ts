/**
 * The absence register and the thuiszitter clock, the escalation ladder ending at
 * doorzettingsmacht, and binding decisions that become plan actions.
 *
 * The clock counts days without a suitable offer from the start of the absence until
 * a full offer starts or the absence ends; a partial offer is shown but does not stop
 * it (the child is still partly at home). Warnings at 28 and 56 days, red at three
 * months (Thuiszitterspact), configurable per region in leerplicht_settings.
 */
import type { Db, Queryable } from '../../core/db.ts';
import { AppError } from '../../core/errors.ts';
import { appendAudit, appendReadAudit, userChain, youngPersonChain, type AuditEvent, type AuditKind } from '../../core/audit.ts';
import { addTimeline, notify, resolveAccess, type ChildAccess } from '../../core/access.ts';
import type { Actor } from '../../core/session.ts';
import { ageOn, daysBetween, plusDays, plusMonths, today as todayIso, type IsoDate } from '../../../shared/dates.ts';
import { dutyOn } from '../../../shared/leerplicht-age.ts';
import { appendActions } from '../plans/plans.service.ts';
import { leerplichtPolicy, swvIds, isLeerplicht, isDoorzettingsmacht } from './leerplicht.policy.ts';
import { checkRefs } from '../../core/refs.ts';
import { assertFreeText } from '../../core/free-text/sensitive-terms.ts';
import { worklistCache } from './worklist-cache.ts';
import type { AbsenceBody, AbsencePatchBody, DecisionBody, WorklistSort } from './leerplicht.schemas.ts';

export interface Rung { key: string; labelNl: string; labelEn: string; days: number; holderRole: string }
export interface Settings { warningDays: number[]; redMonths: number; ladder: Rung[] }

export const DEFAULT_LADDER: Rung[] = [
  { key: 'lead_professional', labelNl: 'Regisseur', labelEn: 'Lead professional', days: 14, holderRole: 'lead' },
  { key: 'swv_case_consultant', labelNl: 'Casusconsulent SWV', labelEn: 'SWV case consultant', days: 14, holderRole: 'swv_coordinator' },
  { key: 'doorzettingsmacht', labelNl: 'Doorzettingsmacht', labelEn: 'Doorzettingsmacht', days: 14, holderRole: 'municipality_coordinator' },
];

type SettingsRow = { warning_days: number[] | null; red_months: number | null; ladder: Rung[] | string | null };
function settingsFrom(row: SettingsRow | undefined): Settings {
  if (!row || row.red_months === null) return { warningDays: [28, 56], redMonths: 3, ladder: DEFAULT_LADDER };
  return { warningDays: row.warning_days!, redMonths: row.red_months, ladder: typeof row.ladder === 'string' ? JSON.parse(row.ladder) : row.ladder! };
}

export async function loadSettings(q: Queryable, regionId: string): Promise<Settings> {
  const [row] = await q.query<SettingsRow>(`SELECT warning_days, red_months, ladder FROM leerplicht_settings WHERE region_id = $1`, [regionId]);
  return settingsFrom(row);
}

/** The region's settings and its leerplicht list version (migration 0011), read in one statement. */
async function loadListState(q: Queryable, regionId: string): Promise<{ settings: Settings; version: string }> {
  const [row] = await q.query<SettingsRow & { version: string | null }>(
    `SELECT (SELECT version::text FROM leerplicht_list_versions WHERE region_id = $1) AS version, s.warning_days, s.red_months, s.ladder
       FROM (SELECT 1) one LEFT JOIN leerplicht_settings s ON s.region_id = $1`, [regionId]);
  return { settings: settingsFrom(row), version: row?.version ?? '0' };
}

export interface CaseRow {
  id: string; region_id: string; young_person_id: string; given_name: string; family_name: string; birth_date: string; kind: string;
  started_on: string; ended_on: string | null; school_name: string | null; school_type: string | null; swv_id: string | null; reason_category: string;
  offer_type: string; offer_extent: string; offer_hours_per_week: string | number | null; offer_started_on: string | null; outcome: string | null;
  version: number; rung: number | null; rung_key: string | null; deadline: string | null; automatic: boolean | null;
  decision_id: string | null; place: string | null; provider: string | null; payer: string | null; due_on: string | null; exempted: boolean;
}

const CASE_COLUMNS = `
         a.id, a.region_id, a.young_person_id, y.given_name, y.family_name, y.birth_date, a.kind, a.started_on, a.ended_on,
         s.name AS school_name, s.school_type, a.swv_id, a.reason_category, a.offer_type, a.offer_extent, a.offer_hours_per_week,
         a.offer_started_on, a.outcome, a.version, e.rung, e.rung_key, e.deadline, e.automatic,
         d.id AS decision_id, d.place, dp.name AS provider, dy.name AS payer, d.due_on,
         EXISTS (SELECT 1 FROM exemptions x WHERE x.region_id = $2 AND x.region_id = a.region_id AND x.young_person_id = a.young_person_id
                   AND x.status = 'confirmed' AND x.valid_from <= $1::date AND x.valid_until >= $1::date) AS exempted`;
const LATEST_ESCALATION = `LEFT JOIN LATERAL (SELECT rung, rung_key, deadline, automatic FROM escalations
      WHERE region_id = $2 AND region_id = a.region_id AND absence_id = a.id ORDER BY rung DESC LIMIT 1) e ON true`;
const CASE_FROM = `
    FROM absences a
    JOIN young_people y ON y.region_id = a.region_id AND y.id = a.young_person_id
    LEFT JOIN organisations s ON s.id = a.school_id
    ${LATEST_ESCALATION}
    LEFT JOIN LATERAL (SELECT id, place, provider_organisation_id, payer_organisation_id, due_on FROM doorzetting_decisions
      WHERE region_id = $2 AND region_id = a.region_id AND absence_id = a.id ORDER BY created_at DESC LIMIT 1) d ON true
    LEFT JOIN organisations dp ON dp.id = d.provider_organisation_id
    LEFT JOIN organisations dy ON dy.id = d.payer_organisation_id`;

/**
 * One case row per absence ($1 = today, $2 = the region: each distributed table names it, so on
 * Citus the statement stays on the region's shard); callers add the WHERE clause, with a.region_id = $2.
 */
export const CASE_SELECT = `SELECT ${CASE_COLUMNS} ${CASE_FROM}`;

/**
 * The clock of clockOf() in SQL, for ordering and counting a worklist in the database
 * (a page of 50 out of hundreds). $1 = today, $W = the first warning (days), $R = red (months).
 * 0 red, 1 warning, 2 ok, 3 stopped — the same order as URGENCY; a test holds the two equal.
 */
function clockSql(w: string, r: string): string {
  const stop = `LEAST($1::date, a.ended_on, CASE WHEN a.offer_extent = 'full' THEN a.offer_started_on END)`;
  return `CASE WHEN ${stop} <> $1::date OR (a.offer_extent = 'full' AND a.offer_started_on <= $1::date) THEN 3
               WHEN (a.started_on + make_interval(months => ${r}::int))::date <= ${stop} THEN 0
               WHEN ${stop} - a.started_on >= ${w}::int THEN 1 ELSE 2 END AS urgency,
          GREATEST(0, ${stop} - a.started_on) AS days`;
}

/** Days without a suitable offer, and the clock's state. */
export function clockOf(r: Pick<CaseRow, 'started_on' | 'ended_on' | 'offer_extent' | 'offer_started_on'>, s: Settings, on: IsoDate) {
  const fullOffer = r.offer_extent === 'full' && r.offer_started_on ? r.offer_started_on : null;
  const stops = [on, r.ended_on, fullOffer].filter((d): d is string => Boolean(d)).sort();
  const stop = stops[0]!;
  const stopped = stop !== on || (fullOffer !== null && fullOffer <= on);
  const days = Math.max(0, daysBetween(r.started_on, stop));
  const red = plusMonths(r.started_on, s.redMonths) <= stop;
  const clock: 'ok' | 'warning' | 'red' | 'stopped' = stopped ? 'stopped' : red ? 'red' : days >= (s.warningDays[0] ?? 28) ? 'warning' : 'ok';
  const weeks = Math.floor(days / 7);
  return { days, clock, label: `${days} dagen (${weeks} weken) zonder passend aanbod` };
}

function effectiveKind(r: CaseRow, days: number): string {
  return r.kind === 'relative' && days > 28 ? 'long_term_relative' : r.kind;
}

/** What a case row says on a day under the region's settings; the same for every reader. */
export function caseFacts(r: CaseRow, s: Settings, on: IsoDate) {
  const c = clockOf(r, s, on);
  return {
    id: r.id, youngPersonId: r.young_person_id, name: `${r.given_name} ${r.family_name}`, ageYears: Math.max(0, ageOn(r.birth_date, on)),
    duty: dutyOn(r.birth_date, on), kind: effectiveKind(r, c.days), startedOn: r.started_on, endedOn: r.ended_on, school: r.school_name,
    schoolType: r.school_type, swvId: r.swv_id, reasonCategory: r.reason_category,
    offer: { type: r.offer_type, extent: r.offer_extent, hoursPerWeek: r.offer_hours_per_week === null ? null : Number(r.offer_hours_per_week), startedOn: r.offer_started_on },
    daysWithoutOffer: c.days, clock: c.clock, clockLabel: c.label, exempted: r.exempted, nextRungEarly: passingEarly(r, s, on),
    escalation: r.rung !== null ? { rung: r.rung, rungKey: r.rung_key!, deadline: r.deadline!, overdue: r.deadline! < on, automatic: Boolean(r.automatic) } : null,
    decision: r.place ? { id: r.decision_id!, place: r.place, provider: r.provider!, payer: r.payer!, dueOn: r.due_on! } : null,
    outcome: r.outcome, version: r.version,
  };
}
export type CaseFacts = ReturnType<typeof caseFacts>;

/** What this actor may do with the case. */
export function caseActions(c: CaseFacts, s: Settings, actor: Actor): string[] {
  const access = { swvId: c.swvId, atDoorzetting: c.escalation?.rungKey === 'doorzettingsmacht' };
  const actions: string[] = [];
  if (leerplichtPolicy.updateCase(actor, access)) actions.push('updateCase');
  if (leerplichtPolicy.escalate(actor, access) && !c.endedOn && (c.escalation?.rung ?? 0) < s.ladder.length) actions.push('escalate');
  if (leerplichtPolicy.decide(actor, access) && !c.endedOn) actions.push('decide');
  if (leerplichtPolicy.readHistory(actor)) actions.push('readHistory');
  return actions;
}

export function caseView(r: CaseRow, s: Settings, actor: Actor, on: IsoDate) {
  const facts = caseFacts(r, s, on);
  return { ...facts, allowedActions: caseActions(facts, s, actor) };
}

/** What a case's history shows (timeline kinds absence.*). */
const HISTORY_KINDS = ['registered', 'updated', 'escalated', 'decision'] as const;

/** One line of a case's history: only the summary's known, content-free fields go out. */
function historyItem(x: { id: string; at: string | Date; kind: string; summary: Record<string, unknown> | string; actor_user_id: string | null; actor_name: string | null }) {
  const sum = (typeof x.summary === 'string' ? JSON.parse(x.summary) : x.summary) as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === 'string' ? v : null);
  return {
    id: x.id, at: new Date(x.at).toISOString(), kind: x.kind.replace(/^absence\./, '') as (typeof HISTORY_KINDS)[number],
    by: x.actor_user_id ? { userId: x.actor_user_id, name: x.actor_name ?? '' } : null,
    absenceKind: str(sum.kind), rungKey: str(sum.rung), automatic: sum.automatic === true,
    fields: Array.isArray(sum.fields) ? sum.fields.filter((f): f is string => typeof f === 'string') : [],
    place: str(sum.place), dueOn: str(sum.dueOn),
  };
}

/** A name search term for LIKE: lower case, without LIKE's own wildcards. */
function nameTerm(term: string): string {
  return term.trim().toLowerCase().replace(/[%_\\]/g, '');
}

/** The worklist's order of clocks (clockSql numbers them the same way). */
export const URGENCY: Record<string, number> = { red: 0, warning: 1, ok: 2, stopped: 3 };

/**
 * Runs fn on a case the actor may reach. Otherwise 404, with the denied attempt audited
 * in its own transaction after the refused one rolled back (PGlite has one connection,
 * so the two must not nest).
 */
async function withCase<T>(
  db: Db, actor: Actor, id: string, attempted: AuditKind, fn: (q: Queryable, r: CaseRow, on: IsoDate) => Promise<T>,
  may: (r: CaseRow) => boolean = (r) => leerplichtPolicy.readCase(actor, { swvId: r.swv_id, atDoorzetting: r.rung_key === 'doorzettingsmacht' }),
): Promise<T> {
  const on = todayIso();
  let denied: { youngPersonId: string | null } | null = null;
  try {
    return await db.tx(async (q) => {
      const [r] = await q.query<CaseRow>(`${CASE_SELECT} WHERE a.region_id = $2 AND a.id = $3`, [on, actor.regionId, id]);
      if (!r || !may(r)) {
        denied = { youngPersonId: r?.young_person_id ?? null };
        throw new AppError('not_found');
      }
      return fn(q, r, on);
    });
  } catch (err) {
    if (denied) {
      const yp = (denied as { youngPersonId: string | null }).youngPersonId;
      await appendAudit(db, {
        chainKey: yp ? youngPersonChain(yp) : userChain(actor.userId), kind: 'access.denied', outcome: 'denied', regionId: actor.regionId,
        actorUserId: actor.userId, youngPersonId: yp, subjectType: 'absence', subjectId: id, details: { attempted },
      });
    }
    throw err;
  }
}

async function auditCase(q: Queryable, actor: Actor, r: { region_id: string; young_person_id: string; id: string }, kind: AuditKind, details?: Record<string, unknown>) {
  await appendAudit(q, {
    chainKey: youngPersonChain(r.young_person_id), kind, regionId: r.region_id, actorUserId: actor.userId,
    actorOrganisationId: actor.memberships.find((m) => ['leerplicht_officer', 'swv_coordinator', 'municipality_coordinator'].includes(m.role))?.organisationId ?? null,
    youngPersonId: r.young_person_id, subjectType: 'absence', subjectId: r.id, basis: 'legal_task', details,
  });
}

/** Who holds a rung: the network's lead, the SWV's coordinators, or the region's holders of doorzettingsmacht. */
async function rungHolders(q: Queryable, r: { region_id: string; young_person_id: string; swv_id: string | null }, rung: Rung): Promise<string[]> {
  if (rung.holderRole === 'lead') {
    const rows = await q.query<{ lead_user_id: string | null }>(
      `SELECT lead_user_id FROM networks WHERE region_id = $1 AND young_person_id = $2 AND status = 'active'`, [r.region_id, r.young_person_id]);
    return rows.map((x) => x.lead_user_id).filter((x): x is string => Boolean(x));
  }
  const rows = await q.query<{ user_id: string }>(
    `SELECT DISTINCT m.user_id FROM memberships m JOIN organisations o ON o.id = m.organisation_id
      WHERE o.region_id = $1 AND m.role = $2 AND ($3::uuid IS NULL OR $2 <> 'swv_coordinator' OR o.id = $3)`,
    [r.region_id, rung.holderRole, r.swv_id]);
  return rows.map((x) => x.user_id);
}

/** Starts the next rung of the ladder. Idempotent per rung (UNIQUE (absence_id, rung)). */
export async function escalateTx(q: Queryable, r: CaseRow, s: Settings, by: Actor | null, reason: string, on: IsoDate, earlyReason: string | null = null): Promise<boolean> {
  const next = (r.rung ?? 0) + 1;
  const rung = s.ladder[next - 1];
  if (!rung) return false;
  const rows = await q.query(
    `INSERT INTO escalations (region_id, absence_id, young_person_id, rung, rung_key, deadline, started_by, automatic, reason, early_reason)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10) ON CONFLICT (region_id, absence_id, rung) DO NOTHING RETURNING id`,
    [r.region_id, r.id, r.young_person_id, next, rung.key, plusDays(on, rung.days), by?.userId ?? null, by === null, reason, earlyReason]);
  if (rows.length === 0) return false;
  await addTimeline(q, { regionId: r.region_id, youngPersonId: r.young_person_id, kind: 'absence.escalated', actorUserId: by?.userId ?? null, subjectId: r.id, summary: { rung: rung.key, automatic: by === null } });
  for (const u of await rungHolders(q, r, rung)) {
    await notify(q, { regionId: r.region_id, userId: u, kind: 'absence.escalated', youngPersonId: r.young_person_id, payload: { absenceId: r.id, rung: rung.key }, dedupeKey: `esc:${r.id}:${next}` });
  }
  await appendAudit(q, {
    chainKey: youngPersonChain(r.young_person_id), kind: 'absence.escalated', regionId: r.region_id, actorUserId: by?.userId ?? null,
    youngPersonId: r.young_person_id, subjectType: 'absence', subjectId: r.id, basis: 'legal_task', details: { rung: rung.key, automatic: by === null, early: earlyReason !== null },
  });
  return true;
}

/**
 * Whether passing to the next rung now is early: the current rung's time to act has not run out
 * (its deadline is today or later, and no decision), or — for the first rung — the clock is not red yet.
 */
export function passingEarly(r: CaseRow, s: Settings, on: IsoDate): boolean {
  if (r.rung === null) return clockOf(r, s, on).clock !== 'red';
  return r.deadline !== null && r.deadline >= on;
}

type WorklistQuery = {
  gemeenteId?: string; swvId?: string; includeClosed?: boolean; limit?: number; offset?: number;
  schoolId?: string; rung?: number; overdue?: boolean; q?: string; sort?: WorklistSort;
};

/** The page's order per sort; each ends in the default order and the id, so a page is stable. */
const WORKLIST_ORDER: Record<WorklistSort, string> = {
  urgency: 'urgency, days DESC, started_on, id',
  overdue: 'overdue_rank, urgency, days DESC, started_on, id',
  rung: 'rung_rank DESC, urgency, days DESC, started_on, id',
  date: 'started_on, urgency, id',
  school: 'school_rank NULLS LAST, urgency, days DESC, started_on, id',
};
type WorklistRow = CaseRow & { rn: number | null; total: number; exempted_count: number; red: number; warning: number; ok: number; stopped: number };

/**
 * The worklist statement for this actor and query. The same statement with the same parameters
 * (today, settings, filters, the actor's SWVs) gives the same page while the region's list
 * version is unchanged; `key` names it for the cache.
 */
function worklistStatement(actor: Actor, query: WorklistQuery, s: Settings, on: IsoDate): { sql: string; params: unknown[]; key: string } {
  const limit = query.limit ?? 50;
  const offset = query.offset ?? 0;
  // The WHERE clause holds only the filters given, so the planner can use absences_open_idx
  // (an "($n IS NULL OR …)" filter made it scan young_people in the benchmark).
  const where = ['a.region_id = $2'];
  const params: unknown[] = [on, actor.regionId, s.warningDays[0] ?? 28, s.redMonths, limit, offset];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    where.push(sql.replace('?', `$${params.length}`));
  };
  if (!query.includeClosed) where.push('a.ended_on IS NULL');
  if (query.gemeenteId) add('a.gemeente_id = ?', query.gemeenteId);
  if (query.swvId) add('a.swv_id = ?', query.swvId);
  if (query.schoolId) add('a.school_id = ?', query.schoolId);
  const sort = query.sort ?? 'urgency';
  // The latest escalation, the young person and the school are joined only when a filter or the
  // order needs them: the default page (the benchmark's) stays the statement it was.
  let needsEscalation = query.rung !== undefined || query.overdue !== undefined || sort === 'overdue' || sort === 'rung';
  if (query.rung === 0) where.push('e.rung IS NULL');
  else if (query.rung !== undefined) add('e.rung = ?', query.rung);
  if (query.overdue === true) where.push('e.deadline < $1::date');
  if (query.overdue === false) where.push('(e.deadline IS NULL OR e.deadline >= $1::date)');
  const needsName = query.q !== undefined;
  if (needsName) add(`lower(y.given_name || ' ' || y.family_name) LIKE '%' || ? || '%'`, nameTerm(query.q!));
  if (!isLeerplicht(actor)) {
    params.push(swvIds(actor));
    const swvParam = `$${params.length}`;
    needsEscalation ||= isDoorzettingsmacht(actor);
    where.push(isDoorzettingsmacht(actor) ? `(a.swv_id = ANY(${swvParam}::uuid[]) OR e.rung_key = 'doorzettingsmacht')` : `a.swv_id = ANY(${swvParam}::uuid[])`);
  }
  const sortColumns = [
    sort === 'overdue' ? `, CASE WHEN e.deadline < $1::date THEN 0 ELSE 1 END AS overdue_rank` : '',
    sort === 'rung' ? ', coalesce(e.rung, 0) AS rung_rank' : '',
    sort === 'school' ? ', lower(s.name) AS school_rank' : '',
  ].join('');
  const order = WORKLIST_ORDER[sort];
  const sql = `WITH clocked AS (
       SELECT a.id, a.started_on, ${clockSql('$3', '$4')}${sortColumns},
              EXISTS (SELECT 1 FROM exemptions x WHERE x.region_id = $2 AND x.region_id = a.region_id AND x.young_person_id = a.young_person_id
                        AND x.status = 'confirmed' AND x.valid_from <= $1::date AND x.valid_until >= $1::date) AS exempted
         FROM absences a ${needsEscalation ? LATEST_ESCALATION : ''}${needsName ? ' JOIN young_people y ON y.region_id = $2 AND y.region_id = a.region_id AND y.id = a.young_person_id' : ''}${sort === 'school' ? ' LEFT JOIN organisations s ON s.id = a.school_id' : ''}
        WHERE ${where.join(' AND ')}),
     counts AS (
       SELECT count(*) FILTER (WHERE NOT exempted)::int AS total, count(*) FILTER (WHERE exempted)::int AS exempted_count,
              count(*) FILTER (WHERE NOT exempted AND urgency = 0)::int AS red, count(*) FILTER (WHERE NOT exempted AND urgency = 1)::int AS warning,
              count(*) FILTER (WHERE NOT exempted AND urgency = 2)::int AS ok, count(*) FILTER (WHERE NOT exempted AND urgency = 3)::int AS stopped
         FROM clocked),
     page AS (
       SELECT id, row_number() OVER (ORDER BY ${order}) AS rn
         FROM clocked WHERE NOT exempted
        ORDER BY ${order} LIMIT $5 OFFSET $6)
     SELECT c.*, x.* FROM counts c
       LEFT JOIN (SELECT ${CASE_COLUMNS}, p.rn ${CASE_FROM} JOIN page p ON p.id = a.id WHERE a.region_id = $2) x ON true
      ORDER BY x.rn`;
  return { sql, params, key: sql + JSON.stringify(params) };
}

/** A computed page: the same for every reader whose statement it answers (today and settings are in its key). */
type WorklistPage = { items: readonly CaseFacts[]; total: number; counts: Record<'red' | 'warning' | 'ok' | 'stopped', number>; exemptedCount: number };
function worklistFacts(rows: readonly WorklistRow[], s: Settings, on: IsoDate): WorklistPage {
  const c = rows[0]!;
  return {
    items: rows.filter((r) => r.id).map((r) => Object.freeze(caseFacts(r, s, on))), total: c.total,
    counts: { red: c.red, warning: c.warning, ok: c.ok, stopped: c.stopped }, exemptedCount: c.exempted_count,
  };
}

function worklistAnswer(page: WorklistPage, s: Settings, actor: Actor, query: WorklistQuery) {
  return {
    items: page.items.map((c) => ({ ...c, allowedActions: caseActions(c, s, actor) })), total: page.total, offset: query.offset ?? 0, limit: query.limit ?? 50,
    counts: page.counts, exemptedCount: page.exemptedCount, thresholds: { warningDays: s.warningDays, redMonths: s.redMonths },
    ladder: s.ladder.map((r, i) => ({ rung: i + 1, rungKey: r.key })),
  };
}

/** Reading a worklist page is one audit event on the reader's chain, naming the cases shown. */
function worklistRead(actor: Actor, answer: ReturnType<typeof worklistAnswer>): AuditEvent {
  return {
    chainKey: userChain(actor.userId), kind: 'worklist.read', regionId: actor.regionId, actorUserId: actor.userId, subjectType: 'leerplicht_worklist',
    basis: 'legal_task', details: { absenceIds: answer.items.map((i) => i.id), offset: answer.offset },
  };
}

export function createLeerplichtService(db: Db) {
  return {
    /**
     * The thuiszitter worklist, most urgent first, one page at a time: the database orders and
     * counts all matching cases (red, warning, ok, stopped; exempted children only counted) and
     * returns the page's rows. A gemeente can have hundreds of open cases; sending them all made
     * this the slowest screen in the benchmark (165 kB per answer).
     *
     * Pages are kept per process (worklist-cache.ts) while the region's list version (migration
     * 0011) is unchanged: the version and settings are read first, the page is computed only when
     * this process has none for that version, and the read is audited. (The version is not
     * confirmed in the audit statement: the reader's chain lives in another shard than the region.)
     */
    async worklist(actor: Actor, query: WorklistQuery) {
      if (!leerplichtPolicy.readWorklist(actor)) throw new AppError('forbidden');
      if (query.q !== undefined && nameTerm(query.q).length < 2) throw new AppError('validation_failed', { fields: { q: 'type at least 2 letters' } });
      // A school or SWV filter must name one of the caller's region (422 naming the field), not quietly match nothing.
      if (query.schoolId || query.swvId) {
        await checkRefs(db, actor.regionId, query, { schoolId: { kind: 'organisation', type: 'school' }, swvId: { kind: 'organisation', type: 'swv' } });
      }
      const on = todayIso();
      const cache = worklistCache<WorklistPage>(db);
      const state = await loadListState(db, actor.regionId);
      const statement = worklistStatement(actor, query, state.settings, on);
      let page = cache.get(statement.key, state.version);
      if (!page) {
        page = worklistFacts(await db.query<WorklistRow>(statement.sql, statement.params), state.settings, on);
        cache.set(statement.key, state.version, page);
      }
      const answer = worklistAnswer(page, state.settings, actor, query);
      await appendReadAudit(db, worklistRead(actor, answer));
      return answer;
    },

    /**
     * Leerplicht officers find young people of compulsory or qualification age in their
     * region (their legal task needs the pupil administration), to register an absence.
     */
    async findYoungPeople(actor: Actor, term: string) {
      if (!isLeerplicht(actor)) throw new AppError('forbidden');
      const on = todayIso();
      const clean = term.trim().toLowerCase().replace(/[%_\\]/g, '');
      if (clean.length < 2) throw new AppError('validation_failed', { fields: { q: 'type at least 2 letters' } });
      const rows = await db.query<{ id: string; given_name: string; family_name: string; birth_date: string; school: string | null }>(
        `SELECT y.id, y.given_name, y.family_name, y.birth_date, s.name AS school FROM young_people y LEFT JOIN organisations s ON s.id = y.school_id
          WHERE y.region_id = $1 AND lower(y.given_name || ' ' || y.family_name) LIKE '%' || $2 || '%'
            AND y.birth_date > ($3::date - interval '18 years') AND y.birth_date <= ($3::date - interval '5 years')
          ORDER BY y.family_name, y.given_name LIMIT 50`, [actor.regionId, clean, on]);
      const items = rows
        .map((r) => ({ id: r.id, name: `${r.given_name} ${r.family_name}`, birthDate: r.birth_date, ageYears: ageOn(r.birth_date, on), school: r.school, duty: dutyOn(r.birth_date, on) }))
        .filter((r) => r.duty === 'leerplichtig' || r.duty === 'kwalificatieplichtig');
      await appendReadAudit(db, {
        chainKey: userChain(actor.userId), kind: 'young_person.searched', regionId: actor.regionId, actorUserId: actor.userId,
        subjectType: 'leerplicht_search', basis: 'legal_task', details: { youngPersonIds: items.map((i) => i.id) },
      });
      return { items };
    },

    async get(actor: Actor, id: string) {
      return withCase(db, actor, id, 'absence.read', async (q, r, on) => {
        await auditCase(q, actor, r, 'absence.read');
        return caseView(r, await loadSettings(q, r.region_id), actor, on);
      });
    },

    /**
     * The case's history, newest first: its registration, changes (which fields), rung changes
     * (by hand or by the daily job) and decisions, with who and when — from the timeline entries
     * the case's changes write in their own transaction. Only leerplicht officers (404 for anyone
     * else, the denied attempt audited); the read is audited on the young person's chain.
     */
    async history(actor: Actor, id: string) {
      return withCase(db, actor, id, 'absence.read', async (q, r) => {
        const rows = await q.query<{ id: string; at: string | Date; kind: string; summary: Record<string, unknown> | string; actor_user_id: string | null; actor_name: string | null }>(
          `SELECT t.id::text AS id, t.at, t.kind, t.summary, t.actor_user_id, u.display_name AS actor_name
             FROM timeline_entries t LEFT JOIN users u ON u.id = t.actor_user_id
            WHERE t.region_id = $1 AND t.young_person_id = $2 AND t.subject_id = $3 AND t.kind = ANY($4::text[])
            ORDER BY t.at DESC, t.id DESC LIMIT 200`, [r.region_id, r.young_person_id, r.id, HISTORY_KINDS.map((k) => `absence.${k}`)]);
        await auditCase(q, actor, r, 'absence.read', { part: 'history' });
        return { items: rows.map((x) => historyItem(x)) };
      }, () => leerplichtPolicy.readHistory(actor));
    },

    async register(actor: Actor, body: AbsenceBody) {
      if (!leerplichtPolicy.register(actor)) throw new AppError('forbidden');
      const on = todayIso();
      return db.tx(async (q) => {
        const [yp] = await q.query<{ region_id: string; birth_date: string; gemeente_id: string | null; school_id: string | null }>(
          `SELECT region_id, birth_date, gemeente_id, school_id FROM young_people WHERE id = $1 AND region_id = $2`, [body.youngPersonId, actor.regionId]);
        if (!yp) throw new AppError('not_found');
        if (!['leerplichtig', 'kwalificatieplichtig'].includes(dutyOn(yp.birth_date, body.startedOn))) {
          throw new AppError('unprocessable', { en: 'This young person is not of compulsory school age on that date.', nl: 'Deze jongere is op die datum niet leerplichtig of kwalificatieplichtig.' });
        }
        if (body.startedOn > on) throw new AppError('validation_failed', { fields: { startedOn: 'cannot be in the future' } });
        await checkRefs(q, actor.regionId, body, { schoolId: { kind: 'organisation', type: 'school' }, swvId: { kind: 'organisation', type: 'swv' } });
        const schoolId = body.kind === 'absolute' ? null : body.schoolId ?? yp.school_id;
        if (body.kind !== 'absolute' && !schoolId) throw new AppError('validation_failed', { fields: { schoolId: 'relative absence needs the school the pupil is enrolled at' } });
        let swvId = body.swvId ?? null;
        if (!swvId && schoolId) swvId = (await q.query<{ swv_id: string | null }>(`SELECT swv_id FROM organisations WHERE id = $1`, [schoolId]))[0]?.swv_id ?? null;
        if (swvId && !isLeerplicht(actor) && !swvIds(actor).includes(swvId)) throw new AppError('forbidden');
        if (!swvId && !isLeerplicht(actor)) throw new AppError('forbidden');
        const [row] = await q.query<{ id: string }>(
          `INSERT INTO absences (region_id, young_person_id, kind, started_on, school_id, swv_id, gemeente_id, reason_category, registered_by)
           VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9) RETURNING id`,
          [actor.regionId, body.youngPersonId, body.kind, body.startedOn, schoolId, swvId, yp.gemeente_id, body.reasonCategory, actor.userId]);
        await auditCase(q, actor, { id: row!.id, region_id: actor.regionId, young_person_id: body.youngPersonId }, 'absence.registered', { kind: body.kind });
        await addTimeline(q, { regionId: actor.regionId, youngPersonId: body.youngPersonId, kind: 'absence.registered', actorUserId: actor.userId, subjectId: row!.id, summary: { kind: body.kind } });
        let r = (await q.query<CaseRow>(`${CASE_SELECT} WHERE a.region_id = $2 AND a.id = $3`, [on, actor.regionId, row!.id]))[0]!;
        const s = await loadSettings(q, actor.regionId);
        // Registered already red: the ladder starts now, not at the next daily run.
        if (!r.exempted && clockOf(r, s, on).clock === 'red') {
          await escalateTx(q, r, s, null, 'Bij registratie al drie maanden zonder passend aanbod (automatisch).', on);
          r = (await q.query<CaseRow>(`${CASE_SELECT} WHERE a.region_id = $2 AND a.id = $3`, [on, actor.regionId, row!.id]))[0]!;
        }
        return caseView(r, s, actor, on);
      });
    },

    async update(actor: Actor, id: string, ifMatch: number, body: AbsencePatchBody) {
      return withCase(db, actor, id, 'absence.updated', async (q, r, on) => {
        if (!leerplichtPolicy.updateCase(actor, { swvId: r.swv_id })) throw new AppError('forbidden');
        const s = await loadSettings(q, r.region_id);
        if (r.version !== ifMatch) throw new AppError('conflict', { current: caseView(r, s, actor, on) });
        if (body.endedOn && body.endedOn < r.started_on) throw new AppError('validation_failed', { fields: { endedOn: 'before the start of the absence' } });
        if (body.offerExtent && body.offerExtent !== 'none' && !(body.offerStartedOn ?? r.offer_started_on)) {
          throw new AppError('validation_failed', { fields: { offerStartedOn: 'say when the offer starts' } });
        }
        const cols: Record<string, unknown> = {
          kind: body.kind, offer_type: body.offerType, offer_extent: body.offerExtent, offer_hours_per_week: body.offerHoursPerWeek,
          offer_started_on: body.offerStartedOn, ended_on: body.endedOn, outcome: body.outcome,
        };
        const sets: string[] = [];
        const params: unknown[] = [r.region_id, id];
        for (const [c, v] of Object.entries(cols)) {
          if (v === undefined) continue;
          params.push(v);
          sets.push(`${c} = $${params.length}`);
        }
        await q.query(`UPDATE absences SET ${sets.join(', ')}, version = version + 1 WHERE region_id = $1 AND id = $2`, params);
        await auditCase(q, actor, r, 'absence.updated', { fields: Object.keys(body) });
        await addTimeline(q, { regionId: r.region_id, youngPersonId: r.young_person_id, kind: 'absence.updated', actorUserId: actor.userId, subjectId: id, summary: { fields: Object.keys(body) } });
        const fresh = (await q.query<CaseRow>(`${CASE_SELECT} WHERE a.region_id = $2 AND a.id = $3`, [on, r.region_id, id]))[0]!;
        return caseView(fresh, s, actor, on);
      });
    },

    async escalate(actor: Actor, id: string, reason: string, earlyReason?: string) {
      return withCase(db, actor, id, 'absence.escalated', async (q, r, on) => {
        if (!leerplichtPolicy.escalate(actor, { swvId: r.swv_id })) throw new AppError('forbidden');
        if (r.ended_on) throw new AppError('unprocessable', { en: 'This absence has ended.', nl: 'Dit verzuim is al afgesloten.' });
        const s = await loadSettings(q, r.region_id);
        if ((r.rung ?? 0) >= s.ladder.length) throw new AppError('unprocessable', { en: 'The case is already at the last rung.', nl: 'De casus is al bij de laatste stap.' });
        // Each rung has its time to act; passing it early needs its own recorded reason.
        const early = passingEarly(r, s, on);
        if (early && !earlyReason?.trim()) {
          throw new AppError('validation_failed', {
            en: r.rung === null ? 'The clock is not red yet: say why the ladder starts early.' : `This step has until ${r.deadline} to act: say why it is passed early.`,
            nl: r.rung === null ? 'De klok staat nog niet op rood: schrijf op waarom de escalatie eerder begint.' : `Deze stap heeft tot ${r.deadline} om te handelen: schrijf op waarom u die eerder overslaat.`,
            fields: { earlyReason: 'required before the time to act has run out' },
          });
        }
        if (!(await escalateTx(q, r, s, actor, reason, on, early ? earlyReason!.trim() : null))) {
          throw new AppError('conflict', { en: 'Someone else moved this case up in the meantime.', nl: 'Iemand anders heeft deze casus intussen al een stap verder gezet.' });
        }
        const fresh = (await q.query<CaseRow>(`${CASE_SELECT} WHERE a.region_id = $2 AND a.id = $3`, [on, r.region_id, id]))[0]!;
        return caseView(fresh, s, actor, on);
      });
    },

    /** The binding decision of the holder of doorzettingsmacht; it becomes plan actions. */
    async decide(actor: Actor, id: string, body: DecisionBody) {
      return withCase(db, actor, id, 'absence.decision', async (q, r, on) => {
        if (!leerplichtPolicy.decide(actor, { atDoorzetting: r.rung_key === 'doorzettingsmacht' })) throw new AppError('forbidden');
        // A binding decision stands until a new decision names it as the one it replaces.
        if (r.decision_id && body.replacesDecisionId !== r.decision_id) {
          throw new AppError('conflict', {
            en: 'This case already has a binding decision. A new decision must name the decision it replaces.',
            nl: 'Deze casus heeft al een bindend besluit. Een nieuw besluit noemt het besluit dat het vervangt.',
            fields: { replacesDecisionId: 'name the current decision' }, current: caseView(r, await loadSettings(q, r.region_id), actor, on),
          });
        }
        if (!r.decision_id && body.replacesDecisionId) throw new AppError('invalid_reference', { fields: { replacesDecisionId: 'this case has no decision to replace' } });
        const orgs = await q.query<{ id: string; name: string }>(`SELECT id, name FROM organisations WHERE id = ANY($1::uuid[]) AND region_id = $2`, [[body.providerOrganisationId, body.payerOrganisationId], r.region_id]);
        const name = (oid: string) => orgs.find((o) => o.id === oid)?.name;
        const unknown = Object.fromEntries((['providerOrganisationId', 'payerOrganisationId'] as const).filter((k) => !name(body[k])).map((k) => [k, 'unknown organisation in this region']));
        if (Object.keys(unknown).length > 0) throw new AppError('invalid_reference', { fields: unknown });
        // The place lands in the young person's shared plan.
        assertFreeText({ place: body.place });
        // The decision lands in the young person's one plan; a network is started if there is none.
        let [net] = await q.query<{ id: string }>(`SELECT id FROM networks WHERE region_id = $1 AND young_person_id = $2 AND status = 'active'`, [r.region_id, r.young_person_id]);
        if (!net) [net] = await q.query<{ id: string }>(`INSERT INTO networks (region_id, young_person_id) VALUES ($1, $2) RETURNING id`, [r.region_id, r.young_person_id]);
        const base = await resolveAccess(q, actor, r.young_person_id, on);
        const access: ChildAccess = { ...base!, level: 'network', basis: 'legal_task', networkId: net!.id };
        const added = await appendActions(q, access, actor, [
          { what: `Plaats: ${body.place}. ${name(body.providerOrganisationId)} biedt dit aan.`, ownerName: name(body.providerOrganisationId)!, dueOn: body.dueOn },
          { what: `Bekostiging door ${name(body.payerOrganisationId)}.`, ownerName: name(body.payerOrganisationId)!, dueOn: body.dueOn },
        ], `Besluit doorzettingsmacht: ${body.place}`.slice(0, 500));
        await q.query(
          `INSERT INTO doorzetting_decisions (region_id, absence_id, young_person_id, decided_by, place, provider_organisation_id, payer_organisation_id, due_on, reasoning, plan_action_ids, replaces_decision_id)
           VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11)`,
          [r.region_id, id, r.young_person_id, actor.userId, body.place, body.providerOrganisationId, body.payerOrganisationId, body.dueOn, body.reasoning, added.map((a) => a.id), r.decision_id]);
        await auditCase(q, actor, r, 'absence.decision', { providerOrganisationId: body.providerOrganisationId, payerOrganisationId: body.payerOrganisationId, replaces: r.decision_id });
        await addTimeline(q, { regionId: r.region_id, youngPersonId: r.young_person_id, kind: 'absence.decision', actorUserId: actor.userId, subjectId: id, summary: { place: body.place, dueOn: body.dueOn } });
        const officers = await q.query<{ user_id: string }>(
          `SELECT DISTINCT m.user_id FROM memberships m JOIN organisations o ON o.id = m.organisation_id WHERE o.region_id = $1 AND m.role = 'leerplicht_officer'`, [r.region_id]);
        for (const o of officers) await notify(q, { regionId: r.region_id, userId: o.user_id, kind: 'absence.decision', youngPersonId: r.young_person_id, payload: { absenceId: id } });
        const fresh = (await q.query<CaseRow>(`${CASE_SELECT} WHERE a.region_id = $2 AND a.id = $3`, [on, r.region_id, id]))[0]!;
        const v = caseView(fresh, await loadSettings(q, r.region_id), actor, on);
        return { ...v, planActionIds: added.map((a) => a.id) };
      });
    },
  };
}

export type LeerplichtService = ReturnType<typeof createLeerplichtService>;
