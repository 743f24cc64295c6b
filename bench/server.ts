/**
 * The server under test, as its own process: bundled by bench/run.ts into
 * server/dist/bench-server.js and run on plain node, as `npm start` runs server/dist/main.js.
 * Same buildApp() as production; PostgreSQL via DATABASE_URL or PGlite via RONDOM_DATA_DIR.
 * Listens on 127.0.0.1 only, on a free port, and prints {"port": n} as its first stdout line.
 * BENCH_WEB_DIST serves the built web app too (scenario (f), bench/first-load.ts).
 */
import { buildApp } from '../server/app.ts';
import { configFromEnv } from '../server/core/config.ts';

const config = { ...configFromEnv(), host: '127.0.0.1', port: 0, webDistDir: process.env.BENCH_WEB_DIST || undefined, autoDemo: false, logLevel: process.env.LOG_LEVEL || 'warn' };
const app = await buildApp(config);
await app.listen({ host: '127.0.0.1', port: 0 });
const address = app.server.address();
process.stdout.write(`${JSON.stringify({ port: typeof address === 'object' && address ? address.port : 0 })}\n`);

const stop = () => {
  app.close().then(() => process.exit(0), () => process.exit(1));
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);

// SIGUSR2 prints the heap figures (after a full collection when started with --expose-gc), to
// tell live data from heap that V8 has merely not given back.
process.on('SIGUSR2', () => {
  const mb = (n: number) => Math.round(n / 1048576);
  const before = process.memoryUsage();
  (globalThis as { gc?: () => void }).gc?.();
  const after = process.memoryUsage();
  process.stderr.write(`${JSON.stringify({ rss: mb(before.rss), heapTotal: mb(before.heapTotal), heapUsed: mb(before.heapUsed), external: mb(before.external),
    afterGc: { rss: mb(after.rss), heapTotal: mb(after.heapTotal), heapUsed: mb(after.heapUsed) } })}\n`);
});
