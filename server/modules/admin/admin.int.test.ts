import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, login, makeOrg, makeRegion, makeUser, type Session, type TestApp } from '../../../test/helpers.ts';

let t: TestApp;
let regionId: string;
let orgA: string;
let orgB: string;
const s: Record<string, Session | null> = {};

beforeAll(async () => {
  t = await createTestApp();
  regionId = await makeRegion(t.db);
  orgA = await makeOrg(t.db, regionId, 'wijkteam');
  orgB = await makeOrg(t.db, regionId, 'school');
  const admin = await makeUser(t.db, { regionId, isPlatformAdmin: true });
  const orgAdmin = await makeUser(t.db, { regionId, memberships: [{ organisationId: orgA, role: 'org_admin' }] });
  const pro = await makeUser(t.db, { regionId, memberships: [{ organisationId: orgA, role: 'youth_care_professional' }] });
  const parent = await makeUser(t.db, { regionId, kind: 'parent' });
  s.anonymous = null;
  s.admin = await login(t.app, admin.email);
  s.orgAdmin = await login(t.app, orgAdmin.email);
  s.pro = await login(t.app, pro.email);
  s.parent = await login(t.app, parent.email);
});
afterAll(async () => t.close());

const staff = (orgId: string, email: string) => ({
  regionId, kind: 'staff', email, displayName: 'Nieuwe Collega', password: 'Een-lang-wachtwoord-7',
  memberships: [{ organisationId: orgId, role: 'youth_care_professional' }],
});

// Every admin endpoint × caller → expected status.
const cases: { name: string; req: () => { method: 'GET' | 'POST'; url: string; payload?: unknown }; expect: Record<string, number> }[] = [
  { name: 'list regions', req: () => ({ method: 'GET', url: '/api/v1/admin/regions' }), expect: { anonymous: 401, parent: 403, pro: 403, orgAdmin: 403, admin: 200 } },
  { name: 'create region', req: () => ({ method: 'POST', url: '/api/v1/admin/regions', payload: { slug: `r${Math.floor(Math.random() * 1e9)}`, name: 'R' } }), expect: { anonymous: 401, parent: 403, pro: 403, orgAdmin: 403, admin: 201 } },
  { name: 'create area', req: () => ({ method: 'POST', url: `/api/v1/admin/regions/${regionId}/areas`, payload: { kind: 'wijk', name: `Wijk ${Math.random()}` } }), expect: { anonymous: 401, parent: 403, pro: 403, orgAdmin: 403, admin: 201 } },
  { name: 'list organisations', req: () => ({ method: 'GET', url: '/api/v1/admin/organisations' }), expect: { anonymous: 401, parent: 403, pro: 403, orgAdmin: 200, admin: 200 } },
  { name: 'create organisation', req: () => ({ method: 'POST', url: '/api/v1/admin/organisations', payload: { regionId, type: 'jgz', name: `JGZ ${Math.random()}` } }), expect: { anonymous: 401, parent: 403, pro: 403, orgAdmin: 403, admin: 201 } },
  { name: 'list users', req: () => ({ method: 'GET', url: '/api/v1/admin/users' }), expect: { anonymous: 401, parent: 403, pro: 403, orgAdmin: 200, admin: 200 } },
  { name: 'organisation directory', req: () => ({ method: 'GET', url: '/api/v1/organisations' }), expect: { anonymous: 401, parent: 403, pro: 200, orgAdmin: 200, admin: 200 } },
  { name: 'create staff in own org', req: () => ({ method: 'POST', url: '/api/v1/admin/users', payload: staff(orgA, `n${Math.random()}@test.example`) }), expect: { anonymous: 401, parent: 403, pro: 403, orgAdmin: 201, admin: 201 } },
  { name: 'create staff in another org', req: () => ({ method: 'POST', url: '/api/v1/admin/users', payload: staff(orgB, `m${Math.random()}@test.example`) }), expect: { anonymous: 401, parent: 403, pro: 403, orgAdmin: 403, admin: 201 } },
];

describe("a region's settings: the disagreement period", () => {
  it('only the platform admin changes it, within 1 to 90 days; it is audited; bad input changes nothing', async () => {
    const url = `/api/v1/admin/regions/${regionId}`;
    for (const who of ['orgAdmin', 'pro', 'parent']) {
      expect((await as(t.app, s[who]!)({ method: 'PATCH', url, payload: { disagreementDays: 5 } })).statusCode, who).toBe(403);
    }
    for (const payload of [{ disagreementDays: 0 }, { disagreementDays: 91 }, { disagreementDays: 2.5 }, {}, { disagreementDays: 7, slug: 'x' }]) {
      expect((await as(t.app, s.admin!)({ method: 'PATCH', url, payload })).statusCode, JSON.stringify(payload)).toBe(400);
    }
    const days = async () => (await t.db.query<{ d: number }>(`SELECT disagreement_days AS d FROM regions WHERE id = $1`, [regionId]))[0]!.d;
    expect(await days()).toBe(14);
    const ok = await as(t.app, s.admin!)({ method: 'PATCH', url, payload: { disagreementDays: 21 } });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ id: regionId, disagreementDays: 21 });
    expect(await days()).toBe(21);
    const listed = (await as(t.app, s.admin!)({ method: 'GET', url: '/api/v1/admin/regions' })).json() as { id: string; disagreementDays: number }[];
    expect(listed.find((r) => r.id === regionId)!.disagreementDays).toBe(21);
    const [ev] = await t.db.query<{ details: { disagreementDays: { from: number; to: number } } }>(
      `SELECT details FROM audit_events WHERE kind = 'admin.region_updated' AND subject_id = $1`, [regionId]);
    expect(ev!.details.disagreementDays).toEqual({ from: 14, to: 21 });
    expect((await as(t.app, s.admin!)({ method: 'PATCH', url: '/api/v1/admin/regions/0d0d0d0d-0000-4000-8000-000000000000', payload: { disagreementDays: 7 } })).statusCode).toBe(404);
  });
});

describe('admin endpoints: not logged in, forbidden and allowed', () => {
  for (const c of cases) {
    for (const [who, status] of Object.entries(c.expect)) {
      it(`${c.name} as ${who} → ${status}`, async () => {
        const res = await as(t.app, s[who]!)(c.req() as never);
        expect(res.statusCode, res.body).toBe(status);
        if (status >= 400) expect(res.json().error.code).toBe(status === 401 ? 'unauthenticated' : 'forbidden');
      });
    }
  }

  it('an org admin sees only the organisations they administer', async () => {
    const res = await as(t.app, s.orgAdmin!)({ method: 'GET', url: '/api/v1/admin/organisations' });
    expect(res.json().map((o: { id: string }) => o.id)).toEqual([orgA]);
  });

  it('an org admin cannot create a platform admin or a parent', async () => {
    const pa = await as(t.app, s.orgAdmin!)({ method: 'POST', url: '/api/v1/admin/users', payload: { ...staff(orgA, 'pa@test.example'), isPlatformAdmin: true } });
    expect(pa.statusCode).toBe(403);
    const parent = await as(t.app, s.orgAdmin!)({ method: 'POST', url: '/api/v1/admin/users', payload: { regionId, kind: 'parent', email: 'p@test.example', displayName: 'P', password: 'Een-lang-wachtwoord-7' } });
    expect(parent.statusCode).toBe(403);
  });

  it('adding a membership ends the user\'s sessions (rights change, new session)', async () => {
    const u = await makeUser(t.db, { regionId });
    const us = await login(t.app, u.email);
    const res = await as(t.app, s.admin!)({ method: 'POST', url: `/api/v1/admin/users/${u.id}/memberships`, payload: { organisationId: orgB, role: 'teacher' } });
    expect(res.statusCode).toBe(200);
    expect(res.json().memberships).toEqual([{ organisationId: orgB, role: 'teacher' }]);
    expect((await as(t.app, us)({ method: 'GET', url: '/api/v1/me' })).statusCode).toBe(401);
    const denied = await as(t.app, s.orgAdmin!)({ method: 'POST', url: `/api/v1/admin/users/${u.id}/memberships`, payload: { organisationId: orgB, role: 'teacher' } });
    expect(denied.statusCode).toBe(403);
  });

  it('a duplicate e-mail address is a 409 with a clear code', async () => {
    const body = staff(orgA, 'dup@test.example');
    expect((await as(t.app, s.admin!)({ method: 'POST', url: '/api/v1/admin/users', payload: body })).statusCode).toBe(201);
    const again = await as(t.app, s.admin!)({ method: 'POST', url: '/api/v1/admin/users', payload: { ...body, email: 'DUP@test.example' } });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('already_exists');
  });
});
