/**
 * Every table has a declared place (server/core/placement.ts), and a distributed table has the
 * keys Citus needs: region_id in its primary key, in each unique constraint and unique index, and
 * in every foreign key to another distributed table. These hold on every engine (the schema is
 * the same), so a new table without a place, or with a key that would not distribute, fails here
 * on PGlite already. On Citus the test also checks the result of migrate(): every table in its
 * place, every distributed table co-located with young_people and split by region_id.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isCitus } from '../../server/core/distribute.ts';
import type { Db } from '../../server/core/db.ts';
import { loadMigrations, migrate } from '../../server/core/migrate.ts';
import { COLOCATION_ANCHOR, TABLE_PLACEMENT } from '../../server/core/placement.ts';
import { freshDb } from '../helpers.ts';

let db: Db;
let drop: () => Promise<void>;
beforeAll(async () => {
  ({ db, drop } = await freshDb());
  await migrate(db);
});
afterAll(async () => drop());

const tables = async () => (await db.query<{ name: string }>(
  `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') ORDER BY 1`)).map((r) => r.name);
const distributed = Object.entries(TABLE_PLACEMENT).filter(([, p]) => p === 'distributed').map(([t]) => t);

describe('where each table lives', () => {
  it('every table has a place, and every place names a table', async () => {
    const all = await tables();
    expect(all.filter((t) => !(t in TABLE_PLACEMENT)), 'tables without a place in server/core/placement.ts').toEqual([]);
    expect(Object.keys(TABLE_PLACEMENT).filter((t) => !all.includes(t)), 'places of tables that do not exist').toEqual([]);
  });

  it('a distributed table has region_id, not null, in its primary key and in every unique key', async () => {
    const rows = await db.query<{ t: string; what: string; cols: string[] }>(
      `SELECT c.relname AS t, i.indexrelid::regclass::text AS what,
              array(SELECT a.attname::text FROM unnest(i.indkey) k JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k) AS cols
         FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND (i.indisunique OR i.indisprimary) AND c.relname = ANY($1)`, [distributed]);
    expect(rows.filter((r) => !r.cols.includes('region_id')).map((r) => `${r.t}: ${r.what} (${r.cols.join(', ')})`)).toEqual([]);
    const nullable = await db.query<{ t: string }>(
      `SELECT table_name AS t FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'region_id'
          AND is_nullable = 'YES' AND table_name = ANY($1)`, [distributed]);
    expect(nullable.map((r) => r.t)).toEqual([]);
    const without = distributed.filter((t) => !rows.some((r) => r.t === t));
    expect(without, 'distributed tables without a primary key').toEqual([]);
  });

  it('a foreign key between distributed tables holds region_id on both sides, in the same place', async () => {
    const fks = await db.query<{ t: string; name: string; cols: string[]; refcols: string[]; ref: string }>(
      `SELECT conrelid::regclass::text AS t, conname AS name, confrelid::regclass::text AS ref,
              array(SELECT a.attname::text FROM unnest(conkey) WITH ORDINALITY k(n, o) JOIN pg_attribute a ON a.attrelid = conrelid AND a.attnum = k.n ORDER BY k.o) AS cols,
              array(SELECT a.attname::text FROM unnest(confkey) WITH ORDINALITY k(n, o) JOIN pg_attribute a ON a.attrelid = confrelid AND a.attnum = k.n ORDER BY k.o) AS refcols
         FROM pg_constraint WHERE contype = 'f' AND connamespace = 'public'::regnamespace`);
    const bad: string[] = [];
    for (const f of fks) {
      const from = TABLE_PLACEMENT[f.t];
      const to = TABLE_PLACEMENT[f.ref];
      if (from === 'distributed' && to === 'distributed') {
        const i = f.cols.indexOf('region_id');
        if (i < 0 || f.refcols[i] !== 'region_id') bad.push(`${f.t}.${f.name}: (${f.cols.join(', ')}) → ${f.ref}(${f.refcols.join(', ')})`);
      }
      // Citus allows references into reference tables only; never from a reference or local table into a distributed one.
      if (from !== 'distributed' && to === 'distributed') bad.push(`${f.t}.${f.name}: a ${from} table refers to the distributed ${f.ref}`);
      if (from === 'reference' && to === 'local') bad.push(`${f.t}.${f.name}: a reference table refers to the local ${f.ref}`);
    }
    expect(bad).toEqual([]);
  });

  it('on Citus: after migrate every table is in its place, distributed by region_id and co-located', async (ctx) => {
    if (db.kind !== 'postgresql' || !(await isCitus(db))) return ctx.skip();
    const rows = await db.query<{ name: string; kind: string; column: string; colocation: number }>(
      `SELECT table_name::text AS name, citus_table_type AS kind, distribution_column AS column, colocation_id AS colocation FROM citus_tables`);
    const byName = new Map(rows.map((r) => [r.name, r]));
    const anchor = byName.get(COLOCATION_ANCHOR);
    expect(anchor?.kind).toBe('distributed');
    for (const [t, place] of Object.entries(TABLE_PLACEMENT)) {
      const r = byName.get(t);
      if (place === 'distributed') expect(r, t).toMatchObject({ kind: 'distributed', column: 'region_id', colocation: anchor!.colocation });
      if (place === 'reference') expect(r?.kind, t).toBe('reference');
      // sessions becomes a "Citus local table" (it refers to users); the other local tables stay plain tables.
      if (place === 'local') expect(r === undefined || r.kind === 'local', t).toBe(true);
    }
    // Every table with a region_id column that is not a reference table is distributed.
    const withRegion = await db.query<{ t: string }>(
      `SELECT DISTINCT c.table_name AS t FROM information_schema.columns c JOIN information_schema.tables t USING (table_schema, table_name)
        WHERE c.table_schema = 'public' AND c.column_name = 'region_id' AND t.table_type = 'BASE TABLE'`);
    expect(withRegion.map((r) => r.t).filter((t) => TABLE_PLACEMENT[t] !== 'reference' && byName.get(t)?.kind !== 'distributed')).toEqual([]);
  });
});

describe('an installation already on Citus upgrades, one release at a time', () => {
  it('on Citus: every migration after 0018 applies to a distributed database, and its new tables are placed', async (ctx) => {
    if (db.kind !== 'postgresql' || !(await isCitus(db))) return ctx.skip();
    const { db: up, drop: dropUp } = await freshDb();
    try {
      const all = loadMigrations();
      // 0018 gave every table the keys Citus needs: from there on an installation can be distributed.
      await migrate(up, all.filter((m) => m.version <= 18));
      expect((await up.query(`SELECT 1 FROM citus_tables WHERE table_name = 'young_people'::regclass`)).length).toBe(1);
      for (const m of all.filter((x) => x.version > 18)) {
        await migrate(up, all.filter((x) => x.version <= m.version)).catch((err: Error) => { throw new Error(`${m.name} on a distributed database: ${err.message}`); });
      }
      const rows = await up.query<{ name: string; kind: string; colocation: number }>(
        `SELECT table_name::text AS name, citus_table_type AS kind, colocation_id AS colocation FROM citus_tables`);
      const anchor = rows.find((r) => r.name === COLOCATION_ANCHOR)!;
      const wrong = Object.entries(TABLE_PLACEMENT).filter(([t, place]) => {
        const r = rows.find((x) => x.name === t);
        if (place === 'distributed') return r?.kind !== 'distributed' || r.colocation !== anchor.colocation;
        if (place === 'reference') return r?.kind !== 'reference';
        return false;
      }).map(([t]) => t);
      expect(wrong).toEqual([]);
    } finally {
      await dropUp();
    }
  }, 600_000);
});
