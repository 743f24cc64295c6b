/**
 * Access that holds against insiders: what an organisation admin (or a platform admin by
 * mistake) would try through the ordinary admin API, and a password-guessing burst that
 * races the login lockout. Every refusal must leave the data as it was and write an
 * `access.denied` event; every change of rights is on the target's audit chain.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, login, makeOrg, makeRegion, makeUser, PASSWORD, type Session, type TestApp } from '../helpers.ts';
import { MAX_FAILURES } from '../../server/modules/accounts/accounts.service.ts';
import { verifyAudit } from '../../server/core/audit-verify.ts';

let t: TestApp;
let north: string;
let south: string;
let orgA: string; // north, administered by orgAdmin
let orgB: string; // north, not administered by orgAdmin
let orgS: string; // south
const u: Record<string, { id: string; email: string }> = {};
let s: Record<string, Session>;

beforeAll(async () => {
  t = await createTestApp();
  north = await makeRegion(t.db);
  south = await makeRegion(t.db);
  orgA = await makeOrg(t.db, north, 'wijkteam');
  orgB = await makeOrg(t.db, north, 'school');
  orgS = await makeOrg(t.db, south, 'school');
  // The platform admin also works in orgA: being a member of the admin's organisation must not make them a target.
  u.platform = await makeUser(t.db, { regionId: north, isPlatformAdmin: true, memberships: [{ organisationId: orgA, role: 'youth_care_professional' }] });
  u.orgAdmin = await makeUser(t.db, { regionId: north, memberships: [{ organisationId: orgA, role: 'org_admin' }] });
  u.colleague = await makeUser(t.db, { regionId: north, memberships: [{ organisationId: orgA, role: 'teacher' }] });
  u.otherOrg = await makeUser(t.db, { regionId: north, memberships: [{ organisationId: orgB, role: 'teacher' }] });
  u.southStaff = await makeUser(t.db, { regionId: south, memberships: [{ organisationId: orgS, role: 'teacher' }] });
  u.loose = await makeUser(t.db, { regionId: north });
  u.parent = await makeUser(t.db, { regionId: north, kind: 'parent' });
  s = { platform: await login(t.app, u.platform!.email), orgAdmin: await login(t.app, u.orgAdmin!.email) };
});
afterAll(async () => t.close());

const newStaff = (regionId: string, organisationId: string) => ({
  regionId, kind: 'staff', email: `n-${Math.random().toString(36).slice(2)}@test.example`, displayName: 'Nieuwe Collega',
  password: 'Een-lang-wachtwoord-7', memberships: [{ organisationId, role: 'teacher' }],
});

async function membershipsOf(userId: string) {
  return t.db.query<{ organisation_id: string; role: string }>(
    `SELECT organisation_id, role FROM memberships WHERE user_id = $1 ORDER BY organisation_id, role`, [userId]);
}

async function deniedEvents(chainKey: string) {
  return t.db.query<{ actor_user_id: string; outcome: string; details: Record<string, unknown> }>(
    `SELECT actor_user_id, outcome, details FROM audit_events WHERE chain_key = $1 AND kind = 'access.denied' ORDER BY seq`, [chainKey]);
}

describe('an organisation admin acts only in their own region', () => {
  it('cannot create a user in another region (403, nothing created, access.denied)', async () => {
    const body = newStaff(south, orgA);
    const res = await as(t.app, s.orgAdmin!)({ method: 'POST', url: '/api/v1/admin/users', payload: body });
    expect(res.statusCode, res.body).toBe(403);
    expect(res.json().error.code).toBe('forbidden');
    expect(await t.db.query(`SELECT 1 FROM users WHERE email = $1`, [body.email])).toHaveLength(0);
    const denied = await deniedEvents(`user:${u.orgAdmin!.id}`);
    expect(denied.some((e) => e.details.attempted === 'admin.user_created')).toBe(true);
  });

  it('cannot create a user in another region through a legacy org_admin role there', async () => {
    // A cross-region membership that older data may hold (the API no longer makes one).
    const legacy = await makeUser(t.db, { regionId: north, memberships: [{ organisationId: orgA, role: 'org_admin' }] });
    await t.db.query(`INSERT INTO memberships (user_id, organisation_id, role) VALUES ($1, $2, 'org_admin')`, [legacy.id, orgS]);
    const ls = await login(t.app, legacy.email);
    const res = await as(t.app, ls)({ method: 'POST', url: '/api/v1/admin/users', payload: newStaff(south, orgS) });
    expect(res.statusCode, res.body).toBe(403);
    const members = await as(t.app, ls)({ method: 'POST', url: `/api/v1/admin/users/${u.southStaff!.id}/memberships`, payload: { organisationId: orgS, role: 'org_admin' } });
    expect(members.statusCode, members.body).toBe(403);
    expect(await membershipsOf(u.southStaff!.id)).toEqual([{ organisation_id: orgS, role: 'teacher' }]);
  });

  it('creates users in their own region and organisation, audited on the new user\'s chain', async () => {
    const res = await as(t.app, s.orgAdmin!)({ method: 'POST', url: '/api/v1/admin/users', payload: newStaff(north, orgA) });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().regionId).toBe(north);
    const [ev] = await t.db.query<{ actor_user_id: string }>(`SELECT actor_user_id FROM audit_events WHERE chain_key = $1 AND kind = 'admin.user_created'`, [`user:${res.json().id}`]);
    expect(ev?.actor_user_id).toBe(u.orgAdmin!.id);
  });
});

describe('an organisation admin adds roles only to their own people', () => {
  const add = (userId: string, organisationId: string, role = 'org_admin') =>
    as(t.app, s.orgAdmin!)({ method: 'POST', url: `/api/v1/admin/users/${userId}/memberships`, payload: { organisationId, role } });

  it('never touches a platform admin, even one who works in their organisation; the platform admin stays logged in', async () => {
    const before = await membershipsOf(u.platform!.id);
    const res = await add(u.platform!.id, orgA, 'teacher');
    expect(res.statusCode, res.body).toBe(403);
    expect(res.json().error.code).toBe('forbidden');
    expect(await membershipsOf(u.platform!.id)).toEqual(before);
    expect((await as(t.app, s.platform!)({ method: 'GET', url: '/api/v1/me' })).statusCode).toBe(200);
    const denied = await deniedEvents(`user:${u.platform!.id}`);
    expect(denied.map((e) => [e.actor_user_id, e.outcome, e.details.attempted])).toContainEqual([u.orgAdmin!.id, 'denied', 'admin.membership_added']);
  });

  it('cannot give a role to staff of another organisation of the region', async () => {
    const res = await add(u.otherOrg!.id, orgA);
    expect(res.statusCode, res.body).toBe(403);
    expect(await membershipsOf(u.otherOrg!.id)).toEqual([{ organisation_id: orgB, role: 'teacher' }]);
    expect(await deniedEvents(`user:${u.otherOrg!.id}`)).toHaveLength(1);
  });

  it('cannot give a role to staff of another region', async () => {
    const res = await add(u.southStaff!.id, orgA);
    expect(res.statusCode, res.body).toBe(403);
    expect(await membershipsOf(u.southStaff!.id)).toEqual([{ organisation_id: orgS, role: 'teacher' }]);
  });

  it('cannot claim staff who belong to no organisation yet, nor parents', async () => {
    expect((await add(u.loose!.id, orgA)).statusCode).toBe(403);
    expect(await membershipsOf(u.loose!.id)).toEqual([]);
    expect((await add(u.parent!.id, orgA)).statusCode).toBe(403);
  });

  it('cannot give a role in an organisation they do not administer', async () => {
    expect((await add(u.colleague!.id, orgB)).statusCode).toBe(403);
    expect((await add(u.colleague!.id, orgS)).statusCode).toBe(403);
    expect(await membershipsOf(u.colleague!.id)).toEqual([{ organisation_id: orgA, role: 'teacher' }]);
  });

  it('an unknown user id is the same 403, so ids cannot be probed', async () => {
    const res = await add('00000000-0000-4000-8000-000000000000', orgA);
    expect(res.statusCode).toBe(403);
  });

  it('gives a role to a member of their own organisation: audited on the target\'s chain, sessions end', async () => {
    const target = await makeUser(t.db, { regionId: north, memberships: [{ organisationId: orgA, role: 'teacher' }] });
    const ts = await login(t.app, target.email);
    const res = await add(target.id, orgA, 'zorgcoordinator');
    expect(res.statusCode, res.body).toBe(200);
    expect((await as(t.app, ts)({ method: 'GET', url: '/api/v1/me' })).statusCode).toBe(401);
    const [ev] = await t.db.query<{ actor_user_id: string; details: Record<string, unknown> }>(
      `SELECT actor_user_id, details FROM audit_events WHERE chain_key = $1 AND kind = 'admin.membership_added'`, [`user:${target.id}`]);
    expect(ev).toMatchObject({ actor_user_id: u.orgAdmin!.id, details: { organisationId: orgA, role: 'zorgcoordinator' } });
  });

  it('lists only the members of their own organisations, also when asking for another region', async () => {
    const res = await as(t.app, s.orgAdmin!)({ method: 'GET', url: '/api/v1/admin/users?limit=500' });
    expect(res.statusCode).toBe(200);
    const ids = res.json().map((x: { id: string }) => x.id);
    expect(ids).toContain(u.colleague!.id);
    for (const other of [u.otherOrg!, u.southStaff!, u.loose!, u.parent!]) expect(ids).not.toContain(other.id);
    const southList = await as(t.app, s.orgAdmin!)({ method: 'GET', url: `/api/v1/admin/users?regionId=${south}` });
    expect(southList.json()).toEqual([]);
  });
});

describe('a membership stays inside the user\'s region (also for platform admins)', () => {
  it('refuses a role in another region\'s organisation: 422 naming organisationId', async () => {
    const res = await as(t.app, s.platform!)({ method: 'POST', url: `/api/v1/admin/users/${u.loose!.id}/memberships`, payload: { organisationId: orgS, role: 'teacher' } });
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().error.code).toBe('unprocessable');
    expect(res.json().error.fields).toHaveProperty('organisationId');
    expect(await membershipsOf(u.loose!.id)).toEqual([]);
  });

  it('refuses a new user with a membership in another region: 422 naming memberships', async () => {
    const body = newStaff(north, orgS);
    const res = await as(t.app, s.platform!)({ method: 'POST', url: '/api/v1/admin/users', payload: body });
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().error.fields).toHaveProperty('memberships');
    expect(await t.db.query(`SELECT 1 FROM users WHERE email = $1`, [body.email])).toHaveLength(0);
  });

  it('refuses an area whose parent lies in another region: 422 naming parentId', async () => {
    const parent = await as(t.app, s.platform!)({ method: 'POST', url: `/api/v1/admin/regions/${north}/areas`, payload: { kind: 'gemeente', name: 'Noorddorp' } });
    expect(parent.statusCode).toBe(201);
    const res = await as(t.app, s.platform!)({ method: 'POST', url: `/api/v1/admin/regions/${south}/areas`, payload: { kind: 'wijk', name: 'Zuidwijk', parentId: parent.json().id } });
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().error.fields).toHaveProperty('parentId');
  });

  it('keeps the audit chains valid', async () => {
    expect(await verifyAudit(t.db)).toMatchObject({ ok: true });
  });
});

describe('the login lockout holds against a parallel burst', () => {
  it('18 parallel logins (17 wrong, the right one last): at most 5 are checked, the right one gets no session', async () => {
    const victim = await makeUser(t.db, { regionId: north });
    const attempts = [...Array.from({ length: 17 }, (_, i) => `wrong-guess-${i}`), PASSWORD];
    const answers = await Promise.all(attempts.map((password) =>
      t.app.inject({ method: 'POST', url: '/api/v1/session', payload: { email: victim.email, password } })));
    const right = answers[answers.length - 1]!;
    expect(right.statusCode, right.body).toBe(429);
    expect(right.cookies.find((c) => c.name === 'rondom_session')).toBeUndefined();
    const checked = answers.filter((a) => a.statusCode === 401);
    expect(checked.length).toBeLessThanOrEqual(MAX_FAILURES);
    expect(answers.filter((a) => a.statusCode === 429)).toHaveLength(attempts.length - checked.length);
    const failed = await t.db.query(`SELECT 1 FROM audit_events WHERE chain_key = $1 AND kind = 'auth.login_failed'`, [`user:${victim.id}`]);
    expect(failed.length).toBeLessThanOrEqual(MAX_FAILURES);
    expect(await t.db.query(`SELECT 1 FROM sessions WHERE user_id = $1`, [victim.id])).toHaveLength(0);
  });

  it('a parallel burst against an unknown address is locked the same way', async () => {
    const answers = await Promise.all(Array.from({ length: 18 }, (_, i) =>
      t.app.inject({ method: 'POST', url: '/api/v1/session', payload: { email: 'ghost-burst@test.example', password: `guess-${i}` } })));
    expect(answers.filter((a) => a.statusCode === 401).length).toBeLessThanOrEqual(MAX_FAILURES);
    expect(answers.filter((a) => a.statusCode === 429).length).toBeGreaterThanOrEqual(18 - MAX_FAILURES);
  });
});
