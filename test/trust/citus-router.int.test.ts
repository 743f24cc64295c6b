/**
 * On a Citus cluster, every statement of the hot paths (the benchmark's scenarios: the home
 * worklist, the case views, a plan-action update, the thuiszitter worklist and the Inspectie
 * export) stays inside one region: a router query, one shard, no subplans. The statements are
 * the ones the app really sends (recorded while the requests run), each EXPLAINed with its own
 * parameters. A second region with data of its own is there so a statement that forgets its
 * region would have somewhere else to go.
 *
 * Runs only against Citus (DATABASE_URL at a Citus coordinator, as .ci/run's Citus stage does);
 * elsewhere it says so and skips.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app.ts';
import { isCitus } from '../../server/core/distribute.ts';
import type { Db } from '../../server/core/db.ts';
import { plusDays, today } from '../../shared/dates.ts';
import { as, freshDb, login, makeOrg, makeUser, testConfig, type Session } from '../helpers.ts';
import { bornYearsAgo, buildFixture, insertChild, startNetwork, type Fixture } from '../kindkring-fixture.ts';
import { explainable, recordingDb, shardReach, type Statement } from '../statements.ts';

let citus = false;
let db: Db;
let drop: () => Promise<void>;
let app: Awaited<ReturnType<typeof buildApp>>;
let f: Fixture;
let lpa: Session;
let swv: Session;
let swvId: string;
const statements: Statement[] = [];

beforeAll(async () => {
  ({ db, drop } = await freshDb());
  citus = db.kind === 'postgresql' && (await isCitus(db));
  if (!citus) return;
  app = await buildApp(testConfig(), { db: recordingDb(db, statements), logger: process.env.RONDOM_TEST_LOG ? { level: process.env.RONDOM_TEST_LOG } : false });
  // Two regions with the same story, so both hold rows.
  const other = await buildFixture(app, db);
  await startNetwork(app, other);
  f = await buildFixture(app, db);
  await startNetwork(app, f);
  const wijk = as(app, f.s.wijk!);
  const plan = await wijk({ method: 'PUT', url: `/api/v1/children/${f.child.c8}/plan`, headers: { 'if-match': '"0"' }, payload: {
    goals: [{ id: 'g1', text: 'Kees gaat uitgerust naar school.' }],
    actions: [{ goalId: 'g1', what: 'Vaste bedtijd afspreken', ownerName: 'ouders', dueOn: plusDays(today(), 14) }],
    nextEvaluationOn: plusDays(today(), 42), changeSummary: 'Eerste plan',
  } });
  if (plan.statusCode !== 200) throw new Error(`plan: ${plan.statusCode} ${plan.body}`);
  // Leerplicht: an officer, an SWV and a thuiszitter.
  swvId = await makeOrg(db, f.regionId, 'swv', 'SWV PO Router');
  await db.query(`UPDATE organisations SET swv_id = $2, school_type = 'po' WHERE id = $1`, [f.org.school, swvId]);
  const lpOrg = await makeOrg(db, f.regionId, 'leerplicht', 'Leerplicht Router');
  const officer = await makeUser(db, { regionId: f.regionId, name: 'Lars LPA', memberships: [{ organisationId: lpOrg, role: 'leerplicht_officer' }] });
  const coordinator = await makeUser(db, { regionId: f.regionId, name: 'Sophie SWV', memberships: [{ organisationId: swvId, role: 'swv_coordinator' }] });
  lpa = await login(app, officer.email);
  swv = await login(app, coordinator.email);
  const kid = await insertChild(db, f.regionId, { given: 'Thuis', family: 'Zitter', birthDate: bornYearsAgo(10), schoolId: f.org.school, guardians: [f.user.mum.id] });
  const abs = await as(app, lpa)({ method: 'POST', url: '/api/v1/leerplicht/absences', payload: { youngPersonId: kid, kind: 'long_term_relative', startedOn: plusDays(today(), -40), reasonCategory: 'no_suitable_place' } });
  if (abs.statusCode !== 201) throw new Error(`absence: ${abs.statusCode} ${abs.body}`);
}, 300_000);

afterAll(async () => {
  if (app) await app.close();
  await drop();
});

/** Runs one request, then EXPLAINs every statement it sent; returns those that left one shard. */
async function offRouter(run: () => Promise<{ statusCode: number; body: string }>, expectStatus = 200): Promise<string[]> {
  statements.length = 0;
  const res = await run();
  expect(res.statusCode, res.body).toBe(expectStatus);
  const bad: string[] = [];
  for (const s of statements.filter((x) => explainable(x.sql))) {
    const r = await shardReach(db, s);
    if (r.distributed && (r.maxTasks > 1 || r.subplans > 0)) {
      bad.push(`${r.maxTasks} shards, ${r.subplans} subplans — ${s.from}\n    ${s.sql.replace(/\s+/g, ' ').slice(0, 300)}`);
    }
  }
  return bad;
}

describe('on Citus, the hot paths are router queries (one shard each)', () => {
  const cases: [string, () => Promise<{ statusCode: number; body: string }>][] = [
    ['(a) home worklist', () => as(app, f.s.wijk!)({ method: 'GET', url: '/api/v1/worklist' })],
    ['(b) case view: network', () => as(app, f.s.wijk!)({ method: 'GET', url: `/api/v1/children/${f.child.c8}/network` })],
    ['(b) case view: plan', () => as(app, f.s.wijk!)({ method: 'GET', url: `/api/v1/children/${f.child.c8}/plan` })],
    ['(b) case view: timeline p1', () => as(app, f.s.wijk!)({ method: 'GET', url: `/api/v1/children/${f.child.c8}/timeline?limit=25` })],
    ['(c) plan-action update', async () => {
      const plan = (await as(app, f.s.wijk!)({ method: 'GET', url: `/api/v1/children/${f.child.c8}/plan` }));
      const actionId = plan.json().actions[0].id as string;
      statements.length = 0;
      return as(app, f.s.wijk!)({ method: 'PATCH', url: `/api/v1/children/${f.child.c8}/plan/actions/${actionId}`, headers: { 'if-match': plan.headers.etag as string }, payload: { status: 'in_progress' } });
    }],
    ['(d) thuiszitter worklist', () => as(app, lpa)({ method: 'GET', url: '/api/v1/leerplicht/worklist' })],
    ['(e) Inspectie export (csv)', () => {
      const d = new Date();
      const quarter = `${d.getUTCFullYear()}-Q${Math.floor(d.getUTCMonth() / 3) + 1}`;
      return as(app, swv)({ method: 'GET', url: `/api/v1/leerplicht/inspectie-report?swvId=${swvId}&quarter=${quarter}&format=csv` });
    }],
  ];
  for (const [name, run] of cases) {
    it(name, async (ctx) => {
      if (!citus) return ctx.skip();
      expect(await offRouter(run)).toEqual([]);
    });
  }

  it('the check can fail: a statement without its region reaches every shard', async (ctx) => {
    if (!citus) return ctx.skip();
    const r = await shardReach(db, { sql: 'SELECT count(*) FROM networks WHERE young_person_id = $1', params: [f.child.c8], from: 'test' });
    expect(r.maxTasks).toBeGreaterThan(1);
    const ok = await shardReach(db, { sql: 'SELECT count(*) FROM networks WHERE region_id = $2 AND young_person_id = $1', params: [f.child.c8, f.regionId], from: 'test' });
    expect(ok).toMatchObject({ maxTasks: 1, subplans: 0 });
  });
});
