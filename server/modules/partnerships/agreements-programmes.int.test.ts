import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, setup, type Fixture } from './fixture.ts';
import { dateInWords } from '../../../shared/dates.ts';

let f: Fixture;
let url: string;
beforeAll(async () => {
  f = await setup();
  url = `/api/v1/partnerships/${f.partnershipId}`;
});
afterAll(async () => f.t.close());

const inDays = (n: number) => new Date(Date.now() + n * 86400000).toISOString().slice(0, 10);

describe('agreements', () => {
  it('an OOGO between gemeente and SWV gets the ten topics, each with its own state; without both parties it is refused', async () => {
    const noSwv = await call(f, 'beleid')({ method: 'POST', url: `${url}/agreements`, payload: { kind: 'oogo', title: 'OOGO', partnerIds: [f.partner.gem, f.partner.school] } });
    expect(noSwv.statusCode).toBe(400);
    const res = await call(f, 'beleid')({ method: 'POST', url: `${url}/agreements`, payload: { kind: 'oogo', title: 'OOGO 2026', status: 'active', partnerIds: [f.partner.gem, f.partner.swv] } });
    expect(res.statusCode, res.body).toBe(201);
    const a = res.json();
    expect(a.oogoTopics).toHaveLength(10);
    expect(a.oogoTopics[7]).toMatchObject({ code: 'T08', textNl: 'Leerplicht en thuiszitters', state: 'not_started', version: 1 });
    const t = a.oogoTopics[7];
    const ok = await call(f, 'swv')({ method: 'PATCH', url: `${url}/agreements/${a.id}/oogo-topics/${t.itemId}`, headers: { 'if-match': '"1"' }, payload: { state: 'agreed', summary: 'Doorzettingsmacht belegd' } });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ state: 'agreed', version: 2 });
    const stale = await call(f, 'beleid')({ method: 'PATCH', url: `${url}/agreements/${a.id}/oogo-topics/${t.itemId}`, headers: { 'if-match': '"1"' }, payload: { state: 'in_discussion' } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.current.state).toBe('agreed');
  });

  it('a privacy covenant records purposes, data categories, legal basis, retention and AVG roles', async () => {
    const missing = await call(f, 'beleid')({ method: 'POST', url: `${url}/agreements`, payload: { kind: 'privacy_covenant', title: 'Privacy', partnerIds: [f.partner.gem] } });
    expect(missing.statusCode).toBe(400);
    const privacy = {
      purposes: ['Integraal arrangeren'], dataCategories: ['NAW', 'Onderwijsgegevens'], legalBasis: 'Toestemming en wettelijke taak',
      retention: '2 jaar na afsluiting', roles: [{ partnerId: f.partner.gem, role: 'joint_controller' }, { partnerId: f.partner.swv, role: 'joint_controller' }],
    };
    const res = await call(f, 'beleid')({ method: 'POST', url: `${url}/agreements`, payload: { kind: 'privacy_covenant', title: 'Privacyconvenant', partnerIds: [f.partner.gem, f.partner.swv], privacy } });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().privacy).toEqual(privacy);
    expect(res.json().warnings).toEqual([]);
    const onCovenant = await call(f, 'beleid')({ method: 'POST', url: `${url}/agreements`, payload: { kind: 'covenant', title: 'C', partnerIds: [f.partner.gem], privacy } });
    expect(onCovenant.statusCode).toBe(400);
  });

  it('commitments follow comply or explain; an overdue one and a due review warn', async () => {
    const a = (await call(f, 'beleid')({ method: 'POST', url: `${url}/agreements`, payload: { kind: 'covenant', title: 'Convenant Thuiszitters', partnerIds: [f.partner.gem, f.partner.school], reviewOn: inDays(10) } })).json();
    const c = await call(f, 'beleid')({ method: 'POST', url: `${url}/agreements/${a.id}/commitments`, payload: { partnerId: f.partner.school, description: 'Meldt verzuim binnen 3 dagen', untilOn: inDays(-5) } });
    expect(c.statusCode, c.body).toBe(201);
    let list = (await call(f, 'swv')({ method: 'GET', url: `${url}/agreements` })).json();
    const codes = list.warnings.map((w: { code: string; subjectId?: string }) => `${w.code}:${w.subjectId}`);
    expect(codes).toContain(`review_due:${a.id}`);
    expect(codes).toContain(`commitment_overdue:${c.json().id}`);
    // Dates in the warnings are in words ("30 november 2026"), as the screen shows them, never ISO.
    const review = list.warnings.find((w: { code: string }) => w.code === 'review_due');
    expect(review.messageNl).toContain(dateInWords(inDays(10), 'nl'));
    expect(review.messageEn).toContain(dateInWords(inDays(10), 'en'));
    for (const w of list.warnings as { messageNl: string; messageEn: string }[]) expect(`${w.messageNl} ${w.messageEn}`).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    const noExplain = await call(f, 'beleid')({ method: 'PATCH', url: `${url}/commitments/${c.json().id}`, headers: { 'if-match': '"1"' }, payload: { status: 'explained_deviation' } });
    expect(noExplain.statusCode).toBe(400);
    const explained = await call(f, 'beleid')({ method: 'PATCH', url: `${url}/commitments/${c.json().id}`, headers: { 'if-match': '"1"' }, payload: { status: 'explained_deviation', explanation: 'Registratiesysteem vervangen' } });
    expect(explained.statusCode, explained.body).toBe(200);
    list = (await call(f, 'swv')({ method: 'GET', url: `${url}/agreements` })).json();
    expect(list.warnings.map((w: { code: string }) => w.code)).not.toContain('commitment_overdue');
    const stale = await call(f, 'beleid')({ method: 'PATCH', url: `${url}/agreements/${a.id}`, headers: { 'if-match': '"5"' }, payload: { status: 'active' } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.current.title).toBe('Convenant Thuiszitters');
  });

  it('funding: who invests how much per year, pooled or fixed, with a warning before it ends', async () => {
    const add = (payload: object) => call(f, 'beleid')({ method: 'POST', url: `${url}/funding`, payload });
    const soon = await add({ partnerId: f.partner.gem, purpose: 'Doorbraakbudget', amountPerYearCents: 5_000_000, mode: 'pooled', startsOn: '2025-01-01', endsOn: inDays(90) });
    expect(soon.statusCode, soon.body).toBe(201);
    await add({ partnerId: f.partner.swv, purpose: 'Onderwijszorgconsulent', amountPerYearCents: 3_000_000, mode: 'fixed', startsOn: '2025-01-01', endsOn: inDays(2000) });
    const bad = await add({ partnerId: f.partner.swv, purpose: 'X', amountPerYearCents: 1, mode: 'fixed', startsOn: '2025-01-01', endsOn: '2024-01-01' });
    expect(bad.statusCode).toBe(400);
    const res = (await call(f, 'swv')({ method: 'GET', url: `${url}/funding` })).json();
    expect(res.warnings.map((w: { code: string; subjectId?: string }) => `${w.code}:${w.subjectId}`)).toEqual([`funding_ends_soon:${soon.json().id}`]);
    expect(res.warnings[0].messageNl).toContain('Doorbraakbudget');
    expect(res.warnings[0].messageNl).toContain(`stopt op ${dateInWords(inDays(90), 'nl')}`);
    expect(res.perYear.find((y: { year: number }) => y.year === 2025)).toEqual({ year: 2025, pooledCents: 5_000_000, fixedCents: 3_000_000 });
    const summary = (await call(f, 'swv')({ method: 'GET', url })).json();
    expect(summary.warnings.map((w: { code: string }) => w.code)).toContain('funding_ends_soon');
    const extended = await call(f, 'beleid')({ method: 'PATCH', url: `${url}/funding/${soon.json().id}`, headers: { 'if-match': '"1"' }, payload: { endsOn: inDays(1000) } });
    expect(extended.statusCode, extended.body).toBe(200);
    expect((await call(f, 'swv')({ method: 'GET', url: `${url}/funding` })).json().warnings).toEqual([]);
    expect((await call(f, 'beleid')({ method: 'PATCH', url: `${url}/funding/${soon.json().id}`, headers: { 'if-match': '"1"' }, payload: { endsOn: inDays(10) } })).statusCode).toBe(409);
  });
});

describe('implementation programme', () => {
  it('has six parts, progress per activity, and is adopted through an LEA or OOGO table only', async () => {
    const p = await call(f, 'beleid')({ method: 'POST', url: `${url}/programmes`, payload: { title: 'Uitvoeringsprogramma Jeugd en Onderwijs', startsOn: '2026-01-01', endsOn: '2027-12-31' } });
    expect(p.statusCode, p.body).toBe(201);
    expect(p.json().openParts).toEqual(expect.arrayContaining(['activities', 'partners', 'intended_results', 'lead', 'arrangements.steering', 'arrangements.finance']));
    expect(p.json().warnings.map((w: { code: string }) => w.code)).toContain('programme_not_adopted');
    const upd = await call(f, 'beleid')({ method: 'PATCH', url: `${url}/programmes/${p.json().id}`, headers: { 'if-match': '"1"' }, payload: {
      intendedResults: 'Geen thuiszitters langer dan 3 maanden', leadPartnerId: f.partner.gem, partnerIds: [f.partner.gem, f.partner.swv],
      arrangements: { steering: 'OOGO-tafel', monitoring: 'Kwartaalmonitor', accountability: 'Jaarverslag', cooperation: 'Convenant', communication: 'Nieuwsbrief', finance: 'Gedeelde pot' },
    } });
    expect(upd.statusCode, upd.body).toBe(200);
    const a1 = (await call(f, 'beleid')({ method: 'POST', url: `${url}/programmes/${p.json().id}/activities`, payload: { title: 'Zorgroute', progress: 50, status: 'running' } })).json();
    await call(f, 'beleid')({ method: 'POST', url: `${url}/programmes/${p.json().id}/activities`, payload: { title: 'Monitor', progress: 10 } });
    const prog = await call(f, 'beleid')({ method: 'PATCH', url: `${url}/activities/${a1.id}`, headers: { 'if-match': '"1"' }, payload: { progress: 90 } });
    expect(prog.statusCode).toBe(200);
    expect((await call(f, 'beleid')({ method: 'PATCH', url: `${url}/activities/${a1.id}`, headers: { 'if-match': '"1"' }, payload: { progress: 100 } })).statusCode).toBe(409);

    const other = (await call(f, 'beleid')({ method: 'POST', url: `${url}/tables`, payload: { name: 'Werkgroep', level: 'officials' } })).json();
    const oogo = (await call(f, 'beleid')({ method: 'POST', url: `${url}/tables`, payload: { name: 'OOGO', level: 'governance', kind: 'oogo' } })).json();
    const wrong = await call(f, 'beleid')({ method: 'POST', url: `${url}/programmes/${p.json().id}/adopt`, headers: { 'if-match': '"2"' }, payload: { tableId: other.id, adoptedOn: '2026-02-01' } });
    expect(wrong.statusCode).toBe(400);
    const adopted = await call(f, 'beleid')({ method: 'POST', url: `${url}/programmes/${p.json().id}/adopt`, headers: { 'if-match': '"2"' }, payload: { tableId: oogo.id, adoptedOn: '2026-02-01' } });
    expect(adopted.statusCode, adopted.body).toBe(200);
    expect(adopted.json()).toMatchObject({ adoptedByTableName: 'OOGO', adoptedOn: '2026-02-01', progress: 50, openParts: [] });
    expect(adopted.json().warnings).toEqual([]);
    const list = (await call(f, 'swv')({ method: 'GET', url: `${url}/programmes` })).json();
    expect(list.programmes[0].activities.map((a: { title: string; progress: number }) => `${a.title}:${a.progress}`).sort()).toEqual(['Monitor:10', 'Zorgroute:90']);
  });
});

describe('travel guide', () => {
  it('shows nine stages with checklists and links into the workspace; ticking moves the progress', async () => {
    const g = (await call(f, 'swv')({ method: 'GET', url: `${url}/guide` })).json();
    expect(g.stages).toHaveLength(9);
    expect(g.stages[3].items.map((i: { code: string }) => i.code)).toContain('G4.7');
    expect(g.stages[1].links).toEqual([{ area: 'partners', count: 3, available: true }]);
    expect(g.stages[6].links).toEqual([{ area: 'monitor', count: 0, available: false }]);
    const item = g.stages[0].items[0];
    const put = await call(f, 'beleid')({ method: 'PUT', url: `${url}/guide/items/${item.id}`, payload: { done: true, note: 'Visiesessie gehouden' } });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json().stages[0]).toMatchObject({ done: 1, total: 3, percent: 33 });
    expect(put.json().stages[0].items[0]).toMatchObject({ done: true, note: 'Visiesessie gehouden' });
    expect((await call(f, 'outsider')({ method: 'PUT', url: `${url}/guide/items/${item.id}`, payload: { done: true } })).statusCode).toBe(404);
    expect((await call(f, 'beleid')({ method: 'PUT', url: `${url}/guide/items/00000000-0000-4000-8000-000000000000`, payload: { done: true } })).statusCode).toBe(404);
  });
});
