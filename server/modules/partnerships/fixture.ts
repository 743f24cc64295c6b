/** Test fixture for the partnerships scenarios: one region, partner organisations, users of every kind and a partnership. */
import { expect } from 'vitest';
import { as, createTestApp, login, makeOrg, makeRegion, makeUser, type Session, type TestApp } from '../../../test/helpers.ts';

export interface Fixture {
  t: TestApp;
  regionId: string;
  org: Record<'gem' | 'swv' | 'school' | 'wijk' | 'outside', string>;
  user: Record<string, { id: string; email: string }>;
  s: Record<string, Session | null>;
  partnershipId: string;
  partner: Record<'gem' | 'swv' | 'school', string>;
}

export async function setup(): Promise<Fixture> {
  const t = await createTestApp();
  const regionId = await makeRegion(t.db);
  const org = {
    gem: await makeOrg(t.db, regionId, 'municipality', 'Gemeente Test'),
    swv: await makeOrg(t.db, regionId, 'swv', 'SWV Test'),
    school: await makeOrg(t.db, regionId, 'school', 'School Test'),
    wijk: await makeOrg(t.db, regionId, 'wijkteam', 'Wijkteam Test'),
    outside: await makeOrg(t.db, regionId, 'municipality', 'Gemeente Elders'),
  };
  const user = {
    admin: await makeUser(t.db, { regionId, isPlatformAdmin: true }),
    beleid: await makeUser(t.db, { regionId, name: 'Bea Beleid', memberships: [{ organisationId: org.gem, role: 'policy_maker' }] }),
    swv: await makeUser(t.db, { regionId, name: 'Sam SWV', memberships: [{ organisationId: org.swv, role: 'swv_coordinator' }] }),
    teacher: await makeUser(t.db, { regionId, name: 'Tim Teacher', memberships: [{ organisationId: org.school, role: 'teacher' }] }),
    teacher2: await makeUser(t.db, { regionId, name: 'Tara Teacher', memberships: [{ organisationId: org.school, role: 'teacher' }] }),
    teacher3: await makeUser(t.db, { regionId, name: 'Teun Teacher', memberships: [{ organisationId: org.school, role: 'teacher' }] }),
    outsider: await makeUser(t.db, { regionId, memberships: [{ organisationId: org.outside, role: 'policy_maker' }] }),
    wijkPro: await makeUser(t.db, { regionId, memberships: [{ organisationId: org.wijk, role: 'youth_care_professional' }] }),
    parent: await makeUser(t.db, { regionId, kind: 'parent' }),
    parent2: await makeUser(t.db, { regionId, kind: 'parent' }),
    yp: await makeUser(t.db, { regionId, kind: 'young_person' }),
  };
  const s: Record<string, Session | null> = { anonymous: null };
  for (const [k, u] of Object.entries(user)) s[k] = await login(t.app, u.email);
  const res = await as(t.app, s.admin!)({
    method: 'POST', url: '/api/v1/partnerships',
    payload: { regionId, name: 'Samen Testdorp', scope: 'gemeente', organisationIds: [org.gem, org.swv, org.school] },
  });
  expect(res.statusCode, res.body).toBe(201);
  const partnershipId = res.json().id as string;
  const map = await as(t.app, s.beleid!)({ method: 'GET', url: `/api/v1/partnerships/${partnershipId}/map` });
  const byOrg = new Map((map.json().partners as { id: string; organisationId: string }[]).map((p) => [p.organisationId, p.id]));
  return { t, regionId, org, user, s, partnershipId, partner: { gem: byOrg.get(org.gem)!, swv: byOrg.get(org.swv)!, school: byOrg.get(org.school)! } };
}

/** Calls as a named session. */
export function call(f: Fixture, who: string) {
  return as(f.t.app, f.s[who] ?? null);
}
