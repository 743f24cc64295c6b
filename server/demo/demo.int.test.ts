import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDb } from '../../test/helpers.ts';
import { migrate } from '../core/migrate.ts';
import { verifyAudit } from '../core/audit-verify.ts';
import type { Db } from '../core/db.ts';
import { DEMO_PASSWORD, demoEmail, demoLogins, seedDemo } from './demo.ts';
import { verifyPassword } from '../core/passwords.ts';

let db: Db;
let drop: () => Promise<void>;
beforeAll(async () => {
  ({ db, drop } = await freshDb());
  await migrate(db);
  await seedDemo(db, new Date('2026-11-24T12:00:00Z'));
}, 300_000);
afterAll(async () => drop());

describe('demo region', () => {
  it('has the organisations of a real region', async () => {
    const rows = await db.query<{ type: string; n: number }>(`SELECT type, count(*)::int AS n FROM organisations GROUP BY type`);
    const n = Object.fromEntries(rows.map((r) => [r.type, r.n]));
    expect(n.school).toBeGreaterThanOrEqual(18);
    expect(n.swv).toBe(2);
    expect(n.wijkteam).toBe(7);
    expect(n).toMatchObject({ jgz: 1, youth_care_provider: 1, leerplicht: 1, childcare: 2 });
    const areas = await db.query<{ kind: string; n: number }>(`SELECT kind, count(*)::int AS n FROM areas GROUP BY kind ORDER BY kind`);
    expect(areas).toEqual([{ kind: 'gemeente', n: 3 }, { kind: 'swv_region', n: 2 }, { kind: 'wijk', n: 7 }]);
  });

  it('has a few hundred young people from expected birth to 27, with parents holding gezag', async () => {
    const [r] = await db.query<{ n: number; youngest: string; oldest: string; unborn: number; with_bsn: number }>(
      `SELECT count(*)::int AS n, max(birth_date)::text AS youngest, min(birth_date)::text AS oldest,
              count(*) FILTER (WHERE birth_expected)::int AS unborn, count(bsn)::int AS with_bsn FROM young_people`);
    expect(r!.n).toBeGreaterThanOrEqual(200);
    expect(r!.n).toBeLessThan(600);
    expect(r!.unborn).toBeGreaterThanOrEqual(1);
    expect(r!.oldest >= '1999-11-24').toBe(true);
    const [g] = await db.query<{ n: number }>(`SELECT count(DISTINCT young_person_id)::int AS n FROM guardianships`);
    expect(g!.n).toBeGreaterThan(100);
  });

  it('has a working login for every role, all with the demo password', async () => {
    for (const l of demoLogins()) {
      const [u] = await db.query<{ password_hash: string }>(`SELECT password_hash FROM users WHERE email = $1`, [l.email]);
      expect(u, l.email).toBeDefined();
      expect(await verifyPassword(u!.password_hash, DEMO_PASSWORD)).toBe(true);
    }
    const roles = await db.query<{ role: string }>(`SELECT DISTINCT role FROM memberships ORDER BY role`);
    expect(roles.map((r) => r.role)).toEqual([
      'intern_begeleider', 'jgz_professional', 'leerplicht_officer', 'municipality_coordinator', 'org_admin',
      'policy_maker', 'privacy_officer', 'swv_coordinator', 'teacher', 'youth_care_professional', 'zorgcoordinator',
    ]);
    const [yp] = await db.query<{ birth_date: string }>(
      `SELECT y.birth_date::text AS birth_date FROM young_people y JOIN users u ON u.id = y.user_id WHERE u.email = $1`, [demoEmail('jongere')]);
    expect(yp!.birth_date <= '2010-11-24' && yp!.birth_date > '2009-11-24').toBe(true);
  });

  it('is the same every time (fixed seed)', async () => {
    // The people are the same every time; the stories on top are made by the services from them.
    const one = await freshDb();
    const two = await freshDb();
    try {
      for (const x of [one, two]) {
        await migrate(x.db);
        await seedDemo(x.db, new Date('2026-11-24T12:00:00Z'), { baseOnly: true });
      }
      const q = `SELECT given_name, family_name, birth_date::text, bsn FROM young_people ORDER BY family_name, birth_date, given_name, bsn`;
      const rows = await one.db.query(q);
      expect(rows.length).toBeGreaterThan(200);
      expect(await two.db.query(q)).toEqual(rows);
    } finally {
      await one.drop();
      await two.drop();
    }
  });

  it('has networks, plans, a shared meeting report, absence cases and a partnership', async () => {
    const [r] = await db.query<{ networks: number; plans: number; shared: number; absences: number; escalated: number; partnerships: number }>(
      `SELECT (SELECT count(*) FROM networks)::int AS networks, (SELECT count(*) FROM plans)::int AS plans,
              (SELECT count(*) FROM meetings WHERE report_shared_at IS NOT NULL)::int AS shared,
              (SELECT count(*) FROM absences)::int AS absences, (SELECT count(DISTINCT absence_id) FROM escalations)::int AS escalated,
              (SELECT count(*) FROM partnerships)::int AS partnerships`);
    expect(r!.networks).toBeGreaterThanOrEqual(20);
    expect(r!.plans).toBeGreaterThanOrEqual(10);
    expect(r!.shared).toBeGreaterThanOrEqual(1);
    expect(r!.absences).toBeGreaterThanOrEqual(8);
    expect(r!.escalated).toBeGreaterThanOrEqual(1);
    expect(r!.partnerships).toBeGreaterThanOrEqual(1);
  });

  it('keeps every home worklist row (network_summaries) equal to its definition', async () => {
    const diff = await db.query(`(SELECT * FROM network_summaries EXCEPT SELECT * FROM network_summary_source)
                                 UNION ALL (SELECT * FROM network_summary_source EXCEPT SELECT * FROM network_summaries)`);
    expect(diff).toEqual([]);
    const [n] = await db.query<{ rows: number; networks: number }>(
      `SELECT (SELECT count(*) FROM network_summaries)::int AS rows, (SELECT count(*) FROM networks)::int AS networks`);
    expect(n!.rows).toBe(n!.networks);
  });

  it('refuses to run twice on one database, and leaves a valid audit chain', async () => {
    await expect(seedDemo(db)).rejects.toThrow(/already exists/);
    expect((await verifyAudit(db)).ok).toBe(true);
  });
});
