import { describe, expect, it } from 'vitest';
import { loadMigrations, splitStatements } from './migrate.ts';

describe('splitStatements', () => {
  it('splits at the semicolons that end statements, not inside quotes, names, comments or bodies', () => {
    const sql = `-- a comment; with a semicolon
CREATE TABLE "odd;name" (a text DEFAULT 'x;''y');
/* block; /* nested; */ still */ SELECT 1;
CREATE FUNCTION f() RETURNS void LANGUAGE plpgsql AS $$ BEGIN PERFORM 1; END $$;
CREATE FUNCTION g() RETURNS text LANGUAGE sql AS $body$ SELECT 'a;b' $body$;
-- only a comment at the end;
`;
    expect(splitStatements(sql)).toEqual([
      `-- a comment; with a semicolon\nCREATE TABLE "odd;name" (a text DEFAULT 'x;''y')`,
      `/* block; /* nested; */ still */ SELECT 1`,
      `CREATE FUNCTION f() RETURNS void LANGUAGE plpgsql AS $$ BEGIN PERFORM 1; END $$`,
      `CREATE FUNCTION g() RETURNS text LANGUAGE sql AS $body$ SELECT 'a;b' $body$`,
    ]);
  });

  it('keeps every statement of every migration (joined again they are the same SQL, less comments and blank ends)', () => {
    for (const m of loadMigrations()) {
      const parts = splitStatements(m.sql);
      expect(parts.length, m.name).toBeGreaterThan(0);
      // Each statement appears in the file in order.
      let at = 0;
      for (const p of parts) {
        const i = m.sql.indexOf(p, at);
        expect(i, `${m.name}: ${p.slice(0, 60)}`).toBeGreaterThanOrEqual(0);
        at = i + p.length;
      }
    }
  });
});
