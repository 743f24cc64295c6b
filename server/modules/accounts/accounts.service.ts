/**
 * Accounts: login with password (+ TOTP when enabled), lockout, logout, the current user,
 * changing one's own password.
 *
 * Lockout is kept per e-mail address (hashed) whether or not an account exists, and is
 * counted in one statement before each password check (claimAttempt), so parallel attempts
 * cannot slip past it. Unknown addresses cost the same argon2 time as known ones: the
 * answers never tell which addresses have an account.
 */
import * as OTPAuth from 'otpauth';
import type { Db, Queryable } from '../../core/db.ts';
import type { AppConfig } from '../../core/config.ts';
import { AppError } from '../../core/errors.ts';
import { appendAudit, userChain } from '../../core/audit.ts';
import { checkPasswordPolicy, hashPassword, verifyDummy, verifyPassword } from '../../core/passwords.ts';
import { createSession, loadMemberships, sha256, type Actor } from '../../core/session.ts';

export const MAX_FAILURES = 5;
export const LOCK_MINUTES = 15;

interface UserRow {
  id: string;
  region_id: string;
  password_hash: string;
  totp_enabled: boolean;
  totp_secret: string | null;
}

const TOTP_PERIOD = 30;

function totpFor(secret: string, label = 'Rondom'): OTPAuth.TOTP {
  return new OTPAuth.TOTP({ issuer: 'Rondom', label, algorithm: 'SHA1', digits: 6, period: TOTP_PERIOD, secret: OTPAuth.Secret.fromBase32(secret) });
}

/**
 * Accepts a TOTP code once: the code must match the current step or one next to it (clock
 * drift), and its step must be later than the last accepted one, which it then becomes, in
 * one statement, so two requests with the same code cannot both pass (migration 0015).
 */
async function acceptTotp(q: Queryable, userId: string, secret: string, code: string): Promise<boolean> {
  const delta = totpFor(secret).validate({ token: code, window: 1 });
  if (delta === null) return false;
  const step = Math.floor(Date.now() / 1000 / TOTP_PERIOD) + delta;
  const taken = await q.query(
    `UPDATE users SET totp_last_step = $2 WHERE id = $1 AND (totp_last_step IS NULL OR totp_last_step < $2) RETURNING id`, [userId, step]);
  return taken.length === 1;
}

export function createAccountsService(db: Db, config: AppConfig) {
  /**
   * Claims one of the address's attempt slots, BEFORE the password is checked, in one statement:
   * the attempt counts as a failure from the start. The claim that fills the last slot locks the
   * address at once; once locked (or while all slots are taken by attempts still being checked)
   * a claim gets no row and the attempt is refused unchecked with 429. So parallel attempts can
   * never check more than MAX_FAILURES passwords per lock period, on PostgreSQL (the upsert locks
   * the row; ON CONFLICT DO UPDATE sees its newest version) as on PGlite. An expired lock starts
   * the count again. A success resets it (login) or gives its slot back (releaseAttempt).
   */
  async function claimAttempt(emailHash: string): Promise<void> {
    const claimed = await db.query(
      `INSERT INTO login_throttle AS t (email_hash, failures, locked_until, updated_at)
       VALUES ($1, 1, CASE WHEN 1 >= $2::int THEN now() + make_interval(mins => $3::int) END, now())
       ON CONFLICT (email_hash) DO UPDATE
         SET failures = CASE WHEN t.locked_until <= now() THEN 1 ELSE t.failures + 1 END,
             locked_until = CASE WHEN (CASE WHEN t.locked_until <= now() THEN 1 ELSE t.failures + 1 END) >= $2::int
                                 THEN now() + make_interval(mins => $3::int) END,
             updated_at = now()
         WHERE t.locked_until <= now() OR (t.locked_until IS NULL AND t.failures < $2::int)
       RETURNING failures`,
      [emailHash, MAX_FAILURES, LOCK_MINUTES],
    );
    if (claimed.length === 0) throw new AppError('too_many_attempts');
  }

  /** Gives a claimed slot back: the password was right (TOTP still to come, or a password change's other checks). */
  async function releaseAttempt(emailHash: string): Promise<void> {
    await db.query(
      `UPDATE login_throttle SET failures = failures - 1, locked_until = CASE WHEN failures - 1 >= $2::int THEN locked_until END, updated_at = now()
        WHERE email_hash = $1 AND failures > 0`,
      [emailHash, MAX_FAILURES],
    );
  }

  /** A failed check: the claimed slot stays counted; audited when the account exists. */
  async function recordFailure(user: UserRow | undefined, reason: string): Promise<void> {
    if (!user) return;
    await appendAudit(db, {
      chainKey: userChain(user.id), kind: 'auth.login_failed', outcome: 'denied', regionId: user.region_id,
      actorUserId: user.id, subjectType: 'user', subjectId: user.id, details: { reason },
    });
  }

  return {
    /** Checks the credentials and opens a new session. The caller's previous session (if any) is ended. */
    async login(input: { email: string; password: string; totp?: string; previousTokenHash?: string }) {
      const email = input.email.trim().toLowerCase();
      const emailHash = sha256(email);
      await claimAttempt(emailHash);
      const [user] = await db.query<UserRow>(
        `SELECT id, region_id, password_hash, totp_enabled, totp_secret FROM users WHERE lower(email) = $1 AND active`,
        [email],
      );
      const ok = user ? await verifyPassword(user.password_hash, input.password) : (await verifyDummy(input.password), false);
      if (!user || !ok) {
        await recordFailure(user, 'password');
        throw new AppError('invalid_credentials');
      }
      if (user.totp_enabled && user.totp_secret) {
        if (!input.totp) {
          // The right password without a code is not a failure (the form asks for the code next).
          await releaseAttempt(emailHash);
          throw new AppError('totp_required');
        }
        if (!(await acceptTotp(db, user.id, user.totp_secret, input.totp))) {
          await recordFailure(user, 'totp');
          throw new AppError('invalid_totp');
        }
      }
      return db.tx(async (q) => {
        await q.query(`DELETE FROM login_throttle WHERE email_hash = $1`, [emailHash]);
        // Session fixation: whatever session came with the request is ended; a new token is issued.
        if (input.previousTokenHash) await q.query(`DELETE FROM sessions WHERE token_hash = $1`, [input.previousTokenHash]);
        await q.query(`DELETE FROM sessions WHERE user_id = $1 AND expires_at < now()`, [user.id]);
        const session = await createSession(q, user.id, config);
        await appendAudit(q, {
          chainKey: userChain(user.id), kind: 'auth.login', regionId: user.region_id, actorUserId: user.id,
          subjectType: 'user', subjectId: user.id, details: { totp: user.totp_enabled },
        });
        return { ...session, userId: user.id };
      });
    },

    async logout(actor: Actor): Promise<void> {
      await db.tx(async (q) => {
        await q.query(`DELETE FROM sessions WHERE token_hash = $1`, [actor.sessionTokenHash]);
        await appendAudit(q, {
          chainKey: userChain(actor.userId), kind: 'auth.logout', regionId: actor.regionId, actorUserId: actor.userId,
          subjectType: 'user', subjectId: actor.userId,
        });
      });
    },

    /** The user's own profile, with the CSRF token of their session. */
    async profile(userId: string, csrfToken: string) {
      const [u] = await db.query<{
        region_id: string; kind: Actor['kind']; email: string; display_name: string; is_platform_admin: boolean; totp_enabled: boolean;
      }>(`SELECT region_id, kind, email, display_name, is_platform_admin, totp_enabled FROM users WHERE id = $1`, [userId]);
      if (!u) throw new AppError('unauthenticated');
      return {
        id: userId, regionId: u.region_id, kind: u.kind, email: u.email, displayName: u.display_name,
        isPlatformAdmin: u.is_platform_admin, totpEnabled: u.totp_enabled,
        memberships: (await loadMemberships(db, userId)).map(({ regionId: _r, ...m }) => m),
        csrfToken,
      };
    },

    /**
     * Changes the user's own password. The current password is asked again (an unlocked screen is
     * not enough), wrong answers count towards the same lockout as failed logins, and every other
     * session of the user ends: whoever knew the old password is logged out everywhere else.
     */
    async changePassword(actor: Actor, currentPassword: string, newPassword: string): Promise<void> {
      const [user] = await db.query<UserRow & { email: string }>(
        `SELECT id, region_id, email, password_hash, totp_enabled, totp_secret FROM users WHERE id = $1 AND active`, [actor.userId]);
      if (!user) throw new AppError('unauthenticated');
      const emailHash = sha256(user.email.trim().toLowerCase());
      await claimAttempt(emailHash);
      if (!(await verifyPassword(user.password_hash, currentPassword))) {
        await recordFailure(user, 'password_change');
        throw new AppError('validation_failed', {
          en: 'Your current password is not correct.', nl: 'Uw huidige wachtwoord klopt niet.', fields: { currentPassword: 'not your current password' },
        });
      }
      await releaseAttempt(emailHash);
      if (newPassword === currentPassword) {
        throw new AppError('weak_password', {
          en: 'Choose a new password, not the one you have now.', nl: 'Kies een nieuw wachtwoord, niet het wachtwoord dat u nu hebt.', fields: { newPassword: 'the same as the current password' },
        });
      }
      try {
        checkPasswordPolicy(newPassword, user.email);
      } catch (err) {
        if (err instanceof AppError && err.detail?.fields?.password) throw new AppError(err.code, { ...err.detail, fields: { newPassword: err.detail.fields.password } });
        throw err;
      }
      const hash = await hashPassword(newPassword);
      await db.tx(async (q) => {
        await q.query(`UPDATE users SET password_hash = $2, version = version + 1, updated_at = now() WHERE id = $1`, [user.id, hash]);
        await q.query(`DELETE FROM sessions WHERE user_id = $1 AND token_hash <> $2`, [user.id, actor.sessionTokenHash]);
        await q.query(`DELETE FROM login_throttle WHERE email_hash = $1`, [emailHash]);
        await appendAudit(q, {
          chainKey: userChain(user.id), kind: 'auth.password_changed', regionId: user.region_id, actorUserId: user.id,
          subjectType: 'user', subjectId: user.id,
        });
      });
    },

    /**
     * Starts TOTP enrolment: a new secret, not yet active until confirmed with a code. Refused
     * once TOTP is on: starting again used to turn it off at once, so anyone at an unlocked
     * screen could remove the second factor without knowing anything.
     */
    async startTotp(actor: Actor) {
      const secret = new OTPAuth.Secret({ size: 20 }).base32;
      const started = await db.query(
        `UPDATE users SET totp_secret = $2, totp_last_step = NULL, updated_at = now() WHERE id = $1 AND NOT totp_enabled RETURNING id`, [actor.userId, secret]);
      if (started.length === 0) {
        throw new AppError('unprocessable', { en: 'Two-step verification is already on.', nl: 'Tweestapsverificatie staat al aan.' });
      }
      return { secret, otpauthUrl: totpFor(secret, actor.email).toString() };
    },

    async confirmTotp(actor: Actor, code: string): Promise<void> {
      const [u] = await db.query<{ totp_secret: string | null }>(`SELECT totp_secret FROM users WHERE id = $1`, [actor.userId]);
      if (!u?.totp_secret) throw new AppError('unprocessable', { en: 'Start TOTP set-up first.', nl: 'Begin eerst met het instellen.' });
      if (!(await acceptTotp(db, actor.userId, u.totp_secret, code))) throw new AppError('invalid_totp');
      await db.tx(async (q) => {
        await q.query(`UPDATE users SET totp_enabled = true, version = version + 1, updated_at = now() WHERE id = $1`, [actor.userId]);
        // Privilege change: every other session of this user ends.
        await q.query(`DELETE FROM sessions WHERE user_id = $1 AND token_hash <> $2`, [actor.userId, actor.sessionTokenHash]);
        await appendAudit(q, {
          chainKey: userChain(actor.userId), kind: 'auth.totp_enabled', regionId: actor.regionId, actorUserId: actor.userId,
          subjectType: 'user', subjectId: actor.userId,
        });
      });
    },
  };
}

export type AccountsService = ReturnType<typeof createAccountsService>;

/** For tests and the CLI: the current TOTP code for a secret. */
export function currentTotp(secret: string): string {
  return totpFor(secret).generate();
}
