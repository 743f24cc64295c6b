/**
 * Forward-only, numbered plain-SQL migrations (server/migrations/NNNN_name.sql).
 * Each file runs in its own transaction together with its row in schema_migrations,
 * so a failing file leaves nothing behind and stops start-up.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Db } from './db.ts';
import { distribute } from './distribute.ts';
import { SERVER_DIR } from './files.ts';

export const MIGRATIONS_DIR = path.join(SERVER_DIR, 'migrations');

export interface Migration {
  version: number;
  name: string;
  sql: string;
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
  for (const m of migrations) {
    const done = await db.tx(async (q) => {
      // Two processes starting at once on one PostgreSQL: the second waits, then skips.
      await q.query('SELECT pg_advisory_xact_lock(8150001)');
      const rows = await q.query('SELECT 1 FROM schema_migrations WHERE version = $1', [m.version]);
      if (rows.length > 0) return false;
      try {
        await q.exec(m.sql);
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
