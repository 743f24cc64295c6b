/**
 * Starts Rondom: embedded PGlite in ./data by default, PostgreSQL with DATABASE_URL.
 * On an empty embedded database the demo region is seeded and its logins printed.
 */
import { buildApp } from './app.ts';
import { configFromEnv } from './core/config.ts';
import { DbConnectError, openDb, redactUrl, type Db } from './core/db.ts';
import { MigrationError } from './core/migrate.ts';
import { DEMO_PASSWORD, demoLogins, seedDemo } from './demo/demo.ts';
import { startScheduler } from './jobs/daily.ts';

async function main(): Promise<void> {
  const config = configFromEnv();
  const target = config.database.url ? redactUrl(config.database.url) : `PGlite in ${config.database.dataDir}`;
  let db: Db;
  try {
    db = await openDb(config.database);
  } catch (err) {
    throw new DbConnectError(target, err);
  }
  const app = await buildApp(config, { db });

  let seeded = false;
  if (config.autoDemo && db.kind === 'pglite') {
    const [any] = await db.query(`SELECT 1 FROM users LIMIT 1`);
    if (!any) {
      console.log('Rondom: lege database, demo-regio wordt aangemaakt / empty database, creating the demo region…');
      await seedDemo(db);
      seeded = true;
    }
  }

  let stopScheduler = () => {};
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down: finishing in-flight requests');
    try {
      stopScheduler();
      await app.close(); // stops accepting, waits for in-flight requests, then closes the database (onClose)
      process.exit(0);
    } catch (err) {
      app.log.error({ err }, 'shutdown failed');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  await app.listen({ port: config.port, host: config.host });
  if (process.env.RONDOM_JOBS !== 'false') stopScheduler = startScheduler(db, app.log, { audit: config.audit });
  const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}`;
  console.log(`\nRondom draait op / runs at ${url}  (database: ${db.kind === 'pglite' ? target : 'postgresql ' + target})`);
  const [demo] = await db.query(`SELECT 1 FROM regions WHERE slug = 'demo'`);
  if (demo) {
    console.log(`\nDemo-logins (wachtwoord / password: ${DEMO_PASSWORD})${seeded ? '' : ' — demo region already present'}:`);
    for (const l of demoLogins()) console.log(`  ${l.role.padEnd(42)} ${l.email}`);
  }
  console.log('');

}

main().catch((err: unknown) => {
  if (err instanceof DbConnectError || err instanceof MigrationError) {
    console.error(`Rondom kan niet starten / cannot start: ${err.message}`);
  } else {
    console.error('Rondom kan niet starten / cannot start:', err instanceof Error ? err.message : err);
  }
  process.exit(1);
});
