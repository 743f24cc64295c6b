/**
 * Demo consults and support team (issue 17): Wim Wijkteam is the fixed youth-care contact of
 * OBS De Kring and of Kinderopvang Het Nest; OBS De Kring has a support team (ondersteuningsteam)
 * run by its intern begeleider, with the wijkteam contact, the jeugdarts, leerplicht and the SWV's
 * consultant, meeting in a week. One anonymous consult of the teacher is answered already.
 * Made through the real services, as the demo people.
 */
import type { Db } from '../core/db.ts';
import { plusDays } from '../../shared/dates.ts';
import { createConsultsService } from '../modules/consults/consults.service.ts';
import { createSupportTeamsService } from '../modules/support-teams/support-teams.service.ts';
import type { DemoIds } from './demo.ts';
import { actorFor } from './demo-kindkring.ts';

export async function extendDemoSupport(db: Db, ids: DemoIds, todayDate: Date): Promise<void> {
  const today = todayDate.toISOString().slice(0, 10);
  const org = (name: string) => ids.orgs.get(name)!;
  const user = (key: string) => ids.users.get(key)!;
  const wijk = org('Wijkteam Rondeel-Noord');
  for (const school of ['OBS De Kring', 'Kinderopvang Het Nest']) {
    await db.query(`INSERT INTO support_contacts (region_id, organisation_id, contact_user_id, contact_organisation_id) VALUES ($1, $2, $3, $4)`,
      [ids.regionId, org(school), user('wijkteam'), wijk]);
  }
  const teams = createSupportTeamsService(db);
  const ib = await actorFor(db, user('ib'));
  const team = await teams.create(ib, { schoolId: org('OBS De Kring'), name: 'Ondersteuningsteam OBS De Kring', nextMeetingOn: plusDays(today, 7), meetingTime: '08:30' });
  const members: [string, string, 'youth_care_contact' | 'jgz' | 'leerplicht' | 'swv_consultant'][] = [
    ['wijkteam', 'Wijkteam Rondeel-Noord', 'youth_care_contact'],
    ['jgz', 'JGZ GGD Rondeel', 'jgz'],
    ['leerplicht', 'Leerplicht Regio Rondeel', 'leerplicht'],
    ['swv', 'SWV PO Rondeel e.o.', 'swv_consultant'],
  ];
  for (const [key, o, teamRole] of members) await teams.addMember(ib, team.id, { userId: user(key), organisationId: org(o), teamRole });

  const consults = createConsultsService(db);
  const teacher = await actorFor(db, user('leerkracht'));
  const asked = await consults.ask(teacher, {
    to: 'contact', noIdentity: true, lifeDomains: ['school', 'home'],
    question: 'Een leerling in mijn groep komt de laatste weken vaak moe en zonder ontbijt op school. Wanneer is dit een zorg om met de ouders te bespreken?',
  });
  const wim = await actorFor(db, user('wijkteam'));
  await consults.answer(wim, asked.id, asked.version, {
    answer: 'Goed dat je het opmerkt. Bespreek wat je ziet met de ouders, zonder oordeel: "Ik zie dat … hoe gaat het thuis?". Blijft het zo, dan kun je samen met de ouders een vraag in Rondom zetten; ik denk graag mee.',
  });
}
