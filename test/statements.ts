/**
 * Records every statement an app sends, and asks Citus how many shards each one reaches.
 *
 * recordingDb(db) wraps a Db: each query (also inside transactions) is kept with its parameters
 * and where in the server it came from. shardReach() runs EXPLAIN (FORMAT JSON) for a statement
 * with its own parameters (EXPLAIN plans, it does not execute, also not a write) and reads the
 * Citus plan: how many tasks (shards) each distributed job has, and whether Citus had to split
 * the statement into subplans (more round trips).
 */
import type { Db, Queryable } from '../server/core/db.ts';

export interface Statement { sql: string; params: unknown[]; from: string }

function caller(): string {
  const lines = (new Error().stack ?? '').split('\n').slice(3);
  const ours = lines.find((l) => l.includes('/server/') && !l.includes('/server/core/db.ts'));
  return (ours ?? lines[0] ?? '').trim().replace(/^at /, '').replace(/\(?\/.*?\/server\//, 'server/').replace(/\)$/, '');
}

function recordingQ(q: Queryable, out: Statement[]): Queryable {
  return {
    query: (sql, params) => {
      out.push({ sql, params: params ?? [], from: caller() });
      return q.query(sql, params);
    },
    exec: (sql) => q.exec(sql),
    distributed: q.distributed,
  } as Queryable;
}

export function recordingDb(db: Db, out: Statement[]): Db {
  const q = recordingQ(db, out);
  return {
    kind: db.kind,
    distributed: db.distributed,
    query: q.query,
    exec: q.exec,
    tx: (fn) => db.tx((inner) => fn(recordingQ(inner, out))),
    listen: (...a) => db.listen(...a),
    close: () => db.close(),
  } as Db;
}

export interface Reach {
  /** Tasks of the statement's final job (1: one shard, a router query). */
  tasks: number;
  /** Subplans Citus runs first (each a job of its own); 0 for a router query. */
  subplans: number;
  /** Most tasks in any job of the statement (its subplans included). */
  maxTasks: number;
  /** Whether any distributed table was involved at all (false: coordinator only). */
  distributed: boolean;
}

/** Statements EXPLAIN cannot plan (transaction control, settings, function calls that write). */
export function explainable(sql: string): boolean {
  return /^\s*(WITH|SELECT|INSERT|UPDATE|DELETE)\b/i.test(sql) && !/^\s*SELECT\s+(pg_advisory|set_config|audit_append_batch|audit_append_region|pg_notify)/i.test(sql);
}

export async function shardReach(db: Queryable, s: Statement): Promise<Reach> {
  const [row] = await db.query<{ 'QUERY PLAN': unknown }>(`EXPLAIN (FORMAT JSON) ${s.sql}`, s.params);
  const plan = row!['QUERY PLAN'];
  const jobs: number[] = [];
  let subplans = 0;
  let finalTasks = 0;
  const walk = (node: unknown, top: boolean): void => {
    if (Array.isArray(node)) return node.forEach((n) => walk(n, top));
    if (!node || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    if (o['Distributed Query']) {
      const dq = o['Distributed Query'] as Record<string, unknown>;
      const job = dq.Job as Record<string, unknown> | undefined;
      const n = Number(job?.['Task Count'] ?? 0);
      jobs.push(n);
      if (top && finalTasks === 0) finalTasks = n;
      const subs = (dq.Subplans ?? []) as unknown[];
      subplans += subs.length;
      walk(subs, false);
      walk(job, false);
    }
    for (const [k, v] of Object.entries(o)) if (k !== 'Distributed Query') walk(v, top);
  };
  walk(typeof plan === 'string' ? JSON.parse(plan) : plan, true);
  return { tasks: finalTasks, subplans, maxTasks: Math.max(0, ...jobs), distributed: jobs.length > 0 };
}
