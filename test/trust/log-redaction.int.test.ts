/**
 * PII in logs: a server with the demo region and a real pino logger writing to a captured
 * stream is exercised on many routes (logins, child pages, searches with names in the
 * query string, bad input, errors). The captured log must hold no demo names, e-mail
 * addresses or BSNs.
 */
import { Writable } from 'node:stream';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp, loggerOptions } from '../../server/app.ts';
import { freshDb, testConfig } from '../helpers.ts';
import { migrate } from '../../server/core/migrate.ts';
import { DEMO_PASSWORD, demoLogins, seedDemo } from '../../server/demo/demo.ts';
import type { Db } from '../../server/core/db.ts';

let app: FastifyInstance;
let db: Db;
let drop: () => Promise<void>;
let log = '';
let requests = 0;

beforeAll(async () => {
  ({ db, drop } = await freshDb());
  await migrate(db);
  await seedDemo(db);
  const stream = new Writable({ write(chunk, _enc, cb) { log += chunk.toString(); cb(); } });
  app = await buildApp(testConfig(), { db, logger: { ...(loggerOptions('debug') as object), stream } as never });
});
afterAll(async () => {
  await app.close();
  await drop();
});

describe('logs hold no personal data', () => {
  it('after logins, child pages, name searches and errors, no demo name, e-mail address or BSN appears', async () => {
    const children = await db.query<{ id: string; given_name: string; family_name: string; bsn: string | null }>(
      `SELECT id, given_name, family_name, bsn FROM young_people ORDER BY id LIMIT 60`);
    const inject = async (opts: InjectOptions) => {
      requests++;
      return app.inject(opts);
    };
    for (const l of demoLogins()) {
      const ok = await inject({ method: 'POST', url: '/api/v1/session', payload: { email: l.email, password: DEMO_PASSWORD } });
      await inject({ method: 'POST', url: '/api/v1/session', payload: { email: l.email, password: 'Wrong-password-123' } });
      if (ok.statusCode !== 200) continue;
      const cookie = `rondom_session=${ok.cookies.find((c) => c.name === 'rondom_session')!.value}`;
      const csrf = (ok.json() as { csrfToken: string }).csrfToken;
      const h = { cookie, 'x-csrf-token': csrf };
      for (const c of children.slice(0, 20)) {
        await inject({ method: 'GET', url: `/api/v1/children?q=${encodeURIComponent(c.given_name + ' ' + c.family_name)}`, headers: h });
        await inject({ method: 'GET', url: `/api/v1/children/${c.id}`, headers: h });
        await inject({ method: 'GET', url: `/api/v1/children/${c.id}/plan?name=${encodeURIComponent(c.family_name)}`, headers: h });
      }
      const c = children[0]!;
      await inject({ method: 'POST', url: '/api/v1/children', headers: h, payload: { givenName: c.given_name, familyName: c.family_name, birthDate: 'not-a-date', bsn: c.bsn ?? '999999990' } });
      await inject({ method: 'PATCH', url: `/api/v1/children/${c.id}`, headers: h, payload: { givenName: c.given_name, bsn: c.bsn } });
      await inject({ method: 'POST', url: '/api/v1/children', headers: { ...h, 'content-type': 'application/json' }, payload: `{"givenName": "${c.given_name}", ` });
      await inject({ method: 'GET', url: `/api/v1/no-such/${encodeURIComponent(c.family_name)}?email=${encodeURIComponent(l.email)}`, headers: h });
      await inject({ method: 'GET', url: `/api/v1/matches?q=${encodeURIComponent(c.bsn ?? '')}`, headers: h });
    }
    expect(requests).toBeGreaterThan(500);
    expect(log.length).toBeGreaterThan(10_000); // the logger really wrote

    const people = await db.query<{ given: string; family: string }>(`SELECT given_name AS given, family_name AS family FROM young_people`);
    const users = await db.query<{ email: string; display_name: string }>(`SELECT email, display_name FROM users`);
    const bsns = (await db.query<{ bsn: string }>(`SELECT bsn FROM young_people WHERE bsn IS NOT NULL`)).map((r) => r.bsn);
    const leaks: string[] = [];
    const has = (needle: string) => new RegExp(`(^|[^\\p{L}])${needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}([^\\p{L}]|$)`, 'u').test(log);
    // A BSN is nine digits on their own (not part of a timestamp or a response time like 3.999999503).
    for (const b of bsns) if (new RegExp(`(^|[^0-9.])${b}([^0-9]|$)`).test(log)) leaks.push(`BSN ${b} in: ${log.split('\n').find((l) => l.includes(b))?.slice(0, 400)}`);
    for (const u of users) {
      if (log.toLowerCase().includes(u.email.toLowerCase())) leaks.push(`e-mail ${u.email}`);
      if (log.includes(u.display_name)) leaks.push(`name ${u.display_name}`);
    }
    for (const p of people) {
      if (log.includes(`${p.given} ${p.family}`)) leaks.push(`name ${p.given} ${p.family}`);
      if (p.family.length >= 4 && has(p.family)) leaks.push(`family name ${p.family} in: ${log.split('\n').find((l) => l.includes(p.family))?.slice(0, 400)}`);
    }
    console.log(`[trust] log redaction: ${requests} requests, ${log.split('\n').length} log lines scanned for ${people.length + users.length} names, ${users.length} e-mail addresses, ${bsns.length} BSNs`);
    expect([...new Set(leaks)].slice(0, 20)).toEqual([]);
  }, 240_000);
});
