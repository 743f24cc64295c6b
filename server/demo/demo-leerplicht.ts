/**
 * Demo absence register: a dozen out-of-school cases at every stage of the clock, one
 * case two rungs up the ladder (one more step reaches doorzettingsmacht), ended cases
 * that stay in the Inspectie register, and a confirmed 5 onder a exemption.
 * Made through the real services as the demo leerplicht officer and SWV coordinator.
 */
import type { Db } from '../core/db.ts';
import { plusDays } from '../../shared/dates.ts';
import { dutyOn } from '../../shared/leerplicht-age.ts';
import { createLeerplichtService } from '../modules/leerplicht/leerplicht.service.ts';
import { createExemptionsService } from '../modules/leerplicht/exemptions.service.ts';
import { swvIds } from '../modules/leerplicht/leerplicht.policy.ts';
import type { DemoIds } from './demo.ts';
import { actorFor } from './demo-kindkring.ts';

export async function extendDemoLeerplicht(db: Db, ids: DemoIds, todayDate: Date): Promise<void> {
  const today = todayDate.toISOString().slice(0, 10);
  const swvPo = ids.orgs.get('SWV PO Rondeel e.o.')!;
  const swvVo = ids.orgs.get('SWV VO Rondeel e.o.')!;
  await db.query(`UPDATE organisations SET swv_id = $2 WHERE region_id = $1 AND type = 'school' AND school_type IN ('po', 'so')`, [ids.regionId, swvPo]);
  await db.query(`UPDATE organisations SET swv_id = $2 WHERE region_id = $1 AND type = 'school' AND school_type IN ('vo', 'vso')`, [ids.regionId, swvVo]);

  const cases = createLeerplichtService(db);
  const exemptions = createExemptionsService(db);
  const officer = await actorFor(db, ids.users.get('leerplicht')!);
  const swv = await actorFor(db, ids.users.get('swv')!);

  const pool = ids.youngPeople.filter((y) => !y.key && y.schoolId && dutyOn(y.birthDate, plusDays(today, -200)) === 'leerplichtig');
  const plan: { days: number; kind: 'absolute' | 'relative' | 'long_term_relative'; reason: string; then?: 'partial' | 'full' | 'back' | 'escalate2' }[] = [
    { days: 130, kind: 'long_term_relative', reason: 'no_suitable_place', then: 'escalate2' },
    { days: 104, kind: 'absolute', reason: 'waiting_list' },
    { days: 95, kind: 'long_term_relative', reason: 'school_refusal', then: 'partial' },
    { days: 70, kind: 'long_term_relative', reason: 'psychological' },
    { days: 60, kind: 'long_term_relative', reason: 'conflict_with_school' },
    { days: 40, kind: 'long_term_relative', reason: 'illness' },
    { days: 33, kind: 'long_term_relative', reason: 'behaviour' },
    { days: 12, kind: 'relative', reason: 'family_circumstances' },
    { days: 150, kind: 'long_term_relative', reason: 'no_suitable_place', then: 'full' },
    { days: 200, kind: 'long_term_relative', reason: 'waiting_list', then: 'back' },
  ];
  for (const [i, p] of plan.entries()) {
    const child = pool[i * 3];
    if (!child) break;
    const c = await cases.register(officer, { youngPersonId: child.id, kind: p.kind, startedOn: plusDays(today, -p.days), reasonCategory: p.reason as never, schoolId: p.kind === 'absolute' ? undefined : child.schoolId ?? undefined, swvId: p.kind === 'absolute' ? swvPo : undefined });
    if (p.then === 'escalate2') {
      // Registered red, the ladder started at the lead professional; leerplicht passes that rung early, with its reason.
      await cases.escalate(officer, c.id, 'Na drie maanden nog geen passende plek: de regisseur komt er niet uit.',
        'De regisseur heeft laten weten dat school en jeugdhulp het niet eens worden; wachten maakt het thuiszitten langer.');
    } else if (p.then === 'partial') {
      await cases.update(officer, c.id, c.version, { offerType: 'care', offerExtent: 'partial', offerHoursPerWeek: 6, offerStartedOn: plusDays(today, -20) });
    } else if (p.then === 'full') {
      await cases.update(officer, c.id, c.version, { offerType: 'education_and_care', offerExtent: 'full', offerHoursPerWeek: 22, offerStartedOn: plusDays(today, -40), outcome: 'other_offer' });
    } else if (p.then === 'back') {
      await cases.update(officer, c.id, c.version, { endedOn: plusDays(today, -90), outcome: 'back_at_school' });
    }
  }
  // A 5 onder a exemption, confirmed by a second reviewer.
  // The reviewer is of the child's own SWV (an SWV reviews only its own schools' pupils).
  const swvSchools = new Set((await db.query<{ id: string }>(
    `SELECT id FROM organisations WHERE region_id = $1 AND swv_id = ANY($2::uuid[])`, [ids.regionId, swvIds(swv)])).map((r) => r.id));
  const ofSwv = pool.slice(30).filter((y) => y.schoolId && swvSchools.has(y.schoolId)); // past the absence cases above
  const exempt = ofSwv[10] ?? ofSwv[ofSwv.length - 1];
  if (exempt) {
    const e = await exemptions.register(officer, {
      youngPersonId: exempt.id, article: '5a', validFrom: plusDays(today, -60), statementBy: 'Dr. A. Onafhankelijk',
      statementRole: 'doctor', statementRegistration: 'BIG 19012345601', statementDate: plusDays(today, -70),
    });
    await exemptions.review(swv, e.id, e.version, { decision: 'confirm', reason: 'Na overleg met het onderwijszorgteam: er is op dit moment geen onderwijs mogelijk, ook niet deels.' });
  }
}
