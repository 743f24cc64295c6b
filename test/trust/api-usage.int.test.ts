/**
 * Every operation of the API is used by the web app or listed, with a reason, as API-only
 * (test/trust/api-only.ts); and every call the web app makes reaches an operation that exists.
 * The web app's calls are read from its source (web-api-calls.ts: path literals in api.get/post/…
 * calls, links, and paths bound to a name used as one).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers.ts';
import { loadRoutes, type Route } from './api-surface.ts';
import { API_ONLY } from './api-only.ts';
import { operationOf, webApiCalls, type WebCalls } from './web-api-calls.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
let t: TestApp;
let routes: Route[];
let operations: string[];
let web: WebCalls;

beforeAll(async () => {
  t = await createTestApp();
  routes = await loadRoutes(t.app);
  operations = routes.map((r) => r.key);
  web = webApiCalls(root);
});
afterAll(async () => t.close());

describe('one contract: the API and the web app', () => {
  it('finds the method of every API path in web/src', () => {
    const lines = web.unresolved.map((u) => `  ${u.at}: ${u.path} (pass the path literally to api.get/post/put/patch/del, or bind it to a name used as api.<method>(name, …))`);
    expect(lines, `API paths in web/src whose method the scan cannot tell:\n${lines.join('\n')}`).toEqual([]);
  });

  it('every call the web app makes reaches an operation of the API', () => {
    const lines = web.calls.filter((c) => !operationOf(c, operations))
      .map((c) => `  ${c.at}: ${c.method} ${c.path} is not in the OpenAPI document (a wrong path or method, or a route that was removed)`);
    expect(lines, `web/src calls operations the server does not have:\n${lines.join('\n')}`).toEqual([]);
  });

  it('every field the web app sends in a body is one the operation accepts', () => {
    // Bodies are strict (unknown fields are refused with 400); a body written as an object literal is checked here.
    const lines: string[] = [];
    for (const c of web.calls) {
      const op = operationOf(c, operations);
      const route = routes.find((r) => r.key === op);
      if (!c.bodyFields || !route) continue;
      const accepted = Object.keys(route.body?.properties ?? {});
      const unknown = c.bodyFields.filter((f) => !accepted.includes(f));
      if (unknown.length) lines.push(`  ${c.at}: ${op} does not accept ${unknown.join(', ')} (it accepts ${accepted.join(', ') || 'no body fields'})`);
    }
    expect(lines, `web/src sends fields the server refuses:\n${lines.join('\n')}`).toEqual([]);
  });

  it('every operation is used by the web app or listed as API-only with a reason', () => {
    const used = new Map<string, string>();
    for (const c of web.calls) {
      const op = operationOf(c, operations);
      if (op && !used.has(op)) used.set(op, c.at);
    }
    const unused = operations.filter((op) => !used.has(op) && !(op in API_ONLY))
      .map((op) => `  '${op}': '<why it has no screen>',`);
    expect(unused, `operations no screen uses and test/trust/api-only.ts does not list:\n${unused.join('\n')}\n` +
      'Call each from the web app (api.get/post/… with the path in web/src), or add it to API_ONLY in test/trust/api-only.ts ' +
      'with the reason it has no screen (the rondom CLI, a machine integration, admin-only API).').toEqual([]);

    const usedAfterAll = Object.keys(API_ONLY).filter((op) => used.has(op))
      .map((op) => `  '${op}' is called at ${used.get(op)}`);
    expect(usedAfterAll, `rows in test/trust/api-only.ts for operations the web app calls (remove them):\n${usedAfterAll.join('\n')}`).toEqual([]);

    const stale = Object.keys(API_ONLY).filter((op) => !operations.includes(op)).map((op) => `  '${op}'`);
    expect(stale, `rows in test/trust/api-only.ts for operations that no longer exist (remove them):\n${stale.join('\n')}`).toEqual([]);

    const noReason = Object.entries(API_ONLY).filter(([, why]) => why.trim().length < 10).map(([op]) => `  '${op}'`);
    expect(noReason, `rows in test/trust/api-only.ts without a reason:\n${noReason.join('\n')}`).toEqual([]);
  });
});
