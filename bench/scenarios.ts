/**
 * The measured scenarios, each twice: through the HTTP API (autocannon, from this process,
 * against the server process on 127.0.0.1) and as "raw" — the very same SQL statements the
 * route issues (session lookup, resolveAccess, the view's queries, the audit append, in one
 * transaction), replayed through the database driver by calling the service functions on a
 * pg Pool (or the in-process PGlite). Raw therefore leaves out exactly HTTP, Fastify routing,
 * schema validation and JSON serialisation; API/raw shows what those cost.
 */
import autocannon from 'autocannon';
import { Pool } from 'undici';
import type { Db, Queryable } from '../server/core/db.ts';
import { AppError } from '../server/core/errors.ts';
import { loadActor, sha256, type Actor } from '../server/core/session.ts';
import { worklist } from '../server/modules/networks/networks.worklist.ts';
import { createNetworksService } from '../server/modules/networks/networks.service.ts';
import { createPlansService } from '../server/modules/plans/plans.service.ts';
import { createHistoryService } from '../server/modules/children/children.history.ts';
import { benchDomain, regionSeed } from './generate.ts';

export interface Session { userId: string; token: string; csrf: string; role: string; orgType: string; orgId: string; areaId: string | null }
export interface UpdateTarget { session: Session; childId: string; actionId: string; version: number; busy: boolean }

export interface Fixtures {
  professionals: Session[];
  caseViews: { session: Session; childId: string }[];
  updates: UpdateTarget[];
  leerplicht: Session[];
  swvStaff: Session[];
  gemeenteIds: string[];
  swvOrgIds: string[];
  swvAreaIds: string[];
}

/** Reads the sessions and targets the generator prepared. Tokens are 'bench-<seed>-<idx>' (idx from the e-mail address). */
export async function loadFixtures(db: Db, seed: string, maxUpdates: number, regions = 1): Promise<Fixtures> {
  const sessions: Session[] = [];
  for (let region = 1; region <= regions; region++) {
    const rows = await db.query<{ user_id: string; email: string; csrf_token: string; role: string; type: string; org_id: string; area_id: string | null }>(
      `SELECT s.user_id, u.email, s.csrf_token, m.role, o.type, o.id AS org_id, o.area_id FROM sessions s JOIN users u ON u.id = s.user_id
         JOIN memberships m ON m.user_id = u.id JOIN organisations o ON o.id = m.organisation_id
        WHERE u.email LIKE $1 ORDER BY u.email`, [`pro%@${benchDomain(region)}`]);
    sessions.push(...rows.map((r) => ({
      userId: r.user_id, token: `bench-${regionSeed(seed, region)}-${/^pro(\d+)@/.exec(r.email)![1]}`, csrf: r.csrf_token, role: r.role, orgType: r.type, orgId: r.org_id, areaId: r.area_id,
    })));
  }
  const byUser = new Map(sessions.map((s) => [s.userId, s]));
  const professionals = sessions.filter((s) => ['wijkteam', 'youth_care_provider'].includes(s.orgType));
  const leads = await db.query<{ lead_user_id: string; young_person_id: string; current_version: number; action_id: string }>(
    `SELECT n.lead_user_id, n.young_person_id, p.current_version,
            (SELECT pa.action_id FROM plan_actions pa WHERE pa.region_id = p.region_id AND pa.plan_id = p.id ORDER BY pa.action_id LIMIT 1) AS action_id
       FROM networks n JOIN plans p ON p.region_id = n.region_id AND p.young_person_id = n.young_person_id
      WHERE n.status = 'active' AND n.lead_user_id = ANY($1::uuid[]) ORDER BY md5(n.young_person_id::text)`,
    [professionals.map((p) => p.userId)]);
  const caseViews = leads.map((l) => ({ session: byUser.get(l.lead_user_id)!, childId: l.young_person_id }));
  const updates = leads.filter((l) => l.action_id).slice(0, maxUpdates)
    .map((l) => ({ session: byUser.get(l.lead_user_id)!, childId: l.young_person_id, actionId: l.action_id, version: Number(l.current_version), busy: false }));
  const areas = await db.query<{ id: string; kind: string }>(`SELECT id, kind FROM areas ORDER BY name`);
  const swvOrgs = await db.query<{ id: string }>(`SELECT id FROM organisations WHERE type = 'swv' ORDER BY name`);
  return {
    professionals, caseViews, updates,
    leerplicht: sessions.filter((s) => s.orgType === 'leerplicht'),
    swvStaff: sessions.filter((s) => s.orgType === 'swv' || s.orgType === 'municipality'),
    gemeenteIds: areas.filter((a) => a.kind === 'gemeente').map((a) => a.id),
    swvOrgIds: swvOrgs.map((o) => o.id),
    swvAreaIds: areas.filter((a) => a.kind === 'swv_region').map((a) => a.id),
  };
}

/** Re-reads the current plan versions of the update targets (the raw run has moved them on). */
export async function refreshVersions(db: Db, targets: UpdateTarget[]): Promise<void> {
  const rows = await db.query<{ young_person_id: string; current_version: number }>(
    `SELECT young_person_id, current_version FROM plans WHERE young_person_id = ANY($1::uuid[])`, [targets.map((t) => t.childId)]);
  const v = new Map(rows.map((r) => [r.young_person_id, Number(r.current_version)]));
  for (const t of targets) {
    t.version = v.get(t.childId) ?? t.version;
    t.busy = false;
  }
}

/** Hands out update targets so that no two in-flight updates touch the same child. */
export function targetPool(targets: UpdateTarget[]) {
  let next = 0;
  return {
    take(): UpdateTarget | null {
      for (let i = 0; i < targets.length; i++) {
        const t = targets[(next + i) % targets.length]!;
        if (!t.busy) {
          t.busy = true;
          next = (next + i + 1) % targets.length;
          return t;
        }
      }
      return null;
    },
    give(t: UpdateTarget, version?: number) {
      if (version !== undefined) t.version = version;
      t.busy = false;
    },
  };
}

export interface Stats {
  requests: number;
  ok: number;
  conflicts: number;
  errors: number;
  seconds: number;
  rps: number;
  p50: number;
  p99: number;
  max: number;
  statusCodes?: Record<string, number>;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/** The route's own session lookup (server/core/session.ts, onRequest). */
export async function actorFor(q: Queryable, token: string): Promise<Actor> {
  const actor = await loadActor(q, sha256(token), 60);
  if (!actor) throw new Error('bench session not found');
  return actor;
}

/** Runs op with `concurrency` workers for `seconds`; every call is timed. */
export async function runRaw(concurrency: number, seconds: number, op: (i: number) => Promise<'ok' | 'conflict'>): Promise<Stats> {
  const latencies: number[] = [];
  let i = 0;
  let ok = 0;
  let conflicts = 0;
  let errors = 0;
  let firstError: unknown;
  const start = performance.now();
  const deadline = start + seconds * 1000;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (performance.now() < deadline) {
      const t = performance.now();
      try {
        const r = await op(i++);
        if (r === 'conflict') conflicts++;
        else ok++;
      } catch (err) {
        errors++;
        firstError ??= err;
      }
      latencies.push(performance.now() - t);
    }
  }));
  const elapsed = (performance.now() - start) / 1000;
  if (firstError && errors > latencies.length / 2) console.error('  raw errors, first:', firstError instanceof Error ? firstError.message : firstError);
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length, ok, conflicts, errors, seconds: elapsed, rps: ok / elapsed,
    p50: percentile(latencies, 50), p99: percentile(latencies, 99), max: latencies[latencies.length - 1] ?? NaN,
  };
}

export interface ApiRequest {
  method: 'GET' | 'PATCH';
  /** Fills in path, headers and body for the next request; null when nothing is free (the request is skipped). */
  next: (ctx: Record<string, unknown>) => { path: string; headers: Record<string, string>; body?: string } | null;
  onResponse?: (status: number, body: string, ctx: Record<string, unknown>, headers: Record<string, string | string[]>) => void;
}

/** autocannon against the server on loopback, bounded by its duration. */
export async function runApi(port: number, connections: number, seconds: number, req: ApiRequest): Promise<Stats> {
  let conflicts = 0;
  const result = await autocannon({
    url: `http://127.0.0.1:${port}`,
    connections,
    duration: seconds,
    timeout: 30,
    requests: [{
      method: req.method,
      setupRequest: ((r: Record<string, unknown>, ctx: Record<string, unknown>) => {
        const n = req.next(ctx);
        if (!n) return r; // nothing free: repeat a harmless request shape (counted as error by status)
        return { ...r, path: n.path, headers: { ...n.headers }, body: n.body };
      }) as never,
      onResponse: ((status: number, body: string, ctx: Record<string, unknown>, headers: Record<string, string | string[]>) => {
        if (status === 409) conflicts++;
        req.onResponse?.(status, body, ctx, headers);
      }) as never,
    }],
  });
  const codes: Record<string, number> = {};
  for (const [code, v] of Object.entries(result.statusCodeStats ?? {})) codes[code] = Number((v as { count: number | string }).count);
  const ok = Object.entries(codes).filter(([c]) => c.startsWith('2')).reduce((s, [, n]) => s + n, 0);
  const total = Object.values(codes).reduce((s, n) => s + n, 0);
  const elapsed = result.duration;
  return {
    requests: total, ok, conflicts, errors: result.errors + result.timeouts + (total - ok - conflicts), seconds: elapsed, rps: ok / elapsed,
    p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max, statusCodes: codes,
  };
}

/**
 * Latency at a given load: requests are sent at a fixed rate (evenly spaced, open loop) over at
 * most `connections` keep-alive connections, whatever the answers do. Each latency is counted
 * from the moment the request was due, not from when a free connection took it, so a server
 * that falls behind shows it (no "coordinated omission"). autocannon's own rate option sends
 * each second's budget in a burst at the start of the second, which measures saturation again.
 *
 * The first `warmupSeconds` run at the same rate on the same connections and are not counted
 * (like the closed loop's warm-up): the client opening its connections while requests are already
 * due made a queue that, at 75–90 % of this machine's capacity, took seconds to drain. A queue
 * still left when counting starts is counted.
 */
export async function runPaced(port: number, connections: number, rate: number, seconds: number, req: ApiRequest, warmupSeconds = 0): Promise<Stats> {
  // undici: Node's own http client costs enough CPU at 1,000 req/s to slow the server it shares two cores with.
  const pool = new Pool(`http://127.0.0.1:${port}`, { connections, pipelining: 1, headersTimeout: 30_000, bodyTimeout: 30_000 });
  const latencies: number[] = [];
  const codes: Record<string, number> = {};
  let conflicts = 0;
  let errors = 0;
  const total = Math.round(rate * (warmupSeconds + seconds));
  const start = performance.now();
  const counted = start + warmupSeconds * 1000;
  const send = async (due: number): Promise<void> => {
    const count = due >= counted;
    const ctx: Record<string, unknown> = {};
    const n = req.next(ctx);
    if (!n) {
      if (count) errors++;
      return;
    }
    try {
      const res = await pool.request({ method: req.method, path: n.path, headers: n.headers, body: n.body });
      const body = await res.body.text();
      if (count) {
        latencies.push(performance.now() - due);
        codes[res.statusCode] = (codes[res.statusCode] ?? 0) + 1;
        if (res.statusCode === 409) conflicts++;
      }
      req.onResponse?.(res.statusCode, body, ctx, res.headers as Record<string, string | string[]>);
    } catch {
      if (count) errors++;
      req.onResponse?.(0, '', ctx, {});
    }
  };
  const pending: Promise<void>[] = [];
  let sent = 0;
  await new Promise<void>((done) => {
    const tick = () => {
      const now = performance.now();
      while (sent < total && start + (sent * 1000) / rate <= now) pending.push(send(start + (sent++ * 1000) / rate));
      if (sent < total) setTimeout(tick, 1);
      else done();
    };
    tick();
  });
  await Promise.all(pending);
  await pool.close();
  const elapsed = (performance.now() - counted) / 1000;
  latencies.sort((a, b) => a - b);
  const ok = Object.entries(codes).filter(([c]) => c.startsWith('2')).reduce((x, [, k]) => x + k, 0);
  const r1 = (n: number) => Math.round(n * 10) / 10;
  return {
    requests: latencies.length, ok, conflicts, errors: errors + (latencies.length - ok - conflicts), seconds: elapsed, rps: ok / elapsed,
    p50: r1(percentile(latencies, 50)), p99: r1(percentile(latencies, 99)), max: r1(latencies[latencies.length - 1] ?? NaN), statusCodes: codes,
  };
}

const cookie = (s: Session) => ({ cookie: `rondom_session=${s.token}` });

export interface RawDef { concurrency: number; op: (i: number) => Promise<'ok' | 'conflict'> }

export interface ScenarioDef {
  id: string;
  label: string;
  target: { p99?: number; rps?: number; ratio?: number; max?: number };
  connections: number;
  api?: ApiRequest;
  /** The same SQL through the driver; absent when the route's service is not known to the harness. */
  raw?: (db: Db) => RawDef | Promise<RawDef>;
  skip?: string;
  /** OpenAPI path of the route; the scenario is skipped when the server does not have it. */
  routePath?: string;
  /** Probes the route once the server runs; returns a reason to skip, or null. */
  prepare?: (port: number) => Promise<string | null>;
}

/** The kindkring scenarios (a)–(c); (d) and (e) are added by leerplichtScenarios when the routes exist. */
export function kindkringScenarios(f: Fixtures, connections: number): ScenarioDef[] {
  const pick = <T>(arr: T[], i: number) => arr[i % arr.length]!;
  let ai = 0, bi = 0;
  const caseView = (id: string, label: string, suffix: string, call: (db: Db, actor: Actor, childId: string) => Promise<unknown>): ScenarioDef => ({
    id, label, connections, target: { p99: 50, rps: 1000, ratio: 2 },
    api: {
      method: 'GET',
      next: () => {
        const v = pick(f.caseViews, bi++ * 7919);
        return { path: `/api/v1/children/${v.childId}/${suffix}`, headers: cookie(v.session) };
      },
    },
    raw: (db) => ({
      concurrency: connections,
      op: async (i) => {
        const v = pick(f.caseViews, i * 7919);
        await call(db, await actorFor(db, v.session.token), v.childId);
        return 'ok';
      },
    }),
  });
  const apiPool = targetPool(f.updates);
  const rawPool = targetPool(f.updates);
  return [
    {
      id: 'a', label: '(a) home worklist', connections, target: { p99: 50, rps: 1000, ratio: 2 },
      api: { method: 'GET', next: () => ({ path: '/api/v1/worklist', headers: cookie(pick(f.professionals, ai++ * 7)) }) },
      raw: (db) => ({ concurrency: connections, op: async (i) => { await worklist(db, await actorFor(db, pick(f.professionals, i * 7).token)); return 'ok'; } }),
    },
    caseView('b1', '(b) case view: network', 'network', (db, actor, id) => createNetworksService(db).get(actor, id)),
    caseView('b2', '(b) case view: plan', 'plan', (db, actor, id) => createPlansService(db).get(actor, id)),
    caseView('b3', '(b) case view: timeline p1', 'timeline?limit=25', (db, actor, id) => createHistoryService(db).timeline(actor, id, { limit: 25 })),
    {
      id: 'c', label: '(c) plan-action update', connections, target: { p99: 100, rps: 500 },
      api: {
        method: 'PATCH',
        next: (ctx) => {
          const t = apiPool.take();
          ctx.target = t;
          if (!t) return null;
          return {
            path: `/api/v1/children/${t.childId}/plan/actions/${t.actionId}`,
            headers: { ...cookie(t.session), 'x-csrf-token': t.session.csrf, 'if-match': `"${t.version}"`, 'content-type': 'application/json' },
            body: JSON.stringify({ status: 'in_progress' }),
          };
        },
        onResponse: (status, _body, ctx, headers) => {
          const t = ctx.target as UpdateTarget | null;
          if (!t) return;
          const tag = headers.etag ?? headers.ETag;
          const m = typeof tag === 'string' ? /"(\d+)"/.exec(tag) : null;
          apiPool.give(t, status === 200 && m ? Number(m[1]) : undefined);
        },
      },
      raw: (db) => ({
        concurrency: connections,
        op: async () => {
          const t = rawPool.take();
          if (!t) throw new Error('no free update target');
          let version: number | undefined;
          try {
            const plan = await createPlansService(db).updateAction(await actorFor(db, t.session.token), t.childId, t.actionId, t.version, { status: 'in_progress' });
            version = plan.versionNumber;
            return 'ok';
          } catch (err) {
            if (err instanceof AppError && err.code === 'conflict') return 'conflict';
            throw err;
          } finally {
            rawPool.give(t, version);
          }
        },
      }),
    },
  ];
}
