import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, type TestApp } from '../../../test/helpers.ts';
import { bornYearsAgo, buildFixture, confirmPending, insertChild, startNetwork, type Fixture } from '../../../test/kindkring-fixture.ts';
import { verifyAudit } from '../../core/audit-verify.ts';
import { resolveAccess } from '../../core/access.ts';
import { loadActor, sha256 } from '../../core/session.ts';
import { networkView } from '../networks/networks.service.ts';
import { planView } from '../plans/plans.service.ts';
import { plusDays, today } from '../../../shared/dates.ts';

let t: TestApp;
let f: Fixture;
const api = (who: string) => as(t.app, f.s[who]!);

beforeAll(async () => {
  t = await createTestApp();
  f = await buildFixture(t.app, t.db);
  await startNetwork(t.app, f);
});
afterAll(async () => t.close());

const childPaths = (id: string) => [
  `/api/v1/children/${id}`, `/api/v1/children/${id}/network`, `/api/v1/children/${id}/consents`, `/api/v1/children/${id}/plan`,
  `/api/v1/children/${id}/plan/versions`, `/api/v1/children/${id}/meetings`, `/api/v1/children/${id}/evaluations`,
  `/api/v1/children/${id}/timeline`, `/api/v1/children/${id}/access-log`,
];

describe('a professional outside the network', () => {
  it('gets 404 on every child path, as do policy roles and the platform admin', async () => {
    for (const who of ['outsider', 'policy', 'admin', 'otherParent']) {
      for (const url of childPaths(f.child.c8)) {
        const res = await api(who)({ method: 'GET', url });
        expect(res.statusCode, `${who} ${url}`).toBe(404);
        expect(res.json().error.code).toBe('not_found');
      }
      const write = await api(who)({ method: 'PUT', url: `/api/v1/children/${f.child.c8}/plan`, headers: { 'if-match': '"1"' }, payload: { goals: [], actions: [], changeSummary: 'probeer' } });
      expect(write.statusCode).toBe(404);
    }
  });

  it('a child that does not exist answers the same 404', async () => {
    const res = await api('outsider')({ method: 'GET', url: `/api/v1/children/00000000-0000-4000-8000-000000000000` });
    expect(res.statusCode).toBe(404);
  });

  it('finds nothing when searching, and the denied attempts are audited', async () => {
    const res = await api('outsider')({ method: 'GET', url: '/api/v1/children?q=kees' });
    expect(res.json().items).toEqual([]);
    const [row] = await t.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_events WHERE kind = 'access.denied' AND actor_user_id = $1 AND young_person_id = $2`, [f.user.outsider.id, f.child.c8]);
    expect(row!.n).toBeGreaterThan(0);
  });

  it('not logged in is 401 on every child path', async () => {
    for (const url of childPaths(f.child.c8)) expect((await t.app.inject({ method: 'GET', url })).statusCode).toBe(401);
  });
});

describe('question, network, consent and invitation', () => {
  it('the question started one network with one lead; the network lists who is involved', async () => {
    const net = await api('wijk')({ method: 'GET', url: `/api/v1/children/${f.child.c8}/network` });
    expect(net.statusCode).toBe(200);
    const body = net.json();
    expect(body.lead).toMatchObject({ userId: f.user.wijk.id });
    expect(body.involvements.map((i: { userId: string }) => i.userId).sort()).toEqual([f.user.ib.id, f.user.wijk.id].sort());
    expect(body.involvements.filter((i: { isLead: boolean }) => i.isLead)).toHaveLength(1);
    expect(body.questions[0]).toMatchObject({ lifeDomains: ['school', 'home'], raisedBy: 'professional' });
    expect(body.handovers).toHaveLength(1);
    expect(body.members.map((m: { relation: string }) => m.relation).sort()).toEqual(['parent', 'parent', 'young_person']);
    // A second question does not start a second network.
    const q2 = await api('wijk')({ method: 'POST', url: `/api/v1/children/${f.child.c8}/questions`, payload: { text: 'Thuis gaat het niet goed met slapen.', ownWords: true, lifeDomains: ['home'], raisedBy: 'parent' } });
    expect(q2.json()).toMatchObject({ networkId: body.id, networkCreated: false });
  });

  it('inviting an organisation that no basis covers is refused', async () => {
    const res = await api('wijk')({ method: 'POST', url: `/api/v1/children/${f.child.c8}/network/involvements`, payload: { userId: f.user.jgz.id, organisationId: f.org.jgz } });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('no_basis');
    const cands = await api('wijk')({ method: 'GET', url: `/api/v1/children/${f.child.c8}/network/candidates?q=jet` });
    expect(cands.json()).toEqual([expect.objectContaining({ userId: f.user.jgz.id, covered: false })]);
  });

  it('one parent consenting is not enough under 12; both are', async () => {
    const wijk = api('wijk');
    await wijk({ method: 'POST', url: `/api/v1/children/${f.child.c8}/consents`, payload: { purpose: 'share_in_network', recipientOrganisationId: f.org.jgz, consenterUserId: f.user.mum.id, method: 'written' } });
    expect((await wijk({ method: 'POST', url: `/api/v1/children/${f.child.c8}/network/involvements`, payload: { userId: f.user.jgz.id, organisationId: f.org.jgz } })).statusCode).toBe(422);
    // Dad consents himself, in the app.
    const dad = await api('dad')({ method: 'POST', url: `/api/v1/children/${f.child.c8}/consents`, payload: { purpose: 'share_in_network', recipientOrganisationId: f.org.jgz } });
    expect(dad.statusCode).toBe(201);
    // Mum's consent, recorded by the professional, waits for her to confirm it: not covered yet.
    expect(dad.json().coverage.find((c: { organisationId: string }) => c.organisationId === f.org.jgz)).toMatchObject({ covered: false });
    expect((await wijk({ method: 'POST', url: `/api/v1/children/${f.child.c8}/network/involvements`, payload: { userId: f.user.jgz.id, organisationId: f.org.jgz } })).statusCode).toBe(422);
    expect(await confirmPending(t.app, f.s.mum!, f.child.c8)).toBe(1);
    expect((await wijk({ method: 'POST', url: `/api/v1/children/${f.child.c8}/network/involvements`, payload: { userId: f.user.jgz.id, organisationId: f.org.jgz } })).statusCode).toBe(201);
    expect((await api('jgz')({ method: 'GET', url: `/api/v1/children/${f.child.c8}/plan` })).statusCode).toBe(200);
  });

  it('a withdrawal removes access at once', async () => {
    const consents = (await api('mum')({ method: 'GET', url: `/api/v1/children/${f.child.c8}/consents` })).json();
    const mine = consents.consents.find((c: { givenBy: { userId: string }; recipient: { organisationId: string }; active: boolean }) =>
      c.givenBy.userId === f.user.mum.id && c.recipient.organisationId === f.org.jgz && c.active);
    expect(mine.canWithdraw).toBe(true);
    // Dad cannot withdraw mum's consent.
    expect((await api('dad')({ method: 'POST', url: `/api/v1/children/${f.child.c8}/consents/${mine.id}/withdraw` })).statusCode).toBe(403);
    const w = await api('mum')({ method: 'POST', url: `/api/v1/children/${f.child.c8}/consents/${mine.id}/withdraw` });
    expect(w.statusCode).toBe(200);
    expect((await api('jgz')({ method: 'GET', url: `/api/v1/children/${f.child.c8}/plan` })).statusCode).toBe(404);
    const again = await api('mum')({ method: 'POST', url: `/api/v1/children/${f.child.c8}/consents/${mine.id}/withdraw` });
    expect(again.statusCode).toBe(409);
    // The lead professional was told.
    const inbox = (await api('wijk')({ method: 'GET', url: '/api/v1/notifications' })).json();
    expect(inbox.map((n: { kind: string }) => n.kind)).toContain('consent.withdrawn');
  });
});

describe('consent by age', () => {
  it('shows who must consent at 8, 15 and 16', async () => {
    const c8 = (await api('mum')({ method: 'GET', url: `/api/v1/children/${f.child.c8}` })).json();
    expect(c8.consentRule).toMatchObject({ ageBand: 'under_12' });
    expect(c8.consentRule.consenters.map((c: { relation: string }) => c.relation)).toEqual(['parent', 'parent']);
    const c15 = (await api('mum')({ method: 'GET', url: `/api/v1/children/${f.child.c15}` })).json();
    expect(c15.consentRule.consenters.map((c: { relation: string }) => c.relation)).toEqual(['parent', 'parent', 'young_person']);
    const c16 = (await api('teen')({ method: 'GET', url: `/api/v1/children/${f.child.c16}` })).json();
    expect(c16.consentRule).toEqual({ ageBand: '16_plus', consenters: [{ userId: f.user.teen.id, displayName: 'Tess Teen', relation: 'young_person' }] });
  });

  it('at 16 a parent cannot consent; the young person can', async () => {
    const parent = await api('mum')({ method: 'POST', url: `/api/v1/children/${f.child.c16}/consents`, payload: { purpose: 'share_in_network', recipientOrganisationId: f.org.wijkteam } });
    expect(parent.statusCode).toBe(422);
    const teen = await api('teen')({ method: 'POST', url: `/api/v1/children/${f.child.c16}/consents`, payload: { purpose: 'share_in_network', recipientOrganisationId: f.org.wijkteam } });
    expect(teen.statusCode).toBe(201);
  });

  it('a consent that a birthday makes insufficient is flagged', async () => {
    const t12 = today();
    const birthDate = `${Number(t12.slice(0, 4)) - 12}${t12.slice(4)}`.replace(/-02-29$/, '-03-01');
    const kid = await insertChild(t.db, f.regionId, { given: 'Bo', family: 'Jarig', birthDate, schoolId: f.org.school, guardians: [f.user.mum.id] });
    await api('ib')({ method: 'POST', url: `/api/v1/children/${kid}/questions`, payload: { text: 'Bo heeft hulp nodig bij plannen.', ownWords: false, lifeDomains: ['school'], raisedBy: 'professional' } });
    await t.db.query(
      `INSERT INTO consents (region_id, young_person_id, purpose, recipient_organisation_id, consenter_user_id, consenter_relation, method, recorded_by, valid_from)
       VALUES ($1,$2,'share_in_network',$3,$4,'parent','written',$5,$6)`, [f.regionId, kid, f.org.school, f.user.mum.id, f.user.ib.id, plusDays(today(), -30)]);
    const res = (await api('ib')({ method: 'GET', url: `/api/v1/children/${kid}/consents` })).json();
    const school = res.coverage.find((c: { organisationId: string }) => c.organisationId === f.org.school);
    expect(school).toMatchObject({ covered: false, flagged: true, missing: ['Bo Jarig'] });
    // Without a basis the school is back to identity only: the plan is closed to them.
    expect((await api('ib')({ method: 'GET', url: `/api/v1/children/${kid}/plan` })).statusCode).toBe(404);
  });
});

describe('the plan', () => {
  it('versions every change; a stale update gets 409 with the current plan', async () => {
    const wijk = api('wijk');
    const first = await wijk({ method: 'PUT', url: `/api/v1/children/${f.child.c8}/plan`, headers: { 'if-match': '"0"' }, payload: {
      goals: [{ id: 'g1', text: 'Kees gaat uitgerust naar school.' }],
      actions: [{ goalId: 'g1', what: 'Vaste bedtijd afspreken', ownerName: 'ouders', dueOn: plusDays(today(), 14) },
        { goalId: 'g1', what: 'Gesprek met Kees over slapen', ownerUserId: f.user.wijk.id, dueOn: plusDays(today(), 7) }],
      nextEvaluationOn: plusDays(today(), 42), changeSummary: 'Eerste plan',
    } });
    expect(first.statusCode).toBe(200);
    expect(first.headers.etag).toBe('"1"');
    // The answer to a write is the plan exactly as a later read shows it.
    expect(first.json()).toEqual((await wijk({ method: 'GET', url: `/api/v1/children/${f.child.c8}/plan` })).json());
    const second = await wijk({ method: 'PUT', url: `/api/v1/children/${f.child.c8}/plan`, headers: { 'if-match': '"1"' }, payload: { goals: [{ id: 'g1', text: 'Kees gaat uitgerust en blij naar school.' }], actions: [], changeSummary: 'Doel scherper' } });
    expect(second.statusCode).toBe(200);
    const stale = await api('ib')({ method: 'PUT', url: `/api/v1/children/${f.child.c8}/plan`, headers: { 'if-match': '"1"' }, payload: { goals: [], actions: [], changeSummary: 'Oude versie' } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'conflict', current: { versionNumber: 2 } });
    const noVersion = await wijk({ method: 'PUT', url: `/api/v1/children/${f.child.c8}/plan`, payload: { goals: [], actions: [], changeSummary: 'Zonder versie' } });
    expect(noVersion.statusCode).toBe(428);
    const history = (await api('mum')({ method: 'GET', url: `/api/v1/children/${f.child.c8}/plan/versions` })).json();
    expect(history.map((v: { number: number }) => v.number)).toEqual([2, 1]);
    const v1 = (await api('mum')({ method: 'GET', url: `/api/v1/children/${f.child.c8}/plan/versions/1` })).json();
    expect(v1.actions).toHaveLength(2);
  });

  it('refuses diagnoses in the shared plan', async () => {
    const res = await api('wijk')({ method: 'PUT', url: `/api/v1/children/${f.child.c8}/plan`, headers: { 'if-match': '"2"' }, payload: { goals: [{ text: 'Behandeling van ADHD starten' }], actions: [], changeSummary: 'Diagnose' } });
    expect(res.statusCode).toBe(422);
  });

  it('parents give their opinion on the current version only, and change it, with a comment', async () => {
    const mum = api('mum');
    // Version 1 is history (version 2 is current): it no longer asks for an opinion, and the server refuses one.
    const old = await mum({ method: 'POST', url: `/api/v1/children/${f.child.c8}/plan/versions/1/opinion`, payload: { opinion: 'agree' } });
    expect(old.statusCode).toBe(422);
    expect(old.json().error.code).toBe('unprocessable');
    const v1 = await mum({ method: 'GET', url: `/api/v1/children/${f.child.c8}/plan/versions/1` });
    expect(v1.json().opinions).toEqual([]);
    expect(v1.json().allowedActions).not.toContain('givePlanOpinion');
    expect(v1.json().allowedActions).toContain('commentPlan');
    const v2 = await mum({ method: 'GET', url: `/api/v1/children/${f.child.c8}/plan/versions/2` });
    expect(v2.json().allowedActions).toContain('givePlanOpinion');
    expect((await mum({ method: 'POST', url: `/api/v1/children/${f.child.c8}/plan/versions/2/opinion`, payload: { opinion: 'agree' } })).statusCode).toBe(200);
    const dis = await mum({ method: 'POST', url: `/api/v1/children/${f.child.c8}/plan/versions/2/opinion`, payload: { opinion: 'disagree', comment: 'De bedtijd-afspraak is weg, die wil ik terug.' } });
    expect(dis.json().opinions).toEqual([expect.objectContaining({ userId: f.user.mum.id, opinion: 'disagree', relation: 'parent' })]);
    const c = await mum({ method: 'POST', url: `/api/v1/children/${f.child.c8}/plan/versions/2/comments`, payload: { text: 'Kunnen we dit bespreken?' } });
    expect(c.statusCode).toBe(201);
    // A professional cannot record an opinion in the family's name.
    expect((await api('wijk')({ method: 'POST', url: `/api/v1/children/${f.child.c8}/plan/versions/2/opinion`, payload: { opinion: 'agree' } })).statusCode).toBe(403);
    // Parents cannot edit the plan.
    expect((await mum({ method: 'PUT', url: `/api/v1/children/${f.child.c8}/plan`, headers: { 'if-match': '"2"' }, payload: { goals: [], actions: [], changeSummary: 'Zelf doen' } })).statusCode).toBe(403);
  });

  it('updates one action as a new version; the answer is the plan exactly as a later read shows it', async () => {
    const wijk = api('wijk');
    const plan = (await wijk({ method: 'PUT', url: `/api/v1/children/${f.child.c8}/plan`, headers: { 'if-match': '"2"' }, payload: {
      goals: [{ id: 'g1', text: 'Kees gaat uitgerust naar school.' }],
      actions: [{ goalId: 'g1', what: 'Vaste bedtijd afspreken', ownerName: 'ouders', dueOn: plusDays(today(), 14) },
        { goalId: 'g1', what: 'Gesprek met Kees over slapen', ownerUserId: f.user.wijk.id, dueOn: plusDays(today(), 7) }],
      changeSummary: 'Bedtijd terug in het plan',
    } })).json();
    expect(plan.versionNumber).toBe(3);
    const actionId = plan.actions[1].id;
    const done = await wijk({ method: 'PATCH', url: `/api/v1/children/${f.child.c8}/plan/actions/${actionId}`, headers: { 'if-match': '"3"' }, payload: { status: 'done' } });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.headers.etag).toBe('"4"');
    expect(done.json().actions.map((x: { status: string }) => x.status)).toEqual(['open', 'done']);
    expect(done.json()).toEqual((await wijk({ method: 'GET', url: `/api/v1/children/${f.child.c8}/plan` })).json());
    const rows = await t.db.query<{ action_id: string; status: string }>(
      `SELECT action_id, status FROM plan_actions WHERE young_person_id = $1 ORDER BY status`, [f.child.c8]);
    expect(rows).toEqual([{ action_id: plan.actions[1].id, status: 'done' }, { action_id: plan.actions[0].id, status: 'open' }]);
    const stale = await wijk({ method: 'PATCH', url: `/api/v1/children/${f.child.c8}/plan/actions/${actionId}`, headers: { 'if-match': '"3"' }, payload: { status: 'open' } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'conflict', current: { versionNumber: 4 } });
  });
});

describe('the home worklist', () => {
  type Item = { youngPersonId: string; name: string; leadName: string | null; isLead: boolean; organisationName: string; nextEvaluationOn: string | null;
    openActions: number; overdueActions: number; lastActivityAt: string | null; birthExpected: boolean; ageYears: number };
  const entry = async (who: string, childId: string): Promise<Item | undefined> =>
    (await api(who)({ method: 'GET', url: '/api/v1/worklist' })).json().items.find((i: Item) => i.youngPersonId === childId);

  it('shows the plan as it is now: open and overdue actions, next evaluation, last activity, lead and names', async () => {
    const wijk = api('wijk');
    const current = (await wijk({ method: 'GET', url: `/api/v1/children/${f.child.c8}/plan` })).json();
    const plan = (await wijk({ method: 'PUT', url: `/api/v1/children/${f.child.c8}/plan`, headers: { 'if-match': `"${current.versionNumber}"` }, payload: {
      goals: [{ id: 'g1', text: 'Kees gaat uitgerust naar school.' }],
      actions: [{ goalId: 'g1', what: 'Vaste bedtijd afspreken', ownerName: 'ouders', dueOn: plusDays(today(), 14) },
        { goalId: 'g1', what: 'Gesprek met Kees over slapen', ownerUserId: f.user.wijk.id, dueOn: plusDays(today(), 7) },
        { goalId: 'g1', what: 'Huisarts vragen mee te kijken', ownerName: 'ouders' }],
      nextEvaluationOn: plusDays(today(), 30), changeSummary: 'Plan voor de werklijst',
    } })).json();
    let e = await entry('wijk', f.child.c8);
    expect(e).toMatchObject({ name: 'Kees Kringloop', organisationName: 'Wijkteam Noord', openActions: 3, overdueActions: 0, nextEvaluationOn: plusDays(today(), 30) });
    const lastLine = (await wijk({ method: 'GET', url: `/api/v1/children/${f.child.c8}/timeline` })).json().items[0];
    expect(e!.lastActivityAt).toBe(new Date(lastLine.at).toISOString());

    // One action done: one open less. A due date that has passed counts as overdue.
    const done = await wijk({ method: 'PATCH', url: `/api/v1/children/${f.child.c8}/plan/actions/${plan.actions[1].id}`, headers: { 'if-match': `"${plan.versionNumber}"` }, payload: { status: 'done' } });
    expect(done.statusCode, done.body).toBe(200);
    await t.db.query(`UPDATE plan_actions SET due_on = $2 WHERE plan_id = (SELECT id FROM plans WHERE young_person_id = $1) AND action_id = $3`,
      [f.child.c8, plusDays(today(), -1), plan.actions[0].id]);
    e = await entry('wijk', f.child.c8);
    expect(e).toMatchObject({ openActions: 2, overdueActions: 1 });

    // Names follow the young person's and the lead's records.
    await t.db.query(`UPDATE young_people SET given_name = 'Kees-Jan' WHERE id = $1`, [f.child.c8]);
    const [lead] = await t.db.query<{ lead_user_id: string; display_name: string }>(
      `SELECT n.lead_user_id, u.display_name FROM networks n JOIN users u ON u.id = n.lead_user_id WHERE n.young_person_id = $1 AND n.status = 'active'`, [f.child.c8]);
    await t.db.query(`UPDATE users SET display_name = $2 WHERE id = $1`, [lead!.lead_user_id, `${lead!.display_name} (waarnemer)`]);
    e = await entry('wijk', f.child.c8);
    expect(e).toMatchObject({ name: 'Kees-Jan Kringloop', leadName: `${lead!.display_name} (waarnemer)` });
    await t.db.query(`UPDATE young_people SET given_name = 'Kees' WHERE id = $1`, [f.child.c8]);
    await t.db.query(`UPDATE users SET display_name = $2 WHERE id = $1`, [lead!.lead_user_id, lead!.display_name]);
    expect(e!.birthExpected).toBe(false);

    // A child not born yet is "expected", not "0 jaar".
    const [born] = await t.db.query<{ birth_date: string }>(`SELECT birth_date FROM young_people WHERE id = $1`, [f.child.c8]);
    await t.db.query(`UPDATE young_people SET birth_date = $2 WHERE id = $1`, [f.child.c8, plusDays(today(), 60)]);
    expect(await entry('wijk', f.child.c8)).toMatchObject({ birthExpected: true, ageYears: 0 });
    await t.db.query(`UPDATE young_people SET birth_date = $2 WHERE id = $1`, [f.child.c8, born!.birth_date]);
  });

  it('a closed network leaves the list', async () => {
    const [n] = await t.db.query<{ id: string }>(`SELECT id FROM networks WHERE young_person_id = $1 AND status = 'active'`, [f.child.c8]);
    await t.db.query(`UPDATE networks SET status = 'closed' WHERE id = $1`, [n!.id]);
    expect(await entry('wijk', f.child.c8)).toBeUndefined();
    await t.db.query(`UPDATE networks SET status = 'active' WHERE id = $1`, [n!.id]);
    expect(await entry('wijk', f.child.c8)).toBeDefined();
  });
});

describe('integrated meeting and evaluation', () => {
  it('decisions become plan actions in one step; the report reaches the family; a late report is flagged', async () => {
    const wijk = api('wijk');
    const m = await wijk({ method: 'POST', url: `/api/v1/children/${f.child.c8}/meetings`, payload: {
      scheduledAt: new Date().toISOString(), chairUserId: f.user.wijk.id, agenda: ['Hoe gaat het met Kees?', 'Afspraken'],
      participants: [
        { kind: 'professional', userId: f.user.ib.id, organisationId: f.org.school, hasMandate: true },
        { kind: 'parent', userId: f.user.mum.id },
        { kind: 'child_voice', childVoice: 'Ik wil graag weer voetballen.' },
      ],
    } });
    expect(m.statusCode).toBe(201);
    const meeting = m.json();
    expect(meeting.participants).toHaveLength(3);
    // The school is at the table with a mandate (issue 17: a decision committing an organisation needs that, else it is a proposal).
    const ibAt = meeting.participants.find((p: { userId: string | null }) => p.userId === f.user.ib.id);
    const present = await wijk({ method: 'PATCH', url: `/api/v1/children/${f.child.c8}/meetings/${meeting.id}`, headers: { 'if-match': `"${meeting.version}"` }, payload: { attendance: [{ participantId: ibAt.id, present: true }] } });
    expect(present.statusCode).toBe(200);
    const d = await wijk({ method: 'POST', url: `/api/v1/children/${f.child.c8}/meetings/${meeting.id}/decisions`, payload: { text: 'Kees gaat op voetbal', action: { what: 'Aanmelden bij de voetbalclub', ownerUserId: f.user.ib.id, dueOn: plusDays(today(), 10) } } });
    expect(d.statusCode).toBe(201);
    const { plan, meeting: after } = d.json();
    const action = plan.actions.find((a: { what: string }) => a.what === 'Aanmelden bij de voetbalclub');
    expect(action).toBeDefined();
    expect(after.decisions[0].planActionId).toBe(action.id);
    const tasks = (await api('ib')({ method: 'GET', url: '/api/v1/tasks' })).json();
    expect(tasks.map((x: { actionId: string }) => x.actionId)).toContain(action.id);
    const held = await wijk({ method: 'PATCH', url: `/api/v1/children/${f.child.c8}/meetings/${meeting.id}`, headers: { 'if-match': `"${after.version}"` }, payload: { status: 'held', report: 'Afgesproken: voetbal en vaste bedtijd.', attendance: [{ participantId: after.participants[0].id, present: true }] } });
    expect(held.statusCode).toBe(200);
    // The family does not see an unshared report.
    const famBefore = (await api('mum')({ method: 'GET', url: `/api/v1/children/${f.child.c8}/meetings/${meeting.id}` })).json();
    expect(famBefore.report).toBeNull();
    await t.db.query(`UPDATE meetings SET held_on = $2 WHERE id = $1`, [meeting.id, plusDays(today(), -15)]);
    const late = (await wijk({ method: 'GET', url: `/api/v1/children/${f.child.c8}/meetings/${meeting.id}` })).json();
    expect(late.warnings.map((w: { code: string }) => w.code)).toEqual(['report_not_shared']);
    const shared = await wijk({ method: 'POST', url: `/api/v1/children/${f.child.c8}/meetings/${meeting.id}/share-report` });
    expect(shared.json().warnings).toEqual([]);
    const fam = (await api('mum')({ method: 'GET', url: `/api/v1/children/${f.child.c8}/meetings/${meeting.id}` })).json();
    expect(fam.report).toBe('Afgesproken: voetbal en vaste bedtijd.');
    const inbox = (await api('mum')({ method: 'GET', url: '/api/v1/notifications' })).json();
    expect(inbox.map((n: { kind: string }) => n.kind)).toContain('meeting.report_shared');
  });

  it('records an evaluation with satisfaction and the setting', async () => {
    const res = await api('wijk')({ method: 'POST', url: `/api/v1/children/${f.child.c8}/evaluations`, payload: { heldOn: today(), wentWell: 'Kees slaapt beter.', mustChange: 'Meer contact met school.', setting: 'ordinary_life', satisfactionYoungPerson: 4, satisfactionParents: 5 } });
    expect(res.statusCode).toBe(201);
    expect(res.json()[0]).toMatchObject({ setting: 'ordinary_life', satisfactionYoungPerson: 4, satisfactionParents: 5 });
    const bad = await api('wijk')({ method: 'POST', url: `/api/v1/children/${f.child.c8}/evaluations`, payload: { heldOn: today(), wentWell: 'x', mustChange: 'y', setting: 'ordinary_life', satisfactionParents: 6 } });
    expect(bad.statusCode).toBe(400);
  });
});

describe('break-the-glass', () => {
  it('needs a reason, lasts 24 hours, tells the lead and shows in the access log', async () => {
    const short = await api('outsider')({ method: 'POST', url: '/api/v1/break-glass', payload: { bsn: '123456782', emergency: 'medical', reason: 'nood' } });
    expect(short.statusCode).toBe(400);
    const res = await api('outsider')({ method: 'POST', url: '/api/v1/break-glass', payload: { bsn: '123456782', emergency: 'medical', reason: 'Kees is bij ons binnengebracht na een ongeluk; ik moet weten wie betrokken is.' } });
    expect(res.statusCode).toBe(201);
    expect(res.json().youngPersonId).toBe(f.child.c8);
    expect((await api('outsider')({ method: 'GET', url: `/api/v1/children/${f.child.c8}/plan` })).statusCode).toBe(200);
    const inbox = (await api('wijk')({ method: 'GET', url: '/api/v1/notifications' })).json();
    expect(inbox.find((n: { kind: string }) => n.kind === 'break_glass.started')).toMatchObject({ youngPersonId: f.child.c8 });
    const log = (await api('mum')({ method: 'GET', url: `/api/v1/children/${f.child.c8}/access-log` })).json();
    expect(log.items.find((i: { basis: string | null; who: string }) => i.basis === 'break_glass' && i.who === 'Otto Outside')).toBeDefined();
    // Newest first: the break-the-glass read just before is at the top, and the times never go up.
    expect(log.items[0]).toMatchObject({ who: 'Otto Outside', basis: 'break_glass' });
    const ats = log.items.map((i: { at: string }) => i.at);
    expect([...ats].sort().reverse()).toEqual(ats);
    // After 24 hours access is gone again.
    await t.db.query(`UPDATE break_glass_grants SET expires_at = now() - interval '1 second' WHERE user_id = $1`, [f.user.outsider.id]);
    expect((await api('outsider')({ method: 'GET', url: `/api/v1/children/${f.child.c8}/plan` })).statusCode).toBe(404);
    const unknown = await api('outsider')({ method: 'POST', url: '/api/v1/break-glass', payload: { givenName: 'Niet', familyName: 'Bestaand', birthDate: '2015-01-01', emergency: 'medical', reason: 'Dit kind bestaat niet in het systeem, dus 404.' } });
    expect(unknown.statusCode).toBe(404);
  });
});

describe('family view', () => {
  it('parents read the plan, network, consents and access log of their own child only', async () => {
    for (const url of [`/api/v1/children/${f.child.c8}/plan`, `/api/v1/children/${f.child.c8}/network`, `/api/v1/children/${f.child.c8}/consents`, `/api/v1/children/${f.child.c8}/access-log`, `/api/v1/children/${f.child.c8}/timeline`]) {
      expect((await api('dad')({ method: 'GET', url })).statusCode, url).toBe(200);
    }
    const search = (await api('mum')({ method: 'GET', url: '/api/v1/children' })).json();
    expect(search.items.map((i: { id: string }) => i.id)).toEqual(expect.arrayContaining([f.child.c8, f.child.c15, f.child.c16]));
    expect((await api('otherParent')({ method: 'GET', url: '/api/v1/children' })).json().items).toEqual([]);
  });

  it('a young person of 16 can close the family view; parents then see only that the child exists', async () => {
    const q = await api('teen')({ method: 'POST', url: `/api/v1/children/${f.child.c16}/questions`, payload: { text: 'Ik wil hulp bij geldzaken.', ownWords: true, lifeDomains: ['money'], raisedBy: 'young_person' } });
    expect(q.statusCode).toBe(201);
    expect((await api('mum')({ method: 'GET', url: `/api/v1/children/${f.child.c16}/network` })).statusCode).toBe(200);
    expect((await api('mum')({ method: 'PUT', url: `/api/v1/children/${f.child.c16}/privacy`, payload: { parentsAccess: 'hidden' } })).statusCode).toBe(403);
    const r = await api('teen')({ method: 'PUT', url: `/api/v1/children/${f.child.c16}/privacy`, payload: { parentsAccess: 'hidden' } });
    expect(r.statusCode).toBe(200);
    expect((await api('mum')({ method: 'GET', url: `/api/v1/children/${f.child.c16}/network` })).statusCode).toBe(403);
    expect((await api('mum')({ method: 'GET', url: `/api/v1/children/${f.child.c16}` })).statusCode).toBe(200);
    // Under 16 this is not possible.
    const younger = await insertChild(t.db, f.regionId, { given: 'Jo', family: 'Jong', birthDate: bornYearsAgo(14), guardians: [f.user.mum.id] });
    expect((await api('mum')({ method: 'PUT', url: `/api/v1/children/${younger}/privacy`, payload: { parentsAccess: 'hidden' } })).statusCode).toBe(403);
  });
});

describe('matches (who else is involved)', () => {
  it('a second organisation registering the same young person makes a match for both; a sibling makes a family match', async () => {
    const first = await api('jgz')({ method: 'POST', url: '/api/v1/matches/signals', payload: { bsn: '123456782', contactPhone: '0900-1234' } });
    expect(first.json().newMatches).toBe(0);
    const second = await api('outsider')({ method: 'POST', url: '/api/v1/matches/signals', payload: { givenName: 'Kees', familyName: 'Kringloop', birthDate: bornYearsAgo(8) } });
    expect(second.json().newMatches).toBe(1);
    const mine = (await api('jgz')({ method: 'GET', url: '/api/v1/matches' })).json();
    expect(mine).toEqual([expect.objectContaining({ kind: 'person', other: expect.objectContaining({ displayName: 'Otto Outside', organisationName: 'Wijkteam Zuid' }) })]);
    // Nothing about content is in a match.
    expect(JSON.stringify(mine)).not.toMatch(/moe|stil|slapen/);
    // A school is not designated to register signals unless the region says so; family matches are off unless turned on.
    const notDesignated = await api('ib')({ method: 'POST', url: '/api/v1/matches/signals', payload: { givenName: 'Fleur', familyName: 'Kringloop', birthDate: bornYearsAgo(15) } });
    expect(notDesignated.statusCode).toBe(403);
    await t.db.query(`UPDATE regions SET signal_roles = signal_roles || '{intern_begeleider}' WHERE id = $1`, [f.regionId]);
    const noFamily = await api('ib')({ method: 'POST', url: '/api/v1/matches/signals', payload: { givenName: 'Fleur', familyName: 'Kringloop', birthDate: bornYearsAgo(15) } });
    expect(noFamily.json().newMatches).toBe(0);
    await t.db.query(`UPDATE regions SET family_matches = true WHERE id = $1`, [f.regionId]);
    const sibling = await api('ib')({ method: 'POST', url: '/api/v1/matches/signals', payload: { givenName: 'Fleur', familyName: 'Kringloop', birthDate: bornYearsAgo(15) } });
    expect(sibling.json().newMatches).toBe(2);
    const ibMatches = (await api('ib')({ method: 'GET', url: '/api/v1/matches' })).json();
    expect(ibMatches.every((m: { kind: string }) => m.kind === 'family')).toBe(true);
    expect(ibMatches[0].other.youngPersonName).toBe('Kees Kringloop');
    const timeline = (await api('wijk')({ method: 'GET', url: `/api/v1/children/${f.child.c8}/timeline?limit=100` })).json();
    expect(timeline.items.map((i: { kind: string }) => i.kind)).toEqual(expect.arrayContaining(['question.created', 'consent.given', 'involvement.added', 'plan.version_created', 'meeting.created', 'evaluation.recorded', 'match.created']));
  });

  it('a signal ends at 23 at the latest', async () => {
    const res = await api('jgz')({ method: 'POST', url: '/api/v1/matches/signals', payload: { givenName: 'Oud', familyName: 'Genoeg', birthDate: bornYearsAgo(23) } });
    expect(res.statusCode).toBe(422);
    const r22 = await api('jgz')({ method: 'POST', url: '/api/v1/matches/signals', payload: { givenName: 'Bijna', familyName: 'Oud', birthDate: bornYearsAgo(22, 300) } });
    expect(r22.statusCode).toBe(201);
    expect(r22.json().expiresOn < plusDays(today(), 100)).toBe(true);
  });
});

describe('legal basis', () => {
  it('needs a justification; a privacy officer reviews it, by rule; an endangering basis is hidden from the family', async () => {
    const wijk = api('wijk');
    const res = await wijk({ method: 'POST', url: `/api/v1/children/${f.child.c15}/legal-bases`, payload: { kind: 'meldcode', organisationId: f.org.wijkteam, justification: 'Zorgen over veiligheid thuis na signalen van school.', endangering: true, endangeringReason: 'Vader mag dit nog niet weten.' } });
    // The wijkteam professional is not (yet) in Fleur's network: no access at all.
    expect(res.statusCode, res.body).toBe(404);
    // The recorder cannot choose a reviewer any more: the field does not exist.
    const chosen = await wijk({ method: 'POST', url: `/api/v1/children/${f.child.c15}/legal-bases`, payload: { kind: 'meldcode', organisationId: f.org.wijkteam, justification: 'Zorgen over veiligheid thuis na signalen van school.', reviewerUserId: f.user.jgz.id } });
    expect(chosen.statusCode).toBe(400);
    // Fleur is a pupil of the school: the intern begeleider opens a question and records the Meldcode basis.
    await t.db.query(`UPDATE young_people SET school_id = $2 WHERE id = $1`, [f.child.c15, f.org.school]);
    const ib = api('ib');
    expect((await ib({ method: 'POST', url: `/api/v1/children/${f.child.c15}/questions`, payload: { text: 'Zorgen over de situatie thuis.', ownWords: false, lifeDomains: ['safety'], raisedBy: 'professional' } })).statusCode).toBe(201);
    expect((await ib({ method: 'GET', url: `/api/v1/children/${f.child.c15}/plan` })).statusCode).toBe(404);
    const short = await ib({ method: 'POST', url: `/api/v1/children/${f.child.c15}/legal-bases`, payload: { kind: 'meldcode', organisationId: f.org.school, justification: 'zorgen' } });
    expect(short.statusCode).toBe(400);
    // Only for one's own organisation.
    const otherOrg = await ib({ method: 'POST', url: `/api/v1/children/${f.child.c15}/legal-bases`, payload: { kind: 'meldcode', organisationId: f.org.wijkteam, justification: 'Zorgen over veiligheid thuis na signalen in de klas.' } });
    expect(otherOrg.statusCode).toBe(400);
    const ok = await ib({ method: 'POST', url: `/api/v1/children/${f.child.c15}/legal-bases`, payload: { kind: 'meldcode', organisationId: f.org.school, justification: 'Zorgen over veiligheid thuis na signalen in de klas.', endangering: true, endangeringReason: 'Vader mag dit nog niet weten.' } });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().legalBases[0]).toMatchObject({ status: 'provisional', reviewer: null });
    // The Meldcode allows acting before review, for 24 hours.
    expect((await ib({ method: 'GET', url: `/api/v1/children/${f.child.c15}/plan` })).statusCode).toBe(200);
    const fam = (await api('dad')({ method: 'GET', url: `/api/v1/children/${f.child.c15}/consents` })).json();
    expect(fam.legalBases).toEqual([]);
    // Neither the basis nor the reads made on it show in the family's log.
    const famLog = (await api('dad')({ method: 'GET', url: `/api/v1/children/${f.child.c15}/access-log` })).json();
    expect(famLog.items.filter((i: { basis: string | null }) => i.basis === 'meldcode')).toEqual([]);
    expect(famLog.items.map((i: { what: string }) => i.what)).not.toContain('recorded a reason to share without consent');
    // Nor the school's attempt that was refused before it recorded the basis (a refusal has no basis), nor
    // anything else the school did: "OBS Testkring: refused" would tell the family as much (found in review).
    const [refused] = await t.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_events WHERE chain_key = $1 AND kind = 'access.denied' AND actor_organisation_id = $2`, [`yp:${f.child.c15}`, f.org.school]);
    expect(refused!.n).toBeGreaterThan(0);
    const everything = (await api('dad')({ method: 'GET', url: `/api/v1/children/${f.child.c15}/access-log?family=include&limit=100` })).json();
    expect(everything.items.filter((i: { organisation: string | null }) => i.organisation === 'OBS Testkring')).toEqual([]);
    const id = ok.json().legalBases[0].id;
    // Nobody but a privacy officer covering the school reviews it: not an outsider, not a colleague, not the recorder.
    for (const who of ['outsider', 'jgz', 'ib']) {
      expect((await api(who)({ method: 'POST', url: `/api/v1/legal-bases/${id}/review`, payload: { outcome: 'confirmed', note: 'Akkoord.' } })).statusCode, who).toBe(404);
    }
    const review = await api('fg')({ method: 'POST', url: `/api/v1/legal-bases/${id}/review`, payload: { outcome: 'confirmed', note: 'Terecht.', endangeringOutcome: 'confirmed' } });
    expect(review.statusCode).toBe(200);
    const [ev] = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_events WHERE young_person_id = $1 AND kind IN ('basis.endangering_marked', 'basis.reviewed')`, [f.child.c15]);
    expect(ev!.n).toBe(2);
  });
});

describe('audit', () => {
  it('every read is an audit event with its basis', async () => {
    const before = (await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_events WHERE young_person_id = $1 AND kind = 'plan.read'`, [f.child.c8]))[0]!.n;
    await api('wijk')({ method: 'GET', url: `/api/v1/children/${f.child.c8}/plan` });
    const rows = await t.db.query<{ basis: string; actor_organisation_id: string }>(
      `SELECT basis, actor_organisation_id FROM audit_events WHERE young_person_id = $1 AND kind = 'plan.read' ORDER BY id DESC`, [f.child.c8]);
    expect(rows.length).toBe(before + 1);
    expect(rows[0]).toEqual({ basis: 'consent', actor_organisation_id: f.org.wijkteam });
  });

  it('the table refuses UPDATE and DELETE', async () => {
    await expect(t.db.query(`UPDATE audit_events SET kind = 'x' WHERE id = 1`)).rejects.toThrow(/append-only/);
    await expect(t.db.query(`DELETE FROM audit_events WHERE id = 1`)).rejects.toThrow(/append-only/);
  });

  it('verification finds an edited row and a deleted row (after bypassing the protection as superuser)', async () => {
    expect((await verifyAudit(t.db)).ok).toBe(true);
    const [target] = await t.db.query<{ id: number; chain_key: string; seq: number }>(
      `SELECT id, chain_key, seq FROM audit_events WHERE young_person_id = $1 AND kind = 'plan.read' ORDER BY id LIMIT 1`, [f.child.c8]);
    await t.db.tx(async (q) => {
      await q.query(`ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update`);
      await q.query(`UPDATE audit_events SET details = '{"tampered":true}' WHERE id = $1`, [target!.id]);
      await q.query(`ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update`);
    });
    const edited = await verifyAudit(t.db);
    expect(edited.ok).toBe(false);
    expect(edited.firstBroken).toMatchObject({ id: Number(target!.id), chainKey: target!.chain_key });
    expect(edited.firstBroken!.problem).toMatch(/edited/);
    // Put it back by deleting the row instead: now a gap in the chain.
    await t.db.tx(async (q) => {
      await q.query(`ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update`);
      await q.query(`DELETE FROM audit_events WHERE id = $1`, [target!.id]);
      await q.query(`ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update`);
    });
    const deleted = await verifyAudit(t.db);
    expect(deleted.ok).toBe(false);
    expect(deleted.firstBroken).toMatchObject({ chainKey: target!.chain_key, seq: Number(target!.seq) + 1 });
    expect(deleted.firstBroken!.problem).toMatch(/deleted/);
  });
});

describe('network summaries (the home worklist\'s rows)', () => {
  it('after everything above, every row says what its definition (network_summary_source) says', async () => {
    const diff = await t.db.query(`(SELECT * FROM network_summaries EXCEPT SELECT * FROM network_summary_source)
                                   UNION ALL (SELECT * FROM network_summary_source EXCEPT SELECT * FROM network_summaries)`);
    expect(diff).toEqual([]);
    expect((await t.db.query(`SELECT 1 FROM network_summaries`)).length).toBeGreaterThan(0);
  });
});

describe('case views read together with the access facts (withChild prefetch)', () => {
  const actorOf = async (who: string) => (await loadActor(t.db, sha256(/rondom_session=([^;]+)/.exec(f.s[who]!.cookie)![1]!), 60))!;
  const plain = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

  it('the network and plan answers equal the views read on their own, after the decision', async () => {
    const a = (await resolveAccess(t.db, await actorOf('wijk'), f.child.c8))!;
    const net = await api('wijk')({ method: 'GET', url: `/api/v1/children/${f.child.c8}/network` });
    expect(net.json()).toEqual(plain(await networkView(t.db, a)));
    const plan = await api('wijk')({ method: 'GET', url: `/api/v1/children/${f.child.c8}/plan` });
    expect(plan.json()).toEqual(plain(await planView(t.db, a)));
    expect(plan.json().createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    const v1 = await api('wijk')({ method: 'GET', url: `/api/v1/children/${f.child.c8}/plan/versions/1` });
    expect(v1.json()).toEqual(plain(await planView(t.db, a, 1)));
    expect(v1.json().versionNumber).toBe(1);
  });

  it('a professional pages through every timeline entry, newest first; a parent only through the family\'s', async () => {
    const [r] = await t.db.query<{ region_id: string }>(`SELECT region_id FROM young_people WHERE id = $1`, [f.child.c8]);
    await t.db.query(`INSERT INTO timeline_entries (region_id, young_person_id, kind, actor_user_id, summary, family_visible) VALUES ($1, $2, 'test.professionals_only', NULL, '{}', false)`,
      [r!.region_id, f.child.c8]);
    const ids = async (familyOnly: boolean) => (await t.db.query<{ id: number }>(
      `SELECT id FROM timeline_entries WHERE young_person_id = $1 AND ($2 = false OR family_visible) ORDER BY id DESC`, [f.child.c8, familyOnly])).map((x) => Number(x.id));
    const pages = async (who: string) => {
      const seen: number[] = [];
      let before: number | null = null;
      do {
        const res = await api(who)({ method: 'GET', url: `/api/v1/children/${f.child.c8}/timeline?limit=4${before ? `&before=${before}` : ''}` });
        expect(res.statusCode).toBe(200);
        seen.push(...res.json().items.map((i: { id: number }) => i.id));
        before = res.json().nextBefore;
      } while (before);
      return seen;
    };
    const all = await ids(false);
    const family = await ids(true);
    expect(family.length).toBeLessThan(all.length);
    expect(await pages('wijk')).toEqual(all);
    expect(await pages('dad')).toEqual(family);
  });
});

describe('notifications take their reader only where they may go', () => {
  /** The API a notification's link opens on the web (the page's first read). */
  const SECTION_API: Record<string, string> = { network: 'network', meetings: 'meetings', plan: 'plan', evaluations: 'evaluations', sharing: 'consents' };
  it('after everything above, every link of every inbox opens for its reader (no 404, so no "denied" in the family\'s log)', async () => {
    let links = 0;
    for (const who of Object.keys(f.s)) {
      const inbox = (await api(who)({ method: 'GET', url: '/api/v1/notifications' })).json() as { kind: string; link: { to: string; id: string | null; section: string | null } | null }[];
      for (const n of inbox) {
        if (!n.link) continue;
        links++;
        if (n.link.to === 'child') {
          const urls = [`/api/v1/children/${n.link.id}`, ...(n.link.section ? [`/api/v1/children/${n.link.id}/${SECTION_API[n.link.section]}`] : [])];
          for (const url of urls) expect((await api(who)({ method: 'GET', url })).statusCode, `${who}: ${n.kind} → ${url}`).toBe(200);
        }
        // The family is never sent to a professional's page.
        if (['mum', 'dad', 'teen', 'otherParent'].includes(who)) expect(n.link.to, `${who}: ${n.kind}`).toBe('child');
      }
    }
    expect(links).toBeGreaterThan(5);
  });
});

describe('"who looked": others first, a page at a time, filtered', () => {
  type Entry = { seq: number; who: string; organisation: string | null; kind: string; whatNl: string; basis: string | null; outcome: string; family: boolean };
  const log = async (who: string, query = '') => {
    const res = await api(who)({ method: 'GET', url: `/api/v1/children/${f.child.c8}/access-log${query}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { items: Entry[]; nextBefore: number | null; organisations: { id: string; name: string }[] };
  };
  it('leaves the family\'s own reads out by default and shows them on request', async () => {
    for (let i = 0; i < 3; i++) await api('mum')({ method: 'GET', url: `/api/v1/children/${f.child.c8}/plan` });
    const first = await log('mum');
    expect(first.items.length).toBeGreaterThan(0);
    expect(first.items.filter((e) => e.family || ['Mia Moeder', 'Vince Vader'].includes(e.who) || e.basis === 'guardian')).toEqual([]);
    const all = await log('mum', '?family=include&limit=100');
    expect(all.items.some((e) => e.family && e.basis === 'guardian' && e.kind === 'plan.read')).toBe(true);
    const own = await log('mum', '?family=only&limit=100');
    expect(own.items.length).toBeGreaterThan(0);
    expect(own.items.every((e) => e.family)).toBe(true);
  });

  it('pages with a cursor through every entry once, newest first, bounded', async () => {
    // Others' entries: the family's own reads of the log (these) do not move them.
    const all = (await log('mum', '?limit=100')).items;
    const paged: number[] = [];
    let before: number | null = null;
    do {
      const page = await log('mum', `?limit=7${before ? `&before=${before}` : ''}`);
      expect(page.items.length).toBeLessThanOrEqual(7);
      paged.push(...page.items.map((e) => e.seq));
      before = page.nextBefore;
    } while (before !== null && paged.length < 100);
    expect(paged.slice(0, all.length)).toEqual(all.map((e) => e.seq));
    expect([...paged].sort((a, b) => b - a)).toEqual(paged);
    for (const limit of ['0', '101']) expect((await api('mum')({ method: 'GET', url: `/api/v1/children/${f.child.c8}/access-log?limit=${limit}` })).statusCode).toBe(400);
    expect((await api('mum')({ method: 'GET', url: `/api/v1/children/${f.child.c8}/access-log?family=everyone` })).statusCode).toBe(400);
  });

  it('filters by organisation, kind of access and period, in words, and audits every page read', async () => {
    const { organisations } = await log('mum', '?limit=1');
    expect(organisations.length).toBeGreaterThan(1);
    const org = organisations[0]!;
    const byOrg = await log('mum', `?organisationId=${org.id}&limit=100`);
    expect(byOrg.items.length).toBeGreaterThan(0);
    expect(byOrg.items.every((e) => e.organisation === org.name)).toBe(true);
    const looked = await log('mum', '?access=looked&limit=100');
    expect(looked.items.length).toBeGreaterThan(0);
    expect(looked.items.every((e) => e.kind.endsWith('read') && e.outcome === 'allowed')).toBe(true);
    expect((await log('mum', '?access=denied&limit=100')).items.every((e) => e.outcome === 'denied')).toBe(true);
    expect((await log('mum', '?access=emergency&limit=100')).items.every((e) => e.basis === 'break_glass' || e.kind.startsWith('break_glass.'))).toBe(true);
    expect((await log('mum', `?from=${plusDays(today(), 1)}`)).items).toEqual([]);
    expect((await log('mum', `?to=${plusDays(today(), -1)}`)).items).toEqual([]);
    expect((await log('mum', `?from=${today()}&to=${today()}&limit=100`)).items.length).toBeGreaterThan(0);
    // Every entry in words: no code, no English on the Dutch side.
    const everything = await log('mum', '?family=include&limit=100');
    expect(everything.items.filter((e) => e.whatNl === 'deed iets anders in het dossier' || /[._]/.test(e.whatNl))).toEqual([]);
    const count = async () => (await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_events WHERE chain_key = $1 AND kind = 'access_log.read'`, [`yp:${f.child.c8}`]))[0]!.n;
    const before = await count();
    await log('mum', '?limit=2');
    await log('mum', `?limit=2&access=looked&organisationId=${org.id}`);
    expect(await count()).toBe(before + 2);
  });
});

describe('one standing consent per person, purpose and recipient', () => {
  it('refuses the same consent twice with a clear 409 and writes nothing; after withdrawal it can be given again, and the view says who withdrew and when', async () => {
    const child = await insertChild(t.db, f.regionId, { given: 'Dani', family: 'Dubbel', birthDate: bornYearsAgo(9), guardians: [f.user.mum.id] });
    const give = () => api('mum')({ method: 'POST', url: `/api/v1/children/${child}/consents`, payload: { purpose: 'share_in_network', recipientOrganisationId: f.org.jgz } });
    expect((await give()).statusCode).toBe(201);
    const second = await give();
    expect(second.statusCode).toBe(409);
    expect(second.json().error.message).toMatch(/al gegeven|already given/);
    const view = (await api('mum')({ method: 'GET', url: `/api/v1/children/${child}/consents` })).json();
    expect(view.consents).toHaveLength(1);
    const c = view.consents[0];
    expect(c).toMatchObject({ withdrawnAt: null, withdrawnBy: null, expired: false, active: true });
    expect((await api('mum')({ method: 'POST', url: `/api/v1/children/${child}/consents/${c.id}/withdraw` })).statusCode).toBe(200);
    const after = (await api('mum')({ method: 'GET', url: `/api/v1/children/${child}/consents` })).json();
    expect(after.consents[0]).toMatchObject({ withdrawnBy: 'Mia Moeder', active: false });
    expect(after.consents[0].withdrawnAt).toEqual(expect.any(String));
    expect((await give()).statusCode).toBe(201);
    // An expired one is said to be expired, not withdrawn.
    await t.db.query(`UPDATE consents SET valid_from = $2, valid_until = $3 WHERE young_person_id = $1 AND withdrawn_at IS NULL`, [child, plusDays(today(), -30), plusDays(today(), -1)]);
    const expired = (await api('mum')({ method: 'GET', url: `/api/v1/children/${child}/consents` })).json().consents.find((x: { withdrawnAt: string | null }) => x.withdrawnAt === null);
    expect(expired).toMatchObject({ expired: true, active: false, withdrawnBy: null });
  });
});
