/**
 * Issue 21.6: the family evaluates too. The young person and each parent answer their own part of
 * the evaluation of the plan in force; the answer is theirs (nobody else changes it, a parent does
 * not read the young person's); the network's professionals read every answer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, type TestApp } from '../../../test/helpers.ts';
import { buildFixture, startNetwork, type Fixture } from '../../../test/kindkring-fixture.ts';

let t: TestApp;
let f: Fixture;
const api = (who: string) => as(t.app, f.s[who]!);
const url = () => `/api/v1/children/${f.child.c8}/evaluations/family`;
const answer = { wentWell: 'Kees slaapt beter en gaat weer graag naar school.', mustChange: 'Meer hulp bij het huiswerk.', ordinaryLife: 'partly', satisfaction: 4 };
type View = { planVersion: number | null; mine: { id: string; version: number; wentWell: string; relation: string } | null; answers: { author: string; relation: string; mine: boolean }[]; allowedActions: string[] };

beforeAll(async () => {
  t = await createTestApp();
  f = await buildFixture(t.app, t.db);
  await startNetwork(t.app, f);
});
afterAll(async () => t.close());

describe("the family's own part of the evaluation", () => {
  it('without a plan there is nothing to evaluate yet (422), and nothing is written', async () => {
    const r = await api('mum')({ method: 'PUT', url: url(), headers: { 'if-match': '"0"' }, payload: answer });
    expect(r.statusCode).toBe(422);
    const [n] = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM evaluation_family_answers`);
    expect(n!.n).toBe(0);
  });

  it('a parent answers their own part; a professional cannot answer for them (403); outsiders get 404', async () => {
    const plan = await api('wijk')({ method: 'PUT', url: `/api/v1/children/${f.child.c8}/plan`, headers: { 'if-match': '"0"' }, payload: { goals: [{ id: 'g1', text: 'Kees slaapt beter.' }], actions: [], changeSummary: 'Eerste plan' } });
    expect(plan.statusCode, plan.body).toBe(200);
    const r = await api('mum')({ method: 'PUT', url: url(), headers: { 'if-match': '"0"' }, payload: answer });
    expect(r.statusCode, r.body).toBe(200);
    const v = r.json() as View;
    expect(v.mine).toMatchObject({ wentWell: answer.wentWell, relation: 'parent', version: 1 });
    expect(v.planVersion).toBe(1);
    expect((await api('wijk')({ method: 'PUT', url: url(), headers: { 'if-match': '"0"' }, payload: answer })).statusCode).toBe(403);
    for (const who of ['outsider', 'otherParent', 'policy']) expect((await api(who)({ method: 'GET', url: url() })).statusCode, who).toBe(404);
  });

  it('the answer is its author\'s: a second first answer or a stale version is 409; the other parent gets their own', async () => {
    const again = await api('mum')({ method: 'PUT', url: url(), headers: { 'if-match': '"0"' }, payload: { ...answer, wentWell: 'Overschreven?' } });
    expect(again.statusCode).toBe(409);
    const stale = await api('mum')({ method: 'PUT', url: url(), headers: { 'if-match': '"7"' }, payload: answer });
    expect(stale.statusCode).toBe(409);
    const changed = await api('mum')({ method: 'PUT', url: url(), headers: { 'if-match': '"1"' }, payload: { ...answer, mustChange: 'Vaker contact met school.' } });
    expect((changed.json() as View).mine).toMatchObject({ version: 2 });
    // Dad's "first answer" is his own row; it cannot touch mum's.
    const dad = await api('dad')({ method: 'PUT', url: url(), headers: { 'if-match': '"0"' }, payload: { ...answer, wentWell: 'Het gaat beter thuis.' } });
    expect((dad.json() as View).mine).toMatchObject({ wentWell: 'Het gaat beter thuis.', version: 1 });
    const mum = (await api('mum')({ method: 'GET', url: url() })).json() as View;
    expect(mum.mine).toMatchObject({ wentWell: answer.wentWell });
    // A parent reads their own answers only.
    expect(mum.answers.every((a) => a.mine)).toBe(true);
  });

  it('the professionals of the network read every answer, with who wrote it; they may not answer', async () => {
    const v = (await api('wijk')({ method: 'GET', url: url() })).json() as View;
    expect(v.answers.map((a) => a.author).sort()).toEqual(['Mia Moeder', 'Vince Vader']);
    expect(v.allowedActions).toEqual([]);
    const [ev] = await t.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_events WHERE region_id = $1 AND chain_key = $2 AND kind = 'evaluation.family_read' AND actor_user_id = $3`,
      [f.regionId, `yp:${f.child.c8}`, f.user.wijk.id]);
    expect(ev!.n).toBeGreaterThan(0);
  });

  it('bad input is a 400 and writes nothing', async () => {
    const before = (await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM evaluation_family_answers`))[0]!.n;
    for (const payload of [{ ...answer, ordinaryLife: 'sometimes' }, { ...answer, satisfaction: 9 }, { ...answer, wentWell: '' }, { ...answer, extra: 1 }]) {
      expect((await api('dad')({ method: 'PUT', url: url(), headers: { 'if-match': '"1"' }, payload })).statusCode).toBe(400);
    }
    expect((await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM evaluation_family_answers`))[0]!.n).toBe(before);
  });
});
