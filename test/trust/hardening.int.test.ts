/**
 * Security hardening: response headers, session lifetime and rotation, the password
 * policy with its bundled list of common and breached passwords, no account enumeration.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, login, makeOrg, makeRegion, makeUser, PASSWORD, type TestApp } from '../helpers.ts';
import { checkPasswordPolicy, commonPasswords, isCommonPassword } from '../../server/core/passwords.ts';

let t: TestApp;
let regionId: string;
beforeAll(async () => {
  t = await createTestApp();
  regionId = await makeRegion(t.db);
});
afterAll(async () => t.close());

describe('security headers', () => {
  it('sends a strict CSP, frame-ancestors none, nosniff and no referrer on API and error answers', async () => {
    for (const url of ['/health', '/api/v1/me', '/api/v1/nope']) {
      const res = await t.app.inject({ method: 'GET', url });
      const csp = String(res.headers['content-security-policy']);
      const script = /script-src ([^;]*)/.exec(csp)?.[1] ?? /default-src ([^;]*)/.exec(csp)![1]!;
      expect(script).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
      expect(csp).toMatch(/frame-ancestors 'none'/);
      expect(csp).toMatch(/object-src 'none'/);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['x-frame-options']).toBeDefined();
      expect(res.headers['strict-transport-security']).toBeUndefined(); // plain HTTP in tests
      if (url.startsWith('/api/')) expect(res.headers['cache-control']).toBe('no-store');
    }
  });

  it('sends HSTS and Secure cookies behind HTTPS', async () => {
    const https = await createTestApp({ secureCookies: true });
    try {
      const res = await https.app.inject({ method: 'GET', url: '/health' });
      expect(String(res.headers['strict-transport-security'])).toMatch(/max-age=31536000; includeSubDomains/);
      expect(String(res.headers['content-security-policy'])).toMatch(/upgrade-insecure-requests/);
      const u = await makeUser(https.db, { regionId: await makeRegion(https.db) });
      const r = await https.app.inject({ method: 'POST', url: '/api/v1/session', payload: { email: u.email, password: PASSWORD } });
      expect(String(r.headers['set-cookie'])).toMatch(/Secure/);
    } finally {
      await https.close();
    }
  });
});

describe('sessions', () => {
  it('ends a session at its absolute lifetime even when it is in use', async () => {
    const u = await makeUser(t.db, { regionId });
    const s = await login(t.app, u.email);
    expect((await as(t.app, s)({ method: 'GET', url: '/api/v1/me' })).statusCode).toBe(200);
    await t.db.query(`UPDATE sessions SET expires_at = now() - interval '1 second', last_seen_at = now() WHERE user_id = $1`, [u.id]);
    expect((await as(t.app, s)({ method: 'GET', url: '/api/v1/me' })).statusCode).toBe(401);
  });

  it('ends every session of a user whose rights change (privilege change), and a new login gets a new token', async () => {
    const org = await makeOrg(t.db, regionId, 'wijkteam');
    const admin = await makeUser(t.db, { regionId, isPlatformAdmin: true });
    const u = await makeUser(t.db, { regionId, memberships: [{ organisationId: org, role: 'youth_care_professional' }] });
    const s1 = await login(t.app, u.email);
    const s2 = await login(t.app, u.email);
    const add = await as(t.app, await login(t.app, admin.email))({ method: 'POST', url: `/api/v1/admin/users/${u.id}/memberships`, payload: { organisationId: org, role: 'zorgcoordinator' } });
    expect(add.statusCode, add.body).toBeLessThan(300);
    for (const s of [s1, s2]) expect((await as(t.app, s)({ method: 'GET', url: '/api/v1/me' })).statusCode).toBe(401);
    const s3 = await login(t.app, u.email);
    expect(s3.cookie).not.toBe(s1.cookie);
    expect((await as(t.app, s3)({ method: 'GET', url: '/api/v1/me' })).json().memberships).toHaveLength(2);
  });

  it('does not accept a session token chosen by the client (fixation)', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: 'rondom_session=attacker-chosen-token' } });
    expect(res.statusCode).toBe(401);
    const u = await makeUser(t.db, { regionId });
    const r = await t.app.inject({ method: 'POST', url: '/api/v1/session', headers: { cookie: 'rondom_session=attacker-chosen-token' }, payload: { email: u.email, password: PASSWORD } });
    expect(r.cookies.find((c) => c.name === 'rondom_session')!.value).not.toBe('attacker-chosen-token');
  });
});

describe('password policy', () => {
  it('bundles a list of thousands of common and breached passwords', () => {
    expect(commonPasswords().size).toBeGreaterThan(3000);
  });

  it.each([
    'Welkom2025!', 'P@ssw0rd1234', 'qwertyuiop123', 'Feyenoord1908!', 'ikhouvanjou123', 'Wachtwoord-2026', 'iloveyou4ever!!'.replace('4ever!!', '12345678'),
    'Amsterdam2024!', 'correcthorsebatterystaple', 'Sinterklaas2025', 'aaaaaaaaaaaaaa', '123456789012',
  ])('refuses %s', (pw) => {
    expect(() => checkPasswordPolicy(pw)).toThrow(/stronger password/);
  });

  it('accepts a long, uncommon passphrase and refuses one containing the e-mail name', () => {
    expect(() => checkPasswordPolicy('Vlinder-koffie-raam-73', 'jan@example.nl')).not.toThrow();
    expect(isCommonPassword('Vlinder-koffie-raam-73')).toBe(false);
    expect(() => checkPasswordPolicy('jansen-heeft-een-fiets', 'jansen@example.nl')).toThrow();
  });

  it('the API refuses a common password with weak_password', async () => {
    const admin = await makeUser(t.db, { regionId, isPlatformAdmin: true });
    const res = await as(t.app, await login(t.app, admin.email))({
      method: 'POST', url: '/api/v1/admin/users',
      payload: { regionId, kind: 'parent', email: 'common-pw@test.example', displayName: 'Petra', password: 'Voetbal2025!!' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('weak_password');
  });
});

describe('no account enumeration on login', () => {
  it('answers an unknown address exactly like a wrong password, in comparable time', async () => {
    const u = await makeUser(t.db, { regionId });
    const time = async (email: string) => {
      const start = performance.now();
      const r = await t.app.inject({ method: 'POST', url: '/api/v1/session', payload: { email, password: 'Not-the-password-1' } });
      return { ms: performance.now() - start, status: r.statusCode, body: r.body, cookie: r.headers['set-cookie'] };
    };
    const known = [];
    const unknown = [];
    for (let i = 0; i < 4; i++) {
      known.push(await time(u.email));
      unknown.push(await time(`nobody-${i}@test.example`));
    }
    expect(new Set([...known, ...unknown].map((r) => `${r.status} ${r.body}`)).size).toBe(1);
    expect(known.every((r) => r.cookie === undefined) && unknown.every((r) => r.cookie === undefined)).toBe(true);
    const median = (xs: { ms: number }[]) => xs.map((x) => x.ms).sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    // Both pay for one argon2 verification: an unknown address is not answered in a fraction of the time.
    expect(median(unknown)).toBeGreaterThan(median(known) * 0.4);
  });
});
