/**
 * Property-based tests (fast-check): random young people, families, networks, consents,
 * legal bases and break-the-glass grants, checked against an independent reading of the
 * rules in DOMAIN.md:
 *  - consent by age: under 12 every parent with gezag, 12–15 those parents AND the young
 *    person, 16+ the young person alone; withdrawn or out-of-date consent counts for nothing;
 *  - a professional reaches a young person's data only while involved (or with a live
 *    break-the-glass grant), with a basis, in the same region, in a case role; policy roles never.
 * 10,000 cases go through the pure rule function; a sample also through the real database
 * (resolveAccess) and the real API (GET …/plan).
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, login, makeOrg, makeRegion, makeUser, type TestApp } from '../helpers.ts';
import { consentCoverage, type ConsentRow } from '../../server/modules/consents/consent-rules.ts';
import { resolveAccess, CASE_ROLES } from '../../server/core/access.ts';
import { childPolicy } from '../../server/modules/children/children.policy.ts';
import { loadMemberships, type Actor, type Role } from '../../server/core/session.ts';
import { plusDays, today } from '../../shared/dates.ts';

const PURE_RUNS = 10_000;
const DB_RUNS = 250;
const API_EVERY = 8; // every 8th database case also goes through the HTTP API
const counts = { pure: 0, db: 0, api: 0 };

const TODAY = today();
/** Independent age in whole years (no shared helper): */
function years(birth: string, on: string): number {
  const [by, bm, bd] = birth.split('-').map(Number) as [number, number, number];
  const [oy, om, od] = on.split('-').map(Number) as [number, number, number];
  return oy - by - (om < bm || (om === bm && od < bd) ? 1 : 0);
}

interface GenConsent { who: number; toOrg: boolean; purpose: 'share_in_network' | 'integrated_meeting'; from: number; until: number | null; withdrawn: boolean }
/** who: 0..1 = guardian index, 2 = the young person (own account), 3 = young person recorded without account. */
const consentArb = fc.record({
  who: fc.integer({ min: 0, max: 3 }),
  toOrg: fc.boolean(),
  purpose: fc.constantFrom('share_in_network' as const, 'share_in_network' as const, 'integrated_meeting' as const),
  from: fc.integer({ min: -400, max: 30 }),
  until: fc.option(fc.integer({ min: -30, max: 400 }), { nil: null }),
  withdrawn: fc.boolean(),
});

const caseArb = fc.record({
  ageDays: fc.integer({ min: -200, max: 27 * 366 }),
  nearBirthday: fc.option(fc.constantFrom(12, 16, 18), { nil: null }),
  guardians: fc.integer({ min: 0, max: 2 }),
  ypHasAccount: fc.boolean(),
  consents: fc.array(consentArb, { maxLength: 5 }),
});

function birthDateOf(c: { ageDays: number; nearBirthday: number | null }): string {
  if (c.nearBirthday !== null) {
    // A birthday today, yesterday or tomorrow: the band boundaries.
    const y = Number(TODAY.slice(0, 4)) - c.nearBirthday;
    return plusDays(`${y}${TODAY.slice(4)}`.replace(/-02-29$/, '-02-28'), (c.ageDays % 3) - 1);
  }
  return plusDays(TODAY, -c.ageDays);
}

function toRows(c: { consents: GenConsent[] }, guardianIds: string[], ypUserId: string | null, org: string, role: string): ConsentRow[] {
  return c.consents
    .filter((g) => g.who >= 2 || g.who < guardianIds.length)
    .map((g) => ({
      consenterUserId: g.who < 2 ? guardianIds[g.who]! : g.who === 2 ? ypUserId : null,
      relation: g.who < 2 ? 'parent' as const : 'young_person' as const,
      recipientOrganisationId: g.toOrg ? org : null, recipientRole: g.toOrg ? null : role, purpose: g.purpose,
      validFrom: plusDays(TODAY, g.from), validUntil: g.until === null ? null : plusDays(TODAY, g.until), withdrawn: g.withdrawn,
    }));
}

/** The rule as DOMAIN.md states it, written independently of consent-rules.ts. */
function oracleCovered(birth: string, guardianIds: string[], ypUserId: string | null, rows: ConsentRow[], org: string, role: string): boolean {
  if (birth > TODAY) return guardianIds.length > 0 && guardianIds.every((g) => rows.some((r) => ok(r) && r.relation === 'parent' && r.consenterUserId === g));
  const age = years(birth, TODAY);
  function ok(r: ConsentRow) {
    return r.purpose === 'share_in_network' && !r.withdrawn && r.validFrom <= TODAY && (r.validUntil === null || r.validUntil >= TODAY) &&
      (r.recipientOrganisationId === org || r.recipientRole === role);
  }
  const parents = guardianIds.length > 0 && guardianIds.every((g) => rows.some((r) => ok(r) && r.relation === 'parent' && r.consenterUserId === g));
  const self = rows.some((r) => ok(r) && r.relation === 'young_person' && (r.consenterUserId === null || r.consenterUserId === ypUserId));
  if (age < 12) return parents;
  if (age < 16) return parents && self;
  return self;
}

describe('consent by age: the pure rule against DOMAIN.md', () => {
  it(`agrees on ${PURE_RUNS} generated families and consents`, () => {
    const guardianIds = ['11111111-1111-4111-8111-111111111111', '22222222-2222-4222-8222-222222222222'];
    const yp = '33333333-3333-4333-8333-333333333333';
    const org = '44444444-4444-4444-8444-444444444444';
    fc.assert(fc.property(caseArb, (c) => {
      counts.pure++;
      const birth = birthDateOf(c);
      const g = guardianIds.slice(0, c.guardians);
      const ypUser = c.ypHasAccount ? yp : null;
      const rows = toRows(c, g, ypUser, org, 'youth_care_professional');
      const got = consentCoverage({ birthDate: birth, guardianIds: g, youngPersonUserId: ypUser, consents: rows, recipient: { organisationId: org, role: 'youth_care_professional' }, on: TODAY }).covered;
      expect(got).toBe(oracleCovered(birth, g, ypUser, rows, org, 'youth_care_professional'));
    }), { numRuns: PURE_RUNS, seed: Number(process.env.TRUST_SEED ?? Date.now() % 2 ** 31) });
  });
});

describe('professional access through the real database and API', () => {
  let t: TestApp;
  let regionId: string;
  let otherRegion: string;
  let recorder: string;
  beforeAll(async () => {
    t = await createTestApp();
    regionId = await makeRegion(t.db);
    otherRegion = await makeRegion(t.db);
    recorder = (await makeUser(t.db, { regionId, name: 'Rita Recorder' })).id;
  });
  afterAll(async () => {
    console.log(`[trust] access properties (${t.db.kind}): ${counts.pure} pure cases + ${counts.db} database cases (${counts.api} also via the API) = ${counts.pure + counts.db} generated cases`);
    await t.close();
  });

  const worldArb = fc.record({
    family: caseArb,
    role: fc.constantFrom<Role>('youth_care_professional', 'jgz_professional', 'intern_begeleider', 'policy_maker', 'municipality_coordinator', 'leerplicht_officer'),
    involvement: fc.constantFrom('active', 'active', 'ended', 'future', 'none'),
    network: fc.constantFrom('active', 'active', 'closed', 'none'),
    legal: fc.constantFrom('none', 'none', 'none', 'confirmed', 'pending', 'rejected', 'expired', 'provisional', 'provisional_ended'),
    glass: fc.constantFrom('none', 'none', 'none', 'live', 'expired', 'unjustified'),
    otherRegion: fc.integer({ min: 0, max: 9 }).map((n) => n < 3),
  });

  it(`never lets a professional read a young person outside the rules (${DB_RUNS} generated networks)`, async () => {
    let n = 0;
    await fc.assert(fc.asyncProperty(worldArb, async (w) => {
      counts.db++;
      const proRegion = w.otherRegion ? otherRegion : regionId;
      const org = await makeOrg(t.db, proRegion, w.role === 'intern_begeleider' ? 'school' : 'wijkteam');
      const pro = await makeUser(t.db, { regionId: proRegion, memberships: [{ organisationId: org, role: w.role }] });
      const guardians: string[] = [];
      for (let i = 0; i < w.family.guardians; i++) guardians.push((await makeUser(t.db, { regionId, kind: 'parent' })).id);
      const ypUser = w.family.ypHasAccount ? (await makeUser(t.db, { regionId, kind: 'young_person' })).id : null;
      const birth = birthDateOf(w.family);
      const [yp] = await t.db.query<{ id: string }>(
        `INSERT INTO young_people (region_id, given_name, family_name, birth_date, user_id) VALUES ($1, 'Prop', 'Test', $2, $3) RETURNING id`, [regionId, birth, ypUser]);
      const ypId = yp!.id;
      for (const g of guardians) await t.db.query(`INSERT INTO guardianships (young_person_id, parent_user_id, region_id) VALUES ($1,$2,$3)`, [ypId, g, regionId]);
      const rows = toRows(w.family, guardians, ypUser, org, w.role);
      for (const r of rows) {
        await t.db.query(
          `INSERT INTO consents (region_id, young_person_id, purpose, recipient_organisation_id, recipient_role, consenter_user_id, consenter_relation, method, recorded_by, valid_from, valid_until, withdrawn_at)
           VALUES ($1,$2,$3,$4,$5,$6,$7,'written',$8,$9,$10,$11)`,
          [regionId, ypId, r.purpose, r.recipientOrganisationId, r.recipientRole, r.consenterUserId, r.relation, recorder, r.validFrom, r.validUntil, r.withdrawn ? new Date() : null]);
      }
      if (w.network !== 'none') {
        const [net] = await t.db.query<{ id: string }>(`INSERT INTO networks (region_id, young_person_id, status) VALUES ($1,$2,$3) RETURNING id`, [regionId, ypId, w.network]);
        if (w.involvement !== 'none') {
          const [starts, ends] = w.involvement === 'active' ? [plusDays(TODAY, -10), null] : w.involvement === 'ended' ? [plusDays(TODAY, -30), plusDays(TODAY, -1)] : [plusDays(TODAY, 5), null];
          await t.db.query(`INSERT INTO involvements (region_id, network_id, young_person_id, user_id, organisation_id, role, starts_on, ends_on) VALUES ($1,$2,$3,$4,$5,$6,$7,$8)`,
            [regionId, net!.id, ypId, pro.id, org, w.role, starts, ends]);
        }
      }
      if (w.legal !== 'none') {
        // Meldcode acted on before review: open until provisional_until, unless reviewed.
        const provisional = w.legal === 'provisional' ? new Date(Date.now() + 3600_000) : w.legal === 'provisional_ended' ? new Date(Date.now() - 3600_000) : null;
        await t.db.query(`INSERT INTO legal_bases (region_id, young_person_id, kind, organisation_id, justification, recorded_by, reviewer_user_id, review_outcome, valid_until, provisional_until)
          VALUES ($1,$2,$7,$3,'Wettelijke taak',$4,$4,$5,$6,$8)`,
          [regionId, ypId, org, recorder, w.legal === 'confirmed' ? 'confirmed' : w.legal === 'rejected' ? 'rejected' : w.legal === 'expired' ? 'confirmed' : null,
            w.legal === 'expired' ? plusDays(TODAY, -1) : null, provisional ? 'meldcode' : 'legal_task', provisional]);
      }
      if (w.glass !== 'none') {
        // 'unjustified': the review ended the grant before it expired.
        await t.db.query(`INSERT INTO break_glass_grants (region_id, young_person_id, user_id, organisation_id, reason, expires_at, review_outcome, ended_at) VALUES ($1,$2,$3,$4,'Acuut gevaar',$5,$6,$7)`,
          [regionId, ypId, pro.id, org, w.glass === 'expired' ? new Date(Date.now() - 3600_000) : new Date(Date.now() + 3600_000),
            w.glass === 'unjustified' ? 'unjustified' : null, w.glass === 'unjustified' ? new Date() : null]);
      }
      // The rules, stated independently:
      const caseRole = CASE_ROLES.includes(w.role);
      const involved = w.network === 'active' && w.involvement === 'active';
      // A legal basis counts once confirmed by its reviewer, or while a Meldcode may be acted on before review; pending opens nothing.
      const basis = w.legal === 'confirmed' || w.legal === 'provisional' || oracleCovered(birth, guardians, ypUser, rows, org, w.role);
      const mayRead = !w.otherRegion && caseRole && ((involved && basis) || w.glass === 'live');
      const actor: Actor = {
        userId: pro.id, regionId: proRegion, kind: 'staff', email: pro.email, displayName: 'Prop', isPlatformAdmin: false,
        memberships: await loadMemberships(t.db, pro.id), sessionTokenHash: '', csrfToken: '',
      };
      const access = await resolveAccess(t.db, actor, ypId);
      const reads = Boolean(access && childPolicy.readPlan(access));
      expect(reads, JSON.stringify({ w, birth, access })).toBe(mayRead);
      // Without involvement or live grant a professional never even sees the identity (except a school's own pupil, not generated here).
      if (!w.otherRegion && !involved && w.glass !== 'live') expect(access?.level).toBe('none');
      if (n++ % API_EVERY === 0) {
        counts.api++;
        const s = await login(t.app, pro.email);
        const res = await as(t.app, s)({ method: 'GET', url: `/api/v1/children/${ypId}/plan` });
        expect(res.statusCode, res.body).toBe(mayRead ? 200 : 404);
      }
    }), { numRuns: DB_RUNS, seed: Number(process.env.TRUST_SEED ?? Date.now() % 2 ** 31) });
  }, 180_000);
});
