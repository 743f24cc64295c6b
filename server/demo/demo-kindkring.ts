/**
 * Demo networks, plans, meetings, evaluations and matches — made through the real
 * services as the demo professionals and parents, so every rule, audit event and
 * timeline entry is exactly what the app itself would write.
 *
 * The stories the browser journeys start from:
 * - Vlinderhof, 9 (OBS De Kring): no network yet — the intern begeleider opens a question.
 * - Vlinderhof, 14 (Rondeel College): network led by the wijkteam, plan with two versions,
 *   a meeting with a shared report; the demo parent reads and answers it.
 * - Noor Eikenhout, 10 (OBS De Kring): network without a lead; the wijkteam takes the lead.
 * - Sem Merelaar, 16: consents himself; network with the other wijkteam.
 */
import type { Db } from '../core/db.ts';
import { actorForUser, type Actor } from '../core/session.ts';
import { ageOn, plusDays } from '../../shared/dates.ts';
import { createNetworksService } from '../modules/networks/networks.service.ts';
import { createChildrenService } from '../modules/children/children.service.ts';
import { createConsentsService } from '../modules/consents/consents.service.ts';
import { createPlansService } from '../modules/plans/plans.service.ts';
import { createMeetingsService } from '../modules/meetings/meetings.service.ts';
import { createEvaluationsService } from '../modules/evaluations/evaluations.service.ts';
import { createMatchesService } from '../modules/matches/matches.service.ts';
import { createJoinRequestsService } from '../modules/networks/join-requests.ts';
import { createDisagreementsService } from '../modules/plans/disagreements.service.ts';
import { prng, type DemoIds } from './demo.ts';

/** The demo acts through the real services as its demo users. */
export const actorFor = (db: Db, userId: string): Promise<Actor> => actorForUser(db, userId);

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

export async function extendDemo(db: Db, ids: DemoIds, todayDate: Date): Promise<void> {
  const today = isoDay(todayDate);
  const rand = prng(777);
  const networks = createNetworksService(db);
  const children = createChildrenService(db);
  const consents = createConsentsService(db);
  const plans = createPlansService(db);
  const meetings = createMeetingsService(db);
  const evaluations = createEvaluationsService(db);
  const matches = createMatchesService(db);
  const joins = createJoinRequestsService(db);
  const as = async (key: string) => actorFor(db, ids.users.get(key)!);
  const org = (name: string) => ids.orgs.get(name)!;
  const kid = (key: string) => ids.youngPeople.find((y) => y.key === key)!;

  const ib = await as('ib');
  const wijk = await as('wijkteam');
  const wijk2 = await as('wijkteam2');
  const zc = await as('zorgcoordinator');
  const jgz = await as('jgz');
  const jeugdhulp = await as('jeugdhulp');
  const ouder = await as('ouder');
  const jongere = await as('jongere');

  // Fixed schools for the journey children.
  await db.query(`UPDATE young_people SET school_id = $2 WHERE id = $1`, [kid('child9').id, org('OBS De Kring')]);
  await db.query(`UPDATE young_people SET school_id = $2 WHERE id = $1`, [kid('child14').id, org('Rondeel College')]);

  // A written consent recorded by the professional waits for the parent, who confirms it in Rondom.
  const recordParents = async (by: Actor, childId: string, parentIds: string[], orgIds: string[]) => {
    for (const p of parentIds) for (const o of orgIds) {
      await consents.give(by, childId, { purpose: 'share_in_network', recipientOrganisationId: o, consenterUserId: p, method: 'written' });
    }
    for (const p of parentIds) {
      const parent = await actorFor(db, p);
      const view = await consents.list(parent, childId);
      for (const c of view.consents) if (c.canConfirm) await consents.confirm(parent, childId, c.id, 'confirm');
    }
  };
  // A known child: registering it is a join request, which the family (or else the coordinator) accepts.
  const gemeente = await as('gemeente');
  const acceptJoin = async (childId: string, deciderId: string | null) => {
    const [req] = await db.query<{ id: string }>(`SELECT id FROM join_requests WHERE young_person_id = $1 AND status = 'pending' ORDER BY created_at LIMIT 1`, [childId]);
    if (!req) throw new Error(`demo: no join request for ${childId}`);
    await joins.decide(deciderId ? await actorFor(db, deciderId) : gemeente, req.id, { outcome: 'accepted' });
  };
  const recordYoung = async (by: Actor, childId: string, orgIds: string[]) => {
    for (const o of orgIds) await consents.give(by, childId, { purpose: 'share_in_network', recipientOrganisationId: o, consenterRelation: 'young_person', method: 'verbal' });
  };

  // Vlinderhof, 14: the full story for the demo parent.
  {
    const c = kid('child14');
    await db.query(`UPDATE young_people SET given_name = 'Lotte' WHERE id = $1`, [c.id]);
    await networks.openQuestion(zc, c.id, { text: 'Lotte zit sinds de herfstvakantie veel thuis. Ze zegt dat ze buikpijn heeft als ze naar school moet.', ownWords: false, lifeDomains: ['school', 'health', 'home'], raisedBy: 'professional' });
    const orgs = [org('Rondeel College'), org('Wijkteam Rondeel-Noord'), org('JGZ GGD Rondeel')];
    await recordParents(zc, c.id, c.parentIds, orgs);
    await recordYoung(zc, c.id, orgs);
    await networks.invite(zc, c.id, { userId: wijk.userId, organisationId: org('Wijkteam Rondeel-Noord') });
    await networks.invite(zc, c.id, { userId: jgz.userId, organisationId: org('JGZ GGD Rondeel') });
    const net = await networks.get(zc, c.id);
    await networks.handOverLead(zc, c.id, net.version, { userId: wijk.userId, reason: 'Het wijkteam kent het gezin en neemt de regie.' });
    await plans.replace(wijk, c.id, 0, {
      goals: [{ id: 'g1', text: 'Lotte gaat weer elke ochtend naar school.' }, { id: 'g2', text: 'Lotte weet wat ze kan doen als ze buikpijn heeft.' }],
      actions: [
        { goalId: 'g1', what: 'Rustige start: eerste twee weken om 10 uur beginnen', ownerUserId: zc.userId, dueOn: plusDays(today, 14) },
        { goalId: 'g2', what: 'Gesprek bij de jeugdarts over de buikpijn', ownerUserId: jgz.userId, dueOn: plusDays(today, 10) },
        { goalId: 'g1', what: 'Ouders brengen Lotte de eerste week naar school', ownerName: 'ouders', dueOn: plusDays(today, 7) },
      ],
      nextEvaluationOn: plusDays(today, 42), changeSummary: 'Eerste plan na het gesprek met Lotte en haar ouders',
    });
    const m = await meetings.create(wijk, c.id, {
      scheduledAt: new Date(todayDate.getTime() - 5 * 86400000).toISOString(), chairUserId: wijk.userId,
      agenda: ['Hoe gaat het met Lotte?', 'Wat is er nodig op school?', 'Afspraken en wie wat doet'],
      participants: [
        { kind: 'professional', userId: zc.userId, organisationId: org('Rondeel College'), hasMandate: true },
        { kind: 'professional', userId: jgz.userId, organisationId: org('JGZ GGD Rondeel'), hasMandate: true },
        { kind: 'parent', userId: ouder.userId },
        { kind: 'child_voice', childVoice: 'Ik wil wel naar school, maar niet de hele dag.' },
      ],
    });
    // Presence first: the school decides with a present, mandated participant, so the decision is binding at once.
    const present = await meetings.update(wijk, c.id, m.id, m.version, {
      attendance: m.participants.filter((p) => p.kind !== 'child_voice').map((p) => ({ participantId: p.id, present: true })),
    });
    await meetings.decide(wijk, c.id, m.id, { text: 'Lotte krijgt een vaste mentor om bij terecht te kunnen.', action: { what: 'Mentor kiezen en voorstellen aan Lotte', ownerUserId: zc.userId, dueOn: plusDays(today, 5) } });
    await meetings.update(wijk, c.id, m.id, present.version, {
      status: 'held', heldOn: plusDays(today, -5), report: 'We spraken met Lotte, haar ouders, school en de jeugdarts. Lotte begint twee weken later op de dag. Ze krijgt een vaste mentor. Over zes weken kijken we samen hoe het gaat.',
    });
    await meetings.shareReport(wijk, c.id, m.id);
  }

  // Noor Eikenhout, 10: a network without a lead yet.
  {
    const parent = ids.youngPeople.find((y) => y.parentIds.length === 2 && y.schoolId && !y.key && y.birthDate < plusDays(today, -3700) && y.birthDate > plusDays(today, -3900));
    const target = parent ?? ids.youngPeople.find((y) => !y.key && y.parentIds.length > 0 && y.schoolId)!;
    await db.query(`UPDATE young_people SET given_name = 'Noor', family_name = 'Eikenhout', school_id = $2, birth_date = $3 WHERE id = $1`, [target.id, org('OBS De Kring'), plusDays(today, -3700)]);
    target.key = 'noor';
    await networks.openQuestion(ib, target.id, { text: 'Noor is snel boos in de klas en heeft weinig vriendjes.', ownWords: false, lifeDomains: ['school', 'free_time'], raisedBy: 'professional' });
    await recordParents(ib, target.id, target.parentIds, [org('OBS De Kring'), org('Wijkteam Rondeel-Noord')]);
    await networks.invite(ib, target.id, { userId: wijk.userId, organisationId: org('Wijkteam Rondeel-Noord') });
    // The school steps back as lead: the network waits for a regisseur.
    await db.query(`UPDATE networks SET lead_user_id = NULL, lead_organisation_id = NULL, version = version + 1 WHERE young_person_id = $1`, [target.id]);
  }

  // Sem Merelaar, 16: he asked the wijkteam for help himself, and decides himself.
  {
    const c = kid('jongere');
    const [sem] = await db.query<{ given_name: string; family_name: string; birth_date: string }>(`SELECT given_name, family_name, birth_date FROM young_people WHERE id = $1`, [c.id]);
    await children.register(wijk2, {
      givenName: sem!.given_name, familyName: sem!.family_name, birthDate: sem!.birth_date,
      question: { text: 'Ik wil hulp bij het regelen van mijn geld en een bijbaan.', ownWords: true, lifeDomains: ['money', 'free_time'], raisedBy: 'young_person' },
    });
    await acceptJoin(c.id, jongere.userId);
    await consents.give(jongere, c.id, { purpose: 'share_in_network', recipientOrganisationId: org('Wijkteam Rondeel-Zuid') });
  }

  // A few dozen more networks, with plans and evaluations, for a lived-in region.
  const pros = [
    { actor: wijk, org: 'Wijkteam Rondeel-Noord' }, { actor: jeugdhulp, org: 'Jeugdhulp De Brug' }, { actor: jgz, org: 'JGZ GGD Rondeel' },
  ];
  const domains = ['school', 'home', 'free_time', 'health', 'money', 'housing', 'safety'] as const;
  const questions = ['Het gezin zoekt hulp bij de opvoeding.', 'Er zijn zorgen over het schoolverzuim.', 'De jongere wil hulp bij plannen en huiswerk.',
    'Ouders maken zich zorgen over het gamen.', 'Het gezin heeft geldzorgen en zoekt ondersteuning.', 'Zorgen over de taalontwikkeling.'];
  const candidates = ids.youngPeople.filter((y) => !y.key && y.parentIds.length > 0 && y.birthDate < plusDays(today, -365 * 2) && y.birthDate > plusDays(today, -365 * 17));
  for (let i = 0; i < Math.min(40, candidates.length); i++) {
    const c = candidates[Math.floor(rand() * candidates.length)]!;
    const [has] = await db.query(`SELECT 1 FROM networks WHERE young_person_id = $1`, [c.id]);
    if (has) continue;
    const pro = pros[i % pros.length]!;
    // The family comes to the professional (intake): registering finds the existing record, and the family lets them in.
    const [who] = await db.query<{ given_name: string; family_name: string; birth_date: string }>(`SELECT given_name, family_name, birth_date FROM young_people WHERE id = $1`, [c.id]);
    await children.register(pro.actor, {
      givenName: who!.given_name, familyName: who!.family_name, birthDate: who!.birth_date,
      question: { text: questions[i % questions.length]!, ownWords: rand() < 0.4, lifeDomains: [domains[i % domains.length]!, domains[(i + 2) % domains.length]!], raisedBy: rand() < 0.5 ? 'parent' : 'professional' },
    });
    const age = (todayDate.getTime() - new Date(c.birthDate).getTime()) / (365.25 * 86400000);
    // Under 16 a parent lets the professional in; from 16, without an account of their own, the coordinator.
    await acceptJoin(c.id, ageOn(c.birthDate, today) < 16 ? c.parentIds[0]! : null);
    if (age < 16) await recordParents(pro.actor, c.id, c.parentIds, [org(pro.org)]);
    if (age >= 12) await recordYoung(pro.actor, c.id, [org(pro.org)]);
    if (rand() < 0.7) {
      await plans.replace(pro.actor, c.id, 0, {
        goals: [{ id: 'g1', text: 'Het gaat thuis en op school weer goed.' }],
        actions: [
          { goalId: 'g1', what: 'Kennismakingsgesprek met het gezin', ownerUserId: pro.actor.userId, dueOn: plusDays(today, Math.floor(rand() * 40) - 10), status: rand() < 0.5 ? 'done' : 'open' },
          { goalId: 'g1', what: 'Afspraken maken met school', ownerUserId: pro.actor.userId, dueOn: plusDays(today, Math.floor(rand() * 60)) },
        ],
        nextEvaluationOn: plusDays(today, Math.floor(rand() * 90) - 10), changeSummary: 'Eerste plan',
      });
      if (rand() < 0.4) {
        await evaluations.record(pro.actor, c.id, {
          heldOn: plusDays(today, -Math.floor(rand() * 60)), wentWell: 'De afspraken worden nagekomen.', mustChange: 'Meer contact met school.',
          setting: rand() < 0.6 ? 'ordinary_life' : rand() < 0.5 ? 'partly' : 'elsewhere',
          satisfactionYoungPerson: 2 + Math.floor(rand() * 4), satisfactionParents: 2 + Math.floor(rand() * 4),
        });
      }
    }
  }

  // Matches: two organisations involved with the same young people (and one family).
  const lotte = kid('child14');
  const [lotteRow] = await db.query<{ given_name: string; family_name: string; birth_date: string }>(`SELECT given_name, family_name, birth_date FROM young_people WHERE id = $1`, [lotte.id]);
  await matches.register(jeugdhulp, { givenName: lotteRow!.given_name, familyName: lotteRow!.family_name, birthDate: lotteRow!.birth_date, contactPhone: '0900-2222' });
  await matches.register(jgz, { givenName: lotteRow!.given_name, familyName: lotteRow!.family_name, birthDate: lotteRow!.birth_date, contactPhone: '0900-3333' });
  const [sib] = await db.query<{ given_name: string; family_name: string; birth_date: string }>(`SELECT given_name, family_name, birth_date FROM young_people WHERE id = $1`, [kid('child9').id]);
  await matches.register(wijk, { givenName: sib!.given_name, familyName: sib!.family_name, birthDate: sib!.birth_date });

  // The disagreement clock: a parent asked for a conversation about the plan 16 days ago and nobody
  // resolved it, so it is on the municipality coordinator's list (the period is 14 days). Made through
  // the real service with its clock set back — the one way to have a request "from the past".
  const [late] = await db.query<{ young_person_id: string; parent_user_id: string }>(
    `SELECT p.young_person_id, g.parent_user_id FROM plans p
       JOIN networks n ON n.region_id = p.region_id AND n.young_person_id = p.young_person_id AND n.status = 'active' AND n.lead_user_id IS NOT NULL
       JOIN young_people y ON y.region_id = p.region_id AND y.id = p.young_person_id
       JOIN guardianships g ON g.region_id = p.region_id AND g.young_person_id = p.young_person_id
      WHERE p.region_id = $1 AND p.current_version > 0 AND y.birth_date > $2::date AND NOT (p.young_person_id = ANY($3::uuid[]))
      ORDER BY y.family_name, y.given_name, g.parent_user_id LIMIT 1`,
    [ids.regionId, plusDays(today, -365 * 16), [kid('child14').id, kid('noor').id]]);
  if (late) {
    const past = createDisagreementsService(db, () => new Date(todayDate.getTime() - 16 * 86_400_000));
    await past.request(await actorFor(db, late.parent_user_id), late.young_person_id, { reason: 'Wij willen meer hulp thuis. Daar staat niets over in het plan.' });
  }
}
