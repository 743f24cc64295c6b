import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { freshDb } from '../../../test/helpers.ts';
import { migrate } from '../../core/migrate.ts';
import { verifyAudit } from '../../core/audit-verify.ts';
import type { Db } from '../../core/db.ts';
import { seedDemo } from '../../demo/demo.ts';

// This file checks the partnership demo only; the Kindkring and Leerplicht demos (other modules'
// work, which the partnership demo does not use) are left out so this test neither depends on them
// nor hides their failures: server/demo/demo.int.test.ts seeds the whole demo.
vi.mock('../../demo/demo-kindkring.ts', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../demo/demo-kindkring.ts')>()),
  extendDemo: async () => undefined,
}));
vi.mock('../../demo/demo-leerplicht.ts', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../demo/demo-leerplicht.ts')>()),
  extendDemoLeerplicht: async () => undefined,
}));

let db: Db;
let drop: () => Promise<void>;
beforeAll(async () => {
  ({ db, drop } = await freshDb());
  await migrate(db);
  await seedDemo(db, new Date('2026-11-24T12:00:00Z'));
});
afterAll(async () => drop());

describe('demo partnership', () => {
  it('has partners, three linked tables, an OOGO with ten topics, a covenant, a programme and two rounds', async () => {
    const [p] = await db.query<{ id: string }>(`SELECT id FROM partnerships WHERE name = 'Samen Rondeel'`);
    expect(p).toBeDefined();
    const [n] = await db.query<{ partners: number; people: number }>(
      `SELECT (SELECT count(*)::int FROM partnership_partners WHERE partnership_id = $1) AS partners,
              (SELECT count(*)::int FROM partnership_people WHERE partnership_id = $1) AS people`, [p!.id]);
    expect(n!.partners).toBe(10);
    expect(n!.people).toBeGreaterThan(10);
    const tables = await db.query<{ name: string; level: string; parent_level: string | null }>(
      `SELECT t.name, t.level, r.level AS parent_level FROM partnership_tables t LEFT JOIN partnership_tables r ON r.region_id = t.region_id AND r.id = t.reports_to_table_id
        WHERE t.partnership_id = $1 ORDER BY t.level`, [p!.id]);
    expect(tables.map((t) => `${t.level}>${t.parent_level}`).sort()).toEqual(['delivery>officials', 'governance>null', 'officials>governance']);
    const [oogo] = await db.query<{ topics: number }>(
      `SELECT count(*)::int AS topics FROM partnership_oogo_topics t JOIN partnership_agreements a ON a.region_id = t.region_id AND a.id = t.agreement_id WHERE a.partnership_id = $1 AND a.kind = 'oogo'`, [p!.id]);
    expect(oogo!.topics).toBe(10);
    const kinds = await db.query<{ kind: string }>(`SELECT kind FROM partnership_agreements WHERE partnership_id = $1 ORDER BY kind`, [p!.id]);
    expect(kinds.map((k) => k.kind)).toEqual(['covenant', 'oogo', 'privacy_covenant']);
    const [prog] = await db.query<{ adopted_kind: string; activities: number }>(
      `SELECT t.kind AS adopted_kind, (SELECT count(*)::int FROM partnership_activities a WHERE a.region_id = p.region_id AND a.programme_id = p.id) AS activities
         FROM partnership_programmes p JOIN partnership_tables t ON t.region_id = p.region_id AND t.id = p.adopted_by_table_id WHERE p.partnership_id = $1`, [p!.id]);
    expect(prog).toEqual({ adopted_kind: 'oogo', activities: 3 });
    const rounds = await db.query<{ status: string; responses: number }>(
      `SELECT r.status, (SELECT count(*)::int FROM partnership_responses x WHERE x.region_id = r.region_id AND x.round_id = r.id) AS responses
         FROM partnership_rounds r WHERE r.partnership_id = $1 ORDER BY r.opens_on`, [p!.id]);
    expect(rounds).toEqual([{ status: 'closed', responses: 12 }, { status: 'open', responses: 10 }]);
    const [actions] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM partnership_actions WHERE partnership_id = $1`, [p!.id]);
    expect(actions!.n).toBe(3);
  });

  it('leaves a valid audit chain', async () => {
    expect((await verifyAudit(db)).ok).toBe(true);
  });
});
