/**
 * Fuzzing the API: for every route in the OpenAPI document, malformed requests — wrong
 * types, missing and extra fields, huge strings, Unicode edge cases, SQL and HTML
 * injection, path traversal and non-uuid ids, negative and overflowing numbers, bodies
 * that are not objects or not JSON — sent as the lead professional (full access to the
 * child) and as the platform admin. Never a 5xx; every error carries a stable code from
 * server/core/errors.ts; a refused request writes nothing.
 *
 * Then every id a route takes (path parameters and uuid fields in the body, also inside
 * lists and nested objects) is sent as an id that exists in ANOTHER region (its
 * organisation, school, gemeente, user, young person) or in this region but of the wrong
 * kind: never a 5xx, a stable code, and nothing written when refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, makeOrg, makeRegion, makeUser, type TestApp } from '../helpers.ts';
import { bornYearsAgo, insertChild } from '../kindkring-fixture.ts';
import { diff, fillPath, fingerprint, loadRoutes, sample, type JsonSchema, type Route, closeFingerprints } from './api-surface.ts';
import { buildWorld, type World } from './matrix-setup.ts';
import { errorBody, type ErrorCode } from '../../server/core/errors.ts';

const CODES = new Set<string>([
  'validation_failed', 'invalid_json', 'unsupported_media_type', 'payload_too_large', 'not_found', 'unauthenticated', 'forbidden',
  'csrf_failed', 'invalid_credentials', 'totp_required', 'invalid_totp', 'too_many_attempts', 'rate_limited', 'conflict',
  'version_required', 'already_exists', 'invalid_bsn', 'weak_password', 'unprocessable', 'no_basis', 'method_not_allowed',
  'sensitive_term', 'invalid_reference', 'duplicate', 'invalid_value',
] satisfies ErrorCode[]);
void errorBody;

const NASTY_STRINGS = [
  '', ' ', 'x'.repeat(100_000), "' OR '1'='1", "'; DROP TABLE young_people; --", 'Robert"); DELETE FROM users;--', '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>', '../../etc/passwd', '..%2F..%2Fetc%2Fpasswd', '\u0000', 'a\u0000b', '\ud800', '\udfff\ud800', '\u202eevil',
  'zero\u200bwidth', '👨‍👩‍👧‍👦🧒🏽', 'Ｆｕｌｌｗｉｄｔｈ', 'e\u0301\u0301\u0301', '${7*7}{{7*7}}', '%s%n%x', '\\', '\r\n\r\nX-Injected: 1', 'NaN', '-1',
  '99999999999999999999999', '2026-02-30', '0000-00-00', '00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-ffff-ffff-ffffffffffff',
];
const NASTY_VALUES: unknown[] = [
  null, true, 0, -1, 2 ** 63, -(2 ** 63), 1e308, 1.5, Number.MAX_SAFE_INTEGER + 2, [], {}, [null], { $gt: '' }, { __proto__: { admin: true } },
  'NaN', 'Infinity', ...NASTY_STRINGS,
];
const NASTY_IDS = ['../../etc/passwd', '..%2f..%2f', "1' OR '1'='1", '-1', '0', '99999999999999999999', 'NaN', 'null', '%00', '%E2%80%AE', 'x'.repeat(3000),
  '00000000-0000-0000-0000-000000000000', '<script>', '😀'];

let t: TestApp;
let w: World;
let routes: Route[];
const stats = { requests: 0, accepted: 0, refused: 0 };
const crossStats = { requests: 0, accepted: 0, refused: 0 };
/** Ids of a second region (its own organisation, school, gemeente, young person and user). */
let other: { regionId: string; orgId: string; schoolId: string; areaId: string; childId: string; userId: string };

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.app, t.db);
  routes = (await loadRoutes(t.app)).filter((r) => r.key !== 'DELETE /api/v1/session');
  const regionId = await makeRegion(t.db);
  const orgId = await makeOrg(t.db, regionId, 'wijkteam');
  const schoolId = await makeOrg(t.db, regionId, 'school');
  const [area] = await t.db.query<{ id: string }>(`INSERT INTO areas (region_id, kind, name) VALUES ($1, 'gemeente', 'Verweg') RETURNING id`, [regionId]);
  const userId = (await makeUser(t.db, { regionId, name: 'Vera Verweg', memberships: [{ organisationId: orgId, role: 'youth_care_professional' }] })).id;
  const childId = await insertChild(t.db, regionId, { given: 'Vik', family: 'Verweg', birthDate: bornYearsAgo(10), schoolId });
  other = { regionId, orgId, schoolId, areaId: area!.id, childId, userId };
});
afterAll(async () => {
  await closeFingerprints();
  console.log(`[trust] fuzzing (${t.db.kind}): ${stats.requests} malformed requests over ${routes.length} routes — ` +
    `${stats.refused} refused with a stable code and no write, ${stats.accepted} accepted as valid input; 0 server errors`);
  console.log(`[trust] ids of another region or of the wrong kind (${t.db.kind}): ${crossStats.requests} requests — ` +
    `${crossStats.refused} refused with a stable code and no write, ${crossStats.accepted} accepted; 0 server errors`);
  await t.close();
});

interface Req { url: string; payload?: unknown; rawBody?: string; contentType?: string; query?: Record<string, string>; what: string; field?: string; id?: string }

function mutations(route: Route, rng: () => number): Req[] {
  const base = (sample(route.body, '', w.hints) ?? undefined) as Record<string, unknown> | undefined;
  const values = Object.fromEntries(route.params.filter((p) => p.in === 'path').map((p) => [p.name, w.params[p.name] ?? String(sample(p.schema, p.name, w.hints))]));
  const url = fillPath(route.path, values);
  const out: Req[] = [];
  const pick = <T>(xs: T[], n: number) => [...xs].sort(() => rng() - 0.5).slice(0, n);
  for (const p of route.params.filter((x) => x.in === 'path')) {
    for (const bad of pick(NASTY_IDS, 5)) out.push({ url: fillPath(route.path, { ...values, [p.name]: bad }).replace(encodeURIComponent(bad), bad.startsWith('%') || bad.includes('/') ? bad : encodeURIComponent(bad)), payload: base, what: `path ${p.name}=${bad.slice(0, 30)}` });
  }
  for (const p of route.params.filter((x) => x.in === 'query')) {
    for (const bad of pick(NASTY_STRINGS.filter((s) => s.length < 5000), 3)) out.push({ url, payload: base, query: { [p.name]: bad }, what: `query ${p.name}` });
  }
  out.push({ url, payload: base, query: { unknownParam: "' OR 1=1 --" }, what: 'unknown query parameter' });
  if (route.method !== 'GET') {
    out.push({ url, rawBody: '{"broken": ', contentType: 'application/json', what: 'invalid JSON' });
    out.push({ url, rawBody: 'a=1&b=2', contentType: 'application/x-www-form-urlencoded', what: 'form body' });
    out.push({ url, rawBody: JSON.stringify({ pad: 'x'.repeat(300 * 1024) }), contentType: 'application/json', what: 'body over 256 KiB' });
    for (const v of [[], 'string', 42, null]) out.push({ url, payload: v, what: `body ${JSON.stringify(v)}` });
    if (route.body) {
      out.push({ url, payload: {}, what: 'empty object' });
      out.push({ url, payload: { ...base, extraField: '<b>x</b>', isPlatformAdmin: true }, what: 'extra fields' });
      const props = Object.entries(route.body.properties ?? {}) as [string, JsonSchema][];
      for (const [name] of pick(props, 4)) {
        const without = { ...base };
        delete without[name];
        if ((route.body.required ?? []).includes(name)) out.push({ url, payload: without, what: `missing ${name}` });
        for (const v of pick(NASTY_VALUES, 4)) out.push({ url, payload: { ...base, [name]: v }, what: `${name}=${String(JSON.stringify(v)).slice(0, 30)}` });
      }
    }
  }
  return out;
}

// On Citus every fingerprint after a request reads each table's shards: the same 6,000 requests take several
// times longer there (the stage is marked by RONDOM_CITUS_SHARD_COUNT in .ci/run). A timeout, not fewer requests.
const FUZZ_TIMEOUT_MS = process.env.RONDOM_CITUS_SHARD_COUNT ? 1_500_000 : 400_000;

describe('fuzzing every route', () => {
  it('never answers 5xx, always with a stable error code, and refused requests write nothing', async () => {
    const failures: string[] = [];
    const rng = mulberry(Number(process.env.TRUST_SEED ?? 20260));
    for (const who of ['lead', 'admin'] as const) {
      const session = w.sessions[who]!;
      let fp = await fingerprint(t.db);
      for (const route of routes) {
        for (const m of mutations(route, rng)) {
          const headers: Record<string, string> = { cookie: session.cookie, 'x-csrf-token': session.csrf, 'if-match': '"1"' };
          if (m.contentType) headers['content-type'] = m.contentType;
          const res = await t.app.inject({
            method: route.method as 'GET', url: m.url, query: m.query, headers,
            ...(m.rawBody !== undefined ? { body: m.rawBody } : route.method !== 'GET' && m.payload !== undefined ? { payload: m.payload as object } : {}),
          });
          stats.requests++;
          const label = `${who} ${route.key} [${m.what}] → ${res.statusCode}`;
          if (res.statusCode >= 400) {
            stats.refused++;
            fp = await checkRefusal(label, res, fp, failures);
          } else {
            stats.accepted++;
            fp = await fingerprint(t.db); // accepted input may write (and reads are audited)
          }
          // A fuzzed logout or break-the-glass must not change who the next request is.
          await t.db.query(`UPDATE break_glass_grants SET expires_at = now() - interval '1 minute' WHERE expires_at > now()`);
        }
      }
    }
    expect(failures.slice(0, 40)).toEqual([]);
    expect(stats.requests).toBeGreaterThan(2000);
  }, FUZZ_TIMEOUT_MS);
});

/**
 * Ids to try in a field: ids of the other region, and of this region but of another kind
 * (a wijkteam where a school is meant, a parent where a professional is meant, a young
 * person where an organisation is meant).
 */
function foreignIds(name: string): string[] {
  return [UNKNOWN_ID, ...kindIds(name)];
}

/** A well-formed id that points at nothing. */
const UNKNOWN_ID = '7c1d2e3f-4a5b-4c6d-8e7f-0123456789ab';

/**
 * Writes that still take an id of another region (or an unknown one), as "METHOD /path field".
 * Each is a service another change owns; remove the line when its check lands.
 */
const KNOWN_OPEN = new Set([
  // A platform admin works across regions: creating an organisation or user in another region is their job.
  'POST /api/v1/admin/organisations regionId', 'POST /api/v1/admin/users regionId',
]);

function kindIds(name: string): string[] {
  const n = name.toLowerCase();
  const { f } = w;
  if (/school|organisation|provider|payer|swv|recipient/.test(n)) return [other.orgId, other.schoolId, f.org.jgz, f.org.wijkteam2, other.childId];
  if (/gemeente|wijk|area/.test(n)) return [other.areaId, f.org.school, other.childId];
  if (/user|person|owner|chair|consenter|lead|deputy/.test(n) && !/young/.test(n)) return [other.userId, f.user.mum.id, f.user.outsider.id, other.orgId];
  if (/region/.test(n)) return [other.regionId, other.orgId];
  if (/young|child/.test(n)) return [other.childId, other.userId];
  return [other.orgId, other.areaId, other.userId, other.childId];
}

/** Where a body holds uuids: top-level fields, lists of uuids, fields of objects in lists, fields of nested objects. */
function uuidSlots(schema: JsonSchema | undefined): { name: string; set: (base: Record<string, unknown>, id: string) => Record<string, unknown> }[] {
  const out: { name: string; set: (base: Record<string, unknown>, id: string) => Record<string, unknown> }[] = [];
  const unwrap = (x: JsonSchema): JsonSchema => (x.anyOf ?? x.oneOf)?.find((a) => a.type !== 'null') ?? x;
  for (const [k, raw] of Object.entries(schema?.properties ?? {})) {
    const p = unwrap(raw);
    if (p.type === 'string' && p.format === 'uuid') out.push({ name: k, set: (b, id) => ({ ...b, [k]: id }) });
    else if (p.type === 'array' && p.items) {
      const item = unwrap(p.items);
      if (item.type === 'string' && item.format === 'uuid') out.push({ name: k, set: (b, id) => ({ ...b, [k]: [id] }) });
      else if (item.type === 'object') {
        for (const [ik, iraw] of Object.entries(item.properties ?? {})) {
          const ip = unwrap(iraw);
          if (ip.type === 'string' && ip.format === 'uuid') {
            out.push({ name: ik, set: (b, id) => ({ ...b, [k]: [{ ...(sample(item, k, w.hints) as object), [ik]: id }] }) });
          }
        }
      }
    } else if (p.type === 'object') {
      for (const [ik, iraw] of Object.entries(p.properties ?? {})) {
        const ip = unwrap(iraw);
        if (ip.type === 'string' && ip.format === 'uuid') {
          out.push({ name: ik, set: (b, id) => ({ ...b, [k]: { ...((b[k] as object | undefined) ?? (sample(p, k, w.hints) as object)), [ik]: id } }) });
        }
      }
    }
  }
  return out;
}

/** Optional fields a route needs to get as far as its id checks (the schema alone does not say). */
const BASE_EXTRAS: Record<string, Record<string, unknown>> = {
  'POST /api/v1/children/{childId}/meetings': { chairName: 'Voorzitter' },
};

function crossRegion(route: Route): Req[] {
  const sampled = (sample(route.body, '', w.hints) ?? undefined) as Record<string, unknown> | undefined;
  const base = sampled && typeof sampled === 'object' ? { ...sampled, ...BASE_EXTRAS[route.key] } : sampled;
  const pathParams = route.params.filter((p) => p.in === 'path');
  const values = Object.fromEntries(pathParams.map((p) => [p.name, w.params[p.name] ?? String(sample(p.schema, p.name, w.hints))]));
  const url = fillPath(route.path, values);
  const out: Req[] = [];
  for (const p of pathParams) {
    if (p.schema.format !== 'uuid') continue;
    for (const id of foreignIds(p.name)) out.push({ url: fillPath(route.path, { ...values, [p.name]: id }), payload: base, what: `path ${p.name}=foreign ${id.slice(0, 8)}`, field: p.name, id });
  }
  for (const p of route.params.filter((x) => x.in === 'query' && x.schema.format === 'uuid')) {
    for (const id of foreignIds(p.name)) out.push({ url, payload: base, query: { [p.name]: id }, what: `query ${p.name}=foreign ${id.slice(0, 8)}`, field: p.name, id });
  }
  if (route.method !== 'GET' && base && typeof base === 'object') {
    for (const slot of uuidSlots(route.body)) {
      for (const id of foreignIds(slot.name)) out.push({ url, payload: slot.set(base, id), what: `${slot.name}=foreign ${id.slice(0, 8)}`, field: slot.name, id });
    }
  }
  return out;
}

describe('ids of another region or of the wrong kind', () => {
  it('never answer 5xx, always with a stable error code, and refused requests write nothing', async () => {
    const failures: string[] = [];
    const accepted: string[] = [];
    const linked = new Set<string>();
    const otherRegion = new Set([...Object.values(other), UNKNOWN_ID]);
    for (const who of ['lead', 'admin'] as const) {
      const session = w.sessions[who]!;
      let fp = await fingerprint(t.db);
      for (const route of routes) {
        for (const m of crossRegion(route)) {
          const res = await t.app.inject({
            method: route.method as 'GET', url: m.url, query: m.query,
            headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, 'if-match': '"1"' },
            ...(route.method !== 'GET' && m.payload !== undefined ? { payload: m.payload as object } : {}),
          });
          crossStats.requests++;
          const label = `${who} ${route.key} [${m.what}] → ${res.statusCode}`;
          if (res.statusCode >= 400) {
            crossStats.refused++;
            fp = await checkRefusal(label, res, fp, failures);
          } else {
            crossStats.accepted++;
            if (route.method !== 'GET') accepted.push(label);
            // A write that took an id of another region, or one that points at nothing.
            if (route.method !== 'GET' && m.id && otherRegion.has(m.id)) linked.add(`${route.key} ${m.field}`);
            fp = await fingerprint(t.db);
          }
          await t.db.query(`UPDATE break_glass_grants SET expires_at = now() - interval '1 minute' WHERE expires_at > now()`);
        }
      }
    }
    // Writes that took an id of another region or of the wrong kind: listed for review (the services' own checks).
    if (process.env.TRUST_VERBOSE) console.log(`[trust] accepted foreign ids:\n${accepted.join('\n')}`);
    expect(failures.slice(0, 40)).toEqual([]);
    expect([...linked].filter((k) => !KNOWN_OPEN.has(k))).toEqual([]);
    expect(crossStats.requests).toBeGreaterThan(300);
  }, FUZZ_TIMEOUT_MS);
});

/**
 * A refused request: never a 5xx, always a stable error code, and nothing written (the database
 * fingerprint unchanged). Returns the fingerprint to compare the next request with.
 */
async function checkRefusal(label: string, res: { statusCode: number; body: string; json: () => unknown }, fp: Awaited<ReturnType<typeof fingerprint>>, failures: string[]) {
  if (res.statusCode >= 500) failures.push(`${label} ${res.body.slice(0, 300)}`);
  let code: string | undefined;
  try {
    code = (res.json() as { error?: { code?: string } }).error?.code;
  } catch {
    code = undefined;
  }
  if (!code || !CODES.has(code)) failures.push(`${label}: no stable error code in ${res.body.slice(0, 200)}`);
  const now = await fingerprint(t.db);
  const changed = diff(fp, now);
  if (changed.length > 0) failures.push(`${label}: refused but wrote ${changed.join('; ')}`);
  return now;
}

function mulberry(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = a;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}
