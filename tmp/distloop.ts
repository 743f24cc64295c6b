import { citusWorkers, createCitusDatabase, dropCitusDatabase } from '../test/citus.ts';
import { openDb } from '../server/core/db.ts';
import { migrate } from '../server/core/migrate.ts';
const url = 'postgres://postgres@127.0.0.1:5441/rondom_probe';
const n = Number(process.argv[2] ?? 10);
const workers = (await citusWorkers(url))!;
let fails = 0;
async function one(i: number) {
  const name = `rondom_loop_${process.pid}_${i}`;
  await createCitusDatabase(url, workers, name);
  const u = new URL(url); u.pathname = `/${name}`;
  const db = await openDb({ url: u.toString(), poolSize: 2 });
  const t = Date.now();
  try { await migrate(db); } catch (e) { fails++; console.log(i, 'FAIL', (e as Error).message.slice(0, 120)); }
  console.log(i, Date.now() - t, 'ms');
  await db.close();
  await dropCitusDatabase(url, workers, name);
}
for (let i = 0; i < n; i += 2) await Promise.all([one(i), one(i + 1)]);
console.log('fails', fails);
