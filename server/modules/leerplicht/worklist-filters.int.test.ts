/**
 * The worklist's filters, search and orders (issue 18), and a case's history: what a leerplicht
 * officer relies on to find a case, and that nobody else reads who did what.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, login, makeOrg, makeRegion, makeUser, type Session, type TestApp } from '../../../test/helpers.ts';
import { bornYearsAgo, buildFixture, insertChild, startNetwork, type Fixture } from '../../../test/kindkring-fixture.ts';
import { plusDays, today } from '../../../shared/dates.ts';

let t: TestApp;
let f: Fixture;
let swvA: string;
let school2: string;
let otherSchool: string;
const s: Record<string, Session> = {};
const api = (who: string) => as(t.app, s[who] ?? f.s[who]!);
const ids: Record<string, string> = {};

type Item = { id: string; name: string; school: string | null; startedOn: string; clock: string; escalation: { rung: number; overdue: boolean } | null };
const worklist = async (who: string, qs: string) => {
  const r = await api(who)({ method: 'GET', url: `/api/v1/leerplicht/worklist?${qs}` });
  expect(r.statusCode, r.body).toBe(200);
  return r.json() as { items: Item[]; total: number; ladder: { rung: number; rungKey: string }[] };
};
const idsOf = (w: { items: Item[] }) => w.items.map((i) => i.id);

beforeAll(async () => {
  t = await createTestApp();
  f = await buildFixture(t.app, t.db);
  await startNetwork(t.app, f); // wijk becomes the lead of Kees (c8)
  swvA = await makeOrg(t.db, f.regionId, 'swv', 'SWV PO Filter');
  school2 = await makeOrg(t.db, f.regionId, 'school', 'Zonnebloem School');
  await t.db.query(`UPDATE organisations SET swv_id = $2, school_type = 'po' WHERE id = ANY($1::uuid[])`, [[f.org.school, school2], swvA]);
  const lpaOrg = await makeOrg(t.db, f.regionId, 'leerplicht', 'Leerplicht Filter');
  const other = await makeRegion(t.db);
  otherSchool = await makeOrg(t.db, other, 'school', 'School Elders');
  const otherLpaOrg = await makeOrg(t.db, other, 'leerplicht', 'Leerplicht Elders');
  const users = {
    lpa: await makeUser(t.db, { regionId: f.regionId, name: 'Lars LPA', memberships: [{ organisationId: lpaOrg, role: 'leerplicht_officer' }] }),
    lpaAdmin: await makeUser(t.db, { regionId: f.regionId, name: 'Ada Admin', memberships: [{ organisationId: lpaOrg, role: 'org_admin' }] }),
    swv: await makeUser(t.db, { regionId: f.regionId, name: 'Sophie SWV', memberships: [{ organisationId: swvA, role: 'swv_coordinator' }] }),
    elders: await makeUser(t.db, { regionId: other, name: 'Els Elders', memberships: [{ organisationId: otherLpaOrg, role: 'leerplicht_officer' }] }),
  };
  for (const [k, u] of Object.entries(users)) s[k] = await login(t.app, u.email);
  // Four cases: Kees (the fixture's child, at OBS), and three more; Zonnebloem has two of them.
  const kids = {
    kees: f.child.c8,
    anna: await insertChild(t.db, f.regionId, { given: 'Anna', family: 'Appel', birthDate: bornYearsAgo(9), schoolId: school2 }),
    bram: await insertChild(t.db, f.regionId, { given: 'Bram', family: 'Beuk', birthDate: bornYearsAgo(10), schoolId: school2 }),
    cato: await insertChild(t.db, f.regionId, { given: 'Cato', family: 'Ceder', birthDate: bornYearsAgo(11), schoolId: f.org.school }),
    daan: await insertChild(t.db, f.regionId, { given: 'Daan', family: 'Das', birthDate: bornYearsAgo(12) }),
  };
  // Daan is enrolled nowhere (absolute absence): no school.
  // Cato (120 days) is red at registration, so her ladder starts at once (rung 1); Anna (80 days) is not red yet.
  for (const [k, days] of Object.entries({ kees: 40, anna: 80, bram: 20, cato: 120, daan: 15 })) {
    const r = await api('lpa')({ method: 'POST', url: '/api/v1/leerplicht/absences', payload: {
      youngPersonId: kids[k as keyof typeof kids], kind: k === 'daan' ? 'absolute' : 'long_term_relative', startedOn: plusDays(today(), -days), reasonCategory: 'no_suitable_place' } });
    expect(r.statusCode, r.body).toBe(201);
    ids[k] = r.json().id;
  }
  // Bram at rung 1 whose deadline has passed; Cato at rung 2, on time. Both are passed early by hand, with the reason that needs.
  const esc = (id: string) => api('lpa')({ method: 'POST', url: `/api/v1/leerplicht/absences/${id}/escalate`, payload: {
    reason: 'School en ouders zijn het oneens over de plek.', earlyReason: 'Wachten tot de termijn om is maakt het thuiszitten alleen langer.' } });
  expect((await esc(ids.bram!)).statusCode).toBe(200);
  expect((await esc(ids.cato!)).statusCode).toBe(200);
  await t.db.query(`UPDATE escalations SET deadline = $3 WHERE region_id = $1 AND absence_id = $2`, [f.regionId, ids.bram, plusDays(today(), -2)]);
  await t.db.query(`UPDATE leerplicht_list_versions SET version = version + 1 WHERE region_id = $1`, [f.regionId]);
}, 120_000);
afterAll(async () => t?.close());

describe('worklist filters, search and sort', () => {
  it('filters by school, by rung (0: not escalated) and by overdue, and the total counts the filtered cases', async () => {
    const z = await worklist('lpa', `schoolId=${school2}`);
    expect(idsOf(z).sort()).toEqual([ids.anna, ids.bram].sort());
    expect(z.total).toBe(2);
    expect(z.items.every((i) => i.school === 'Zonnebloem School')).toBe(true);
    expect(idsOf(await worklist('lpa', 'rung=2'))).toEqual([ids.cato]);
    expect(idsOf(await worklist('lpa', 'rung=0')).sort()).toEqual([ids.anna, ids.kees, ids.daan].sort());
    const overdue = await worklist('lpa', 'overdue=true');
    expect(idsOf(overdue)).toEqual([ids.bram]);
    expect(overdue.items[0]!.escalation).toMatchObject({ rung: 1, overdue: true });
    expect(idsOf(await worklist('lpa', 'overdue=false'))).not.toContain(ids.bram);
    expect(idsOf(await worklist('lpa', `schoolId=${school2}&overdue=true`))).toEqual([ids.bram]);
    expect(idsOf(await worklist('lpa', `schoolId=${f.org.school}&overdue=true`))).toEqual([]);
    expect((await worklist('lpa', `swvId=${swvA}`)).total).toBe(4);
    expect((await worklist('lpa', '')).ladder.map((r) => r.rungKey)).toEqual(['lead_professional', 'swv_case_consultant', 'doorzettingsmacht']);
  });

  it('searches by part of the name, in any case; LIKE wildcards are not wildcards', async () => {
    expect(idsOf(await worklist('lpa', 'q=APPEL'))).toEqual([ids.anna]);
    expect(idsOf(await worklist('lpa', 'q=ram%20be'))).toEqual([ids.bram]);
    // LIKE's wildcards are dropped: '%%%' is no search at all, 'ap_el' does not match 'appel'.
    expect((await api('lpa')({ method: 'GET', url: `/api/v1/leerplicht/worklist?q=${encodeURIComponent('%%%')}` })).statusCode).toBe(400);
    expect(idsOf(await worklist('lpa', 'q=ap_el'))).toEqual([]);
  });

  it('sorts: urgency by default, overdue first, highest rung first, longest absent first, by school name', async () => {
    expect(idsOf(await worklist('lpa', ''))).toEqual([ids.cato, ids.anna, ids.kees, ids.bram, ids.daan]);
    expect(idsOf(await worklist('lpa', 'sort=overdue'))[0]).toBe(ids.bram);
    expect(idsOf(await worklist('lpa', 'sort=rung')).slice(0, 2)).toEqual([ids.cato, ids.bram]);
    expect(idsOf(await worklist('lpa', 'sort=date'))).toEqual([ids.cato, ids.anna, ids.kees, ids.bram, ids.daan]);
    // By school name, the most urgent first within a school; not enrolled anywhere comes last.
    const bySchool = await worklist('lpa', 'sort=school');
    expect(bySchool.items.map((i) => i.school)).toEqual(['OBS Testkring', 'OBS Testkring', 'Zonnebloem School', 'Zonnebloem School', null]);
    expect(idsOf(bySchool)).toEqual([ids.cato, ids.kees, ids.anna, ids.bram, ids.daan]);
    // Paging keeps the chosen order.
    const p1 = await worklist('lpa', 'sort=date&limit=2');
    const p2 = await worklist('lpa', 'sort=date&limit=2&offset=2');
    const p3 = await worklist('lpa', 'sort=date&limit=2&offset=4');
    expect(p1.total).toBe(5);
    expect([...idsOf(p1), ...idsOf(p2), ...idsOf(p3)]).toEqual([ids.cato, ids.anna, ids.kees, ids.bram, ids.daan]);
  });

  it('refuses bad values with the field named: unknown sort, rung out of range, a non-boolean, a one-letter search, a non-id', async () => {
    for (const [qs, field] of [['sort=name', 'sort'], ['rung=10', 'rung'], ['rung=-1', 'rung'], ['overdue=perhaps', 'overdue'], ['q=a', 'q'], ['schoolId=abc', 'schoolId'], ['colour=red', 'colour']] as const) {
      const r = await api('lpa')({ method: 'GET', url: `/api/v1/leerplicht/worklist?${qs}` });
      expect(r.statusCode, qs).toBe(400);
      expect(r.json().error.code, qs).toBe('validation_failed');
      expect(Object.keys(r.json().error.fields), qs).toContain(field);
    }
    expect((await api('lpa')({ method: 'GET', url: '/api/v1/leerplicht/worklist?q=%20%20a' })).json().error).toMatchObject({ code: 'validation_failed', fields: { q: 'type at least 2 letters' } });
  });

  it('a school that is not a school of the region is a 422 naming the field, not an empty list', async () => {
    for (const [qs, field] of [[`schoolId=${otherSchool}`, 'schoolId'], [`schoolId=${f.org.wijkteam}`, 'schoolId'], [`swvId=${f.org.school}`, 'swvId']] as const) {
      const r = await api('lpa')({ method: 'GET', url: `/api/v1/leerplicht/worklist?${qs}` });
      expect(r.statusCode, qs).toBe(422);
      expect(r.json().error.code).toBe('invalid_reference');
      expect(Object.keys(r.json().error.fields)).toEqual([field]);
    }
  });

  it("an officer of another region finds none of this region's cases, whatever the filter or search", async () => {
    for (const qs of ['', 'q=appel', 'q=kees', 'sort=school', 'rung=2', 'overdue=true', 'includeClosed=true']) {
      const w = await worklist('elders', qs);
      expect(w.total, qs).toBe(0);
      expect(w.items, qs).toEqual([]);
    }
    // Filtering by this region's school from the other region: not a school there.
    expect((await api('elders')({ method: 'GET', url: `/api/v1/leerplicht/worklist?schoolId=${school2}` })).statusCode).toBe(422);
  });

  it('the SWV coordinator filters within her own cases only', async () => {
    expect((await worklist('swv', `schoolId=${school2}`)).total).toBe(2);
    expect((await worklist('swv', 'q=appel')).total).toBe(1);
  });
});

describe("a case's history", () => {
  it('the officer reads registration, changes and rung changes, newest first, with who; the read is audited', async () => {
    const c = (await api('lpa')({ method: 'GET', url: `/api/v1/leerplicht/absences/${ids.cato}` })).json();
    expect(c.allowedActions).toContain('readHistory');
    const patch = await api('lpa')({ method: 'PATCH', url: `/api/v1/leerplicht/absences/${ids.cato}`, headers: { 'if-match': `"${c.version}"` }, payload: { offerType: 'care', offerExtent: 'partial', offerStartedOn: today(), offerHoursPerWeek: 4 } });
    expect(patch.statusCode, patch.body).toBe(200);
    const r = await api('lpa')({ method: 'GET', url: `/api/v1/leerplicht/absences/${ids.cato}/history` });
    expect(r.statusCode, r.body).toBe(200);
    const items = r.json().items as { kind: string; by: { name: string } | null; rungKey: string | null; fields: string[]; absenceKind: string | null; at: string }[];
    expect(items.map((i) => i.kind)).toEqual(['updated', 'escalated', 'escalated', 'registered']);
    expect(items[0]).toMatchObject({ by: { name: 'Lars LPA' }, fields: ['offerType', 'offerExtent', 'offerStartedOn', 'offerHoursPerWeek'] });
    expect(items.slice(1, 3).map((i) => i.rungKey)).toEqual(['swv_case_consultant', 'lead_professional']);
    expect(items[3]).toMatchObject({ absenceKind: 'long_term_relative', by: { name: 'Lars LPA' } });
    expect(new Date(items[0]!.at).getTime()).toBeGreaterThanOrEqual(new Date(items[3]!.at).getTime());
    // Another case's events are not in it.
    const bram = (await api('lpa')({ method: 'GET', url: `/api/v1/leerplicht/absences/${ids.bram}/history` })).json();
    expect(bram.items.map((i: { kind: string }) => i.kind)).toEqual(['escalated', 'registered']);
    const [audit] = await t.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_events WHERE kind = 'absence.read' AND subject_id = $1 AND details->>'part' = 'history'`, [ids.cato]);
    expect(audit!.n).toBe(1);
  });

  it('insiders who are not the officer get 404 — the child\'s lead, the SWV coordinator who may read the case, the officer\'s own org admin — and each attempt is audited', async () => {
    expect((await api('swv')({ method: 'GET', url: `/api/v1/leerplicht/absences/${ids.kees}` })).statusCode).toBe(200);
    expect((await api('swv')({ method: 'GET', url: `/api/v1/leerplicht/absences/${ids.kees}` })).json().allowedActions).not.toContain('readHistory');
    const before = (await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_events WHERE kind = 'access.denied' AND subject_id = $1`, [ids.kees]))[0]!.n;
    for (const who of ['wijk', 'swv', 'lpaAdmin', 'ib', 'policy', 'fg', 'elders']) {
      const r = await api(who)({ method: 'GET', url: `/api/v1/leerplicht/absences/${ids.kees}/history` });
      expect(r.statusCode, who).toBe(404);
      expect(r.body, who).not.toContain('Lars');
    }
    const after = (await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_events WHERE kind = 'access.denied' AND subject_id = $1`, [ids.kees]))[0]!.n;
    expect(after - before).toBe(7);
    expect((await as(t.app, null)({ method: 'GET', url: `/api/v1/leerplicht/absences/${ids.kees}/history` })).statusCode).toBe(401);
    expect((await api('lpa')({ method: 'GET', url: '/api/v1/leerplicht/absences/0c0c0c0c-0000-4000-8000-000000000000/history' })).statusCode).toBe(404);
  });
});
