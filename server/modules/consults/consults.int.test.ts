/**
 * Anonymous consults and the school's support team, through the ordinary routes, on PGlite and
 * (DATABASE_URL) PostgreSQL: nothing identifying is stored (rows and audit rows checked), who may
 * read and answer, the team's membership rules, and that a family is invited only to the item
 * about their own child.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAudit } from '../../core/audit-verify.ts';
import { as, createTestApp, login, makeOrg, makeRegion, makeUser, type Session, type TestApp } from '../../../test/helpers.ts';

let t: TestApp;
const s: Record<string, Session> = {};
const id: Record<string, string> = {};
const call = (who: string | null) => as(t.app, who ? s[who]! : null);

async function child(regionId: string, given: string, family: string, schoolId: string, parentId: string, bsn: string | null = null, birth = '2016-05-01'): Promise<string> {
  const [y] = await t.db.query<{ id: string }>(
    `INSERT INTO young_people (region_id, given_name, family_name, birth_date, school_id, bsn) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [regionId, given, family, birth, schoolId, bsn]);
  await t.db.query(`INSERT INTO guardianships (young_person_id, parent_user_id, region_id) VALUES ($1, $2, $3)`, [y!.id, parentId, regionId]);
  return y!.id;
}

beforeAll(async () => {
  t = await createTestApp();
  const r = await makeRegion(t.db);
  const rb = await makeRegion(t.db);
  id.region = r;
  const school = await makeOrg(t.db, r, 'school', 'OBS Test');
  const school2 = await makeOrg(t.db, r, 'school', 'CBS Ander');
  const kdv = await makeOrg(t.db, r, 'childcare', 'KDV Test');
  const wijk = await makeOrg(t.db, r, 'wijkteam', 'Wijkteam Test');
  const jgz = await makeOrg(t.db, r, 'jgz', 'JGZ Test');
  const lp = await makeOrg(t.db, r, 'leerplicht', 'Leerplicht Test');
  const wijkB = await makeOrg(t.db, rb, 'wijkteam', 'Wijkteam Elders');
  Object.assign(id, { school, school2, orgKdv: kdv, wijk, orgJgz: jgz });
  const users: [string, string, string, Parameters<typeof makeUser>[1]['memberships']][] = [
    ['teacher', r, 'Tara Teacher', [{ organisationId: school, role: 'teacher' }]],
    ['colleague', r, 'Cor Collega', [{ organisationId: school, role: 'teacher' }]],
    ['ib', r, 'Ina IB', [{ organisationId: school, role: 'intern_begeleider' }]],
    ['kdv', r, 'Kim KDV', [{ organisationId: kdv, role: 'teacher' }]],
    ['contact', r, 'Wim Contact', [{ organisationId: wijk, role: 'youth_care_professional' }]],
    ['contact2', r, 'Wendy Ander', [{ organisationId: wijk, role: 'youth_care_professional' }]],
    ['jgz', r, 'Jolien JGZ', [{ organisationId: jgz, role: 'jgz_professional' }]],
    ['leerplicht', r, 'Lars LP', [{ organisationId: lp, role: 'leerplicht_officer' }]],
    ['elders', rb, 'Eva Elders', [{ organisationId: wijkB, role: 'youth_care_professional' }]],
  ];
  for (const [key, region, name, memberships] of users) {
    const u = await makeUser(t.db, { regionId: region, name, memberships });
    id[key] = u.id;
    s[key] = await login(t.app, u.email);
  }
  for (const key of ['parent', 'parent2']) {
    const u = await makeUser(t.db, { regionId: r, kind: 'parent', name: key === 'parent' ? 'Pim Ouder' : 'Pia Ander' });
    id[key] = u.id;
    s[key] = await login(t.app, u.email);
  }
  id.pupil = await child(r, 'Noor', 'Eikenhout', school, id.parent!, '123456782');
  id.pupil2 = await child(r, 'Daan', 'Zonnedal', school, id.parent2!);
  // The fixed youth-care contacts: Wim for OBS Test and the KDV, Wendy for CBS Ander.
  for (const [org, user] of [[school, id.contact], [kdv, id.contact], [school2, id.contact2]]) {
    await t.db.query(`INSERT INTO support_contacts (region_id, organisation_id, contact_user_id, contact_organisation_id) VALUES ($1, $2, $3, $4)`, [r, org, user, wijk]);
  }
});
afterAll(async () => t.close());

const ask = (who: string, body: Record<string, unknown>) => call(who)({ method: 'POST', url: '/api/v1/consults', payload: { to: 'contact', noIdentity: true, ...body } });
const counts = async () => {
  const [c] = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM consults`);
  const [a] = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_events WHERE chain_key LIKE 'consult:%'`);
  return { consults: c!.n, audit: a!.n };
};

describe('an anonymous consult stores nothing identifying', () => {
  it('the consults table has no column for a young person, a name, a birth date or a BSN', async () => {
    const cols = await t.db.query<{ column_name: string }>(`SELECT column_name FROM information_schema.columns WHERE table_name = 'consults'`);
    const names = cols.map((c) => c.column_name);
    expect(names).toContain('question');
    for (const bad of ['young_person_id', 'given_name', 'family_name', 'birth_date', 'bsn']) expect(names).not.toContain(bad);
  });

  it('refuses a BSN, a date of birth and a pupil of the school by full name, and writes nothing', async () => {
    const before = await counts();
    for (const [question, kind] of [
      ['Een leerling (BSN 1234.56.782) is vaak boos, wat kan ik doen?', 'bsn'],
      ['Een kind, geboren 12-03-2016, is vaak boos. Wat kan ik doen?', 'date'],
      ['Het gaat om noor eikenhout, die is vaak boos. Wat kan ik doen?', 'name'],
    ]) {
      const res = await ask('teacher', { question });
      expect(res.statusCode, question).toBe(422);
      expect(res.json().error.code).toBe('invalid_value');
      expect(res.json().error.fields.question).toContain(kind);
      expect(res.json().error.messageNl).toMatch(/herkent/);
      // The refusal never repeats what was found.
      expect(res.body).not.toContain('782');
    }
    expect(await counts()).toEqual(before);
  });

  it('must be confirmed as anonymous by the asker', async () => {
    const res = await call('teacher')({ method: 'POST', url: '/api/v1/consults', payload: { to: 'contact', question: 'Een leerling is vaak boos, wat kan ik doen?' } });
    expect(res.statusCode).toBe(400);
  });

  it('a childcare worker asks the fixed contact; the row and its audit events hold no young person and no text', async () => {
    const question = 'Een peuter bijt vaak andere kinderen. Hoe praat ik daarover met de ouders?';
    const res = await ask('kdv', { question, lifeDomains: ['home'] });
    expect(res.statusCode).toBe(201);
    const c = res.json();
    expect(c.addressee).toBe('Wim Contact (Wijkteam Test)');
    id.consult = c.id;
    const [row] = await t.db.query<Record<string, unknown>>(`SELECT * FROM consults WHERE region_id = $1 AND id = $2`, [id.region, c.id]);
    expect(row!.question).toBe(question);
    expect(JSON.stringify(row)).not.toMatch(/Eikenhout|123456782/);
    const events = await t.db.query<{ kind: string; young_person_id: string | null; region_id: string; details: unknown }>(
      `SELECT kind, young_person_id, region_id, details FROM audit_events WHERE chain_key = $1 ORDER BY seq`, [`consult:${c.id}`]);
    expect(events.map((e) => e.kind)).toEqual(['consult.asked']);
    for (const e of events) {
      expect(e.young_person_id).toBeNull();
      expect(e.region_id).toBe(id.region);
      expect(JSON.stringify(e.details)).not.toContain('peuter');
    }
    const notes = await call('contact')({ method: 'GET', url: '/api/v1/notifications' });
    expect(notes.json().some((n: { kind: string; payload: { consultId: string }; youngPersonId: string | null }) => n.kind === 'consult.asked' && n.payload.consultId === c.id && n.youngPersonId === null)).toBe(true);
  });

  it('only the asker and the addressed contact read it: not a colleague, the other school\'s contact, another region', async () => {
    expect((await call('kdv')({ method: 'GET', url: `/api/v1/consults/${id.consult}` })).statusCode).toBe(200);
    expect((await call('contact')({ method: 'GET', url: `/api/v1/consults/${id.consult}` })).statusCode).toBe(200);
    expect((await call(null)({ method: 'GET', url: `/api/v1/consults/${id.consult}` })).statusCode).toBe(401);
    for (const who of ['teacher', 'ib', 'contact2', 'jgz', 'elders', 'parent']) {
      const res = await call(who)({ method: 'GET', url: `/api/v1/consults/${id.consult}` });
      expect(res.statusCode, who).toBe(404);
      const list = await call(who)({ method: 'GET', url: '/api/v1/consults' });
      expect(list.json().some((x: { id: string }) => x.id === id.consult), who).toBe(false);
    }
    const [denied] = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_events WHERE chain_key = $1 AND kind = 'access.denied'`, [`consult:${id.consult}`]);
    expect(denied!.n).toBeGreaterThanOrEqual(5);
  });

  it('only the contact answers, once, with the version read; the asker sees the answer and is notified', async () => {
    const url = `/api/v1/consults/${id.consult}/answer`;
    const payload = { answer: 'Benoem wat je ziet, niet wat het kind is. Vraag de ouders hoe het thuis gaat.' };
    expect((await call('kdv')({ method: 'POST', url, payload, headers: { 'if-match': '"1"' } })).statusCode).toBe(403);
    expect((await call('contact2')({ method: 'POST', url, payload, headers: { 'if-match': '"1"' } })).statusCode).toBe(404);
    expect((await call('contact')({ method: 'POST', url, payload })).statusCode).toBe(428);
    expect((await call('contact')({ method: 'POST', url, payload, headers: { 'if-match': '"7"' } })).statusCode).toBe(409);
    expect((await call('contact')({ method: 'POST', url, payload: { answer: 'Bel de moeder op 06-12345678.' }, headers: { 'if-match': '"1"' } })).statusCode).toBe(422);
    const ok = await call('contact')({ method: 'POST', url, payload, headers: { 'if-match': '"1"' } });
    expect(ok.statusCode).toBe(200);
    expect((await call('contact')({ method: 'POST', url, payload, headers: { 'if-match': '"2"' } })).statusCode).toBe(403);
    const mine = (await call('kdv')({ method: 'GET', url: `/api/v1/consults/${id.consult}` })).json();
    expect(mine.status).toBe('answered');
    expect(mine.answer).toBe(payload.answer);
    expect(mine.answeredBy).toBe('Wim Contact');
    expect(mine.allowedActions).toEqual(['toQuestion']);
    const notes = (await call('kdv')({ method: 'GET', url: '/api/v1/notifications' })).json();
    expect(notes.some((n: { kind: string }) => n.kind === 'consult.answered')).toBe(true);
  });

  it("a teacher's question to the contact is not readable by a colleague or the intern begeleider of the same school", async () => {
    const res = await ask('teacher', { question: 'Een leerling huilt vaak bij het afscheid van de ouder. Wat kan ik doen?' });
    expect(res.statusCode).toBe(201);
    for (const who of ['colleague', 'ib', 'contact2']) {
      expect((await call(who)({ method: 'GET', url: `/api/v1/consults/${res.json().id}` })).statusCode, who).toBe(404);
      expect((await call(who)({ method: 'POST', url: `/api/v1/consults/${res.json().id}/answer`, payload: { answer: 'Probeer een vast ritueel.' }, headers: { 'if-match': '"1"' } })).statusCode, who).toBe(404);
    }
    expect((await call('contact')({ method: 'GET', url: `/api/v1/consults/${res.json().id}` })).statusCode).toBe(200);
  });

  it('a school without a contact cannot be asked; a parent cannot ask', async () => {
    expect((await ask('parent', { question: 'Mijn kind is vaak boos, wat kan ik doen?' })).statusCode).toBe(403);
    expect((await ask('contact', { question: 'Een kind is vaak boos, wat kan ik doen?' })).statusCode).toBe(403);
    expect((await ask('teacher', { to: 'team', question: 'Een leerling is vaak boos, wat kan ik doen?' })).statusCode).toBe(422);
  });
});

describe("the school's fixed youth-care contact", () => {
  it('is set by the intern begeleider of the school, to a youth-care professional of this region; new consults go there', async () => {
    const url = `/api/v1/support-contacts/${id.school}`;
    expect((await call('teacher')({ method: 'PUT', url, payload: { userId: id.contact2, organisationId: id.wijk } })).statusCode).toBe(403);
    expect((await call('contact')({ method: 'PUT', url, payload: { userId: id.contact2, organisationId: id.wijk } })).statusCode).toBe(403);
    expect((await call('ib')({ method: 'PUT', url: `/api/v1/support-contacts/${id.school2}`, payload: { userId: id.contact, organisationId: id.wijk } })).statusCode).toBe(403);
    for (const bad of [{ userId: id.elders, organisationId: id.wijk }, { userId: id.teacher, organisationId: id.school }, { userId: id.contact2, organisationId: id.orgJgz }]) {
      expect((await call('ib')({ method: 'PUT', url, payload: bad })).statusCode).toBe(422);
    }
    const candidates = (await call('ib')({ method: 'GET', url: `${url}/candidates` })).json();
    expect(candidates.map((c: { displayName: string }) => c.displayName)).toEqual(expect.arrayContaining(['Wendy Ander', 'Wim Contact']));
    expect(candidates.some((c: { displayName: string }) => c.displayName === 'Eva Elders')).toBe(false);
    const ok = await call('ib')({ method: 'PUT', url, payload: { userId: id.contact2, organisationId: id.wijk } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().contact).toEqual({ displayName: 'Wendy Ander', organisationName: 'Wijkteam Test' });
    const asked = await ask('teacher', { question: 'Een leerling komt vaak te laat en lijkt moe. Wat kan ik doen?' });
    expect(asked.json().addressee).toBe('Wendy Ander (Wijkteam Test)');
    expect((await call('contact')({ method: 'GET', url: `/api/v1/consults/${asked.json().id}` })).statusCode).toBe(404);
    // Back to Wim, as the rest of this file expects; the earlier question stays with Wendy.
    expect((await call('ib')({ method: 'PUT', url, payload: { userId: id.contact, organisationId: id.wijk } })).statusCode).toBe(200);
    expect((await call('contact2')({ method: 'GET', url: `/api/v1/consults/${asked.json().id}` })).statusCode).toBe(200);
  });
});

describe("the school's support team", () => {
  const team = () => `/api/v1/support-teams/${id.team}`;
  const get = async (who: string) => (await call(who)({ method: 'GET', url: team() })).json();

  it('is started by the school\'s intern begeleider only, once', async () => {
    const body = { schoolId: id.school, name: 'Ondersteuningsteam OBS Test', nextMeetingOn: '2030-01-15', meetingTime: '08:30' };
    expect((await call('teacher')({ method: 'POST', url: '/api/v1/support-teams', payload: body })).statusCode).toBe(403);
    expect((await call('contact')({ method: 'POST', url: '/api/v1/support-teams', payload: body })).statusCode).toBe(403);
    const res = await call('ib')({ method: 'POST', url: '/api/v1/support-teams', payload: body });
    expect(res.statusCode).toBe(201);
    id.team = res.json().id;
    expect(res.json().members.map((m: { teamRole: string }) => m.teamRole)).toEqual(['intern_begeleider']);
    expect((await call('ib')({ method: 'POST', url: '/api/v1/support-teams', payload: body })).statusCode).toBe(409);
  });

  it('members: professionals of this region for their own organisation, once; only the manager adds', async () => {
    const add = (who: string, payload: Record<string, unknown>) => call(who)({ method: 'POST', url: `${team()}/members`, payload });
    expect((await add('teacher', { userId: id.jgz, organisationId: id.orgJgz, teamRole: 'jgz' })).statusCode).toBe(404);
    expect((await add('ib', { userId: id.parent, organisationId: id.school, teamRole: 'other' })).statusCode).toBe(422);
    expect((await add('ib', { userId: id.elders, organisationId: id.wijk, teamRole: 'youth_care_contact' })).statusCode).toBe(422);
    expect((await add('ib', { userId: id.jgz, organisationId: id.wijk, teamRole: 'jgz' })).statusCode).toBe(422);
    expect((await add('ib', { userId: id.contact, organisationId: id.wijk, teamRole: 'youth_care_contact' })).statusCode).toBe(201);
    expect((await add('ib', { userId: id.jgz, organisationId: id.orgJgz, teamRole: 'jgz' })).statusCode).toBe(201);
    expect((await add('ib', { userId: id.jgz, organisationId: id.orgJgz, teamRole: 'jgz' })).statusCode).toBe(409);
    // A member who is not the manager cannot add or remove.
    expect((await add('jgz', { userId: id.leerplicht, organisationId: id.orgJgz, teamRole: 'leerplicht' })).statusCode).toBe(403);
    expect((await call('ib')({ method: 'DELETE', url: `${team()}/members/${id.ib}` })).statusCode).toBe(422);
    // Only members read the team.
    for (const who of ['teacher', 'colleague', 'contact2', 'elders', 'parent']) expect((await call(who)({ method: 'GET', url: team() })).statusCode, who).toBe(404);
    expect((await call('jgz')({ method: 'GET', url: team() })).statusCode).toBe(200);
  });

  it('a consult to the team lands on the next meeting; members read it, the team\'s outcome answers the asker', async () => {
    const res = await ask('teacher', { to: 'team', question: 'Een leerling uit groep 6 zegt niets meer in de klas. Hoe pakken we dat aan?' });
    expect(res.statusCode).toBe(201);
    const consultId = res.json().id;
    expect((await call('jgz')({ method: 'GET', url: `/api/v1/consults/${consultId}` })).statusCode).toBe(200);
    expect((await call('colleague')({ method: 'GET', url: `/api/v1/consults/${consultId}` })).statusCode).toBe(404);
    expect((await call('contact2')({ method: 'GET', url: `/api/v1/consults/${consultId}` })).statusCode).toBe(404);
    const item = (await get('ib')).items.find((i: { consultId: string }) => i.consultId === consultId);
    expect(item.meetingOn).toBe('2030-01-15');
    expect(item.question).toMatch(/groep 6/);
    const done = await call('ib')({ method: 'PATCH', url: `${team()}/items/${item.id}`, payload: { status: 'done', outcome: 'Gesprek met de leerling over wat helpt; JGZ denkt mee.' }, headers: { 'if-match': `"${item.version}"` } });
    expect(done.statusCode).toBe(200);
    const answered = (await call('teacher')({ method: 'GET', url: `/api/v1/consults/${consultId}` })).json();
    expect(answered.status).toBe('answered');
    expect(answered.answer).toMatch(/JGZ denkt mee/);
  });

  it('a named pupil needs the parents informed; members without access see only "a pupil"; the family is invited', async () => {
    const add = (payload: Record<string, unknown>) => call('ib')({ method: 'POST', url: `${team()}/items`, payload });
    expect((await add({ youngPersonId: id.pupil, topic: 'Stil in de klas' })).statusCode).toBe(400);
    expect((await add({ youngPersonId: id.pupil, topic: 'Stil in de klas', parentsInformed: false })).statusCode).toBe(400);
    // A member who is not the manager cannot put a child on the agenda.
    expect((await call('jgz')({ method: 'POST', url: `${team()}/items`, payload: { youngPersonId: id.pupil, parentsInformed: true } })).statusCode).toBe(403);
    const ok = await add({ youngPersonId: id.pupil, topic: 'Stil in de klas', parentsInformed: true });
    expect(ok.statusCode).toBe(201);
    const mine = ok.json().items.find((i: { kind: string }) => i.kind === 'pupil');
    expect(mine.childName).toBe('Noor Eikenhout');
    expect(mine.topic).toBe('Stil in de klas');
    expect(mine.invitations).toEqual([{ displayName: 'Pim Ouder', relation: 'parent', response: null }]);
    const theirs = (await get('jgz')).items.find((i: { kind: string }) => i.kind === 'pupil');
    expect(theirs).toMatchObject({ childName: null, youngPersonId: null, topic: null, outcome: null, invitations: [] });
    const [yp] = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_events WHERE chain_key = $1 AND kind = 'support_team.item_added' AND region_id = $2`, [`yp:${id.pupil}`, id.region]);
    expect(yp!.n).toBe(1);
  });

  it('a member who does not manage the team cannot change an item or roll the agenda on', async () => {
    const item = (await get('ib')).items.find((i: { kind: string }) => i.kind === 'pupil');
    expect((await call('jgz')({ method: 'PATCH', url: `${team()}/items/${item.id}`, payload: { outcome: 'Iets anders afgesproken.' }, headers: { 'if-match': `"${item.version}"` } })).statusCode).toBe(403);
    expect((await call('colleague')({ method: 'PATCH', url: `${team()}/items/${item.id}`, payload: { outcome: 'Iets anders afgesproken.' }, headers: { 'if-match': `"${item.version}"` } })).statusCode).toBe(404);
    expect((await call('jgz')({ method: 'POST', url: `${team()}/roll-on`, payload: { to: '2031-01-01' } })).statusCode).toBe(403);
    const [row] = await t.db.query<{ outcome: string | null; meeting_on: string }>(`SELECT outcome, meeting_on FROM support_team_items WHERE region_id = $1 AND id = $2`, [id.region, item.id]);
    expect(row).toEqual({ outcome: null, meeting_on: '2030-01-15' });
  });

  it('the parent sees the invitation about their own child and answers; another parent cannot', async () => {
    const invites = (await call('parent')({ method: 'GET', url: '/api/v1/support-team-invitations' })).json();
    expect(invites).toHaveLength(1);
    expect(invites[0]).toMatchObject({ childName: 'Noor Eikenhout', teamName: 'Ondersteuningsteam OBS Test', meetingOn: '2030-01-15', meetingTime: '08:30', response: null });
    expect((await call('parent2')({ method: 'GET', url: '/api/v1/support-team-invitations' })).json()).toEqual([]);
    const url = `/api/v1/support-team-invitations/${invites[0].itemId}/response`;
    expect((await call('parent2')({ method: 'POST', url, payload: { response: 'not_coming' } })).statusCode).toBe(404);
    expect((await call('ib')({ method: 'POST', url, payload: { response: 'coming' } })).statusCode).toBe(404);
    const res = await call('parent')({ method: 'POST', url, payload: { response: 'coming' } });
    expect(res.statusCode).toBe(200);
    expect(res.json().response).toBe('coming');
    const item = (await get('ib')).items.find((i: { kind: string }) => i.kind === 'pupil');
    expect(item.invitations[0].response).toBe('coming');
    const notes = (await call('ib')({ method: 'GET', url: '/api/v1/notifications' })).json();
    expect(notes.some((n: { kind: string; childName: string }) => n.kind === 'support_team.invitation_answered' && n.childName === 'Noor Eikenhout')).toBe(true);
  });

  it('a named item of another school\'s pupil cannot be added; open items roll on and the family is told', async () => {
    const other = await child(id.region!, 'Sara', 'Wolkenveld', id.school2!, id.parent2!);
    expect((await call('ib')({ method: 'POST', url: `${team()}/items`, payload: { youngPersonId: other, parentsInformed: true } })).statusCode).toBe(404);
    // Not even when the intern begeleider reads that pupil's network (involved, the parent's consent confirmed):
    // a school's team discusses its own pupils.
    await t.db.query(`INSERT INTO networks (region_id, young_person_id, status) VALUES ($1, $2, 'active')`, [id.region, other]);
    await t.db.query(`INSERT INTO involvements (region_id, network_id, young_person_id, user_id, organisation_id, role, starts_on)
      SELECT region_id, id, young_person_id, $2, $3, 'intern_begeleider', current_date FROM networks WHERE region_id = $4 AND young_person_id = $1`, [other, id.ib, id.school, id.region]);
    await t.db.query(`INSERT INTO consents (region_id, young_person_id, purpose, recipient_organisation_id, consenter_user_id, consenter_relation, method, recorded_by, valid_from, status, confirmed_by, confirmed_at)
      VALUES ($1, $2, 'share_in_network', $3, $4, 'parent', 'in_app', $4, current_date, 'confirmed', $4, now())`, [id.region, other, id.school, id.parent2]);
    expect((await call('ib')({ method: 'GET', url: `/api/v1/children/${other}/network` })).statusCode).toBe(200);
    const elsewhere = await call('ib')({ method: 'POST', url: `${team()}/items`, payload: { youngPersonId: other, parentsInformed: true } });
    expect(elsewhere.statusCode).toBe(422);
    expect(await t.db.query(`SELECT 1 FROM support_team_items WHERE region_id = $1 AND young_person_id = $2`, [id.region, other])).toEqual([]);
    const rolled = await call('ib')({ method: 'POST', url: `${team()}/roll-on`, payload: { to: '2030-02-12' } });
    expect(rolled.statusCode).toBe(200);
    const pupil = rolled.json().items.find((i: { kind: string }) => i.kind === 'pupil');
    expect(pupil.meetingOn).toBe('2030-02-12');
    expect(pupil.invitations[0].response).toBeNull();
    expect(rolled.json().nextMeetingOn).toBe('2030-02-12');
    const done = rolled.json().items.find((i: { kind: string; status: string }) => i.kind === 'consult');
    expect(done.meetingOn).toBe('2030-01-15');
    const invites = (await call('parent')({ method: 'GET', url: '/api/v1/support-team-invitations' })).json();
    expect(invites[0].meetingOn).toBe('2030-02-12');
  });
});

describe('audit', () => {
  it('every consult and team chain lives in its region and verifies; no consult event names a young person', async () => {
    const chains = await t.db.query<{ chain_key: string; region_id: string }>(
      `SELECT chain_key, region_id FROM audit_chains WHERE chain_key LIKE 'consult:%' OR chain_key LIKE 'support-team:%'`);
    expect(chains.length).toBeGreaterThan(2);
    for (const c of chains) expect(c.region_id, c.chain_key).toBe(id.region);
    const [named] = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_events WHERE chain_key LIKE 'consult:%' AND young_person_id IS NOT NULL`);
    expect(named!.n).toBe(0);
    expect((await verifyAudit(t.db)).ok).toBe(true);
  });
});
