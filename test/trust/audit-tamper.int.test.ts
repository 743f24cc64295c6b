/**
 * The audit log detects tampering by a database superuser, who can switch the append-only
 * triggers off and rewrite audit_events and audit_chains at will with plain SQL.
 *
 * - every broken entry is named, not only the first (edited events in two chains, a deleted
 *   event, a broken prev link, a head that disagrees with its chain), with a bounded list;
 * - the last events of a chain deleted and its head moved back to the remaining last event is
 *   caught by the signed anchor (key and anchor file outside the database), and the chain named;
 * - a rewritten or deleted anchor row in the database is caught (signature, external file);
 * - an untouched log is intact, and verification without external anchors says so plainly.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { freshDb } from '../helpers.ts';
import { migrate } from '../../server/core/migrate.ts';
import { appendAudit, userChain } from '../../server/core/audit.ts';
import { verifyAudit, type AuditProblem } from '../../server/core/audit-verify.ts';
import type { AuditAnchorConfig } from '../../server/core/audit-anchor.ts';
import { runDailyJobs } from '../../server/jobs/daily.ts';
import type { Db } from '../../server/core/db.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

interface World {
  db: Db;
  audit: AuditAnchorConfig;
  chains: string[];
  anchor: (day?: string) => Promise<void>;
}

/** A fresh database with three account chains of 6 events each, anchored once, and two events more in each afterwards. */
async function world(): Promise<World> {
  const { db, drop } = await freshDb();
  await migrate(db);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'rondom-anchor-'));
  cleanups.push(async () => {
    await drop();
    await rm(dir, { recursive: true, force: true });
  });
  const audit: AuditAnchorConfig = { key: 'test-key-'.padEnd(48, 'k'), anchorDir: dir };
  const chains = [userChain(randomUUID()), userChain(randomUUID()), userChain(randomUUID())];
  const write = async (n: number) => {
    for (let i = 0; i < n; i++) {
      for (const c of chains) await appendAudit(db, { chainKey: c, kind: 'auth.login', subjectType: 'user', details: { i } });
    }
  };
  const anchor = async (day = '2030-01-01') => {
    await runDailyJobs(db, day, true, { audit });
  };
  await write(6);
  await anchor();
  await write(2);
  return { db, audit, chains, anchor };
}

/** As a superuser: the append-only triggers off, the statements, the triggers on again. */
async function asSuperuser(db: Db, statements: (q: Db) => Promise<void>): Promise<void> {
  await db.query(`ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update`);
  try {
    await statements(db);
  } finally {
    await db.query(`ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update`);
  }
}

const named = (problems: AuditProblem[] | undefined, chainKey: string) => (problems ?? []).filter((p) => p.chainKey === chainKey);

describe('audit tampering by a database superuser', () => {
  it('(d) an untouched log is intact and anchored; without external anchors it says so plainly', async () => {
    const w = await world();
    const r = await verifyAudit(w.db, { anchors: w.audit });
    expect(r.problems).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.anchors.trusted).toBe(1);
    expect(r.anchors.external).toBe(1);
    expect(r.warnings).toEqual([]);
    // A second anchor extends the first: both verify, the file holds both.
    await w.anchor('2030-01-02');
    const again = await verifyAudit(w.db, { anchors: w.audit });
    expect(again).toMatchObject({ ok: true, problems: [], anchors: { trusted: 2, external: 2, database: 2 } });

    const plain = await verifyAudit(w.db);
    expect(plain.ok).toBe(true);
    expect(plain.anchors.trusted).toBe(0);
    expect(plain.warnings.join(' ')).toMatch(/no external anchors/i);
  });

  it('(a) two edited events in different chains are both named, and every other kind of break too', async () => {
    const w = await world();
    const [a, b, c] = w.chains as [string, string, string];
    await asSuperuser(w.db, async (q) => {
      await q.query(`UPDATE audit_events SET details = '{"i":99}' WHERE chain_key = $1 AND seq = 2`, [a]);
      await q.query(`UPDATE audit_events SET actor_user_id = NULL, outcome = 'denied' WHERE chain_key = $1 AND seq = 7`, [b]);
    });
    const r = await verifyAudit(w.db, { anchors: w.audit });
    expect(r.ok).toBe(false);
    expect(named(r.problems, a)).toEqual([expect.objectContaining({ kind: 'hash_mismatch', seq: 2 })]);
    expect(named(r.problems, b)).toEqual([expect.objectContaining({ kind: 'hash_mismatch', seq: 7 })]);
    expect(named(r.problems, c)).toEqual([]);
    expect(r.problemCount).toBe(2);

    // A deleted middle event (gap), a hash rewritten to match edited contents (the next event's
    // link breaks) and a head that disagrees with its chain: each is named, in one run.
    await asSuperuser(w.db, async (q) => {
      await q.query(`DELETE FROM audit_events WHERE chain_key = $1 AND seq = 3`, [c]);
      await q.query(`UPDATE audit_events SET hash = repeat('a', 64) WHERE chain_key = $1 AND seq = 4`, [a]);
      await q.query(`UPDATE audit_chains SET last_hash = repeat('b', 64) WHERE chain_key = $1`, [b]);
    });
    const all = await verifyAudit(w.db, { anchors: w.audit });
    const kinds = (k: string) => named(all.problems, k).map((p) => `${p.kind}@${p.seq}`);
    expect(kinds(a)).toEqual(expect.arrayContaining(['hash_mismatch@2', 'hash_mismatch@4', 'prev_link@5']));
    expect(kinds(b)).toEqual(expect.arrayContaining(['hash_mismatch@7', 'head_mismatch@8']));
    expect(kinds(c)).toEqual(expect.arrayContaining(['seq_gap@4']));

    // Bounded output: a limit keeps the list short and the count says how many there are.
    const few = await verifyAudit(w.db, { anchors: w.audit, maxProblems: 2 });
    expect(few.problems).toHaveLength(2);
    expect(few.problemCount).toBe(all.problemCount);
    expect(few.problemCount).toBeGreaterThan(2);
  });

  it('(b) the last 3 events deleted and the head moved back to the remaining last event: caught by the anchor, chain named', async () => {
    const w = await world();
    const [a] = w.chains as [string];
    // The anchor holds seq 6 of chain a; events 7 and 8 came after it. Delete 6, 7 and 8.
    await asSuperuser(w.db, async (q) => {
      await q.query(`DELETE FROM audit_events WHERE chain_key = $1 AND seq > 5`, [a]);
      await q.query(
        `UPDATE audit_chains c SET last_seq = e.seq, last_hash = e.hash, prev_hash = e.prev_hash
           FROM audit_events e WHERE e.region_id = c.region_id AND e.chain_key = c.chain_key AND c.chain_key = $1 AND e.seq = 5`, [a]);
    });
    // The chains alone cannot see it.
    expect((await verifyAudit(w.db)).ok).toBe(true);
    const r = await verifyAudit(w.db, { anchors: w.audit });
    expect(r.ok).toBe(false);
    expect(named(r.problems, a)).toEqual([expect.objectContaining({ kind: 'anchor_mismatch', seq: 6 })]);
    expect(r.problemCount).toBe(1);
  });

  it('(c) a rewritten anchor row in the database is caught: its signature fails and it differs from the external file', async () => {
    const w = await world();
    const [a] = w.chains as [string];
    // The superuser truncates chain a as in (b) and rewrites the anchor row to match (no key: the mac stays).
    await asSuperuser(w.db, async (q) => {
      await q.query(`DELETE FROM audit_events WHERE chain_key = $1 AND seq > 5`, [a]);
      await q.query(
        `UPDATE audit_chains c SET last_seq = e.seq, last_hash = e.hash, prev_hash = e.prev_hash
           FROM audit_events e WHERE e.region_id = c.region_id AND e.chain_key = c.chain_key AND c.chain_key = $1 AND e.seq = 5`, [a]);
      await q.query(`ALTER TABLE audit_anchors DISABLE TRIGGER USER`);
      const [e5] = await q.query<{ hash: string }>(`SELECT hash FROM audit_events WHERE chain_key = $1 AND seq = 5`, [a]);
      await q.query(
        `UPDATE audit_anchors SET heads = (SELECT jsonb_agg(CASE WHEN h->>0 = $1 THEN jsonb_build_array($1::text, 5, $2::text) ELSE h END)
                                             FROM jsonb_array_elements(heads) h)`, [a, e5!.hash]);
      await q.query(`ALTER TABLE audit_anchors ENABLE TRIGGER USER`);
    });
    const r = await verifyAudit(w.db, { anchors: w.audit });
    expect(r.ok).toBe(false);
    expect(r.problems).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'anchor_forged', anchor: 1 })]));
    // The external file still holds the true head, so the truncated chain is named as well.
    expect(named(r.problems, a)).toEqual([expect.objectContaining({ kind: 'anchor_mismatch', seq: 6 })]);

    // The anchor row deleted instead: the external file still has it.
    await w.db.query(`ALTER TABLE audit_anchors DISABLE TRIGGER USER`);
    await w.db.query(`DELETE FROM audit_anchors`);
    await w.db.query(`ALTER TABLE audit_anchors ENABLE TRIGGER USER`);
    const gone = await verifyAudit(w.db, { anchors: w.audit });
    expect(gone.problems).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'anchor_missing', anchor: 1 })]));
    expect(named(gone.problems, a)).toEqual([expect.objectContaining({ kind: 'anchor_mismatch', seq: 6 })]);
  });

  it('an anchor line edited in the external file, or checked with another key, is reported as forged', async () => {
    const w = await world();
    const file = path.join(w.audit.anchorDir!, 'audit-anchors.jsonl');
    const line = JSON.parse((await readFile(file, 'utf8')).trim()) as { digest: string };
    await writeFile(file, JSON.stringify({ ...line, digest: 'f'.repeat(64) }) + '\n');
    const r = await verifyAudit(w.db, { anchors: w.audit });
    expect(r.problems).toEqual([expect.objectContaining({ kind: 'anchor_forged', anchor: 1 })]);

    const other = await verifyAudit(w.db, { anchors: { ...w.audit, key: 'another-key-'.padEnd(48, 'x') } });
    expect(other.ok).toBe(false);
    expect(other.problems.filter((p) => p.kind === 'anchor_forged').length).toBeGreaterThanOrEqual(1);
  });
});
