/**
 * Forward-only, numbered plain-SQL migrations (server/migrations/NNNN_name.sql).
 * Each file runs in its own transaction together with its row in schema_migrations,
 * so a failing file leaves nothing behind and stops start-up.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Db } from './db.ts';
import { distribute, isCitus, placeTables } from './distribute.ts';
import { SERVER_DIR } from './files.ts';

export const MIGRATIONS_DIR = path.join(SERVER_DIR, 'migrations');

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/**
 * A line in a migration after which, on an already distributed Citus database, the tables created
 * so far are placed (a comment everywhere else). A new table's foreign keys go after it.
 */
export const PLACE_TABLES = /^--\s*rondom:place-tables\s*$/m;

/**
 * The statements of a migration, split at the semicolons that end them (not inside quotes,
 * quoted names, comments or dollar-quoted bodies). Statements that are only comments are dropped.
 */
export function splitStatements(sql: string): string[] {
  const out: string[] = [];
  let start = 0;
  let i = 0;
  let code = false; // the current statement has more than whitespace and comments
  const push = (end: number) => {
    if (code) out.push(sql.slice(start, end).trim());
    start = end + 1;
    code = false;
  };
  while (i < sql.length) {
    const c = sql[i]!;
    const next = sql[i + 1];
    if (c === '-' && next === '-') {
      const nl = sql.indexOf('\n', i);
      i = nl < 0 ? sql.length : nl + 1;
    } else if (c === '/' && next === '*') {
      let depth = 1;
      i += 2;
      while (i < sql.length && depth > 0) {
        if (sql.startsWith('/*', i)) { depth++; i += 2; } else if (sql.startsWith('*/', i)) { depth--; i += 2; } else i++;
      }
    } else if (c === "'" || c === '"') {
      code = true;
      i++;
      while (i < sql.length) {
        if (sql[i] === c && sql[i + 1] === c) i += 2;
        else if (sql[i] === c) { i++; break; } else i++;
      }
    } else if (c === '$' && /^\$[A-Za-z_]*\$/.test(sql.slice(i, i + 64)) && !/[A-Za-z0-9_]/.test(sql[i - 1] ?? '')) {
      code = true;
      const tag = /^\$[A-Za-z_]*\$/.exec(sql.slice(i, i + 64))![0];
      const end = sql.indexOf(tag, i + tag.length);
      i = end < 0 ? sql.length : end + tag.length;
    } else if (c === ';') {
      push(i);
      i++;
    } else {
      if (!/\s/.test(c)) code = true;
      i++;
    }
  }
  push(sql.length);
  return out;
}

export function loadMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((f) => ({ version: Number(f.slice(0, 4)), name: f.replace(/\.sql$/, ''), sql: readFileSync(path.join(dir, f), 'utf8') }));
}

/** The newest schema version this code knows. */
export function latestVersion(dir = MIGRATIONS_DIR): number {
  return Math.max(0, ...loadMigrations(dir).map((m) => m.version));
}

export class MigrationError extends Error {
  constructor(
    readonly migration: string,
    cause: unknown,
  ) {
    super(`Migration ${migration} failed and was rolled back: ${cause instanceof Error ? cause.message : String(cause)}`);
  }
}

/** Applies every migration not yet applied. Returns the names applied now (empty: nothing to do). */
export async function migrate(db: Db, migrations = loadMigrations(), options: { distribute?: boolean } = {}): Promise<string[]> {
  await db.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version integer PRIMARY KEY,
    name text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
  )`);
  const applied: string[] = [];
  // A Citus database whose tables are already placed (an installation upgraded to new code): each
  // migration runs in parts, and the tables it creates are placed at each PLACE_TABLES line
  // (see placeTables in core/distribute.ts and "Migrations on Citus" in docs/ARCHITECTURE.md).
  const placedCitus = options.distribute !== false && db.kind === 'postgresql' && (await isCitus(db))
    && (await db.query(`SELECT 1 FROM pg_dist_partition WHERE logicalrelid = to_regclass('young_people')`)).length > 0;
  for (const m of migrations) {
    const done = await db.tx(async (q) => {
      // Two processes starting at once on one PostgreSQL: the second waits, then skips.
      await q.query('SELECT pg_advisory_xact_lock(8150001)');
      const rows = await q.query('SELECT 1 FROM schema_migrations WHERE version = $1', [m.version]);
      if (rows.length > 0) return false;
      try {
        if (placedCitus) {
          // Placing a table must come before any parallel multi-shard statement in a transaction.
          await q.query(`SET LOCAL citus.multi_shard_modify_mode = 'sequential'`);
          // One statement per call: Citus cannot pass several DDL commands of one query string on to the workers.
          const parts = m.sql.split(PLACE_TABLES);
          for (const [i, part] of parts.entries()) {
            for (const statement of splitStatements(part)) await q.exec(statement);
            if (i < parts.length - 1) await placeTables(q);
          }
        } else {
          await q.exec(m.sql);
        }
      } catch (err) {
        throw new MigrationError(m.name, err);
      }
      await q.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
      return true;
    });
    if (done) applied.push(m.name);
  }
  // On a Citus cluster: every table to its place (core/distribute.ts; a no-op elsewhere). Only
  // a test that stops at an older version leaves it out: the keys it needs come with 0018.
  if (options.distribute !== false) await distribute(db);
  return applied;
}

/** The schema version of a database (0 when empty). */
export async function currentVersion(db: Db): Promise<number> {
  const rows = await db.query<{ v: number | null }>(
    `SELECT max(version) AS v FROM schema_migrations`,
  ).catch(() => [{ v: 0 }]);
  return Number(rows[0]?.v ?? 0);
}
