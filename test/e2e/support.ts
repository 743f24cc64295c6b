/**
 * Shared helpers for the browser journeys: the context each journey gets, logging
 * in as a demo user, the axe-core check and small waits with bounded timeouts.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';

export const DEMO_PASSWORD = 'Rondom-demo-2026';
export const demoEmail = (key: string) => `${key}@demo.rondom.example`;
export const AXE_PATH = path.resolve('node_modules/axe-core/axe.min.js');
export const STEP_TIMEOUT_MS = 15_000;

export interface JourneyContext {
  baseUrl: string;
  /** The journey's main page (1280×800 unless the journey opens another). */
  page: Page;
  browser: Browser;
  /** Opens a page in a fresh browser context (own cookies), e.g. a phone viewport or a second user. */
  newPage: (options?: { viewport?: { width: number; height: number } }) => Promise<Page>;
  /** Runs axe-core on a page now; violations fail the journey at its end. */
  axe: (page: Page, label: string) => Promise<void>;
  /** Pages the runner checks with axe and screenshots at the end (the last one is the end state). */
  pages: Page[];
  contexts: BrowserContext[];
}

export interface Journey {
  name: string;
  run: (ctx: JourneyContext) => Promise<void>;
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

let axeSource: string | null = null;

/**
 * Injects axe-core and runs the WCAG 2.1 A/AA rules; returns the violations.
 * page.addScriptTag({ path }) inserts an inline <script>, which the server's CSP
 * (script-src 'self') rightly blocks; turning the CSP off for the tests would hide
 * real CSP bugs in the app. So the same file is evaluated through the DevTools
 * protocol, which the page's CSP does not govern.
 */
export async function runAxe(page: Page): Promise<AxeViolation[]> {
  const injected = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== 'undefined');
  if (!injected) {
    axeSource ??= readFileSync(AXE_PATH, 'utf8');
    await page.evaluate(axeSource);
  }
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: unknown) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const res = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return res.violations.map((v) => ({
      id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
    }));
  });
}

export function formatViolations(label: string, violations: AxeViolation[]): string {
  return violations
    .map((v) => `  axe [${label}] ${v.id} (${v.impact ?? 'n/a'}): ${v.help}\n` + v.nodes.map((n) => `      at ${n.target.join(' ')}`).join('\n'))
    .join('\n');
}

/** Logs in through the login form (mouse-free: fills and presses Enter). */
export async function login(page: Page, baseUrl: string, key: string): Promise<void> {
  await page.goto(`${baseUrl}/`, { waitUntil: 'domcontentloaded' });
  await page.getByLabel(/^(E-mailadres|Email address)$/).fill(demoEmail(key));
  await page.getByLabel(/^(Wachtwoord|Password)$/).fill(DEMO_PASSWORD);
  await page.getByLabel(/^(Wachtwoord|Password)$/).press('Enter');
  await page.getByRole('button', { name: /Uitloggen|Log out/ }).waitFor({ timeout: STEP_TIMEOUT_MS });
}

/** Fails with a readable message when the condition is false. */
export function expect(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

/** The focused element has a visible focus indicator (outline or box-shadow). */
export async function focusIsVisible(page: Page): Promise<{ visible: boolean; description: string }> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { visible: false, description: 'nothing focused' };
    const s = getComputedStyle(el);
    const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
    const shadow = s.boxShadow !== 'none' && s.boxShadow !== '';
    const desc = `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''} "${(el.textContent ?? '').trim().slice(0, 40)}"`;
    return { visible: outline || shadow, description: desc };
  });
}

interface FocusInfo { tag: string; text: string; label: string; type: string }

/**
 * Presses Tab (or Shift+Tab) until the focused element matches, checking that focus
 * is visible on every stop. Passing the end of the page wraps around through the
 * document itself (nothing focused), which is allowed.
 */
export async function tabTo(page: Page, matches: (info: FocusInfo) => boolean, maxTabs = 40, options: { backwards?: boolean } = {}): Promise<void> {
  for (let i = 0; i < maxTabs; i++) {
    await page.keyboard.press(options.backwards ? 'Shift+Tab' : 'Tab');
    const info = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      const label = el && 'labels' in el && (el as HTMLInputElement).labels?.[0]?.textContent ? (el as HTMLInputElement).labels![0]!.textContent! : el?.getAttribute('aria-label') ?? '';
      return { tag: el?.tagName.toLowerCase() ?? '', text: (el?.textContent ?? '').trim(), label: label.trim(), type: (el as HTMLInputElement | null)?.type ?? '' };
    });
    if (info.tag === 'body' || info.tag === '') continue;
    const focus = await focusIsVisible(page);
    expect(focus.visible, `focus is not visible on ${focus.description}`);
    if (matches(info)) return;
  }
  throw new Error(`did not reach the wanted element within ${maxTabs} tab presses`);
}

/** On a focused <select>: presses ArrowDown/ArrowUp until the chosen option's text matches. */
export async function chooseWithKeyboard(page: Page, option: RegExp, maxPresses = 40): Promise<void> {
  const selected = () => page.evaluate(() => {
    const el = document.activeElement as HTMLSelectElement | null;
    return el && el.tagName === 'SELECT' ? el.options[el.selectedIndex]?.text ?? '' : null;
  });
  const first = await selected();
  expect(first !== null, 'a select has focus');
  if (option.test(first!)) return;
  await page.keyboard.press('Home');
  for (let i = 0; i < maxPresses; i++) {
    const now = await selected();
    if (now !== null && option.test(now)) return;
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`no option matching ${option} in the focused select`);
}

/** Logs in against the API (for test set-up only, e.g. to look up a birth date). */
export async function apiGet<T>(baseUrl: string, key: string, path: string): Promise<T> {
  const login = await fetch(`${baseUrl}/api/v1/session`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: demoEmail(key), password: DEMO_PASSWORD }),
    signal: AbortSignal.timeout(STEP_TIMEOUT_MS),
  });
  expect(login.ok, `API login as ${key} failed (${login.status})`);
  const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const res = await fetch(`${baseUrl}${path}`, { headers: { cookie, accept: 'application/json' }, signal: AbortSignal.timeout(STEP_TIMEOUT_MS) });
  expect(res.ok, `GET ${path} as ${key} failed (${res.status})`);
  return (await res.json()) as T;
}

/** A logged-in API session for test set-up (data a journey needs before its browser steps). */
export interface ApiSession {
  get: <T>(path: string) => Promise<T>;
  /** POSTs JSON; answers the status and body (a refusal is not thrown, so a journey can check it). */
  post: <T>(path: string, body: unknown) => Promise<{ status: number; body: T }>;
}

export async function apiSession(baseUrl: string, key: string): Promise<ApiSession> {
  const login = await fetch(`${baseUrl}/api/v1/session`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: demoEmail(key), password: DEMO_PASSWORD }),
    signal: AbortSignal.timeout(STEP_TIMEOUT_MS),
  });
  expect(login.ok, `API login as ${key} failed (${login.status})`);
  const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  return {
    async get<T>(path: string) {
      const res = await fetch(`${baseUrl}${path}`, { headers: { cookie, accept: 'application/json' }, signal: AbortSignal.timeout(STEP_TIMEOUT_MS) });
      expect(res.ok, `GET ${path} as ${key} failed (${res.status})`);
      return (await res.json()) as T;
    },
    async post<T>(path: string, body: unknown) {
      const res = await fetch(`${baseUrl}${path}`, {
        method: 'POST', headers: { cookie, accept: 'application/json', 'content-type': 'application/json', 'x-csrf-token': csrfToken },
        body: JSON.stringify(body), signal: AbortSignal.timeout(STEP_TIMEOUT_MS),
      });
      const text = await res.text();
      return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
    },
  };
}

/**
 * A parent or young person confirms, in the browser, every consent a professional recorded on their
 * behalf for this child ("Klopt, ik geef toestemming"): consent recorded for someone counts only then.
 * Waits for at least one to confirm; answers how many were confirmed.
 */
export async function confirmConsentsInBrowser(page: Page, baseUrl: string, key: string, childId: string): Promise<number> {
  await login(page, baseUrl, key);
  await page.goto(`${baseUrl}/children/${childId}/sharing`, { waitUntil: 'domcontentloaded' });
  await page.getByRole('heading', { level: 3, name: 'Toestemming' }).waitFor();
  let confirmed = 0;
  const button = page.getByRole('button', { name: 'Klopt, ik geef toestemming' });
  await button.first().waitFor();
  for (let i = 0; i < 20 && (await button.count()) > 0; i++) {
    const before = await button.count();
    await button.first().click();
    await page.getByText(/^U heeft de toestemming voor .+ bevestigd\.$/).waitFor();
    const deadline = Date.now() + STEP_TIMEOUT_MS;
    while ((await button.count()) >= before) {
      expect(Date.now() < deadline, 'the confirmed consent is no longer waiting');
      await page.waitForTimeout(100);
    }
    confirmed++;
  }
  return confirmed;
}
