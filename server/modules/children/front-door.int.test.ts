/**
 * The front door (issue 17): a teacher raises a concern ("Zorg melden") and says whether the parents
 * know; the family raises a question in their own name; a professional sees, and ends, their own
 * "who else is involved" signals — nobody else's.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, login, makeOrg, makeRegion, makeUser, type Session, type TestApp } from '../../../test/helpers.ts';
import { bornYearsAgo, buildFixture, type Fixture } from '../../../test/kindkring-fixture.ts';
import { resolveAccess } from '../../core/access.ts';
import { loadActor, sha256 } from '../../core/session.ts';
import { networkView } from '../networks/networks.service.ts';

let t: TestApp;
let f: Fixture;
let teacher: Session;
let elsewhere: Session;
const api = (who: string) => as(t.app, f.s[who]!);
const count = async (sql: string, params: unknown[]) => (await t.db.query<{ n: number }>(sql, params))[0]!.n;

beforeAll(async () => {
  t = await createTestApp();
  f = await buildFixture(t.app, t.db);
  const u = await makeUser(t.db, { regionId: f.regionId, name: 'Lies Leerkracht', memberships: [{ organisationId: f.org.school, role: 'teacher' }] });
  teacher = await login(t.app, u.email);
  // A youth-care professional of another region: designated there, but none of this region's signals are hers.
  const region2 = await makeRegion(t.db);
  const org2 = await makeOrg(t.db, region2, 'jgz', 'JGZ Elders');
  const u2 = await makeUser(t.db, { regionId: region2, name: 'Elke Elders', memberships: [{ organisationId: org2, role: 'jgz_professional' }] });
  elsewhere = await login(t.app, u2.email);
});
afterAll(async () => t.close());

const concern = (over: Record<string, unknown> = {}) => ({
  text: 'Sara zegt dat ze thuis niet kan slapen en komt moe op school.', ownWords: true, lifeDomains: ['school', 'home'], raisedBy: 'professional', ...over,
});

describe('Zorg melden: a teacher raises a concern', () => {
  it('registers a new pupil; the lead sees whether the parents know', async () => {
    const res = await as(t.app, teacher)({ method: 'POST', url: '/api/v1/children', payload: {
      givenName: 'Sara', familyName: 'Zorgvuldig', birthDate: bornYearsAgo(7), question: concern({ parentsInformed: 'not_yet' }),
    } });
    expect(res.statusCode).toBe(201);
    const id = res.json().id;
    // She starts the network as its lead, but reads it only once the parents consent (identity until then).
    const child = (await as(t.app, teacher)({ method: 'GET', url: `/api/v1/children/${id}` })).json();
    expect(child.access.level).toBe('identity');
    expect(child.allowedActions).toEqual(expect.arrayContaining(['recordConsent', 'openQuestion']));
    const [row] = await t.db.query<{ lead: string; own_words: boolean; parents_informed: string }>(
      `SELECT n.lead_user_id AS lead, q.own_words, q.parents_informed FROM networks n JOIN questions q ON q.region_id = n.region_id AND q.network_id = n.id
        WHERE n.region_id = $1 AND n.young_person_id = $2`, [f.regionId, id]);
    expect(row).toEqual({ lead: teacher.userId, own_words: true, parents_informed: 'not_yet' });
    // Once consent opens the network, the question says the parents do not know yet.
    const net = networkView(t.db, { ...(await resolveAccess(t.db, (await loadActor(t.db, sha256(/rondom_session=([^;]+)/.exec(teacher.cookie)![1]!), 60))!, id))!, level: 'network' });
    expect((await net).questions).toEqual([expect.objectContaining({ ownWords: true, raisedBy: 'professional', parentsInformed: 'not_yet', lifeDomains: ['school', 'home'] })]);
  });

  it('about a pupil already known: 202 and nothing else; the decider sees the question and that the parents know', async () => {
    const res = await as(t.app, teacher)({ method: 'POST', url: '/api/v1/children', payload: {
      givenName: 'Fleur', familyName: 'Kringloop', birthDate: bornYearsAgo(15), question: concern({ parentsInformed: 'yes' }),
    } });
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({ status: 'join_requested' });
    // No lead on Fleur and her parents have accounts: they decide.
    const mum = (await api('mum')({ method: 'GET', url: '/api/v1/join-requests' })).json();
    const mine = mum.incoming.find((r: { requester: { displayName: string } }) => r.requester.displayName === 'Lies Leerkracht');
    expect(mine.question).toEqual(expect.objectContaining({ parentsInformed: 'yes', raisedBy: 'professional' }));
  });

  it('refuses a value for parentsInformed outside the list, and writes nothing', async () => {
    const before = await count(`SELECT count(*)::int AS n FROM young_people WHERE region_id = $1`, [f.regionId]);
    const res = await as(t.app, teacher)({ method: 'POST', url: '/api/v1/children', payload: {
      givenName: 'Nina', familyName: 'Nergens', birthDate: bornYearsAgo(6), question: concern({ parentsInformed: 'maybe' }),
    } });
    expect(res.statusCode).toBe(400);
    expect(await count(`SELECT count(*)::int AS n FROM young_people WHERE region_id = $1`, [f.regionId])).toBe(before);
  });
});

describe('the family raises a question in their own name', () => {
  const questions = () => count(`SELECT count(*)::int AS n FROM questions WHERE region_id = $1`, [f.regionId]);

  it('a parent cannot raise it as the child or as a professional (422, nothing written)', async () => {
    const before = await questions();
    for (const raisedBy of ['young_person', 'professional']) {
      const res = await api('mum')({ method: 'POST', url: `/api/v1/children/${f.child.c15}/questions`, payload: concern({ raisedBy }) });
      expect(res.statusCode).toBe(422);
      expect(res.json().error.fields).toHaveProperty('raisedBy');
      expect(res.json().error.messageNl).toBe('U stelt een vraag in uw eigen naam.');
    }
    expect(await questions()).toBe(before);
  });

  it('a parent raises it as parent; what parents know is not theirs to say (stored as not asked)', async () => {
    const res = await api('mum')({ method: 'POST', url: `/api/v1/children/${f.child.c15}/questions`, payload: concern({ raisedBy: 'parent', parentsInformed: 'not_yet' }) });
    expect(res.statusCode).toBe(201);
    const [row] = await t.db.query<{ raised_by: string; parents_informed: string | null; created_by: string }>(
      `SELECT raised_by, parents_informed, created_by FROM questions WHERE region_id = $2 AND id = $1`, [res.json().questionId, f.regionId]);
    expect(row).toEqual({ raised_by: 'parent', parents_informed: null, created_by: f.user.mum.id });
  });

  it('the young person raises it as young person, not as parent', async () => {
    const wrong = await api('teen')({ method: 'POST', url: `/api/v1/children/${f.child.c16}/questions`, payload: concern({ raisedBy: 'parent' }) });
    expect(wrong.statusCode).toBe(422);
    const ok = await api('teen')({ method: 'POST', url: `/api/v1/children/${f.child.c16}/questions`, payload: concern({ raisedBy: 'young_person' }) });
    expect(ok.statusCode).toBe(201);
  });

  it("another child's parent gets 404, however the question is signed", async () => {
    const res = await api('otherParent')({ method: 'POST', url: `/api/v1/children/${f.child.c15}/questions`, payload: concern({ raisedBy: 'parent' }) });
    expect(res.statusCode).toBe(404);
  });
});

describe('my signals', () => {
  let signalId: string;

  it('a designated professional may register, and sees their open signal', async () => {
    const empty = (await api('jgz')({ method: 'GET', url: '/api/v1/matches/signals' })).json();
    expect(empty).toEqual({ items: [], organisations: [{ id: f.org.jgz, name: 'JGZ Test' }], allowedActions: ['registerSignal'] });
    const reg = await api('jgz')({ method: 'POST', url: '/api/v1/matches/signals', payload: { givenName: 'Kees', familyName: 'Kringloop', birthDate: bornYearsAgo(8), contactPhone: '010-1234567' } });
    expect(reg.statusCode).toBe(201);
    signalId = reg.json().signalId;
    const mine = (await api('jgz')({ method: 'GET', url: '/api/v1/matches/signals' })).json();
    expect(mine.items).toEqual([expect.objectContaining({ signalId, youngPersonName: 'Kees Kringloop', organisationName: 'JGZ Test', contactPhone: '010-1234567', expiresOn: reg.json().expiresOn })]);
    // The list names the young people on the reader's own chain.
    const [ev] = await t.db.query<{ details: { youngPersonIds: string[] } }>(
      `SELECT details FROM audit_events WHERE kind = 'match.signals_read' AND actor_user_id = $1 ORDER BY id DESC LIMIT 1`, [f.user.jgz.id]);
    expect(ev!.details.youngPersonIds).toEqual([f.child.c8]);
  });

  it('nobody else sees it: a school not designated, another professional, a parent, another region', async () => {
    const ib = (await api('ib')({ method: 'GET', url: '/api/v1/matches/signals' })).json();
    expect(ib).toEqual({ items: [], organisations: [], allowedActions: [] });
    for (const who of ['wijk', 'mum', 'outsider']) expect((await api(who)({ method: 'GET', url: '/api/v1/matches/signals' })).json().items).toEqual([]);
    const other = (await as(t.app, elsewhere)({ method: 'GET', url: '/api/v1/matches/signals' })).json();
    expect(other.items).toEqual([]);
    expect(other.allowedActions).toEqual(['registerSignal']);
    expect((await as(t.app, null)({ method: 'GET', url: '/api/v1/matches/signals' })).statusCode).toBe(401);
  });

  it('only its holder ends it (404 for anyone else, who changes nothing); ending is on the young person\'s chain', async () => {
    for (const s of [f.s.wijk!, f.s.mum!, elsewhere]) {
      expect((await as(t.app, s)({ method: 'POST', url: `/api/v1/matches/signals/${signalId}/end` })).statusCode).toBe(404);
    }
    expect(await count(`SELECT count(*)::int AS n FROM signals WHERE region_id = $1 AND id = $2 AND ended_at IS NULL`, [f.regionId, signalId])).toBe(1);
    const end = await api('jgz')({ method: 'POST', url: `/api/v1/matches/signals/${signalId}/end` });
    expect(end.statusCode).toBe(204);
    const [ev] = await t.db.query<{ chain_key: string; region_id: string; actor_organisation_id: string; basis: string }>(
      `SELECT chain_key, region_id, actor_organisation_id, basis FROM audit_events WHERE kind = 'match.signal_ended' AND subject_id = $1`, [signalId]);
    expect(ev).toEqual({ chain_key: `yp:${f.child.c8}`, region_id: f.regionId, actor_organisation_id: f.org.jgz, basis: 'verwijsindex' });
    expect((await api('jgz')({ method: 'GET', url: '/api/v1/matches/signals' })).json().items).toEqual([]);
    expect((await api('jgz')({ method: 'POST', url: `/api/v1/matches/signals/${signalId}/end` })).statusCode).toBe(404);
  });
});
