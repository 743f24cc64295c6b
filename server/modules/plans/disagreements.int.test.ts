/**
 * Issue 17 (5): the disagreement clock. A parent asks for a conversation about the plan; the
 * lead sees it and may resolve it; open past the region's period it is on the municipality
 * coordinator's list (derived on read from the app's clock, which this test moves — no sleeping).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, login, makeOrg, makeRegion, makeUser, type Session, type TestApp } from '../../../test/helpers.ts';
import { buildFixture, startNetwork, type Fixture } from '../../../test/kindkring-fixture.ts';
import { runDailyJobs } from '../../jobs/daily.ts';
import { plusDays, today } from '../../../shared/dates.ts';

const DAY = 86_400_000;
let now = new Date();
let t: TestApp;
let f: Fixture;
const s: Record<string, Session> = {};
const api = (who: string) => as(t.app, s[who] ?? f.s[who]!);
const child = () => f.child.c8;
const base = () => `/api/v1/children/${child()}/plan/disagreements`;

interface List { periodDays: number; allowedActions: string[]; items: { id: string; status: string; escalated: boolean; dueAt: string; reason: string; allowedActions: string[]; resolvedRole: string | null }[] }
const escalated = async (who: string) => (await api(who)({ method: 'GET', url: '/api/v1/disagreements' })).json() as { id: string; childName: string; leadName: string; daysOpen: number; reason: string }[];

beforeAll(async () => {
  t = await createTestApp({ clock: () => now });
  f = await buildFixture(t.app, t.db);
  await startNetwork(t.app, f);
  const coordinator = await makeUser(t.db, { regionId: f.regionId, name: 'Gea Gemeente', memberships: [{ organisationId: f.org.gemeente, role: 'municipality_coordinator' }] });
  const otherRegion = await makeRegion(t.db);
  const otherGemeente = await makeOrg(t.db, otherRegion, 'municipality', 'Gemeente Elders');
  const foreign = await makeUser(t.db, { regionId: otherRegion, name: 'Fons Elders', memberships: [{ organisationId: otherGemeente, role: 'municipality_coordinator' }] });
  for (const [k, u] of Object.entries({ coordinator, foreign })) s[k] = await login(t.app, u.email);
  const plan = await api('wijk')({ method: 'PUT', url: `/api/v1/children/${child()}/plan`, headers: { 'if-match': '"0"' }, payload: { goals: [{ id: 'g1', text: 'Kees slaapt beter.' }], actions: [], changeSummary: 'Eerste plan' } });
  expect(plan.statusCode, plan.body).toBe(200);
});
afterAll(async () => t.close());

describe('asking for a conversation', () => {
  it('only the family asks; a professional gets 403, an outsider 404, bad input 400 and nothing is written', async () => {
    expect((await api('wijk')({ method: 'POST', url: base(), payload: { reason: 'Ik vind het plan niet goed.' } })).statusCode).toBe(403);
    expect((await api('outsider')({ method: 'POST', url: base(), payload: { reason: 'Ik vind het plan niet goed.' } })).statusCode).toBe(404);
    expect((await api('otherParent')({ method: 'POST', url: base(), payload: { reason: 'Ik vind het plan niet goed.' } })).statusCode).toBe(404);
    expect((await api('mum')({ method: 'POST', url: base(), payload: { reason: '' } })).statusCode).toBe(400);
    const [n] = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM plan_disagreements WHERE region_id = $1`, [f.regionId]);
    expect(n!.n).toBe(0);
  });

  it('a parent asks; the lead sees it (and is told), once per person', async () => {
    const res = await api('mum')({ method: 'POST', url: base(), payload: { reason: 'We willen eerst praten over de slaaptijden.' } });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json() as List;
    expect(body.periodDays).toBe(14);
    expect(body.items[0]).toMatchObject({ status: 'open', escalated: false, allowedActions: [] });
    expect(body.allowedActions).toEqual([]);
    expect(new Date(body.items[0]!.dueAt).getTime() - now.getTime()).toBeGreaterThan(13.9 * DAY);
    const again = await api('mum')({ method: 'POST', url: base(), payload: { reason: 'Nog een keer.' } });
    expect(again.statusCode).toBe(409);
    const lead = (await api('wijk')({ method: 'GET', url: base() })).json() as List;
    expect(lead.items[0]).toMatchObject({ reason: 'We willen eerst praten over de slaaptijden.', allowedActions: ['resolveDisagreement'] });
    const inbox = (await api('wijk')({ method: 'GET', url: '/api/v1/notifications' })).json() as { kind: string }[];
    expect(inbox.map((n) => n.kind)).toContain('disagreement.requested');
    // The other parent sees it too (family view) and may still ask themselves.
    expect(((await api('dad')({ method: 'GET', url: base() })).json() as List).allowedActions).toEqual(['requestConversation']);
  });

  it('other professionals in the network do not see the family\'s conversation with the lead (403)', async () => {
    expect((await api('ib')({ method: 'GET', url: base() })).statusCode).toBe(403);
  });
});

describe('the clock', () => {
  it('before the period: not on the coordinator\'s list, and the coordinator cannot resolve it (404)', async () => {
    now = new Date(now.getTime() + 13 * DAY);
    expect(await escalated('coordinator')).toEqual([]);
    const [d] = ((await api('wijk')({ method: 'GET', url: base() })).json() as List).items;
    const res = await api('coordinator')({ method: 'POST', url: `/api/v1/disagreements/${d!.id}/resolve`, payload: { note: 'Ik pak het op.' } });
    expect(res.statusCode).toBe(404);
  });

  it('after the period: on the list of the coordinator of the child\'s region only, with words and the lead', async () => {
    now = new Date(now.getTime() + 1 * DAY + 60_000);
    const list = await escalated('coordinator');
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ childName: 'Kees Kringloop', leadName: 'Wim Wijk', reason: 'We willen eerst praten over de slaaptijden.', daysOpen: 14 });
    expect(((await api('mum')({ method: 'GET', url: base() })).json() as List).items[0]!.escalated).toBe(true);
    for (const who of ['foreign', 'wijk', 'ib', 'policy', 'mum', 'fg']) expect(await escalated(who), who).toEqual([]);
  });

  it('the daily job tells the coordinators of the child\'s region once that a request is past its period, with a link to their list', async () => {
    const inbox = async (who: string) => ((await api(who)({ method: 'GET', url: '/api/v1/notifications' })).json() as { kind: string; link: { to: string } | null }[])
      .filter((n) => n.kind === 'disagreement.overdue');
    expect(await inbox('coordinator')).toEqual([]);
    await runDailyJobs(t.db, plusDays(today(), 15), true);
    const got = await inbox('coordinator');
    expect(got).toHaveLength(1);
    expect(got[0]!.link).toMatchObject({ to: 'home' });
    await runDailyJobs(t.db, plusDays(today(), 16), true);
    expect(await inbox('coordinator')).toHaveLength(1);
    for (const who of ['foreign', 'wijk', 'mum']) expect(await inbox(who), who).toEqual([]);
  });

  it('the coordinator reading the list is a read of the child, in the child\'s own chain (the family sees it)', async () => {
    const count = async () => (await t.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_events WHERE region_id = $1 AND chain_key = $2 AND kind = 'disagreement.list_read' AND actor_user_id = $3`,
      [f.regionId, `yp:${child()}`, s.coordinator!.userId]))[0]!.n;
    const before = await count();
    expect(await escalated('coordinator')).toHaveLength(1);
    expect(await count()).toBe(before + 1);
  });

  it('who may resolve: not the family, not another professional, not another region; the coordinator, with a note, once', async () => {
    const [d] = ((await api('wijk')({ method: 'GET', url: base() })).json() as List).items;
    expect((await api('mum')({ method: 'POST', url: `${base()}/${d!.id}/resolve`, payload: { note: 'Opgelost.' } })).statusCode).toBe(403);
    expect((await api('ib')({ method: 'POST', url: `${base()}/${d!.id}/resolve`, payload: { note: 'Opgelost.' } })).statusCode).toBe(403);
    expect((await api('foreign')({ method: 'POST', url: `/api/v1/disagreements/${d!.id}/resolve`, payload: { note: 'Opgelost.' } })).statusCode).toBe(404);
    expect((await api('mum')({ method: 'POST', url: `/api/v1/disagreements/${d!.id}/resolve`, payload: { note: 'Opgelost.' } })).statusCode).toBe(404);
    expect((await api('coordinator')({ method: 'POST', url: `/api/v1/disagreements/${d!.id}/resolve`, payload: { note: '' } })).statusCode).toBe(400);
    const res = await api('coordinator')({ method: 'POST', url: `/api/v1/disagreements/${d!.id}/resolve`, payload: { note: 'Gesprek met ouders en regisseur op school; slaaptijden aangepast.' } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'resolved' });
    expect(await escalated('coordinator')).toEqual([]);
    const after = ((await api('mum')({ method: 'GET', url: base() })).json() as List).items[0]!;
    expect(after).toMatchObject({ status: 'resolved', resolvedRole: 'coordinator', escalated: false });
    expect((await api('wijk')({ method: 'POST', url: `${base()}/${d!.id}/resolve`, payload: { note: 'Ook opgelost.' } })).statusCode).toBe(409);
    const inbox = (await api('mum')({ method: 'GET', url: '/api/v1/notifications' })).json() as { kind: string }[];
    expect(inbox.map((n) => n.kind)).toContain('disagreement.resolved');
    const [audit] = await t.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_events WHERE region_id = $1 AND young_person_id = $2 AND kind = 'disagreement.resolved' AND outcome = 'allowed'`, [f.regionId, child()]);
    expect(audit!.n).toBe(1);
  });

  it('the lead resolves before the period; it never reaches the coordinator', async () => {
    const res = await api('dad')({ method: 'POST', url: base(), payload: { reason: 'Ik mis de afspraak over het sporten.' } });
    expect(res.statusCode, res.body).toBe(201);
    const d = (res.json() as List).items.find((x) => x.status === 'open')!;
    const done = await api('wijk')({ method: 'POST', url: `${base()}/${d.id}/resolve`, payload: { note: 'Gebeld met vader; sporten komt in het plan.' } });
    expect(done.statusCode, done.body).toBe(200);
    now = new Date(now.getTime() + 30 * DAY);
    expect(await escalated('coordinator')).toEqual([]);
  });

  it('the period is the region\'s setting', async () => {
    await t.db.query(`UPDATE regions SET disagreement_days = 5 WHERE id = $1`, [f.regionId]);
    const res = await api('mum')({ method: 'POST', url: base(), payload: { reason: 'Weer oneens over de slaaptijden.' } });
    expect((res.json() as List).periodDays).toBe(5);
    now = new Date(now.getTime() + 4 * DAY);
    expect(await escalated('coordinator')).toEqual([]);
    now = new Date(now.getTime() + 1 * DAY);
    expect(await escalated('coordinator')).toHaveLength(1);
  });
});
