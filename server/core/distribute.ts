/**
 * The distribution step: turns a migrated database on a Citus cluster into reference and
 * distributed tables as server/core/placement.ts says. migrate() runs it after the migrations
 * whenever the citus extension is installed, so `rondom migrate` (and every start) on Citus
 * leaves every table in its place; on plain PostgreSQL and PGlite it does nothing.
 *
 * It is safe to run again: a table already in its place is skipped, so a later migration's new
 * table is placed by the next start. A database that already holds data (an upgraded
 * single-server installation moved onto Citus) is distributed the same way: Citus copies each
 * table's rows into its shards in the same call, and the local copy is then emptied.
 *
 * Triggers. Citus refuses triggers on distributed tables unless citus.enable_unsafe_triggers is
 * on. Ours are safe in the sense Citus asks for: each one writes only rows of its own row's
 * region (network_summaries, leerplicht_list_versions: co-located, so the write happens in the
 * shard next to it, on the same worker, in the same transaction), or refuses a change
 * (the append-only audit log), or sends a NOTICE from the coordinator only (migration 0018).
 * The setting is made for the database, so a new worker session has it too.
 */
import type { Db, Queryable } from './db.ts';
import { COLOCATION_ANCHOR, DISTRIBUTION_COLUMN, TABLE_PLACEMENT } from './placement.ts';

/** Our SQL functions used inside statements that run on a shard (not only in triggers, which Citus propagates itself). */
const SHARD_FUNCTIONS = ['rondom_sha256_hex(text)',
  'audit_append_batch(text[], text[], text[], timestamptz[], uuid[], uuid[], uuid[], text[], text[], uuid[], text[], text[], text[], jsonb[], uuid[])'];
/**
 * Functions Citus sends whole to the worker that holds their first argument's region (co-located
 * with the audit log): their statements then run on that worker's shards (migration 0024).
 */
const DELEGATED_FUNCTIONS = ['audit_append_region(uuid, text[], text[], text[], timestamptz[], uuid[], uuid[], uuid[], text[], text[], uuid[], text[], text[], text[], jsonb[], uuid[])'];

export async function isCitus(q: Queryable): Promise<boolean> {
  const rows = await q.query<{ ok: boolean }>(`SELECT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'citus') AS ok`);
  return rows[0]?.ok === true;
}

export interface DistributeReport {
  reference: string[];
  distributed: string[];
}

/** Shards per distributed table: RONDOM_CITUS_SHARD_COUNT, else Citus's own default (32). */
function shardCount(): number | undefined {
  const v = Number(process.env.RONDOM_CITUS_SHARD_COUNT);
  return Number.isInteger(v) && v > 0 ? v : undefined;
}

/** Places every table of a Citus database (see the file comment). Throws for a table with no declared place. */
export async function distribute(db: Db): Promise<DistributeReport> {
  if (db.kind !== 'postgresql' || !(await isCitus(db))) return { reference: [], distributed: [] };
  const report = await db.tx((q) => placeTables(q));
  if (report.reference.length + report.distributed.length > 0) {
    const dbName = (await db.query<{ d: string }>(`SELECT current_database() AS d`))[0]!.d;
    await db.query(`ALTER DATABASE ${quoteIdent(dbName)} SET citus.enable_unsafe_triggers = on`);
    // A statement that joins two regions' tables on something other than region_id still gets
    // its answer (Citus repartitions), only slower; the hot paths are held to one shard by
    // test/trust/citus-router.int.test.ts, not by this setting.
    await db.query(`ALTER DATABASE ${quoteIdent(dbName)} SET citus.enable_repartition_joins = on`);
    // Rows copied into shards leave an invisible local copy behind; remove it (the audit log's
    // own guard refuses TRUNCATE, so it is held off for this one statement, on the local copy only).
    for (const t of [...report.reference, ...report.distributed]) {
      await db.tx(async (q) => {
        await q.query(`SET LOCAL citus.enable_unsafe_triggers = on`);
        if (t === 'audit_events') await q.query(`ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_truncate`);
        await q.query(`SELECT truncate_local_data_after_distributing_table($1)`, [t]);
        if (t === 'audit_events') await q.query(`ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_truncate`);
      });
    }
  }
  return report;
}

/**
 * Places the tables that have no place yet, and our functions, inside the caller's transaction.
 * distribute() calls it; so does migrate() on a database that is already distributed, at each
 * `-- rondom:place-tables` line of a migration (a new table is placed before its foreign keys
 * to distributed and reference tables are added: Citus refuses them on a plain table).
 */
export async function placeTables(q: Queryable): Promise<DistributeReport> {
  const report: DistributeReport = { reference: [], distributed: [] };
  const tables = (await q.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') ORDER BY 1`)).map((r) => r.name);
  const unplaced = tables.filter((t) => !(t in TABLE_PLACEMENT));
  if (unplaced.length > 0) throw new Error(`tables without a place in server/core/placement.ts: ${unplaced.join(', ')}`);

  // pg_dist_partition, not the citus_tables view: that view asks every node for the shards' sizes,
  // which waits forever on the locks this transaction holds (inside a migration). A new table with
  // a foreign key to a reference table is already a "Citus local table" (method n, model s): that
  // is not its place yet, and create_distributed_table takes it from there.
  const rows = await q.query<{ name: string; method: string; model: string }>(
    `SELECT logicalrelid::regclass::text AS name, partmethod AS method, repmodel AS model FROM pg_dist_partition`);
  const placedAs = new Map(rows.map((r) => [r.name, r.method === 'h' ? 'distributed' : r.model === 't' ? 'reference' : 'local']));
  const placed = { has: (t: string) => placedAs.get(t) === TABLE_PLACEMENT[t] };
  // Foreign keys between our tables: a table is placed after the tables it refers to.
  const fks = await q.query<{ t: string; ref: string }>(
    `SELECT DISTINCT conrelid::regclass::text AS t, confrelid::regclass::text AS ref FROM pg_constraint
      WHERE contype = 'f' AND connamespace = 'public'::regnamespace AND conrelid <> confrelid`);
  const order = (kind: 'reference' | 'distributed'): string[] => {
    // The co-location anchor goes first: every other distributed table is co-located with it.
    const todo = tables.filter((t) => TABLE_PLACEMENT[t] === kind && !placed.has(t))
      .sort((a, b) => Number(b === COLOCATION_ANCHOR) - Number(a === COLOCATION_ANCHOR));
    const out: string[] = [];
    while (todo.length > 0) {
      const i = todo.findIndex((t) => fks.every((f) => f.t !== t || !todo.includes(f.ref)));
      if (i < 0) throw new Error(`foreign keys form a cycle among: ${todo.join(', ')}`);
      out.push(...todo.splice(i, 1));
    }
    return out;
  };

  {
    await q.query(`SET LOCAL citus.enable_unsafe_triggers = on`);
    await q.query(`SET LOCAL citus.multi_shard_modify_mode = 'sequential'`);

    const n = shardCount();
    if (n) await q.query(`SELECT set_config('citus.shard_count', $1, true)`, [String(n)]);
    for (const t of order('reference')) {
      await q.query(`SELECT create_reference_table($1)`, [t])
        .catch((err: Error) => { throw new Error(`making ${t} a reference table: ${err.message}`); });
      report.reference.push(t);
    }
    // Citus distributes a table only when no local table refers to it, so the foreign keys between
    // the tables to distribute are set aside, the tables distributed, and the keys put back (Citus
    // checks them again, shard by shard: they hold within each region, migration 0018).
    const toDistribute = order('distributed');
    const between = await q.query<{ t: string; name: string; def: string }>(
      `SELECT conrelid::regclass::text AS t, conname AS name, pg_get_constraintdef(oid) AS def FROM pg_constraint
        WHERE contype = 'f' AND conrelid::regclass::text = ANY($1) AND confrelid::regclass::text = ANY($1)`, [toDistribute]);
    for (const f of between) await q.query(`ALTER TABLE ${quoteIdent(f.t)} DROP CONSTRAINT ${quoteIdent(f.name)}`);
    // Moving rows into shards is not a change: our triggers (derived rows, version numbers) must
    // not fire for the copies, so they are off while the rows move, and on again after.
    for (const t of toDistribute) await q.query(`ALTER TABLE ${quoteIdent(t)} DISABLE TRIGGER USER`);
    for (const t of toDistribute) {
      const colocate = t === COLOCATION_ANCHOR ? 'none' : COLOCATION_ANCHOR;
      await q.query(`SELECT create_distributed_table($1, $2, colocate_with => $3)`, [t, DISTRIBUTION_COLUMN, colocate])
        .catch((err: Error) => { throw new Error(`distributing ${t}: ${err.message}`); });
      report.distributed.push(t);
    }
    for (const t of toDistribute) await q.query(`ALTER TABLE ${quoteIdent(t)} ENABLE TRIGGER USER`);
    for (const f of between) await q.query(`ALTER TABLE ${quoteIdent(f.t)} ADD CONSTRAINT ${quoteIdent(f.name)} ${f.def}`);
    // Functions that statements on the shards call must exist on the workers too.
    for (const fn of SHARD_FUNCTIONS) {
      const known = await q.query(`SELECT 1 FROM pg_dist_object WHERE objid = $1::regprocedure`, [fn]);
      if (known.length === 0) await q.query(`SELECT create_distributed_function($1)`, [fn]);
    }
    for (const fn of DELEGATED_FUNCTIONS) {
      // Absent in a database migrated only part of the way (its migration places it on the next run).
      if (!(await q.query<{ ok: boolean }>(`SELECT to_regprocedure($1) IS NOT NULL AS ok`, [fn]))[0]?.ok) continue;
      const known = await q.query(`SELECT 1 FROM pg_dist_object WHERE objid = $1::regprocedure AND distribution_argument_index IS NOT NULL`, [fn]);
      if (known.length === 0) await q.query(`SELECT create_distributed_function($1, '$1', colocate_with => 'audit_events')`, [fn]);
    }
  }
  return report;
}

function quoteIdent(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}
