/**
 * Concurrency: two sessions race to change the same plan, consent or network with the
 * version they both read. Exactly one wins, the other gets 409; no update is lost
 * (the plan has exactly as many versions as there were winners) and the audit chains
 * stay valid. On PostgreSQL the two requests really run in parallel (pool); on PGlite
 * transactions take turns, which must give the same answer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { as, createTestApp, login, type TestApp } from '../helpers.ts';
import { buildFixture, startNetwork, type Fixture } from '../kindkring-fixture.ts';
import { verifyAudit } from '../../server/core/audit-verify.ts';

const PLAN_ROUNDS = 200;
const CONSENT_ROUNDS = 150;
const LEAD_ROUNDS = 150;
let t: TestApp;
let f: Fixture;
const races = { plan: 0, consent: 0, lead: 0 };

beforeAll(async () => {
  t = await createTestApp();
  f = await buildFixture(t.app, t.db);
  await startNetwork(t.app, f);
});
afterAll(async () => {
  const total = 2 * (races.plan + races.consent + races.lead);
  console.log(`[trust] concurrency (${t.db.kind}): ${total} racing attempts in ${races.plan + races.consent + races.lead} rounds ` +
    `(plan ${races.plan}, consent ${races.consent}, lead ${races.lead}); exactly one winner each`);
  await t.close();
});

function oneWinner(a: LightMyRequestResponse, b: LightMyRequestResponse, winCode: number): void {
  const codes = [a.statusCode, b.statusCode].sort();
  expect(codes, `${a.body.slice(0, 200)} | ${b.body.slice(0, 200)}`).toEqual([winCode, 409].sort());
  const loser = a.statusCode === 409 ? a : b;
  expect(loser.json().error.code).toBe('conflict');
}

describe('racing writes from two sessions', () => {
  it(`plan: ${PLAN_ROUNDS} rounds of two PUTs with the same If-Match — one 200, one 409, no lost update`, async () => {
    const wijk = as(t.app, f.s.wijk!);
    const ib = as(t.app, f.s.ib!);
    const url = `/api/v1/children/${f.child.c8}/plan`;
    let version = (await wijk({ method: 'GET', url })).json().versionNumber as number;
    const start = version;
    let wins = 0;
    for (let i = 0; i < PLAN_ROUNDS; i++) {
      const body = (who: string) => ({ goals: [{ id: 'g1', text: `Doel van ${who} ronde ${i}` }], actions: [], changeSummary: `${who} ronde ${i}` });
      const [a, b] = await Promise.all([
        wijk({ method: 'PUT', url, headers: { 'if-match': `"${version}"` }, payload: body('wijk') }),
        ib({ method: 'PUT', url, headers: { 'if-match': `"${version}"` }, payload: body('ib') }),
      ]);
      oneWinner(a, b, 200);
      const winner = a.statusCode === 200 ? a : b;
      expect(winner.json().versionNumber).toBe(version + 1);
      // The loser's 409 carries the current plan, with the winner's text.
      const loser = a.statusCode === 409 ? a : b;
      expect(loser.json().error.current.versionNumber).toBe(version + 1);
      version++;
      wins++;
      races.plan++;
    }
    const [p] = await t.db.query<{ current_version: number; n: number }>(
      `SELECT p.current_version, (SELECT count(*)::int FROM plan_versions v WHERE v.region_id = p.region_id AND v.plan_id = p.id) AS n FROM plans p WHERE p.young_person_id = $1`, [f.child.c8]);
    expect(p!.current_version).toBe(start + wins);
    expect(p!.n).toBe(start + wins);
  });

  it(`consent: ${CONSENT_ROUNDS} rounds of two withdrawals of one consent — one 200, one 409`, async () => {
    const mum1 = as(t.app, f.s.mum!);
    const mum2 = as(t.app, await login(t.app, f.user.mum.email));
    const ids: string[] = [];
    for (let i = 0; i < CONSENT_ROUNDS; i++) {
      const given = await mum1({ method: 'POST', url: `/api/v1/children/${f.child.c8}/consents`, payload: { purpose: 'share_in_network', recipientOrganisationId: f.org.jgz } });
      expect(given.statusCode, given.body).toBe(201);
      const list = given.json().consents as { id: string; active: boolean; givenBy: { userId: string } }[];
      const id = list.find((c) => c.active && c.givenBy.userId === f.user.mum.id && !ids.includes(c.id))!.id;
      ids.push(id);
      const url = `/api/v1/children/${f.child.c8}/consents/${id}/withdraw`;
      const [a, b] = await Promise.all([mum1({ method: 'POST', url }), mum2({ method: 'POST', url })]);
      oneWinner(a, b, 200);
      races.consent++;
    }
    const [row] = await t.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM consents WHERE id = ANY($1::uuid[]) AND withdrawn_at IS NOT NULL AND version = 2`, [ids]);
    expect(row!.n).toBe(CONSENT_ROUNDS);
    const [ev] = await t.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_events WHERE kind = 'consent.withdrawn' AND subject_id = ANY($1::text[])`, [ids]);
    expect(ev!.n).toBe(CONSENT_ROUNDS);
  });

  it(`network: ${LEAD_ROUNDS} rounds of two lead handovers with the same If-Match — one 200, one 409`, async () => {
    // Both sessions are the lead's and both confirm the lead to themselves, so both stay
    // authorised and only the version decides. (A racing handover to someone else makes the
    // loser no longer lead: that is a 403, checked below.)
    const lead1 = as(t.app, f.s.wijk!);
    const lead2 = as(t.app, await login(t.app, f.user.wijk.email));
    const url = `/api/v1/children/${f.child.c8}/network/lead`;
    const [before] = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM lead_handovers WHERE young_person_id = $1`, [f.child.c8]);
    let version = (await lead1({ method: 'GET', url: `/api/v1/children/${f.child.c8}/network` })).json().version as number;
    for (let i = 0; i < LEAD_ROUNDS; i++) {
      const payload = { userId: f.user.wijk.id, reason: `Regie bevestigd, ronde ${i}` };
      const [a, b] = await Promise.all([
        lead1({ method: 'POST', url, headers: { 'if-match': `"${version}"` }, payload }),
        lead2({ method: 'POST', url, headers: { 'if-match': `"${version}"` }, payload }),
      ]);
      oneWinner(a, b, 200);
      version++;
      races.lead++;
    }
    const [after] = await t.db.query<{ n: number; v: number }>(
      `SELECT (SELECT count(*)::int FROM lead_handovers WHERE young_person_id = $1) AS n, (SELECT version FROM networks WHERE young_person_id = $1 AND status = 'active') AS v`, [f.child.c8]);
    expect(after!.n - before!.n).toBe(LEAD_ROUNDS);
    expect(after!.v).toBe(version);
    // Handing over to two different people at once: one wins, the other never gets a 2xx.
    const [a, b] = await Promise.all([
      lead1({ method: 'POST', url, headers: { 'if-match': `"${version}"` }, payload: { userId: f.user.ib.id, reason: 'Naar school' } }),
      lead2({ method: 'POST', url, headers: { 'if-match': `"${version}"` }, payload: { userId: f.user.wijk.id, reason: 'Blijft bij wijkteam' } }),
    ]);
    expect([a.statusCode, b.statusCode].filter((c) => c === 200)).toHaveLength(1);
    for (const r of [a, b]) if (r.statusCode !== 200) expect([403, 409]).toContain(r.statusCode);
  });

  it('the audit chains are valid after all the racing writes', async () => {
    const r = await verifyAudit(t.db);
    expect(r.ok, JSON.stringify(r.firstBroken)).toBe(true);
    // Every winning write has exactly its audit event; losers wrote none.
    const [pv] = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_events WHERE kind = 'plan.version_created' AND young_person_id = $1`, [f.child.c8]);
    const [vs] = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM plan_versions WHERE young_person_id = $1`, [f.child.c8]);
    expect(pv!.n).toBe(vs!.n);
  });
});


