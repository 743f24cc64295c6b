/**
 * Property test for issue 15: random sequences of registrations, questions, join requests and their
 * decisions, consents (own and on someone's behalf), confirmations, withdrawals, legal bases and
 * their reviews, and break-the-glass grants and their reviews — each by a random actor, legitimate
 * or not. After every step, for every professional:
 *
 *   a professional reads network-level data only as an accepted member with a valid basis,
 *   or under a live grant that has not been judged unjustified.
 *
 * The model below knows who was let in and what was confirmed from the rules alone (not from the
 * server's answers): who may decide a join request (lead; else the family; else the coordinator),
 * who may confirm a consent (the person; without an account the lead), who reviews a legal basis
 * (a privacy officer, not the recorder), who may break the glass (the region's roles) and that an
 * unjustified review ends and blocks. Steps that only create something (a request, a pending
 * consent, an unreviewed basis) are applied when the server accepts them: creating opens nothing.
 * Steps that open access must be accepted by the server exactly when the model says they are legitimate.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, login, makeUser, type TestApp } from '../helpers.ts';
import { bornYearsAgo, buildFixture, insertChild, type Fixture } from '../kindkring-fixture.ts';
import { resolveAccess, resolveAccessMany } from '../../server/core/access.ts';
import { AppError } from '../../server/core/errors.ts';
import { actorForUser, type Actor } from '../../server/core/session.ts';
import { createChildrenService } from '../../server/modules/children/children.service.ts';
import { createNetworksService } from '../../server/modules/networks/networks.service.ts';
import { createJoinRequestsService } from '../../server/modules/networks/join-requests.ts';
import { createConsentsService } from '../../server/modules/consents/consents.service.ts';
import { createPrivacyService } from '../../server/modules/privacy/privacy.service.ts';

const RUNS = Number(process.env.INSIDER_RUNS ?? 300);
const STEPS = 12;
const MIN_CASES = 10_000;
const API_EVERY = 40;
let cases = 0;
let apiCases = 0;

let t: TestApp;
let f: Fixture;
const actors = new Map<string, Actor>();
type Services = {
  children: ReturnType<typeof createChildrenService>; networks: ReturnType<typeof createNetworksService>;
  joins: ReturnType<typeof createJoinRequestsService>; consents: ReturnType<typeof createConsentsService>; privacy: ReturnType<typeof createPrivacyService>;
};
let svc: Services;

async function actorOf(userId: string): Promise<Actor> {
  let a = actors.get(userId);
  if (!a) actors.set(userId, (a = await actorForUser(t.db, userId)));
  return a;
}

/** 'ok' or the HTTP status of the refusal. Anything but an AppError is a failure of the test. */
async function attempt(fn: () => Promise<unknown>): Promise<'ok' | number> {
  try { await fn(); return 'ok'; } catch (e) { if (e instanceof AppError) return e.status; throw e; }
}

const stepArb = fc.oneof(
  fc.record({ op: fc.constant('register' as const), p: fc.nat(3) }),
  fc.record({ op: fc.constant('question' as const), p: fc.nat(3) }),
  fc.record({ op: fc.constant('decide' as const), who: fc.nat(9), req: fc.nat(5), accept: fc.boolean() }),
  fc.record({ op: fc.constant('consentOwn' as const), who: fc.nat(2), p: fc.nat(3) }),
  fc.record({ op: fc.constant('consentOnBehalf' as const), by: fc.nat(3), who: fc.nat(2), p: fc.nat(3) }),
  fc.record({ op: fc.constant('confirm' as const), who: fc.nat(9), c: fc.nat(9), confirm: fc.boolean() }),
  fc.record({ op: fc.constant('withdraw' as const), who: fc.nat(9), c: fc.nat(9) }),
  fc.record({ op: fc.constant('legal' as const), p: fc.nat(3), kind: fc.constantFrom('legal_task' as const, 'meldcode' as const, 'vital_interest' as const) }),
  fc.record({ op: fc.constant('reviewLegal' as const), who: fc.nat(9), l: fc.nat(3), confirm: fc.boolean() }),
  fc.record({ op: fc.constant('glass' as const), p: fc.nat(3) }),
  fc.record({ op: fc.constant('reviewGlass' as const), who: fc.nat(9), g: fc.nat(3), justified: fc.boolean() }),
  fc.record({ op: fc.constant('lift' as const), who: fc.nat(9), g: fc.nat(3) }),
);
const worldArb = fc.record({ age: fc.constantFrom(8, 14, 16), guardians: fc.nat(2), ypAccount: fc.boolean(), steps: fc.array(stepArb, { minLength: STEPS, maxLength: STEPS }) });

beforeAll(async () => {
  t = await createTestApp();
  f = await buildFixture(t.app, t.db);
  await makeUser(t.db, { regionId: f.regionId, name: 'Cas Coordinator', email: `coord-${f.regionId.slice(0, 6)}@test.example`, memberships: [{ organisationId: f.org.gemeente, role: 'municipality_coordinator' }] });
  svc = {
    children: createChildrenService(t.db), networks: createNetworksService(t.db), joins: createJoinRequestsService(t.db),
    consents: createConsentsService(t.db), privacy: createPrivacyService(t.db),
  };
}, 120_000);
afterAll(async () => {
  console.log(`[trust] insider properties (${t?.db.kind}): ${cases} generated cases (${apiCases} also via the API) over ${RUNS} random sequences`);
  await t?.close();
});

describe('insider property', () => {
  it(`a professional reads network data only as an accepted member with a valid basis, or under a live, not-unjustified grant (≥ ${MIN_CASES} cases)`, async () => {
    const [coord] = await t.db.query<{ id: string }>(`SELECT u.id FROM users u JOIN memberships m ON m.user_id = u.id WHERE m.role = 'municipality_coordinator' AND u.region_id = $1`, [f.regionId]);
    // Professionals: the child's school (may start the first network of its pupil), two wijkteams, JGZ.
    const pros = [f.user.ib.id, f.user.wijk.id, f.user.outsider.id, f.user.jgz.id];
    const proOrg: Record<string, string> = { [f.user.ib.id]: f.org.school, [f.user.wijk.id]: f.org.wijkteam, [f.user.outsider.id]: f.org.wijkteam2, [f.user.jgz.id]: f.org.jgz };
    const mayBreakGlass = (p: string) => p !== f.user.ib.id; // youth care and JGZ are listed; the school is not
    const po = f.user.fg.id;
    let seq = 0;
    const actorsFor = (userId: string): Actor => {
      const a = actors.get(userId);
      if (!a) throw new Error('actor not loaded');
      return a;
    };
    for (const id of [...pros, f.user.mum.id, f.user.dad.id, coord!.id, po, f.user.policy.id]) await actorOf(id);
    /** The consent rows the last give() wrote (compared with the model's list). */
    async function newConsents(childId: string, known: { id: string }[], relation: 'parent' | 'young_person', org: string) {
      const rows = await t.db.query<{ id: string; consenter_user_id: string | null; status: string; recorded_by: string }>(
        `SELECT id, consenter_user_id, status, recorded_by FROM consents WHERE young_person_id = $1 AND recipient_organisation_id = $2 AND consenter_relation = $3`, [childId, org, relation]);
      return rows.filter((r) => !known.some((k) => k.id === r.id)).map((r) => ({
        id: r.id, consenter: r.consenter_user_id, relation, org, confirmed: r.status === 'confirmed', open: true, declined: false, recordedBy: r.recorded_by,
      }));
    }

    await fc.assert(fc.asyncProperty(worldArb, async (w) => {
      seq++;
      // Each sequence is another day for the per-day limit on join requests (JOIN_REQUESTS_PER_DAY).
      // Shifted in UTC: timestamptz - interval is STABLE (the session's time zone), which Citus refuses in an UPDATE's SET.
      await t.db.query(`UPDATE join_requests SET created_at = timezone('UTC', timezone('UTC', created_at) - interval '2 days')
                         WHERE region_id = $1 AND created_at > now() - interval '1 day'`, [f.regionId]);
      const guardians = [f.user.mum.id, f.user.dad.id].slice(0, w.guardians);
      const yp = w.ypAccount ? (await makeUser(t.db, { regionId: f.regionId, kind: 'young_person', name: `Jongere ${seq}` })).id : null;
      if (yp) await actorOf(yp);
      // Both names unique per sequence, so no registration is a (near) match of another sequence's child.
      const given = `Kind${seq}`;
      const familyName = `Prop${seq}`;
      const childId = await insertChild(t.db, f.regionId, { given, family: familyName, birthDate: bornYearsAgo(w.age), schoolId: f.org.school, guardians, userId: yp ?? undefined });
      const [birth] = await t.db.query<{ birth_date: string }>(`SELECT birth_date::text FROM young_people WHERE id = $1`, [childId]);
      const everyone = [...pros, ...guardians, ...(yp ? [yp] : []), coord!.id, po, f.user.policy.id];
      const family = [...guardians, ...(yp ? [yp] : [])];

      // ---- the model ----
      const members = new Set<string>();
      let lead: string | null = null;
      let network = false;
      const requests: { id: string; p: string; open: boolean }[] = [];
      type C = { id: string; consenter: string | null; relation: 'parent' | 'young_person'; org: string; confirmed: boolean; open: boolean; declined: boolean; recordedBy: string };
      const consents: C[] = [];
      const bases: { id: string; org: string; recorder: string; kind: string; state: 'unreviewed' | 'confirmed' | 'rejected' }[] = [];
      const grants: { id: string; p: string; reviewed: boolean; unjustified: boolean; lifted: boolean }[] = [];
      const blocked = (p: string) => grants.some((g) => g.p === p && g.unjustified && !g.lifted);
      const familyDeciders = () => (w.age >= 16 ? (yp ? [yp] : []) : w.age >= 12 ? [...guardians, ...(yp ? [yp] : [])] : guardians);
      const decidersNow = () => (lead ? [lead] : familyDeciders().length ? familyDeciders() : [coord!.id]);
      const covered = (org: string) => {
        const ok = (c: C) => c.org === org && c.confirmed && c.open;
        const parents = guardians.length > 0 && guardians.every((g) => consents.some((c) => ok(c) && c.relation === 'parent' && c.consenter === g));
        const self = consents.some((c) => ok(c) && c.relation === 'young_person');
        return w.age < 12 ? parents : w.age < 16 ? parents && self : self;
      };
      const legalOpen = (org: string) => bases.some((b) => b.org === org && (b.state === 'confirmed' || (b.state === 'unreviewed' && b.kind !== 'legal_task')));
      const mayRead = (p: string) => (members.has(p) && (covered(proOrg[p]!) || legalOpen(proOrg[p]!))) || grants.some((g) => g.p === p && !g.unjustified);

      const check = async (step: unknown) => {
        for (const p of pros) {
          cases++;
          const a = await resolveAccess(t.db, await actorOf(p), childId);
          const reads = a?.level === 'network';
          // Lists decide with the batch statement (resolveAccessMany): it must say what the single one says.
          expect((await resolveAccessMany(t.db, await actorOf(p), [childId])).get(childId)?.level ?? 'none', 'batch decision').toBe(a?.level ?? 'none');
          expect(reads, JSON.stringify({ p: Object.keys(proOrg).indexOf(p), step, members: [...members].map((m) => pros.indexOf(m)), lead: lead && pros.indexOf(lead), consents, bases, grants, age: w.age })).toBe(mayRead(p));
        }
        if (cases % API_EVERY < pros.length) {
          apiCases++;
          const p = pros[cases % pros.length]!;
          const s = await login(t.app, (await actorOf(p)).email);
          const res = await as(t.app, s)({ method: 'GET', url: `/api/v1/children/${childId}/network` });
          expect(res.statusCode).toBe(mayRead(p) ? 200 : 404);
        }
      };

      // The lead reviews from inside the network: only while they read it themselves.
      const mayReadAsLead = (who: string) => mayRead(who);
      const question = { text: 'Wij maken ons zorgen over hoe het gaat.', ownWords: false, lifeDomains: ['home' as const], raisedBy: 'professional' as const };
      for (const step of w.steps) {
        switch (step.op) {
          case 'register':
          case 'question': {
            const p = pros[step.p]!;
            const direct = members.has(p) || (!network && p === f.user.ib.id);
            const r = step.op === 'register'
              ? await svc.children.register(await actorOf(p), { givenName: given, familyName, birthDate: birth!.birth_date, question })
              : await svc.networks.openQuestion(await actorOf(p), childId, question);
            expect(r.status, `${step.op} by ${pros.indexOf(p)}`).toBe(direct ? (step.op === 'register' ? 'registered' : 'opened') : 'join_requested');
            if (direct) {
              if (!network) { network = true; lead = p; }
              members.add(p);
            } else {
              const [req] = await t.db.query<{ id: string }>(`SELECT id FROM join_requests WHERE young_person_id = $1 AND requester_user_id = $2 AND status = 'pending'`, [childId, p]);
              if (!requests.some((x) => x.id === req!.id)) requests.push({ id: req!.id, p, open: true });
            }
            break;
          }
          case 'decide': {
            const req = requests[step.req % Math.max(1, requests.length)];
            if (!req) break;
            const who = everyone[step.who % everyone.length]!;
            const legit = req.open && decidersNow().includes(who) && who !== req.p;
            const got = await attempt(() => svc.joins.decide(actorsFor(who), req.id, { outcome: step.accept ? 'accepted' : 'refused' }));
            expect(got === 'ok', `decide by ${who === coord!.id ? 'coordinator' : everyone.indexOf(who)} (legit ${legit})`).toBe(legit);
            if (got === 'ok') {
              req.open = false;
              if (step.accept) {
                if (!network) { network = true; lead = req.p; }
                members.add(req.p);
                // Accepting also withdrew nothing; the same professional's other open request is gone with it.
              }
            }
            break;
          }
          case 'consentOwn': {
            const who = family[step.who % Math.max(1, family.length)];
            if (!who) break;
            const org = proOrg[pros[step.p]!]!;
            const r = await attempt(() => svc.consents.give(actorsFor(who), childId, { purpose: 'share_in_network', recipientOrganisationId: org }));
            if (r === 'ok') consents.push(...await newConsents(childId, consents, who === yp ? 'young_person' : 'parent', org));
            break;
          }
          case 'consentOnBehalf': {
            const by = pros[step.by]!;
            const who = [...guardians, 'yp'][step.who % (guardians.length + 1)]!;
            const org = proOrg[pros[step.p]!]!;
            const body = who === 'yp'
              ? { purpose: 'share_in_network' as const, recipientOrganisationId: org, consenterRelation: 'young_person' as const, method: 'verbal' as const }
              : { purpose: 'share_in_network' as const, recipientOrganisationId: org, consenterUserId: who, method: 'verbal' as const };
            const r = await attempt(() => svc.consents.give(actorsFor(by), childId, body));
            if (r === 'ok') {
              const added = await newConsents(childId, consents, who === 'yp' ? 'young_person' : 'parent', org);
              for (const c of added) {
                // Only the lead's own record for a young person without an account stands at once.
                expect(c.confirmed, 'a consent recorded on behalf stands only when the lead records it for someone without an account').toBe(c.consenter === null && by === lead);
              }
              consents.push(...added);
            }
            break;
          }
          case 'confirm': {
            const c = consents[step.c % Math.max(1, consents.length)];
            if (!c) break;
            const who = everyone[step.who % everyone.length]!;
            const pending = !c.confirmed && c.open && !c.declined;
            const legit = pending && (c.consenter !== null ? who === c.consenter : who === lead && who !== c.recordedBy);
            const r = await attempt(() => svc.consents.confirm(actorsFor(who), childId, c.id, step.confirm ? 'confirm' : 'decline'));
            expect(r === 'ok', `confirm by ${everyone.indexOf(who)} (legit ${legit})`).toBe(legit);
            if (r === 'ok') { if (step.confirm) c.confirmed = true; else c.declined = true; }
            break;
          }
          case 'withdraw': {
            const c = consents[step.c % Math.max(1, consents.length)];
            if (!c) break;
            const who = everyone[step.who % everyone.length]!;
            const r = await attempt(() => svc.consents.withdraw(actorsFor(who), childId, c.id));
            if (r === 'ok') c.open = false;
            break;
          }
          case 'legal': {
            const p = pros[step.p]!;
            const r = await attempt(() => svc.consents.recordLegalBasis(actorsFor(p), childId, { kind: step.kind, organisationId: proOrg[p]!, justification: 'Er is een wettelijke taak of acute zorg om te delen.' }));
            if (r === 'ok') {
              const [row] = await t.db.query<{ id: string }>(`SELECT id FROM legal_bases WHERE young_person_id = $1 ORDER BY recorded_at DESC, id LIMIT 1`, [childId]);
              bases.push({ id: row!.id, org: proOrg[p]!, recorder: p, kind: step.kind, state: 'unreviewed' });
            }
            break;
          }
          case 'reviewLegal': {
            const b = bases[step.l % Math.max(1, bases.length)];
            if (!b) break;
            const who = everyone[step.who % everyone.length]!;
            const legit = b.state === 'unreviewed' && who === po && who !== b.recorder;
            const r = await attempt(() => svc.consents.reviewLegalBasis(actorsFor(who), b.id, { outcome: step.confirm ? 'confirmed' : 'rejected', note: 'Beoordeeld.' }));
            expect(r === 'ok', `legal review by ${everyone.indexOf(who)} (legit ${legit})`).toBe(legit);
            if (r === 'ok') b.state = step.confirm ? 'confirmed' : 'rejected';
            break;
          }
          case 'glass': {
            const p = pros[step.p]!;
            const legit = mayBreakGlass(p) && !blocked(p);
            const r = await attempt(() => svc.consents.breakGlass(actorsFor(p), { givenName: given, familyName, birthDate: birth!.birth_date, emergency: 'acute_safety', reason: 'Acute zorg: wij moeten nu weten wie betrokken is.' }));
            expect(r === 'ok', `break-the-glass by ${pros.indexOf(p)} (legit ${legit})`).toBe(legit);
            if (r === 'ok') {
              const [row] = await t.db.query<{ id: string }>(`SELECT id FROM break_glass_grants WHERE young_person_id = $1 AND user_id = $2 ORDER BY started_at DESC, id DESC LIMIT 1`, [childId, p]);
              grants.push({ id: row!.id, p, reviewed: false, unjustified: false, lifted: false });
            }
            break;
          }
          case 'reviewGlass': {
            const g = grants[step.g % Math.max(1, grants.length)];
            if (!g) break;
            const who = everyone[step.who % everyone.length]!;
            const asLead = who === lead && who !== g.p && mayReadAsLead(who);
            const asOfficer = who === po;
            const legit = !g.reviewed && (asLead || asOfficer);
            const outcome = step.justified ? 'justified' as const : 'unjustified' as const;
            const r = await attempt(() => (asOfficer
              ? svc.privacy.reviewBreakGlass(actorsFor(who), g.id, { outcome })
              : svc.consents.reviewBreakGlass(actorsFor(who), childId, g.id, outcome)));
            expect(r === 'ok', `glass review by ${everyone.indexOf(who)} (legit ${legit})`).toBe(legit);
            if (r === 'ok') { g.reviewed = true; g.unjustified = !step.justified; }
            break;
          }
          case 'lift': {
            const g = grants[step.g % Math.max(1, grants.length)];
            if (!g) break;
            const who = everyone[step.who % everyone.length]!;
            const legit = g.unjustified && !g.lifted && who === po;
            const r = await attempt(() => svc.privacy.liftBlock(actorsFor(who), g.id, 'Opgeheven na gesprek.'));
            expect(r === 'ok', `lift by ${everyone.indexOf(who)} (legit ${legit})`).toBe(legit);
            if (r === 'ok') g.lifted = true;
            break;
          }
          default:
            break;
        }
        await check(step);
      }
    }), { numRuns: RUNS, seed: Number(process.env.TRUST_SEED ?? Date.now() % 2 ** 31), endOnFailure: true });
    if (RUNS >= 300) expect(cases).toBeGreaterThanOrEqual(MIN_CASES);
  }, 1_800_000);
});
