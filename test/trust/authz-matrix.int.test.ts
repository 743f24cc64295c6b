/**
 * Authorization matrix: every route in the OpenAPI document × every role → allow or deny.
 * A route missing from the table, or a table entry for a route that no longer exists,
 * fails the test. A denied request must answer 401/403/404 with the right code, never
 * a 2xx, and must not write anything (database fingerprint unchanged apart from the
 * access.denied audit event). Child data: a caller who may not see the child gets 404.
 *
 * Outcomes:
 *  - 'allow'  passed authorization: a 2xx, or a 4xx business/validation code (409, 422, 400)
 *             that can only come after the access check; never 401/403/404-not_found.
 *  - 'pass'   authenticated and not refused for the role: like 'allow', but a 404 is accepted
 *             because the sub-resource id in the path is a placeholder (documented per route).
 *  - '401'    not logged in: 401 unauthenticated.
 *  - '404'    the resource does not exist for this caller: 404 not_found.
 *  - '403'    the caller sees the resource but may not do this: 403 forbidden.
 *  - 'deny'   403 forbidden or 404 not_found.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, type TestApp } from '../helpers.ts';
import { diff, fillPath, fingerprint, loadRoutes, sample, type Route, closeFingerprints } from './api-surface.ts';
import { buildWorld, ROLES, type MatrixRole, type World } from './matrix-setup.ts';
import { MATRIX, type Outcome } from './authz-table.ts';

let t: TestApp;
let w: World;
let routes: Route[];

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.app, t.db);
  routes = await loadRoutes(t.app);
});
afterAll(async () => {
  await closeFingerprints();
  await t.close();
});

function classify(status: number, code: string | undefined): string {
  if (status < 400) return 'allow';
  if (status === 401 && code === 'unauthenticated') return '401';
  if (status === 403 && code === 'forbidden') return '403';
  if (status === 404 && code === 'not_found') return '404';
  return `allow(${status} ${code})`;
}

function matches(expected: Outcome, got: string): boolean {
  switch (expected) {
    case 'allow': return got.startsWith('allow');
    case 'pass': return got.startsWith('allow') || got === '404';
    case 'deny': return got === '403' || got === '404';
    default: return got === expected;
  }
}

describe('authorization matrix', () => {
  it('covers exactly the routes in the OpenAPI document', () => {
    const keys = routes.map((r) => r.key);
    const missing = keys.filter((k) => !(k in MATRIX));
    const stale = Object.keys(MATRIX).filter((k) => !keys.includes(k));
    expect(missing, `routes without a row in test/trust/authz-table.ts: ${missing.join(', ')}`).toEqual([]);
    expect(stale, `rows in test/trust/authz-table.ts for routes that no longer exist: ${stale.join(', ')}`).toEqual([]);
  });

  it('every route × role answers as the table says, and denied requests write nothing', async () => {
    const failures: string[] = [];
    const actual: Record<string, Record<string, string>> = {};
    let requests = 0;
    // Logging out is done last, so the other rows keep their sessions.
    const ordered = [...routes].sort((a, b) => Number(a.key === 'DELETE /api/v1/session') - Number(b.key === 'DELETE /api/v1/session'));
    for (const route of ordered) {
      const row = MATRIX[route.key] ?? (process.env.TRUST_MATRIX_PRINT ? Object.fromEntries(ROLES.map((r) => [r, 'pass'])) as Record<MatrixRole, Outcome> : undefined);
      if (!row) continue;
      actual[route.key] = {};
      const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
      const values = Object.fromEntries(route.params.filter((p) => p.in === 'path').map((p) => {
        const v = w.params[p.name];
        return [p.name, v && (p.schema.format !== 'uuid' || UUID.test(v)) ? v : String(sample(p.schema, p.name, {}))];
      }));
      const url = fillPath(route.path, values);
      const query = Object.fromEntries(route.params.filter((p) => p.in === 'query' && p.required).map((p) => [p.name, String(sample(p.schema, p.name, w.hints))]));
      for (const role of ROLES) {
        const expected = row[role];
        const denied = !['allow', 'pass'].includes(expected);
        const before = denied ? await fingerprint(t.db) : {};
        const res = await as(t.app, w.sessions[role])({
          method: route.method as 'GET', url, query,
          headers: { 'if-match': '"1"' },
          ...(route.body ? { payload: sample(route.body, '', w.hints) as object } : {}),
        });
        requests++;
        const code = res.headers['content-type']?.toString().includes('json') && res.statusCode >= 400 ? (res.json() as { error?: { code?: string } }).error?.code : undefined;
        const got = classify(res.statusCode, code);
        actual[route.key]![role] = got;
        if (res.statusCode >= 500) failures.push(`${route.key} as ${role}: ${res.statusCode} ${res.body.slice(0, 200)}`);
        if (!matches(expected, got)) failures.push(`${route.key} as ${role}: expected ${expected}, got ${got}`);
        if (denied) {
          const changed = diff(before, await fingerprint(t.db));
          if (changed.length > 0) failures.push(`${route.key} as ${role}: denied but wrote ${changed.join('; ')}`);
        }
        // Break-the-glass is open to every case professional by design; end such grants so they do not leak into later rows.
        if (route.key === 'POST /api/v1/break-glass') await t.db.query(`UPDATE break_glass_grants SET expires_at = now() - interval '1 minute' WHERE expires_at > now()`);
      }
    }
    if (process.env.TRUST_MATRIX_PRINT) console.log(JSON.stringify(actual, null, 0).replaceAll('},"', '},\n"'));
    console.log(`[trust] authorization matrix (${t.db.kind}): ${routes.length} routes × ${ROLES.length} roles = ${requests} requests`);
    expect(failures).toEqual([]);
  }, 300_000);
});

export type { MatrixRole };
