/**
 * Crash safety: the real server process is killed with SIGKILL in the middle of a batch
 * of writes and started again on the same data (a PGlite data directory, or the
 * PostgreSQL database when DATABASE_URL is set). Every write the client saw
 * acknowledged must be there, nothing may be half-written, and the audit chains verify.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { createDatabase, dropDatabase } from '../citus.ts';
import { openDb, type Db } from '../../server/core/db.ts';
import { verifyAudit } from '../../server/core/audit-verify.ts';

const ADMIN = { email: 'crash-admin@test.example', password: 'Crash-safety-admin-pass-8' };
const ROUNDS = 3;
const stats = { crashes: 0, acknowledged: 0, attempted: 0 };

let pgName: string | null = null;
let dbUrl: string | null = null;
const dataDir = mkdtempSync(path.join(tmpdir(), 'rondom-crash-'));

async function setupPostgres(): Promise<void> {
  const url = process.env.DATABASE_URL!;
  pgName = `rondom_crash_${randomBytes(5).toString('hex')}`;
  // On Citus a database of the cluster, so the crashes hit a distributed database.
  dbUrl = await createDatabase(url, pgName);
}

afterAll(async () => {
  if (pgName) await dropDatabase(process.env.DATABASE_URL!, pgName);
  console.log(`[trust] crash safety (${process.env.DATABASE_URL ? 'postgresql' : 'pglite'}): ${stats.crashes} SIGKILL crashes survived, ` +
    `${stats.attempted} writes attempted, ${stats.acknowledged} acknowledged and all found after restart`);
});

interface Server { child: ChildProcess; base: string; exited: Promise<number | null>; output: () => string }

function start(): Promise<Server> {
  const port = String(20000 + Math.floor(Math.random() * 20000));
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: {
      ...process.env, DATABASE_URL: dbUrl ?? '', RONDOM_DATA_DIR: dataDir, RONDOM_DEMO: 'false', RONDOM_JOBS: 'false',
      RONDOM_ADMIN_EMAIL: ADMIN.email, RONDOM_ADMIN_PASSWORD: ADMIN.password, PORT: port, LOG_LEVEL: 'warn',
      RONDOM_LOGIN_RATE_LIMIT: '1000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (/runs at http/.test(out)) resolve({ child, base: `http://127.0.0.1:${port}`, exited, output: () => out });
    });
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    void exited.then((code) => reject(new Error(`server exited (${code}) before it was ready:\n${out}`)));
  });
}

async function loginHttp(base: string): Promise<{ cookie: string; csrf: string; regionId: string }> {
  const res = await fetch(`${base}/api/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) });
  expect(res.status).toBe(200);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('rondom_session='))!.split(';')[0]!;
  const body = (await res.json()) as { csrfToken: string; regionId: string };
  return { cookie, csrf: body.csrfToken, regionId: body.regionId };
}

interface Acked { orgs: Map<string, string>; users: Map<string, string> }

/** Fires writes 4 at a time; kills the server with SIGKILL once `killAfter` are acknowledged, while others are in flight. */
async function batchUntilKilled(srv: Server, round: number, killAfter: number, acked: Acked): Promise<void> {
  const s = await loginHttp(srv.base);
  const headers = { 'content-type': 'application/json', cookie: s.cookie, 'x-csrf-token': s.csrf };
  let n = 0;
  let ackedThisRound = 0;
  let killed = false;
  const worker = async (w: number) => {
    while (!killed) {
      const i = n++;
      stats.attempted++;
      try {
        if (i % 3 !== 2 || acked.orgs.size === 0) {
          const name = `Crash org r${round} w${w} #${i}`;
          const res = await fetch(`${srv.base}/api/v1/admin/organisations`, { method: 'POST', headers, body: JSON.stringify({ regionId: s.regionId, type: 'wijkteam', name }) });
          if (res.status === 201) {
            acked.orgs.set(((await res.json()) as { id: string }).id, name);
            ackedThisRound++;
          }
          else expect(res.status, await res.text()).toBe(201);
        } else {
          const email = `crash-r${round}-${i}@test.example`;
          const orgId = [...acked.orgs.keys()][i % acked.orgs.size]!;
          const res = await fetch(`${srv.base}/api/v1/admin/users`, {
            method: 'POST', headers,
            body: JSON.stringify({ regionId: s.regionId, kind: 'staff', email, displayName: `Crash user ${i}`, password: 'A-long-crash-passphrase-42', memberships: [{ organisationId: orgId, role: 'youth_care_professional' }] }),
          });
          if (res.status === 201) {
            acked.users.set(((await res.json()) as { id: string }).id, email);
            ackedThisRound++;
          }
          else expect(res.status, await res.text()).toBe(201);
        }
      } catch (err) {
        if (!killed) throw err; // a request cut off by the kill is not acknowledged
      }
      if (ackedThisRound >= killAfter && !killed) {
        killed = true;
        srv.child.kill('SIGKILL');
      }
    }
  };
  await Promise.all([0, 1, 2, 3].map(worker));
  expect(await srv.exited).toBeNull(); // killed by signal, not a clean exit
  stats.crashes++;
}

async function checkInvariants(db: Db, acked: Acked): Promise<void> {
  const orgs = new Set((await db.query<{ id: string }>(`SELECT id FROM organisations`)).map((r) => r.id));
  for (const [id, name] of acked.orgs) expect(orgs.has(id), `acknowledged organisation ${name} is missing`).toBe(true);
  const users = new Set((await db.query<{ id: string }>(`SELECT id FROM users`)).map((r) => r.id));
  for (const [id, email] of acked.users) expect(users.has(id), `acknowledged user ${email} is missing`).toBe(true);
  // Nothing half-written: every row has its audit event and every user their membership, and vice versa.
  // (Read as sets and compared here: on Citus accounts and organisations are reference tables and
  // the audit log is distributed, and a correlated subquery between the two is not supported.)
  const subjects = async (kind: string) => new Set((await db.query<{ s: string }>(
    `SELECT subject_id AS s FROM audit_events WHERE kind = $1`, [kind])).map((r) => r.s));
  const orgEvents = await subjects('admin.organisation_created');
  const userEvents = await subjects('admin.user_created');
  const members = new Set((await db.query<{ u: string }>(`SELECT DISTINCT user_id AS u FROM memberships`)).map((r) => r.u));
  const crashUsers = (await db.query<{ id: string }>(`SELECT id FROM users WHERE email LIKE 'crash-r%'`)).map((r) => r.id);
  const orphans = {
    orgs: [...orgs].filter((id) => !orgEvents.has(id)).length,
    users: [...users].filter((id) => !userEvents.has(id)).length,
    memberships: crashUsers.filter((id) => !members.has(id)).length,
    events: [...orgEvents].filter((id) => !orgs.has(id)).length,
  };
  expect(orphans).toEqual({ orgs: 0, users: 0, memberships: 0, events: 0 });
  const audit = await verifyAudit(db);
  expect(audit.ok, JSON.stringify(audit.firstBroken)).toBe(true);
}

describe(`crash safety on ${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite (data directory)'}`, () => {
  it(`survives ${ROUNDS} SIGKILLs mid-batch with every acknowledged write intact`, async () => {
    if (process.env.DATABASE_URL) await setupPostgres();
    const acked: Acked = { orgs: new Map(), users: new Map() };
    let srv = await start();
    for (let round = 1; round <= ROUNDS; round++) {
      await batchUntilKilled(srv, round, 10 + round * 7, acked);
      srv = await start(); // restart on the same data after the crash
      // The restarted server is usable: it logs in and takes a write.
      const s = await loginHttp(srv.base);
      const probe = await fetch(`${srv.base}/api/v1/admin/organisations`, {
        method: 'POST', headers: { 'content-type': 'application/json', cookie: s.cookie, 'x-csrf-token': s.csrf },
        body: JSON.stringify({ regionId: s.regionId, type: 'school', name: `After crash ${round}` }),
      });
      expect(probe.status).toBe(201);
      acked.orgs.set(((await probe.json()) as { id: string }).id, `After crash ${round}`);
      if (dbUrl) {
        const db = await openDb({ url: dbUrl, poolSize: 2 });
        try {
          await checkInvariants(db, acked);
        } finally {
          await db.close();
        }
      }
    }
    stats.acknowledged = acked.orgs.size + acked.users.size;
    // Stop the last server cleanly; on PGlite the data directory is then checked in-process.
    srv.child.kill('SIGTERM');
    expect(await srv.exited).toBe(0);
    if (!dbUrl) {
      const db = await openDb({ dataDir });
      try {
        await checkInvariants(db, acked);
      } finally {
        await db.close();
      }
    }
    expect(acked.orgs.size).toBeGreaterThan(30);
    expect(acked.users.size).toBeGreaterThan(5);
  }, 300_000);
});
