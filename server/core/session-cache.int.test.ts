/**
 * The actor cache (core/session.ts): a server process may keep who a session is for a short
 * while, but every change to a session, an account or a membership must take effect on the
 * very next request — whoever makes it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { as, createTestApp, freshDb, login, makeOrg, makeRegion, makeUser, testConfig, type TestApp } from '../../test/helpers.ts';
import { buildApp } from '../app.ts';
import type { Db } from './db.ts';
import { ActorCache, type Actor } from './session.ts';

const onPostgres = Boolean(process.env.DATABASE_URL);

let t: TestApp;
let regionId: string;
let leerplichtOrg: string;
beforeAll(async () => {
  t = await createTestApp();
  regionId = await makeRegion(t.db);
  leerplichtOrg = await makeOrg(t.db, regionId, 'leerplicht');
});
afterAll(async () => t.close());

async function officer() {
  const u = await makeUser(t.db, { regionId, memberships: [{ organisationId: leerplichtOrg, role: 'leerplicht_officer' }] });
  const s = await login(t.app, u.email);
  const worklist = async () => (await as(t.app, s)({ method: 'GET', url: '/api/v1/leerplicht/worklist' })).statusCode;
  // Twice: the second request is the one a cache would answer.
  expect(await worklist()).toBe(200);
  expect(await worklist()).toBe(200);
  return { u, s, worklist };
}

describe('changes to who a user is take effect on the next request', () => {
  it('a session deleted with plain SQL', async () => {
    const { u, worklist } = await officer();
    await t.db.query(`DELETE FROM sessions WHERE user_id = $1`, [u.id]);
    expect(await worklist()).toBe(401);
  });

  it('a membership removed with plain SQL', async () => {
    const { u, worklist } = await officer();
    await t.db.query(`DELETE FROM memberships WHERE user_id = $1`, [u.id]);
    expect(await worklist()).toBe(403);
  });

  it('an account made inactive', async () => {
    const { u, worklist } = await officer();
    await t.db.query(`UPDATE users SET active = false WHERE id = $1`, [u.id]);
    expect(await worklist()).toBe(401);
  });

  it('an organisation that changes type', async () => {
    // An SWV coordinator reads the worklist because the organisation is an SWV.
    const org = await makeOrg(t.db, regionId, 'swv');
    const u = await makeUser(t.db, { regionId, memberships: [{ organisationId: org, role: 'swv_coordinator' }] });
    const s = await login(t.app, u.email);
    const me = async () => (await as(t.app, s)({ method: 'GET', url: '/api/v1/leerplicht/worklist' })).statusCode;
    expect(await me()).toBe(200);
    expect(await me()).toBe(200);
    await t.db.query(`UPDATE organisations SET type = 'school' WHERE id = $1`, [org]);
    expect(await me()).toBe(403);
  });

  it('a rolled-back change changes nothing', async () => {
    const { u, worklist } = await officer();
    await expect(t.db.tx(async (q) => {
      await q.query(`DELETE FROM sessions WHERE user_id = $1`, [u.id]);
      throw new Error('changed my mind');
    })).rejects.toThrow('changed my mind');
    expect(await worklist()).toBe(200);
  });

  it.skipIf(!onPostgres)('a session ended by another process (its own connection) within a moment', async () => {
    const { u, worklist } = await officer();
    const [{ db: name }] = await t.db.query<{ db: string }>(`SELECT current_database() AS db`) as [{ db: string }];
    const url = new URL(process.env.DATABASE_URL!);
    url.pathname = `/${name}`;
    const other = new pg.Client({ connectionString: url.toString() });
    await other.connect();
    await other.query(`DELETE FROM sessions WHERE user_id = $1`, [u.id]);
    await other.end();
    const until = Date.now() + 2000;
    let status = await worklist();
    while (status !== 401 && Date.now() < until) {
      await new Promise((r) => setTimeout(r, 20));
      status = await worklist();
    }
    expect(status).toBe(401);
  });
});

describe('a repeat request needs no session statement', () => {
  it('loads the session once for several requests', async () => {
    const { db, drop } = await freshDb();
    let sessionReads = 0;
    const counting: Db = { ...db, query: async (sql, params) => {
      if (sql.includes('FROM sessions s JOIN users u')) sessionReads++;
      return db.query(sql, params);
    } };
    const app = await buildApp(testConfig(), { db: counting, logger: false });
    try {
      const r = await makeRegion(db);
      const u = await makeUser(db, { regionId: r });
      const s = await login(app, u.email);
      const before = sessionReads;
      for (let i = 0; i < 5; i++) expect((await as(app, s)({ method: 'GET', url: '/api/v1/me' })).statusCode).toBe(200);
      expect(sessionReads - before).toBe(1);

      // The once-a-minute touch (last_seen_at) keeps the cached session (migration 0012) …
      const me = async () => expect((await as(app, s)({ method: 'GET', url: '/api/v1/me' })).statusCode).toBe(200);
      const settle = () => new Promise((r) => setTimeout(r, 150)); // time for a NOTIFY to arrive, had one been sent
      await db.query(`UPDATE sessions SET last_seen_at = now() WHERE user_id = $1`, [u.id]);
      await settle();
      await me();
      expect(sessionReads - before).toBe(1);
      // … any other change to the session still drops it.
      // (The new time is computed apart: Citus refuses a time zone dependent expression over a column in UPDATE.)
      const [{ at } = { at: new Date() }] = await db.query<{ at: Date }>(`SELECT expires_at AS at FROM sessions WHERE user_id = $1`, [u.id]);
      await db.query(`UPDATE sessions SET expires_at = $2 WHERE user_id = $1`, [u.id, new Date(new Date(at).getTime() - 1000)]);
      await settle();
      await me();
      expect(sessionReads - before).toBe(2);
    } finally {
      await app.close();
      await drop();
    }
  });
});

describe('ActorCache', () => {
  const actor = (userId: string) => ({ userId }) as Actor;

  it('keeps nothing while its invalidation channel is not listening', () => {
    const c = new ActorCache(30_000);
    c.put('h', actor('u1'), Date.now() + 60_000, c.begin());
    expect(c.get('h')).toBeNull();
    c.setLive(true);
    c.put('h', actor('u1'), Date.now() + 60_000, c.begin());
    expect(c.get('h')?.userId).toBe('u1');
    c.setLive(false);
    expect(c.get('h')).toBeNull();
  });

  it('does not keep a load that began before its user (or everyone) was forgotten', () => {
    const c = new ActorCache(30_000);
    c.setLive(true);
    let began = c.begin();
    c.forget('u1'); // the change commits while the load is under way
    c.put('h', actor('u1'), Date.now() + 60_000, began);
    expect(c.get('h')).toBeNull();
    began = c.begin();
    c.forget('u2'); // somebody else: no reason to refuse
    c.put('h', actor('u1'), Date.now() + 60_000, began);
    expect(c.get('h')?.userId).toBe('u1');
    began = c.begin();
    c.forget('*');
    c.put('h2', actor('u3'), Date.now() + 60_000, began);
    expect(c.get('h2')).toBeNull();
  });

  it('forgets one user, or everyone', () => {
    const c = new ActorCache(30_000);
    c.setLive(true);
    c.put('a', actor('u1'), Date.now() + 60_000, c.begin());
    c.put('b', actor('u2'), Date.now() + 60_000, c.begin());
    c.forget('u1');
    expect(c.get('a')).toBeNull();
    expect(c.get('b')?.userId).toBe('u2');
    c.forget('*');
    expect(c.get('b')).toBeNull();
  });

  it('keeps an entry no longer than its time to live, and never past the session end', () => {
    const c = new ActorCache(30_000, 20_000, () => 1); // the longest a random draw can give
    c.setLive(true);
    const now = 1_000_000;
    c.put('a', actor('u1'), now + 60_000, c.begin(), now);
    c.put('b', actor('u2'), now + 5_000, c.begin(), now);
    expect(c.get('a', now + 29_999)?.userId).toBe('u1');
    expect(c.get('a', now + 30_000)).toBeNull();
    expect(c.get('b', now + 4_999)?.userId).toBe('u2');
    expect(c.get('b', now + 5_000)).toBeNull();
  });

  it('spreads entries over 75–100 % of the time to live, so a burst of loads is not reloaded in one burst', () => {
    const shortest = new ActorCache(30_000, 20_000, () => 0);
    shortest.setLive(true);
    const now = 1_000_000;
    shortest.put('a', actor('u1'), now + 60_000, shortest.begin(), now);
    expect(shortest.get('a', now + 22_499)?.userId).toBe('u1');
    expect(shortest.get('a', now + 22_500)).toBeNull();
  });
});
