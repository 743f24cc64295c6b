/**
 * Browser test runner (`npm run test:e2e`): builds the web app when needed and the server
 * bundle always (as `npm start` does, so the journeys test what users run), starts
 * the Rondom server on a fresh PGlite data dir with the demo region, runs every
 * journey in test/e2e/journeys/ in Chromium with an axe-core WCAG 2.1 AA check,
 * saves a screenshot of each end state to test-results/e2e/ and exits non-zero on
 * any failure. Every wait is bounded, so it never hangs.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { formatViolations, runAxe, type Journey, type JourneyContext } from './support.ts';

const CHROMIUM = '/usr/bin/chromium';
const ROOT = process.cwd();
const JOURNEY_DIR = path.resolve(ROOT, 'test/e2e/journeys');
const RESULTS_DIR = path.resolve(ROOT, 'test-results/e2e');
const SERVER_START_TIMEOUT_MS = 180_000;
const JOURNEY_TIMEOUT_MS = 120_000;
const TOTAL_TIMEOUT_MS = 20 * 60_000;
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic',
  '--no-first-run', '--disable-component-update', '--disable-sync'];

let server: ChildProcess | null = null;
let browser: Browser | null = null;
let dataDir: string | null = null;
let serverLog = '';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} took longer than ${Math.round(ms / 1000)} s`)), ms);
    }),
  ]);
}

async function waitForHealth(baseUrl: string): Promise<void> {
  const deadline = Date.now() + SERVER_START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (server?.exitCode !== null && server?.exitCode !== undefined) throw new Error(`the server stopped (exit ${server.exitCode}):\n${serverLog.slice(-2000)}`);
    try {
      const res = await fetch(`${baseUrl}/health`, { signal: AbortSignal.timeout(2000) });
      if (res.ok && serverLog.includes('Demo-logins')) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`the server did not start within ${SERVER_START_TIMEOUT_MS / 1000} s:\n${serverLog.slice(-2000)}`);
}

async function stopServer(): Promise<void> {
  const proc = server;
  server = null;
  if (!proc || proc.exitCode !== null) return;
  await new Promise<void>((resolve) => {
    const kill = setTimeout(() => { proc.kill('SIGKILL'); resolve(); }, 10_000);
    proc.once('exit', () => { clearTimeout(kill); resolve(); });
    proc.kill('SIGTERM');
  });
}

async function cleanup(): Promise<void> {
  try { await withTimeout(browser?.close() ?? Promise.resolve(), 10_000, 'closing Chromium'); } catch { /* ignore */ }
  browser = null;
  await stopServer();
  if (dataDir) {
    try { rmSync(dataDir, { recursive: true, force: true }); } catch { /* ignore */ }
    dataDir = null;
  }
}

async function loadJourneys(): Promise<Journey[]> {
  // RONDOM_E2E_ONLY=12 (or a part of a file name) runs only the matching journeys, e.g. while developing one.
  const only = process.env.RONDOM_E2E_ONLY;
  const files = readdirSync(JOURNEY_DIR).filter((f) => f.endsWith('.ts') && (!only || f.includes(only))).sort();
  const journeys: Journey[] = [];
  for (const f of files) {
    const mod = (await import(pathToFileURL(path.join(JOURNEY_DIR, f)).href)) as { name?: string; run?: Journey['run']; default?: Journey['run'] };
    const run = mod.run ?? mod.default;
    if (typeof run !== 'function') throw new Error(`${f} exports no journey function (export async function run(ctx))`);
    journeys.push({ name: mod.name ?? f.replace(/\.ts$/, ''), run });
  }
  return journeys;
}

function slug(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 80);
}

async function runJourney(b: Browser, baseUrl: string, journey: Journey, index: number): Promise<{ ok: boolean; detail: string }> {
  const contexts: BrowserContext[] = [];
  const pages: Page[] = [];
  const axeFailures: string[] = [];
  const pageErrors: string[] = [];

  const newPage = async (options: { viewport?: { width: number; height: number } } = {}) => {
    const context = await b.newContext({ viewport: options.viewport ?? { width: 1280, height: 800 }, locale: 'nl-NL' });
    context.setDefaultTimeout(15_000);
    context.setDefaultNavigationTimeout(30_000);
    contexts.push(context);
    const page = await context.newPage();
    page.on('pageerror', (err) => pageErrors.push(err.message));
    page.on('console', (msg) => {
      // A CSP violation shows up as a console error: it would mean the app breaks under the server's policy.
      if (msg.type() === 'error' && /Content Security Policy/i.test(msg.text())) pageErrors.push(msg.text());
    });
    pages.push(page);
    return page;
  };
  const axe = async (page: Page, label: string) => {
    const violations = await withTimeout(runAxe(page), 30_000, 'axe-core');
    if (violations.length) axeFailures.push(formatViolations(label, violations));
  };

  let error: unknown = null;
  try {
    const page = await newPage();
    const ctx: JourneyContext = { baseUrl, page, browser: b, newPage, axe, pages, contexts };
    await withTimeout(journey.run(ctx), JOURNEY_TIMEOUT_MS, `journey "${journey.name}"`);
    // Every journey ends with an axe check of its end state (the page used last).
    const last = pages[pages.length - 1]!;
    await axe(last, 'end state');
  } catch (err) {
    error = err;
  }

  const last = pages[pages.length - 1];
  if (last) {
    try {
      await withTimeout(last.screenshot({ path: path.join(RESULTS_DIR, `${String(index + 1).padStart(2, '0')}-${slug(journey.name)}.png`), fullPage: true }), 20_000, 'screenshot');
    } catch { /* a failed screenshot does not hide the real failure */ }
  }
  for (const c of contexts) await c.close().catch(() => undefined);

  const problems: string[] = [];
  if (error) problems.push(`  ${error instanceof Error ? error.message.split('\n').slice(0, 6).join('\n  ') : String(error)}`);
  if (axeFailures.length) problems.push(...axeFailures);
  if (pageErrors.length) problems.push(...pageErrors.map((e) => `  browser error: ${e}`));
  return { ok: problems.length === 0, detail: problems.join('\n') };
}

/** Why web/dist must be built again: it is missing, or a source file is newer (else the journeys would test old code). */
function webBuildStale(): string | null {
  const built = path.resolve(ROOT, 'web/dist/index.html');
  if (!existsSync(built)) return 'web/dist is missing';
  const builtAt = statSync(built).mtimeMs;
  const newer = (dir: string): string | null => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        const found = newer(full);
        if (found) return found;
      } else if (statSync(full).mtimeMs > builtAt) return full;
    }
    return null;
  };
  const changed = newer(path.resolve(ROOT, 'web/src')) ?? (statSync(path.resolve(ROOT, 'web/index.html')).mtimeMs > builtAt ? 'web/index.html' : null);
  return changed ? `${path.relative(ROOT, changed)} is newer than web/dist` : null;
}

async function main(): Promise<number> {
  if (!existsSync(CHROMIUM)) {
    console.error('Chromium is missing: install it with apt-get install chromium');
    return 1;
  }
  const stale = webBuildStale();
  if (stale) {
    console.log(`Building the web app (${stale})…`);
    const build = spawnSync('npx', ['vite', 'build'], { cwd: ROOT, stdio: 'inherit', timeout: 300_000 });
    if (build.status !== 0) {
      console.error('The web app did not build.');
      return 1;
    }
  }
  mkdirSync(RESULTS_DIR, { recursive: true });

  const journeys = await loadJourneys();
  // RONDOM_E2E_BASE_URL runs the journeys against a server that is already running (e.g. while developing).
  const external = process.env.RONDOM_E2E_BASE_URL;
  let baseUrl: string;
  if (external) {
    baseUrl = external.replace(/\/$/, '');
    console.log(`Using the running server at ${baseUrl}…`);
  } else {
    const port = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    const bundle = spawnSync('npm', ['run', '--silent', 'build:server'], { cwd: ROOT, stdio: 'inherit', timeout: 120_000 });
    if (bundle.status !== 0) {
      console.error('The server did not build.');
      return 1;
    }
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'rondom-e2e-'));
    server = spawn(process.execPath, ['server/dist/main.js'], {
      cwd: ROOT,
      env: {
        ...process.env, PORT: String(port), HOST: '127.0.0.1', RONDOM_DATA_DIR: dataDir, LOG_LEVEL: 'warn',
        RONDOM_LOGIN_RATE_LIMIT: '1000', RONDOM_DEMO: 'true', DATABASE_URL: '',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    server.stdout?.on('data', (d: Buffer) => { serverLog = (serverLog + d.toString()).slice(-20_000); });
    server.stderr?.on('data', (d: Buffer) => { serverLog = (serverLog + d.toString()).slice(-20_000); });
    console.log(`Starting Rondom on ${baseUrl} (PGlite in ${dataDir})…`);
    await waitForHealth(baseUrl);
  }

  browser = await withTimeout(chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, timeout: 60_000 }), 70_000, 'starting Chromium');

  let passed = 0;
  let failed = 0;
  for (const [i, journey] of journeys.entries()) {
    const started = Date.now();
    const result = await runJourney(browser, baseUrl, journey, i);
    const secs = ((Date.now() - started) / 1000).toFixed(1);
    if (result.ok) {
      passed++;
      console.log(`✓ ${journey.name} (${secs} s, axe: 0 violations)`);
    } else {
      failed++;
      console.log(`✗ ${journey.name} (${secs} s)\n${result.detail}`);
    }
  }
  console.log(`Screenshots: ${path.relative(ROOT, RESULTS_DIR)}/`);
  console.log(`${passed} passed, ${failed} failed`);
  return failed === 0 && journeys.length > 0 ? 0 : 1;
}

const guard = setTimeout(() => {
  console.error(`The browser tests took longer than ${TOTAL_TIMEOUT_MS / 60_000} minutes; stopping.`);
  void cleanup().finally(() => process.exit(1));
}, TOTAL_TIMEOUT_MS);
guard.unref();

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => { void cleanup().finally(() => process.exit(130)); });
}

main()
  .then(async (code) => {
    await cleanup();
    process.exit(code);
  })
  .catch(async (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    console.log('0 passed, 1 failed');
    await cleanup();
    process.exit(1);
  });
