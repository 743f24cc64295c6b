/**
 * An installation from before the distribution keys upgrades without losing anything.
 *
 * The demo region as the code of commit 8949eba wrote it (schema version 17; test/fixtures,
 * data only) is loaded into a database migrated to version 17. Then today's migrate() runs:
 * migration 0018 rewrites every key, and on a Citus cluster the distribution step moves every
 * row into its shards. Afterwards every row of every table is still there with the same values
 * (compared column by column, the renamed audit column under its new name), the derived
 * worklist rows equal their definition again, and every audit hash chain still verifies.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAudit } from '../../server/core/audit-verify.ts';
import type { Db } from '../../server/core/db.ts';
import { isCitus } from '../../server/core/distribute.ts';
import { loadMigrations, migrate } from '../../server/core/migrate.ts';
import { TABLE_PLACEMENT } from '../../server/core/placement.ts';
import { freshDb } from '../helpers.ts';

const DUMP = new URL('../fixtures/demo-schema17.sql.gz', import.meta.url);
/** Columns that 0018 renamed: old name → new name. */
const RENAMED: Record<string, Record<string, string>> = { audit_events: { region_id: 'about_region_id' } };
/** Derived tables: rebuilt from their sources, compared with their definition instead. */
const DERIVED = ['network_summaries', 'leerplicht_list_versions'];

let db: Db;
let drop: () => Promise<void>;
let before: Map<string, { columns: string[]; rows: number; digest: string }>;

async function tableColumns(table: string): Promise<string[]> {
  return (await db.query<{ c: string }>(
    `SELECT column_name AS c FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 ORDER BY column_name`, [table])).map((r) => r.c);
}

/** Row count and a digest of the rows over the given columns, independent of row order and storage. */
async function fingerprint(table: string, columns: string[]): Promise<{ rows: number; digest: string }> {
  const list = columns.map((c) => `t.${c}`).join(', ');
  const [r] = await db.query<{ n: number; d: string | null }>(
    `SELECT count(*)::int AS n, md5(string_agg(x, E'\\n' ORDER BY x)) AS d
       FROM (SELECT json_build_array(${list})::text AS x FROM ${table} t) s`);
  return { rows: r!.n, digest: r!.d ?? '' };
}

beforeAll(async () => {
  ({ db, drop } = await freshDb());
  await migrate(db, loadMigrations().filter((m) => m.version <= 17), { distribute: false });
  const sql = gunzipSync(readFileSync(DUMP)).toString('utf8');
  // As pg_restore --disable-triggers would: the dump's own order of tables, with triggers and
  // foreign-key checks held off while it loads; the derived worklist rows are rebuilt after.
  await db.tx(async (q) => {
    await q.query(`SET LOCAL session_replication_role = replica`);
    // The shipped frameworks come with the migrations, and are in the dump as well.
    for (const t of ['partnership_framework_items', 'partnership_framework_elements', 'partnership_frameworks']) await q.query(`DELETE FROM ${t}`);
    await q.exec(sql);
  });
  await db.query(`SELECT rebuild_network_summaries()`);
  before = new Map();
  for (const t of Object.keys(TABLE_PLACEMENT)) {
    if (DERIVED.includes(t) || t === 'schema_migrations') continue;
    const exists = (await tableColumns(t)).length > 0;
    if (!exists) continue;
    const columns = await tableColumns(t);
    before.set(t, { columns, ...(await fingerprint(t, columns)) });
  }
}, 300_000);
afterAll(async () => drop());

describe('upgrading a single-server installation with the demo region', () => {
  it('loads the old demo (the fixture is not empty)', () => {
    expect(before.get('young_people')!.rows).toBeGreaterThan(50);
    expect(before.get('audit_events')!.rows).toBeGreaterThan(500);
    expect(before.get('partnerships')!.rows).toBeGreaterThan(0);
  });

  it('keeps every row and every value, the worklist rows and the audit chains through 0018 (and, on Citus, the distribution)', async () => {
    const applied = await migrate(db);
    expect(applied).toContain('0018_distribution_keys');
    if (db.kind === 'postgresql' && (await isCitus(db))) {
      const [n] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM citus_tables WHERE citus_table_type = 'distributed'`);
      expect(n!.n).toBe(Object.values(TABLE_PLACEMENT).filter((p) => p === 'distributed').length);
    }
    const changed: string[] = [];
    for (const [t, b] of before) {
      const renamed = RENAMED[t] ?? {};
      const now = await tableColumns(t);
      const columns = b.columns.map((c) => renamed[c] ?? c);
      expect(columns.filter((c) => !now.includes(c)), `${t}: columns gone`).toEqual([]);
      const after = await fingerprint(t, columns);
      if (after.rows !== b.rows || after.digest !== b.digest) changed.push(`${t}: ${b.rows} rows before, ${after.rows} after${after.rows === b.rows ? ' (values differ)' : ''}`);
    }
    expect(changed).toEqual([]);
    // The audit log's new region_id is where each chain lives: a child's chain in the child's region.
    const misplaced = await db.query(
      `SELECT e.id FROM audit_events e WHERE e.chain_key LIKE 'yp:%' AND NOT EXISTS
         (SELECT 1 FROM young_people y WHERE y.region_id = e.region_id AND y.id = e.young_person_id)`);
    expect(misplaced).toEqual([]);
    const diff = await db.query(
      `SELECT count(*)::int AS n FROM ((SELECT * FROM network_summaries EXCEPT SELECT * FROM network_summary_source)
         UNION ALL (SELECT * FROM network_summary_source EXCEPT SELECT * FROM network_summaries)) d`);
    expect(diff).toEqual([{ n: 0 }]);
    const verified = await verifyAudit(db);
    expect(verified.problems).toEqual([]);
    expect(verified.ok).toBe(true);
  }, 300_000);
});
