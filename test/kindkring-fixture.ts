/**
 * A small region for Kindkring scenarios: a school, two wijkteams, JGZ, a municipality;
 * an intern begeleider, wijkteam professionals (one "outside"), a JGZ nurse, a policy
 * maker, a privacy officer, a platform admin; two parents with gezag; children of 8 and 15 and 16 (the
 * 16-year-old has an account of their own).
 */
import type { FastifyInstance } from 'fastify';
import type { Db } from '../server/core/db.ts';
import { plusDays, today } from '../shared/dates.ts';
import { as, login, makeOrg, makeRegion, makeUser, type Session } from './helpers.ts';

export interface Fixture {
  regionId: string;
  org: { school: string; wijkteam: string; wijkteam2: string; jgz: string; gemeente: string };
  user: Record<'ib' | 'wijk' | 'outsider' | 'jgz' | 'policy' | 'fg' | 'admin' | 'mum' | 'dad' | 'otherParent' | 'teen', { id: string; email: string }>;
  child: { c8: string; c15: string; c16: string };
  s: Record<string, Session>;
}

/** A date of birth that makes the child `years` old today (plus some days). */
export function bornYearsAgo(years: number, extraDays = 30): string {
  const t = today();
  const y = Number(t.slice(0, 4)) - years;
  return plusDays(`${y}${t.slice(4)}`.replace(/-02-29$/, '-02-28'), -extraDays);
}

export async function insertChild(db: Db, regionId: string, c: { given: string; family: string; birthDate: string; schoolId?: string; guardians?: string[]; userId?: string; bsn?: string }): Promise<string> {
  const [row] = await db.query<{ id: string }>(
    `INSERT INTO young_people (region_id, given_name, family_name, birth_date, school_id, user_id, bsn) VALUES ($1,$2,$3,$4,$5,$6,$7) RETURNING id`,
    [regionId, c.given, c.family, c.birthDate, c.schoolId ?? null, c.userId ?? null, c.bsn ?? null]);
  for (const g of c.guardians ?? []) {
    await db.query(`INSERT INTO guardianships (young_person_id, parent_user_id, region_id) VALUES ($1,$2,$3)`, [row!.id, g, regionId]);
  }
  return row!.id;
}

export async function buildFixture(app: FastifyInstance, db: Db): Promise<Fixture> {
  const regionId = await makeRegion(db);
  const org = {
    school: await makeOrg(db, regionId, 'school', 'OBS Testkring'),
    wijkteam: await makeOrg(db, regionId, 'wijkteam', 'Wijkteam Noord'),
    wijkteam2: await makeOrg(db, regionId, 'wijkteam', 'Wijkteam Zuid'),
    jgz: await makeOrg(db, regionId, 'jgz', 'JGZ Test'),
    gemeente: await makeOrg(db, regionId, 'municipality', 'Gemeente Test'),
  };
  const user = {
    ib: await makeUser(db, { regionId, name: 'Iris IB', memberships: [{ organisationId: org.school, role: 'intern_begeleider' }] }),
    wijk: await makeUser(db, { regionId, name: 'Wim Wijk', memberships: [{ organisationId: org.wijkteam, role: 'youth_care_professional' }] }),
    outsider: await makeUser(db, { regionId, name: 'Otto Outside', memberships: [{ organisationId: org.wijkteam2, role: 'youth_care_professional' }] }),
    jgz: await makeUser(db, { regionId, name: 'Jet JGZ', memberships: [{ organisationId: org.jgz, role: 'jgz_professional' }] }),
    policy: await makeUser(db, { regionId, name: 'Pim Policy', memberships: [{ organisationId: org.gemeente, role: 'policy_maker' }] }),
    // The municipality's privacy officer; no other organisation has one, so she covers them all (the region's fallback).
    fg: await makeUser(db, { regionId, name: 'Fenna FG', memberships: [{ organisationId: org.gemeente, role: 'privacy_officer' }] }),
    admin: await makeUser(db, { regionId, name: 'Ada Admin', isPlatformAdmin: true }),
    mum: await makeUser(db, { regionId, kind: 'parent', name: 'Mia Moeder' }),
    dad: await makeUser(db, { regionId, kind: 'parent', name: 'Vince Vader' }),
    otherParent: await makeUser(db, { regionId, kind: 'parent', name: 'Olga Other' }),
    teen: await makeUser(db, { regionId, kind: 'young_person', name: 'Tess Teen' }),
  };
  const child = {
    c8: await insertChild(db, regionId, { given: 'Kees', family: 'Kringloop', birthDate: bornYearsAgo(8), schoolId: org.school, guardians: [user.mum.id, user.dad.id], bsn: '123456782' }),
    c15: await insertChild(db, regionId, { given: 'Fleur', family: 'Kringloop', birthDate: bornYearsAgo(15), guardians: [user.mum.id, user.dad.id] }),
    c16: await insertChild(db, regionId, { given: 'Tess', family: 'Teen', birthDate: bornYearsAgo(16), guardians: [user.mum.id], userId: user.teen.id }),
  };
  const s: Record<string, Session> = {};
  for (const [k, u] of Object.entries(user)) s[k] = await login(app, u.email);
  return { regionId, org, user, child, s };
}

/**
 * The usual start: the intern begeleider opens a question about the 8-year-old pupil,
 * records both parents' consent for the school and the wijkteam, and invites the
 * wijkteam professional, who is then made lead.
 */
export async function startNetwork(app: FastifyInstance, f: Fixture): Promise<void> {
  const ib = as(app, f.s.ib!);
  const q = await ib({ method: 'POST', url: `/api/v1/children/${f.child.c8}/questions`, payload: { text: 'Kees is vaak moe en stil in de klas.', ownWords: false, lifeDomains: ['school', 'home'], raisedBy: 'professional' } });
  if (q.statusCode !== 201) throw new Error(`question: ${q.statusCode} ${q.body}`);
  for (const parent of [f.user.mum.id, f.user.dad.id]) {
    for (const orgId of [f.org.school, f.org.wijkteam]) {
      const r = await ib({ method: 'POST', url: `/api/v1/children/${f.child.c8}/consents`, payload: { purpose: 'share_in_network', recipientOrganisationId: orgId, consenterUserId: parent, method: 'verbal' } });
      if (r.statusCode !== 201) throw new Error(`consent: ${r.statusCode} ${r.body}`);
    }
  }
  // Consent recorded on someone's behalf waits for them: both parents confirm it in Rondom.
  for (const parent of ['mum', 'dad']) await confirmPending(app, f.s[parent]!, f.child.c8);
  const inv = await ib({ method: 'POST', url: `/api/v1/children/${f.child.c8}/network/involvements`, payload: { userId: f.user.wijk.id, organisationId: f.org.wijkteam } });
  if (inv.statusCode !== 201) throw new Error(`invite: ${inv.statusCode} ${inv.body}`);
  const net = await ib({ method: 'GET', url: `/api/v1/children/${f.child.c8}/network` });
  const lead = await ib({ method: 'POST', url: `/api/v1/children/${f.child.c8}/network/lead`, headers: { 'if-match': `"${net.json().version}"` }, payload: { userId: f.user.wijk.id, reason: 'Wijkteam neemt de regie over.' } });
  if (lead.statusCode !== 200) throw new Error(`lead: ${lead.statusCode} ${lead.body}`);
}

/** The logged-in person confirms every consent recorded on their behalf that waits for them. */
export async function confirmPending(app: FastifyInstance, session: Session, childId: string): Promise<number> {
  const me = as(app, session);
  const list = await me({ method: 'GET', url: `/api/v1/children/${childId}/consents` });
  if (list.statusCode !== 200) throw new Error(`consents: ${list.statusCode} ${list.body}`);
  let n = 0;
  for (const c of (list.json() as { consents: { id: string; canConfirm: boolean }[] }).consents) {
    if (!c.canConfirm) continue;
    const r = await me({ method: 'POST', url: `/api/v1/children/${childId}/consents/${c.id}/confirm`, payload: { decision: 'confirm' } });
    if (r.statusCode !== 200) throw new Error(`confirm: ${r.statusCode} ${r.body}`);
    n++;
  }
  return n;
}
