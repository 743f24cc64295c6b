/**
 * Answering a self-assessment round as a family or a professional (issue 18): parents and young
 * people read the framework's plain-language wording, professionals the source wording; families
 * are invited by e-mail address, staff from the candidates list; only the invited answer, once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, setup, type Fixture } from './fixture.ts';

let f: Fixture;
let url: string;
let roundId: string;
interface Inv { roundId: string; wording: string; elements: { code: string; nameNl: string; nameEn: string; items: { id: string; code: string; textNl: string; textEn: string }[] }[] }
const mine = async (who: string) => (await call(f, who)({ method: 'GET', url: '/api/v1/partnerships/invitations' })).json() as Inv[];
const item = (inv: Inv, code: string) => inv.elements.flatMap((e) => e.items).find((i) => i.code === code)!;
const answer = (who: string, inv: Inv) => call(f, who)({ method: 'POST', url: `/api/v1/partnerships/rounds/${roundId}/responses`, payload: {
  answers: [{ itemId: item(inv, 'E1.1').id, score: 4 }, { itemId: item(inv, 'E2.5').id, score: 3 }],
} });

beforeAll(async () => {
  f = await setup();
  url = `/api/v1/partnerships/${f.partnershipId}`;
  const fws = (await call(f, 'beleid')({ method: 'GET', url: `${url}/frameworks` })).json();
  const six = fws.find((x: { key: string }) => x.key === 'six-elements');
  const r = await call(f, 'beleid')({ method: 'POST', url: `${url}/rounds`, payload: { frameworkId: six.id, title: 'Ronde met gezinnen', opensOn: '2025-01-01' } });
  expect(r.statusCode, r.body).toBe(201);
  roundId = r.json().id;
});
afterAll(async () => f.t.close());

describe('inviting by group', () => {
  it('lists the staff of the partner organisations to choose from, never outside them', async () => {
    const res = await call(f, 'beleid')({ method: 'GET', url: `${url}/rounds/${roundId}/candidates` });
    expect(res.statusCode, res.body).toBe(200);
    const names = res.json().staff.map((s: { name: string }) => s.name);
    expect(names).toEqual(expect.arrayContaining(['Tim Teacher', 'Bea Beleid', 'Sam SWV']));
    // The wijkteam is not a partner of this partnership; parents are never listed.
    expect(res.json().staff.every((s: { organisationName: string }) => ['Gemeente Test', 'SWV Test', 'School Test'].includes(s.organisationName))).toBe(true);
    expect(res.json().staff.find((s: { userId: string }) => s.userId === f.user.wijkPro!.id)).toBeUndefined();
    expect(res.json().staff.find((s: { userId: string }) => s.userId === f.user.parent!.id)).toBeUndefined();
    expect((await call(f, 'teacher')({ method: 'GET', url: `${url}/rounds/${roundId}/candidates` })).statusCode).toBe(404);
    expect((await call(f, 'parent')({ method: 'GET', url: `${url}/rounds/${roundId}/candidates` })).statusCode).toBe(404);
  });

  it('invites families by e-mail address without telling whether an address is a family\'s: every address gets the same answer, counts leave families out', async () => {
    const invitations = async () => (await f.t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM partnership_invitations WHERE round_id = $1`, [roundId]))[0]!.n;
    const strip = (b: Record<string, unknown>) => JSON.stringify({ ...b, version: 0 });
    const before = await invitations();
    // An unknown address, a professional's address as a parent, and a young person's address as a parent:
    // each is the same 200 with the same round as an address that matches, and nothing is written for them.
    const answers = [];
    for (const line of [{ email: 'niemand@example.org', respondentGroup: 'parent' }, { email: f.user.teacher!.email, respondentGroup: 'parent' },
      { email: f.user.yp!.email, respondentGroup: 'parent' }]) {
      const r = await call(f, 'beleid')({ method: 'POST', url: `${url}/rounds/${roundId}/invitations`, payload: { invitations: [line] } });
      expect(r.statusCode, r.body).toBe(200);
      answers.push(strip(r.json()));
    }
    expect(await invitations()).toBe(before);
    const res = await call(f, 'beleid')({ method: 'POST', url: `${url}/rounds/${roundId}/invitations`, payload: { invitations: [
      { email: f.user.parent!.email.toUpperCase(), respondentGroup: 'parent' },
      { email: f.user.yp!.email, respondentGroup: 'young_person' },
      { userId: f.user.teacher!.id, respondentGroup: 'work_floor', partnerId: f.partner.school },
    ] } });
    expect(res.statusCode, res.body).toBe(200);
    // The real family accounts are invited (they see the round: 'answering' below), but the workspace counts staff only.
    expect(await invitations()).toBe(before + 3);
    expect(res.json()).toMatchObject({ invited: 1, responded: 0 });
    expect(new Set(answers).size).toBe(1);
    const c = (await call(f, 'beleid')({ method: 'GET', url: `${url}/rounds/${roundId}/candidates` })).json();
    expect(c.invitedByGroup).toEqual([{ group: 'work_floor', n: 1 }]);
    expect(c.staff.find((s: { userId: string }) => s.userId === f.user.teacher!.id).invited).toBe(true);
  });
});

describe('answering', () => {
  it('a parent and a young person read the plain wording; a professional the wording of the source', async () => {
    const [parent] = await mine('parent');
    const [yp] = await mine('yp');
    const [teacher] = await mine('teacher');
    expect(parent!.wording).toBe('plain');
    expect(yp!.wording).toBe('plain');
    expect(teacher!.wording).toBe('professional');
    expect(item(parent!, 'E2.5').textNl).toBe('Ze begrijpen elkaar en gebruiken dezelfde woorden. Woorden die ouders en kinderen ook snappen.');
    expect(item(parent!, 'E2.5').textEn).toBe('They understand each other and use the same words. Words that parents and children understand too.');
    expect(parent!.elements[0]!.nameNl).toBe('Samen hetzelfde doel');
    expect(item(yp!, 'E5.3').textNl).toContain('vrijstelling');
    expect(item(teacher!, 'E2.5').textNl).toBe('Gedeelde taal');
    expect(teacher!.elements[0]!.nameNl).toBe('Gedeelde visie en urgentie onderwijs-zorg-jeugd');
    // Every indicator of the shipped framework has a plain wording, different from the professional one.
    const plain = parent!.elements.flatMap((e) => e.items);
    const professional = teacher!.elements.flatMap((e) => e.items);
    expect(plain).toHaveLength(23);
    for (const [n, i] of plain.entries()) {
      expect(i.id).toBe(professional[n]!.id);
      expect(i.textNl).not.toBe(professional[n]!.textNl);
      expect(i.textEn).not.toBe(professional[n]!.textEn);
    }
  });

  it('the workspace sees both wordings of an indicator', async () => {
    const fws = (await call(f, 'beleid')({ method: 'GET', url: `${url}/frameworks` })).json();
    const e2 = fws.find((x: { key: string }) => x.key === 'six-elements').elements[1];
    expect(e2.items[4]).toMatchObject({ code: 'E2.5', textNl: 'Gedeelde taal', plainNl: expect.stringContaining('dezelfde woorden') });
  });

  it('someone not invited cannot answer (404); the invited answer once (409 the second time)', async () => {
    const [parent] = await mine('parent');
    expect((await answer('parent2', parent!)).statusCode).toBe(404);
    expect((await answer('wijkPro', parent!)).statusCode).toBe(404);
    expect((await answer('swv', parent!)).statusCode).toBe(404);
    const first = await answer('parent', parent!);
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toEqual({ roundId, answered: 2 });
    const again = await answer('parent', parent!);
    expect(again.statusCode).toBe(409);
    expect(await mine('parent')).toEqual([]);
    // The young person's invitation is untouched by the parent's answer.
    expect((await mine('yp')).map((i) => i.roundId)).toEqual([roundId]);
  });

  it('a partnership\'s own framework may carry a plain wording; without one families read the professional text', async () => {
    const own = await call(f, 'beleid')({ method: 'POST', url: `${url}/frameworks`, payload: {
      key: 'ouderscan', nameNl: 'Ouderscan', nameEn: 'Parent scan',
      elements: [{ code: 'A', nameNl: 'Ouderbetrokkenheid', nameEn: 'Parent involvement', items: [
        { code: 'A1', textNl: 'Ouders zijn gelijkwaardig partner in het overleg', textEn: 'Parents are equal partners in meetings', plainNl: 'Ouders praten mee als gelijke.', plainEn: 'Parents take part as equals.' },
        { code: 'A2', textNl: 'Ouders krijgen het verslag binnen twee weken', textEn: 'Parents get the report within two weeks' },
      ] }],
    } });
    expect(own.statusCode, own.body).toBe(201);
    const round = (await call(f, 'beleid')({ method: 'POST', url: `${url}/rounds`, payload: { frameworkId: own.json().id, title: 'Ouderscan', opensOn: '2025-01-01' } })).json();
    await call(f, 'beleid')({ method: 'POST', url: `${url}/rounds/${round.id}/invitations`, payload: { invitations: [{ email: f.user.parent2!.email, respondentGroup: 'parent' }] } });
    const [inv] = await mine('parent2');
    expect(inv!.elements[0]!.items.map((i) => i.textNl)).toEqual(['Ouders praten mee als gelijke.', 'Ouders krijgen het verslag binnen twee weken']);
  });
});
