/**
 * Issue 17 (4): a decision that commits an organisation is binding only with a present,
 * mandated participant of that organisation; otherwise it is a proposal that the
 * organisation's deciders confirm (its action then enters the plan) or decline. Insiders
 * who try to answer for an organisation that is not theirs get 404.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, login, makeOrg, makeRegion, makeUser, type Session, type TestApp } from '../../../test/helpers.ts';
import { buildFixture, startNetwork, type Fixture } from '../../../test/kindkring-fixture.ts';

let t: TestApp;
let f: Fixture;
const s: Record<string, Session> = {};
const api = (who: string) => as(t.app, s[who] ?? f.s[who]!);
let meetingId = '';
const child = () => f.child.c8;
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

interface Meeting {
  id: string; version: number; warnings: { code: string }[];
  participants: { id: string; userId: string | null; isChair: boolean; hasMandate: boolean; present: boolean | null }[];
  decisions: { id: string; status: string; planActionId: string | null; organisationName: string | null; proposedAction: { what: string } | null }[];
}

beforeAll(async () => {
  t = await createTestApp();
  f = await buildFixture(t.app, t.db);
  await startNetwork(t.app, f);
  // The school's zorgcoördinator (a deciding role) and a teacher (not one); a school of another region.
  const zc = await makeUser(t.db, { regionId: f.regionId, name: 'Zara Zorg', memberships: [{ organisationId: f.org.school, role: 'zorgcoordinator' }] });
  const teacher = await makeUser(t.db, { regionId: f.regionId, name: 'Tim Teacher', memberships: [{ organisationId: f.org.school, role: 'teacher' }] });
  const coordinator = await makeUser(t.db, { regionId: f.regionId, name: 'Gea Gemeente', memberships: [{ organisationId: f.org.gemeente, role: 'municipality_coordinator' }] });
  const otherRegion = await makeRegion(t.db);
  const otherSchool = await makeOrg(t.db, otherRegion, 'school', 'OBS Elders');
  const foreign = await makeUser(t.db, { regionId: otherRegion, name: 'Fay Foreign', memberships: [{ organisationId: otherSchool, role: 'zorgcoordinator' }] });
  for (const [k, u] of Object.entries({ zc, teacher, coordinator, foreign })) s[k] = await login(t.app, u.email);
  (f.org as Record<string, string>).otherSchool = otherSchool;

  const m = await api('wijk')({
    method: 'POST', url: `/api/v1/children/${child()}/meetings`,
    payload: {
      scheduledAt: new Date().toISOString(), chairUserId: f.user.wijk.id, agenda: ['Hoe gaat het met Kees?'],
      participants: [
        { kind: 'professional', userId: f.user.wijk.id, organisationId: f.org.wijkteam, hasMandate: false },
        { kind: 'professional', userId: f.user.ib.id, organisationId: f.org.school, hasMandate: true },
        { kind: 'parent', userId: f.user.mum.id },
      ],
    },
  });
  expect(m.statusCode, m.body).toBe(201);
  meetingId = m.json().id;
});
afterAll(async () => t.close());

const decide = (who: string, payload: object) => api(who)({ method: 'POST', url: `/api/v1/children/${child()}/meetings/${meetingId}/decisions`, payload });
const getMeeting = async (): Promise<Meeting> => (await api('wijk')({ method: 'GET', url: `/api/v1/children/${child()}/meetings/${meetingId}` })).json();
const planActions = async () => ((await api('wijk')({ method: 'GET', url: `/api/v1/children/${child()}/plan` })).json() as { actions: { what: string }[] }).actions.map((a) => a.what);
const answer = (who: string, id: string, payload: object) => api(who)({ method: 'POST', url: `/api/v1/meeting-proposals/${id}/answer`, payload });

describe('the chair', () => {
  it('is marked on the meeting, and is independent when they do not decide for an organisation', async () => {
    const m = await getMeeting();
    const chair = m.participants.find((p) => p.isChair)!;
    expect(chair.userId).toBe(f.user.wijk.id);
    expect(m.participants.filter((p) => p.isChair)).toHaveLength(1);
    expect(m.warnings.map((w) => w.code)).not.toContain('chair_not_independent');
  });
});

describe('the mandate check', () => {
  it('a mandate without recorded presence is not enough: the decision is a proposal and the plan is unchanged', async () => {
    const before = await planActions();
    const res = await decide('wijk', { text: 'School biedt Kees twee keer per week extra leesbegeleiding.', action: { what: 'Extra leesbegeleiding inplannen', ownerUserId: f.user.ib.id, dueOn: inDays(14) } });
    expect(res.statusCode, res.body).toBe(201);
    const d = (res.json().meeting as Meeting).decisions.at(-1)!;
    expect(d).toMatchObject({ status: 'proposed', planActionId: null, organisationName: 'OBS Testkring', proposedAction: { what: 'Extra leesbegeleiding inplannen' } });
    expect(await planActions()).toEqual(before);
  });

  it('a present participant of the organisation with a mandate makes it binding: the action is in the plan at once', async () => {
    const m = await getMeeting();
    const ib = m.participants.find((p) => p.userId === f.user.ib.id)!;
    const patch = await api('wijk')({ method: 'PATCH', url: `/api/v1/children/${child()}/meetings/${meetingId}`, headers: { 'if-match': `"${m.version}"` }, payload: { attendance: [{ participantId: ib.id, present: true, hasMandate: true }] } });
    expect(patch.statusCode, patch.body).toBe(200);
    const res = await decide('wijk', { text: 'Kees mag in de pauze binnen blijven.', action: { what: 'Afspraak pauze met de leerkracht', ownerUserId: f.user.ib.id } });
    expect(res.statusCode, res.body).toBe(201);
    const d = (res.json().meeting as Meeting).decisions.at(-1)!;
    expect(d.status).toBe('binding');
    expect(d.planActionId).toBeTruthy();
    expect(await planActions()).toContain('Afspraak pauze met de leerkracht');
  });

  it('present without a mandate is a proposal again; a named organisation that pays with nobody at the table too', async () => {
    const m = await getMeeting();
    const ib = m.participants.find((p) => p.userId === f.user.ib.id)!;
    await api('wijk')({ method: 'PATCH', url: `/api/v1/children/${child()}/meetings/${meetingId}`, headers: { 'if-match': `"${m.version}"` }, payload: { attendance: [{ participantId: ib.id, present: true, hasMandate: false }] } });
    const res = await decide('wijk', { text: 'School zet een maatje in.', action: { what: 'Maatje zoeken voor Kees', ownerUserId: f.user.ib.id } });
    expect((res.json().meeting as Meeting).decisions.at(-1)!.status).toBe('proposed');
    const pays = await decide('wijk', { text: 'De gemeente betaalt de zwemlessen.', commitsOrganisationId: f.org.gemeente });
    expect(pays.statusCode, pays.body).toBe(201);
    expect((pays.json().meeting as Meeting).decisions.at(-1)).toMatchObject({ status: 'proposed', organisationName: 'Gemeente Test' });
  });

  it('a decision for an organisation of another region is refused (422) and writes nothing', async () => {
    const before = (await getMeeting()).decisions.length;
    const res = await decide('wijk', { text: 'Een school elders betaalt.', commitsOrganisationId: (f.org as Record<string, string>).otherSchool });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('invalid_reference');
    expect((await getMeeting()).decisions.length).toBe(before);
  });
});

describe('the organisation answers', () => {
  const open = async (who: string) => (await api(who)({ method: 'GET', url: '/api/v1/meeting-proposals' })).json() as { id: string; status: string; text: string; childName: string; youngPersonId: string | null; allowedActions: string[] }[];

  it('its deciders see the open proposals with words, linked to the child only when they may open it', async () => {
    const list = await open('zc');
    expect(list.map((p) => p.text)).toEqual(expect.arrayContaining(['School biedt Kees twee keer per week extra leesbegeleiding.', 'School zet een maatje in.']));
    // The school's zorgcoördinator knows its pupil (enrolment): the link opens the child's record, as it would anyway.
    expect(list.every((p) => p.childName === 'Kees Kringloop' && p.youngPersonId === child() && p.allowedActions.includes('answerProposal'))).toBe(true);
    // The municipality sees only its own, and may not open the child: no link.
    const gemeente = await open('coordinator');
    expect(gemeente.map((p) => p.text)).toEqual(['De gemeente betaalt de zwemlessen.']);
    expect(gemeente[0]!.youngPersonId).toBeNull();
    // A teacher, another organisation and the family see none.
    for (const who of ['teacher', 'wijk', 'jgz', 'mum', 'foreign']) expect(await open(who), who).toEqual([]);
  });

  it('reading the proposals is a read of the child, in the child\'s own chain, once per child (the family sees it)', async () => {
    const count = async (who: string) => (await t.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_events WHERE region_id = $1 AND chain_key = $2 AND kind = 'mandate.proposals_read' AND actor_user_id = $3`,
      [f.regionId, `yp:${child()}`, s[who]!.userId]))[0]!.n;
    const [zc, gemeente] = [await count('zc'), await count('coordinator')];
    expect((await open('zc')).length).toBeGreaterThan(1);
    await open('coordinator');
    expect([await count('zc'), await count('coordinator')]).toEqual([zc + 1, gemeente + 1]);
  });

  it('insiders who are not the organisation\'s deciders get 404, and nothing changes', async () => {
    const [p] = (await open('zc')).filter((x) => x.text.startsWith('School biedt'));
    for (const who of ['teacher', 'wijk', 'jgz', 'mum', 'teen', 'foreign', 'coordinator', 'admin']) {
      const res = await answer(who, p!.id, { outcome: 'confirm' });
      expect(res.statusCode, who).toBe(404);
    }
    expect(await planActions()).not.toContain('Extra leesbegeleiding inplannen');
    const [denied] = await t.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_events WHERE region_id = $1 AND young_person_id = $2 AND kind = 'access.denied' AND details->>'attempted' = 'mandate.proposal_confirmed'`, [f.regionId, child()]);
    expect(denied!.n).toBeGreaterThanOrEqual(7);
  });

  it('the right person confirms: the action enters the plan; a second answer gets 409', async () => {
    const [p] = (await open('zc')).filter((x) => x.text.startsWith('School biedt'));
    const res = await answer('zc', p!.id, { outcome: 'confirm', note: 'Past binnen ons ondersteuningsbudget.' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'confirmed', answeredBy: 'Zara Zorg', allowedActions: [] });
    expect(await planActions()).toContain('Extra leesbegeleiding inplannen');
    const d = (await getMeeting()).decisions.find((x) => x.id === p!.id)!;
    expect(d.status).toBe('confirmed');
    expect(d.planActionId).toBeTruthy();
    const again = await answer('ib', p!.id, { outcome: 'decline', note: 'Toch niet.' });
    expect(again.statusCode).toBe(409);
    const [audit] = await t.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_events WHERE region_id = $1 AND young_person_id = $2 AND kind = 'mandate.proposal_confirmed' AND outcome = 'allowed'`, [f.regionId, child()]);
    expect(audit!.n).toBe(1);
    const notes = await api('wijk')({ method: 'GET', url: '/api/v1/notifications' });
    expect((notes.json() as { kind: string }[]).map((n) => n.kind)).toContain('mandate.proposal_confirmed');
  });

  it('declining needs a reason (422, nothing written); declined, the plan stays as it was', async () => {
    const [p] = (await open('zc')).filter((x) => x.text === 'School zet een maatje in.' && x.status === 'proposed');
    const bare = await answer('zc', p!.id, { outcome: 'decline' });
    expect(bare.statusCode).toBe(400);
    expect(bare.json().error.fields).toHaveProperty('note');
    expect((await open('zc')).find((x) => x.id === p!.id)!.status).toBe('proposed');
    const res = await answer('zc', p!.id, { outcome: 'decline', note: 'Geen maatje beschikbaar; we zoeken het bij de buurtsport.' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().status).toBe('declined');
    expect(await planActions()).not.toContain('Maatje zoeken voor Kees');
  });
});

describe('a mandate the recorder types in binds nobody (insider)', () => {
  it('a typed-in row or a teacher "with a mandate" for the school, present, leaves the decision a proposal; an organisation outside the network, not a funder, cannot be named', async () => {
    const m = await api('wijk')({
      method: 'POST', url: `/api/v1/children/${child()}/meetings`,
      payload: {
        scheduledAt: new Date().toISOString(), chairUserId: f.user.wijk.id, agenda: ['Leesbegeleiding'],
        participants: [
          { kind: 'professional', userId: f.user.wijk.id, organisationId: f.org.wijkteam, hasMandate: true },
          { kind: 'professional', name: 'Iemand van school', organisationId: f.org.school, hasMandate: true },
          { kind: 'professional', userId: (await t.db.query<{ id: string }>(`SELECT id FROM users WHERE display_name = 'Tim Teacher'`))[0]!.id, organisationId: f.org.school, hasMandate: true },
        ],
      },
    });
    expect(m.statusCode, m.body).toBe(201);
    const meeting = m.json() as Meeting;
    const attendance = meeting.participants.map((p) => ({ participantId: p.id, present: true }));
    const patched = await api('wijk')({ method: 'PATCH', url: `/api/v1/children/${child()}/meetings/${meeting.id}`, headers: { 'if-match': String(meeting.version) }, payload: { attendance } });
    expect(patched.statusCode, patched.body).toBe(200);
    const before = await planActions();
    const url = `/api/v1/children/${child()}/meetings/${meeting.id}/decisions`;
    // The school does the action: nobody at the table may decide for it in Rondom.
    const byOwner = await api('wijk')({ method: 'POST', url, payload: { text: 'School plant leesbegeleiding.', action: { what: 'Leesbegeleiding door school', ownerUserId: f.user.ib.id, dueOn: inDays(14) } } });
    expect(byOwner.statusCode, byOwner.body).toBe(201);
    expect((byOwner.json().meeting as Meeting).decisions.at(-1)).toMatchObject({ status: 'proposed', planActionId: null });
    // Naming the wijkteam (mandated at the table) as paying does not make the school's action binding.
    const byPayer = await api('wijk')({ method: 'POST', url, payload: { text: 'Wijkteam betaalt, school doet.', commitsOrganisationId: f.org.wijkteam, action: { what: 'Leesbegeleiding betaald door wijkteam', ownerUserId: f.user.ib.id, dueOn: inDays(14) } } });
    expect(byPayer.statusCode, byPayer.body).toBe(201);
    expect((byPayer.json().meeting as Meeting).decisions.at(-1)).toMatchObject({ status: 'proposed', planActionId: null });
    expect(await planActions()).toEqual(before);
    // An organisation outside the child's network (and no funder) is not named: its deciders would learn of the child.
    const outside = await api('wijk')({ method: 'POST', url, payload: { text: 'Het andere wijkteam doet mee.', commitsOrganisationId: f.org.wijkteam2 } });
    expect(outside.statusCode).toBe(422);
  });
});
