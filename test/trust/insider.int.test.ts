/**
 * The insider suite: each attack a curious colleague tried through the ordinary flows (issue 15),
 * as a scenario that must now get no data. Every scenario here got the child's file before the
 * access layer was closed (checked against the code before: see the issue note).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, login, makeOrg, makeUser, type Session, type TestApp } from '../helpers.ts';
import { bornYearsAgo, buildFixture, confirmPending, insertChild, startNetwork, type Fixture } from '../kindkring-fixture.ts';

let t: TestApp;
let f: Fixture;
const s: Record<string, Session> = {};
const api = (who: string) => as(t.app, s[who] ?? f.s[who]!);
const NETWORK_PATHS = (id: string) => [`/api/v1/children/${id}/network`, `/api/v1/children/${id}/plan`, `/api/v1/children/${id}/meetings`, `/api/v1/children/${id}/timeline`];
const question = { text: 'Ik maak me zorgen over hoe het thuis gaat.', ownWords: false, lifeDomains: ['home'], raisedBy: 'professional' };

async function expectNoNetwork(who: string, childId: string) {
  for (const url of NETWORK_PATHS(childId)) expect((await api(who)({ method: 'GET', url })).statusCode, `${who} ${url}`).toBe(404);
}
async function involvementsOf(userId: string, childId: string) {
  return t.db.query(`SELECT 1 FROM involvements WHERE user_id = $1 AND young_person_id = $2`, [userId, childId]);
}

beforeAll(async () => {
  t = await createTestApp();
  f = await buildFixture(t.app, t.db);
  await startNetwork(t.app, f);
  const childcare = await makeOrg(t.db, f.regionId, 'childcare', 'Kinderopvang Zonnetje');
  const school2 = await makeOrg(t.db, f.regionId, 'school', 'CBS Andere School');
  const users = {
    opvang: await makeUser(t.db, { regionId: f.regionId, name: 'Olly Opvang', memberships: [{ organisationId: childcare, role: 'teacher' }] }),
    teacher2: await makeUser(t.db, { regionId: f.regionId, name: 'Tom Teacher', memberships: [{ organisationId: school2, role: 'teacher' }] }),
    // A colleague of the lead's own organisation: the wijkteam's consent must not cover her by itself.
    colleague: await makeUser(t.db, { regionId: f.regionId, name: 'Cora Collega', memberships: [{ organisationId: f.org.wijkteam, role: 'youth_care_professional' }] }),
    coordinator: await makeUser(t.db, { regionId: f.regionId, name: 'Cas Coordinator', memberships: [{ organisationId: f.org.gemeente, role: 'municipality_coordinator' }] }),
  };
  for (const [k, u] of Object.entries(users)) s[k] = await login(t.app, u.email);
}, 120_000);
afterAll(async () => t?.close());

describe('nobody joins a network without being let in', () => {
  it('registering a known child by name and date of birth returns nothing of it, and does not join', async () => {
    const [kees] = await t.db.query<{ birth_date: string }>(`SELECT birth_date::text FROM young_people WHERE id = $1`, [f.child.c8]);
    const res = await api('opvang')({ method: 'POST', url: '/api/v1/children', payload: { givenName: 'Kees', familyName: 'Kringloop', birthDate: kees!.birth_date, question } });
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({ status: 'join_requested' });
    expect(res.body).not.toContain(f.child.c8);
    expect(await involvementsOf((await t.db.query<{ id: string }>(`SELECT id FROM users WHERE display_name = 'Olly Opvang'`))[0]!.id, f.child.c8)).toEqual([]);
    await expectNoNetwork('opvang', f.child.c8);
    expect((await api('opvang')({ method: 'GET', url: `/api/v1/children/${f.child.c8}` })).statusCode).toBe(404);
    expect((await api('opvang')({ method: 'GET', url: `/api/v1/children/${f.child.c8}/consents` })).statusCode).toBe(404);
  });

  it('a matching BSN with other names, or a near match, is a join request too', async () => {
    const byBsn = await api('teacher2')({ method: 'POST', url: '/api/v1/children', payload: { givenName: 'Anders', familyName: 'Iemand', birthDate: '2012-01-01', bsn: '123456782', question } });
    expect(byBsn.statusCode).toBe(202);
    expect(byBsn.body).not.toContain(f.child.c8);
    expect(byBsn.body).not.toMatch(/Kees|Kringloop|Mia|Vince/);
    const [kees] = await t.db.query<{ birth_date: string }>(`SELECT birth_date::text FROM young_people WHERE id = $1`, [f.child.c8]);
    const near = await api('colleague')({ method: 'POST', url: '/api/v1/children', payload: { givenName: 'Kees', familyName: 'Kringlop', birthDate: kees!.birth_date, question } });
    expect(near.statusCode).toBe(202);
    await expectNoNetwork('teacher2', f.child.c8);
    await expectNoNetwork('colleague', f.child.c8);
  });

  it('a question from outside the network makes nobody a member', async () => {
    const res = await api('teacher2')({ method: 'POST', url: `/api/v1/children/${f.child.c8}/questions`, payload: question });
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({ status: 'join_requested' });
    await expectNoNetwork('teacher2', f.child.c8);
    // The consent given to the wijkteam does not reach a colleague who was not let in.
    const q2 = await api('colleague')({ method: 'POST', url: `/api/v1/children/${f.child.c8}/questions`, payload: question });
    expect(q2.statusCode).toBe(202);
    await expectNoNetwork('colleague', f.child.c8);
    // A child of another region does not exist for them.
    const unknown = await api('teacher2')({ method: 'POST', url: `/api/v1/children/00000000-0000-4000-8000-000000000000/questions`, payload: question });
    expect(unknown.statusCode).toBe(404);
  });

  it('the lead decides; an accepted colleague is a member, covered by the consent her organisation has', async () => {
    const list = (await api('wijk')({ method: 'GET', url: '/api/v1/join-requests' })).json();
    const mine = list.incoming.filter((r: { youngPersonId: string }) => r.youngPersonId === f.child.c8);
    expect(mine.map((r: { requester: { displayName: string } }) => r.requester.displayName).sort()).toEqual(['Cora Collega', 'Olly Opvang', 'Tom Teacher']);
    expect(mine.every((r: { decideAs: string }) => r.decideAs === 'lead')).toBe(true);
    // Nobody else can decide: not a parent while there is a lead, not the requester, not an outsider.
    const cora = mine.find((r: { requester: { displayName: string } }) => r.requester.displayName === 'Cora Collega');
    for (const who of ['mum', 'colleague', 'outsider', 'ib']) {
      expect((await api(who)({ method: 'POST', url: `/api/v1/join-requests/${cora.id}/decision`, payload: { outcome: 'accepted' } })).statusCode, who).toBe(404);
    }
    expect((await api('wijk')({ method: 'POST', url: `/api/v1/join-requests/${cora.id}/decision`, payload: { outcome: 'accepted' } })).statusCode).toBe(200);
    expect((await api('wijk')({ method: 'POST', url: `/api/v1/join-requests/${cora.id}/decision`, payload: { outcome: 'refused' } })).statusCode).toBe(409);
    expect((await api('colleague')({ method: 'GET', url: `/api/v1/children/${f.child.c8}/network` })).statusCode).toBe(200);
    // Refused: nothing; the requester learns the outcome, not the child.
    const olly = mine.find((r: { requester: { displayName: string } }) => r.requester.displayName === 'Olly Opvang');
    expect((await api('wijk')({ method: 'POST', url: `/api/v1/join-requests/${olly.id}/decision`, payload: { outcome: 'refused' } })).statusCode).toBe(200);
    await expectNoNetwork('opvang', f.child.c8);
    const out = (await api('opvang')({ method: 'GET', url: '/api/v1/join-requests' })).json();
    expect(out.outgoing[0]).toMatchObject({ status: 'refused', childName: null, youngPersonId: null });
    // Tom withdraws his own request: only his own, and it is on the child's chain.
    const tom = mine.find((r: { requester: { displayName: string } }) => r.requester.displayName === 'Tom Teacher');
    expect((await api('opvang')({ method: 'POST', url: `/api/v1/join-requests/${tom.id}/withdraw` })).statusCode).toBe(404);
    expect((await api('teacher2')({ method: 'POST', url: `/api/v1/join-requests/${tom.id}/withdraw` })).statusCode).toBe(200);
    const [w] = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_events WHERE chain_key = $1 AND kind = 'join.decided' AND details->>'outcome' = 'withdrawn'`, [`yp:${f.child.c8}`]);
    expect(w!.n).toBe(1);
    // The family sees the requests in their access log.
    const log = (await api('mum')({ method: 'GET', url: `/api/v1/children/${f.child.c8}/access-log?limit=100` })).json();
    expect(log.items.filter((i: { whatNl: string }) => i.whatNl === 'vroeg om bij het netwerk te komen').map((i: { who: string }) => i.who)).toEqual(expect.arrayContaining(['Olly Opvang', 'Tom Teacher', 'Cora Collega']));
  });

  it('without a lead the family decides; without a family account the coordinator does', async () => {
    // Fleur (15) has no network yet: the teacher of another school asks, the parents decide.
    const r = await api('teacher2')({ method: 'POST', url: `/api/v1/children/${f.child.c15}/questions`, payload: question });
    expect(r.statusCode).toBe(202);
    const mum = (await api('mum')({ method: 'GET', url: '/api/v1/join-requests' })).json();
    const req = mum.incoming.find((x: { youngPersonId: string }) => x.youngPersonId === f.child.c15);
    expect(req).toMatchObject({ decideAs: 'family' });
    expect((await api('coordinator')({ method: 'POST', url: `/api/v1/join-requests/${req.id}/decision`, payload: { outcome: 'accepted' } })).statusCode).toBe(404);
    expect((await api('mum')({ method: 'POST', url: `/api/v1/join-requests/${req.id}/decision`, payload: { outcome: 'refused', note: 'Liever niet.' } })).statusCode).toBe(200);
    // A child nobody in the family has an account for: the region's coordinator.
    const lone = await insertChild(t.db, f.regionId, { given: 'Lotte', family: 'Alleen', birthDate: bornYearsAgo(9) });
    expect((await api('teacher2')({ method: 'POST', url: `/api/v1/children/${lone}/questions`, payload: question })).statusCode).toBe(202);
    const co = (await api('coordinator')({ method: 'GET', url: '/api/v1/join-requests' })).json();
    const loneReq = co.incoming.find((x: { youngPersonId: string }) => x.youngPersonId === lone);
    expect(loneReq).toMatchObject({ decideAs: 'coordinator' });
    expect((await api('coordinator')({ method: 'POST', url: `/api/v1/join-requests/${loneReq.id}/decision`, payload: { outcome: 'accepted' } })).statusCode).toBe(200);
    // Accepted and the first in the network: a member, but no basis yet — identity only.
    expect((await api('teacher2')({ method: 'GET', url: `/api/v1/children/${lone}` })).json().access).toEqual({ level: 'identity', basis: 'involvement' });
    await expectNoNetwork('teacher2', lone);
  });
});

describe('consent reaches people, and a consent recorded on someone\'s behalf waits for them', () => {
  it('a verbal consent in a parent\'s name opens nothing until that parent confirms it', async () => {
    // The jgz nurse is a member without a basis; the lead records "verbal" consent of both parents for JGZ.
    await t.db.query(`INSERT INTO involvements (region_id, network_id, young_person_id, user_id, organisation_id, role, starts_on)
      SELECT region_id, id, young_person_id, $2, $3, 'jgz_professional', current_date FROM networks WHERE young_person_id = $1 AND status = 'active'`, [f.child.c8, f.user.jgz.id, f.org.jgz]);
    for (const parent of [f.user.mum.id, f.user.dad.id]) {
      const r = await api('wijk')({ method: 'POST', url: `/api/v1/children/${f.child.c8}/consents`, payload: { purpose: 'share_in_network', recipientOrganisationId: f.org.jgz, consenterUserId: parent, method: 'verbal' } });
      expect(r.statusCode).toBe(201);
    }
    await expectNoNetwork('jgz', f.child.c8);
    // The professional cannot confirm it for them.
    const list = (await api('wijk')({ method: 'GET', url: `/api/v1/children/${f.child.c8}/consents` })).json();
    const pending = list.consents.filter((c: { status: string }) => c.status === 'pending');
    expect(pending.length).toBeGreaterThanOrEqual(2);
    expect(pending.every((c: { canConfirm: boolean }) => !c.canConfirm)).toBe(true);
    expect((await api('wijk')({ method: 'POST', url: `/api/v1/children/${f.child.c8}/consents/${pending[0].id}/confirm`, payload: { decision: 'confirm' } })).statusCode).toBe(403);
    await confirmPending(t.app, f.s.mum!, f.child.c8);
    await expectNoNetwork('jgz', f.child.c8); // under 12 both parents decide
    await confirmPending(t.app, f.s.dad!, f.child.c8);
    expect((await api('jgz')({ method: 'GET', url: `/api/v1/children/${f.child.c8}/plan` })).statusCode).toBe(200);
  });

  it('a young person without an account: a colleague records their verbal consent, the lead confirms it before having any basis', async () => {
    // Found by the insider property test (seed 856682774): the lead without a basis yet could record
    // such a consent themselves, but not confirm a colleague's record of it — the one way to a basis.
    const child = await insertChild(t.db, f.regionId, { given: 'Sem', family: 'Zonderaccount', birthDate: bornYearsAgo(16), schoolId: f.org.school });
    expect((await api('ib')({ method: 'POST', url: `/api/v1/children/${child}/questions`, payload: question })).statusCode).toBe(201);
    await t.db.query(`INSERT INTO involvements (region_id, network_id, young_person_id, user_id, organisation_id, role, starts_on)
      SELECT region_id, id, young_person_id, $2, $3, 'youth_care_professional', current_date FROM networks WHERE young_person_id = $1 AND status = 'active'`, [child, f.user.wijk.id, f.org.wijkteam]);
    const given = await api('wijk')({ method: 'POST', url: `/api/v1/children/${child}/consents`, payload: { purpose: 'share_in_network', recipientOrganisationId: f.org.school, consenterRelation: 'young_person', method: 'verbal' } });
    expect(given.statusCode).toBe(201);
    const pending = given.json().consents.find((c: { status: string }) => c.status === 'pending');
    expect(pending).toBeTruthy();
    await expectNoNetwork('ib', child);
    // The one who recorded it cannot confirm it (not the lead: refused like any rule failure, 404); the lead can, and that is the basis.
    expect((await api('wijk')({ method: 'POST', url: `/api/v1/children/${child}/consents/${pending.id}/confirm`, payload: { decision: 'confirm' } })).statusCode).toBe(404);
    const list = (await api('ib')({ method: 'GET', url: `/api/v1/children/${child}/consents` })).json();
    expect(list.consents.find((c: { id: string }) => c.id === pending.id).canConfirm).toBe(true);
    expect((await api('ib')({ method: 'POST', url: `/api/v1/children/${child}/consents/${pending.id}/confirm`, payload: { decision: 'confirm' } })).statusCode).toBe(200);
    expect((await api('ib')({ method: 'GET', url: `/api/v1/children/${child}/network` })).statusCode).toBe(200);
  });

  it('a consent the person withdrew themselves is never revived by a professional', async () => {
    const list = (await api('mum')({ method: 'GET', url: `/api/v1/children/${f.child.c8}/consents` })).json();
    const mine = list.consents.find((c: { givenBy: { userId: string }; recipient: { organisationId: string }; active: boolean }) =>
      c.givenBy.userId === f.user.mum.id && c.recipient.organisationId === f.org.jgz && c.active);
    expect((await api('mum')({ method: 'POST', url: `/api/v1/children/${f.child.c8}/consents/${mine.id}/withdraw` })).statusCode).toBe(200);
    await expectNoNetwork('jgz', f.child.c8);
    const revive = await api('wijk')({ method: 'POST', url: `/api/v1/children/${f.child.c8}/consents`, payload: { purpose: 'share_in_network', recipientOrganisationId: f.org.jgz, consenterUserId: f.user.mum.id, method: 'verbal' } });
    expect(revive.statusCode).toBe(422);
    await expectNoNetwork('jgz', f.child.c8);
  });

  it('after a withdrawal the worklist and tasks no longer name the plan actions', async () => {
    const plan = (await api('wijk')({ method: 'GET', url: `/api/v1/children/${f.child.c8}/plan` })).json();
    const put = await api('wijk')({
      method: 'PUT', url: `/api/v1/children/${f.child.c8}/plan`, headers: { 'if-match': `"${plan.version ?? 0}"` },
      payload: { goals: [{ id: 'g1', text: 'Kees slaapt beter' }], actions: [{ id: 'a1', goalId: 'g1', what: 'Gesprek met de huisarts plannen', ownerUserId: f.user.jgz.id, dueOn: '2020-01-01', status: 'open' }], changeSummary: 'Actie voor JGZ' },
    });
    expect(put.statusCode, put.body).toBeLessThan(300);
    // JGZ's basis is gone (mum withdrew): the action is JGZ's, but it is network data.
    const tasks = (await api('jgz')({ method: 'GET', url: '/api/v1/tasks' })).json();
    expect(JSON.stringify(tasks)).not.toContain('huisarts');
    const wl = (await api('jgz')({ method: 'GET', url: '/api/v1/worklist' })).json();
    const row = wl.items.find((i: { youngPersonId: string }) => i.youngPersonId === f.child.c8);
    expect(row).toMatchObject({ hasBasis: false, openActions: 0, overdueActions: 0, nextEvaluationOn: null, leadName: null });
  });
});

describe('a legal basis opens nothing until someone else reviewed it', () => {
  it('a legal task recorded by a member without a basis opens nothing before review, and a rejection ends a Meldcode at once', async () => {
    const legal = await api('teacher2')({ method: 'POST', url: `/api/v1/children/${(await t.db.query<{ id: string }>(`SELECT id FROM young_people WHERE given_name = 'Lotte'`))[0]!.id}/legal-bases`, payload: { kind: 'legal_task', organisationId: (await t.db.query<{ id: string }>(`SELECT id FROM organisations WHERE name = 'CBS Andere School'`))[0]!.id, justification: 'Wettelijke taak: de school moet de leerling begeleiden.' } });
    expect(legal.statusCode, legal.body).toBe(201);
    const lotte = (await t.db.query<{ id: string }>(`SELECT id FROM young_people WHERE given_name = 'Lotte'`))[0]!.id;
    await expectNoNetwork('teacher2', lotte);
    // Vital interest may act before review: for 24 hours, and a rejection ends it now.
    const vital = await api('teacher2')({ method: 'POST', url: `/api/v1/children/${lotte}/legal-bases`, payload: { kind: 'vital_interest', organisationId: (await t.db.query<{ id: string }>(`SELECT id FROM organisations WHERE name = 'CBS Andere School'`))[0]!.id, justification: 'Lotte is flauwgevallen; wij moeten weten wie haar helpt.' } });
    expect(vital.statusCode).toBe(201);
    expect((await api('teacher2')({ method: 'GET', url: `/api/v1/children/${lotte}/network` })).statusCode).toBe(200);
    const vitalId = vital.json().legalBases.find((l: { kind: string }) => l.kind === 'vital_interest').id;
    expect((await api('fg')({ method: 'POST', url: `/api/v1/legal-bases/${vitalId}/review`, payload: { outcome: 'rejected', note: 'Geen vitaal belang.' } })).statusCode).toBe(200);
    await expectNoNetwork('teacher2', lotte);
    // The legal task, confirmed by the privacy officer, opens it.
    const taskId = legal.json().legalBases.find((l: { kind: string }) => l.kind === 'legal_task').id;
    expect((await api('fg')({ method: 'POST', url: `/api/v1/legal-bases/${taskId}/review`, payload: { outcome: 'confirmed', note: 'Klopt.' } })).statusCode).toBe(200);
    expect((await api('teacher2')({ method: 'GET', url: `/api/v1/children/${lotte}/network` })).statusCode).toBe(200);
  });
});

describe('break-the-glass is for emergencies and reviewed by someone who can act', () => {
  const reason = 'Kees is bij ons binnengebracht, wij moeten nu weten wie betrokken is.';
  it('roles the region does not list cannot use it', async () => {
    for (const who of ['opvang', 'teacher2', 'ib']) {
      const r = await api(who)({ method: 'POST', url: '/api/v1/break-glass', payload: { bsn: '123456782', emergency: 'acute_safety', reason } });
      expect(r.statusCode, who).toBe(403);
    }
    const noEmergency = await api('outsider')({ method: 'POST', url: '/api/v1/break-glass', payload: { bsn: '123456782', reason: 'Nieuwsgierig wat er in dit gezin speelt, geen nood.' } });
    expect(noEmergency.statusCode).toBe(400);
  });

  it('"unjustified" ends the grant at once and blocks a new one until the privacy officer lifts it; the family is told', async () => {
    const g = await api('outsider')({ method: 'POST', url: '/api/v1/break-glass', payload: { bsn: '123456782', emergency: 'acute_safety', reason } });
    expect(g.statusCode).toBe(201);
    expect((await api('outsider')({ method: 'GET', url: `/api/v1/children/${f.child.c8}/plan` })).statusCode).toBe(200);
    const inboxMum = (await api('mum')({ method: 'GET', url: '/api/v1/notifications' })).json();
    expect(inboxMum.map((n: { kind: string }) => n.kind)).toContain('break_glass.family_notice');
    const [grant] = await t.db.query<{ id: string }>(`SELECT id FROM break_glass_grants WHERE user_id = $1 ORDER BY started_at DESC LIMIT 1`, [f.user.outsider.id]);
    const review = await api('wijk')({ method: 'POST', url: `/api/v1/children/${f.child.c8}/break-glass/${grant!.id}/review`, payload: { outcome: 'unjustified', note: 'Geen noodsituatie.' } });
    expect(review.statusCode).toBe(200);
    expect((await api('outsider')({ method: 'GET', url: `/api/v1/children/${f.child.c8}/plan` })).statusCode).toBe(404);
    const again = await api('outsider')({ method: 'POST', url: '/api/v1/break-glass', payload: { bsn: '123456782', emergency: 'acute_safety', reason } });
    expect(again.statusCode).toBe(403);
    await expectNoNetwork('outsider', f.child.c8);
    // The privacy officer sees the block and lifts it.
    const ov = (await api('fg')({ method: 'GET', url: '/api/v1/privacy/overview' })).json();
    expect(ov.breakGlass.find((b: { id: string }) => b.id === grant!.id)).toMatchObject({ blocked: true, reviewOutcome: 'unjustified' });
    expect((await api('wijk')({ method: 'POST', url: `/api/v1/privacy/break-glass/${grant!.id}/lift-block`, payload: { note: 'Opgeheven.' } })).statusCode).toBe(403);
    expect((await api('fg')({ method: 'POST', url: `/api/v1/privacy/break-glass/${grant!.id}/lift-block`, payload: { note: 'Besproken met de medewerker.' } })).statusCode).toBe(200);
    expect((await api('outsider')({ method: 'POST', url: '/api/v1/break-glass', payload: { bsn: '123456782', emergency: 'acute_safety', reason } })).statusCode).toBe(201);
  });

  it('a child without a lead gets the privacy officer as reviewer', async () => {
    const alone = await insertChild(t.db, f.regionId, { given: 'Noor', family: 'Zonderregie', birthDate: bornYearsAgo(10), bsn: '111222333' });
    const g = await api('jgz')({ method: 'POST', url: '/api/v1/break-glass', payload: { bsn: '111222333', emergency: 'medical', reason: 'Noor is onwel op het consultatiebureau, ik moet weten wie haar helpt.' } });
    expect(g.statusCode).toBe(201);
    const inbox = (await api('fg')({ method: 'GET', url: '/api/v1/notifications' })).json();
    expect(inbox.map((n: { kind: string }) => n.kind)).toContain('break_glass.review_requested');
    const ov = (await api('fg')({ method: 'GET', url: '/api/v1/privacy/overview' })).json();
    const grant = ov.breakGlass.find((b: { childName: string }) => b.childName === 'Noor Zonderregie');
    expect(grant).toMatchObject({ awaitsMe: true, active: true });
    expect((await api('fg')({ method: 'POST', url: `/api/v1/privacy/break-glass/${grant.id}/review`, payload: { outcome: 'unjustified' } })).statusCode).toBe(200);
    await expectNoNetwork('jgz', alone);
  });
});

describe('the family view keeps its promises', () => {
  it('once a 16-year-old closed the file, parents see nothing of it beyond their own account', async () => {
    const teen = as(t.app, f.s.teen!);
    await teen({ method: 'POST', url: `/api/v1/children/${f.child.c16}/consents`, payload: { purpose: 'share_in_network', recipientOrganisationId: f.org.wijkteam } });
    await t.db.query(`UPDATE young_people SET bsn = '222333443' WHERE id = $1`, [f.child.c16]);
    expect((await teen({ method: 'PUT', url: `/api/v1/children/${f.child.c16}/privacy`, payload: { parentsAccess: 'hidden' } })).statusCode).toBe(200);
    expect((await api('mum')({ method: 'GET', url: `/api/v1/children/${f.child.c16}/consents` })).statusCode).toBe(403);
    const child = (await api('mum')({ method: 'GET', url: `/api/v1/children/${f.child.c16}` })).json();
    expect(child.school).toBeNull();
    expect(child.bsn).not.toBe('222333443');
    expect(child.bsn).toMatch(/\*/);
    // The young person still sees their own full BSN.
    expect((await teen({ method: 'GET', url: `/api/v1/children/${f.child.c16}` })).json().bsn).toBe('222333443');
  });
});
