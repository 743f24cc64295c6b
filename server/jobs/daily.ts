/**
 * Daily jobs, run by an in-process scheduler (see startScheduler).
 *
 * Why in-process and not a PostgreSQL job queue: the embedded default is PGlite, a
 * database inside this process that no external worker can reach, and one scheduler
 * must serve both engines. Each job is idempotent (unique keys on alerts, escalation
 * rungs and notification dedupe keys), and job_runs records one run per job per day,
 * so running twice creates nothing twice and a restart catches up on a missed day.
 */
import type { Db } from '../core/db.ts';
import { writeAuditAnchor, type AuditAnchorConfig } from '../core/audit-anchor.ts';
import { appendAudit, youngPersonChain } from '../core/audit.ts';
import { notify } from '../core/access.ts';
import { birthdayAt, plusDays, today as todayIso, type IsoDate } from '../../shared/dates.ts';
import { CASE_SELECT, clockOf, escalateTx, loadSettings, type CaseRow } from '../modules/leerplicht/leerplicht.service.ts';
import { REPORT_SHARE_DAYS } from '../modules/meetings/meetings.service.ts';
import { isEscalated } from '../modules/plans/disagreements.service.ts';

export interface JobLog {
  info?: (msg: string) => void;
  warn?: (msg: string) => void;
}
/** What the jobs need besides the database: where the audit anchors go, and a log. */
export interface JobOptions {
  audit?: AuditAnchorConfig;
  log?: JobLog;
}
type Job = (db: Db, on: IsoDate, opts: JobOptions) => Promise<Record<string, number | string>>;
/** A job's work in one region: every statement names that region, so on Citus each stays in one shard. */
type RegionJob = (db: Db, regionId: string, on: IsoDate) => Promise<Record<string, number>>;

/** Runs a job region by region (regions: a reference table) and adds up the counts, starting from `zero`. */
function perRegion(zero: Record<string, number>, job: RegionJob): Job {
  return async (db, on) => {
    const total = { ...zero };
    const regions = await db.query<{ id: string }>(`SELECT id FROM regions ORDER BY id`);
    for (const { id } of regions) {
      for (const [k, v] of Object.entries(await job(db, id, on))) total[k] = (total[k] ?? 0) + v;
    }
    return total;
  };
}

async function leerplichtOfficers(db: Db, regionId: string): Promise<string[]> {
  const rows = await db.query<{ user_id: string }>(
    `SELECT DISTINCT m.user_id FROM memberships m JOIN organisations o ON o.id = m.organisation_id WHERE o.region_id = $1 AND m.role = 'leerplicht_officer'`, [regionId]);
  return rows.map((r) => r.user_id);
}

/** Thuiszitter clock: warnings and red, once per level per case; red starts the escalation ladder. */
const leerplichtClock = perRegion({ alerts: 0, escalations: 0 }, async (db, regionId, on) => {
  let alerts = 0;
  let escalations = 0;
  const rows = await db.query<CaseRow>(`${CASE_SELECT} WHERE a.region_id = $2 AND a.ended_on IS NULL`, [on, regionId]);
  if (rows.length === 0) return { alerts, escalations };
  const s = await loadSettings(db, regionId);
  const officers = await leerplichtOfficers(db, regionId);
  for (const r of rows) {
    if (r.exempted) continue;
    const c = clockOf(r, s, on);
    if (c.clock === 'stopped') continue;
    const levels: { level: `warning_${number}` | 'red'; due: boolean }[] = s.warningDays.map((d, i) => ({ level: `warning_${i + 1}` as const, due: c.days >= d }));
    levels.push({ level: 'red', due: c.clock === 'red' });
    await db.tx(async (q) => {
      for (const l of levels.filter((x) => x.due)) {
        const inserted = await q.query(
          `INSERT INTO absence_alerts (absence_id, level, region_id, raised_on) VALUES ($1,$2,$3,$4) ON CONFLICT DO NOTHING RETURNING absence_id`,
          [r.id, l.level, regionId, on]);
        if (inserted.length === 0) continue;
        alerts++;
        for (const u of officers) await notify(q, { regionId, userId: u, kind: `absence.${l.level}`, youngPersonId: r.young_person_id, payload: { absenceId: r.id, days: c.days }, dedupeKey: `alert:${r.id}:${l.level}` });
        await appendAudit(q, { chainKey: youngPersonChain(r.young_person_id), kind: 'absence.alert', regionId, youngPersonId: r.young_person_id, subjectType: 'absence', subjectId: r.id, basis: 'legal_task', details: { level: l.level, days: c.days } });
      }
      // Red and not yet escalated, or a rung whose deadline passed without a decision: next rung.
      const deadlinePassed = r.deadline !== null && r.deadline < on && !r.place;
      if ((c.clock === 'red' && r.rung === null) || deadlinePassed) {
        const reason = r.rung === null ? 'Drie maanden zonder passend aanbod (automatisch).' : 'De termijn van de vorige stap is verlopen (automatisch).';
        if (await escalateTx(q, r, s, null, reason, on)) escalations++;
      }
    });
  }
  return { alerts, escalations };
});

/** 5 onder a: a reminder before 1 July to renew for next school year (unless "never able"). */
const exemptionRenewalsIn = perRegion({ reminders: 0 }, async (db, regionId, on) => {
  const year = Number(on.slice(0, 4));
  const rows = await db.query<{ id: string; young_person_id: string }>(
    `SELECT id, young_person_id FROM exemptions WHERE region_id = $2 AND article = '5a' AND status = 'confirmed' AND NOT never_able AND valid_until = $1`,
    [`${year}-07-31`, regionId]);
  if (rows.length === 0) return { reminders: 0 };
  const officers = await leerplichtOfficers(db, regionId);
  for (const e of rows) {
    await db.tx(async (q) => {
      for (const u of officers) {
        await notify(q, { regionId, userId: u, kind: 'exemption.renewal_due', youngPersonId: e.young_person_id, payload: { exemptionId: e.id, before: `${year}-07-01` }, dedupeKey: `renew:${e.id}:${year}` });
      }
    });
  }
  return { reminders: rows.length };
});
const exemptionRenewals: Job = async (db, on, opts) => {
  const firstJuly = `${on.slice(0, 4)}-07-01`;
  if (on < plusDays(firstJuly, -30) || on >= firstJuly) return { reminders: 0 };
  return exemptionRenewalsIn(db, on, opts);
};

/** Kindkring reminders: unshared meeting reports, evaluations due, consents to check after a 12th or 16th birthday. */
const kindkringReminders = perRegion({ reminders: 0 }, async (db, regionId, on) => {
  let n = 0;
  const late = await db.query<{ id: string; young_person_id: string; lead_user_id: string }>(
    `SELECT m.id, m.young_person_id, n.lead_user_id FROM meetings m
       JOIN networks n ON n.region_id = m.region_id AND n.id = m.network_id AND n.lead_user_id IS NOT NULL
      WHERE m.region_id = $2 AND m.status = 'held' AND m.report_shared_at IS NULL AND m.held_on < $1::date`, [plusDays(on, -REPORT_SHARE_DAYS), regionId]);
  const due = await db.query<{ plan_id: string; young_person_id: string; lead_user_id: string; next_evaluation_on: string }>(
    `SELECT p.id AS plan_id, p.young_person_id, n.lead_user_id, v.next_evaluation_on
       FROM plans p JOIN plan_versions v ON v.region_id = p.region_id AND v.plan_id = p.id AND v.number = p.current_version
       JOIN networks n ON n.region_id = p.region_id AND n.young_person_id = p.young_person_id AND n.status = 'active' AND n.lead_user_id IS NOT NULL
      WHERE p.region_id = $3 AND v.next_evaluation_on BETWEEN $1::date AND $2::date`, [on, plusDays(on, 7), regionId]);
  const birthdays = await db.query<{ id: string; birth_date: string; lead_user_id: string }>(
    `SELECT y.id, y.birth_date, n.lead_user_id FROM young_people y
       JOIN networks n ON n.region_id = y.region_id AND n.young_person_id = y.id AND n.status = 'active' AND n.lead_user_id IS NOT NULL
      WHERE y.region_id = $1`, [regionId]);
  if (late.length + due.length + birthdays.length === 0) return { reminders: 0 };
  await db.tx(async (q) => {
    for (const m of late) {
      await notify(q, { regionId, userId: m.lead_user_id, kind: 'meeting.report_not_shared', youngPersonId: m.young_person_id, payload: { meetingId: m.id }, dedupeKey: `report:${m.id}` });
      n++;
    }
    for (const p of due) {
      await notify(q, { regionId, userId: p.lead_user_id, kind: 'evaluation.due', youngPersonId: p.young_person_id, payload: { on: p.next_evaluation_on }, dedupeKey: `eval:${p.plan_id}:${p.next_evaluation_on}` });
      n++;
    }
    for (const y of birthdays) {
      for (const age of [12, 16]) {
        const bd = birthdayAt(y.birth_date, age);
        if (bd <= on && bd > plusDays(on, -7)) {
          await notify(q, { regionId, userId: y.lead_user_id, kind: 'consent.check_after_birthday', youngPersonId: y.id, payload: { age }, dedupeKey: `bday:${y.id}:${age}` });
          n++;
        }
      }
    }
  });
  return { reminders: n };
});

/**
 * The family's request for a conversation about the plan, open past the region's period (or in a network
 * without a lead): its municipality coordinators are told once (the list itself is derived on read).
 */
const disagreementsOverdue = perRegion({ notified: 0 }, async (db, regionId, on) => {
  const open = await db.query<{ id: string; young_person_id: string; status: 'open'; requested_at: Date; days: number; lead_user_id: string | null }>(
    `SELECT d.id, d.young_person_id, d.status, d.requested_at, r.disagreement_days AS days, ln.lead_user_id
       FROM plan_disagreements d JOIN regions r ON r.id = d.region_id
       LEFT JOIN networks ln ON ln.region_id = d.region_id AND ln.young_person_id = d.young_person_id AND ln.status = 'active'
      WHERE d.region_id = $1 AND d.status = 'open'`, [regionId]);
  // Overdue on this day: due by its end (a job run for a later day counts to that day).
  const endOfDay = new Date(Math.max(Date.now(), new Date(`${on}T23:59:59Z`).getTime()));
  const overdue = open.filter((d) => isEscalated(d, endOfDay));
  if (overdue.length === 0) return { notified: 0 };
  const coordinators = await db.query<{ user_id: string }>(
    `SELECT DISTINCT m.user_id FROM memberships m JOIN organisations o ON o.id = m.organisation_id WHERE o.region_id = $1 AND m.role = 'municipality_coordinator'`, [regionId]);
  let n = 0;
  await db.tx(async (q) => {
    for (const d of overdue) {
      for (const c of coordinators) {
        await notify(q, { regionId, userId: c.user_id, kind: 'disagreement.overdue', youngPersonId: d.young_person_id, payload: { disagreementId: d.id }, dedupeKey: `disagreement-overdue:${d.id}` });
        n++;
      }
    }
  });
  return { notified: n };
});

/**
 * Anchors the chains' heads: a record signed with a key outside the database, written to the
 * database and to an append-only file outside it (core/audit-anchor.ts). Without a key it writes
 * nothing and says so.
 */
const auditAnchor: Job = async (db, _on, opts) => writeAuditAnchor(db, opts.audit, opts.log);

export const DAILY_JOBS: Record<string, Job> = { leerplichtClock, exemptionRenewals, kindkringReminders, disagreementsOverdue, auditAnchor };

/** Runs each daily job at most once for the day (job_runs); an unfinished run older than 30 minutes is retried. */
export async function runDailyJobs(db: Db, on: IsoDate = todayIso(), force = false, opts: JobOptions = {}): Promise<Record<string, unknown>> {
  const results: Record<string, unknown> = {};
  for (const [name, job] of Object.entries(DAILY_JOBS)) {
    const claimed = await db.query(
      `INSERT INTO job_runs (job, day) VALUES ($1, $2)
       ON CONFLICT (job, day) DO UPDATE SET started_at = now()
         WHERE job_runs.finished_at IS NULL AND job_runs.started_at < now() - interval '30 minutes' OR $3::boolean
       RETURNING job`, [name, on, force]);
    if (claimed.length === 0) {
      results[name] = 'already done';
      continue;
    }
    const result = await job(db, on, opts);
    await db.query(`UPDATE job_runs SET finished_at = now(), result = $3 WHERE job = $1 AND day = $2`, [name, on, JSON.stringify(result)]);
    results[name] = result;
  }
  return results;
}

/** Runs the daily jobs at start (catching up) and then every hour; returns a stop function. */
export function startScheduler(
  db: Db,
  log: { error: (o: object, msg: string) => void; info: (o: object, msg: string) => void; warn: (o: object, msg: string) => void },
  opts: Omit<JobOptions, 'log'> = {},
): () => void {
  let running = false;
  const jobLog: JobLog = { info: (msg) => log.info({}, msg), warn: (msg) => log.warn({}, msg) };
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const results = await runDailyJobs(db, undefined, false, { ...opts, log: jobLog });
      log.info({ jobs: Object.keys(results) }, 'daily jobs checked');
    } catch (err) {
      log.error({ err: { message: (err as Error).message } }, 'daily jobs failed');
    } finally {
      running = false;
    }
  };
  const first = setTimeout(() => void tick(), 2000);
  const timer = setInterval(() => void tick(), 60 * 60 * 1000);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
