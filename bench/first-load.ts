/**
 * Scenario (f), first load on a phone (issue 18): a browser opens Rondom with an empty cache on
 * Chrome DevTools' "Slow 4G" (562.5 ms latency, 1.44 Mbit/s down, 675 kbit/s up) with the CPU
 * slowed 4×, and we time until the login form is on screen. Targets: the form visible ≤ 2.0 s,
 * the JavaScript the login page loads ≤ 120 kB as sent (compressed). A second visit in the same
 * browser shows what the immutable cache saves.
 *
 * The server is the normal build (bench/server.ts, web/dist built first), on an empty PGlite
 * database: the login page needs no data. Chromium is Debian's (/usr/bin/chromium).
 */
import { spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type CDPSession, type Page } from 'playwright-core';

const CHROMIUM = '/usr/bin/chromium';

/** Chrome DevTools' "Slow 4G" preset (front_end/core/sdk/NetworkManager.ts), in bytes per second. */
export const SLOW_4G = { latency: 150 * 3.75, downloadThroughput: ((1.6 * 1000 * 1000) / 8) * 0.9, uploadThroughput: ((750 * 1000) / 8) * 0.9 };
export const CPU_SLOWDOWN = 4;
export const TARGET = { formVisibleMs: 2000, initialJsKb: 120 };

export interface LoadSample {
  /** From navigation start until the login form's e-mail field was painted. */
  formVisibleMs: number;
  firstContentfulPaintMs: number | null;
  /**
   * When the last of those scripts had arrived: the network's share. What follows until the form
   * is painted is CPU (parse, run, render), which the 4× slowdown multiplies with the machine's own load.
   */
  scriptsArrivedMs: number;
  /** The JavaScript that had arrived when the form was painted (compressed, as sent). */
  jsBeforeFormBytes: number;
  /** Bytes on the wire by resource type (compressed as sent), and how many requests. */
  bytes: Record<string, number>;
  requests: number;
}

export interface FirstLoadResult {
  id: 'f';
  label: string;
  network: typeof SLOW_4G & { cpuSlowdown: number };
  cold: LoadSample[];
  repeat: LoadSample[];
  median: { coldFormVisibleMs: number; repeatFormVisibleMs: number };
  initialJsKb: number;
  initialCssKb: number;
  target: typeof TARGET;
  pass: boolean;
  misses: string[];
}

// Runs in the page before its scripts: notes when the e-mail field first appears, then waits for
// the frame after it so the time is when it was painted, not only inserted.
const FORM_WATCH = `(() => {
  const seen = () => document.querySelector('input[type="email"]');
  const mark = () => requestAnimationFrame(() => setTimeout(() => { window.__rondomFormVisible = performance.now(); }, 0));
  const observer = new MutationObserver(() => { if (seen()) { observer.disconnect(); mark(); } });
  observer.observe(document, { childList: true, subtree: true });
})();`;

async function throttle(page: Page): Promise<CDPSession> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, ...SLOW_4G, connectionType: 'cellular4g' });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  return cdp;
}

async function visit(page: Page, cdp: CDPSession, url: string): Promise<LoadSample> {
  const types = new Map<string, string>();
  const bytes: Record<string, number> = {};
  let requests = 0;
  const onResponse = (e: { requestId: string; type?: string }) => types.set(e.requestId, e.type ?? 'Other');
  const onFinished = (e: { requestId: string; encodedDataLength: number }) => {
    const type = types.get(e.requestId) ?? 'Other';
    bytes[type] = (bytes[type] ?? 0) + e.encodedDataLength;
    requests++;
  };
  cdp.on('Network.responseReceived', onResponse);
  cdp.on('Network.loadingFinished', onFinished);
  try {
    await page.goto(url, { waitUntil: 'commit', timeout: 60_000 });
    await page.waitForFunction(() => typeof (window as { __rondomFormVisible?: number }).__rondomFormVisible === 'number', undefined, { timeout: 60_000, polling: 100 });
    // Let the requests started by then finish, so their bytes count.
    await page.waitForLoadState('networkidle', { timeout: 30_000 }).catch(() => undefined);
    const times = await page.evaluate(() => {
      const form = (window as { __rondomFormVisible?: number }).__rondomFormVisible!;
      // What the login page waited for: scripts that had arrived when the form was painted (as sent, headers included).
      const scripts = (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
        .filter((r) => new URL(r.name).pathname.endsWith('.js') && r.responseEnd <= form);
      return {
        form, fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
        jsBeforeForm: scripts.reduce((n, r) => n + r.transferSize, 0), scriptsArrived: Math.max(0, ...scripts.map((r) => r.responseEnd)),
      };
    });
    return {
      formVisibleMs: Math.round(times.form), firstContentfulPaintMs: times.fcp === null ? null : Math.round(times.fcp),
      scriptsArrivedMs: Math.round(times.scriptsArrived), jsBeforeFormBytes: times.jsBeforeForm, bytes, requests,
    };
  } finally {
    cdp.off('Network.responseReceived', onResponse);
    cdp.off('Network.loadingFinished', onFinished);
  }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

export interface ServerControl {
  start: (env: Record<string, string>) => Promise<{ child: ChildProcess; port: number }>;
  stop: (child: ChildProcess) => Promise<void>;
}

/** Builds the web app, starts the server on it and measures `runs` cold and repeat visits of the login page. */
export async function firstLoad(root: string, server: ServerControl, runs: number): Promise<FirstLoadResult | { id: 'f'; skipped: string }> {
  if (!existsSync(CHROMIUM)) return { id: 'f', skipped: 'skipped (no /usr/bin/chromium: apt-get install chromium)' };
  console.log('\n== (f) first load on a phone: Slow 4G, CPU 4× slower, empty cache');
  const built = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit', timeout: 300_000 });
  if (built.status !== 0) throw new Error('the web app did not build');
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'rondom-bench-web-'));
  let child: ChildProcess | undefined;
  let browser: Browser | undefined;
  try {
    const started = await server.start({ RONDOM_DATA_DIR: dataDir, DATABASE_URL: '', BENCH_WEB_DIST: path.join(root, 'web/dist') });
    child = started.child;
    const url = `http://127.0.0.1:${started.port}/`;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'] });
    const cold: LoadSample[] = [];
    const repeat: LoadSample[] = [];
    for (let i = 0; i < runs; i++) {
      // A phone-sized window, a new profile (empty cache) per run; then the same page again in it.
      const context = await browser.newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'nl-NL' });
      try {
        await context.addInitScript(FORM_WATCH);
        const page = await context.newPage();
        const cdp = await throttle(page);
        const c = await visit(page, cdp, url);
        const r = await visit(page, cdp, url);
        cold.push(c);
        repeat.push(r);
        console.log(`  run ${i + 1}: login form visible after ${c.formVisibleMs} ms, its scripts arrived at ${c.scriptsArrivedMs} ms (repeat visit ${r.formVisibleMs} ms); ` +
          `JS before the form ${(c.jsBeforeFormBytes / 1000).toFixed(1)} kB; sent in all ${Object.entries(c.bytes).map(([k, v]) => `${k} ${(v / 1000).toFixed(1)} kB`).join(', ')} in ${c.requests} requests`);
      } finally {
        await context.close();
      }
    }
    const initialJsKb = Math.round(median(cold.map((s) => s.jsBeforeFormBytes)) / 100) / 10;
    const initialCssKb = Math.round(median(cold.map((s) => s.bytes.Stylesheet ?? 0)) / 100) / 10;
    const m = { coldFormVisibleMs: median(cold.map((s) => s.formVisibleMs)), repeatFormVisibleMs: median(repeat.map((s) => s.formVisibleMs)) };
    const misses: string[] = [];
    if (!(m.coldFormVisibleMs <= TARGET.formVisibleMs)) misses.push(`form visible ${m.coldFormVisibleMs} > ${TARGET.formVisibleMs} ms`);
    if (!(initialJsKb <= TARGET.initialJsKb)) misses.push(`initial JS ${initialJsKb} > ${TARGET.initialJsKb} kB`);
    return {
      id: 'f', label: '(f) first load, login page, Slow 4G + 4× CPU', network: { ...SLOW_4G, cpuSlowdown: CPU_SLOWDOWN }, cold, repeat, median: m,
      initialJsKb, initialCssKb, target: TARGET, pass: misses.length === 0, misses,
    };
  } finally {
    await browser?.close().catch(() => undefined);
    if (child) await server.stop(child);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The table row(s) for the summary. */
export function firstLoadTable(r: FirstLoadResult): string {
  const rows = [
    ['scenario', 'form visible (median, cold)', 'scripts arrived', 'repeat visit', 'first paint', 'JS before form', 'CSS sent', 'target', 'result'],
    [r.label, `${r.median.coldFormVisibleMs} ms`, `${median(r.cold.map((s) => s.scriptsArrivedMs))} ms`, `${r.median.repeatFormVisibleMs} ms`,
      `${median(r.cold.map((s) => s.firstContentfulPaintMs ?? NaN))} ms`, `${r.initialJsKb} kB`, `${r.initialCssKb} kB`,
      `≤${TARGET.formVisibleMs} ms, JS ≤${TARGET.initialJsKb} kB`, r.pass ? 'pass' : `FAIL: ${r.misses.join('; ')}`],
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  const line = (row: string[]) => `| ${row.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(rows[0]!), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, line(rows[1]!)].join('\n');
}
