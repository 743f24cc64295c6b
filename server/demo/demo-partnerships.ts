/**
 * Demo partnership "Samen Rondeel": partners with people and portfolios, three linked
 * meeting tables (governance OOGO → officials LEA → delivery), an OOGO with its ten
 * topics, a covenant with commitments and funding, a privacy covenant, an
 * implementation programme adopted by the OOGO table, and two self-assessment rounds
 * on the six effective elements with anonymous answers. Written through the module's
 * services, so every row is audited like real use.
 */
import type { Db } from '../core/db.ts';
import { loadMemberships, type Actor } from '../core/session.ts';
import { createPartnershipsService } from '../modules/partnerships/partnerships.service.ts';
import { prng, type DemoIds } from './demo.ts';

/** Service results are shaped for the API; the demo only needs their ids. */
const idOf = (x: object): string => (x as { id: string }).id;

function iso(today: Date, days: number): string {
  return new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()) + days * 86400000).toISOString().slice(0, 10);
}

async function actorFor(db: Db, ids: DemoIds, key: string): Promise<Actor> {
  const userId = ids.users.get(key)!;
  const [u] = await db.query<{ kind: Actor['kind']; email: string; display_name: string; is_platform_admin: boolean }>(
    `SELECT kind, email, display_name, is_platform_admin FROM users WHERE id = $1`, [userId]);
  return {
    userId, regionId: ids.regionId, kind: u!.kind, email: u!.email, displayName: u!.display_name, isPlatformAdmin: u!.is_platform_admin,
    memberships: await loadMemberships(db, userId), sessionTokenHash: 'demo', csrfToken: 'demo',
  };
}

export async function extendDemoPartnerships(db: Db, ids: DemoIds, today: Date): Promise<void> {
  const svc = createPartnershipsService(db);
  const org = (name: string) => ids.orgs.get(name)!;
  const admin = await actorFor(db, ids, 'admin');
  const beleid = await actorFor(db, ids, 'beleid');
  const rand = prng(4242);

  const partnerOrgs = ['Gemeente Rondeel', 'SWV PO Rondeel e.o.', 'SWV VO Rondeel e.o.', 'OBS De Kring', 'Rondeel College', 'Wijkteam Rondeel-Noord',
    'JGZ GGD Rondeel', 'Kinderopvang Het Nest', 'Leerplicht Regio Rondeel', 'Jeugdhulp De Brug'];
  const p = await svc.core.create(admin, {
    regionId: ids.regionId, name: 'Samen Rondeel', scope: 'gemeente', areaId: ids.areas.get('Rondeel'),
    description: 'Gemeente, samenwerkingsverbanden, scholen, kinderopvang en jeugdhulp werken samen rondom elk kind in Rondeel.',
    collaborationModel: 'M3', organisationIds: partnerOrgs.map(org),
  });
  const id = p.id;
  const map = await svc.map.getMap(beleid, id, {});
  const partner = (name: string) => idOf(map.partners.find((x) => (x as { organisationId?: string }).organisationId === org(name))!);
  for (const outer of ['JGZ GGD Rondeel', 'Kinderopvang Het Nest']) {
    await svc.map.updatePartner(beleid, id, partner(outer), 1, { ring: 'outer' });
  }

  // People and portfolios. The leerplicht portfolio is key and has no deputy (the demo shows the warning);
  // Jeugdhulp De Brug has no one with a mandate yet (the other warning).
  const person = async (orgName: string, name: string, roleTitle: string, key?: string) =>
    idOf(await svc.map.addPerson(beleid, id, { partnerId: partner(orgName), name, roleTitle, email: `${name.split(' ')[0]!.toLowerCase()}@demo.rondom.example`, ...(key ? { userId: ids.users.get(key)! } : {}) }));
  const bart = await person('Gemeente Rondeel', 'Bart Beleid', 'Beleidsadviseur jeugd en onderwijs', 'beleid');
  const gerda = await person('Gemeente Rondeel', 'Gerda Gemeente', 'Coördinator, doorzettingsmacht', 'gemeente');
  const wethouder = await person('Gemeente Rondeel', 'Willemijn Wethouder', 'Wethouder onderwijs en jeugd');
  const sophie = await person('SWV PO Rondeel e.o.', 'Sophie Samenwerkingsverband', 'Coördinator SWV PO', 'swv');
  const dirPo = await person('SWV PO Rondeel e.o.', 'Dirk Directeur', 'Directeur-bestuurder SWV PO');
  const victor = await person('SWV VO Rondeel e.o.', 'Victor Voortgezet', 'Coördinator SWV VO', 'swv-vo');
  const lars = await person('Leerplicht Regio Rondeel', 'Lars Leerplicht', 'Leerplichtambtenaar');
  const kring = await person('OBS De Kring', 'Ibrahim Intern', 'Intern begeleider');
  const college = await person('Rondeel College', 'Zoë Zorgcoördinator', 'Zorgcoördinator');
  const olga = await person('Wijkteam Rondeel-Noord', 'Olga Organisatiebeheer', 'Teamleider wijkteam', 'orgadmin');
  await person('Jeugdhulp De Brug', 'Jasper Jeugdhulp', 'Jeugdhulpverlener');
  const jolien = await person('JGZ GGD Rondeel', 'Jolien Jeugdarts', 'Jeugdarts');
  const kim = await person('Kinderopvang Het Nest', 'Kim Kinderopvang', 'Locatiemanager');
  const pf = (personId: string, topic: string, hasMandate: boolean, extra: { mandate?: string; deputyPersonId?: string; isKey?: boolean; responsibilities?: string } = {}) =>
    svc.map.addPortfolio(beleid, id, { personId, topic, hasMandate, ...extra });
  await pf(gerda, 'Doorzettingsmacht', true, { mandate: 'Besluit over passende plek en inzet middelen tot € 50.000', deputyPersonId: bart, isKey: true });
  await pf(wethouder, 'Bestuurlijk OOGO', true, { mandate: 'Bestuurlijke besluiten namens de gemeente', deputyPersonId: gerda, isKey: true });
  await pf(bart, 'Lokale Educatieve Agenda', false, { responsibilities: 'Voorbereiden LEA en uitvoeringsprogramma' });
  await pf(dirPo, 'Ondersteuningsplan PO', true, { mandate: 'Besluit over arrangementen en TLV', deputyPersonId: sophie, isKey: true });
  await pf(sophie, 'Thuiszitters PO', true, { mandate: 'Inzet onderwijszorgconsulent', deputyPersonId: dirPo });
  await pf(victor, 'Thuiszitters VO', true, { mandate: 'Inzet arrangementen VO' });
  await pf(lars, 'Leerplicht en verzuim', true, { mandate: 'Handhaving Leerplichtwet', isKey: true });
  await pf(kring, 'Ondersteuning op school', true, { mandate: 'Inzet basisondersteuning' });
  await pf(college, 'Zorgstructuur VO', true, { mandate: 'Inzet extra ondersteuning op school' });
  await pf(olga, 'Wijkteam in de school', true, { mandate: 'Inzet wijkteam zonder verwijzing' });
  await pf(jolien, 'Jeugdgezondheid', true, { mandate: 'Inzet JGZ-consult' });
  await pf(kim, 'Jonge kind (0–4)', true, { mandate: 'Inzet VVE-plaatsen' });

  // Three linked tables: delivery → officials (LEA) → governance (OOGO).
  const everyone = partnerOrgs.map(partner);
  const gov = await svc.tables.createTable(beleid, id, {
    name: 'Bestuurlijk overleg OOGO', level: 'governance', kind: 'oogo', purpose: 'Op overeenstemming gericht overleg tussen gemeente en samenwerkingsverbanden; besluiten over afspraken en middelen.',
    topics: 'De tien OOGO-onderwerpen, uitvoeringsprogramma, signalen uit de praktijk', frequency: '4 keer per jaar, op locatie', duration: '90 minuten',
    evaluation: 'Jaarlijks in december', linkage: 'Ontvangt signalen van het ambtelijk overleg; rapporteert aan college en besturen.',
    partnerIds: ['Gemeente Rondeel', 'SWV PO Rondeel e.o.', 'SWV VO Rondeel e.o.'].map(partner),
  });
  const off = await svc.tables.createTable(beleid, id, {
    name: 'Ambtelijk overleg LEA', level: 'officials', kind: 'lea', purpose: 'Voorbereiden van het bestuurlijk overleg; voortgang uitvoeringsprogramma bewaken.',
    topics: 'Voorbeeldagenda ambtelijk overleg (werkgroep)', frequency: 'Maandelijks, online', duration: '60 minuten', evaluation: 'Halfjaarlijks',
    reportsToTableId: gov.id, partnerIds: everyone.filter((x) => x !== partner('Kinderopvang Het Nest')),
  });
  const del = await svc.tables.createTable(beleid, id, {
    name: 'Ondersteuningsteam Rondeel-Noord', level: 'delivery', purpose: 'Signalen uit de praktijk bespreken en doorzetten naar het ambtelijk overleg.',
    topics: 'Knelpunten in de zorgroute, thuiszitters, wachtlijsten', frequency: 'Elke 6 weken', duration: '2 uur', evaluation: 'Jaarlijks met ouders',
    reportsToTableId: off.id, partnerIds: ['OBS De Kring', 'Wijkteam Rondeel-Noord', 'JGZ GGD Rondeel', 'Kinderopvang Het Nest', 'Leerplicht Regio Rondeel'].map(partner),
  });
  const meeting = await svc.tables.createMeeting(beleid, id, gov.id, { heldOn: iso(today, -30), templateCode: 'oogo-governance' });
  await svc.tables.addDecision(beleid, id, idOf(meeting), 'Doorzettingsmacht ligt bij de gemeente-coördinator; de SWV\'s leveren een vervanger.');
  await svc.tables.addAction(beleid, id, idOf(meeting), { text: 'Zorgroute thuiszitters beschrijven en voorleggen aan het ambtelijk overleg', ownerUserId: ids.users.get('swv')!, dueOn: iso(today, 21) });
  await svc.tables.addAction(beleid, id, idOf(meeting), { text: 'Voorstel doorbraakbudget 2027 uitwerken', ownerUserId: ids.users.get('gemeente')!, dueOn: iso(today, 45) });
  const lea = await svc.tables.createMeeting(beleid, id, off.id, { heldOn: iso(today, -14), templateCode: 'lea-officials' });
  await svc.tables.addAction(beleid, id, idOf(lea), { text: 'Wachtlijstcijfers jeugdhulp per wijk aanleveren', ownerUserId: ids.users.get('orgadmin')!, dueOn: iso(today, 10) });
  await svc.tables.createMeeting(beleid, id, del.id, { heldOn: iso(today, -7), agenda: [{ title: 'Signalen uit de wijk' }, { title: 'Thuiszitters: stand van zaken' }] });

  // Agreements: the OOGO with its ten topics, a covenant, a privacy covenant.
  const oogo = await svc.agreements.create(beleid, id, {
    kind: 'oogo', title: 'OOGO Gemeente Rondeel – SWV PO en VO 2026', purpose: 'Samenhangende aanpak jeugdhulp en onderwijsondersteuning', status: 'active',
    startsOn: iso(today, -200), reviewOn: iso(today, 160), partnerIds: ['Gemeente Rondeel', 'SWV PO Rondeel e.o.', 'SWV VO Rondeel e.o.'].map(partner),
  });
  const states = ['agreed', 'agreed', 'in_discussion', 'agreed', 'in_discussion', 'not_started', 'agreed', 'agreed', 'under_review', 'in_discussion'] as const;
  for (const [i, t] of oogo.oogoTopics.entries()) {
    if (states[i] !== 'not_started') await svc.agreements.updateOogoTopic(beleid, id, idOf(oogo), t.itemId, 1, { state: states[i]!, summary: states[i] === 'agreed' ? 'Vastgelegd in het OOGO-verslag' : null });
  }
  const cov = await svc.agreements.create(beleid, id, {
    kind: 'covenant', title: 'Convenant Thuiszitterspact Rondeel', purpose: 'Geen kind langer dan drie maanden thuis zonder passend aanbod.', status: 'active',
    startsOn: iso(today, -365), endsOn: iso(today, 730), reviewOn: iso(today, 40), partnerIds: everyone,
  });
  await svc.agreements.addCommitment(beleid, id, idOf(cov), { partnerId: partner('Leerplicht Regio Rondeel'), description: 'Elk verzuim langer dan 4 weken binnen 5 dagen in het ondersteuningsteam', untilOn: iso(today, 365), status: 'in_progress' });
  await svc.agreements.addCommitment(beleid, id, idOf(cov), { partnerId: partner('SWV PO Rondeel e.o.'), description: 'Onderwijszorgconsulent beschikbaar voor elke school', untilOn: iso(today, -30), status: 'done' });
  await svc.agreements.addCommitment(beleid, id, idOf(cov), { partnerId: partner('Jeugdhulp De Brug'), description: 'Jeugdhulp op school binnen 2 weken', untilOn: iso(today, -10), status: 'explained_deviation', explanation: 'Personeelstekort; tijdelijk 4 weken, herstelplan in OOGO' });
  await svc.agreements.create(beleid, id, {
    kind: 'privacy_covenant', title: 'Privacyconvenant ondersteuningsteams Rondeel', status: 'active', startsOn: iso(today, -300), reviewOn: iso(today, 400),
    partnerIds: ['Gemeente Rondeel', 'SWV PO Rondeel e.o.', 'OBS De Kring', 'Wijkteam Rondeel-Noord', 'JGZ GGD Rondeel'].map(partner),
    privacy: {
      purposes: ['Integraal arrangeren in het ondersteuningsteam'], dataCategories: ['Identificerende gegevens', 'Onderwijsgegevens', 'Hulpvraag (zonder diagnose)'],
      legalBasis: 'Toestemming ouders/jeugdige (Jeugdwet 7.3.5) en wettelijke taak', retention: 'Tot 2 jaar na afsluiting van de ondersteuning',
      roles: ['Gemeente Rondeel', 'SWV PO Rondeel e.o.'].map((n) => ({ partnerId: partner(n), role: 'joint_controller' as const })),
    },
  });
  await svc.agreements.addFunding(beleid, id, { partnerId: partner('Gemeente Rondeel'), agreementId: idOf(cov), purpose: 'Doorbraakbudget thuiszitters', amountPerYearCents: 7_500_000, mode: 'pooled', startsOn: iso(today, -400), endsOn: iso(today, 120) });
  await svc.agreements.addFunding(beleid, id, { partnerId: partner('SWV PO Rondeel e.o.'), agreementId: idOf(cov), purpose: 'Doorbraakbudget thuiszitters', amountPerYearCents: 5_000_000, mode: 'pooled', startsOn: iso(today, -400), endsOn: iso(today, 120) });
  await svc.agreements.addFunding(beleid, id, { partnerId: partner('SWV VO Rondeel e.o.'), purpose: 'Onderwijszorgconsulenten VO', amountPerYearCents: 9_000_000, mode: 'fixed', startsOn: iso(today, -200), endsOn: iso(today, 900) });

  // Implementation programme, adopted by the OOGO table.
  const prog = await svc.programmes.create(beleid, id, {
    title: 'Uitvoeringsprogramma Jeugd en Onderwijs Rondeel 2026–2027', startsOn: iso(today, -90), endsOn: iso(today, 640),
    intendedResults: 'Minder thuiszitters; elk kind binnen drie maanden een passend aanbod; signalen uit de wijk binnen een maand op de bestuurlijke tafel.',
    leadPartnerId: partner('Gemeente Rondeel'), leadPersonId: bart, partnerIds: everyone,
    arrangements: {
      steering: 'Bestuurlijk overleg OOGO stuurt; ambtelijk overleg LEA bereidt voor.', monitoring: 'Kwartaalmonitor thuiszitters en wachttijden.',
      accountability: 'Jaarlijkse rapportage aan raad en besturen.', cooperation: 'Convenant Thuiszitterspact Rondeel.',
      communication: 'Nieuwsbrief per kwartaal aan scholen en ouders.', finance: 'Gebundeld doorbraakbudget gemeente en SWV PO.',
    },
  });
  for (const [title, progress, status] of [['Zorgroute thuiszitters', 60, 'running'], ['Wijkteam in elke school', 35, 'running'], ['Ouderpanel', 0, 'planned']] as const) {
    await svc.programmes.addActivity(beleid, id, idOf(prog), { title, progress, status, leadPartnerId: partner('Gemeente Rondeel'), startsOn: iso(today, -60), endsOn: iso(today, 300) });
  }
  await svc.programmes.adopt(beleid, id, idOf(prog), 1, { tableId: gov.id, adoptedOn: iso(today, -30) });

  // Two self-assessment rounds on the six effective elements; respondents are demo staff and the demo parent.
  const [six] = (await svc.assessments.frameworks(beleid, id)).filter((f) => f.key === 'six-elements');
  const respondents: { key: string; group: 'work_floor' | 'policy' | 'governance' | 'parent' | 'young_person'; org?: string }[] = [
    { key: 'ib', group: 'work_floor', org: 'OBS De Kring' }, { key: 'leerkracht', group: 'work_floor', org: 'OBS De Kring' },
    { key: 'zorgcoordinator', group: 'work_floor', org: 'Rondeel College' }, { key: 'wijkteam', group: 'work_floor', org: 'Wijkteam Rondeel-Noord' },
    { key: 'jgz', group: 'work_floor', org: 'JGZ GGD Rondeel' }, { key: 'leerplicht', group: 'work_floor', org: 'Leerplicht Regio Rondeel' },
    { key: 'beleid', group: 'policy', org: 'Gemeente Rondeel' }, { key: 'swv', group: 'policy', org: 'SWV PO Rondeel e.o.' },
    { key: 'swv-vo', group: 'policy', org: 'SWV VO Rondeel e.o.' }, { key: 'gemeente', group: 'governance', org: 'Gemeente Rondeel' },
    { key: 'ouder', group: 'parent' }, { key: 'jongere', group: 'young_person' },
  ];
  for (const [n, spec] of [[0, { title: 'Zelfevaluatie samenwerking voorjaar', opensOn: iso(today, -240), closesOn: iso(today, -210), base: 2.6 }],
    [1, { title: 'Zelfevaluatie samenwerking najaar', opensOn: iso(today, -20), closesOn: iso(today, 20), base: 3.2 }]] as const) {
    // The earlier round is created open, answered, then closed on its date (answers are only taken while a round is open).
    const round = await svc.assessments.createRound(beleid, id, { frameworkId: six!.id, title: spec.title, opensOn: spec.opensOn, ...(n === 0 ? {} : { closesOn: spec.closesOn }) });
    await svc.assessments.invite(beleid, id, round.id, { invitations: respondents.map((r) => ({ userId: ids.users.get(r.key)!, respondentGroup: r.group, ...(r.org ? { partnerId: partner(r.org) } : {}) })) });
    // The second round leaves the demo parent and young person to answer themselves.
    const answering = n === 0 ? respondents : respondents.filter((r) => r.group !== 'parent' && r.group !== 'young_person');
    for (const r of answering) {
      const score = () => Math.max(1, Math.min(5, Math.round(spec.base + rand() * 2 - 0.5)));
      const answers = six!.elements.flatMap((e) => e.items).map((i) => ({ itemId: i.id, score: score() }));
      await svc.assessments.respond(await actorFor(db, ids, r.key), round.id, answers, iso(today, 0));
    }
    if (n === 0) {
      await svc.assessments.updateRound(beleid, id, round.id, 1, { status: 'closed', closesOn: spec.closesOn });
      await svc.assessments.saveReading(beleid, id, round.id, 0, {
        recognise: 'Ja: op de werkvloer is de samenwerking sterker dan in de regie.', explain: 'Mandaat in de uitvoering is nog niet overal geregeld.',
        opinion: 'Regie verdient prioriteit.', improve: 'Portefeuilles met mandaat en vervanging vastleggen.',
        actions: [{ text: 'Portefeuilles met vervangers vastleggen in de partnerkaart', dueOn: iso(today, -150), owner: 'Bart Beleid' }],
      });
    }
  }
  // The travel guide: the first stages are under way.
  const guide = await svc.guide.get(beleid, id);
  for (const stage of guide.stages.slice(0, 4)) {
    for (const item of stage.items.slice(0, stage.position === 4 ? stage.items.length : 2)) await svc.guide.check(beleid, id, item.id, { done: true });
  }
}
