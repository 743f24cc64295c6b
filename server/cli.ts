/**
 * `rondom` admin commands. They use the same configuration as the server:
 * DATABASE_URL for PostgreSQL, otherwise PGlite in RONDOM_DATA_DIR (default ./data).
 */
import { Command } from 'commander';
import { configFromEnv } from './core/config.ts';
import { openDb, redactUrl, type Db } from './core/db.ts';
import { migrate } from './core/migrate.ts';
import { formatVerifyResult, verifyAudit } from './core/audit-verify.ts';
import { createUserTx } from './modules/admin/admin.service.ts';
import { AppError } from './core/errors.ts';
import { DEMO_PASSWORD, demoLogins, seedDemo } from './demo/demo.ts';
import { runDailyJobs } from './jobs/daily.ts';
import { backupTo, restoreFrom } from './core/backup.ts';

async function withDb<T>(fn: (db: Db) => Promise<T>): Promise<T> {
  const config = configFromEnv();
  let db: Db;
  try {
    db = await openDb(config.database);
  } catch (err) {
    const target = config.database.url ? redactUrl(config.database.url) : `PGlite in ${config.database.dataDir}`;
    throw new Error(`Cannot reach the database at ${target}: ${err instanceof Error ? err.message : String(err)}`);
  }
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

const program = new Command();
program.name('rondom').description('Rondom beheer / administration');

program.command('migrate').description('Apply database migrations (a no-op when up to date)').action(async () => {
  await withDb(async (db) => {
    const applied = await migrate(db);
    console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Database is up to date.');
  });
});

program.command('demo').description('Create the fictional demo region (on a database without it)').action(async () => {
  await withDb(async (db) => {
    await migrate(db);
    await seedDemo(db);
    console.log(`Demo region created. Password for every demo login: ${DEMO_PASSWORD}`);
    for (const l of demoLogins()) console.log(`  ${l.role.padEnd(42)} ${l.email}`);
  });
});

const user = program.command('user').description('Accounts');
user.command('create')
  .description('Create a user (default: a platform admin)')
  .requiredOption('--email <email>')
  .option('--password <password>', 'or set RONDOM_NEW_PASSWORD')
  .option('--name <name>', 'display name', 'Platform admin')
  .option('--kind <kind>', 'staff, parent or young_person', 'staff')
  .option('--no-platform-admin', 'create an ordinary user')
  .action(async (opts: { email: string; password?: string; name: string; kind: 'staff' | 'parent' | 'young_person'; platformAdmin: boolean }) => {
    const password = opts.password ?? process.env.RONDOM_NEW_PASSWORD;
    if (!password) throw new Error('Give --password or set RONDOM_NEW_PASSWORD.');
    await withDb(async (db) => {
      await migrate(db);
      const id = await db.tx(async (q) => {
        let [region] = await q.query<{ id: string }>(`SELECT id FROM regions ORDER BY created_at LIMIT 1`);
        region ??= (await q.query<{ id: string }>(`INSERT INTO regions (slug, name) VALUES ('platform', 'Platform') RETURNING id`))[0]!;
        return createUserTx(q, {
          regionId: region.id, kind: opts.kind, email: opts.email, displayName: opts.name, password,
          isPlatformAdmin: opts.kind === 'staff' && opts.platformAdmin,
        }, null);
      });
      console.log(`User created: ${id}`);
    });
  });

program.command('verify-audit')
  .description('Check every audit hash chain, head and signed anchor; lists every broken entry')
  .option('--limit <n>', 'list at most this many problems (the count says how many there are)', '50')
  .action(async (opts: { limit: string }) => {
    await withDb(async (db) => {
      const limit = Math.max(1, Number(opts.limit) || 50);
      const r = await verifyAudit(db, { anchors: configFromEnv().audit, maxProblems: Math.max(limit, 1000) });
      const lines = formatVerifyResult(r, limit);
      (r.ok ? console.log : console.error)(lines.join('\n'));
      if (!r.ok) process.exitCode = 2;
    });
  });

program.command('jobs').description('Run the daily jobs now (clock alerts, escalations, reminders, audit anchor)')
  .option('--force', 'run even when today\'s run is done (jobs are idempotent)')
  .action(async (opts: { force?: boolean }) => {
    await withDb(async (db) => {
      await migrate(db);
      const log = { info: (m: string) => console.error(m), warn: (m: string) => console.error(`WARNING: ${m}`) };
      console.log(JSON.stringify(await runDailyJobs(db, undefined, Boolean(opts.force), { audit: configFromEnv().audit, log }), null, 2));
    });
  });

program.command('backup').description('Write a backup of the whole database to FILE (gzip JSON lines, works for PGlite and PostgreSQL)')
  .argument('<file>')
  .action(async (file: string) => {
    await withDb(async (db) => {
      const r = await backupTo(db, file);
      console.log(`Backup written to ${file}: ${r.rows} rows in ${r.tables} tables, schema version ${r.schemaVersion}.`);
    });
  });

program.command('restore').description('Restore a backup FILE into a new, empty database (refuses a newer schema or a database with data)')
  .argument('<file>')
  .action(async (file: string) => {
    await withDb(async (db) => {
      const r = await restoreFrom(db, file);
      const audit = await verifyAudit(db, { anchors: configFromEnv().audit });
      console.log(`Restored ${r.rows} rows in ${r.tables} tables from ${file} (schema version ${r.schemaVersion}).`);
      console.log(formatVerifyResult(audit, 20).join('\n'));
      if (!audit.ok) process.exitCode = 2;
    });
  });

program.parseAsync().catch((err: unknown) => {
  if (err instanceof AppError) console.error(`rondom: ${err.message}${err.detail?.fields ? ' ' + JSON.stringify(err.detail.fields) : ''}`);
  else console.error(`rondom: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
