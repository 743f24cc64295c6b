/**
 * The audit append that rides on a read's own statement (auditWithFirstRead): the read's
 * answer is unchanged, exactly one event is written, and nothing is written when the read fails.
 * The group commit of reads' events (appendReadAudit): each resolves only once its event is
 * committed, the chains stay whole, and one bad event fails only its own read.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDb } from '../../test/helpers.ts';
import { migrate } from './migrate.ts';
import { appendAudit, appendReadAudit, auditCtes, auditWithFirstRead, type AuditEvent } from './audit.ts';
import { verifyAudit } from './audit-verify.ts';
import type { Db } from './db.ts';

let db: Db;
let drop: () => Promise<void>;
beforeAll(async () => {
  ({ db, drop } = await freshDb());
  await migrate(db);
});
afterAll(async () => drop());

// A child's chain lives in the child's region (chainRegion, migration 0018): its events name it.
const REGION = '11111111-1111-4111-8111-111111111111';
const event = (chainKey: string): AuditEvent => ({ chainKey, kind: 'network.read', regionId: REGION, subjectType: 'network', details: { view: 'test' } });
const count = async (chainKey: string) =>
  (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_events WHERE chain_key = $1`, [chainKey]))[0]!.n;

describe('auditWithFirstRead', () => {
  // On Citus an event never rides on a read (core/audit.ts): there a write appends it on its own.
  it('does not ride on Citus: the caller is told nothing was written', async (ctx) => {
    if (!db.distributed) return ctx.skip();
    const a = auditWithFirstRead(db, event('test:citus'));
    expect(await a.q.query(`SELECT 1 AS one`)).toEqual([{ one: 1 }]);
    expect(a.written()).toBe(false);
    expect(await count('test:citus')).toBe(0);
  });

  it('answers the read as it is and writes one event with it', async (ctx) => {
    if (db.distributed) return ctx.skip();
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

  it('joins a statement that has its own WITH list, also WITH RECURSIVE', async (ctx) => {
    if (db.distributed) return ctx.skip();
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

describe('appendReadAudit (group commit of reads)', () => {
  const marked = (chainKey: string, n: number): AuditEvent => ({ ...event(chainKey), details: { view: 'group', n } });
  const stored = async (n: number) =>
    (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_events WHERE details->>'view' = 'group' AND details->>'n' = $1`, [String(n)]))[0]!.n;

  it('resolves each append only after its event is committed, and keeps every chain whole', async () => {
    const seenAtResolve: number[] = [];
    await Promise.all(Array.from({ length: 120 }, (_, n) =>
      appendReadAudit(db, marked(`test:group:${n % 7}`, n)).then(async () => void seenAtResolve.push(await stored(n)))));
    // Read from another connection right when each promise resolved: the event was there, once.
    expect(seenAtResolve).toHaveLength(120);
    expect(seenAtResolve.every((k) => k === 1)).toBe(true);
    for (let c = 0; c < 7; c++) {
      const seqs = (await db.query<{ seq: number }>(`SELECT seq FROM audit_events WHERE chain_key = $1 ORDER BY seq`, [`test:group:${c}`])).map((r) => Number(r.seq));
      expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
    }
    expect((await verifyAudit(db)).ok).toBe(true);
    if (db.kind === 'postgresql') {
      // The 120 reads shared a handful of commits (two go out at once, the rest wait and go together).
      const [tx] = await db.query<{ n: number }>(`SELECT count(DISTINCT xmin::text)::int AS n FROM audit_events WHERE details->>'view' = 'group'`);
      expect(tx!.n).toBeLessThanOrEqual(10);
    }
  });

  it('stores details with quotes, backslashes, braces, commas, NULL and non-ASCII exactly as hashed', async () => {
    const tricky = ['a "quoted" \\ back\\slash', '{braces},[brackets]', 'NULL', 'null', '', 'é ñ 😀 \n new line', "it's"];
    await Promise.all(tricky.map((t, i) => appendReadAudit(db, { ...marked('test:group:tricky', 2000 + i), subjectId: t, details: { view: 'group', n: 2000 + i, t } })));
    const rows = await db.query<{ subject_id: string; details: { t: string } | string }>(
      `SELECT subject_id, details FROM audit_events WHERE chain_key = 'test:group:tricky' ORDER BY (details->>'n')::int`);
    expect(rows.map((r) => r.subject_id)).toEqual(tricky);
    expect(rows.map((r) => (typeof r.details === 'string' ? JSON.parse(r.details) : r.details).t)).toEqual(tricky);
    expect((await verifyAudit(db)).ok).toBe(true);
  });

  it('fails only the read whose event cannot be written; the others in its batch are written', async () => {
    const bad: AuditEvent = { ...marked('test:group:bad', 1000), regionId: 'not-a-uuid' };
    const results = await Promise.allSettled([
      appendReadAudit(db, marked('test:group:x', 1001)), appendReadAudit(db, marked('test:group:x', 1002)),
      appendReadAudit(db, bad),
      ...Array.from({ length: 5 }, (_, i) => appendReadAudit(db, marked(`test:group:y${i}`, 1003 + i))),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled', 'fulfilled', 'fulfilled', 'fulfilled', 'fulfilled']);
    expect(await stored(1000)).toBe(0);
    for (const n of [1001, 1002, 1003, 1004, 1005, 1006, 1007]) expect(await stored(n)).toBe(1);
    expect((await verifyAudit(db)).ok).toBe(true);
  });
});

describe('a young person\'s events', () => {
  it('are in their own chain: the database refuses one in another chain, and a yp: event without the young person', async () => {
    const [yp] = await db.query<{ id: string }>(`SELECT gen_random_uuid()::text AS id`);
    const id = yp!.id;
    await appendAudit(db, { ...event(`yp:${id}`), youngPersonId: id });
    await expect(appendAudit(db, { ...event(`user:${id}`), youngPersonId: id })).rejects.toThrow(/audit_events_young_person_chain/);
    await expect(appendAudit(db, { ...event(`yp:${id}`), youngPersonId: null })).rejects.toThrow(/audit_events_young_person_chain/);
    const other = (await db.query<{ id: string }>(`SELECT gen_random_uuid()::text AS id`))[0]!.id;
    await expect(appendAudit(db, { ...event(`yp:${id}`), youngPersonId: other })).rejects.toThrow(/audit_events_young_person_chain/);
    expect(await count(`yp:${id}`)).toBe(1);
    expect(await count(`user:${id}`)).toBe(0);
    expect((await verifyAudit(db)).ok).toBe(true);
  });
});
