/**
 * The demo region "Regio Rondeel": fictional gemeenten, wijken, a PO and a VO
 * samenwerkingsverband, about 20 schools, childcare, a wijkteam per wijk, JGZ, a
 * youth-care provider, leerplicht, municipality policy, a few hundred young people
 * (from expected birth to 27) with their families, and a demo login for every role.
 *
 * A fixed seed makes the same people every time. Birth dates are offsets from the day
 * of seeding, so the demo 16-year-old is 16 whenever the demo is made.
 * Names are obviously fictional; BSNs are in the 9999… range and pass the elfproef.
 */
import type { Db, Queryable } from '../core/db.ts';
import { hashPassword } from '../core/passwords.ts';
import { appendAudit, youngPersonChain } from '../core/audit.ts';
import { insertArea, insertMembership, insertOrganisation, insertRegion } from '../modules/admin/admin.repo.ts';
import { createUserTx } from '../modules/admin/admin.service.ts';
import type { Role } from '../core/session.ts';
import { isValidBsn } from '../../shared/bsn.ts';
import { extendDemo } from './demo-kindkring.ts';
import { extendDemoPartnerships } from './demo-partnerships.ts';
import { extendDemoLeerplicht } from './demo-leerplicht.ts';
import { extendDemoSupport } from './demo-support.ts';

export const DEMO_PASSWORD = 'Rondom-demo-2026';
export const DEMO_DOMAIN = 'demo.rondom.example';

/** Deterministic PRNG (mulberry32). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const GIVEN = ['Noor', 'Daan', 'Emma', 'Sem', 'Julia', 'Luuk', 'Tess', 'Finn', 'Zoë', 'Milan', 'Sara', 'Levi', 'Mila', 'Bram',
  'Lotte', 'Jesse', 'Fenna', 'Ravi', 'Yara', 'Omar', 'Ilse', 'Thijs', 'Amira', 'Jayden', 'Sanne', 'Mees', 'Nora', 'Ayoub',
  'Vera', 'Stijn', 'Lina', 'Ruben', 'Hanna', 'Kian', 'Elif', 'Joep'];
const PARENT_GIVEN = ['Anouk', 'Mark', 'Fatima', 'Peter', 'Ingrid', 'Hassan', 'Marieke', 'Dennis', 'Sandra', 'Rachid',
  'Esther', 'Bas', 'Monique', 'Youssef', 'Karin', 'Erik', 'Nadia', 'Jeroen', 'Linda', 'Mehmet'];
// Obviously fictional family names: no real family is meant.
const FAMILY = ['Vlinderhof', 'Merelaar', 'Eikenhout', 'Zonnedal', 'Wolkenveld', 'Regenboog', 'Klaverblad', 'Duinroos',
  'Sterrenwacht', 'Maanzaad', 'Beukenlaan', 'Wilgenkamp', 'Kievitsbloem', 'Zeewind', 'Lindeboom', 'Hazelaar',
  'Vossenhol', 'Reigersbos', 'Paddenstoel', 'Brughout', 'Tulpenveld', 'Heidebloem', 'Mosselbank', 'Kastanjelaan'];

export interface DemoLogin { role: string; email: string }

const STAFF: { key: string; name: string; org: string; role: Role; label: string }[] = [
  { key: 'leerkracht', name: 'Lieke Leerkracht', org: 'OBS De Kring', role: 'teacher', label: 'leerkracht / teacher' },
  { key: 'ib', name: 'Ibrahim Intern', org: 'OBS De Kring', role: 'intern_begeleider', label: 'intern begeleider' },
  { key: 'zorgcoordinator', name: 'Zoë Zorgcoördinator', org: 'Rondeel College', role: 'zorgcoordinator', label: 'zorgcoördinator (VO)' },
  { key: 'wijkteam', name: 'Wim Wijkteam', org: 'Wijkteam Rondeel-Noord', role: 'youth_care_professional', label: 'wijkteam (jeugdprofessional)' },
  { key: 'wijkteam2', name: 'Wendy Wijkteam', org: 'Wijkteam Rondeel-Zuid', role: 'youth_care_professional', label: 'wijkteam, another wijk' },
  { key: 'jeugdhulp', name: 'Jasper Jeugdhulp', org: 'Jeugdhulp De Brug', role: 'youth_care_professional', label: 'jeugdhulpaanbieder' },
  { key: 'jgz', name: 'Jolien Jeugdarts', org: 'JGZ GGD Rondeel', role: 'jgz_professional', label: 'JGZ (jeugdarts)' },
  { key: 'leerplicht', name: 'Lars Leerplicht', org: 'Leerplicht Regio Rondeel', role: 'leerplicht_officer', label: 'leerplichtambtenaar' },
  { key: 'swv', name: 'Sophie Samenwerkingsverband', org: 'SWV PO Rondeel e.o.', role: 'swv_coordinator', label: 'SWV-coördinator (PO)' },
  { key: 'swv-vo', name: 'Victor Voortgezet', org: 'SWV VO Rondeel e.o.', role: 'swv_coordinator', label: 'SWV-coördinator (VO)' },
  { key: 'gemeente', name: 'Gerda Gemeente', org: 'Gemeente Rondeel', role: 'municipality_coordinator', label: 'gemeente-coördinator (doorzettingsmacht)' },
  { key: 'beleid', name: 'Bart Beleid', org: 'Gemeente Rondeel', role: 'policy_maker', label: 'beleidsmaker / policy maker' },
  { key: 'kinderopvang', name: 'Kim Kinderopvang', org: 'Kinderopvang Het Nest', role: 'teacher', label: 'pedagogisch medewerker kinderopvang' },
  { key: 'orgadmin', name: 'Olga Organisatiebeheer', org: 'Wijkteam Rondeel-Noord', role: 'org_admin', label: 'organisatiebeheerder' },
  { key: 'fg', name: 'Fatima Functionaris', org: 'Gemeente Rondeel', role: 'privacy_officer', label: 'functionaris gegevensbescherming / privacy officer' },
];

export function demoEmail(key: string): string {
  return `${key}@${DEMO_DOMAIN}`;
}

export function demoLogins(): DemoLogin[] {
  return [
    { role: 'platformbeheerder / platform admin', email: demoEmail('admin') },
    ...STAFF.map((s) => ({ role: s.label, email: demoEmail(s.key) })),
    { role: 'ouder / parent', email: demoEmail('ouder') },
    { role: 'jongere van 16 / young person (16)', email: demoEmail('jongere') },
  ];
}

function isoDaysAgo(today: Date, days: number): string {
  const d = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()) - days * 86400000);
  return d.toISOString().slice(0, 10);
}

function demoBsn(rand: () => number): string {
  for (;;) {
    const candidate = `9999${String(Math.floor(rand() * 100000)).padStart(5, '0')}`;
    if (isValidBsn(candidate)) return candidate;
  }
}

export interface DemoIds {
  regionId: string;
  orgs: Map<string, string>;
  areas: Map<string, string>;
  users: Map<string, string>;
  youngPeople: { id: string; birthDate: string; schoolId: string | null; parentIds: string[]; key?: string }[];
}

/** Creates the demo region. Refuses when it already exists (run it on a fresh database). */
export async function seedDemo(db: Db, today = new Date(), options: { baseOnly?: boolean } = {}): Promise<DemoIds> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const ids = await db.tx(async (q) => {
    const [exists] = await q.query(`SELECT 1 FROM regions WHERE slug = 'demo'`);
    if (exists) throw new Error('The demo region already exists in this database.');
    return seedBase(q, passwordHash, today);
  });
  if (options.baseOnly) return ids;
  await extendDemo(db, ids, today);
  await extendDemoLeerplicht(db, ids, today);
  await extendDemoPartnerships(db, ids, today);
  await extendDemoSupport(db, ids, today);
  return ids;
}

async function seedBase(q: Queryable, passwordHash: string, today: Date): Promise<DemoIds> {
  const rand = prng(20261124);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const region = await insertRegion(q, 'demo', 'Regio Rondeel (demo)');
  const areas = new Map<string, string>();
  const orgs = new Map<string, string>();
  const users = new Map<string, string>();

  const gemeenten: Record<string, string[]> = {
    Rondeel: ['Rondeel-Noord', 'Rondeel-Zuid', 'Rondeel-Centrum'],
    Kringveen: ['Kringveen-Dorp', 'Kringveen-Polder'],
    Middelwaard: ['Middelwaard-Oost', 'Middelwaard-West'],
  };
  let code = 9901;
  for (const [g, wijken] of Object.entries(gemeenten)) {
    const gem = await insertArea(q, region.id, { kind: 'gemeente', name: g, code: `GM${code++}` });
    areas.set(g, gem.id);
    for (const w of wijken) areas.set(w, (await insertArea(q, region.id, { kind: 'wijk', name: w, parentId: gem.id })).id);
  }
  areas.set('SWV PO', (await insertArea(q, region.id, { kind: 'swv_region', name: 'PO Rondeel e.o.', code: 'PO99-01' })).id);
  areas.set('SWV VO', (await insertArea(q, region.id, { kind: 'swv_region', name: 'VO Rondeel e.o.', code: 'VO99-01' })).id);

  const addOrg = async (name: string, type: string, areaKey: string, schoolType?: string) => {
    const o = await insertOrganisation(q, {
      regionId: region.id, areaId: areas.get(areaKey), type, name, schoolType,
      contactEmail: `info@${name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}.${DEMO_DOMAIN}`,
      contactPhone: `0900-${String(1000 + orgs.size).padStart(4, '0')}`,
    });
    orgs.set(name, o.id);
    return o.id;
  };

  await addOrg('Stichting Kringscholen', 'school_board', 'Rondeel');
  await addOrg('Rondeel Onderwijsgroep', 'school_board', 'Rondeel');
  await addOrg('SWV PO Rondeel e.o.', 'swv', 'SWV PO');
  await addOrg('SWV VO Rondeel e.o.', 'swv', 'SWV VO');
  const po = ['OBS De Kring', 'CBS Het Kompas', 'IKC De Regenboog', 'OBS De Wilgen', 'Basisschool De Vlieger',
    'CBS De Ark', 'OBS Het Duin', 'IKC Zonnewijzer', 'Basisschool De Linde', 'OBS De Polder', 'CBS De Toren',
    'Basisschool Middelpunt', 'OBS De Waard', 'IKC Oostwind'];
  const wijkList = Object.values(gemeenten).flat();
  for (const [i, name] of po.entries()) await addOrg(name, 'school', wijkList[i % wijkList.length]!, 'po');
  await addOrg('SBO De Brug', 'school', 'Rondeel-Centrum', 'so');
  await addOrg('Rondeel College', 'school', 'Rondeel-Centrum', 'vo');
  await addOrg('Kringveen Lyceum', 'school', 'Kringveen-Dorp', 'vo');
  await addOrg('Vakcollege Middelwaard', 'school', 'Middelwaard-Oost', 'vo');
  await addOrg('Het Waardcollege', 'school', 'Middelwaard-West', 'vo');
  await addOrg('VSO De Horizon', 'school', 'Rondeel-Zuid', 'vso');
  await addOrg('Kinderopvang Het Nest', 'childcare', 'Rondeel-Noord');
  await addOrg('Kinderopvang Kringeltje', 'childcare', 'Kringveen-Dorp');
  for (const w of wijkList) await addOrg(`Wijkteam ${w}`, 'wijkteam', w);
  await addOrg('JGZ GGD Rondeel', 'jgz', 'Rondeel');
  await addOrg('Jeugdhulp De Brug', 'youth_care_provider', 'Rondeel');
  await addOrg('Leerplicht Regio Rondeel', 'leerplicht', 'Rondeel');
  for (const g of Object.keys(gemeenten)) await addOrg(`Gemeente ${g}`, 'municipality', g);

  users.set('admin', await createUserTx(q, {
    regionId: region.id, kind: 'staff', email: demoEmail('admin'), displayName: 'Ada Admin', passwordHash, isPlatformAdmin: true,
  }, null));
  for (const s of STAFF) {
    users.set(s.key, await createUserTx(q, {
      regionId: region.id, kind: 'staff', email: demoEmail(s.key), displayName: s.name, passwordHash,
      memberships: [{ organisationId: orgs.get(s.org)!, role: s.role }],
    }, null));
  }
  // The wijkteam professional also coordinates in the wijkteam (a second role).
  await insertMembership(q, users.get('orgadmin')!, orgs.get('Wijkteam Rondeel-Noord')!, 'youth_care_professional');

  // Families: parents with gezag and their children, from expected birth to 27.
  const youngPeople: DemoIds['youngPeople'] = [];
  const schoolsPo = po.map((n) => orgs.get(n)!);
  const schoolsVo = ['Rondeel College', 'Kringveen Lyceum', 'Vakcollege Middelwaard', 'Het Waardcollege'].map((n) => orgs.get(n)!);
  const gemeenteNames = Object.keys(gemeenten);
  let parentNo = 0;
  const addChild = async (family: string, gemeente: string, wijk: string, parentIds: string[], ageDays: number, key?: string) => {
    const birthDate = isoDaysAgo(today, ageDays);
    const years = ageDays / 365.25;
    const schoolId = years >= 4 && years < 12 ? pick(schoolsPo) : years >= 12 && years < 18 ? pick(schoolsVo) : null;
    const [yp] = await q.query<{ id: string }>(
      `INSERT INTO young_people (region_id, given_name, family_name, birth_date, birth_expected, bsn, gemeente_id, wijk_id, school_id)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9) RETURNING id`,
      [region.id, ageDays < 0 ? '(verwacht)' : pick(GIVEN), family, birthDate, ageDays < 0,
        ageDays < 0 || rand() < 0.3 ? null : demoBsn(rand), areas.get(gemeente), areas.get(wijk), schoolId],
    );
    for (const p of parentIds) {
      await q.query(`INSERT INTO guardianships (young_person_id, parent_user_id, region_id) VALUES ($1,$2,$3)`, [yp!.id, p, region.id]);
    }
    await appendAudit(q, { chainKey: youngPersonChain(yp!.id), kind: 'young_person.created', regionId: region.id, youngPersonId: yp!.id, subjectType: 'young_person', subjectId: yp!.id, basis: 'demo', details: { source: 'demo' } });
    youngPeople.push({ id: yp!.id, birthDate, schoolId, parentIds, key });
    return yp!.id;
  };
  const addParent = async (family: string, key?: string) => {
    parentNo++;
    const email = demoEmail(key ?? `ouder${parentNo}`);
    const id = await createUserTx(q, { regionId: region.id, kind: 'parent', email, displayName: `${pick(PARENT_GIVEN)} ${family}`, passwordHash }, null);
    if (key) users.set(key, id);
    return id;
  };

  // The demo parent: two children (9 and 14) and a baby on the way; both parents hold gezag.
  {
    const g = 'Rondeel';
    const p1 = await addParent('Vlinderhof', 'ouder');
    const p2 = await addParent('Vlinderhof');
    await addChild('Vlinderhof', g, 'Rondeel-Noord', [p1, p2], Math.round(9.4 * 365.25), 'child9');
    await addChild('Vlinderhof', g, 'Rondeel-Noord', [p1, p2], Math.round(14.2 * 365.25), 'child14');
    await addChild('Vlinderhof', g, 'Rondeel-Noord', [p1, p2], -60, 'unborn');
  }
  // The demo young person: 16, with an account of their own.
  {
    const p = await addParent('Merelaar');
    const id = await addChild('Merelaar', 'Rondeel', 'Rondeel-Zuid', [p], Math.round(16.3 * 365.25), 'jongere');
    const userId = await createUserTx(q, { regionId: region.id, kind: 'young_person', email: demoEmail('jongere'), displayName: 'Sem Merelaar', passwordHash }, null);
    await q.query(`UPDATE young_people SET user_id = $2, given_name = 'Sem' WHERE id = $1`, [id, userId]);
    users.set('jongere', userId);
  }
  // About 130 more families, 1–3 children each: a few hundred young people in all.
  for (let f = 0; f < 130; f++) {
    const family = FAMILY[f % FAMILY.length]!;
    const gemeente = gemeenteNames[f % gemeenteNames.length]!;
    const wijk = pick(gemeenten[gemeente]!);
    const parents = [await addParent(family)];
    if (rand() < 0.6) parents.push(await addParent(family));
    const n = 1 + Math.floor(rand() * 3);
    const eldest = Math.floor(rand() * 27 * 365.25);
    for (let c = 0; c < n; c++) {
      const age = Math.max(-270, eldest - c * Math.floor(500 + rand() * 1000));
      // Over-18s keep their own authority; the link to parents is kept only for minors.
      await addChild(family, gemeente, wijk, age < 18 * 365.25 ? parents : [], age);
    }
  }
  return { regionId: region.id, orgs, areas, users, youngPeople };
}
