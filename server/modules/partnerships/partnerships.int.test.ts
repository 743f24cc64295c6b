import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, login, makeOrg, makeRegion, makeUser } from '../../../test/helpers.ts';
import { call, setup, type Fixture } from './fixture.ts';

let f: Fixture;
let url: string;
beforeAll(async () => {
  f = await setup();
  url = `/api/v1/partnerships/${f.partnershipId}`;
});
afterAll(async () => f.t.close());

describe('access to a workspace', () => {
  const parts = ['', '/map', '/tables', '/agreements', '/funding', '/programmes', '/rounds', '/frameworks', '/guide'];
  for (const part of parts) {
    it(`GET ${part || '(summary)'}: 401 anonymous, 404 non-member and parent, 200 member`, async () => {
      expect((await call(f, 'anonymous')({ method: 'GET', url: url + part })).statusCode).toBe(401);
      for (const who of ['outsider', 'teacher', 'parent', 'yp', 'wijkPro', 'admin']) {
        const res = await call(f, who)({ method: 'GET', url: url + part });
        expect(res.statusCode, `${who} ${part}`).toBe(404);
        expect(res.json().error.code).toBe('not_found');
      }
      for (const who of ['beleid', 'swv']) expect((await call(f, who)({ method: 'GET', url: url + part })).statusCode, `${who} ${part}`).toBe(200);
    });
  }

  it('a non-member gets the same 404 as for a partnership that does not exist, and the denial is audited', async () => {
    const missing = await call(f, 'outsider')({ method: 'GET', url: '/api/v1/partnerships/00000000-0000-4000-8000-000000000000' });
    expect(missing.statusCode).toBe(404);
    const [row] = await f.t.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_events WHERE chain_key = $1 AND kind = 'access.denied' AND actor_user_id = $2`,
      [`partnership:${f.partnershipId}`, f.user.outsider!.id]);
    expect(row!.n).toBeGreaterThan(0);
  });

  it('writes by non-members are 404 and change nothing', async () => {
    const res = await call(f, 'outsider')({ method: 'POST', url: `${url}/tables`, payload: { name: 'Sneaky', level: 'delivery' } });
    expect(res.statusCode).toBe(404);
    const [row] = await f.t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM partnership_tables WHERE name = 'Sneaky'`);
    expect(row!.n).toBe(0);
  });

  it('lists my partnerships with allowed actions; outsiders see none', async () => {
    const mine = await call(f, 'beleid')({ method: 'GET', url: '/api/v1/partnerships' });
    expect(mine.json().map((p: { id: string }) => p.id)).toEqual([f.partnershipId]);
    const summary = await call(f, 'beleid')({ method: 'GET', url });
    expect(summary.json().allowedActions).toContain('manage_partners');
    expect((await call(f, 'outsider')({ method: 'GET', url: '/api/v1/partnerships' })).json()).toEqual([]);
  });

  it('reads of a workspace are audited', async () => {
    await call(f, 'swv')({ method: 'GET', url: `${url}/map` });
    const [row] = await f.t.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_events WHERE chain_key = $1 AND kind = 'partnership.read' AND actor_user_id = $2 AND details->>'part' = 'map'`,
      [`partnership:${f.partnershipId}`, f.user.swv!.id]);
    expect(row!.n).toBeGreaterThan(0);
  });

  it('creating: platform admin yes; a policy maker only with their own organisation; a teacher or parent never', async () => {
    const body = (orgs: string[]) => ({ name: 'Nog een', scope: 'wijk', organisationIds: orgs });
    expect((await call(f, 'anonymous')({ method: 'POST', url: '/api/v1/partnerships', payload: body([f.org.gem]) })).statusCode).toBe(401);
    expect((await call(f, 'teacher')({ method: 'POST', url: '/api/v1/partnerships', payload: body([f.org.school]) })).statusCode).toBe(403);
    expect((await call(f, 'parent')({ method: 'POST', url: '/api/v1/partnerships', payload: body([f.org.gem]) })).statusCode).toBe(403);
    expect((await call(f, 'outsider')({ method: 'POST', url: '/api/v1/partnerships', payload: body([f.org.gem]) })).statusCode).toBe(403);
    const ok = await call(f, 'outsider')({ method: 'POST', url: '/api/v1/partnerships', payload: body([f.org.outside, f.org.wijk]) });
    expect(ok.statusCode, ok.body).toBe(201);
    const unknownField = await call(f, 'admin')({ method: 'POST', url: '/api/v1/partnerships', payload: { ...body([f.org.gem]), extra: 1 } });
    expect(unknownField.statusCode).toBe(400);
  });

  it('updating the partnership needs the current version: a stale If-Match is 409 with the current record', async () => {
    const cur = (await call(f, 'beleid')({ method: 'GET', url })).json().partnership;
    expect((await call(f, 'beleid')({ method: 'PATCH', url, payload: { description: 'x' } })).statusCode).toBe(428);
    const ok = await call(f, 'beleid')({ method: 'PATCH', url, headers: { 'if-match': `"${cur.version}"` }, payload: { description: 'Samen voor elk kind', collaborationModel: 'M3' } });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.headers.etag).toBe(`"${cur.version + 1}"`);
    const stale = await call(f, 'swv')({ method: 'PATCH', url, headers: { 'if-match': `"${cur.version}"` }, payload: { name: 'Anders' } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.current).toMatchObject({ description: 'Samen voor elk kind', version: cur.version + 1 });
    const bad = await call(f, 'beleid')({ method: 'PATCH', url, headers: { 'if-match': `"${cur.version + 1}"` }, payload: { collaborationModel: 'M9' } });
    expect(bad.statusCode).toBe(400);
  });

  it('the shipped frameworks are readable data with Dutch and English text', async () => {
    expect((await call(f, 'anonymous')({ method: 'GET', url: '/api/v1/partnerships/frameworks' })).statusCode).toBe(401);
    const res = await call(f, 'teacher')({ method: 'GET', url: '/api/v1/partnerships/frameworks' });
    const byKey = Object.fromEntries(res.json().map((fw: { key: string }) => [fw.key, fw]));
    expect(byKey['six-elements'].elements).toHaveLength(6);
    expect(byKey['six-elements'].elements[1].items.map((i: { textNl: string }) => i.textNl)).toContain('Onderling vertrouwen');
    expect(byKey['success-conditions'].elements).toHaveLength(8);
    expect(byKey['collaboration-models'].elements.map((e: { nameNl: string }) => e.nameNl)).toEqual(['Schottenmodel', 'Ketenmodel', 'Netwerkmodel', 'Integrale model']);
    expect(byKey['travel-guide'].elements).toHaveLength(9);
    expect(byKey['oogo-topics'].elements[0].items).toHaveLength(10);
    expect(byKey['agenda-templates'].elements.map((e: { code: string }) => e.code)).toEqual(['lea-governance', 'lea-officials', 'oogo-governance']);
    const openapi = (await f.t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(Object.keys(openapi.paths)).toContain('/api/v1/partnerships/{id}/rounds/{roundId}/results');
  });
});

describe('partner map', () => {
  it('warns about a key portfolio without deputy and a partner without mandate; the warnings clear when fixed', async () => {
    const add = (payload: object) => call(f, 'beleid')({ method: 'POST', url: `${url}/people`, payload });
    const anna = await add({ partnerId: f.partner.gem, name: 'Anna Ambtenaar', roleTitle: 'Beleidsadviseur onderwijs', email: 'anna@gem.example', phone: '0900-1' });
    expect(anna.statusCode, anna.body).toBe(201);
    const ben = (await add({ partnerId: f.partner.gem, name: 'Ben Bestuurder', roleTitle: 'Wethouder' })).json();
    const sara = (await add({ partnerId: f.partner.swv, name: 'Sara Directeur', roleTitle: 'Directeur SWV' })).json();
    const pf = await call(f, 'beleid')({ method: 'POST', url: `${url}/portfolios`, payload: { personId: anna.json().id, topic: 'Thuiszitters', responsibilities: 'Aanpak thuiszitters', mandate: 'Tot € 25.000', hasMandate: true, isKey: true } });
    expect(pf.statusCode, pf.body).toBe(201);
    await call(f, 'beleid')({ method: 'POST', url: `${url}/portfolios`, payload: { personId: sara.id, topic: 'Passend onderwijs', hasMandate: true, deputyPersonId: ben.id } });

    let map = (await call(f, 'swv')({ method: 'GET', url: `${url}/map` })).json();
    const codes = map.warnings.map((w: { code: string; subjectId?: string }) => `${w.code}:${w.subjectId}`);
    expect(codes).toContain(`key_portfolio_no_deputy:${pf.json().id}`);
    expect(codes).toContain(`partner_without_mandate:${f.partner.school}`);
    expect(codes).not.toContain(`partner_without_mandate:${f.partner.gem}`);
    expect(codes).not.toContain(`partner_without_mandate:${f.partner.swv}`);
    const w = map.warnings.find((x: { code: string }) => x.code === 'key_portfolio_no_deputy');
    expect(w.messageNl).toContain('Thuiszitters');
    expect(w.messageEn).toContain('no deputy');

    const fixed = await call(f, 'beleid')({ method: 'PATCH', url: `${url}/portfolios/${pf.json().id}`, headers: { 'if-match': '"1"' }, payload: { deputyPersonId: ben.id } });
    expect(fixed.statusCode, fixed.body).toBe(200);
    const stale = await call(f, 'swv')({ method: 'PATCH', url: `${url}/portfolios/${pf.json().id}`, headers: { 'if-match': '"1"' }, payload: { deputyPersonId: null } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.current.deputyPersonId).toBe(ben.id);
    const self = await call(f, 'beleid')({ method: 'PATCH', url: `${url}/portfolios/${pf.json().id}`, headers: { 'if-match': '"2"' }, payload: { deputyPersonId: anna.json().id } });
    expect(self.statusCode).toBe(400);
    map = (await call(f, 'swv')({ method: 'GET', url: `${url}/map` })).json();
    expect(map.warnings.map((x: { code: string }) => x.code)).not.toContain('key_portfolio_no_deputy');
    const annaOut = map.partners.find((p: { id: string }) => p.id === f.partner.gem).people.find((p: { name: string }) => p.name === 'Anna Ambtenaar');
    expect(annaOut).toMatchObject({ email: 'anna@gem.example', ring: 'inner', portfolios: [{ topic: 'Thuiszitters', deputyName: 'Ben Bestuurder', hasMandate: true }] });
  });

  it('searches by name, organisation and topic', async () => {
    const get = async (qs: string) => (await call(f, 'beleid')({ method: 'GET', url: `${url}/map?${qs}` })).json().partners as { organisationName: string; people: { name: string }[] }[];
    const byTopic = await get('topic=thuisz');
    expect(byTopic.flatMap((p) => p.people.map((x) => x.name))).toEqual(['Anna Ambtenaar']);
    const byName = await get('q=sara');
    expect(byName.map((p) => p.organisationName)).toEqual(['SWV Test']);
    const byOrg = await get('q=gemeente%20test');
    expect(byOrg.map((p) => p.organisationName)).toEqual(['Gemeente Test']);
    expect(byOrg[0]!.people.map((x) => x.name).sort()).toEqual(['Anna Ambtenaar', 'Ben Bestuurder']);
  });

  it('adds a partner in the outer ring; organisations of another region or twice are refused', async () => {
    const res = await call(f, 'beleid')({ method: 'POST', url: `${url}/partners`, payload: { organisationId: f.org.wijk, ring: 'outer', roleDescription: 'Signaleert vroeg' } });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ ring: 'outer', organisationName: 'Wijkteam Test' });
    expect((await call(f, 'beleid')({ method: 'POST', url: `${url}/partners`, payload: { organisationId: f.org.wijk } })).statusCode).toBe(409);
    const other = await f.t.db.query<{ id: string }>(`INSERT INTO regions (slug, name) VALUES ('elders', 'Elders') RETURNING id`);
    const [o] = await f.t.db.query<{ id: string }>(`INSERT INTO organisations (region_id, type, name) VALUES ($1, 'school', 'Verre School') RETURNING id`, [other[0]!.id]);
    expect((await call(f, 'beleid')({ method: 'POST', url: `${url}/partners`, payload: { organisationId: o!.id } })).statusCode).toBe(422);
  });

  it('adds a partner that is not in Rondom yet: a policy or coordinator role of a partner may, an org admin or outsider may not; audited', async () => {
    const add = (who: string, name: string, type = 'library') =>
      call(f, who)({ method: 'POST', url: `${url}/partners`, payload: { newOrganisation: { type, name }, ring: 'outer', roleDescription: 'Leesbevordering' } });
    const count = async (name: string) => (await f.t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM organisations WHERE name = $1`, [name]))[0]!.n;
    const orgAdmin = await makeUser(f.t.db, { regionId: f.regionId, memberships: [{ organisationId: f.org.school, role: 'org_admin' }] });
    f.s.orgAdmin = await login(f.t.app, orgAdmin.email);

    // Members who only manage their own organisation, non-members, professionals, families and a platform admin who is no member: 404, nothing created.
    for (const who of ['orgAdmin', 'outsider', 'teacher', 'wijkPro', 'parent', 'yp', 'admin']) {
      const res = await add(who, `Bieb ${who}`);
      expect(res.statusCode, `${who}: ${res.body}`).toBe(404);
      expect(await count(`Bieb ${who}`)).toBe(0);
    }
    expect((await call(f, 'anonymous')({ method: 'POST', url: `${url}/partners`, payload: { newOrganisation: { type: 'library', name: 'Bieb anoniem' } } })).statusCode).toBe(401);
    // The org admin is a member and still adds an organisation that is in Rondom already.
    expect((await call(f, 'orgAdmin')({ method: 'GET', url })).json().allowedActions).not.toContain('add_organisation');
    expect((await call(f, 'beleid')({ method: 'GET', url })).json().allowedActions).toContain('add_organisation');

    const res = await add('beleid', 'Bibliotheek Testdorp');
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ organisationName: 'Bibliotheek Testdorp', organisationType: 'library', ring: 'outer', roleDescription: 'Leesbevordering' });
    const [org] = await f.t.db.query<{ id: string; region_id: string; type: string; members: number }>(
      `SELECT o.id, o.region_id, o.type, (SELECT count(*)::int FROM memberships m WHERE m.organisation_id = o.id) AS members FROM organisations o WHERE o.name = 'Bibliotheek Testdorp'`);
    expect(org).toMatchObject({ region_id: f.regionId, type: 'library', members: 0 });
    const events = await f.t.db.query<{ kind: string; chain_key: string; actor_user_id: string }>(
      `SELECT kind, chain_key, actor_user_id FROM audit_events WHERE subject_id = $1 ORDER BY seq`, [org!.id]);
    expect(events).toEqual(expect.arrayContaining([
      expect.objectContaining({ kind: 'partnership.organisation_created', chain_key: `partnership:${f.partnershipId}`, actor_user_id: f.user.beleid!.id }),
      expect.objectContaining({ kind: 'admin.organisation_created', chain_key: 'platform', actor_user_id: f.user.beleid!.id }),
    ]));

    // A coordinator of a partner may too; new kinds of partner organisation are accepted.
    const police = await add('swv', 'Politie Basisteam Testdorp', 'police');
    expect(police.statusCode, police.body).toBe(201);
    // A name that is in the region already (any case): choose it from the list instead.
    const twice = await add('beleid', 'gemeente elders');
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.fields).toHaveProperty(['newOrganisation.name']);
    expect(await count('gemeente elders')).toBe(0);
    // Unknown type, both or neither of organisationId and newOrganisation.
    expect((await add('beleid', 'Iets', 'bakery')).statusCode).toBe(400);
    // Not a school, SWV, leerplicht, municipality, JGZ or care provider: those appear in consent and decision pickers.
    for (const type of ['school', 'swv', 'leerplicht', 'municipality', 'jgz', 'youth_care_provider', 'wijkteam']) {
      expect((await add('beleid', `Nep ${type}`, type)).statusCode, type).toBe(400);
      expect(await count(`Nep ${type}`)).toBe(0);
    }
    const both = await call(f, 'beleid')({ method: 'POST', url: `${url}/partners`, payload: { organisationId: f.org.outside, newOrganisation: { type: 'library', name: 'Dubbel' } } });
    expect(both.statusCode).toBe(400);
    expect(await count('Dubbel')).toBe(0);
    expect((await call(f, 'beleid')({ method: 'POST', url: `${url}/partners`, payload: { ring: 'outer' } })).statusCode).toBe(400);
  });
});

describe('meeting tables', () => {
  let gov: { id: string }, off: { id: string }, del: { id: string };

  it('designs three linked tables with the seven questions; linkage reaches governance; loops are refused', async () => {
    const mk = (payload: object) => call(f, 'beleid')({ method: 'POST', url: `${url}/tables`, payload });
    const g = await mk({ name: 'Bestuurlijk OOGO', level: 'governance', kind: 'oogo', purpose: 'Besluiten', topics: 'OOGO', frequency: '4x per jaar', duration: '90 min', evaluation: 'jaarlijks', linkage: 'Rapporteert aan raden', partnerIds: [f.partner.gem, f.partner.swv] });
    expect(g.statusCode, g.body).toBe(201);
    gov = g.json();
    expect(g.json().openQuestions).toEqual([]);
    off = (await mk({ name: 'Ambtelijk overleg', level: 'officials', kind: 'lea', purpose: 'Voorbereiden', reportsToTableId: gov.id, partnerIds: [f.partner.gem, f.partner.swv, f.partner.school] })).json();
    del = (await mk({ name: 'Werkvloer', level: 'delivery', partnerIds: [f.partner.school] })).json();
    let list = (await call(f, 'swv')({ method: 'GET', url: `${url}/tables` })).json();
    expect(list.warnings.map((w: { code: string; subjectId?: string }) => `${w.code}:${w.subjectId}`)).toContain(`no_route_to_governance:${del.id}`);
    const t = list.tables.find((x: { id: string }) => x.id === del.id);
    expect(t.openQuestions).toEqual(expect.arrayContaining(['purpose', 'topics', 'frequency', 'duration', 'evaluation', 'linkage']));
    expect(t.reachesGovernance).toBe(false);

    const linked = await call(f, 'beleid')({ method: 'PATCH', url: `${url}/tables/${del.id}`, headers: { 'if-match': '"1"' }, payload: { reportsToTableId: off.id } });
    expect(linked.statusCode, linked.body).toBe(200);
    expect(linked.json().reachesGovernance).toBe(true);
    const loop = await call(f, 'beleid')({ method: 'PATCH', url: `${url}/tables/${gov.id}`, headers: { 'if-match': '"1"' }, payload: { reportsToTableId: del.id } });
    expect(loop.statusCode).toBe(400);
    const stale = await call(f, 'beleid')({ method: 'PATCH', url: `${url}/tables/${del.id}`, headers: { 'if-match': '"1"' }, payload: { name: 'X' } });
    expect(stale.statusCode).toBe(409);
    list = (await call(f, 'swv')({ method: 'GET', url: `${url}/tables` })).json();
    expect(list.warnings.map((w: { code: string }) => w.code)).not.toContain('no_route_to_governance');
    const school = list.overview.find((o: { organisationId: string }) => o.organisationId === f.org.school);
    expect(school.count).toBe(2);
  });

  it('warns when an organisation sits at too many tables', async () => {
    for (const n of [1, 2]) {
      await call(f, 'beleid')({ method: 'POST', url: `${url}/tables`, payload: { name: `Extra ${n}`, level: 'delivery', reportsToTableId: off.id, partnerIds: [f.partner.school] } });
    }
    const list = (await call(f, 'beleid')({ method: 'GET', url: `${url}/tables` })).json();
    expect(list.warnings.map((w: { code: string; subjectId?: string }) => `${w.code}:${w.subjectId}`)).toContain(`too_many_tables:${f.org.school}`);
  });

  it('a meeting from the OOGO template, with a decision and an action that lands on the owner\'s task list', async () => {
    const m = await call(f, 'beleid')({ method: 'POST', url: `${url}/tables/${gov.id}/meetings`, payload: { heldOn: '2026-03-01', templateCode: 'oogo-governance' } });
    expect(m.statusCode, m.body).toBe(201);
    expect(m.json().agenda.map((a: { title: string }) => a.title)[0]).toBe('Opening en mededelingen');
    expect(m.json().agenda).toHaveLength(4);
    const bad = await call(f, 'beleid')({ method: 'POST', url: `${url}/tables/${gov.id}/meetings`, payload: { heldOn: '2026-03-01', templateCode: 'nope' } });
    expect(bad.statusCode).toBe(400);
    const d = await call(f, 'beleid')({ method: 'POST', url: `${url}/meetings/${m.json().id}/decisions`, payload: { text: 'Doorzettingsmacht bij de gemeente' } });
    expect(d.statusCode).toBe(201);
    const notPartner = await call(f, 'beleid')({ method: 'POST', url: `${url}/meetings/${m.json().id}/actions`, payload: { text: 'X', ownerUserId: f.user.outsider!.id } });
    expect(notPartner.statusCode).toBe(422);
    const a = await call(f, 'beleid')({ method: 'POST', url: `${url}/meetings/${m.json().id}/actions`, payload: { text: 'Zorgroute beschrijven', ownerUserId: f.user.teacher!.id, dueOn: '2020-01-01' } });
    expect(a.statusCode, a.body).toBe(201);
    expect(a.json()).toMatchObject({ ownerName: 'Tim Teacher', status: 'open' });

    // The teacher is an ordinary professional: no workspace, but their own task.
    expect((await call(f, 'teacher')({ method: 'GET', url })).statusCode).toBe(404);
    const tasks = await call(f, 'teacher')({ method: 'GET', url: '/api/v1/partnerships/tasks' });
    expect(tasks.statusCode).toBe(200);
    expect(tasks.json()).toEqual([expect.objectContaining({ id: a.json().id, text: 'Zorgroute beschrijven', partnershipName: 'Samen Testdorp', tableName: 'Bestuurlijk OOGO', overdue: true, allowedActions: ['update_status'] })]);
    expect((await call(f, 'teacher2')({ method: 'GET', url: '/api/v1/partnerships/tasks' })).json()).toEqual([]);
    expect((await call(f, 'anonymous')({ method: 'GET', url: '/api/v1/partnerships/tasks' })).statusCode).toBe(401);

    const other = await call(f, 'teacher2')({ method: 'PATCH', url: `/api/v1/partnerships/tasks/${a.json().id}`, headers: { 'if-match': '"1"' }, payload: { status: 'done' } });
    expect(other.statusCode).toBe(404);
    const started = await call(f, 'teacher')({ method: 'PATCH', url: `/api/v1/partnerships/tasks/${a.json().id}`, headers: { 'if-match': '"1"' }, payload: { status: 'in_progress' } });
    expect(started.statusCode, started.body).toBe(200);
    const stale = await call(f, 'teacher')({ method: 'PATCH', url: `/api/v1/partnerships/tasks/${a.json().id}`, headers: { 'if-match': '"1"' }, payload: { status: 'done' } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.current.status).toBe('in_progress');
    const done = await call(f, 'teacher')({ method: 'PATCH', url: `/api/v1/partnerships/tasks/${a.json().id}`, headers: { 'if-match': '"2"' }, payload: { status: 'done' } });
    expect(done.statusCode).toBe(200);
    expect((await call(f, 'teacher')({ method: 'GET', url: '/api/v1/partnerships/tasks' })).json()).toEqual([]);

    const meetings = (await call(f, 'swv')({ method: 'GET', url: `${url}/tables/${gov.id}/meetings` })).json();
    expect(meetings[0].decisions.map((x: { text: string }) => x.text)).toEqual(['Doorzettingsmacht bij de gemeente']);
    expect(meetings[0].actions[0].status).toBe('done');
  });
});

describe('regions', () => {
  it('a partnership of another region is the same 404 for those who do not work there; its members reach it, also from a second region', async () => {
    const r2 = await makeRegion(f.t.db);
    const gem2 = await makeOrg(f.t.db, r2, 'municipality', 'Gemeente Elders');
    const swv2 = await makeOrg(f.t.db, r2, 'swv', 'SWV Elders');
    const local = await makeUser(f.t.db, { regionId: r2, memberships: [{ organisationId: gem2, role: 'policy_maker' }] });
    // Works in both regions: at the partner gemeente here and at the SWV of the other region (a membership
    // the admin API no longer makes, written directly; the actor's regions include it).
    const both = await makeUser(f.t.db, { regionId: f.regionId, memberships: [{ organisationId: f.org.gem, role: 'policy_maker' }] });
    await f.t.db.query(`INSERT INTO memberships (user_id, organisation_id, role) VALUES ($1, $2, 'swv_coordinator')`, [both.id, swv2]);
    const created = await call(f, 'admin')({
      method: 'POST', url: '/api/v1/partnerships', payload: { regionId: r2, name: 'Samen Elders', scope: 'gemeente', organisationIds: [gem2, swv2] },
    });
    expect(created.statusCode, created.body).toBe(201);
    const id2 = created.json().id as string;
    const url2 = `/api/v1/partnerships/${id2}`;

    for (const who of ['beleid', 'swv', 'outsider']) {
      const res = await call(f, who)({ method: 'GET', url: `${url2}/map` });
      expect(res.statusCode, who).toBe(404);
      expect(res.json().error.code).toBe('not_found');
      expect((await call(f, who)({ method: 'GET', url: '/api/v1/partnerships' })).json().map((p: { id: string }) => p.id)).not.toContain(id2);
    }

    const asLocal = as(f.t.app, await login(f.t.app, local.email));
    expect((await asLocal({ method: 'GET', url: url2 })).statusCode).toBe(200);
    expect((await asLocal({ method: 'GET', url })).statusCode).toBe(404);
    expect((await asLocal({ method: 'GET', url: '/api/v1/partnerships' })).json().map((p: { id: string }) => p.id)).toEqual([id2]);

    const asBoth = as(f.t.app, await login(f.t.app, both.email));
    const listed = (await asBoth({ method: 'GET', url: '/api/v1/partnerships' })).json() as { id: string; partnerCount: number }[];
    expect(listed.map((p) => p.id)).toEqual([id2, f.partnershipId]);
    expect(listed[0]!.partnerCount).toBe(2);
    for (const u of [url, url2, `${url2}/map`, `${url2}/rounds`]) expect((await asBoth({ method: 'GET', url: u })).statusCode, u).toBe(200);
    const table = await asBoth({ method: 'POST', url: `${url2}/tables`, payload: { name: 'Bestuurlijk overleg Elders', level: 'governance' } });
    expect(table.statusCode, table.body).toBe(201);
    const [event] = await f.t.db.query<{ region_id: string }>(
      `SELECT region_id FROM audit_events WHERE region_id = $2 AND chain_key = $1 AND kind = 'partnership.table_saved'`, [`partnership:${id2}`, r2]);
    expect(event?.region_id).toBe(r2);
  });
});
