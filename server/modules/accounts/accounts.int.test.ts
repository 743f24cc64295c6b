import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as OTPAuth from 'otpauth';
import { as, createTestApp, login, makeOrg, makeRegion, makeUser, PASSWORD, type TestApp } from '../../../test/helpers.ts';
import { verifyAudit } from '../../core/audit-verify.ts';

let t: TestApp;
let regionId: string;

beforeAll(async () => {
  t = await createTestApp();
  regionId = await makeRegion(t.db);
});
afterAll(async () => t.close());

describe('login, me and logout', () => {
  it('logs in, shows who I am, and logout ends the session', async () => {
    const org = await makeOrg(t.db, regionId, 'wijkteam');
    const u = await makeUser(t.db, { regionId, name: 'Wim', memberships: [{ organisationId: org, role: 'youth_care_professional' }] });
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/session', payload: { email: u.email.toUpperCase(), password: PASSWORD } });
    expect(res.statusCode).toBe(200);
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(setCookie).not.toMatch(/Secure/i);
    const s = await login(t.app, u.email);
    const me = await as(t.app, s)({ method: 'GET', url: '/api/v1/me' });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ id: u.id, kind: 'staff', memberships: [{ organisationId: org, role: 'youth_care_professional' }] });
    expect(me.json()).not.toHaveProperty('passwordHash');
    const out = await as(t.app, s)({ method: 'DELETE', url: '/api/v1/session' });
    expect(out.statusCode).toBe(204);
    const after = await as(t.app, s)({ method: 'GET', url: '/api/v1/me' });
    expect(after.statusCode).toBe(401);
    expect(after.json().error.code).toBe('unauthenticated');
  });

  it('answers a wrong password and an unknown address the same way', async () => {
    const u = await makeUser(t.db, { regionId });
    const wrong = await t.app.inject({ method: 'POST', url: '/api/v1/session', payload: { email: u.email, password: 'not-the-password' } });
    const unknown = await t.app.inject({ method: 'POST', url: '/api/v1/session', payload: { email: 'nobody@test.example', password: 'not-the-password' } });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
  });

  it('locks an address for 15 minutes after 5 failures, whether or not it has an account', async () => {
    const u = await makeUser(t.db, { regionId });
    for (let i = 0; i < 5; i++) {
      const r = await t.app.inject({ method: 'POST', url: '/api/v1/session', payload: { email: u.email, password: `wrong-${i}` } });
      expect(r.statusCode).toBe(401);
    }
    const locked = await t.app.inject({ method: 'POST', url: '/api/v1/session', payload: { email: u.email, password: PASSWORD } });
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.code).toBe('too_many_attempts');
    for (let i = 0; i < 5; i++) {
      await t.app.inject({ method: 'POST', url: '/api/v1/session', payload: { email: 'ghost@test.example', password: `wrong-${i}` } });
    }
    const ghost = await t.app.inject({ method: 'POST', url: '/api/v1/session', payload: { email: 'ghost@test.example', password: 'x' } });
    expect(ghost.json()).toEqual(locked.json());
    // After the lock expires, the right password works again.
    await t.db.query(`UPDATE login_throttle SET locked_until = now() - interval '1 second'`);
    const ok = await t.app.inject({ method: 'POST', url: '/api/v1/session', payload: { email: u.email, password: PASSWORD } });
    expect(ok.statusCode).toBe(200);
  });

  it('a right password after 4 failures logs in and starts the count again', async () => {
    const u = await makeUser(t.db, { regionId });
    const wrong = () => t.app.inject({ method: 'POST', url: '/api/v1/session', payload: { email: u.email, password: 'not-the-password' } });
    for (let i = 0; i < 4; i++) expect((await wrong()).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/session', payload: { email: u.email, password: PASSWORD } })).statusCode).toBe(200);
    for (let i = 0; i < 5; i++) expect((await wrong()).statusCode).toBe(401);
    expect((await wrong()).statusCode).toBe(429);
  });

  it('rotates the session on login: a cookie that came in is not kept (no fixation)', async () => {
    const u = await makeUser(t.db, { regionId });
    const first = await login(t.app, u.email);
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/session', headers: { cookie: first.cookie }, payload: { email: u.email, password: PASSWORD } });
    expect(res.statusCode).toBe(200);
    const newCookie = res.cookies.find((c) => c.name === 'rondom_session')!.value;
    expect(`rondom_session=${newCookie}`).not.toBe(first.cookie);
    expect((await as(t.app, first)({ method: 'GET', url: '/api/v1/me' })).statusCode).toBe(401);
  });

  it('ends a session after the idle timeout', async () => {
    const u = await makeUser(t.db, { regionId });
    const s = await login(t.app, u.email);
    await t.db.query(`UPDATE sessions SET last_seen_at = now() - interval '61 minutes' WHERE user_id = $1`, [u.id]);
    expect((await as(t.app, s)({ method: 'GET', url: '/api/v1/me' })).statusCode).toBe(401);
  });
});

describe('TOTP second factor', () => {
  it('asks for the code once enabled, refuses a wrong one, accepts the right one', async () => {
    const u = await makeUser(t.db, { regionId });
    const s = await login(t.app, u.email);
    const setup = await as(t.app, s)({ method: 'POST', url: '/api/v1/me/totp' });
    expect(setup.statusCode).toBe(200);
    const totp = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(setup.json().secret) });
    const bad = await as(t.app, s)({ method: 'POST', url: '/api/v1/me/totp/confirm', payload: { code: '000000' === totp.generate() ? '111111' : '000000' } });
    expect(bad.json().error.code).toBe('invalid_totp');
    const ok = await as(t.app, s)({ method: 'POST', url: '/api/v1/me/totp/confirm', payload: { code: totp.generate() } });
    expect(ok.statusCode).toBe(204);
    const without = await t.app.inject({ method: 'POST', url: '/api/v1/session', payload: { email: u.email, password: PASSWORD } });
    expect(without.statusCode).toBe(401);
    expect(without.json().error.code).toBe('totp_required');
    const wrong = await t.app.inject({ method: 'POST', url: '/api/v1/session', payload: { email: u.email, password: PASSWORD, totp: totp.generate() === '123456' ? '654321' : '123456' } });
    expect(wrong.json().error.code).toBe('invalid_totp');
    // The code used to confirm is spent: the login takes the next step's code (the window allows one step of drift).
    const next = totp.generate({ timestamp: Date.now() + 30_000 });
    const good = await login(t.app, u.email, PASSWORD, next);
    expect(good.userId).toBe(u.id);
  });

  it('the right password without a code does not count towards the lockout; wrong codes do', async () => {
    const u = await makeUser(t.db, { regionId });
    const s = await login(t.app, u.email);
    const totp = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32((await as(t.app, s)({ method: 'POST', url: '/api/v1/me/totp' })).json().secret) });
    const t0 = Date.now();
    expect((await as(t.app, s)({ method: 'POST', url: '/api/v1/me/totp/confirm', payload: { code: totp.generate({ timestamp: t0 }) } })).statusCode).toBe(204);
    for (let i = 0; i < 7; i++) {
      const r = await t.app.inject({ method: 'POST', url: '/api/v1/session', payload: { email: u.email, password: PASSWORD } });
      expect(r.json().error.code).toBe('totp_required');
    }
    const valid = new Set([-1, 0, 1, 2].map((k) => totp.generate({ timestamp: t0 + k * 30_000 })));
    const wrongCodes = ['000000', '111111', '222222', '333333', '444444', '555555', '666666'].filter((c) => !valid.has(c)).slice(0, 5);
    for (const code of wrongCodes) {
      const r = await t.app.inject({ method: 'POST', url: '/api/v1/session', payload: { email: u.email, password: PASSWORD, totp: code } });
      expect(r.json().error.code).toBe('invalid_totp');
    }
    const locked = await t.app.inject({ method: 'POST', url: '/api/v1/session', payload: { email: u.email, password: PASSWORD, totp: totp.generate({ timestamp: t0 + 30_000 }) } });
    expect(locked.statusCode).toBe(429);
  });

  it('accepts a code once: the same code, or an earlier one, is refused after it was used', async () => {
    const u = await makeUser(t.db, { regionId });
    const s = await login(t.app, u.email);
    const totp = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32((await as(t.app, s)({ method: 'POST', url: '/api/v1/me/totp' })).json().secret) });
    // Codes from one moment, so that a step boundary passing during the test changes nothing (the server allows one step of drift).
    const t0 = Date.now();
    const now = totp.generate({ timestamp: t0 });
    expect((await as(t.app, s)({ method: 'POST', url: '/api/v1/me/totp/confirm', payload: { code: now } })).statusCode).toBe(204);
    const again = await t.app.inject({ method: 'POST', url: '/api/v1/session', payload: { email: u.email, password: PASSWORD, totp: now } });
    expect(again.json().error.code).toBe('invalid_totp');
    const next = totp.generate({ timestamp: t0 + 30_000 });
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/session', payload: { email: u.email, password: PASSWORD, totp: next } })).statusCode).toBe(200);
    // Once on, it cannot be started again (that used to switch it off): the login still asks for a code.
    const restart = await as(t.app, s)({ method: 'POST', url: '/api/v1/me/totp' });
    expect(restart.statusCode).toBe(422);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/session', payload: { email: u.email, password: PASSWORD } })).json().error.code).toBe('totp_required');
    const replay = await t.app.inject({ method: 'POST', url: '/api/v1/session', payload: { email: u.email, password: PASSWORD, totp: next } });
    expect(replay.json().error.code).toBe('invalid_totp');
    const earlier = await t.app.inject({ method: 'POST', url: '/api/v1/session', payload: { email: u.email, password: PASSWORD, totp: totp.generate({ timestamp: t0 - 30_000 }) } });
    expect(earlier.json().error.code).toBe('invalid_totp');
  });
});

describe('changing your own password', () => {
  it('asks the current password, keeps the policy, ends the other sessions and logs it', async () => {
    const u = await makeUser(t.db, { regionId });
    const here = await login(t.app, u.email);
    const elsewhere = await login(t.app, u.email);
    const change = (body: object) => as(t.app, here)({ method: 'POST', url: '/api/v1/me/password', payload: body });

    const wrong = await change({ currentPassword: 'not-the-password', newPassword: 'Een-heel-nieuw-wachtwoord-42' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.fields).toEqual({ currentPassword: expect.any(String) });
    expect(wrong.json().error.messageNl).toBe('Uw huidige wachtwoord klopt niet.');
    const weak = await change({ currentPassword: PASSWORD, newPassword: 'wachtwoord123' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error).toMatchObject({ code: 'weak_password', fields: { newPassword: expect.any(String) } });
    const same = await change({ currentPassword: PASSWORD, newPassword: PASSWORD });
    expect(same.json().error).toMatchObject({ code: 'weak_password', fields: { newPassword: expect.any(String) } });
    // Refused: the old password still works, and both sessions still work.
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/session', payload: { email: u.email, password: PASSWORD } })).statusCode).toBe(200);
    expect((await as(t.app, elsewhere)({ method: 'GET', url: '/api/v1/me' })).statusCode).toBe(200);

    const ok = await change({ currentPassword: PASSWORD, newPassword: 'Een-heel-nieuw-wachtwoord-42' });
    expect(ok.statusCode).toBe(204);
    expect((await as(t.app, here)({ method: 'GET', url: '/api/v1/me' })).statusCode).toBe(200);
    expect((await as(t.app, elsewhere)({ method: 'GET', url: '/api/v1/me' })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/session', payload: { email: u.email, password: PASSWORD } })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/session', payload: { email: u.email, password: 'Een-heel-nieuw-wachtwoord-42' } })).statusCode).toBe(200);
    const kinds = await t.db.query<{ kind: string }>(`SELECT kind FROM audit_events WHERE chain_key = $1 ORDER BY seq`, [`user:${u.id}`]);
    expect(kinds.map((k) => k.kind).filter((k) => k === 'auth.password_changed')).toHaveLength(1);
    expect((await verifyAudit(t.db)).ok).toBe(true);
  });

  it('counts wrong current passwords towards the login lockout', async () => {
    const u = await makeUser(t.db, { regionId });
    const s = await login(t.app, u.email);
    for (let i = 0; i < 5; i++) {
      const res = await as(t.app, s)({ method: 'POST', url: '/api/v1/me/password', payload: { currentPassword: `wrong-${i}`, newPassword: 'Een-heel-nieuw-wachtwoord-42' } });
      expect(res.statusCode).toBe(400);
    }
    const locked = await as(t.app, s)({ method: 'POST', url: '/api/v1/me/password', payload: { currentPassword: PASSWORD, newPassword: 'Een-heel-nieuw-wachtwoord-42' } });
    expect(locked.statusCode).toBe(429);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/session', payload: { email: u.email, password: PASSWORD } })).statusCode).toBe(429);
  });

  it('needs a session and the CSRF token', async () => {
    const u = await makeUser(t.db, { regionId });
    const anon = await t.app.inject({ method: 'POST', url: '/api/v1/me/password', payload: { currentPassword: PASSWORD, newPassword: 'Een-heel-nieuw-wachtwoord-42' } });
    expect(anon.statusCode).toBe(401);
    const s = await login(t.app, u.email);
    const noCsrf = await t.app.inject({ method: 'POST', url: '/api/v1/me/password', headers: { cookie: s.cookie }, payload: { currentPassword: PASSWORD, newPassword: 'Een-heel-nieuw-wachtwoord-42' } });
    expect(noCsrf.statusCode).toBe(403);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/session', payload: { email: u.email, password: PASSWORD } })).statusCode).toBe(200);
  });
});

describe('CSRF', () => {
  it('refuses a cookie-authenticated write without the token, and accepts it with', async () => {
    const u = await makeUser(t.db, { regionId });
    const s = await login(t.app, u.email);
    const noToken = await t.app.inject({ method: 'POST', url: '/api/v1/me/totp', headers: { cookie: s.cookie } });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json().error.code).toBe('csrf_failed');
    const badToken = await t.app.inject({ method: 'POST', url: '/api/v1/me/totp', headers: { cookie: s.cookie, 'x-csrf-token': 'x'.repeat(43) } });
    expect(badToken.json().error.code).toBe('csrf_failed');
    const [row] = await t.db.query<{ totp_secret: string | null }>(`SELECT totp_secret FROM users WHERE id = $1`, [u.id]);
    expect(row!.totp_secret).toBeNull();
    const ok = await as(t.app, s)({ method: 'POST', url: '/api/v1/me/totp' });
    expect(ok.statusCode).toBe(200);
  });
});

describe('login rate limit per address', () => {
  it('answers 429 past the per-minute limit', async () => {
    const limited = await createTestApp({ loginRateLimitPerMinute: 3 });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 4; i++) {
        const r = await limited.app.inject({ method: 'POST', url: '/api/v1/session', payload: { email: `x${i}@test.example`, password: 'y' } });
        codes.push(r.statusCode);
        if (r.statusCode === 429) expect(r.json().error.code).toBe('rate_limited');
      }
      expect(codes).toEqual([401, 401, 401, 429]);
    } finally {
      await limited.close();
    }
  });
});

describe('audit', () => {
  it('keeps a valid chain for logins and failures', async () => {
    expect(await verifyAudit(t.db)).toMatchObject({ ok: true });
  });
});
