/**
 * `npm run bench` — region-scale benchmark (issue 7). See bench/README.md.
 *
 *   npm run bench                 full region on PostgreSQL (+ a small run on PGlite)
 *   npm run bench -- --quick      small region on PGlite, a few seconds per scenario (< 2 minutes)
 *
 *   npm run bench -- --citus <url>  also on a Citus cluster (<url>: a database on its coordinator whose
 *                                   workers are registered): two regions of half the size each
 *
 * Options: --keep (keep the database), --pg-url <url> (server to create the bench database on),
 * --duration <s>, --connections <n>, --pool <n> (server's pg pool), --raw-pool <n>, --scale <f>
 * (shrink the full region), --no-pglite, --no-pg, --seed <s>, --only a,b1,c, --reuse <database> (measure a
 * database kept with --keep again, without generating; same --seed and --scale as when it was made).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import cliProgress from 'cli-progress';
import { build } from 'esbuild';
import pg from 'pg';
import { openDb, type Db } from '../server/core/db.ts';
import { migrate } from '../server/core/migrate.ts';
import { verifyAudit } from '../server/core/audit-verify.ts';
import { distribute } from '../server/core/distribute.ts';
import { citusWorkers, createDatabase, dropDatabase } from '../test/citus.ts';
import { FULL, QUICK, generationSteps, verifySample, type GenerateResult, type RegionSize } from './generate.ts';
import { kindkringScenarios, loadFixtures, refreshVersions, runApi, runPaced, runRaw, type Fixtures, type ScenarioDef, type Stats } from './scenarios.ts';
import { leerplichtScenarios } from './leerplicht.ts';
import { firstLoad, firstLoadTable, type FirstLoadResult } from './first-load.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function args() {
  const argv = process.argv.slice(2);
  const has = (f: string) => argv.includes(f);
  const val = (f: string) => {
    const i = argv.indexOf(f);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const quick = has('--quick');
  return {
    quick,
    keep: has('--keep'),
    pgUrl: val('--pg-url') ?? process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    duration: Number(val('--duration') ?? (quick ? 3 : 20)),
    // PGlite is one connection: in --quick, 32 connections already measure mostly its queue.
    connections: Number(val('--connections') ?? (quick ? 32 : 64)),
    pool: Number(val('--pool') ?? 8),
    rawPool: Number(val('--raw-pool') ?? val('--pool') ?? 8),
    scale: Number(val('--scale') ?? 1),
    pglite: !has('--no-pglite'),
    postgres: !quick && !has('--no-pg'),
    seed: val('--seed') ?? 'rondom-bench-1',
    only: val('--only')?.split(','),
    /** An existing bench database (kept with --keep) to measure again without generating. */
    reuse: val('--reuse'),
    /** A database on a Citus coordinator: the bench database is made on the same cluster. */
    citus: val('--citus'),
  };
}
type Args = ReturnType<typeof args>;

interface ScenarioResult {
  id: string; label: string; api?: Stats; raw?: Stats;
  /** At the target's request rate (open loop): the p99 a target "p99 ≤ x at ≥ y req/s" is about. */
  paced?: Stats; ratioP50?: number; ratioP99?: number; rssMaxMb?: number;
  target: ScenarioDef['target']; pass?: boolean; misses: string[]; skipped?: string;
}
interface RunResult {
  engine: Engine; regions?: number; size: RegionSize; durationPerScenario: number; connections: number; serverPool?: number;
  generation: GenerateResult; scenarios: ScenarioResult[]; rss: { maxMb: number; afterMb: number; idleMb: number }; auditAfter?: { ok: boolean; checked: string };
}

function scaled(size: RegionSize, f: number): RegionSize {
  if (f === 1) return size;
  const r = (n: number, min = 1) => Math.max(min, Math.round(n * f));
  return { ...size, youngPeople: r(size.youngPeople, 100), networks: r(size.networks, 20), cases: r(size.cases), professionals: r(size.professionals, 60),
    organisations: r(size.organisations, 30), auditEvents: r(size.auditEvents, 1000), sessions: r(size.sessions, 20),
    gemeenten: Math.max(2, Math.round(size.gemeenten * Math.sqrt(f))), swvs: Math.max(1, Math.round(size.swvs * Math.sqrt(f))) };
}

async function generate(db: Db, size: RegionSize, seed: string, fullVerify: boolean, regions = 1): Promise<GenerateResult> {
  const started = performance.now();
  const out: Partial<GenerateResult> = {};
  const steps: ReturnType<typeof generationSteps> = [];
  for (let r = 1; r <= regions; r++) steps.push(...generationSteps(db, size, seed, (x) => Object.assign(out, x), r));
  if (regions > 1) {
    // On Citus the regions are made on the coordinator as plain tables, as a single server has them,
    // and then distributed: Citus moves every row into its shard (the upgrade path, at full size).
    steps.push({ name: 'distribute (Citus moves the rows)', run: async () => {
      await db.exec(`RESET session_replication_role`);
      await distribute(db);
      for (const t of ['young_people', 'networks', 'involvements', 'consents', 'legal_bases', 'plans', 'plan_versions', 'plan_actions',
        'timeline_entries', 'network_summaries', 'audit_chains', 'questions', 'guardianships', 'absences', 'escalations', 'exemptions', 'audit_events']) {
        await db.exec(`VACUUM (ANALYZE) ${t}`);
      }
    } });
  }
  const bar = new cliProgress.SingleBar({
    format: '  generate [{bar}] {percentage}% | {value}/{total} steps | {duration}s | {step}', hideCursor: true, noTTYOutput: true, notTTYSchedule: 5000,
  }, cliProgress.Presets.shades_classic);
  bar.start(steps.length, 0, { step: '' });
  const timings: { name: string; seconds: number }[] = [];
  for (const s of steps) {
    bar.update({ step: s.name });
    const t = performance.now();
    await s.run();
    timings.push({ name: s.name, seconds: (performance.now() - t) / 1000 });
    bar.increment();
  }
  bar.stop();
  const seconds = (performance.now() - started) / 1000;
  // Group the per-level audit steps for the report.
  const grouped: { name: string; seconds: number }[] = [];
  for (const t of timings) {
    const name = t.name.startsWith('audit events, chain position') ? 'audit events (all chain positions)' : t.name;
    const g = grouped.find((x) => x.name === name);
    if (g) g.seconds += t.seconds;
    else grouped.push({ name, seconds: t.seconds });
  }
  let sampleVerified: GenerateResult['sampleVerified'];
  if (fullVerify) {
    const v = await verifyAudit(db);
    sampleVerified = { chains: v.chains, events: v.events, ok: v.ok, problem: v.firstBroken?.problem };
  } else {
    sampleVerified = await verifySample(db, 200);
  }
  return { seconds, steps: grouped.map((g) => ({ name: g.name, seconds: Math.round(g.seconds * 10) / 10 })), counts: out.counts ?? {}, sampleVerified };
}

/** Waits (bounded) until the server answers /health promptly again, i.e. the previous load has drained. */
async function drain(port: number, maxSeconds: number): Promise<void> {
  const until = Date.now() + maxSeconds * 1000;
  while (Date.now() < until) {
    const t = performance.now();
    try {
      await (await fetch(`http://127.0.0.1:${port}/health`, { signal: AbortSignal.timeout(maxSeconds * 1000) })).arrayBuffer();
    } catch {
      // keep waiting until the deadline
    }
    if (performance.now() - t < 50) return;
  }
}

function rssMb(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

async function startServer(env: Record<string, string>): Promise<{ child: ChildProcess; port: number }> {
  // The server runs as `npm start` runs it: bundled JavaScript on plain node (no TypeScript loader
  // in the process; tsx's loader thread alone is ~50–70 MB of RSS). Same options as build:server.
  const bundle = path.join(ROOT, 'server/dist/bench-server.js');
  await build({
    entryPoints: [path.join(ROOT, 'bench/server.ts')], outfile: bundle, bundle: true, platform: 'node', format: 'esm',
    packages: 'external', sourcemap: true, logLevel: 'warning',
  });
  // BENCH_SERVER_NODE_ARGS: extra node flags for the server only, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" or
  // "--trace-gc" (with BENCH_SERVER_LOG=/tmp/server.log to keep what it prints).
  const extra = process.env.BENCH_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const child = spawn(process.execPath, [...extra, bundle], {
    cwd: ROOT, env: { ...process.env, ...env, LOG_LEVEL: 'warn', NODE_ENV: 'production' }, stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('server did not start within 120 s')), 120_000);
    let buf = '';
    let found = false;
    // The first line that is {"port": n}; anything else the server prints (e.g. --trace-gc) goes to a log file.
    const log = process.env.BENCH_SERVER_LOG;
    child.stdout!.on('data', (d: Buffer) => {
      if (log) appendFileSync(log, d);
      if (found) return;
      buf += d.toString();
      for (const line of buf.split('\n').slice(0, -1)) {
        const m = /^\{"port":(\d+)\}$/.exec(line.trim());
        if (m) {
          found = true;
          clearTimeout(timer);
          resolve(Number(m[1]));
          return;
        }
      }
      if (buf.length > 1_000_000) buf = buf.slice(-1000);
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  return { child, port };
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  await new Promise<void>((resolve) => {
    const t = setTimeout(() => { child.kill('SIGKILL'); resolve(); }, 10_000);
    child.once('exit', () => { clearTimeout(t); resolve(); });
    child.kill('SIGTERM');
  });
}

function judge(r: ScenarioResult): void {
  const a = r.api;
  if (!a) return;
  const t = r.target;
  // "p99 ≤ x at ≥ y req/s": capacity from the closed loop, p99 at y req/s. Without a rate, p99 at saturation.
  const p99 = r.paced?.p99 ?? a.p99;
  if (t.p99 !== undefined && !(p99 <= t.p99)) r.misses.push(`p99 ${p99} > ${t.p99} ms${r.paced ? ` at ${t.rps}/s` : ''}`);
  if (r.paced && r.paced.ok < r.paced.requests) r.misses.push(`${r.paced.requests - r.paced.ok} failed at ${t.rps}/s`);
  if (t.rps !== undefined && !(a.rps >= t.rps)) r.misses.push(`${a.rps.toFixed(0)} < ${t.rps} req/s`);
  if (t.ratio !== undefined && r.ratioP50 !== undefined && !(r.ratioP50 <= t.ratio)) r.misses.push(`ratio ${r.ratioP50.toFixed(2)} > ${t.ratio}`);
  if (t.max !== undefined && !(a.max <= t.max)) r.misses.push(`max ${a.max} > ${t.max} ms`);
  if (a.ok === 0) r.misses.push('no successful responses');
  r.pass = r.misses.length === 0;
}

function targetText(t: ScenarioDef['target']): string {
  return [t.p99 !== undefined ? `p99≤${t.p99}` : '', t.rps !== undefined ? `≥${t.rps}/s` : '', t.ratio !== undefined ? `ratio≤${t.ratio}` : '',
    t.max !== undefined ? `max≤${t.max}` : ''].filter(Boolean).join(' ');
}

type Engine = 'postgresql' | 'pglite' | 'citus';

async function benchmark(engine: Engine, size: RegionSize, a: Args): Promise<RunResult> {
  // Citus: the same scenarios on a cluster, with two regions of `size` each (so both workers hold data).
  const regions = engine === 'citus' ? 2 : 1;
  const remote = engine !== 'pglite';
  if (engine === 'citus' && !(await citusWorkers(a.citus!))) throw new Error(`--citus ${a.citus}: not a Citus database`);
  const seconds = engine === 'pglite' && !a.quick ? Math.min(a.duration, 5) : a.duration;
  console.log(`\n== ${engine}: ${size.youngPeople.toLocaleString('en')} young people, ${size.networks.toLocaleString('en')} networks, ` +
    `${size.auditEvents.toLocaleString('en')} audit events; ${seconds}s per scenario, ${a.connections} connections`);
  let dbName = '';
  let dataDir = '';
  let dbUrl = '';
  const adminUrl = engine === 'citus' ? a.citus! : a.pgUrl;
  if (remote && a.reuse) {
    dbName = a.reuse;
    const u = new URL(adminUrl);
    u.pathname = `/${dbName}`;
    dbUrl = u.toString();
  } else if (remote) {
    dbName = `rondom_bench_${new Date().toISOString().replace(/[-:T.Z]/g, '').slice(0, 14)}${engine === 'citus' ? '_citus' : ''}`;
    await createDatabase(adminUrl, dbName);
    const u = new URL(adminUrl);
    u.pathname = `/${dbName}`;
    dbUrl = u.toString();
  } else {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'rondom-bench-'));
  }
  let server: ChildProcess | undefined;
  const onSignal = () => {
    // Interrupted: stop the server and drop the bench database, then leave.
    void (async () => {
      if (server) await stopServer(server);
      if (remote && !a.keep && !a.reuse) await dropDatabase(adminUrl, dbName);
      if (dataDir && !a.keep) rmSync(dataDir, { recursive: true, force: true });
      process.exit(130);
    })();
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    // One connection for generation, so the bulk-load settings below hold for every statement.
    const db = await openDb(remote ? { url: dbUrl, poolSize: 1 } : { dataDir });
    // On Citus the tables are distributed after the regions are generated (in generate()).
    await migrate(db, undefined, { distribute: engine !== 'citus' || Boolean(a.reuse) });
    const reused = remote && a.reuse !== undefined;
    // Bulk load: the generator builds consistent rows by construction, so foreign-key triggers are skipped
    // (session_replication_role, superuser) and commits are not waited for. The server runs with defaults.
    await db.exec(`SET session_replication_role = replica; SET synchronous_commit = off; SET work_mem = '64MB'; SET maintenance_work_mem = '256MB'`);
    const generation: GenerateResult = reused
      ? { seconds: NaN, steps: [], counts: {}, sampleVerified: { ...(await verifySample(db, 50)) } }
      : await generate(db, size, a.seed, engine === 'pglite', regions);
    // A reused database's sessions have been idle since the last run: wake them (and never let them expire mid-run).
    if (reused) await db.query(`UPDATE sessions SET last_seen_at = now(), expires_at = greatest(expires_at, now() + interval '1 day')`);
    await db.exec(`RESET session_replication_role; RESET synchronous_commit`);
    // Not timed: write the load's dirty pages out now, so that the checkpoint it would otherwise
    // trigger does not run (IO and CPU) under the first scenarios' measurements.
    if (remote) await db.exec(`CHECKPOINT`);
    console.log(`  ${reused ? `reused ${dbName}` : `generated in ${generation.seconds.toFixed(1)} s`}; audit chains ${generation.sampleVerified.ok ? 'valid' : 'BROKEN: ' + generation.sampleVerified.problem} ` +
      `(${generation.sampleVerified.events.toLocaleString('en')} events in ${generation.sampleVerified.chains.toLocaleString('en')} chains re-hashed)`);
    console.log(`  steps: ${generation.steps.filter((s) => s.seconds >= 0.5).map((s) => `${s.name} ${s.seconds}s`).join(', ')}`);
    const fixtures: Fixtures = await loadFixtures(db, a.seed, Math.max(a.connections * 8, 200), regions);
    let scenarios = kindkringScenarios(fixtures, a.connections);
    const lp = leerplichtScenarios(fixtures, a.connections);
    scenarios = [...scenarios, ...lp];
    if (a.only) scenarios = scenarios.filter((s) => a.only!.includes(s.id));
    const results: ScenarioResult[] = scenarios.map((s) => ({ id: s.id, label: s.label, target: s.target, misses: [] }));

    // Raw SQL first (PGlite cannot be opened by two processes at once), then the server.
    const rawDb = remote ? await openDb({ url: dbUrl, poolSize: a.rawPool }) : db;
    for (const [i, s] of scenarios.entries()) {
      if (!s.raw) continue;
      const { concurrency, op } = await s.raw(rawDb);
      process.stdout.write(`  raw ${s.label} … `);
      if (!a.quick) await runRaw(concurrency, Math.max(0.5, seconds / 10), op); // warm-up (skipped in --quick, which must stay < 2 min)
      results[i]!.raw = await runRaw(concurrency, seconds, op);
      console.log(`${results[i]!.raw!.rps.toFixed(0)}/s p50 ${results[i]!.raw!.p50.toFixed(1)} ms`);
    }
    if (rawDb !== db) await rawDb.close();
    await refreshVersions(db, fixtures.updates);
    await db.close();

    const started = await startServer(remote ? { DATABASE_URL: dbUrl, RONDOM_DB_POOL: String(a.pool) } : { RONDOM_DATA_DIR: dataDir, DATABASE_URL: '' });
    server = started.child;
    const pid = server.pid!;
    const openapi = await (await fetch(`http://127.0.0.1:${started.port}/api/openapi.json`)).json() as { paths: Record<string, unknown> };
    const idleMb = rssMb(pid);
    let maxMb = idleMb;
    for (const [i, s] of scenarios.entries()) {
      const r = results[i]!;
      const skip = s.skip ?? (s.routePath && !openapi.paths[s.routePath] ? 'skipped (route missing)' : undefined);
      if (skip || !s.api) {
        r.skipped = skip ?? 'skipped';
        console.log(`  api ${s.label}: ${r.skipped}`);
        continue;
      }
      if (s.prepare) {
        const problem = await s.prepare(started.port);
        if (problem) {
          r.skipped = `skipped (${problem})`;
          console.log(`  api ${s.label}: ${r.skipped}`);
          continue;
        }
      }
      process.stdout.write(`  api ${s.label} … `);
      let scenMax = 0;
      const sampler = setInterval(() => { scenMax = Math.max(scenMax, rssMb(pid)); }, 200);
      await drain(started.port, a.quick ? 3 : 10); // requests left queued by the previous scenario must not count here
      await runApi(started.port, s.connections, Math.max(1, Math.round(seconds / 10)), s.api); // warm-up (autocannon: whole seconds)
      r.api = await runApi(started.port, s.connections, seconds, s.api);
      // At the target rate — unless the closed loop already showed the server cannot serve that many
      // (then the queue only grows for the whole run, and the capacity miss is reported anyway).
      if (s.target.rps !== undefined && s.target.p99 !== undefined && r.api.rps >= 0.95 * s.target.rps) {
        await drain(started.port, a.quick ? 3 : 10);
        r.paced = await runPaced(started.port, s.connections, s.target.rps, seconds, s.api, Math.max(1, Math.round(seconds / 10)));
      }
      clearInterval(sampler);
      scenMax = Math.max(scenMax, rssMb(pid));
      r.rssMaxMb = Math.round(scenMax);
      maxMb = Math.max(maxMb, scenMax);
      if (r.raw) {
        r.ratioP50 = r.api.p50 / r.raw.p50;
        r.ratioP99 = r.api.p99 / r.raw.p99;
      }
      judge(r);
      console.log(`${r.api.rps.toFixed(0)}/s p50 ${r.api.p50} ms p99 ${r.api.p99} ms${r.api.conflicts ? `, ${r.api.conflicts} × 409` : ''}` +
        `${r.api.errors ? `, ${r.api.errors} errors ${JSON.stringify(r.api.statusCodes)}` : ''}` +
        `${r.paced ? `; at ${s.target.rps}/s: p50 ${r.paced.p50} ms p99 ${r.paced.p99} ms max ${r.paced.max} ms${r.paced.errors ? `, ${r.paced.errors} errors ${JSON.stringify(r.paced.statusCodes)}` : ''}` : ''}`);
    }
    const afterMb = rssMb(pid);
    await stopServer(server);
    server = undefined;

    // The audit chains written under load must still verify.
    let auditAfter: RunResult['auditAfter'];
    const check = await openDb(remote ? { url: dbUrl, poolSize: 2 } : { dataDir });
    if (engine === 'pglite') {
      const v = await verifyAudit(check);
      auditAfter = { ok: v.ok, checked: `all ${v.events} events` };
    } else {
      const v = await verifySample(check, 300);
      const touched = await check.query<{ chain_key: string }>(`SELECT DISTINCT chain_key FROM audit_events WHERE occurred_at > now() - interval '1 hour' AND chain_key LIKE 'yp:%' LIMIT 300`);
      const sub = await verifyChains(check, touched.map((t) => t.chain_key));
      auditAfter = { ok: v.ok && sub.ok, checked: `${v.chains} random chains + ${touched.length} chains written during the run` };
    }
    await check.close();
    console.log(`  audit chains after the run: ${auditAfter.ok ? 'valid' : 'BROKEN'} (${auditAfter.checked})`);
    return {
      engine, regions, size, durationPerScenario: seconds, connections: a.connections, serverPool: remote ? a.pool : undefined,
      generation, scenarios: results, rss: { maxMb: Math.round(maxMb), afterMb: Math.round(afterMb), idleMb: Math.round(idleMb) }, auditAfter,
    };
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    if (server) await stopServer(server);
    if (remote && !a.keep && !a.reuse) {
      await dropDatabase(adminUrl, dbName);
    } else if (remote) {
      console.log(`  kept database ${dbName}`);
    }
    if (dataDir && !a.keep) rmSync(dataDir, { recursive: true, force: true });
    else if (dataDir) console.log(`  kept PGlite data in ${dataDir}`);
  }
}

/** Re-hashes named chains (those the load test appended to). */
async function verifyChains(db: Db, keys: string[]): Promise<{ ok: boolean }> {
  const { eventHash, GENESIS } = await import('../server/core/audit.ts');
  for (const key of keys) {
    const rows = await db.query<Record<string, unknown> & { seq: number; hash: string; prev_hash: string; occurred_at: Date }>(
      `SELECT * FROM audit_events WHERE chain_key = $1 ORDER BY seq`, [key]);
    let prev = GENESIS;
    for (const r of rows) {
      const h = eventHash(prev, {
        chainKey: key, seq: Number(r.seq), occurredAt: new Date(r.occurred_at).toISOString(), regionId: r.about_region_id as string | null,
        actorUserId: r.actor_user_id as string | null, actorOrganisationId: r.actor_organisation_id as string | null, kind: r.kind as string,
        outcome: r.outcome as string, youngPersonId: r.young_person_id as string | null, subjectType: r.subject_type as string | null,
        subjectId: r.subject_id as string | null, basis: r.basis as string | null, details: typeof r.details === 'string' ? JSON.parse(r.details) : r.details,
      });
      if (h !== r.hash || r.prev_hash !== prev) return { ok: false };
      prev = r.hash;
    }
    const [head] = await db.query<{ last_hash: string }>(`SELECT last_hash FROM audit_chains WHERE chain_key = $1`, [key]);
    if (head?.last_hash !== prev) return { ok: false };
  }
  return { ok: true };
}

const fmt = (n: number | undefined, d = 1) => (n === undefined || Number.isNaN(n) ? '—' : n.toFixed(d));

function table(run: RunResult): string {
  // The targets are set for PostgreSQL. PGlite (one connection inside the server process, and in
  // the full run a 50× smaller region) is held against them for comparison only: 'over', not FAIL.
  const miss = run.engine === 'postgresql' ? 'FAIL'
    : run.engine === 'citus' ? 'over (three database servers on one 2-core machine; the ratio is what counts here)' : 'over (target is for PostgreSQL)';
  const head = ['scenario', 'max req/s', 'p50 ms', 'p99 ms', 'at rate: p50', 'p99', 'raw p50', 'raw p99', 'raw/s', 'ratio p50', 'ratio p99', 'target', 'result'];
  const rows = run.scenarios.map((s) => s.skipped && !s.api
    ? [s.label, '', '', '', '', '', fmt(s.raw?.p50), fmt(s.raw?.p99), fmt(s.raw?.rps, 0), '', '', targetText(s.target), s.skipped]
    : [s.label, fmt(s.api?.rps, 0), fmt(s.api?.p50), fmt(s.api?.p99), s.paced ? `${fmt(s.paced.p50)} @${s.target.rps}/s` : '', fmt(s.paced?.p99), fmt(s.raw?.p50), fmt(s.raw?.p99), fmt(s.raw?.rps, 0), fmt(s.ratioP50, 2),
      fmt(s.ratioP99, 2), targetText(s.target), s.pass ? 'pass' : `${miss}: ${s.misses.join('; ')}`]);
  const b = run.scenarios.filter((s) => s.id.startsWith('b') && s.api);
  if (b.length === 3) {
    rows.push(['(b) case view, sum of 3', '', fmt(b.reduce((x, s) => x + s.api!.p50, 0)), fmt(b.reduce((x, s) => x + s.api!.p99, 0)),
      fmt(b.reduce((x, s) => x + (s.paced?.p50 ?? NaN), 0)), fmt(b.reduce((x, s) => x + (s.paced?.p99 ?? NaN), 0)),
      fmt(b.reduce((x, s) => x + (s.raw?.p50 ?? 0), 0)), fmt(b.reduce((x, s) => x + (s.raw?.p99 ?? 0), 0)), '', '', '', 'per request above', '']);
  }
  const rssOk = run.rss.maxMb <= 400;
  rows.push(['server RSS (MB)', '', `idle ${run.rss.idleMb}`, `max ${run.rss.maxMb}`, `after ${run.rss.afterMb}`, '', '', '', '', '', '', '≤400', rssOk ? 'pass' : run.engine === 'postgresql' ? 'FAIL' : `${miss}; the database is in this process`]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (r: string[]) => `| ${r.map((c, i) => String(c).padEnd(widths[i]!)).join(' | ')} |`;
  return [line(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

function sideBySide(pgRun: RunResult, citusRun: RunResult): string {
  const head = ['scenario', 'PostgreSQL req/s', 'p50', 'ratio', 'Citus req/s', 'p50', 'ratio', 'Citus ratio ≤ 2'];
  const rows = pgRun.scenarios.map((p) => {
    const c = citusRun.scenarios.find((x) => x.id === p.id);
    return [p.label, fmt(p.api?.rps, 0), fmt(p.api?.p50), fmt(p.ratioP50, 2), fmt(c?.api?.rps, 0), fmt(c?.api?.p50), fmt(c?.ratioP50, 2),
      c?.ratioP50 === undefined ? '' : c.ratioP50 <= 2 ? 'pass' : 'FAIL'];
  });
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (r: string[]) => `| ${r.map((c, i) => String(c).padEnd(widths[i]!)).join(' | ')} |`;
  return [line(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

async function main() {
  const a = args();
  const started = new Date();
  const runs: RunResult[] = [];
  const t0 = performance.now();
  // `--only f` measures the first load alone: no region to generate.
  const onlyFirstLoad = a.only !== undefined && a.only.every((id) => id === 'f');
  if (a.postgres && !onlyFirstLoad) runs.push(await benchmark('postgresql', scaled(FULL, a.scale), a));
  // Citus: two regions of half the full size each (together the full region), on the cluster.
  if (a.citus && !onlyFirstLoad) runs.push(await benchmark('citus', scaled(FULL, a.scale / 2), a));
  if (a.pglite && !onlyFirstLoad) runs.push(await benchmark('pglite', a.quick ? QUICK : scaled(QUICK, Math.max(a.scale, 1)), a));
  // (f) the login page in a throttled browser (bench/first-load.ts), on its own server with the built web app.
  const first: FirstLoadResult | { id: 'f'; skipped: string } | undefined = !a.only || a.only.includes('f')
    ? await firstLoad(ROOT, { start: startServer, stop: stopServer }, a.quick ? 3 : 5) : undefined;
  const pgVersion = a.postgres && !onlyFirstLoad ? await (async () => {
    const c = new pg.Client({ connectionString: a.pgUrl });
    await c.connect();
    const { rows } = await c.query<{ v: string }>(`SHOW server_version`);
    await c.end();
    return rows[0]?.v;
  })() : undefined;
  console.log('');
  for (const r of runs) {
    const gen = Number.isNaN(r.generation.seconds) ? 'database reused, not generated'
      : `generation ${r.generation.seconds.toFixed(1)} s${r.engine === 'postgresql' ? (r.generation.seconds <= 180 ? ' (target ≤ 180 s: pass)' : ' (target ≤ 180 s: FAIL)') : ''}`;
    console.log(`${r.engine} — ${r.size.youngPeople.toLocaleString('en')} young people, ${gen}; ` +
      `${r.connections} connections, ${r.durationPerScenario} s per scenario${r.serverPool ? `, server pool ${r.serverPool}` : ''}`);
    console.log(table(r));
    console.log('');
  }
  const pgRun = runs.find((r) => r.engine === 'postgresql');
  const citusRun = runs.find((r) => r.engine === 'citus');
  if (pgRun && citusRun) {
    console.log('one PostgreSQL and Citus side by side (API req/s, p50 ms, API/raw p50 ratio):');
    console.log(sideBySide(pgRun, citusRun));
    console.log('');
  }
  if (first && 'skipped' in first) console.log(`(f) first load: ${first.skipped}\n`);
  else if (first) console.log(`first load on a phone (Slow 4G, CPU ${first.network.cpuSlowdown}× slower, empty cache; median of ${first.cold.length}):\n${firstLoadTable(first)}\n`);
  mkdirSync(path.join(ROOT, 'bench/results'), { recursive: true });
  const file = path.join(ROOT, 'bench/results', `${started.toISOString().replace(/[:.]/g, '-')}${a.quick ? '-quick' : ''}.json`);
  writeFileSync(file, JSON.stringify({
    startedAt: started.toISOString(), totalSeconds: Math.round((performance.now() - t0) / 1000), quick: a.quick, seed: a.seed,
    machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, memoryMb: Math.round(os.totalmem() / 2 ** 20), node: process.version, postgres: pgVersion },
    runs, firstLoad: first,
  }, null, 2));
  console.log(`results: ${path.relative(ROOT, file)} (total ${Math.round((performance.now() - t0) / 1000)} s)`);
}

main().then(() => process.exit(0), (err: unknown) => {
  console.error(err);
  process.exit(1);
});
