import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import SwaggerParser from '@apidevtools/swagger-parser';
import { as, createTestApp, freshDb, login, makeRegion, makeUser, type TestApp } from '../../test/helpers.ts';
import { loadMigrations, migrate, MigrationError } from './migrate.ts';
import { ensureFirstAdmin } from '../app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const expectedDb = process.env.DATABASE_URL ? 'postgresql' : 'pglite';

describe('health and OpenAPI', () => {
  it('reports status and which database runs', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', database: expectedDb });
  });

  it('serves a valid OpenAPI 3 document generated from the route schemas', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    await SwaggerParser.validate(structuredClone(doc));
    for (const p of ['/api/v1/session', '/api/v1/me', '/api/v1/admin/users', '/api/v1/admin/organisations', '/health']) {
      expect(Object.keys(doc.paths)).toContain(p);
    }
    expect(doc.paths['/api/v1/session'].post.requestBody.content['application/json'].schema.required).toEqual(['email', 'password']);
  });

  it('sends security headers', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/health' });
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['content-security-policy']).not.toContain('unsafe-inline');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['strict-transport-security']).toBeUndefined();
  });
});

describe('migrations', () => {
  it('re-running is a no-op', async () => {
    expect(await migrate(t.db)).toEqual([]);
    const rows = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM schema_migrations`);
    expect(rows[0]!.n).toBe(loadMigrations().length);
  });

  it('a failing migration rolls back completely and says which one failed', async () => {
    const { db, drop } = await freshDb();
    try {
      const dir = mkdtempSync(path.join(tmpdir(), 'rondom-mig-'));
      writeFileSync(path.join(dir, '0001_good.sql'), 'CREATE TABLE good_one (id int);');
      writeFileSync(path.join(dir, '0002_bad.sql'), 'CREATE TABLE half_done (id int);\nSELECT * FROM no_such_table;');
      const err = await migrate(db, loadMigrations(dir)).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(MigrationError);
      expect((err as Error).message).toContain('0002_bad');
      const tables = await db.query<{ table_name: string }>(
        `SELECT table_name FROM information_schema.tables WHERE table_name IN ('good_one', 'half_done')`);
      expect(tables.map((r) => r.table_name)).toEqual(['good_one']);
      const versions = await db.query<{ version: number }>(`SELECT version FROM schema_migrations`);
      expect(versions.map((v) => v.version)).toEqual([1]);
    } finally {
      await drop();
    }
  });
});

describe('bad input never causes a 5xx and writes nothing', () => {
  async function userCount() {
    return (await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM users`))[0]!.n;
  }
  let admin: Awaited<ReturnType<typeof login>>;
  let regionId: string;
  beforeAll(async () => {
    regionId = await makeRegion(t.db);
    const u = await makeUser(t.db, { regionId, isPlatformAdmin: true });
    admin = await login(t.app, u.email);
  });

  const post = (payload: string, contentType = 'application/json') =>
    as(t.app, admin)({ method: 'POST', url: '/api/v1/admin/users', payload, headers: { 'content-type': contentType } });

  it('malformed JSON', async () => {
    const before = await userCount();
    const res = await post('{"email": "a@b.nl", ');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('invalid_json');
    expect(await userCount()).toBe(before);
  });

  it('unknown fields, wrong types and missing fields name the field', async () => {
    const before = await userCount();
    const valid = { regionId, kind: 'staff', email: 'new.person@test.example', displayName: 'New', password: 'Long-enough-pass-123' };
    const extra = await post(JSON.stringify({ ...valid, isAdmin: true }));
    expect(extra.statusCode).toBe(400);
    expect(extra.json().error).toMatchObject({ code: 'validation_failed', fields: { isAdmin: 'is not a known field' } });
    const wrongType = await post(JSON.stringify({ ...valid, displayName: 42 }));
    expect(wrongType.json().error.code).toBe('validation_failed');
    expect(wrongType.json().error.fields).toHaveProperty('displayName');
    const { email: _e, ...missing } = valid;
    const miss = await post(JSON.stringify(missing));
    expect(miss.json().error.fields).toMatchObject({ email: 'is required' });
    const badUuid = await post(JSON.stringify({ ...valid, regionId: "1' OR '1'='1" }));
    expect(badUuid.statusCode).toBe(400);
    expect(await userCount()).toBe(before);
  });

  it('oversized bodies and wrong content types', async () => {
    const before = await userCount();
    const big = await post(JSON.stringify({ displayName: 'x'.repeat(300 * 1024) }));
    expect(big.statusCode).toBe(413);
    expect(big.json().error.code).toBe('payload_too_large');
    const text = await post('email=a', 'text/plain');
    expect(text.statusCode).toBe(415);
    expect(text.json().error.code).toBe('unsupported_media_type');
    expect(await userCount()).toBe(before);
  });

  it('a weak password is refused with a reason', async () => {
    const res = await post(JSON.stringify({ regionId, kind: 'staff', email: 'weak@test.example', displayName: 'W', password: 'wachtwoord1' }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('weak_password');
  });

  it('unknown routes give a stable 404 code', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/nothing-here' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('not_found');
  });
});

describe('first admin', () => {
  it('is created only when there are no users', async () => {
    const { db, drop } = await freshDb();
    try {
      await migrate(db);
      expect(await ensureFirstAdmin(db, { email: 'first@test.example', password: 'A-long-rondom-passphrase-1' })).toBe(true);
      expect(await ensureFirstAdmin(db, { email: 'second@test.example', password: 'A-long-rondom-passphrase-1' })).toBe(false);
      const rows = await db.query<{ email: string; is_platform_admin: boolean }>(`SELECT email, is_platform_admin FROM users`);
      expect(rows).toEqual([{ email: 'first@test.example', is_platform_admin: true }]);
    } finally {
      await drop();
    }
  });
});
