/**
 * A fresh database on a Citus cluster for one test file. DATABASE_URL points at a database on
 * the cluster's coordinator (../shared/citus/cluster.sh start …); the new database is made on the
 * coordinator and on every worker that database knows, with the extension, and the workers are
 * registered, as cluster.sh does. migrate() then distributes the tables (core/distribute.ts).
 */
import pg from 'pg';

interface Node { host: string; port: number }

async function run(url: string, sql: string[]): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    for (const s of sql) await c.query(s);
  } finally {
    await c.end();
  }
}

function at(url: string, node: Node | null, db: string): string {
  const u = new URL(url);
  if (node) { u.hostname = node.host; u.port = String(node.port); }
  u.pathname = `/${db}`;
  return u.toString();
}

/** The workers of the Citus database at url, or null when it is not a Citus database. */
export async function citusWorkers(url: string): Promise<Node[] | null> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const ext = await c.query(`SELECT 1 FROM pg_extension WHERE extname = 'citus'`);
    if (ext.rowCount === 0) return null;
    const r = await c.query<{ nodename: string; nodeport: number }>(`SELECT nodename, nodeport FROM pg_dist_node WHERE groupid <> 0 AND isactive ORDER BY nodeport`);
    return r.rows.map((n) => ({ host: n.nodename, port: n.nodeport }));
  } finally {
    await c.end();
  }
}

/**
 * Test files run in parallel, and registering nodes updates cluster-wide catalogs (roles are
 * propagated to the workers): two at once fail with "tuple concurrently updated". So one
 * database is made at a time, under an advisory lock in the coordinator's postgres database.
 */
export async function createCitusDatabase(url: string, workers: Node[], name: string): Promise<void> {
  const coord = new URL(url);
  const lock = new pg.Client({ connectionString: at(url, null, 'postgres') });
  await lock.connect();
  try {
    await lock.query(`SELECT pg_advisory_lock(8150016)`);
    for (const node of [null, ...workers]) {
      await run(at(url, node, 'postgres'), [`CREATE DATABASE ${name}`]);
      await run(at(url, node, name), [`SET client_min_messages = warning`, `CREATE EXTENSION citus`]);
    }
    await run(at(url, null, name), [
      `SET client_min_messages = warning`,
      `SELECT citus_set_coordinator_host('${coord.hostname}', ${Number(coord.port || 5432)})`,
      ...workers.map((w) => `SELECT citus_add_node('${w.host}', ${w.port})`),
    ]);
  } finally {
    await lock.end();
  }
}

export async function dropCitusDatabase(url: string, workers: Node[], name: string): Promise<void> {
  for (const node of [...workers].reverse()) {
    await run(at(url, node, 'postgres'), [`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`]).catch(() => undefined);
  }
  await run(at(url, null, 'postgres'), [`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`]).catch(() => undefined);
}

/**
 * A new, empty database named `name` on the server of `url`: on every node of the cluster when
 * `url` is a Citus database, else a plain one. Returns its URL. Tests and the bench use it.
 */
export async function createDatabase(url: string, name: string): Promise<string> {
  const workers = await citusWorkers(url);
  if (workers) await createCitusDatabase(url, workers, name);
  else await run(at(url, null, 'postgres'), [`CREATE DATABASE ${name}`]);
  return at(url, null, name);
}

/** Drops what createDatabase made (on every node of a Citus cluster). */
export async function dropDatabase(url: string, name: string): Promise<void> {
  const workers = await citusWorkers(url).catch(() => null);
  if (workers) return dropCitusDatabase(url, workers, name);
  await run(at(url, null, 'postgres'), [`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`]);
}
