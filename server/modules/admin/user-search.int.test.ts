/** The admin's user search (issue 18): by name or e-mail, organisation, role and active, one page at a time. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, login, makeOrg, makeRegion, makeUser, type Session, type TestApp } from '../../../test/helpers.ts';

let t: TestApp;
let north: string;
let south: string;
let orgA: string;
let orgB: string;
const s: Record<string, Session | null> = {};
const u: Record<string, { id: string; email: string }> = {};

type Page = { items: { id: string; displayName: string; email: string; active: boolean }[]; total: number; offset: number; limit: number };
const search = async (who: string, qs: string): Promise<Page> => {
  const r = await as(t.app, s[who]!)({ method: 'GET', url: `/api/v1/admin/users/search?${qs}` });
  expect(r.statusCode, r.body).toBe(200);
  return r.json();
};
const names = (p: Page) => p.items.map((i) => i.displayName);

beforeAll(async () => {
  t = await createTestApp();
  north = await makeRegion(t.db);
  south = await makeRegion(t.db);
  orgA = await makeOrg(t.db, north, 'wijkteam', 'Wijkteam Noord');
  orgB = await makeOrg(t.db, north, 'school', 'School Noord');
  const orgS = await makeOrg(t.db, south, 'school', 'School Zuid');
  u.admin = await makeUser(t.db, { regionId: north, isPlatformAdmin: true, name: 'Platform Beheer' });
  u.orgAdmin = await makeUser(t.db, { regionId: north, name: 'Beheer Wijkteam', memberships: [{ organisationId: orgA, role: 'org_admin' }] });
  u.pro = await makeUser(t.db, { regionId: north, name: 'Piet Pro', memberships: [{ organisationId: orgA, role: 'youth_care_professional' }] });
  u.parent = await makeUser(t.db, { regionId: north, kind: 'parent', name: 'Ouder Zoekmans' });
  u.zora = await makeUser(t.db, { regionId: north, name: 'Zora Zoekmans', email: 'zora.z@wijkteam-noord.example', memberships: [{ organisationId: orgA, role: 'youth_care_professional' }] });
  u.zeno = await makeUser(t.db, { regionId: north, name: 'Zeno Zoekmans', memberships: [{ organisationId: orgA, role: 'teacher' }] });
  u.zara = await makeUser(t.db, { regionId: north, name: 'Zara Zoekmans', memberships: [{ organisationId: orgB, role: 'teacher' }] });
  u.zoe = await makeUser(t.db, { regionId: south, name: 'Zoë Zoekmans', memberships: [{ organisationId: orgS, role: 'teacher' }] });
  for (let i = 0; i < 23; i++) {
    await makeUser(t.db, { regionId: north, name: `Pagina ${String(i).padStart(2, '0')}`, memberships: [{ organisationId: orgA, role: 'teacher' }] });
  }
  await t.db.query(`UPDATE users SET active = false WHERE id = $1`, [u.zeno.id]);
  s.anonymous = null;
  for (const k of ['admin', 'orgAdmin', 'pro', 'parent']) s[k] = await login(t.app, u[k]!.email);
}, 120_000);
afterAll(async () => t?.close());

describe('admin user search', () => {
  it('finds by part of the name or the e-mail address, in any case; a region narrows it', async () => {
    // (Sorted here: where 'ë' sorts depends on the database's collation; the order is tested below.)
    expect(names(await search('admin', 'q=ZOEKMANS')).sort()).toEqual(['Ouder Zoekmans', 'Zara Zoekmans', 'Zeno Zoekmans', 'Zora Zoekmans', 'Zoë Zoekmans']);
    expect(names(await search('admin', `q=zoekmans&regionId=${north}`))).not.toContain('Zoë Zoekmans');
    expect(names(await search('admin', 'q=wijkteam-noord'))).toEqual(['Zora Zoekmans']);
    expect((await search('admin', 'q=%25')).total).toBe(0);
  });

  it('filters by organisation, by role in that organisation, and by active', async () => {
    expect(names(await search('admin', `organisationId=${orgA}&q=zoekmans`))).toEqual(['Zeno Zoekmans', 'Zora Zoekmans']);
    expect(names(await search('admin', `organisationId=${orgA}&role=teacher&q=zoekmans`))).toEqual(['Zeno Zoekmans']);
    expect(names(await search('admin', `organisationId=${orgB}&role=youth_care_professional`))).toEqual([]);
    expect(names(await search('admin', 'role=org_admin'))).toEqual(['Beheer Wijkteam']);
    expect(names(await search('admin', 'active=false&q=zoekmans'))).toEqual(['Zeno Zoekmans']);
    expect(names(await search('admin', 'active=true&q=zoekmans'))).not.toContain('Zeno Zoekmans');
  });

  it('pages in name order with the total of all matches', async () => {
    const pages: string[] = [];
    for (let offset = 0; offset < 30; offset += 10) {
      const p = await search('admin', `q=pagina&limit=10&offset=${offset}`);
      expect(p).toMatchObject({ total: 23, limit: 10, offset });
      pages.push(...names(p));
    }
    expect(pages).toEqual(Array.from({ length: 23 }, (_, i) => `Pagina ${String(i).padStart(2, '0')}`));
    expect((await search('admin', 'q=pagina')).items).toHaveLength(23); // default page of 25
  });

  it("an org admin finds only the people of the organisations they administer, never another region's", async () => {
    expect(names(await search('orgAdmin', 'q=zoekmans'))).toEqual(['Zeno Zoekmans', 'Zora Zoekmans']);
    expect((await search('orgAdmin', `organisationId=${orgB}`)).total).toBe(0);
    expect((await search('orgAdmin', `regionId=${south}`)).total).toBe(0);
    expect((await search('orgAdmin', 'q=zoë')).total).toBe(0);
  });

  it('refuses bad values with the field named, and those who administer nobody', async () => {
    for (const [qs, field] of [['role=boss', 'role'], ['limit=101', 'limit'], ['limit=0', 'limit'], ['active=maybe', 'active'], ['organisationId=abc', 'organisationId'], ['q=', 'q'], [`q=${'x'.repeat(101)}`, 'q'], ['sort=name', 'sort']] as const) {
      const r = await as(t.app, s.admin!)({ method: 'GET', url: `/api/v1/admin/users/search?${qs}` });
      expect(r.statusCode, qs).toBe(400);
      expect(Object.keys(r.json().error.fields), qs).toContain(field);
    }
    expect((await as(t.app, null)({ method: 'GET', url: '/api/v1/admin/users/search?q=zo' })).statusCode).toBe(401);
    expect((await as(t.app, s.pro!)({ method: 'GET', url: '/api/v1/admin/users/search?q=zo' })).statusCode).toBe(403);
    expect((await as(t.app, s.parent!)({ method: 'GET', url: '/api/v1/admin/users/search?q=zo' })).statusCode).toBe(403);
  });
});
