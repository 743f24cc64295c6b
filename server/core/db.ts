/**
 * One database interface for both engines.
 *
 * - PGlite (embedded default) is a single connection inside this process, so every
 *   statement and transaction goes through one queue: a transaction holds the queue
 *   until it commits or rolls back.
 * - PostgreSQL uses a pg Pool; each transaction gets its own client.
 *
 * Dates (SQL `date`) come back as 'YYYY-MM-DD' strings on both engines, never as
 * JavaScript Dates shifted by the local time zone.
 */
import { createHash } from 'node:crypto';
import { setImmediate as setImmediatePromise } from 'node:timers/promises';
import pg from 'pg';
import { PGlite, types as pgliteTypes } from '@electric-sql/pglite';

export type DbKind = 'pglite' | 'postgresql';

export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs a script of several statements without parameters (migrations, restore). */
  exec(sql: string): Promise<void>;
  /**
   * True on a Citus cluster (the citus extension is installed): code that would combine writes
   * to two shards in one statement writes them as separate statements there (core/audit.ts).
   */
  readonly distributed?: boolean;
}

export interface Db extends Queryable {
  readonly kind: DbKind;
  /** Runs fn in one transaction; rolls back when it throws. */
  tx<T>(fn: (q: Queryable) => Promise<T>): Promise<T>;
  /**
   * LISTEN on a channel: onMessage gets each NOTIFY payload (after its transaction committed).
   * onLive(true) once listening; onLive(false) when the listening connection is lost, after
   * which it reconnects by itself (and says onLive(true) again). Returns a function that stops.
   */
  listen(channel: string, onMessage: (payload: string) => void, onLive: (live: boolean) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

export interface DbConfig {
  /** postgres://… ; when absent, PGlite is used. */
  url?: string;
  /** PGlite data directory; undefined means in memory. */
  dataDir?: string;
  poolSize?: number;
}

const DATE_OID = 1082;
pg.types.setTypeParser(DATE_OID, (v: string) => v);
pg.types.setTypeParser(20, (v: string) => Number(v)); // int8 counts fit in a JS number here

/** A json/jsonb value from a query: parsed already by the driver, or still a string. */
export type Json<T> = T | string | null;
export function fromJson<T>(v: Json<T>): T | null {
  return typeof v === 'string' ? (JSON.parse(v) as T) : v;
}
/** A json array from a query (json_agg gives NULL for no rows): always an array. */
export function fromJsonList<T>(v: Json<T[]>): T[] {
  return fromJson(v) ?? [];
}

/** Removes the password from a connection URL, for messages. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(invalid URL)';
  }
}

/** A small FIFO mutex: PGlite has one connection, so work must take turns. */
class Mutex {
  private last: Promise<void> = Promise.resolve();
  async run<T>(fn: () => Promise<T>): Promise<T> {
    const prev = this.last;
    let release!: () => void;
    this.last = new Promise<void>((r) => (release = r));
    await prev;
    try {
      return await fn();
    } finally {
      release();
    }
  }
}

async function openPglite(dataDir?: string): Promise<Db> {
  const lite = await PGlite.create({
    dataDir,
    parsers: { [DATE_OID]: (v: string) => v, [pgliteTypes.INT8]: (v: string) => Number(v) },
  });
  const mutex = new Mutex();
  // PGlite runs each statement synchronously in this thread and resolves at once, so a busy
  // server would otherwise run request after request in one stretch of microtasks while new
  // requests wait for the event loop: p99 of 1–3 s at p50 ~120 ms (benchmark, 32 connections).
  // Yielding to the event loop after each statement (also inside transactions) keeps the turns
  // fair: p99 ~170 ms, the same throughput.
  const fair = async <T>(value: T): Promise<T> => {
    await setImmediatePromise();
    return value;
  };
  const run = async <T>(q: Queryable | PGlite, sql: string, params?: unknown[]): Promise<T[]> => {
    const res = await (q as PGlite).query<T>(sql, params as unknown[]);
    return res.rows;
  };
  return {
    kind: 'pglite',
    query: async (sql, params) => fair(await mutex.run(() => run(lite, sql, params))),
    exec: (sql) => mutex.run(async () => void (await lite.exec(sql))),
    tx: async (fn) => fair(await
      mutex.run(() =>
        lite.transaction(async (t) => {
          const q: Queryable = {
            query: async <T>(sql: string, params?: unknown[]) => fair((await t.query<T>(sql, params as unknown[])).rows),
            exec: async (sql: string) => void (await t.exec(sql)),
          };
          return fn(q);
        }),
      )),
    listen: async (channel, onMessage, onLive) => {
      const stop = await mutex.run(() => lite.listen(channelName(channel), onMessage));
      onLive(true);
      return async () => {
        onLive(false);
        if (!lite.closed) await mutex.run(() => stop());
      };
    },
    close: () => mutex.run(async () => {
      if (!lite.closed) await lite.close();
    }),
  };
}

function channelName(channel: string): string {
  if (!/^[a-z_]+$/.test(channel)) throw new Error(`bad channel name: ${channel}`);
  return channel;
}

/** A dedicated connection (not from the pool) that LISTENs, and reconnects when it is lost. */
async function listenPostgres(url: string, channel: string, onMessage: (payload: string) => void, onLive: (live: boolean) => void) {
  const name = channelName(channel);
  let stopped = false;
  let current: pg.Client | null = null;
  let retry: NodeJS.Timeout | undefined;
  const connect = async (): Promise<void> => {
    if (stopped) return;
    const c = new pg.Client({ connectionString: url });
    const lost = () => {
      if (current !== c) return;
      current = null;
      onLive(false);
      c.end().catch(() => undefined);
      if (!stopped) retry = setTimeout(() => void connect(), 1000);
    };
    c.on('error', lost);
    c.on('end', lost);
    c.on('notification', (n) => {
      if (n.channel === name) onMessage(n.payload ?? '');
    });
    try {
      await c.connect();
      await c.query(`LISTEN ${name}`);
      if (stopped) {
        await c.end();
        return;
      }
      current = c;
      onLive(true);
    } catch {
      c.end().catch(() => undefined);
      if (!stopped) retry = setTimeout(() => void connect(), 1000);
    }
  };
  await connect();
  return async () => {
    stopped = true;
    clearTimeout(retry);
    const c = current;
    current = null;
    onLive(false);
    await c?.end().catch(() => undefined);
  };
}

/**
 * Statements with parameters run as named prepared statements: each pooled connection parses
 * and plans a statement once, not on every request (the access, view and audit statements
 * are on every request). The name is derived from the text; the set of texts is the code's own.
 */
const statementNames = new Map<string, string>();
function prepared(sql: string, params?: unknown[]): pg.QueryConfig {
  if (!params || params.length === 0) return { text: sql };
  let name = statementNames.get(sql);
  if (!name) {
    name = `r_${createHash('sha1').update(sql).digest('hex').slice(0, 20)}`;
    statementNames.set(sql, name);
  }
  return { name, text: sql, values: params };
}

/**
 * Settings of every connection. The citus.* ones matter only on a Citus cluster (on plain
 * PostgreSQL they are inert placeholders); core/distribute.ts says why they are needed.
 */
const PG_OPTIONS = '-c jit=off -c citus.enable_unsafe_triggers=on -c citus.enable_repartition_joins=on';

async function openPostgres(url: string, poolSize = 10): Promise<Db> {
  // jit off: these are short OLTP statements; compiling them (when a plan's estimate crosses
  // jit_above_cost) costs more than it saves and made a list request take seconds.
  const pool = new pg.Pool({ connectionString: url, max: poolSize, connectionTimeoutMillis: 5000, options: PG_OPTIONS });
  // A pool error on an idle client must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  // Every pooled connection also LISTENs on the channels asked for, so a change this process
  // commits is delivered on the committing connection itself, before its COMMIT (or statement)
  // resolves: the next line of code, and the next request, already see it. The dedicated
  // connection of listen() brings the changes other processes make.
  const listeners = new Map<string, Set<(payload: string) => void>>();
  const listenedOn = new WeakMap<pg.PoolClient, Set<string>>();
  pool.on('connect', (client) => {
    // A connection lost while checked out rejects its statement (which releases it with the
    // error, so the pool drops it); the event itself must not crash the process.
    client.on('error', () => undefined);
    client.on('notification', (n) => {
      for (const f of listeners.get(n.channel) ?? []) f(n.payload ?? '');
    });
  });
  const listening = async (client: pg.PoolClient): Promise<void> => {
    if (listeners.size === 0) return;
    const done = listenedOn.get(client) ?? new Set<string>();
    listenedOn.set(client, done);
    for (const channel of listeners.keys()) {
      if (done.has(channel)) continue;
      await client.query(`LISTEN ${channel}`);
      done.add(channel);
    }
  };
  const connect = async (): Promise<pg.PoolClient> => {
    const client = await pool.connect();
    try {
      await listening(client);
    } catch (err) {
      client.release(err as Error);
      throw err;
    }
    return client;
  };
  const probe = await pool.connect();
  const distributed = (await probe.query(`SELECT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'citus') AS c`)).rows[0]?.c === true;
  probe.release();
  const runTx = async <T>(fn: (q: Queryable) => Promise<T>): Promise<T> => {
    const client = await connect();
    try {
      await client.query('BEGIN');
      const q: Queryable = {
        query: async <T>(sql: string, params?: unknown[]) => (await client.query(prepared(sql, params))).rows as T[],
        exec: async (sql: string) => void (await client.query(sql)),
        distributed,
      };
      const result = await fn(q);
      await client.query('COMMIT');
      return result;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  };

  return {
    kind: 'postgresql',
    distributed,
    query: async (sql, params) => {
      const client = await connect();
      try {
        const rows = (await client.query(prepared(sql, params))).rows;
        client.release();
        return rows;
      } catch (err) {
        // As pg's pool.query does: a connection that failed a statement is not reused.
        client.release(err as Error);
        throw err;
      }
    },
    exec: async (sql) => void (await pool.query(sql)),
    tx: async (fn) => {
      // On Citus two transactions that write a reference table (an organisation, an account)
      // and a distributed one can be stopped by the distributed deadlock detector even when
      // their order is the same; the victim was rolled back whole, so it is run again (four
      // times at most, after a short random pause that grows, so the same writers do not meet
      // again in the same order) instead of answering "someone else changed this". Three
      // immediate attempts were not enough under four concurrent admin writers (CI, crash test).
      for (let attempt = 1; ; attempt++) {
        try {
          return await runTx(fn);
        } catch (err) {
          if (!distributed || attempt >= 5 || (err as { code?: string }).code !== '40P01') throw err;
          await new Promise((r) => setTimeout(r, attempt * (10 + Math.random() * 40)));
        }
      }
    },
    listen: async (channel, onMessage, onLive) => {
      const name = channelName(channel);
      const set = listeners.get(name) ?? new Set();
      listeners.set(name, set);
      set.add(onMessage);
      const stop = await listenPostgres(url, name, onMessage, onLive);
      return async () => {
        set.delete(onMessage);
        await stop();
      };
    },
    close: async () => {
      if (!pool.ended) await pool.end();
    },
  };
}

/** Opens the database named by the config: PostgreSQL when a URL is given, else PGlite. */
export async function openDb(config: DbConfig): Promise<Db> {
  if (config.url) return openPostgres(config.url, config.poolSize);
  return openPglite(config.dataDir);
}

/** Thrown when a database cannot be reached; the message never holds a password. */
export class DbConnectError extends Error {
  constructor(target: string, cause: unknown) {
    super(`Cannot reach the database at ${target}: ${cause instanceof Error ? cause.message : String(cause)}`);
  }
}
