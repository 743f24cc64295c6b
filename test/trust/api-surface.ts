/**
 * The API surface for the trust suites, read from the running app's OpenAPI document so
 * that new routes are picked up automatically: the list of routes, a valid sample request
 * for each (from its JSON schemas), and a fingerprint of the database that changes on any
 * write (row counts, versions, and audit events other than access.denied).
 */
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import type { Db } from '../../server/core/db.ts';

export interface JsonSchema {
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  minItems?: number;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  pattern?: string;
  nullable?: boolean;
  minProperties?: number;
}

export interface Param { name: string; in: 'path' | 'query' | 'header'; required?: boolean; schema: JsonSchema }

export interface Route {
  method: string;
  path: string;
  /** "METHOD /path" as in the OpenAPI document. */
  key: string;
  params: Param[];
  body?: JsonSchema;
  bodyRequired: boolean;
}

export async function loadRoutes(app: FastifyInstance): Promise<Route[]> {
  const res = await app.inject({ method: 'GET', url: '/api/openapi.json' });
  const doc = res.json() as { paths: Record<string, Record<string, { parameters?: Param[]; requestBody?: { required?: boolean; content?: Record<string, { schema: JsonSchema }> } }>> };
  const routes: Route[] = [];
  for (const [p, ops] of Object.entries(doc.paths)) {
    for (const [m, op] of Object.entries(ops)) {
      const method = m.toUpperCase();
      routes.push({
        method, path: p, key: `${method} ${p}`, params: op.parameters ?? [],
        body: op.requestBody?.content?.['application/json']?.schema, bodyRequired: Boolean(op.requestBody?.required),
      });
    }
  }
  return routes;
}

/** Values to use for uuid fields, by field name (falls back to `fallback`). */
export type IdHints = Record<string, string>;

/** A value that satisfies the schema: required fields only, smallest valid values. */
export function sample(schema: JsonSchema | undefined, name = '', hints: IdHints = {}): unknown {
  if (!schema) return undefined;
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum.find((v) => v !== null);
  const alt = schema.anyOf ?? schema.oneOf;
  if (alt) return sample(alt.find((s) => s.type !== 'null' && !(s.enum && s.enum.every((v) => v === null))) ?? alt[0], name, hints);
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      const keys = new Set(schema.required ?? []);
      // Optional ids we can fill with real values are sent too (they often decide what a request is about).
      for (const [k, v] of Object.entries(schema.properties ?? {})) if (hints[k] && v.format === 'uuid') keys.add(k);
      if ((schema.minProperties ?? 0) > keys.size) for (const k of Object.keys(schema.properties ?? {}).slice(0, schema.minProperties)) keys.add(k);
      for (const k of keys) out[k] = sample(schema.properties?.[k], k, hints);
      return out;
    }
    case 'array':
      return Array.from({ length: schema.minItems ?? 0 }, () => sample(schema.items, name, hints));
    case 'integer':
    case 'number':
      return Math.max(schema.minimum ?? 1, 1);
    case 'boolean':
      return false;
    case 'string': {
      if (schema.format === 'uuid') return hints[name] ?? hints['*'] ?? '00000000-0000-4000-8000-000000000000';
      if (schema.format === 'date') return new Date(Date.now() + 86400_000).toISOString().slice(0, 10);
      if (schema.format === 'date-time') return new Date().toISOString();
      if (schema.format === 'email') return `trust-${Math.random().toString(36).slice(2, 8)}@test.example`;
      if (schema.pattern) {
        const re = new RegExp(schema.pattern);
        const found = PATTERN_CANDIDATES().find((c) => re.test(c));
        if (found) return found;
      }
      const min = Math.max(schema.minLength ?? 1, 1);
      return 'Proef tekst trust suite'.padEnd(min, 'x').slice(0, schema.maxLength ?? 10_000);
    }
    default:
      return undefined;
  }
}

const PATTERN_CANDIDATES = () => [
  `trust-${Math.random().toString(36).slice(2, 8)}`, '123456', '2026-01-01', '2026-Q1', '2026-01', '2026', 'Q1', 'a1', 'g1', 'AB', '1',
];

/** Fills a path like /api/v1/children/{childId} from values by parameter name. */
export function fillPath(path: string, values: Record<string, string>): string {
  return path.replace(/\{(\w+)\}/g, (_, n: string) => encodeURIComponent(values[n] ?? '00000000-0000-4000-8000-000000000000'));
}

let fingerprintSql: string | undefined;
/**
 * One number per table that changes on any insert, delete or versioned update, plus the
 * audit events that are not denied attempts (every real read and write of child data is
 * audited, so an allowed operation always changes this).
 */
export async function fingerprint(db: Db): Promise<Record<string, number>> {
  if (db.distributed) return citusFingerprint(db);
  if (!fingerprintSql) {
    const tables = await db.query<{ table_name: string; has_version: boolean }>(
      `SELECT t.table_name, EXISTS (SELECT 1 FROM information_schema.columns c WHERE c.table_schema = t.table_schema AND c.table_name = t.table_name AND c.column_name = 'version') AS has_version
         FROM information_schema.tables t WHERE t.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
          AND t.table_name NOT IN ('audit_events', 'audit_chains', 'sessions', 'login_throttle', 'schema_migrations')
        ORDER BY t.table_name`);
    const parts = tables.map((t) => `SELECT '${t.table_name}' AS k, (SELECT count(*)${t.has_version ? ' + coalesce(sum(version), 0)' : ''} FROM "${t.table_name}")::bigint AS n`);
    parts.push(`SELECT 'audit_events(allowed)' AS k, (SELECT count(*) FROM audit_events WHERE kind <> 'access.denied' AND kind NOT LIKE 'auth.%')::bigint AS n`);
    fingerprintSql = parts.join(' UNION ALL ');
  }
  const rows = await db.query<{ k: string; n: number }>(fingerprintSql);
  return Object.fromEntries(rows.map((r) => [r.k, Number(r.n)]));
}

export function diff(a: Record<string, number>, b: Record<string, number>): string[] {
  return Object.keys(a).filter((k) => Number(a[k]) !== Number(b[k])).map((k) => `${k}: ${a[k]} → ${b[k]}`);
}

/**
 * The same numbers on Citus. There the UNION of one count per table is one distributed subplan
 * per table, run one after another (seconds per fingerprint, and the matrix takes thousands):
 * instead each worker counts the shards it holds in one statement, over a connection of its
 * own, and the coordinator counts the reference and local tables; the sums are the same numbers.
 */
interface CitusPlan { coordinatorSql: string; workers: { url: string; sql: string }[] }
const citusPlans = new Map<string, CitusPlan>();
const workerClients = new Map<string, pg.Client>();

async function citusFingerprint(db: Db): Promise<Record<string, number>> {
  const [{ d } = { d: '' }] = await db.query<{ d: string }>(`SELECT current_database() AS d`);
  let plan = citusPlans.get(d);
  if (!plan) {
    const tables = await db.query<{ table_name: string; has_version: boolean; kind: string | null }>(
      `SELECT t.table_name, EXISTS (SELECT 1 FROM information_schema.columns c WHERE c.table_schema = t.table_schema AND c.table_name = t.table_name AND c.column_name = 'version') AS has_version,
              (SELECT ct.citus_table_type FROM citus_tables ct WHERE ct.table_name::text = t.table_name) AS kind
         FROM information_schema.tables t WHERE t.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
          AND t.table_name NOT IN ('audit_chains', 'sessions', 'login_throttle', 'schema_migrations')
        ORDER BY t.table_name`);
    const expr = (t: { table_name: string; has_version: boolean }, rel: string) => t.table_name === 'audit_events'
      ? `SELECT 'audit_events(allowed)' AS k, (SELECT count(*) FROM ${rel} WHERE kind <> 'access.denied' AND kind NOT LIKE 'auth.%')::bigint AS n`
      : `SELECT '${t.table_name}' AS k, (SELECT count(*)${t.has_version ? ' + coalesce(sum(version), 0)' : ''} FROM ${rel})::bigint AS n`;
    const coordinatorSql = tables.filter((t) => t.kind !== 'distributed').map((t) => expr(t, `"${t.table_name}"`)).join(' UNION ALL ');
    const shards = await db.query<{ t: string; shard: string; host: string; port: number }>(
      `SELECT s.logicalrelid::regclass::text AS t, s.logicalrelid::regclass::text || '_' || s.shardid AS shard, n.nodename AS host, n.nodeport AS port
         FROM pg_dist_shard s JOIN pg_dist_placement p USING (shardid) JOIN pg_dist_node n ON n.groupid = p.groupid
        WHERE s.logicalrelid IN (SELECT table_name FROM citus_tables WHERE citus_table_type = 'distributed')`);
    const byNode = new Map<string, string[]>();
    for (const sh of shards) {
      const t = tables.find((x) => x.table_name === sh.t);
      if (!t) continue;
      const u = new URL(process.env.DATABASE_URL!);
      u.hostname = sh.host;
      u.port = String(sh.port);
      u.pathname = `/${d}`;
      byNode.set(u.toString(), [...(byNode.get(u.toString()) ?? []), expr(t, `"${sh.shard}"`)]);
    }
    plan = { coordinatorSql, workers: [...byNode].map(([url, parts]) => ({ url, sql: parts.join(' UNION ALL ') })) };
    citusPlans.set(d, plan);
  }
  const out: Record<string, number> = {};
  const add = (rows: { k: string; n: number | string }[]) => { for (const r of rows) out[r.k] = (out[r.k] ?? 0) + Number(r.n); };
  add(await db.query<{ k: string; n: number }>(plan.coordinatorSql));
  for (const w of plan.workers) {
    let c = workerClients.get(w.url);
    if (!c) {
      c = new pg.Client({ connectionString: w.url });
      c.on('error', () => undefined);
      await c.connect();
      workerClients.set(w.url, c);
    }
    add((await c.query<{ k: string; n: string }>(w.sql)).rows);
  }
  return out;
}

/** Ends the workers' connections the Citus fingerprint opened (call before the test database is dropped). */
export async function closeFingerprints(): Promise<void> {
  for (const c of workerClients.values()) await c.end().catch(() => undefined);
  workerClients.clear();
  citusPlans.clear();
}
