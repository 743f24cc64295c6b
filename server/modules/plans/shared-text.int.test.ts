/**
 * Shared free text stays free of diagnoses, medicines and self-harm words, through the API:
 * plan, plan comment and opinion, meeting agenda/decision/report, evaluation — 422
 * 'sensitive_term' with the field named and nothing stored. And the ids these bodies carry
 * (action owners, goal ids, duplicate ids, meeting participants) are checked: 422, never 500.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, makeOrg, makeRegion, makeUser, type TestApp } from '../../../test/helpers.ts';
import { buildFixture, startNetwork, type Fixture } from '../../../test/kindkring-fixture.ts';
import { fingerprint, diff } from '../../../test/trust/api-surface.ts';

const SENTENCE = 'ADD, angst en suïcidale gedachten; zij slikt Concerta';

let t: TestApp;
let f: Fixture;
let url: string;
let meetingId: string;

beforeAll(async () => {
  t = await createTestApp();
  f = await buildFixture(t.app, t.db);
  await startNetwork(t.app, f);
  url = `/api/v1/children/${f.child.c8}`;
  const wijk = as(t.app, f.s.wijk!);
  const plan = await wijk({ method: 'PUT', url: `${url}/plan`, headers: { 'if-match': '"0"' }, payload: {
    goals: [{ id: 'g1', text: 'Kees slaapt beter' }], actions: [{ id: 'a1', goalId: 'g1', what: 'Slaapdagboek bijhouden', ownerUserId: f.user.wijk.id }], changeSummary: 'Eerste plan' } });
  expect(plan.statusCode).toBe(200);
  // The wijkteam is at the table with a mandate, so its decisions are binding (issue 17: otherwise a proposal).
  const m = await wijk({ method: 'POST', url: `${url}/meetings`, payload: { scheduledAt: new Date().toISOString(), chairName: 'Wim', agenda: ['Slapen'],
    participants: [{ kind: 'professional', userId: f.user.wijk.id, organisationId: f.org.wijkteam, hasMandate: true }] } });
  expect(m.statusCode).toBe(201);
  meetingId = m.json().id;
  const present = await wijk({ method: 'PATCH', url: `${url}/meetings/${meetingId}`, headers: { 'if-match': `"${m.json().version}"` }, payload: { attendance: [{ participantId: m.json().participants[0].id, present: true }] } });
  expect(present.statusCode).toBe(200);
});
afterAll(() => t.close());

/** Sends a request, expects a 422 with `code` and exactly these fields, and that the database did not change. */
async function refused(who: string, req: Parameters<ReturnType<typeof as>>[0], code: string, fields: Record<string, string>) {
  const before = await fingerprint(t.db);
  const res = await as(t.app, f.s[who]!)(req);
  expect(res.statusCode, res.body).toBe(422);
  const err = res.json().error;
  expect(err.code).toBe(code);
  expect(err.fields).toEqual(fields);
  expect(diff(before, await fingerprint(t.db))).toEqual([]);
  return err as { message: string; messageNl: string };
}

describe('shared free text', () => {
  it('plan: the sentence the old list let through is refused in an action, with the field named and advice', async () => {
    const err = await refused('wijk', { method: 'PUT', url: `${url}/plan`, headers: { 'if-match': '"1"' }, payload: {
      goals: [{ id: 'g1', text: 'Kees slaapt beter' }], actions: [{ id: 'a1', goalId: 'g1', what: 'Slaapdagboek', ownerName: 'ouders' }, { what: SENTENCE, ownerName: 'school' }], changeSummary: 'Tweede versie' },
    }, 'sensitive_term', { 'actions.1.what': 'contains "suïcidale"' });
    expect(err.messageNl).toContain('regisseur');
    await refused('wijk', { method: 'PUT', url: `${url}/plan`, headers: { 'if-match': '"1"' }, payload: {
      goals: [{ text: 'Behandeling van ADHD starten' }], actions: [], changeSummary: 'Start Ritalin' },
    }, 'sensitive_term', { 'goals.0.text': 'contains "ADHD"', changeSummary: 'contains "Ritalin"' });
  });

  it('plan comment and opinion comment (the family writes them too)', async () => {
    const err = await refused('mum', { method: 'POST', url: `${url}/plan/versions/1/comments`, payload: { text: 'Hij is zo depressief de laatste tijd' } },
      'sensitive_term', { text: 'contains "depressief"' });
    expect(err.messageNl).toContain('niet de diagnose');
    await refused('mum', { method: 'POST', url: `${url}/plan/versions/1/opinion`, payload: { opinion: 'disagree', comment: 'Eerst de Concerta goed instellen' } },
      'sensitive_term', { comment: 'contains "Concerta"' });
    expect((await as(t.app, f.s.mum!)({ method: 'POST', url: `${url}/plan/versions/1/comments`, payload: { text: 'Kees is vaak moe, kunnen we dat bespreken?' } })).statusCode).toBe(201);
  });

  it('meeting: decision text and its action, agenda, report', async () => {
    await refused('wijk', { method: 'POST', url: `${url}/meetings/${meetingId}/decisions`, payload: { text: 'Kees krijgt een IQ-test' } },
      'sensitive_term', { text: 'contains "IQ"' });
    await refused('wijk', { method: 'POST', url: `${url}/meetings/${meetingId}/decisions`, payload: { text: 'Kees gaat naar de huisarts', action: { what: 'Afspraak over methylfenidaat', ownerUserId: f.user.wijk.id } } },
      'sensitive_term', { 'action.what': 'contains "methylfenidaat"' });
    await refused('wijk', { method: 'POST', url: `${url}/meetings`, payload: { scheduledAt: new Date().toISOString(), chairName: 'Wim', agenda: ['Slapen', 'Zelfbeschadiging'], participants: [] } },
      'sensitive_term', { 'agenda.1': 'contains "Zelfbeschadiging"' });
    await refused('wijk', { method: 'PATCH', url: `${url}/meetings/${meetingId}`, headers: { 'if-match': '"1"' }, payload: { report: 'Besproken: de PTSS van moeder.' } },
      'sensitive_term', { report: 'contains "PTSS"' });
    const ok = await as(t.app, f.s.wijk!)({ method: 'POST', url: `${url}/meetings/${meetingId}/decisions`, payload: { text: 'Kees gaat op voetbal', action: { what: 'Aanmelden bij de club', ownerUserId: f.user.wijk.id } } });
    expect(ok.statusCode, ok.body).toBe(201);
  });

  it('evaluation: went well and must change', async () => {
    await refused('wijk', { method: 'POST', url: `${url}/evaluations`, payload: { heldOn: '2025-01-10', wentWell: 'Naar school', mustChange: 'De autisme-begeleiding', setting: 'ordinary_life' } },
      'sensitive_term', { mustChange: 'contains "autisme"' });
  });
});

describe('ids in plan and meeting bodies', () => {
  let other: { regionId: string; orgId: string; userId: string };
  beforeAll(async () => {
    const regionId = await makeRegion(t.db);
    const orgId = await makeOrg(t.db, regionId, 'wijkteam');
    other = { regionId, orgId, userId: (await makeUser(t.db, { regionId, memberships: [{ organisationId: orgId, role: 'youth_care_professional' }] })).id };
  });

  it('plan: two actions or goals with one id, an unknown goal, an owner of another region or outside the network', async () => {
    const put = (payload: object) => ({ method: 'PUT' as const, url: `${url}/plan`, headers: { 'if-match': '"2"' }, payload: { goals: [{ id: 'g1', text: 'Kees slaapt beter' }], changeSummary: 'Derde versie', ...payload } });
    await refused('wijk', put({ actions: [{ id: 'x', what: 'Een', ownerName: 'ouders' }, { id: 'x', what: 'Twee', ownerName: 'ouders' }] }), 'duplicate', { 'actions.1.id': 'is used twice' });
    await refused('wijk', put({ goals: [{ id: 'g', text: 'Een doel' }, { id: 'g', text: 'Nog een doel' }], actions: [] }), 'duplicate', { 'goals.1.id': 'is used twice' });
    await refused('wijk', put({ actions: [{ goalId: 'nope', what: 'Een', ownerName: 'ouders' }] }), 'invalid_reference', { 'actions.0.goalId': 'unknown goal nope' });
    await refused('wijk', put({ actions: [{ what: 'Een', ownerUserId: other.userId }] }), 'invalid_reference', { 'actions.0.ownerUserId': "not someone in this young person's network" });
    await refused('wijk', put({ actions: [{ what: 'Een', ownerName: 'x' }, { what: 'Twee', ownerUserId: f.user.outsider.id }] }), 'invalid_reference', { 'actions.1.ownerUserId': "not someone in this young person's network" });
    // A parent with gezag may own an action.
    expect((await as(t.app, f.s.wijk!)(put({ actions: [{ what: 'Bedtijd', ownerUserId: f.user.mum.id }] }))).statusCode).toBe(200);
  });

  it('meeting decision: an action id already in the plan is a duplicate', async () => {
    const plan = (await as(t.app, f.s.wijk!)({ method: 'GET', url: `${url}/plan` })).json();
    const existing = plan.actions[0].id as string;
    await refused('wijk', { method: 'POST', url: `${url}/meetings/${meetingId}/decisions`, payload: { text: 'Nog een besluit', action: { id: existing, what: 'Een', ownerName: 'ouders' } } },
      'duplicate', { 'action.id': 'is used twice' });
  });

  it('meeting: participants of another region, unknown organisations, wrong kinds, twice the same person', async () => {
    const create = (participants: object[], extra: object = {}) => ({ method: 'POST' as const, url: `${url}/meetings`, payload: { scheduledAt: new Date().toISOString(), chairName: 'Wim', agenda: [], participants, ...extra } });
    await refused('wijk', create([{ kind: 'professional', userId: f.user.ib.id, organisationId: '00000000-0000-4000-8000-000000000000' }]), 'invalid_reference',
      { 'participants.0.organisationId': 'unknown organisation in this region' });
    await refused('wijk', create([{ kind: 'professional', userId: f.user.ib.id, organisationId: other.orgId }]), 'invalid_reference',
      { 'participants.0.organisationId': 'unknown organisation in this region' });
    await refused('wijk', create([{ kind: 'professional', userId: other.userId }]), 'invalid_reference', { 'participants.0.userId': 'unknown person in this region' });
    await refused('wijk', create([{ kind: 'parent', userId: f.user.ib.id }]), 'invalid_reference', { 'participants.0.userId': 'must be a parent, not staff' });
    await refused('wijk', create([{ kind: 'professional', userId: f.user.ib.id }, { kind: 'professional', userId: f.user.ib.id }]), 'duplicate', { 'participants.1.userId': 'is used twice' });
    await refused('wijk', create([], { chairUserId: other.userId }), 'invalid_reference', { chairUserId: 'unknown person in this region' });
    const ok = await as(t.app, f.s.wijk!)(create([{ kind: 'professional', userId: f.user.ib.id, organisationId: f.org.school }, { kind: 'parent', userId: f.user.mum.id }]));
    expect(ok.statusCode, ok.body).toBe(201);
    const m = ok.json();
    await refused('wijk', { method: 'PATCH', url: `${url}/meetings/${m.id}`, headers: { 'if-match': `"${m.version}"` }, payload: { attendance: [{ participantId: m.participants[0].id, present: true }, { participantId: m.participants[0].id, present: false }] } },
      'duplicate', { 'attendance.1.participantId': 'is used twice' });
    await refused('wijk', { method: 'PATCH', url: `${url}/meetings/${m.id}`, headers: { 'if-match': `"${m.version}"` }, payload: { attendance: [{ participantId: '00000000-0000-4000-8000-000000000000', present: true }] } },
      'invalid_reference', { 'attendance.0.participantId': 'not a participant of this meeting' });
  });
});
