/**
 * The audit append that rides on a read's own statement (auditWithFirstRead): the read's
 * answer is unchanged, exactly one event is written, and nothing is written when the read fails.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDb } from '../../test/helpers.ts';
import { migrate } from './migrate.ts';
import { appendAudit, auditCtes, auditWithFirstRead, verifyAudit, type AuditEvent } from './audit.ts';
import type { Db } from './db.ts';

let db: Db;
let drop: () => Promise<void>;
beforeAll(async () => {
  ({ db, drop } = await freshDb());
  await migrate(db);
});
afterAll(async () => drop());

const event = (chainKey: string): AuditEvent => ({ chainKey, kind: 'network.read', subjectType: 'network', details: { view: 'test' } });
const count = async (chainKey: string) =>
  (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_events WHERE chain_key = $1`, [chainKey]))[0]!.n;

describe('auditWithFirstRead', () => {
  it('answers the read as it is and writes one event with it', async () => {
    await appendAudit(db, event('test:a')); // an earlier event: the chain goes on from it
    const a = auditWithFirstRead(db, event('test:a'));
    const rows = await a.q.query<{ x: number; y: string }>(`SELECT $1::int AS x, $2::text AS y`, [7, 'zeven']);
    expect(rows).toEqual([{ x: 7, y: 'zeven' }]);
    expect(a.written()).toBe(true);
    expect(await count('test:a')).toBe(2);
    // Later statements pass unchanged and write nothing more.
    expect(await a.q.query(`SELECT 1 AS one`)).toEqual([{ one: 1 }]);
    expect(await count('test:a')).toBe(2);
    expect((await verifyAudit(db)).ok).toBe(true);
  });

  it('joins a statement that has its own WITH list, also WITH RECURSIVE', async () => {
    const a = auditWithFirstRead(db, event('test:b'));
    expect(await a.q.query(`WITH v AS (SELECT $1::int AS n) SELECT n FROM v`, [3])).toEqual([{ n: 3 }]);
    const b = auditWithFirstRead(db, event('test:b'));
    const r = await b.q.query<{ n: number }>(`WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < $1) SELECT n FROM c`, [3]);
    expect(r.map((x) => x.n)).toEqual([1, 2, 3]);
    expect(await count('test:b')).toBe(2);
    expect((await verifyAudit(db)).ok).toBe(true);
  });

  it('writes nothing when the read fails, and leaves other statements alone', async () => {
    const a = auditWithFirstRead(db, event('test:c'));
    await expect(a.q.query(`SELECT 1 / $1::int AS boom`, [0])).rejects.toThrow();
    expect(a.written()).toBe(false);
    expect(await count('test:c')).toBe(0);
    await a.q.query(`CREATE TEMP TABLE IF NOT EXISTS t_audit_probe (n int)`);
    expect(a.written()).toBe(false);
  });
});

describe('auditCtes with a condition', () => {
  it('writes the event only when the condition holds in the statement, and the chain stays whole', async () => {
    const write = async (flag: boolean) => {
      const a = auditCtes(event('test:if'), 1, '$1::boolean');
      return (await db.query<{ n: number }>(`WITH ${a.sql} SELECT count(*)::int AS n FROM audit_event`, [flag, ...a.params]))[0]!.n;
    };
    expect(await write(true)).toBe(1);
    expect(await write(false)).toBe(0);
    expect(await count('test:if')).toBe(1);
    expect(await write(true)).toBe(1);
    const rows = await db.query<{ seq: number }>(`SELECT seq FROM audit_events WHERE chain_key = 'test:if' ORDER BY seq`);
    expect(rows.map((r) => Number(r.seq))).toEqual([1, 2]);
    expect((await verifyAudit(db)).ok).toBe(true);
  });
});
