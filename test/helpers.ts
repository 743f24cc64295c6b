/**
 * Test app on a real database: an in-memory PGlite by default, or — when DATABASE_URL
 * is set — a fresh PostgreSQL database per test file, dropped afterwards.
 */
import { randomBytes } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { buildApp, type BuildOptions } from '../server/app.ts';
import type { AppConfig } from '../server/core/config.ts';
import { openDb, type Db } from '../server/core/db.ts';
import { hashPassword } from '../server/core/passwords.ts';
import { createUserTx } from '../server/modules/admin/admin.service.ts';
import type { Role } from '../server/core/session.ts';
import { createDatabase, dropDatabase } from './citus.ts';
import { explainable, recordingDb, shardReach, type Statement } from './statements.ts';

export const PASSWORD = 'Correct-horse-battery-9';

export function testConfig(overrides: Partial<AppConfig> = {}): AppConfig {
  return {
    database: {},
    port: 0,
    host: '127.0.0.1',
    secureCookies: false,
    trustProxy: false,
    logLevel: 'silent',
    loginRateLimitPerMinute: 10_000,
    sessionIdleMinutes: 60,
    sessionAbsoluteHours: 12,
    webDistDir: undefined,
    autoDemo: false,
    ...overrides,
  };
}

/** Opens a fresh, empty database for one test file. */
export async function freshDb(): Promise<{ db: Db; drop: () => Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const db = await openDb({});
    return { db, drop: () => db.close() };
  }
  const name = `rondom_t_${randomBytes(6).toString('hex')}`;
  const db = await openDb({ url: await createDatabase(url, name), poolSize: 8 });
  return {
    db,
    drop: async () => {
      await db.close().catch(() => undefined);
      await dropDatabase(url, name);
    },
  };
}

export interface TestApp {
  app: FastifyInstance;
  db: Db;
  close: () => Promise<void>;
}

export async function createTestApp(overrides: Partial<AppConfig> = {}, logger?: BuildOptions['logger']): Promise<TestApp> {
  const { db, drop } = await freshDb();
  // RONDOM_CITUS_REPORT=FILE (on Citus): every statement the app sent is EXPLAINed when the test
  // file closes its app, and those that reach more than one shard are appended to FILE (JSON lines).
  const report = process.env.RONDOM_CITUS_REPORT;
  const statements: Statement[] = [];
  const appDb = report ? recordingDb(db, statements) : db;
  // RONDOM_TEST_LOG=error shows the server's own log of a failing request (off by default).
  const app = await buildApp(testConfig(overrides), { db: appDb, logger: logger ?? (process.env.RONDOM_TEST_LOG ? { level: process.env.RONDOM_TEST_LOG } : false) });
  return {
    app,
    db,
    close: async () => {
      if (report) await reportOffRouter(db, statements, report);
      // app.close() closes the database through its onClose hook; drop() then removes a PostgreSQL database.
      await app.close();
      await drop();
    },
  };
}

async function reportOffRouter(db: Db, statements: Statement[], file: string): Promise<void> {
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const s of statements) {
    if (seen.has(s.sql) || !explainable(s.sql)) continue;
    seen.add(s.sql);
    const r = await shardReach(db, s).catch(() => null);
    if (r && r.distributed && (r.maxTasks > 1 || r.subplans > 0)) lines.push(JSON.stringify({ from: s.from, maxTasks: r.maxTasks, subplans: r.subplans, sql: s.sql.replace(/\s+/g, ' ') }));
  }
  if (lines.length > 0) appendFileSync(file, lines.join('\n') + '\n');
}

let cachedHash: Promise<string> | undefined;
/** One argon2 hash of PASSWORD shared by the factory users (tests need speed, not unique salts). */
export function passwordHash(): Promise<string> {
  cachedHash ??= hashPassword(PASSWORD);
  return cachedHash;
}

export async function makeRegion(db: Db, slug = `r-${randomBytes(3).toString('hex')}`): Promise<string> {
  const [r] = await db.query<{ id: string }>(`INSERT INTO regions (slug, name) VALUES ($1, $2) RETURNING id`, [slug, `Region ${slug}`]);
  return r!.id;
}

export async function makeOrg(db: Db, regionId: string, type: string, name = `${type} ${randomBytes(3).toString('hex')}`): Promise<string> {
  const [o] = await db.query<{ id: string }>(
    `INSERT INTO organisations (region_id, type, name) VALUES ($1, $2, $3) RETURNING id`, [regionId, type, name]);
  return o!.id;
}

export async function makeUser(db: Db, input: {
  regionId: string; kind?: 'staff' | 'parent' | 'young_person'; email?: string; name?: string; isPlatformAdmin?: boolean;
  memberships?: { organisationId: string; role: Role }[];
}): Promise<{ id: string; email: string }> {
  const email = input.email ?? `u-${randomBytes(4).toString('hex')}@test.example`;
  const hash = await passwordHash();
  const id = await db.tx((q) => createUserTx(q, {
    regionId: input.regionId, kind: input.kind ?? 'staff', email, displayName: input.name ?? 'Test User',
    passwordHash: hash, isPlatformAdmin: input.isPlatformAdmin, memberships: input.memberships,
  }, null));
  return { id, email };
}

export interface Session {
  cookie: string;
  csrf: string;
  userId: string;
}

export async function login(app: FastifyInstance, email: string, password = PASSWORD, totp?: string): Promise<Session> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/session', payload: { email, password, ...(totp ? { totp } : {}) } });
  if (res.statusCode !== 200) throw new Error(`login failed for ${email}: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'rondom_session');
  const body = res.json() as { csrfToken: string; id: string };
  return { cookie: `rondom_session=${cookie!.value}`, csrf: body.csrfToken, userId: body.id };
}

/** app.inject with the session cookie and CSRF token of a logged-in user. */
export function as(app: FastifyInstance, session: Session | null) {
  return (opts: InjectOptions) =>
    app.inject({
      ...opts,
      headers: {
        ...(session ? { cookie: session.cookie, 'x-csrf-token': session.csrf } : {}),
        ...(opts.headers ?? {}),
      },
    });
}
