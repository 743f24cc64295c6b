/**
 * Backup and restore round trip, on the engine the suite runs on (PGlite by default,
 * PostgreSQL with DATABASE_URL): demo data → backup → restore into a fresh database →
 * every table identical and the audit chains valid, checked against the source's signed
 * anchor (key and anchor file outside both databases). Also the `rondom backup/restore` CLI.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDb } from '../helpers.ts';
import { migrate, latestVersion } from '../../server/core/migrate.ts';
import { verifyAudit } from '../../server/core/audit-verify.ts';
import { writeAuditAnchor, type AuditAnchorConfig } from '../../server/core/audit-anchor.ts';
import { backupTo, restoreFrom, BACKUP_FORMAT } from '../../server/core/backup.ts';
import type { Db } from '../../server/core/db.ts';
import { seedDemo } from '../../server/demo/demo.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'rondom-backup-'));
let source: { db: Db; drop: () => Promise<void> };
const anchors: AuditAnchorConfig = { key: 'backup-test-anchor-key-'.padEnd(40, '0'), anchorDir: path.join(dir, 'anchors') };

beforeAll(async () => {
  source = await freshDb();
  await migrate(source.db);
  await seedDemo(source.db);
  await writeAuditAnchor(source.db, anchors);
});
afterAll(async () => source.drop());

async function snapshot(db: Db): Promise<Record<string, string[]>> {
  const tables = await db.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`);
  const out: Record<string, string[]> = {};
  for (const { table_name } of tables) {
    // schema_migrations is the schema's, not the data's. leerplicht_list_versions counts changes
    // (a restore's own inserts count too); only its moving matters, never its value.
    // network_summaries is rebuilt by the restore and compared like any other table.
    if (table_name === 'schema_migrations' || table_name === 'leerplicht_list_versions') continue;
    const rows = await db.query<{ j: string }>(`SELECT row_to_json(t)::text AS j FROM "${table_name}" t ORDER BY 1`);
    out[table_name] = rows.map((r) => r.j);
  }
  return out;
}

describe('backup and restore', () => {
  it('round-trips every row of every table, and the audit chains still verify', async () => {
    const file = path.join(dir, 'demo.rondom.gz');
    const before = await snapshot(source.db);
    const b = await backupTo(source.db, file);
    expect(b.schemaVersion).toBe(latestVersion());
    expect(b.rows).toBeGreaterThan(1000);
    const target = await freshDb();
    try {
      const r = await restoreFrom(target.db, file);
      expect(r.rows).toBe(b.rows);
      const after = await snapshot(target.db);
      expect(Object.keys(after)).toEqual(Object.keys(before));
      for (const t of Object.keys(before)) expect(after[t], t).toEqual(before[t]);
      const audit = await verifyAudit(target.db, { anchors });
      expect(audit.ok, JSON.stringify(audit.problems)).toBe(true);
      expect(audit.events).toBe(before.audit_events!.length);
      expect(audit.anchors).toMatchObject({ trusted: 1, external: 1, database: 1 });
      expect(audit.warnings).toEqual([]);
      // Sequences continue past the restored ids: a new audit event and timeline entry can be written.
      // On Citus each node draws from its own range (a worker's at its group id << 48): the
      // coordinator's next id is past every restored id of its range, and never in a worker's.
      const range = target.db.distributed ? 2n ** 48n : 2n ** 63n - 1n;
      const [m] = await target.db.query<{ max: string | null }>(`SELECT max(id)::text AS max FROM audit_events WHERE id < $1::bigint`, [range.toString()]);
      const [n] = await target.db.query<{ next: string }>(`SELECT nextval('audit_events_id_seq')::text AS next`);
      expect(BigInt(n!.next)).toBeGreaterThan(BigInt(m!.max ?? '0'));
      expect(BigInt(n!.next)).toBeLessThan(range);
      // A second restore into the now-filled database is refused.
      await expect(restoreFrom(target.db, file)).rejects.toThrow(/already holds data/);
    } finally {
      await target.drop();
    }
  });

  it('refuses a file from a newer schema, naming both versions', async () => {
    const file = path.join(dir, 'future.rondom.gz');
    const header = { format: BACKUP_FORMAT, schemaVersion: latestVersion() + 7, createdAt: new Date().toISOString(), engine: 'pglite', tables: [] };
    writeFileSync(file, gzipSync(JSON.stringify(header) + '\n' + JSON.stringify({ end: true, counts: {} }) + '\n'));
    const target = await freshDb();
    try {
      await expect(restoreFrom(target.db, file)).rejects.toThrow(
        new RegExp(`schema version ${latestVersion() + 7}.*up to ${latestVersion()}`));
      // Nothing was touched: not even migrated.
      const rows = await target.db.query(`SELECT 1 FROM information_schema.tables WHERE table_name = 'users'`);
      expect(rows).toHaveLength(0);
    } finally {
      await target.drop();
    }
  });

  it('refuses a cut-off file and restores nothing from it', async () => {
    const full = path.join(dir, 'demo2.rondom.gz');
    await backupTo(source.db, full);
    const { gunzipSync } = await import('node:zlib');
    const { readFileSync } = await import('node:fs');
    const lines = gunzipSync(readFileSync(full)).toString('utf8').trim().split('\n');
    const cut = path.join(dir, 'cut.rondom.gz');
    writeFileSync(cut, gzipSync(lines.slice(0, Math.ceil(lines.length / 2)).join('\n') + '\n'));
    const target = await freshDb();
    try {
      await expect(restoreFrom(target.db, cut)).rejects.toThrow(/incomplete/);
      const [u] = await target.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM users`);
      expect(u!.n).toBe(0);
    } finally {
      await target.drop();
    }
  });

  it('`rondom restore` and `rondom backup` work from the command line', async () => {
    const file = path.join(dir, 'demo.rondom.gz'); // written by the first test
    const target = await freshDb();
    try {
      let env: NodeJS.ProcessEnv;
      if (process.env.DATABASE_URL) {
        const [{ name }] = (await target.db.query<{ name: string }>(`SELECT current_database() AS name`)) as [{ name: string }];
        const u = new URL(process.env.DATABASE_URL);
        u.pathname = `/${name}`;
        env = { ...process.env, DATABASE_URL: u.toString() };
      } else {
        env = { ...process.env, DATABASE_URL: '', RONDOM_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'rondom-dst-')) };
      }
      env = { ...env, RONDOM_AUDIT_KEY: anchors.key, RONDOM_AUDIT_ANCHOR_DIR: anchors.anchorDir };
      const r = await cli(['restore', file], env);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/Audit log intact/);
      expect(r.stdout).toMatch(/Anchors: 1 verified/);
      const out = path.join(dir, 'cli-again.rondom.gz');
      const b = await cli(['backup', out], env);
      expect(b.code, b.stderr).toBe(0);
      expect(b.stdout).toMatch(/Backup written/);
      // The CLI's backup of the restored database restores to the same rows as the original.
      const third = await freshDb();
      try {
        await restoreFrom(third.db, out);
        const a = await snapshot(source.db);
        const c = await snapshot(third.db);
        for (const t of Object.keys(a)) expect(c[t], t).toEqual(a[t]);
      } finally {
        await third.drop();
      }
    } finally {
      await target.drop();
    }
  }, 240_000);
});

function cli(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/cli.ts', ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}
