/**
 * Region generator for the benchmark: set-based SQL only (generate_series, INSERT … SELECT),
 * so a 250,000-child region loads in minutes on two cores, on PostgreSQL and on PGlite alike.
 *
 * Reproducible: every id and every "random" attribute is derived from md5(seed, tag, index),
 * never from random(). Dates are relative to the day of the run (access rules work on "today").
 *
 * Audit events form valid hash chains (one per young person, `yp:<id>`): the hash is computed
 * in SQL over exactly the canonical JSON that server/core/audit.ts hashes, one chain position
 * ("level") at a time, so each level reads the previous level's hash. A sample of chains is
 * then re-verified in Node with eventHash() (see verifySample).
 */
import type { Db } from '../server/core/db.ts';
import { eventHash, GENESIS } from '../server/core/audit.ts';
import { hashPassword } from '../server/core/passwords.ts';

export interface RegionSize {
  youngPeople: number;
  networks: number;
  /** Out-of-school (leerplicht) cases; generated only when the leerplicht tables exist. */
  cases: number;
  professionals: number;
  organisations: number;
  auditEvents: number;
  gemeenten: number;
  swvs: number;
  actionsPerPlan: number;
  timelinePerNetwork: number;
  /** Professionals (of those involved in networks) that get a ready session for the load test. */
  sessions: number;
}

export const FULL: RegionSize = {
  youngPeople: 250_000, networks: 40_000, cases: 10_000, professionals: 5_000, organisations: 400, auditEvents: 2_000_000,
  gemeenten: 20, swvs: 4, actionsPerPlan: 10, timelinePerNetwork: 10, sessions: 3_000,
};

export const QUICK: RegionSize = {
  youngPeople: 5_000, networks: 800, cases: 200, professionals: 400, organisations: 40, auditEvents: 50_000,
  gemeenten: 4, swvs: 1, actionsPerPlan: 10, timelinePerNetwork: 10, sessions: 300,
};

export interface Step {
  name: string;
  run: () => Promise<void>;
}

export interface GenerateResult {
  seconds: number;
  steps: { name: string; seconds: number }[];
  counts: Record<string, number>;
  sampleVerified: { chains: number; events: number; ok: boolean; problem?: string };
}

export const BENCH_PASSWORD = 'Bench-region-password-2026';

const q = (s: string) => s.replace(/'/g, "''");

/** Deterministic pseudo-random bigint ≥ 0 from (seed, tag, i). Dropped again after generation. */
function randFn(seed: string): string {
  return `CREATE OR REPLACE FUNCTION bench_rand(tag text, i bigint) RETURNS bigint LANGUAGE sql IMMUTABLE AS
    $$ SELECT ('x' || substr(md5('${q(seed)}:' || tag || ':' || i), 1, 15))::bit(60)::bigint $$;
  CREATE OR REPLACE FUNCTION bench_id(tag text, i bigint) RETURNS uuid LANGUAGE sql IMMUTABLE AS
    $$ SELECT md5('${q(seed)}:id:' || tag || ':' || i)::uuid $$;`;
}

function orgPlan(size: RegionSize): { type: string; role: string; count: number }[] {
  const O = size.organisations;
  const fixed = [
    { type: 'municipality', role: 'municipality_coordinator', count: size.gemeenten },
    { type: 'leerplicht', role: 'leerplicht_officer', count: size.gemeenten },
    { type: 'swv', role: 'swv_coordinator', count: size.swvs },
    { type: 'jgz', role: 'jgz_professional', count: Math.max(1, Math.round(O * 0.025)) },
    { type: 'wijkteam', role: 'youth_care_professional', count: Math.max(2, Math.round(O * 0.1)) },
    { type: 'youth_care_provider', role: 'youth_care_professional', count: Math.max(2, Math.round(O * 0.15)) },
  ];
  const used = fixed.reduce((s, f) => s + f.count, 0);
  return [...fixed, { type: 'school', role: 'intern_begeleider', count: Math.max(2, O - used) }];
}

async function hasSummaries(db: Db): Promise<boolean> {
  return Boolean((await db.query<{ ok: boolean }>(`SELECT to_regclass('network_summaries') IS NOT NULL AS ok`))[0]?.ok);
}

/**
 * Region n of a run (--citus makes two): its own seed, so every id differs, and its own names.
 * Region 1 is what a single-region run has always made.
 */
export function regionSeed(seed: string, region: number): string {
  return region === 1 ? seed : `${seed}/r${region}`;
}
export function benchDomain(region: number): string {
  return region === 1 ? 'bench.rondom.example' : `bench-r${region}.rondom.example`;
}

/** The generation steps, in order. Each is one or a few set-based statements. */
export function generationSteps(db: Db, size: RegionSize, baseSeed: string, onDone: (r: Partial<GenerateResult>) => void, region = 1): Step[] {
  const seed = regionSeed(baseSeed, region);
  const domain = benchDomain(region);
  const Y = size.youngPeople, N = Math.min(size.networks, size.youngPeople), P = size.professionals, G = size.gemeenten, S = size.swvs;
  const plan = orgPlan(size);
  const O = plan.reduce((s, p) => s + p.count, 0);
  const schoolCount = plan.find((p) => p.type === 'school')!.count; // schools are the last block of organisation indexes
  // Audit: network children carry most events; the rest share what is left (at least one each).
  const perNetworkChild = Math.max(1, Math.min(40, Math.floor((size.auditEvents * 0.8) / N)));
  const rest = Math.max(0, size.auditEvents - perNetworkChild * N);
  const others = Y - N;
  const perOther = others > 0 ? Math.floor(rest / others) : 0;
  const extraOthers = others > 0 ? rest - perOther * others : 0;
  const maxLevel = Math.max(perNetworkChild, perOther + (extraOthers > 0 ? 1 : 0));
  const today = `current_date`;
  let passwordHash = '';
  let savedIndexes: { name: string; def: string; con: string | null; condef: string | null }[] = [];

  const steps: Step[] = [
    { name: 'helpers', run: async () => {
      passwordHash = await hashPassword(BENCH_PASSWORD); // one argon2 hash, reused by every account
      await db.exec(randFn(seed));
      await db.exec(`
        DROP TABLE IF EXISTS bench_orgs, bench_pros, bench_nets, bench_chains, bench_src;
        CREATE UNLOGGED TABLE bench_orgs (idx int PRIMARY KEY, id uuid, type text, role text, area_idx int, type_rank int, staff int);
        CREATE UNLOGGED TABLE bench_pros (idx int PRIMARY KEY, id uuid, org_idx int, org_id uuid, org_name text, type text, role text,
          type_rank int, org_rank int, name text);
        CREATE UNLOGGED TABLE bench_nets (y int PRIMARY KEY, yp_id uuid, net_id uuid, plan_id uuid, parent_id uuid, birth_date date,
          p1 uuid, o1 uuid, r1 text, n1 text, on1 text, p2 uuid, o2 uuid, r2 text, n2 text, on2 text, p3 uuid, o3 uuid, r3 text, n3 text, on3 text);
        CREATE UNLOGGED TABLE bench_chains (y int PRIMARY KEY, yp_id uuid, chain_key text, n int, net boolean);`);
    } },
    { name: 'region, areas, organisations', run: async () => {
      await db.query(`INSERT INTO regions (id, slug, name) VALUES (bench_id('region', 1), $1, $2)`,
        [region === 1 ? 'bench' : `bench-r${region}`, region === 1 ? 'Benchmarkregio' : `Benchmarkregio ${region}`]);
      await db.query(`INSERT INTO areas (id, region_id, kind, name, code)
        SELECT bench_id('gemeente', g), bench_id('region', 1), 'gemeente', 'Gemeente ' || g, 'GM' || lpad(g::text, 4, '0') FROM generate_series(1, $1) g`, [G]);
      await db.query(`INSERT INTO areas (id, region_id, kind, name, parent_id)
        SELECT bench_id('wijk', w), bench_id('region', 1), 'wijk', 'Wijk ' || w, bench_id('gemeente', (w - 1) % $1 + 1) FROM generate_series(1, $1 * 3) w`, [G]);
      await db.query(`INSERT INTO areas (id, region_id, kind, name) SELECT bench_id('swv', s), bench_id('region', 1), 'swv_region', 'SWV-regio ' || s FROM generate_series(1, $1) s`, [S]);
      let idx = 0;
      for (const p of plan) {
        await db.query(`INSERT INTO bench_orgs (idx, id, type, role, area_idx, type_rank)
          SELECT $1 + k, bench_id('org', $1 + k), $2, $3, CASE WHEN $2 = 'swv' THEN (k - 1) % $5 + 1 ELSE (k - 1) % $6 + 1 END, k FROM generate_series(1, $4) k`,
          [idx, p.type, p.role, p.count, S, G]);
        idx += p.count;
      }
      await db.query(`INSERT INTO organisations (id, region_id, area_id, type, name, school_type, contact_email)
        SELECT o.id, bench_id('region', 1), CASE WHEN o.type = 'swv' THEN bench_id('swv', o.area_idx) ELSE bench_id('gemeente', o.area_idx) END,
               o.type, initcap(replace(o.type, '_', ' ')) || ' ' || o.type_rank,
               CASE WHEN o.type = 'school' THEN (ARRAY['po','po','vo','so'])[o.type_rank % 4 + 1] END, 'info' || o.idx || '@org.bench.example'
          FROM bench_orgs o`);
    } },
    { name: 'professionals, memberships', run: async () => {
      await db.query(`INSERT INTO bench_pros (idx, id, org_idx, org_id, org_name, type, role, type_rank, org_rank, name)
        SELECT p, bench_id('pro', p), o.idx, o.id, initcap(replace(o.type, '_', ' ')) || ' ' || o.type_rank, o.type,
               CASE WHEN o.type = 'school' THEN (ARRAY['teacher','intern_begeleider','zorgcoordinator'])[p % 3 + 1] ELSE o.role END,
               row_number() OVER (PARTITION BY o.type ORDER BY p), row_number() OVER (PARTITION BY o.idx ORDER BY p),
               (ARRAY['Anna','Bram','Chantal','Daan','Esra','Fatima','Gijs','Hanneke','Ilse','Joost','Karim','Lotte'])[p % 12 + 1] || ' ' ||
               (ARRAY['de Vries','Jansen','Bakker','Visser','Smit','Meijer','Yilmaz','El Amrani','Mulder','de Boer'])[(p / 12) % 10 + 1]
          FROM generate_series(1, $1) p JOIN bench_orgs o ON o.idx = (p - 1) % $2 + 1`, [P, O]);
      await db.exec(`CREATE INDEX ON bench_pros (type, type_rank); CREATE INDEX ON bench_pros (org_idx, org_rank);
        UPDATE bench_orgs o SET staff = (SELECT count(*) FROM bench_pros p WHERE p.org_idx = o.idx); ANALYZE bench_pros; ANALYZE bench_orgs;`);
      await db.query(`INSERT INTO users (id, region_id, kind, email, display_name, password_hash)
        SELECT id, bench_id('region', 1), 'staff', 'pro' || idx || '@${domain}', name, $1 FROM bench_pros`, [passwordHash]);
      await db.query(`INSERT INTO memberships (user_id, organisation_id, role) SELECT id, org_id, role FROM bench_pros`);
    } },
    { name: 'young people', run: async () => {
      await db.query(`INSERT INTO young_people (id, region_id, given_name, family_name, birth_date, gemeente_id, wijk_id, school_id)
        SELECT bench_id('yp', y), bench_id('region', 1),
               (ARRAY['Sem','Noah','Liam','Emma','Julia','Mila','Lucas','Tess','Zoë','Daan','Yara','Finn','Saar','Mohammed','Nora','Levi'])[bench_rand('gn', y) % 16 + 1],
               (ARRAY['de Jong','Jansen','de Vries','van den Berg','van Dijk','Bakker','Janssen','Visser','Smit','Meijer','de Boer','Mulder','de Groot','Bos','Vos','Peters'])[bench_rand('fn', y) % 16 + 1],
               ${today} - (bench_rand('bd', y) % (21 * 365))::int,
               bench_id('gemeente', bench_rand('gm', y) % $2 + 1), bench_id('wijk', bench_rand('gm', y) % $2 + 1 + $2 * (bench_rand('wk', y) % 3)),
               CASE WHEN bench_rand('bd', y) % (21 * 365) BETWEEN 4 * 365 AND 18 * 365
                    THEN bench_id('org', $3 + bench_rand('sc', y) % $4 + 1) END
          FROM generate_series(1, $1) y`, [Y, G, O - schoolCount, schoolCount]);
    } },
    { name: 'parents, networks, involvements', run: async () => {
      const perType = (type: string) => `(SELECT count(*) FROM bench_pros WHERE type = '${type}')`;
      await db.query(`INSERT INTO bench_nets (y, yp_id, net_id, plan_id, parent_id, birth_date)
        SELECT y, bench_id('yp', y), bench_id('net', y), bench_id('plan', y), bench_id('parent', y), yp.birth_date
          FROM generate_series(1, $1) y JOIN young_people yp ON yp.region_id = bench_id('region', 1) AND yp.id = bench_id('yp', y)`, [N]);
      // 1: lead from a wijkteam or youth-care provider; 2: the school's staff (or JGZ when no school); 3: JGZ or leerplicht.
      await db.exec(`
        UPDATE bench_nets b SET p1 = p.id, o1 = p.org_id, r1 = p.role, n1 = p.name, on1 = p.org_name FROM bench_pros p
         WHERE p.type = CASE WHEN bench_rand('lt', b.y) % 2 = 0 THEN 'wijkteam' ELSE 'youth_care_provider' END
           AND p.type_rank = bench_rand('lead', b.y) % (CASE WHEN bench_rand('lt', b.y) % 2 = 0 THEN ${perType('wijkteam')} ELSE ${perType('youth_care_provider')} END) + 1;
        UPDATE bench_nets b SET p2 = p.id, o2 = p.org_id, r2 = p.role, n2 = p.name, on2 = p.org_name
          FROM young_people yp, bench_orgs o, bench_pros p
         WHERE yp.region_id = bench_id('region', 1) AND yp.id = b.yp_id AND o.id = yp.school_id AND p.org_idx = o.idx
           AND p.org_rank = bench_rand('sp', b.y) % o.staff + 1;
        UPDATE bench_nets b SET p3 = p.id, o3 = p.org_id, r3 = p.role, n3 = p.name, on3 = p.org_name FROM bench_pros p
         WHERE p.type = CASE WHEN bench_rand('t3', b.y) % 3 = 0 THEN 'leerplicht' ELSE 'jgz' END
           AND p.type_rank = bench_rand('p3', b.y) % (CASE WHEN bench_rand('t3', b.y) % 3 = 0 THEN ${perType('leerplicht')} ELSE ${perType('jgz')} END) + 1;
        UPDATE bench_nets SET p2 = p3, o2 = o3, r2 = r3, n2 = n3, on2 = on3 WHERE p2 IS NULL;`);
      await db.query(`INSERT INTO users (id, region_id, kind, email, display_name, password_hash)
        SELECT parent_id, bench_id('region', 1), 'parent', 'ouder' || y || '@${domain}', 'Ouder ' || y, $1 FROM bench_nets`, [passwordHash]);
      await db.exec(`
        INSERT INTO guardianships (young_person_id, parent_user_id, region_id) SELECT yp_id, parent_id, bench_id('region', 1) FROM bench_nets;
        INSERT INTO networks (id, region_id, young_person_id, lead_user_id, lead_organisation_id, created_at)
          SELECT net_id, bench_id('region', 1), yp_id, p1, o1, now() - interval '1 day' * (bench_rand('nc', y) % 700 + 30) FROM bench_nets;
        INSERT INTO involvements (region_id, network_id, young_person_id, user_id, organisation_id, role, starts_on, invited_by)
          SELECT DISTINCT ON (b.y, x.p, x.o) bench_id('region', 1), b.net_id, b.yp_id, x.p, x.o, x.r, ${today} - (bench_rand('is', b.y) % 600 + 1)::int, b.p1
            FROM bench_nets b CROSS JOIN LATERAL (VALUES (b.p1, b.o1, b.r1), (b.p2, b.o2, b.r2), (b.p3, b.o3, b.r3)) x(p, o, r)
           WHERE x.p IS NOT NULL ORDER BY b.y, x.p, x.o;
        INSERT INTO questions (region_id, young_person_id, network_id, text, life_domains, raised_by, created_by)
          SELECT bench_id('region', 1), yp_id, net_id, 'Hoe kan het weer goed gaan op school en thuis?', ARRAY['school','thuis'], 'parent', p1 FROM bench_nets;`);
    } },
    { name: 'consents, legal bases', run: async () => {
      // Every tenth network rests on a legal task; the others on the consent of the parent and the young person.
      await db.exec(`
        INSERT INTO legal_bases (region_id, young_person_id, kind, organisation_id, justification, recorded_by, reviewer_user_id, review_outcome, reviewed_at)
          SELECT bench_id('region', 1), yp_id, 'legal_task', o1, 'Wettelijke taak jeugdbescherming', p1, p1, 'confirmed', now() FROM bench_nets WHERE y % 10 = 0;
        INSERT INTO consents (region_id, young_person_id, purpose, recipient_organisation_id, consenter_user_id, consenter_relation, method, recorded_by, valid_from)
          SELECT DISTINCT bench_id('region', 1), b.yp_id, 'share_in_network', x.o, c.u, c.rel, 'verbal', b.p1, ${today} - 700
            FROM bench_nets b CROSS JOIN LATERAL (VALUES (b.o1), (b.o2), (b.o3)) x(o)
            CROSS JOIN LATERAL (VALUES (b.parent_id, 'parent'), (NULL::uuid, 'young_person')) c(u, rel)
           WHERE b.y % 10 <> 0 AND x.o IS NOT NULL;`);
    } },
    { name: 'plans, actions, timeline', run: async () => {
      await db.query(`INSERT INTO plans (id, region_id, young_person_id, current_version, created_at) SELECT plan_id, bench_id('region', 1), yp_id, 1, now() - interval '20 days' FROM bench_nets`);
      await db.query(`INSERT INTO plan_actions (plan_id, action_id, region_id, young_person_id, owner_user_id, what, due_on, status)
        SELECT b.plan_id, 'a' || k, bench_id('region', 1), b.yp_id, CASE k % 3 WHEN 0 THEN b.p1 WHEN 1 THEN b.p2 ELSE b.p3 END,
               (ARRAY['Gesprek met ouders plannen','Aanmelden bij jeugdhulp','Rooster op school aanpassen','Huisbezoek','Sport of club zoeken',
                      'Overleg met mentor','Afspraak JGZ','Thuiszitten voorkomen: maatwerk','Evaluatie voorbereiden','Contact met leerplicht'])[k] || ' (' || k || ')',
               ${today} + (bench_rand('due', b.y * 100 + k) % 180)::int - 60,
               (ARRAY['open','open','in_progress','done'])[bench_rand('st', b.y * 100 + k) % 4 + 1]
          FROM bench_nets b CROSS JOIN generate_series(1, $1) k ORDER BY b.y, k`, [size.actionsPerPlan]); // a plan's actions are written together
      await db.query(`INSERT INTO plan_versions (region_id, plan_id, young_person_id, number, goals, actions, lead_user_id, next_evaluation_on, change_summary, created_by, created_at)
        SELECT bench_id('region', 1), b.plan_id, b.yp_id, 1, '[{"id":"g1","text":"Weer naar school met plezier"}]'::jsonb,
               (SELECT jsonb_agg(jsonb_build_object('id', pa.action_id, 'goalId', 'g1', 'what', pa.what,
                  'owner', jsonb_build_object('userId', pa.owner_user_id, 'name', CASE pa.owner_user_id WHEN b.p1 THEN b.n1 WHEN b.p2 THEN b.n2 ELSE b.n3 END,
                                              'organisationName', CASE pa.owner_user_id WHEN b.p1 THEN b.on1 WHEN b.p2 THEN b.on2 ELSE b.on3 END),
                  'dueOn', pa.due_on, 'status', pa.status) ORDER BY substr(pa.action_id, 2)::int)
                  FROM plan_actions pa WHERE pa.region_id = bench_id('region', 1) AND pa.plan_id = b.plan_id),
               b.p1, ${today} + (bench_rand('ev', b.y) % 90)::int, 'Eerste plan', b.p1, now() - interval '20 days'
          FROM bench_nets b`);
      await db.query(`INSERT INTO timeline_entries (region_id, young_person_id, at, kind, actor_user_id, subject_id, summary)
        SELECT bench_id('region', 1), b.yp_id, now() - interval '1 hour' * (bench_rand('tl', b.y * 100 + k) % 8000 + 1),
               (ARRAY['network.created','question.created','involvement.added','plan.version_created','plan.commented','meeting.created'])[k % 6 + 1],
               CASE k % 3 WHEN 0 THEN b.p1 WHEN 1 THEN b.p2 ELSE b.p3 END, k::text, jsonb_build_object('n', k)
          FROM bench_nets b CROSS JOIN generate_series(1, $1) k ORDER BY b.y, k`, [size.timelinePerNetwork]);
    } },
    { name: 'out-of-school cases (leerplicht)', run: async () => {
      // Only once 0003_leerplicht.sql is in place; cases over the last two years, about a third still open.
      const [t] = await db.query<{ ok: boolean }>(`SELECT to_regclass('absences') IS NOT NULL AS ok`);
      if (!t?.ok || size.cases === 0) return;
      const [col] = await db.query(`SELECT 1 FROM information_schema.columns WHERE table_name = 'organisations' AND column_name = 'swv_id'`);
      if (col) {
        await db.query(`UPDATE organisations o SET swv_id = bench_id('org', 2 * $1 + (b.area_idx - 1) % $2 + 1) FROM bench_orgs b WHERE b.id = o.id AND b.type = 'school'`, [G, S]);
      }
      await db.query(`INSERT INTO absences (id, region_id, young_person_id, kind, started_on, ended_on, school_id, swv_id, gemeente_id, reason_category,
                                            offer_type, offer_extent, outcome, registered_by, created_at)
        SELECT bench_id('absence', c), bench_id('region', 1), yp.id,
               CASE WHEN yp.school_id IS NULL THEN 'absolute' WHEN bench_rand('ak', c) % 3 = 0 THEN 'relative' ELSE 'long_term_relative' END,
               x.started, CASE WHEN x.started + x.len < ${today} AND bench_rand('open', c) % 3 <> 0 THEN x.started + x.len END,
               yp.school_id, ${col ? 'o.swv_id' : 'NULL::uuid'}, yp.gemeente_id,
               (ARRAY['illness','psychological','behaviour','no_suitable_place','waiting_list','school_refusal','conflict_with_school','family_circumstances','other'])[bench_rand('rc', c) % 9 + 1],
               (ARRAY['none','education','care','education_and_care'])[bench_rand('of', c) % 4 + 1], (ARRAY['none','partial','full'])[bench_rand('oe', c) % 3 + 1],
               CASE WHEN x.started + x.len < ${today} AND bench_rand('open', c) % 3 <> 0 THEN (ARRAY['back_at_school','other_offer','exemption','moved','other'])[bench_rand('out', c) % 5 + 1] END,
               p.id, x.started::timestamptz
          FROM generate_series(1, $1) c
          CROSS JOIN LATERAL (SELECT ${today} - (bench_rand('as', c) % 730)::int AS started, (bench_rand('al', c) % 200 + 7)::int AS len) x
          JOIN young_people yp ON yp.region_id = bench_id('region', 1) AND yp.id = bench_id('yp', bench_rand('ay', c) % $2 + 1)
          LEFT JOIN organisations o ON o.id = yp.school_id
          JOIN bench_pros p ON p.type = 'leerplicht' AND p.type_rank = bench_rand('ar', c) % (SELECT count(*) FROM bench_pros WHERE type = 'leerplicht') + 1`,
      [size.cases, Y]);
      const [esc] = await db.query<{ ok: boolean }>(`SELECT to_regclass('escalations') IS NOT NULL AS ok`);
      if (esc?.ok) {
        await db.exec(`INSERT INTO escalations (region_id, absence_id, young_person_id, rung, rung_key, deadline, automatic, reason, created_at)
          SELECT region_id, id, young_person_id, 1, 'lead_professional', started_on + 70, true, 'Langer dan 8 weken thuis', (started_on + 56)::timestamptz
            FROM absences WHERE region_id = bench_id('region', 1) AND ended_on IS NULL AND started_on < ${today} - 56`);
        // Longer cases climb the ladder: the SWV's case consultant after 10 weeks, doorzettingsmacht for
        // one in three of those after 14 weeks, and for half of these the gemeente has decided (place, provider, payer).
        await db.exec(`INSERT INTO escalations (region_id, absence_id, young_person_id, rung, rung_key, deadline, automatic, reason, created_at)
          SELECT region_id, id, young_person_id, 2, 'swv_case_consultant', started_on + 84, true, 'Termijn verlopen', (started_on + 70)::timestamptz
            FROM absences WHERE region_id = bench_id('region', 1) AND ended_on IS NULL AND started_on < ${today} - 70`);
        await db.exec(`INSERT INTO escalations (region_id, absence_id, young_person_id, rung, rung_key, deadline, automatic, reason, created_at)
          SELECT region_id, id, young_person_id, 3, 'doorzettingsmacht', started_on + 112, false, 'Geen passend aanbod in zicht', (started_on + 98)::timestamptz
            FROM absences WHERE region_id = bench_id('region', 1) AND ended_on IS NULL AND started_on < ${today} - 98 AND bench_rand('dz', abs(hashtext(id::text))) % 3 = 0`);
        await db.exec(`INSERT INTO doorzetting_decisions (region_id, absence_id, young_person_id, decided_by, place, provider_organisation_id, payer_organisation_id,
                                                          due_on, reasoning, created_at)
          SELECT e.region_id, e.absence_id, e.young_person_id, p.id, 'Dagbehandeling met onderwijs', bench_id('org', bench_rand('dp', abs(hashtext(e.absence_id::text))) % ${O} + 1),
                 bench_id('org', bench_rand('dy', abs(hashtext(e.absence_id::text))) % ${O} + 1), e.deadline + 28, 'Besluit na overleg met school, SWV en ouders', e.created_at + interval '10 days'
            FROM escalations e JOIN bench_pros p ON p.type = 'municipality' AND p.type_rank = 1
           WHERE e.region_id = bench_id('region', 1) AND e.rung = 3 AND bench_rand('dd', abs(hashtext(e.absence_id::text))) % 2 = 0`);
      }
      const [ex] = await db.query<{ ok: boolean }>(`SELECT to_regclass('exemptions') IS NOT NULL AS ok`);
      if (ex?.ok) {
        // About 0.5 % of young people have a confirmed exemption this school year, and one in twenty of the open cases' children.
        await db.query(`INSERT INTO exemptions (region_id, young_person_id, article, school_year, valid_from, valid_until, statement_by, statement_role, never_able, status, registered_by)
          SELECT bench_id('region', 1), d.yp, (ARRAY['5a','5b','5c','15'])[bench_rand('xa', abs(hashtext(d.yp::text))) % 4 + 1],
                 sy.y || '-' || (sy.y + 1), make_date(sy.y, 8, 1), make_date(sy.y + 1, 7, 31), 'Arts', 'doctor', false, 'confirmed',
                 (SELECT id FROM bench_pros WHERE type = 'leerplicht' ORDER BY idx LIMIT 1)
            FROM (SELECT DISTINCT yp FROM (
                    SELECT bench_id('yp', bench_rand('xy', k) % $1 + 1) AS yp FROM generate_series(1, $1 / 200) k
                    UNION ALL SELECT young_person_id FROM absences WHERE region_id = bench_id('region', 1) AND ended_on IS NULL AND bench_rand('xo', abs(hashtext(id::text))) % 20 = 0) s) d
           CROSS JOIN (SELECT extract(year FROM ${today} - interval '7 months')::int AS y) sy`, [Y]);
      }
    } },
    { name: 'audit events (hash chains)', run: async () => {
      await db.query(`INSERT INTO bench_chains (y, yp_id, chain_key, n, net)
        SELECT y, bench_id('yp', y), 'yp:' || bench_id('yp', y), CASE WHEN y <= $2 THEN $3 ELSE $4 + CASE WHEN y - $2 <= $5 THEN 1 ELSE 0 END END, y <= $2
          FROM generate_series(1, $1) y`, [Y, N, perNetworkChild, perOther, extraOthers]);
      await db.exec(`DELETE FROM bench_chains WHERE n = 0; ANALYZE bench_chains;`);
      // Bulk load: drop audit_events' secondary indexes and unique constraint, rebuild them after (sorted builds
      // are far cheaper than two million random inserts). Their definitions are read from the catalog, so any
      // index a later migration adds is rebuilt as it was.
      savedIndexes = await db.query<{ name: string; def: string; con: string | null; condef: string | null }>(
        `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS def, c.conname AS con, pg_get_constraintdef(c.oid) AS condef
           FROM pg_index i LEFT JOIN pg_constraint c ON c.conindid = i.indexrelid AND c.contype IN ('u', 'x')
          WHERE i.indrelid = 'audit_events'::regclass AND NOT i.indisprimary`);
      for (const ix of savedIndexes) {
        await db.exec(ix.con ? `ALTER TABLE audit_events DROP CONSTRAINT ${ix.con}` : `DROP INDEX ${ix.name}`);
      }
    } },
  ];
  const kinds = `(ARRAY['network.read','plan.read','timeline.read','young_person.read','plan.action_updated','consent.read'])`;
  for (let level = 1; level <= maxLevel; level++) {
    steps.push({ name: `audit events, chain position ${level}/${maxLevel}`, run: async () => {
        // occurred_at at millisecond precision: audit.ts hashes toISOString(), which has milliseconds only.
        // The previous position's hashes come from bench_lvl_<level-1> (a hash join, no index lookups).
        // The source of this position: only chains that are this long (after the first positions, that is the
        // network children only), with their involved professionals, so later positions scan 40k rows, not 250k.
        if (level === 1 || level === perOther + 1 || level === perOther + 2) {
          await db.exec(`DROP TABLE IF EXISTS bench_src;
            CREATE UNLOGGED TABLE bench_src AS SELECT c.y, c.chain_key, c.yp_id, c.n, c.net, b.p1, b.o1, b.p2, b.o2, b.p3, b.o3
              FROM bench_chains c LEFT JOIN bench_nets b ON c.net AND b.y = c.y WHERE c.n >= ${level}`);
        }
        await db.exec(`CREATE UNLOGGED TABLE bench_lvl_${level} (chain_key text, hash text)`);
        await db.query(`
          WITH ins AS (
          INSERT INTO audit_events (region_id, chain_key, seq, occurred_at, about_region_id, actor_user_id, actor_organisation_id, kind, outcome,
                                    young_person_id, subject_type, subject_id, basis, details, prev_hash, hash)
          SELECT s.region_id, s.chain_key, ${level}, s.occ, s.region_id, s.actor, s.actor_org, s.kind, 'allowed', s.yp_id, 'young_person', s.yp_id::text, s.basis, '{}'::jsonb,
                 s.prev, encode(sha256(convert_to(s.prev || chr(10) || '{"actorOrganisationId":' || coalesce('"' || s.actor_org || '"', 'null')
                   || ',"actorUserId":' || coalesce('"' || s.actor || '"', 'null') || ',"basis":' || coalesce('"' || s.basis || '"', 'null')
                   || ',"chainKey":"' || s.chain_key || '","details":{},"kind":"' || s.kind || '","occurredAt":"'
                   || to_char(s.occ AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') || '","outcome":"allowed","regionId":"' || s.region_id
                   || '","seq":' || ${level} || ',"subjectId":"' || s.yp_id || '","subjectType":"young_person","youngPersonId":"' || s.yp_id || '"}', 'UTF8')), 'hex')
            FROM (
              SELECT c.chain_key, c.yp_id, bench_id('region', 1) AS region_id,
                     date_trunc('milliseconds', now() - interval '400 days' + interval '1 second' * ((390 * 86400 / ${maxLevel}) * ${level} + bench_rand('ao', c.y * 64 + ${level}) % 3600)) AS occ,
                     CASE WHEN ${level} = 1 THEN 'young_person.created' ELSE ${kinds}[bench_rand('ak', c.y * 64 + ${level}) % 6 + 1] END AS kind,
                     CASE WHEN c.net THEN (CASE ${level} % 3 WHEN 0 THEN c.p1 WHEN 1 THEN c.p2 ELSE coalesce(c.p3, c.p1) END)
                          ELSE bench_id('pro', bench_rand('aa', c.y) % ${P} + 1) END AS actor,
                     CASE WHEN c.net THEN (CASE ${level} % 3 WHEN 0 THEN c.o1 WHEN 1 THEN c.o2 ELSE coalesce(c.o3, c.o1) END)
                          ELSE bench_id('org', (bench_rand('aa', c.y) % ${P}) % ${O} + 1) END AS actor_org,
                     CASE WHEN c.net THEN (CASE WHEN c.y % 10 = 0 THEN 'legal_task' ELSE 'consent' END) ELSE 'enrolment' END AS basis,
                     ${level === 1 ? `'${GENESIS}'::text` : 'pe.hash'} AS prev
                FROM bench_src c
                ${level === 1 ? '' : `JOIN bench_lvl_${level - 1} pe ON pe.chain_key = c.chain_key`}
               WHERE c.n >= ${level}
            ) s
          RETURNING chain_key, hash)
          INSERT INTO bench_lvl_${level} SELECT chain_key, hash FROM ins`);
        if (level > 1) await db.exec(`DROP TABLE bench_lvl_${level - 1}`);
    } });
  }
  steps.push(
    { name: 'audit indexes, chain heads', run: async () => {
      for (const ix of savedIndexes) await db.exec(ix.con ? `ALTER TABLE audit_events ADD CONSTRAINT ${ix.con} ${ix.condef}` : ix.def);
      await db.exec(`DROP TABLE IF EXISTS bench_lvl_${maxLevel}, bench_src`);
      await db.query(`INSERT INTO audit_chains (region_id, chain_key, last_seq, last_hash)
        SELECT e.region_id, c.chain_key, c.n, e.hash FROM bench_chains c JOIN audit_events e ON e.chain_key = c.chain_key AND e.seq = c.n
         WHERE e.region_id = bench_id('region', 1)`);
    } },
    { name: 'sessions', run: async () => {
      // Ready sessions (token = 'bench-<seed>-<user idx>'), for professionals involved in networks and for leerplicht/SWV/gemeente staff.
      await db.query(`INSERT INTO sessions (token_hash, user_id, csrf_token, expires_at)
        SELECT encode(sha256(convert_to('bench-${q(seed)}-' || p.idx, 'UTF8')), 'hex'), p.id, 'csrf-' || p.idx, now() + interval '12 hours'
          FROM bench_pros p
         WHERE p.type IN ('leerplicht', 'swv', 'municipality')
            OR p.idx IN (SELECT x.idx FROM bench_pros x WHERE EXISTS (SELECT 1 FROM bench_nets b WHERE b.p1 = x.id) ORDER BY bench_rand('ss', x.idx) LIMIT $1)`,
      [size.sessions]);
    } },
  );

  steps.push({ name: 'network summaries', run: async () => {
    // The load runs with session_replication_role = replica (run.ts), so no trigger kept the
    // home worklist's rows (migration 0009) up to date: build them in one statement.
    // Statistics first: since 0018 every primary key starts with region_id, and with the counts of an
    // empty table the planner took "region_id = n.region_id" on timeline_entries' key as selective —
    // a scan of the whole region per network (the full-size rebuild ran for minutes without ending).
    if (await hasSummaries(db)) {
      await db.exec(`ANALYZE networks; ANALYZE young_people; ANALYZE plans; ANALYZE plan_versions; ANALYZE plan_actions; ANALYZE timeline_entries`);
      await db.query(`SELECT rebuild_network_summaries()`);
    }
  } });
  steps.push({ name: 'analyze, clean up', run: async () => {
    await db.exec(`DROP TABLE IF EXISTS bench_orgs, bench_pros, bench_nets, bench_chains`);
    await db.exec(`DROP FUNCTION IF EXISTS bench_rand(text, bigint); DROP FUNCTION IF EXISTS bench_id(text, bigint)`);
    // VACUUM, not only ANALYZE: a region in use is vacuumed (autovacuum), so its pages carry hint bits and
    // visibility-map bits and index-only scans skip the heap. Measured right after a bulk load without it,
    // the first reads set hint bits (writes) while autovacuum competes for the two cores.
    for (const t of ['young_people', 'networks', 'involvements', 'consents', 'legal_bases', 'plans', 'plan_versions', 'plan_actions',
      'timeline_entries', 'network_summaries', 'users', 'organisations', 'memberships', 'sessions', 'audit_chains', 'questions', 'guardianships',
      'absences', 'escalations', 'exemptions', 'audit_events']) {
      if ((await db.query<{ ok: boolean }>(`SELECT to_regclass($1) IS NOT NULL AS ok`, [t]))[0]?.ok) await db.exec(`VACUUM (ANALYZE) ${t}`);
    }
    const counts: Record<string, number> = {};
    const [lp] = await db.query<{ ok: boolean }>(`SELECT to_regclass('absences') IS NOT NULL AS ok`);
    for (const t of ['young_people', 'networks', 'involvements', 'consents', 'plans', 'plan_actions', 'timeline_entries', 'users', 'organisations',
      'audit_events', 'audit_chains', 'sessions', ...(lp?.ok ? ['absences'] : [])]) {
      const [r] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${t}`);
      counts[t] = r!.n;
    }
    onDone({ counts });
  } });
  return steps;
}

/** Recomputes a sample of chains with eventHash(), exactly as verifyAudit does for all of them. */
export async function verifySample(db: Db, chains = 200): Promise<GenerateResult['sampleVerified']> {
  const keys = await db.query<{ chain_key: string; last_seq: number; last_hash: string }>(
    `SELECT chain_key, last_seq, last_hash FROM audit_chains WHERE chain_key LIKE 'yp:%' ORDER BY md5(chain_key) LIMIT $1`, [chains]);
  let events = 0;
  for (const k of keys) {
    const rows = await db.query<{
      id: number; seq: number; occurred_at: Date; about_region_id: string | null; actor_user_id: string | null; actor_organisation_id: string | null;
      kind: string; outcome: string; young_person_id: string | null; subject_type: string | null; subject_id: string | null; basis: string | null;
      details: unknown; prev_hash: string; hash: string;
    }>(`SELECT * FROM audit_events WHERE chain_key = $1 ORDER BY seq`, [k.chain_key]);
    let prev = GENESIS;
    let expected = 1;
    for (const r of rows) {
      const seq = Number(r.seq);
      const h = eventHash(prev, {
        chainKey: k.chain_key, seq, occurredAt: new Date(r.occurred_at).toISOString(), regionId: r.about_region_id, actorUserId: r.actor_user_id,
        actorOrganisationId: r.actor_organisation_id, kind: r.kind, outcome: r.outcome, youngPersonId: r.young_person_id,
        subjectType: r.subject_type, subjectId: r.subject_id, basis: r.basis, details: typeof r.details === 'string' ? JSON.parse(r.details) : r.details,
      });
      if (seq !== expected || r.prev_hash !== prev || h !== r.hash) {
        return { chains: keys.length, events, ok: false, problem: `${k.chain_key} seq ${seq}: hash mismatch` };
      }
      prev = r.hash;
      expected++;
      events++;
    }
    if (Number(k.last_seq) !== expected - 1 || k.last_hash !== prev) return { chains: keys.length, events, ok: false, problem: `${k.chain_key}: head mismatch` };
  }
  return { chains: keys.length, events, ok: true };
}
