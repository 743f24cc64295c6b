/**
 * Backup and restore: a portable logical dump that works for PGlite and PostgreSQL alike.
 *
 * The file is gzip-compressed JSON lines:
 *   1. a header  {format, schemaVersion, createdAt, engine, tables}
 *   2. per table, in foreign-key order, chunks {table, rows} where each row is the
 *      table's own `row_to_json` (so every type round-trips exactly through
 *      `json_populate_recordset` on restore)
 *   3. a trailer {end: true, counts} — a file without it was cut off and is refused.
 *
 * Restore runs in ONE transaction into a database that holds no data yet (rows that
 * migrations seed are replaced by the file's). Audit rows are inserted unchanged, so
 * their hash chains still verify; the append-only triggers only refuse UPDATE/DELETE,
 * so nothing has to be switched off. Sequences are set past the restored ids.
 * A file from a newer schema than this code knows is refused.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { createGunzip, createGzip } from 'node:zlib';
import type { Db, Queryable } from './db.ts';
import { currentVersion, latestVersion, loadMigrations, migrate } from './migrate.ts';

export const BACKUP_FORMAT = 'rondom-backup/1';
const CHUNK = 500;

export interface BackupHeader {
  format: string;
  schemaVersion: number;
  createdAt: string;
  engine: string;
  tables: string[];
}

export interface BackupResult {
  schemaVersion: number;
  tables: number;
  rows: number;
  counts: Record<string, number>;
}

export class BackupError extends Error {}

interface Fk { table: string; column: string; ref: string }

/**
 * Tables the database derives from the others by triggers (migrations 0009, 0011). A backup
 * leaves them out; a restore lets the triggers fill them while rows go in, and rebuilds the
 * home worklist's summaries at the end.
 */
const DERIVED_TABLES = ['network_summaries', 'leerplicht_list_versions'];

async function listTables(q: Queryable): Promise<string[]> {
  const rows = await q.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables
      WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name <> 'schema_migrations'
      ORDER BY table_name`,
  );
  return rows.map((r) => r.table_name).filter((t) => !DERIVED_TABLES.includes(t));
}

async function listForeignKeys(q: Queryable): Promise<Fk[]> {
  const rows = await q.query<{ table_name: string; column_name: string; ref: string }>(
    `SELECT tc.table_name, kcu.column_name, ccu.table_name AS ref
       FROM information_schema.table_constraints tc
       JOIN information_schema.key_column_usage kcu ON kcu.constraint_name = tc.constraint_name AND kcu.table_schema = tc.table_schema
       JOIN information_schema.constraint_column_usage ccu ON ccu.constraint_name = tc.constraint_name AND ccu.table_schema = tc.table_schema
      WHERE tc.constraint_type = 'FOREIGN KEY' AND tc.table_schema = current_schema()`,
  );
  return rows.map((r) => ({ table: r.table_name, column: r.column_name, ref: r.ref }));
}

/** Tables ordered so that every table comes after the tables it references (self-references aside). */
export function dependencyOrder(tables: string[], fks: Fk[]): string[] {
  const deps = new Map(tables.map((t) => [t, new Set<string>()]));
  for (const fk of fks) if (fk.table !== fk.ref && deps.has(fk.table) && deps.has(fk.ref)) deps.get(fk.table)!.add(fk.ref);
  const done = new Set<string>();
  const order: string[] = [];
  while (order.length < tables.length) {
    const ready = tables.filter((t) => !done.has(t) && [...deps.get(t)!].every((d) => done.has(d)));
    if (ready.length === 0) throw new BackupError(`circular foreign keys between ${tables.filter((t) => !done.has(t)).join(', ')}`);
    for (const t of ready) {
      done.add(t);
      order.push(t);
    }
  }
  return order;
}

const ident = (name: string) => {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new BackupError(`unexpected table or column name ${JSON.stringify(name)}`);
  return `"${name}"`;
};

async function orderColumns(q: Queryable, table: string): Promise<string> {
  const pk = await q.query<{ column_name: string }>(
    `SELECT kcu.column_name FROM information_schema.table_constraints tc
       JOIN information_schema.key_column_usage kcu ON kcu.constraint_name = tc.constraint_name AND kcu.table_schema = tc.table_schema
      WHERE tc.constraint_type = 'PRIMARY KEY' AND tc.table_name = $1 AND tc.table_schema = current_schema()
      ORDER BY kcu.ordinal_position`,
    [table],
  );
  return pk.length > 0 ? pk.map((c) => ident(c.column_name)).join(', ') : '1';
}

/** Writes a backup of the whole database to file. Reads in one transaction, so the snapshot is consistent. */
export async function backupTo(db: Db, file: string): Promise<BackupResult> {
  const gzip = createGzip();
  const out = createWriteStream(file, { mode: 0o600 });
  gzip.pipe(out);
  const write = async (obj: unknown) => {
    if (!gzip.write(JSON.stringify(obj) + '\n')) await once(gzip, 'drain');
  };
  const counts: Record<string, number> = {};
  const schemaVersion = await currentVersion(db);
  await db.tx(async (q) => {
    // A repeatable-read snapshot on PostgreSQL; PGlite has one connection, so it is consistent anyway.
    if (db.kind === 'postgresql') await q.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
    const tables = dependencyOrder(await listTables(q), await listForeignKeys(q));
    const header: BackupHeader = { format: BACKUP_FORMAT, schemaVersion, createdAt: new Date().toISOString(), engine: db.kind, tables };
    await write(header);
    for (const table of tables) {
      const order = await orderColumns(q, table);
      counts[table] = 0;
      for (let offset = 0; ; offset += CHUNK) {
        const rows = await q.query<{ j: unknown }>(
          `SELECT row_to_json(t) AS j FROM ${ident(table)} t ORDER BY ${order} LIMIT ${CHUNK} OFFSET ${offset}`,
        );
        if (rows.length === 0) break;
        counts[table] += rows.length;
        await write({ table, rows: rows.map((r) => (typeof r.j === 'string' ? JSON.parse(r.j) : r.j)) });
        if (rows.length < CHUNK) break;
      }
    }
  });
  await write({ end: true, counts });
  gzip.end();
  await once(out, 'finish');
  return { schemaVersion, tables: Object.keys(counts).length, rows: Object.values(counts).reduce((a, b) => a + b, 0), counts };
}

async function* readLines(file: string): AsyncGenerator<unknown> {
  const rl = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
  for await (const line of rl) if (line.trim()) yield JSON.parse(line);
}

/** Reads only the header (to check the version before touching the database). */
export async function readBackupHeader(file: string): Promise<BackupHeader> {
  for await (const first of readLines(file)) {
    const h = first as Partial<BackupHeader>;
    if (h.format !== BACKUP_FORMAT || typeof h.schemaVersion !== 'number') {
      throw new BackupError(`${file} is not a Rondom backup (expected format ${BACKUP_FORMAT}).`);
    }
    return h as BackupHeader;
  }
  throw new BackupError(`${file} is empty.`);
}

/**
 * Restores a backup into an empty database (migrated here up to the file's schema, then to the latest).
 * Refuses a file from a newer schema, a database that already holds data, and a file without its trailer.
 */
/** Citus: the size of each node's range of sequence values (a worker's start at its group id << 48). */
const CITUS_NODE_RANGE = 2n ** 48n;

export async function restoreFrom(db: Db, file: string): Promise<BackupResult> {
  let header: BackupHeader;
  try {
    header = await readBackupHeader(file);
  } catch (err) {
    if (err instanceof BackupError) throw err;
    throw new BackupError(`${file} cannot be read as a Rondom backup: ${err instanceof Error ? err.message : String(err)}`);
  }
  const latest = latestVersion();
  if (header.schemaVersion > latest) {
    throw new BackupError(
      `This backup was made with database schema version ${header.schemaVersion}, but this version of Rondom knows schema versions up to ${latest}. ` +
      'Upgrade Rondom first, then restore.',
    );
  }
  const existing = await currentVersion(db);
  if (existing > header.schemaVersion) {
    throw new BackupError(
      `The target database is already at schema version ${existing}, newer than the backup's ${header.schemaVersion}. Restore into a new, empty database.`,
    );
  }
  await migrate(db, loadMigrations().filter((m) => m.version <= header.schemaVersion));

  const counts: Record<string, number> = {};
  await db.tx(async (q) => {
    // On Citus one transaction writes reference and distributed tables by turns: Citus allows
    // that only when the distributed writes use one connection per worker.
    if (q.distributed) await q.query(`SET LOCAL citus.multi_shard_modify_mode = 'sequential'`);
    for (const t of ['users', 'young_people', 'audit_events', 'regions']) {
      const [row] = await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${ident(t)}`);
      if (Number(row!.n) > 0) throw new BackupError(`The target database already holds data (${t}). Restore only into a new, empty database.`);
    }
    const tables = await listTables(q);
    const fks = await listForeignKeys(q);
    const order = dependencyOrder(tables, fks);
    const unknown = header.tables.filter((t) => !tables.includes(t));
    if (unknown.length > 0) throw new BackupError(`The backup holds tables this schema does not have: ${unknown.join(', ')}.`);
    // Rows seeded by migrations (reference frameworks) are replaced by the file's.
    for (const t of [...order].reverse()) if (t !== 'audit_events') await q.query(`DELETE FROM ${ident(t)}`);
    const selfRefs = new Map<string, string[]>();
    // A region's self-reference is (region_id, parent): the row's own region_id is never held back.
    for (const fk of fks) {
      if (fk.table === fk.ref && fk.column !== 'region_id' && !(selfRefs.get(fk.table) ?? []).includes(fk.column)) {
        selfRefs.set(fk.table, [...(selfRefs.get(fk.table) ?? []), fk.column]);
      }
    }
    const deferred: { table: string; rows: Record<string, unknown>[] }[] = [];
    let ended = false;
    let first = true;
    for await (const line of readLines(file)) {
      if (first) {
        first = false;
        continue;
      }
      const l = line as { table?: string; rows?: Record<string, unknown>[]; end?: boolean; counts?: Record<string, number> };
      if (l.end) {
        for (const [t, n] of Object.entries(l.counts ?? {})) {
          if ((counts[t] ?? 0) !== n) throw new BackupError(`The backup is damaged: ${t} should have ${n} rows, found ${counts[t] ?? 0}.`);
        }
        ended = true;
        break;
      }
      if (!l.table || !Array.isArray(l.rows) || !tables.includes(l.table)) throw new BackupError('The backup is damaged: an unexpected line.');
      const cols = selfRefs.get(l.table) ?? [];
      // Self-references (areas.parent_id, …) are filled in after all rows of the table exist.
      const rows = cols.length === 0 ? l.rows : l.rows.map((r) => ({ ...r, ...Object.fromEntries(cols.map((c) => [c, null])) }));
      await q.query(`INSERT INTO ${ident(l.table)} SELECT * FROM json_populate_recordset(NULL::${ident(l.table)}, $1::json)`, [JSON.stringify(rows)]);
      if (cols.length > 0) deferred.push({ table: l.table, rows: l.rows });
      counts[l.table] = (counts[l.table] ?? 0) + l.rows.length;
    }
    if (!ended) throw new BackupError('The backup is incomplete (it has no end marker); nothing was restored.');
    for (const d of deferred) {
      const cols = selfRefs.get(d.table)!;
      await q.query(
        `UPDATE ${ident(d.table)} t SET ${cols.map((c) => `${ident(c)} = j.${ident(c)}`).join(', ')}
           FROM json_populate_recordset(NULL::${ident(d.table)}, $1::json) j WHERE t.id = j.id`,
        [JSON.stringify(d.rows)],
      );
    }
    if ((await q.query<{ ok: boolean }>(`SELECT to_regproc('rebuild_network_summaries') IS NOT NULL AS ok`))[0]?.ok) {
      await q.query(`SELECT rebuild_network_summaries()`);
    }
    const seqs = await q.query<{ table_name: string; column_name: string }>(
      `SELECT table_name, column_name FROM information_schema.columns
        WHERE table_schema = current_schema() AND column_default LIKE 'nextval(%'`,
    );
    for (const s of seqs) {
      const col = `${ident(s.column_name)}::bigint`;
      if (!q.distributed) {
        await q.query(
          `SELECT setval(pg_get_serial_sequence($1, $2), COALESCE((SELECT max(${col}) FROM ${ident(s.table_name)}), 0) + 1, false)`,
          [s.table_name, s.column_name],
        );
        continue;
      }
      // Citus: each node draws from its own range of a sequence (a worker's values start at its group
      // id << 48; the coordinator's, group 0, below that). Ids written on a worker (a delegated call,
      // migration 0024) are in that worker's range: each node's sequence goes past the restored ids
      // of its own range only, so no node starts handing out another node's ids.
      await q.query(
        `SELECT setval(pg_get_serial_sequence($1, $2), COALESCE((SELECT max(${col}) FROM ${ident(s.table_name)} WHERE ${col} < $3::bigint), 0) + 1, false)`,
        [s.table_name, s.column_name, CITUS_NODE_RANGE.toString()],
      );
      const [seq] = await q.query<{ name: string }>(`SELECT pg_get_serial_sequence($1, $2) AS name`, [s.table_name, s.column_name]);
      const byGroup = await q.query<{ g: number; m: string }>(
        `SELECT (${col} / $1::bigint)::int AS g, max(${col})::text AS m FROM ${ident(s.table_name)} WHERE ${col} >= $1::bigint GROUP BY 1`,
        [CITUS_NODE_RANGE.toString()]);
      for (const { g, m } of byGroup) {
        if (!/^\d+$/.test(m) || !Number.isInteger(g)) continue;
        const [r] = await q.query<{ ok: boolean; result: string }>(`SELECT bool_and(success) AS ok, string_agg(result, '; ') AS result FROM run_command_on_workers($1)`, [
          `SELECT CASE WHEN (SELECT groupid FROM pg_dist_local_group) = ${g} THEN setval('${seq!.name.replace(/'/g, "''")}', ${m}) END`]);
        if (!r?.ok) throw new Error(`restore: the workers' sequence ${seq!.name} could not be moved past the restored ids: ${r?.result}`);
      }
    }
  });
  await migrate(db);
  return { schemaVersion: header.schemaVersion, tables: header.tables.length, rows: Object.values(counts).reduce((a, b) => a + b, 0), counts };
}
