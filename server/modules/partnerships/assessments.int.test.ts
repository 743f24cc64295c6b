import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, setup, type Fixture } from './fixture.ts';

let f: Fixture;
let url: string;
let items: { id: string; code: string }[];
beforeAll(async () => {
  f = await setup();
  url = `/api/v1/partnerships/${f.partnershipId}`;
});
afterAll(async () => f.t.close());

const answer = (who: string, roundId: string, score: (code: string) => number, example?: string) =>
  call(f, who)({ method: 'POST', url: `/api/v1/partnerships/rounds/${roundId}/responses`, payload: {
    answers: items.map((i, n) => ({ itemId: i.id, score: score(i.code), ...(example && n === 0 ? { example } : {}) })),
  } });

describe('self-assessment rounds', () => {
  let round1: string;
  let round2: string;

  it('only invited users answer, once; uninvited users get 404', async () => {
    const fws = (await call(f, 'beleid')({ method: 'GET', url: `${url}/frameworks` })).json();
    const six = fws.find((x: { key: string }) => x.key === 'six-elements');
    items = six.elements.flatMap((e: { items: { id: string; code: string }[] }) => e.items);
    expect(items).toHaveLength(23);
    const r = await call(f, 'beleid')({ method: 'POST', url: `${url}/rounds`, payload: { frameworkId: six.id, title: 'Ronde 2025', opensOn: '2025-01-01' } });
    expect(r.statusCode, r.body).toBe(201);
    round1 = r.json().id;
    const guide = fws.find((x: { key: string }) => x.key === 'travel-guide');
    expect((await call(f, 'beleid')({ method: 'POST', url: `${url}/rounds`, payload: { frameworkId: guide.id, title: 'x', opensOn: '2025-01-01' } })).statusCode).toBe(422);

    const inv = await call(f, 'beleid')({ method: 'POST', url: `${url}/rounds/${round1}/invitations`, payload: { invitations: [
      { userId: f.user.teacher!.id, respondentGroup: 'work_floor', partnerId: f.partner.school },
      { userId: f.user.teacher2!.id, respondentGroup: 'work_floor', partnerId: f.partner.school },
      { userId: f.user.teacher3!.id, respondentGroup: 'work_floor', partnerId: f.partner.school },
      { userId: f.user.beleid!.id, respondentGroup: 'policy', partnerId: f.partner.gem },
      { userId: f.user.swv!.id, respondentGroup: 'governance', partnerId: f.partner.swv },
      { userId: f.user.parent!.id, respondentGroup: 'parent' },
      { userId: f.user.parent2!.id, respondentGroup: 'parent' },
    ] } });
    expect(inv.statusCode, inv.body).toBe(200);
    // The workspace counts the staff it invited; families are never counted for it (a count that moves would tell whether someone is a family in Rondom).
    expect(inv.json()).toMatchObject({ invited: 5, responded: 0 });
    const wrongGroup = await call(f, 'beleid')({ method: 'POST', url: `${url}/rounds/${round1}/invitations`, payload: { invitations: [{ userId: f.user.yp!.id, respondentGroup: 'work_floor' }] } });
    expect(wrongGroup.statusCode).toBe(400);
    const wrongOrg = await call(f, 'beleid')({ method: 'POST', url: `${url}/rounds/${round1}/invitations`, payload: { invitations: [{ userId: f.user.teacher!.id, respondentGroup: 'work_floor', partnerId: f.partner.gem }] } });
    expect(wrongOrg.statusCode).toBe(422);

    const mine = await call(f, 'parent')({ method: 'GET', url: '/api/v1/partnerships/invitations' });
    expect(mine.statusCode).toBe(200);
    expect(mine.json()).toEqual([expect.objectContaining({ roundId: round1, respondentGroup: 'parent', partnershipName: 'Samen Testdorp', scaleMin: 1, scaleMax: 5 })]);
    expect(mine.json()[0].elements).toHaveLength(6);
    expect((await call(f, 'yp')({ method: 'GET', url: '/api/v1/partnerships/invitations' })).json()).toEqual([]);

    expect((await answer('anonymous', round1, () => 3)).statusCode).toBe(401);
    expect((await answer('yp', round1, () => 3)).statusCode).toBe(404);
    expect((await answer('outsider', round1, () => 3)).statusCode).toBe(404);
    const first = await answer('parent', round1, () => 4, 'Wij werden goed gehoord');
    expect(first.statusCode, first.body).toBe(201);
    expect((await answer('parent', round1, () => 4)).statusCode).toBe(409);
    const badScore = await call(f, 'parent2')({ method: 'POST', url: `/api/v1/partnerships/rounds/${round1}/responses`, payload: { answers: [{ itemId: items[0]!.id, score: 6 }] } });
    expect(badScore.statusCode).toBe(400);
    const foreign = await call(f, 'parent2')({ method: 'POST', url: `/api/v1/partnerships/rounds/${round1}/responses`, payload: { answers: [{ itemId: round1, score: 3 }] } });
    expect(foreign.statusCode).toBe(422);
    expect((await call(f, 'parent')({ method: 'GET', url: '/api/v1/partnerships/invitations' })).json()).toEqual([]);
  });

  it('responses hold no respondent: the answer rows cannot be linked to a user', async () => {
    const cols = await f.t.db.query<{ column_name: string }>(
      `SELECT column_name FROM information_schema.columns WHERE table_name IN ('partnership_responses', 'partnership_answers')`);
    expect(cols.map((c) => c.column_name)).not.toContain('user_id');
    const [ev] = await f.t.db.query<{ subject_type: string; subject_id: string }>(
      `SELECT subject_type, subject_id FROM audit_events WHERE kind = 'partnership.response_submitted' AND actor_user_id = $1`, [f.user.parent!.id]);
    expect(ev).toEqual({ subject_type: 'round', subject_id: round1 });
  });

  it('anonymity: a group with 2 answers is suppressed, with 3 it is shown', async () => {
    // parents: 1 (parent). Work floor: 2 now, 3 later.
    await answer('teacher', round1, () => 2);
    await answer('teacher2', round1, (c) => (c.startsWith('E2') ? 4 : 3));
    await answer('parent2', round1, () => 5, 'Snelle hulp');
    const res = await call(f, 'beleid')({ method: 'GET', url: `${url}/rounds/${round1}/results` });
    expect(res.statusCode, res.body).toBe(200);
    let r = res.json();
    expect(r.threshold).toBe(3);
    let e1 = r.elements[0];
    const wf = () => e1.byGroup.find((g: { group: string }) => g.group === 'work_floor');
    const parents = () => e1.byGroup.find((g: { group: string }) => g.group === 'parent');
    expect(wf()).toMatchObject({ suppressed: true, n: null, median: null, spread: null });
    expect(parents()).toMatchObject({ suppressed: true, n: null, median: null });
    const school = e1.byOrganisation.find((o: { partnerId: string }) => o.partnerId === f.partner.school);
    expect(school).toMatchObject({ suppressed: true, median: null });
    expect(e1.overall).toMatchObject({ suppressed: false, n: 4 });

    await answer('teacher3', round1, () => 3);
    r = (await call(f, 'beleid')({ method: 'GET', url: `${url}/rounds/${round1}/results` })).json();
    e1 = r.elements[0];
    // Work floor on element 1: teacher 2,2,2; teacher2 3,3,3; teacher3 3,3,3 → median 3, min 2, max 3.
    expect(wf()).toMatchObject({ suppressed: false, n: 3, median: 3, min: 2, max: 3 });
    expect(parents()).toMatchObject({ suppressed: true });
    const e2 = r.elements[1];
    expect(e2.byGroup.find((g: { group: string }) => g.group === 'work_floor')).toMatchObject({ n: 3, median: 3, min: 2, max: 4 });
    const item = e1.items[0];
    expect(item.overall).toMatchObject({ n: 5, median: 3, p25: 3, p75: 4, spread: 1, min: 2, max: 5 });
    expect(r.respondents).toBe(5);
    expect(r.examples.map((x: { text: string }) => x.text).sort()).toEqual(['Snelle hulp', 'Wij werden goed gehoord']);
    expect(r.interpretationQuestions.map((q: { code: string }) => q.code)).toEqual(['recognise', 'explain', 'opinion', 'improve']);
  });

  it('compares with an earlier round and keeps the trend', async () => {
    const six = (await call(f, 'beleid')({ method: 'GET', url: `${url}/rounds` })).json().rounds[0].frameworkId;
    round2 = (await call(f, 'beleid')({ method: 'POST', url: `${url}/rounds`, payload: { frameworkId: six, title: 'Ronde 2026', opensOn: '2026-01-01' } })).json().id;
    await call(f, 'beleid')({ method: 'POST', url: `${url}/rounds/${round2}/invitations`, payload: { invitations: [
      { userId: f.user.teacher!.id, respondentGroup: 'work_floor', partnerId: f.partner.school },
      { userId: f.user.teacher2!.id, respondentGroup: 'work_floor', partnerId: f.partner.school },
      { userId: f.user.teacher3!.id, respondentGroup: 'work_floor', partnerId: f.partner.school },
    ] } });
    for (const who of ['teacher', 'teacher2', 'teacher3']) expect((await answer(who, round2, () => 4)).statusCode).toBe(201);
    const r = (await call(f, 'swv')({ method: 'GET', url: `${url}/rounds/${round2}/results` })).json();
    expect(r.previousRoundId).toBe(round1);
    expect(r.elements[0]).toMatchObject({ overall: { median: 4, n: 3 }, previousMedian: 3 });
    expect(r.trend.map((t: { roundId: string }) => t.roundId)).toEqual([round1, round2]);
    expect(r.trend[1].elements[0]).toEqual({ code: 'E1', median: 4, n: 3 });
  });

  it('records the reading with the four interpretation questions and actions; versions guard it', async () => {
    const body = { recognise: 'Ja, grotendeels', explain: 'Nieuwe zorgroute', opinion: 'Positief', improve: 'Ouders eerder betrekken', actions: [{ text: 'Ouderpanel starten', dueOn: '2026-06-01' }] };
    const created = await call(f, 'beleid')({ method: 'PUT', url: `${url}/rounds/${round1}/reading`, headers: { 'if-match': '"0"' }, payload: body });
    expect(created.statusCode, created.body).toBe(200);
    expect(created.json()).toMatchObject({ version: 1, improve: 'Ouders eerder betrekken' });
    const again = await call(f, 'swv')({ method: 'PUT', url: `${url}/rounds/${round1}/reading`, headers: { 'if-match': '"0"' }, payload: body });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.current.version).toBe(1);
    const r = (await call(f, 'beleid')({ method: 'GET', url: `${url}/rounds/${round1}/results` })).json();
    expect(r.reading.actions).toEqual([{ text: 'Ouderpanel starten', dueOn: '2026-06-01' }]);
    expect((await call(f, 'teacher')({ method: 'GET', url: `${url}/rounds/${round1}/results` })).statusCode).toBe(404);
  });

  it('a partnership can add its own framework; closed rounds take no answers', async () => {
    const own = await call(f, 'beleid')({ method: 'POST', url: `${url}/frameworks`, payload: {
      key: 'eigen-scan', nameNl: 'Eigen scan', nameEn: 'Own scan',
      elements: [{ code: 'A', nameNl: 'Ouders', nameEn: 'Parents', items: [{ code: 'A1', textNl: 'Ouders zijn partner', textEn: 'Parents are partners' }] }],
    } });
    expect(own.statusCode, own.body).toBe(201);
    expect(own.json()).toMatchObject({ key: 'eigen-scan', version: 1, own: true });
    const again = await call(f, 'beleid')({ method: 'POST', url: `${url}/frameworks`, payload: {
      key: 'eigen-scan', nameNl: 'Eigen scan', nameEn: 'Own scan',
      elements: [{ code: 'A', nameNl: 'Ouders', nameEn: 'Parents', items: [{ code: 'A1', textNl: 'Ouders zijn volwaardig partner', textEn: 'Parents are full partners' }] }],
    } });
    expect(again.json().version).toBe(2);
    const round = (await call(f, 'beleid')({ method: 'POST', url: `${url}/rounds`, payload: { frameworkId: again.json().id, title: 'Eigen', opensOn: '2025-01-01' } })).json();
    await call(f, 'beleid')({ method: 'POST', url: `${url}/rounds/${round.id}/invitations`, payload: { invitations: [{ userId: f.user.yp!.id, respondentGroup: 'young_person' }] } });
    const inv = (await call(f, 'yp')({ method: 'GET', url: '/api/v1/partnerships/invitations' })).json();
    expect(inv[0].elements[0].items[0].textNl).toBe('Ouders zijn volwaardig partner');
    const closed = await call(f, 'beleid')({ method: 'PATCH', url: `${url}/rounds/${round.id}`, headers: { 'if-match': '"1"' }, payload: { status: 'closed' } });
    expect(closed.statusCode).toBe(200);
    expect((await call(f, 'beleid')({ method: 'PATCH', url: `${url}/rounds/${round.id}`, headers: { 'if-match': '"1"' }, payload: { status: 'open' } })).statusCode).toBe(409);
    const late = await call(f, 'yp')({ method: 'POST', url: `/api/v1/partnerships/rounds/${round.id}/responses`, payload: { answers: [{ itemId: inv[0].elements[0].items[0].id, score: 4 }] } });
    expect(late.statusCode).toBe(422);
  });
});
