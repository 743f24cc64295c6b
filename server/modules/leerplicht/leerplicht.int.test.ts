import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { as, createTestApp, login, makeOrg, makeRegion, makeUser, type Session, type TestApp } from '../../../test/helpers.ts';
import { bornYearsAgo, buildFixture, insertChild, type Fixture } from '../../../test/kindkring-fixture.ts';
import { runDailyJobs } from '../../jobs/daily.ts';
import { URGENCY } from './leerplicht.service.ts';
import { verifyAudit } from '../../core/audit-verify.ts';
import { plusDays, today } from '../../../shared/dates.ts';

let t: TestApp;
let f: Fixture;
let swvA: string;
let swvB: string;
let s: Record<string, Session>;
const api = (who: string) => as(t.app, s[who]!);
const kids: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  f = await buildFixture(t.app, t.db);
  swvA = await makeOrg(t.db, f.regionId, 'swv', 'SWV PO Test');
  swvB = await makeOrg(t.db, f.regionId, 'swv', 'SWV VO Test');
  const leerplichtOrg = await makeOrg(t.db, f.regionId, 'leerplicht', 'Leerplicht Test');
  await t.db.query(`UPDATE organisations SET swv_id = $2, school_type = 'po' WHERE id = $1`, [f.org.school, swvA]);
  const users = {
    lpa: await makeUser(t.db, { regionId: f.regionId, name: 'Lars LPA', memberships: [{ organisationId: leerplichtOrg, role: 'leerplicht_officer' }] }),
    lpa2: await makeUser(t.db, { regionId: f.regionId, name: 'Lina LPA', memberships: [{ organisationId: leerplichtOrg, role: 'leerplicht_officer' }] }),
    swv: await makeUser(t.db, { regionId: f.regionId, name: 'Sophie SWV', memberships: [{ organisationId: swvA, role: 'swv_coordinator' }] }),
    swvOther: await makeUser(t.db, { regionId: f.regionId, name: 'Victor VO', memberships: [{ organisationId: swvB, role: 'swv_coordinator' }] }),
    dzm: await makeUser(t.db, { regionId: f.regionId, name: 'Gerda Gemeente', memberships: [{ organisationId: f.org.gemeente, role: 'municipality_coordinator' }] }),
  };
  s = { ...f.s };
  for (const [k, u] of Object.entries(users)) s[k] = await login(t.app, u.email);
  for (const [k, age] of Object.entries({ red: 9, warn: 10, fresh: 11, full: 8, exempt: 7, ended: 12, toddler: 3 })) {
    kids[k] = await insertChild(t.db, f.regionId, { given: `Kind${k}`, family: 'Thuis', birthDate: bornYearsAgo(age), schoolId: f.org.school, guardians: [f.user.mum.id] });
  }
});
afterAll(async () => t.close());

const register = (who: string, youngPersonId: string, daysAgo: number, kind = 'long_term_relative') =>
  api(who)({ method: 'POST', url: '/api/v1/leerplicht/absences', payload: { youngPersonId, kind, startedOn: plusDays(today(), -daysAgo), reasonCategory: 'no_suitable_place' } });

describe('absence register and clock', () => {
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    for (const [k, d] of Object.entries({ red: 100, warn: 30, fresh: 10, full: 60, ended: 200 })) {
      const r = await register('lpa', kids[k]!, d);
      expect(r.statusCode, r.body).toBe(201);
      ids[k] = r.json().id;
    }
  });

  it('leerplicht officers find young people of compulsory age; others cannot search here', async () => {
    const found = (await api('lpa')({ method: 'GET', url: '/api/v1/leerplicht/young-people?q=thuis' })).json();
    const names = found.items.map((i: { name: string }) => i.name);
    expect(names).toContain('Kindred Thuis');
    expect(names).not.toContain('Kindtoddler Thuis');
    expect((await api('swv')({ method: 'GET', url: '/api/v1/leerplicht/young-people?q=thuis' })).statusCode).toBe(403);
    expect((await api('lpa')({ method: 'GET', url: '/api/v1/leerplicht/young-people?q=t' })).statusCode).toBe(400);
  });

  it('refuses a school that is not a school, or of another region, and an SWV that is not an SWV: 422 with the field, nothing written', async () => {
    const otherRegion = await makeRegion(t.db);
    const foreignSchool = await makeOrg(t.db, otherRegion, 'school');
    const before = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM absences`);
    for (const [payload, fields] of [
      [{ schoolId: f.org.wijkteam }, { schoolId: 'must be a school, not wijkteam' }],
      [{ schoolId: foreignSchool }, { schoolId: 'unknown organisation in this region' }],
      [{ schoolId: f.org.school, swvId: f.org.gemeente }, { swvId: 'must be a swv, not municipality' }],
      [{ swvId: '0c0c0c0c-0000-4000-8000-000000000000' }, { swvId: 'unknown organisation in this region' }],
    ] as const) {
      const r = await api('lpa')({ method: 'POST', url: '/api/v1/leerplicht/absences', payload: { youngPersonId: kids.fresh, kind: 'relative', startedOn: today(), reasonCategory: 'other', ...payload } });
      expect(r.statusCode, r.body).toBe(422);
      expect(r.json().error).toMatchObject({ code: 'invalid_reference', fields });
    }
    expect(await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM absences`)).toEqual(before);
  });

  it('refuses a child who is not of compulsory school age', async () => {
    const r = await register('lpa', kids.toddler!, 10);
    expect(r.statusCode).toBe(422);
  });

  it('counts days without a suitable offer; warnings at 4 weeks, red at 3 months; a full offer stops the clock', async () => {
    const full = await api('lpa')({ method: 'GET', url: `/api/v1/leerplicht/absences/${ids.full}` });
    const upd = await api('lpa')({ method: 'PATCH', url: `/api/v1/leerplicht/absences/${ids.full}`, headers: { 'if-match': `"${full.json().version}"` }, payload: { offerType: 'education', offerExtent: 'full', offerStartedOn: plusDays(today(), -20), offerHoursPerWeek: 20 } });
    expect(upd.json()).toMatchObject({ clock: 'stopped', daysWithoutOffer: 40 });
    const stale = await api('lpa')({ method: 'PATCH', url: `/api/v1/leerplicht/absences/${ids.full}`, headers: { 'if-match': `"${full.json().version}"` }, payload: { outcome: 'other_offer' } });
    expect(stale.statusCode).toBe(409);
    const ended = await api('lpa')({ method: 'GET', url: `/api/v1/leerplicht/absences/${ids.ended}` });
    await api('lpa')({ method: 'PATCH', url: `/api/v1/leerplicht/absences/${ids.ended}`, headers: { 'if-match': `"${ended.json().version}"` }, payload: { endedOn: plusDays(today(), -100), outcome: 'back_at_school' } });
    const wl = (await api('lpa')({ method: 'GET', url: '/api/v1/leerplicht/worklist' })).json();
    const order = wl.items.map((i: { id: string }) => i.id);
    expect(order.slice(0, 3)).toEqual([ids.red, ids.warn, ids.fresh]);
    expect(wl.items[0]).toMatchObject({ clock: 'red', daysWithoutOffer: 100 });
    expect(wl.items[1]).toMatchObject({ clock: 'warning', daysWithoutOffer: 30 });
    expect(wl.items[2]).toMatchObject({ clock: 'ok' });
    expect(order).not.toContain(ids.ended);
  });

  it('pages through the worklist in one order, with counts per clock that agree with each case\'s own clock', async () => {
    for (const closed of ['false', 'true']) {
      const all = (await api('lpa')({ method: 'GET', url: `/api/v1/leerplicht/worklist?limit=500&includeClosed=${closed}` })).json();
      expect(all.total).toBe(all.items.length);
      const paged: string[] = [];
      for (let offset = 0; offset < all.total; offset += 2) {
        const p = (await api('lpa')({ method: 'GET', url: `/api/v1/leerplicht/worklist?limit=2&offset=${offset}&includeClosed=${closed}` })).json();
        expect(p).toMatchObject({ total: all.total, limit: 2, offset });
        paged.push(...p.items.map((i: { id: string }) => i.id));
      }
      expect(paged).toEqual(all.items.map((i: { id: string }) => i.id));
      // The database orders and counts with its own copy of the clock rule; each case's clock comes from clockOf().
      const byClock: Record<string, number> = { red: 0, warning: 0, ok: 0, stopped: 0 };
      for (const i of all.items as { clock: string }[]) byClock[i.clock]! += 1;
      expect(all.counts).toEqual(byClock);
      const keys = (all.items as { clock: string; daysWithoutOffer: number }[]).map((i) => [URGENCY[i.clock]!, -i.daysWithoutOffer]);
      expect(keys).toEqual([...keys].sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]!));
    }
    const closed = (await api('lpa')({ method: 'GET', url: '/api/v1/leerplicht/worklist?includeClosed=true' })).json();
    expect(closed.counts.stopped).toBeGreaterThanOrEqual(2); // the full offer and the ended absence
    expect((await api('lpa')({ method: 'GET', url: '/api/v1/leerplicht/worklist?limit=0' })).statusCode).toBe(400);
    expect((await api('lpa')({ method: 'GET', url: '/api/v1/leerplicht/worklist?limit=501' })).statusCode).toBe(400);
  });

  it('the SWV sees its own cases only; others get 404; youth care and policy roles get nothing', async () => {
    expect((await api('swv')({ method: 'GET', url: `/api/v1/leerplicht/absences/${ids.red}` })).statusCode).toBe(200);
    expect((await api('swvOther')({ method: 'GET', url: `/api/v1/leerplicht/absences/${ids.red}` })).statusCode).toBe(404);
    expect((await api('swvOther')({ method: 'GET', url: '/api/v1/leerplicht/worklist' })).json().items).toEqual([]);
    expect((await api('wijk')({ method: 'GET', url: '/api/v1/leerplicht/worklist' })).statusCode).toBe(403);
    expect((await api('policy')({ method: 'GET', url: `/api/v1/leerplicht/absences/${ids.red}` })).statusCode).toBe(404);
    expect((await api('dzm')({ method: 'GET', url: `/api/v1/leerplicht/absences/${ids.red}` })).statusCode).toBe(404);
  });

  it('a case registered already red starts the ladder at once, not at the next daily run (issue 21.4)', async () => {
    const red = (await api('lpa')({ method: 'GET', url: `/api/v1/leerplicht/absences/${ids.red}` })).json();
    expect(red.escalation).toMatchObject({ rung: 1, rungKey: 'lead_professional', automatic: true });
    const warn = (await api('lpa')({ method: 'GET', url: `/api/v1/leerplicht/absences/${ids.warn}` })).json();
    expect(warn.escalation).toBeNull();
  });

  it('the daily job raises each alert once, does not escalate twice, and running it twice adds nothing', async () => {
    const first = await runDailyJobs(t.db);
    expect(first.leerplichtClock).toMatchObject({ escalations: 0 });
    const count = async () => (await t.db.query<{ a: number; n: number; e: number }>(
      `SELECT (SELECT count(*) FROM absence_alerts)::int AS a, (SELECT count(*) FROM notifications WHERE kind LIKE 'absence.%')::int AS n,
              (SELECT count(*) FROM escalations)::int AS e`))[0]!;
    const after1 = await count();
    expect(after1.a).toBe(3 + 1); // red: warning_1, warning_2, red; warn: warning_1
    const second = await runDailyJobs(t.db);
    expect(second.leerplichtClock).toBe('already done');
    await runDailyJobs(t.db, today(), true);
    expect(await count()).toEqual(after1);
    const red = (await api('lpa')({ method: 'GET', url: `/api/v1/leerplicht/absences/${ids.red}` })).json();
    expect(red.escalation).toMatchObject({ rung: 1, rungKey: 'lead_professional', automatic: true });
  });

  it('a passed deadline escalates automatically to the next rung', async () => {
    await t.db.query(`UPDATE escalations SET deadline = $2 WHERE absence_id = $1`, [ids.red, plusDays(today(), -1)]);
    await runDailyJobs(t.db, plusDays(today(), 1));
    const red = (await api('lpa')({ method: 'GET', url: `/api/v1/leerplicht/absences/${ids.red}` })).json();
    expect(red.escalation).toMatchObject({ rung: 2, rungKey: 'swv_case_consultant', automatic: true });
    const inbox = (await api('swv')({ method: 'GET', url: '/api/v1/notifications' })).json();
    expect(inbox.map((n: { kind: string }) => n.kind)).toContain('absence.escalated');
  });

  it('an alert links to the case for whoever may open it, and never to a case page that would answer 404', async () => {
    type N = { kind: string; childName: string | null; link: { to: string; id: string | null } | null };
    const red = ((await api('lpa')({ method: 'GET', url: '/api/v1/notifications' })).json() as N[]).find((n) => n.kind === 'absence.red');
    expect(red?.link).toEqual({ to: 'absence', id: ids.red, section: null });
    expect((await api('lpa')({ method: 'GET', url: `/api/v1/leerplicht/absences/${red!.link!.id}` })).statusCode).toBe(200);
    const esc = ((await api('swv')({ method: 'GET', url: '/api/v1/notifications' })).json() as N[]).find((n) => n.kind === 'absence.escalated');
    expect(esc?.link).toEqual({ to: 'absence', id: ids.red, section: null });
    // The same alert for readers who may not open the case (a network's lead at the ladder's first rung, a parent,
    // another SWV): no link to it; the parent's goes to their child's page, which they may open.
    for (const who of ['wijk', 'mum', 'swvOther']) {
      const userId = (await api(who)({ method: 'GET', url: '/api/v1/me' })).json().id as string;
      await t.db.query(`INSERT INTO notifications (region_id, user_id, kind, young_person_id, payload) VALUES ($1, $2, 'absence.escalated', $3, $4)`,
        [f.regionId, userId, kids.red, JSON.stringify({ absenceId: ids.red, rung: 'lead_professional' })]);
      const n = ((await api(who)({ method: 'GET', url: '/api/v1/notifications' })).json() as N[]).find((x) => x.kind === 'absence.escalated');
      expect(n?.link?.to, who).not.toBe('absence');
      expect((await api(who)({ method: 'GET', url: `/api/v1/leerplicht/absences/${ids.red}` })).statusCode, who).toBe(404);
      if (who === 'mum') {
        expect(n?.link).toEqual({ to: 'child', id: kids.red, section: null });
        expect((await api(who)({ method: 'GET', url: `/api/v1/children/${kids.red}` })).statusCode).toBe(200);
      }
    }
  });

  it('escalating by hand reaches doorzettingsmacht, whose holder records a binding decision that becomes plan actions', async () => {
    // The SWV's rung has 14 days to act: passing it early needs its own reason (issue 21.4); without one nothing changes.
    const early = await api('lpa')({ method: 'POST', url: `/api/v1/leerplicht/absences/${ids.red}/escalate`, payload: { reason: 'School en jeugdhulp worden het niet eens.' } });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.fields).toHaveProperty('earlyReason');
    expect((await api('lpa')({ method: 'GET', url: `/api/v1/leerplicht/absences/${ids.red}` })).json().escalation).toMatchObject({ rung: 2 });
    const esc = await api('lpa')({ method: 'POST', url: `/api/v1/leerplicht/absences/${ids.red}/escalate`, payload: {
      reason: 'School en jeugdhulp worden het niet eens.', earlyReason: 'Het kind zit al ruim drie maanden thuis; wachten tot de termijn om is schaadt het kind.' } });
    expect(esc.json().escalation).toMatchObject({ rung: 3, rungKey: 'doorzettingsmacht' });
    const [stored] = await t.db.query<{ early_reason: string | null }>(`SELECT early_reason FROM escalations WHERE region_id = $1 AND absence_id = $2 AND rung = 3`, [f.regionId, ids.red]);
    expect(stored!.early_reason).toMatch(/ruim drie maanden/);
    const beyond = await api('lpa')({ method: 'POST', url: `/api/v1/leerplicht/absences/${ids.red}/escalate`, payload: { reason: 'Nog een stap hoger graag.' } });
    expect(beyond.statusCode).toBe(422);
    const wl = (await api('dzm')({ method: 'GET', url: '/api/v1/leerplicht/worklist' })).json();
    expect(wl.items.map((i: { id: string }) => i.id)).toEqual([ids.red]);
    expect(wl.items[0].allowedActions).toContain('decide');
    expect((await api('lpa')({ method: 'POST', url: `/api/v1/leerplicht/absences/${ids.red}/decision`, payload: { place: 'x'.repeat(5), providerOrganisationId: f.org.school, payerOrganisationId: f.org.gemeente, dueOn: today(), reasoning: 'Leerplicht mag dit niet beslissen.' } })).statusCode).toBe(403);
    const unknown = await api('dzm')({ method: 'POST', url: `/api/v1/leerplicht/absences/${ids.red}/decision`, payload: {
      place: 'Plusklas', providerOrganisationId: '0d0d0d0d-0000-4000-8000-000000000000', payerOrganisationId: f.org.gemeente, dueOn: today(), reasoning: 'Een organisatie die niet bestaat kan niet.' } });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().error).toMatchObject({ code: 'invalid_reference', fields: { providerOrganisationId: 'unknown organisation in this region' } });
    const sensitive = await api('dzm')({ method: 'POST', url: `/api/v1/leerplicht/absences/${ids.red}/decision`, payload: {
      place: 'Klas voor kinderen met autisme', providerOrganisationId: f.org.school, payerOrganisationId: f.org.gemeente, dueOn: today(), reasoning: 'De plaats komt in het gedeelde plan.' } });
    expect(sensitive.json().error).toMatchObject({ code: 'sensitive_term', fields: { place: 'contains "autisme"' } });
    const d = await api('dzm')({ method: 'POST', url: `/api/v1/leerplicht/absences/${ids.red}/decision`, payload: {
      place: 'Plusklas op OBS Testkring met begeleiding van het wijkteam', providerOrganisationId: f.org.school, payerOrganisationId: f.org.gemeente,
      dueOn: plusDays(today(), 14), reasoning: 'Na overleg met school, SWV en wijkteam: dit is de passende plek, de gemeente betaalt de begeleiding.',
    } });
    expect(d.statusCode, d.body).toBe(201);
    expect(d.json().decision).toMatchObject({ provider: 'OBS Testkring', payer: 'Gemeente Test' });
    // A second binding decision is refused unless it names the decision it replaces (issue 21.4).
    const second = { place: 'Tijdelijk zorgaanbod bij de jeugdhulpaanbieder', providerOrganisationId: f.org.wijkteam, payerOrganisationId: f.org.gemeente,
      dueOn: plusDays(today(), 21), reasoning: 'De plusklas blijkt vol; een ander aanbod tot er plek is, de gemeente betaalt.' };
    const twice = await api('dzm')({ method: 'POST', url: `/api/v1/leerplicht/absences/${ids.red}/decision`, payload: second });
    expect(twice.statusCode).toBe(409);
    const wrong = await api('dzm')({ method: 'POST', url: `/api/v1/leerplicht/absences/${ids.red}/decision`, payload: { ...second, replacesDecisionId: '0d0d0d0d-0000-4000-8000-000000000000' } });
    expect(wrong.statusCode).toBe(409);
    const replaced = await api('dzm')({ method: 'POST', url: `/api/v1/leerplicht/absences/${ids.red}/decision`, payload: { ...second, replacesDecisionId: d.json().decision.id } });
    expect(replaced.statusCode, replaced.body).toBe(201);
    expect(replaced.json().decision.id).not.toBe(d.json().decision.id);
    const chain = await t.db.query<{ id: string; replaces_decision_id: string | null }>(
      `SELECT id, replaces_decision_id FROM doorzetting_decisions WHERE region_id = $1 AND absence_id = $2 ORDER BY created_at`, [f.regionId, ids.red]);
    expect(chain.map((c) => c.replaces_decision_id)).toEqual([null, d.json().decision.id]);
    const actions = await t.db.query<{ what: string }>(`SELECT what FROM plan_actions WHERE young_person_id = $1`, [kids.red]);
    expect(actions.map((a) => a.what).join(' ')).toContain('Plusklas op OBS Testkring');
    const timeline = await t.db.query<{ kind: string }>(`SELECT kind FROM timeline_entries WHERE young_person_id = $1 ORDER BY id`, [kids.red]);
    expect(timeline.map((x) => x.kind)).toEqual(expect.arrayContaining(['absence.registered', 'absence.escalated', 'absence.decision', 'plan.version_created']));
  });

  it('exempted children are counted separately, never as thuiszitters', async () => {
    const r = await register('lpa', kids.exempt!, 50);
    const before = (await api('lpa')({ method: 'GET', url: '/api/v1/leerplicht/worklist' })).json();
    expect(before.items.map((i: { id: string }) => i.id)).toContain(r.json().id);
    const e = await api('lpa')({ method: 'POST', url: '/api/v1/leerplicht/exemptions', payload: { youngPersonId: kids.exempt, article: '5a', validFrom: plusDays(today(), -5), statementBy: 'Dr. Onafhankelijk', statementRole: 'doctor', statementDate: plusDays(today(), -10) } });
    await api('lpa2')({ method: 'POST', url: `/api/v1/leerplicht/exemptions/${e.json().id}/review`, headers: { 'if-match': '"1"' }, payload: { decision: 'confirm', reason: 'Verklaring onafhankelijke arts; geen onderwijs mogelijk dit jaar.' } });
    const after = (await api('lpa')({ method: 'GET', url: '/api/v1/leerplicht/worklist' })).json();
    expect(after.items.map((i: { id: string }) => i.id)).not.toContain(r.json().id);
    expect(after.exemptedCount).toBe(1);
  });
});

describe('exemptions: 5 onder a with four eyes', () => {
  it('needs an independent statement, waits for a second reviewer, who must give a reason', async () => {
    const base = { youngPersonId: kids.fresh, article: '5a', validFrom: today() };
    const noStatement = await api('lpa')({ method: 'POST', url: '/api/v1/leerplicht/exemptions', payload: base });
    expect(noStatement.statusCode).toBe(400);
    expect(Object.keys(noStatement.json().error.fields)).toEqual(['statementBy', 'statementRole', 'statementDate']);
    const own = await api('lpa')({ method: 'POST', url: '/api/v1/leerplicht/exemptions', payload: { ...base, statementBy: 'Eigen psycholoog', statementRole: 'psychologist', statementDate: today(), statementOwnPractitioner: true } });
    expect(own.statusCode).toBe(422);
    const e = await api('lpa')({ method: 'POST', url: '/api/v1/leerplicht/exemptions', payload: { ...base, statementBy: 'Drs. Pedagoog', statementRole: 'pedagogue', statementDate: today() } });
    expect(e.json()).toMatchObject({ status: 'pending_review', schoolYear: expect.stringMatching(/^\d{4}-\d{4}$/) });
    expect(e.json().validUntil).toMatch(/-07-31$/);
    expect(e.json().allowedActions).toEqual([]);
    const forSwv = (await api('swv')({ method: 'GET', url: '/api/v1/leerplicht/exemptions' })).json();
    expect(forSwv.find((x: { id: string }) => x.id === e.json().id).allowedActions).toEqual(['review']);
    const self = await api('lpa')({ method: 'POST', url: `/api/v1/leerplicht/exemptions/${e.json().id}/review`, headers: { 'if-match': '"1"' }, payload: { decision: 'confirm', reason: 'Ik keur mijn eigen registratie goed.' } });
    expect(self.statusCode).toBe(403);
    const noReason = await api('swv')({ method: 'POST', url: `/api/v1/leerplicht/exemptions/${e.json().id}/review`, headers: { 'if-match': '"1"' }, payload: { decision: 'confirm', reason: 'ok' } });
    expect(noReason.statusCode).toBe(400);
    const rejected = await api('swv')({ method: 'POST', url: `/api/v1/leerplicht/exemptions/${e.json().id}/review`, headers: { 'if-match': '"1"' }, payload: { decision: 'reject', reason: 'Nee, tenzij: deeltijdonderwijs met zorg is mogelijk.' } });
    expect(rejected.json().status).toBe('rejected');
    const again = await api('lpa2')({ method: 'POST', url: `/api/v1/leerplicht/exemptions/${e.json().id}/review`, headers: { 'if-match': '"2"' }, payload: { decision: 'confirm', reason: 'Toch goedkeuren na heroverweging.' } });
    expect(again.statusCode).toBe(409);
  });

  it('sends a renewal reminder in June, before 1 July, once', async () => {
    const year = Number(today().slice(0, 4)) + 1;
    await t.db.query(`UPDATE exemptions SET valid_until = $1 WHERE status = 'confirmed'`, [`${year}-07-31`]);
    const r1 = await runDailyJobs(t.db, `${year}-06-10`);
    expect(r1.exemptionRenewals).toEqual({ reminders: 1 });
    await runDailyJobs(t.db, `${year}-06-11`);
    const [n] = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM notifications WHERE kind = 'exemption.renewal_due'`);
    expect(n!.n).toBe(2); // one per leerplicht officer, not repeated
  });
});

describe('issue 21: the 5-onder-a statement is by an independent person; an exemption is its SWV\'s', () => {
  const involve = async (childId: string, userId: string, organisationId: string, endsOn: string | null) => {
    let [net] = await t.db.query<{ id: string }>(`SELECT id FROM networks WHERE region_id = $1 AND young_person_id = $2 AND status = 'active'`, [f.regionId, childId]);
    if (!net) [net] = await t.db.query<{ id: string }>(`INSERT INTO networks (region_id, young_person_id) VALUES ($1, $2) RETURNING id`, [f.regionId, childId]);
    await t.db.query(`INSERT INTO involvements (region_id, network_id, young_person_id, user_id, organisation_id, role, starts_on, ends_on) VALUES ($1,$2,$3,$4,$5,'youth_care_professional',$6,$7)`,
      [f.regionId, net!.id, childId, userId, organisationId, plusDays(today(), -800), endsOn]);
  };
  const post = (payload: Record<string, unknown>) => api('lpa')({ method: 'POST', url: '/api/v1/leerplicht/exemptions', payload: { article: '5a', validFrom: today(), statementRole: 'psychologist', statementDate: plusDays(today(), -3), ...payload } });
  let child: string;
  let formerId: string;
  beforeAll(async () => {
    child = await insertChild(t.db, f.regionId, { given: 'Vera', family: 'Verklaring', birthDate: bornYearsAgo(9), schoolId: f.org.school, guardians: [f.user.mum.id] });
    const former = await makeUser(t.db, { regionId: f.regionId, name: 'Frida Vroeger', memberships: [{ organisationId: f.org.wijkteam, role: 'youth_care_professional' }] });
    const longAgo = await makeUser(t.db, { regionId: f.regionId, name: 'Lang Geleden', memberships: [{ organisationId: f.org.wijkteam, role: 'youth_care_professional' }] });
    formerId = former.id;
    await involve(child, f.user.wijk.id, f.org.wijkteam, null); // treats the child now
    await involve(child, former.id, f.org.wijkteam, plusDays(today(), -100)); // left 100 days ago
    await involve(child, longAgo.id, f.org.wijkteam, plusDays(today(), -400)); // left more than a year ago
  });

  it('refuses an author who is in the network, by name (however written) or by account, or who left it less than a year ago', async () => {
    for (const payload of [{ statementBy: 'Wim Wijk' }, { statementBy: '  wim   WIJK ' }, { statementBy: 'Dr. W. Wijk', statementUserId: f.user.wijk.id }, { statementBy: 'Frida Vroeger' }]) {
      const r = await post({ youngPersonId: child, ...payload });
      expect(r.statusCode, JSON.stringify(payload)).toBe(422);
      expect(r.json().error.fields).toHaveProperty('statementBy');
    }
    expect(formerId).toBeTruthy();
    const [n] = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM exemptions WHERE region_id = $1 AND young_person_id = $2`, [f.regionId, child]);
    expect(n!.n).toBe(0);
    // Each refusal says something about the child's network: each is on the child's chain, so probing names is seen.
    const [refused] = await t.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_events WHERE region_id = $1 AND chain_key = $2 AND kind = 'exemption.statement_refused' AND outcome = 'denied'`, [f.regionId, `yp:${child}`]);
    expect(refused!.n).toBe(4);
    // Someone whose involvement ended more than a year ago is independent again.
    const ok = await post({ youngPersonId: child, statementBy: 'Lang Geleden', statementRegistration: 'NIP 12345' });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ status: 'pending_review', statementRegistration: 'NIP 12345' });
  });

  it('refuses a statement dated in the future, and an account that is not a professional of the region', async () => {
    const future = await post({ youngPersonId: kids.warn, statementBy: 'Dr. Onafhankelijk', statementDate: plusDays(today(), 1) });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.fields).toHaveProperty('statementDate');
    const parent = await post({ youngPersonId: kids.warn, statementBy: 'Dr. Onafhankelijk', statementUserId: f.user.mum.id });
    expect(parent.statusCode).toBe(422);
  });

  it('confirming checks again: an author who joined the network since cannot be confirmed (rejecting still can)', async () => {
    const e = await post({ youngPersonId: kids.ended, statementBy: 'Otto Outside' });
    expect(e.statusCode, e.body).toBe(201);
    await involve(kids.ended!, f.user.outsider.id, f.org.wijkteam2, null);
    const confirm = await api('lpa2')({ method: 'POST', url: `/api/v1/leerplicht/exemptions/${e.json().id}/review`, headers: { 'if-match': '"1"' }, payload: { decision: 'confirm', reason: 'Verklaring lijkt in orde, bevestigd door tweede lezer.' } });
    expect(confirm.statusCode).toBe(422);
    const reject = await api('lpa2')({ method: 'POST', url: `/api/v1/leerplicht/exemptions/${e.json().id}/review`, headers: { 'if-match': '"1"' }, payload: { decision: 'reject', reason: 'De deskundige is nu betrokken bij het kind.' } });
    expect(reject.json().status).toBe('rejected');
  });

  it('an SWV sees and reviews only the exemptions of its own schools\' pupils; another SWV gets nothing and 404', async () => {
    const e = await post({ youngPersonId: kids.warn, statementBy: 'Dr. Onafhankelijk' });
    expect(e.statusCode, e.body).toBe(201);
    expect(e.json().swvId).toBe(swvA);
    const ids = async (who: string) => ((await api(who)({ method: 'GET', url: '/api/v1/leerplicht/exemptions' })).json() as { id: string }[]).map((x) => x.id);
    expect(await ids('swvOther')).not.toContain(e.json().id);
    expect(await ids('swv')).toContain(e.json().id);
    expect(await ids('lpa2')).toContain(e.json().id);
    const other = await api('swvOther')({ method: 'POST', url: `/api/v1/leerplicht/exemptions/${e.json().id}/review`, headers: { 'if-match': '"1"' }, payload: { decision: 'confirm', reason: 'Ik ben van het VO-samenwerkingsverband.' } });
    expect(other.statusCode).toBe(404);
    const [row] = await t.db.query<{ status: string }>(`SELECT status FROM exemptions WHERE region_id = $1 AND id = $2`, [f.regionId, e.json().id]);
    expect(row!.status).toBe('pending_review');
    const own = await api('swv')({ method: 'POST', url: `/api/v1/leerplicht/exemptions/${e.json().id}/review`, headers: { 'if-match': '"1"' }, payload: { decision: 'confirm', reason: 'Verklaring onafhankelijk; geen onderwijs mogelijk dit jaar.' } });
    expect(own.json().status).toBe('confirmed');
  });
});

describe('Inspectie report', () => {
  const quarter = (() => {
    const d = today();
    return `${d.slice(0, 4)}-Q${Math.floor((Number(d.slice(5, 7)) - 1) / 3) + 1}`;
  })();

  it('is anonymised, keeps ended cases, and sums per duration band (CSV and XLSX)', async () => {
    const res = await api('swv')({ method: 'GET', url: `/api/v1/leerplicht/inspectie-report?swvId=${swvA}&quarter=${quarter}&format=csv` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/csv/);
    const csv = res.body;
    expect(csv).not.toMatch(/Kind(red|warn|fresh|full|exempt|ended)|\bThuis\b|Kringloop/);
    expect(csv).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(csv).not.toMatch(/123456782/);
    expect(csv).toContain('terug op school');
    const json = (await api('swv')({ method: 'GET', url: `/api/v1/leerplicht/inspectie-report?swvId=${swvA}&quarter=${quarter}&format=json` })).json();
    const total = json.summary.reduce((n: number, b: { totaal: number }) => n + b.totaal, 0);
    expect(total).toBe(json.register.length);
    expect(json.summary.map((b: { duur: string }) => b.duur)).toEqual(['< 4 weken', '4 weken – 3 maanden', '> 3 maanden']);
    expect(json.register.find((r: { status: string }) => r.status === 'vrijstelling')).toBeDefined();
    const xlsx = await api('swv')({ method: 'GET', url: `/api/v1/leerplicht/inspectie-report?swvId=${swvA}&quarter=${quarter}&format=xlsx` });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Register', 'Samenvatting']);
    expect(wb.getWorksheet('Register')!.rowCount).toBe(json.register.length + 1);
  });

  it('issue 21.3: the running quarter counts to today; reasons in the Inspectie\'s Dutch words; a quarter not yet begun is refused', async () => {
    const swvC = await makeOrg(t.db, f.regionId, 'swv', 'SWV Vandaag');
    const schoolC = await makeOrg(t.db, f.regionId, 'school', 'School Vandaag');
    await t.db.query(`UPDATE organisations SET swv_id = $2, school_type = 'po' WHERE id = $1`, [schoolC, swvC]);
    const kid = await insertChild(t.db, f.regionId, { given: 'Vandaag', family: 'Begonnen', birthDate: bornYearsAgo(9), schoolId: schoolC, guardians: [f.user.mum.id] });
    const reg = await api('lpa')({ method: 'POST', url: '/api/v1/leerplicht/absences', payload: { youngPersonId: kid, kind: 'absolute', startedOn: today(), reasonCategory: 'waiting_list', swvId: swvC } });
    expect(reg.statusCode, reg.body).toBe(201);
    const json = (await api('lpa')({ method: 'GET', url: `/api/v1/leerplicht/inspectie-report?swvId=${swvC}&quarter=${quarter}&format=json` })).json();
    expect(json.countedTo).toBe(today());
    expect(json.register).toEqual([expect.objectContaining({ duur: '< 4 weken', reden: 'wachtlijst (onderwijs of zorg)', soort: 'absoluut verzuim', status: 'thuis' })]);
    const csv = (await api('lpa')({ method: 'GET', url: `/api/v1/leerplicht/inspectie-report?swvId=${swvC}&quarter=${quarter}&format=csv` })).body;
    expect(csv).not.toMatch(/waiting_list|no_suitable_place|school_refusal/);
    const y = Number(today().slice(0, 4)) + 1;
    const future = await api('lpa')({ method: 'GET', url: `/api/v1/leerplicht/inspectie-report?swvId=${swvC}&quarter=${y}-Q4` });
    expect(future.statusCode).toBe(422);
    // A closed quarter is counted to its last day.
    const past = (await api('lpa')({ method: 'GET', url: `/api/v1/leerplicht/inspectie-report?swvId=${swvA}&quarter=${y - 2}-Q1&format=json` })).json();
    expect(past.countedTo).toBe(`${y - 2}-03-31`);
  });

  it('issue 21.3: the summary shared beyond the Inspectie has no rows and no count that singles out a child', async () => {
    const shared = (await api('swv')({ method: 'GET', url: `/api/v1/leerplicht/inspectie-report?swvId=${swvA}&quarter=${quarter}&format=json&audience=shared` })).json();
    expect(shared.register).toEqual([]);
    const full = (await api('swv')({ method: 'GET', url: `/api/v1/leerplicht/inspectie-report?swvId=${swvA}&quarter=${quarter}&format=json` })).json();
    expect(full.register.length).toBeGreaterThan(0);
    for (const row of shared.summary as Record<string, string | number>[]) {
      const cells = Object.entries(row).filter(([k]) => k !== 'duur');
      for (const [, v] of cells) expect(typeof v === 'number' ? v === 0 || v >= 5 : v === '< 5').toBe(true);
      // Never exactly one hidden status cell beside a known total.
      const hidden = cells.filter(([k, v]) => k !== 'totaal' && v === '< 5').length;
      if (typeof row.totaal === 'number') expect(hidden).not.toBe(1);
    }
  });

  it('another SWV and policy roles cannot fetch it', async () => {
    expect((await api('swvOther')({ method: 'GET', url: `/api/v1/leerplicht/inspectie-report?swvId=${swvA}&quarter=${quarter}` })).statusCode).toBe(404);
    expect((await api('policy')({ method: 'GET', url: `/api/v1/leerplicht/inspectie-report?swvId=${swvA}&quarter=${quarter}` })).statusCode).toBe(404);
    expect((await api('swv')({ method: 'GET', url: `/api/v1/leerplicht/inspectie-report?swvId=${swvA}&quarter=2026-Q5` })).statusCode).toBe(400);
  });

  it('leaves a valid audit chain', async () => {
    expect((await verifyAudit(t.db)).ok).toBe(true);
  });
});

describe('a worklist page kept by the server', () => {
  type Page = { items: { id: string; youngPersonId: string; name: string; school: string | null }[]; total: number; thresholds: { redMonths: number } };
  const page = async (who = 'lpa'): Promise<Page> => (await api(who)({ method: 'GET', url: '/api/v1/leerplicht/worklist?limit=500' })).json();
  /** Counts the worklist statements the database runs while fn runs. */
  const listQueries = async (fn: () => Promise<unknown>): Promise<number> => {
    const original = t.db.query.bind(t.db);
    let n = 0;
    t.db.query = (async (sql: string, params?: unknown[]) => {
      if (sql.startsWith('WITH clocked')) n += 1;
      return original(sql, params);
    }) as typeof t.db.query;
    try {
      await fn();
    } finally {
      t.db.query = original;
    }
    return n;
  };

  it('is handed out again only while nothing it shows has changed, and every read is audited', async () => {
    const first = await page();
    const events = async () => (await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_events WHERE kind = 'worklist.read' AND subject_type = 'leerplicht_worklist'`))[0]!.n;
    const auditedBefore = await events();
    let again: Page | undefined;
    expect(await listQueries(async () => { again = await page(); })).toBe(0);
    expect(again).toEqual(first);
    expect(await events()).toBe(auditedBefore + 1);
    // Another officer with the same view of the region gets the same page, with their own audit event.
    expect(await listQueries(() => page('lpa2'))).toBe(0);

    // Each source of a row, changed outside this module, shows at the next read.
    const child = first.items[0]!;
    await t.db.query(`UPDATE young_people SET given_name = 'Hernoemd' WHERE id = $1`, [child.youngPersonId]);
    const auditedBeforeRename = await events();
    expect((await page()).items.find((i) => i.id === child.id)!.name).toBe('Hernoemd Thuis');
    // The kept page was tried first and found outdated: one audit event, naming what was shown.
    const [renamedRead] = await t.db.query<{ n: number; details: { absenceIds: string[] } | string }>(
      `SELECT count(*) OVER ()::int AS n, details FROM audit_events WHERE kind = 'worklist.read' AND subject_type = 'leerplicht_worklist' ORDER BY id DESC LIMIT 1`);
    expect(renamedRead!.n).toBe(auditedBeforeRename + 1);
    // Organisations are global and have no trigger into the regions (migration 0018): the change
    // that renames a school raises the list version of its region in the same transaction.
    await t.db.tx(async (q) => {
      await q.query(`UPDATE organisations SET name = 'De Nieuwe Kring' WHERE id = $1`, [f.org.school]);
      await q.query(`UPDATE leerplicht_list_versions SET version = version + 1 WHERE region_id = $1`, [f.regionId]);
    });
    expect((await page()).items.find((i) => i.id === child.id)!.school).toBe('De Nieuwe Kring');
    await t.db.query(`UPDATE leerplicht_settings SET red_months = 4 WHERE region_id = $1`, [f.regionId]);
    await t.db.query(`INSERT INTO leerplicht_settings (region_id, red_months, ladder) SELECT $1, 4, '[]'::jsonb WHERE NOT EXISTS (SELECT 1 FROM leerplicht_settings WHERE region_id = $1)`, [f.regionId]);
    expect((await page()).thresholds.redMonths).toBe(4);
    await t.db.query(`UPDATE absences SET ended_on = $2, outcome = 'back_at_school' WHERE id = $1`, [child.id, today()]);
    expect((await page()).items.map((i) => i.id)).not.toContain(child.id);

    // A change that rolls back changes nothing, and the kept page stays valid.
    const kept = await page();
    await expect(t.db.tx(async (q) => {
      await q.query(`UPDATE absences SET ended_on = NULL WHERE id = $1`, [child.id]);
      throw new Error('rolled back');
    })).rejects.toThrow('rolled back');
    let afterRollback: Page | undefined;
    expect(await listQueries(async () => { afterRollback = await page(); })).toBe(0);
    expect(afterRollback).toEqual(kept);
    expect((await verifyAudit(t.db)).ok).toBe(true);
  });

  it('is kept per view: a coordinator of one SWV is not handed the page computed for another SWV', async () => {
    const own = await page('swv'); // the same statement for both coordinators; only the SWV parameter differs
    expect(own.total).toBeGreaterThan(0);
    const other = await page('swvOther');
    expect(other.items).toEqual([]);
    expect(other.total).toBe(0);
  });
});
