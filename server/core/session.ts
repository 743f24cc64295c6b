/**
 * Server-side sessions and the acting user.
 *
 * The cookie holds a random token; the database holds only its SHA-256. Each request
 * resolves the session into an Actor (who, which organisations, which roles). Writes
 * made with a session cookie must carry the session's CSRF token in `x-csrf-token`.
 * Sessions end after an idle period and after an absolute lifetime.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { fromJsonList, type Db, type Json, type Queryable } from './db.ts';
import type { AppConfig } from './config.ts';
import { AppError } from './errors.ts';

export const SESSION_COOKIE = 'rondom_session';

export const ROLES = [
  'teacher', 'intern_begeleider', 'zorgcoordinator', 'youth_care_professional', 'jgz_professional',
  'leerplicht_officer', 'swv_coordinator', 'municipality_coordinator', 'policy_maker', 'org_admin', 'privacy_officer',
] as const;
export type Role = (typeof ROLES)[number];

export const ORGANISATION_TYPES = [
  'school', 'school_board', 'swv', 'childcare', 'wijkteam', 'youth_care_provider', 'jgz', 'leerplicht', 'municipality',
  'welfare', 'youth_work', 'sport_culture', 'library', 'police', 'housing', 'health_insurer', 'care_office',
  'training_institute', 'mbo', 'gastouder_agency',
] as const;
export type OrganisationType = (typeof ORGANISATION_TYPES)[number];
/**
 * The kinds of partner a partners' workspace may add as a contact-only organisation (issue 18). A school,
 * SWV, leerplicht, municipality, JGZ, wijkteam or care provider is made by the platform admin: those
 * appear in consent, enrolment and decision pickers, so a lookalike made from a workspace could mislead.
 */
export const PARTNER_ONLY_TYPES = [
  'welfare', 'youth_work', 'sport_culture', 'library', 'police', 'housing', 'health_insurer', 'care_office',
  'training_institute', 'mbo', 'gastouder_agency',
] as const satisfies readonly OrganisationType[];

export interface Membership {
  organisationId: string;
  organisationName: string;
  organisationType: OrganisationType;
  regionId: string;
  role: Role;
}

/** Who is acting: resolved once per request from the session. */
export interface Actor {
  userId: string;
  regionId: string;
  kind: 'staff' | 'parent' | 'young_person';
  email: string;
  displayName: string;
  isPlatformAdmin: boolean;
  memberships: Membership[];
  sessionTokenHash: string;
  csrfToken: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
  interface FastifyContextConfig {
    /** false for routes that may be called without a CSRF token (login). */
    csrf?: boolean;
  }
}

export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

interface MembershipRow { organisation_id: string; name: string; type: OrganisationType; region_id: string; role: Role }
const toMembership = (r: MembershipRow): Membership => ({
  organisationId: r.organisation_id, organisationName: r.name, organisationType: r.type, regionId: r.region_id, role: r.role,
});

export async function loadMemberships(q: Queryable, userId: string): Promise<Membership[]> {
  const rows = await q.query<MembershipRow>(
    `SELECT m.organisation_id, o.name, o.type, o.region_id, m.role
       FROM memberships m JOIN organisations o ON o.id = m.organisation_id
      WHERE m.user_id = $1 ORDER BY o.name, m.role`,
    [userId],
  );
  return rows.map(toMembership);
}

/** Creates a session row and returns the raw token (for the cookie) and the CSRF token. */
export async function createSession(q: Queryable, userId: string, config: AppConfig): Promise<{ token: string; csrfToken: string }> {
  const token = newToken();
  const csrfToken = newToken();
  await q.query(
    `INSERT INTO sessions (token_hash, user_id, csrf_token, expires_at)
     VALUES ($1, $2, $3, now() + make_interval(hours => $4))`,
    [sha256(token), userId, csrfToken, config.sessionAbsoluteHours],
  );
  return { token, csrfToken };
}

export function setSessionCookie(reply: FastifyReply, token: string, config: AppConfig): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: config.secureCookies,
    maxAge: config.sessionAbsoluteHours * 3600,
  });
}

export function clearSessionCookie(reply: FastifyReply, config: AppConfig): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure: config.secureCookies });
}

function safeEqual(a: string, b: string): boolean {
  const ba = Buffer.from(a);
  const bb = Buffer.from(b);
  return ba.length === bb.length && timingSafeEqual(ba, bb);
}

/**
 * The session, its user and the user's memberships, in one round trip (memberships as json,
 * the same shape on both engines); null when the session is unknown, expired or idle too long.
 */
/**
 * A user as an Actor without a session: for work done on their behalf (an accepted join request
 * records the requester's question) and for the demo, which acts through the services as its users.
 */
export async function actorForUser(q: Queryable, userId: string): Promise<Actor> {
  const [u] = await q.query<{ region_id: string; kind: Actor['kind']; email: string; display_name: string; is_platform_admin: boolean }>(
    `SELECT region_id, kind, email, display_name, is_platform_admin FROM users WHERE id = $1`, [userId]);
  if (!u) throw new Error(`no user ${userId}`);
  return {
    userId, regionId: u.region_id, kind: u.kind, email: u.email, displayName: u.display_name, isPlatformAdmin: u.is_platform_admin,
    memberships: await loadMemberships(q, userId), sessionTokenHash: '', csrfToken: '',
  };
}

export async function loadActor(q: Queryable, tokenHash: string, idleMinutes: number): Promise<Actor | null> {
  return (await loadSession(q, tokenHash, idleMinutes))?.actor ?? null;
}

async function loadSession(q: Queryable, tokenHash: string, idleMinutes: number): Promise<{ actor: Actor; expiresAt: number } | null> {
  const [row] = await q.query<{
    user_id: string; region_id: string; kind: Actor['kind']; email: string; display_name: string;
    is_platform_admin: boolean; csrf_token: string; stale: boolean; expires_at: Date; memberships: Json<MembershipRow[]>;
  }>(
    `SELECT s.user_id, u.region_id, u.kind, u.email, u.display_name, u.is_platform_admin, s.csrf_token, s.expires_at,
            s.last_seen_at < now() - interval '1 minute' AS stale,
            (SELECT json_agg(json_build_object('organisation_id', m.organisation_id, 'name', o.name, 'type', o.type,
                                               'region_id', o.region_id, 'role', m.role) ORDER BY o.name, m.role)
               FROM memberships m JOIN organisations o ON o.id = m.organisation_id WHERE m.user_id = u.id) AS memberships
       FROM sessions s JOIN users u ON u.id = s.user_id
      WHERE s.token_hash = $1 AND s.expires_at > now() AND u.active
        AND s.last_seen_at > now() - make_interval(mins => $2)`,
    [tokenHash, idleMinutes],
  );
  if (!row) return null;
  // Touch at most once a minute: the idle timeout needs no write per request.
  if (row.stale) await q.query(`UPDATE sessions SET last_seen_at = now() WHERE token_hash = $1`, [tokenHash]);
  const actor: Actor = {
    userId: row.user_id,
    regionId: row.region_id,
    kind: row.kind,
    email: row.email,
    displayName: row.display_name,
    isPlatformAdmin: row.is_platform_admin,
    memberships: fromJsonList(row.memberships).map((m) => Object.freeze(toMembership(m))),
    sessionTokenHash: tokenHash,
    csrfToken: row.csrf_token,
  };
  Object.freeze(actor.memberships);
  // Shared by concurrent requests when cached: nobody may change it.
  return { actor: Object.freeze(actor), expiresAt: new Date(row.expires_at).getTime() };
}

/**
 * Recently resolved actors by session token hash, so that most requests need no session
 * statement of their own (a case view is then two round trips: access decision; read + audit).
 *
 * Safe because every change to who a user is reaches it: database triggers (migration 0008)
 * NOTIFY rondom_actor with the user's id — or '*' — when a session ends, an account, a
 * membership or an organisation changes, whoever makes the change (this process, another
 * server, the rondom command, plain SQL). An entry also lives at most `ttlMs` (at least 75 % of it) and never past
 * the session's absolute end; the idle timeout is re-checked (and the session touched) at each
 * reload. While the channel is not listening (starting, connection lost) nothing is cached,
 * and losing the channel forgets everything. Who may see which child is not cached: that is
 * decided from the database on every request (core/access.ts).
 */
export class ActorCache {
  private readonly entries = new Map<string, { actor: Actor; until: number }>();
  /** A counter that every eviction moves on; a load remembers it when it begins. */
  private clock = 0;
  /** When everything was last forgotten, and when each user was last forgotten (clock values). */
  private clearedAt = 0;
  private readonly forgottenAt = new Map<string, number>();
  private live = false;

  constructor(private readonly ttlMs: number, private readonly maxEntries = 20_000, private readonly random = Math.random) {}

  get(tokenHash: string, now = Date.now()): Actor | null {
    const e = this.live ? this.entries.get(tokenHash) : undefined;
    if (!e) return null;
    if (e.until <= now) {
      this.entries.delete(tokenHash);
      return null;
    }
    return e.actor;
  }

  /** Call before loading; pass the answer to put(). */
  begin(): number {
    return this.clock;
  }

  /** Keeps a loaded actor, unless its user (or everyone) was forgotten after the load began. */
  put(tokenHash: string, actor: Actor, expiresAt: number, begunAt: number, now = Date.now()): void {
    if (!this.live || this.ttlMs <= 0) return;
    if (this.clearedAt > begunAt || (this.forgottenAt.get(actor.userId) ?? 0) > begunAt) return;
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    // 75–100 % of the TTL, so that sessions loaded in one burst are not all reloaded in one burst.
    this.entries.set(tokenHash, { actor, until: Math.min(now + this.ttlMs * (0.75 + this.random() / 4), expiresAt) });
  }

  /** A NOTIFY payload: a user id, or '*' for everyone. */
  forget(userIdOrAll: string): void {
    this.clock++;
    if (userIdOrAll === '*') {
      this.clearAll();
      return;
    }
    if (this.forgottenAt.size >= this.maxEntries) this.clearAll(); // bounded: forgetting everyone is always safe
    this.forgottenAt.set(userIdOrAll, this.clock);
    for (const [hash, e] of this.entries) if (e.actor.userId === userIdOrAll) this.entries.delete(hash);
  }

  setLive(live: boolean): void {
    this.clock++;
    this.clearAll();
    this.live = live;
  }

  private clearAll(): void {
    this.clearedAt = this.clock;
    this.forgottenAt.clear();
    this.entries.clear();
  }
}

/** Resolves the session cookie into request.actor and enforces CSRF on writes. */
export async function installSessions(app: FastifyInstance, db: Db, config: AppConfig): Promise<void> {
  const seconds = config.sessionCacheSeconds ?? 30;
  const cache = new ActorCache(seconds * 1000);
  if (seconds > 0) {
    const stop = await db.listen('rondom_actor', (payload) => cache.forget(payload), (live) => cache.setLive(live));
    app.addHook('onClose', stop);
  }
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    if (!token || token.length > 100) return;
    const hash = sha256(token);
    const cached = cache.get(hash);
    if (cached) {
      request.actor = cached;
      return;
    }
    const begunAt = cache.begin();
    const session = await loadSession(db, hash, config.sessionIdleMinutes);
    if (!session) return;
    cache.put(hash, session.actor, session.expiresAt, begunAt);
    request.actor = session.actor;
  });
  app.addHook('preHandler', async (request) => {
    if (['GET', 'HEAD', 'OPTIONS'].includes(request.method)) return;
    if (request.routeOptions.config?.csrf === false) return;
    if (!request.actor) return; // unauthenticated writes are refused by the route itself
    const sent = request.headers['x-csrf-token'];
    if (typeof sent !== 'string' || !safeEqual(sent, request.actor.csrfToken)) throw new AppError('csrf_failed');
  });
}

/** The acting user, or 401. */
export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('unauthenticated');
  return request.actor;
}

/**
 * The regions an actor works in: their own and those of their organisations. A statement about
 * children names them (region_id = ANY(...)), so on Citus it reaches only those regions' shards:
 * one shard for everyone who works in one region (docs/ARCHITECTURE.md, "Users and organisations
 * across regions").
 */
export function actorRegions(actor: Actor): string[] {
  const out = [actor.regionId];
  for (const m of actor.memberships) if (!out.includes(m.regionId)) out.push(m.regionId);
  return out;
}

export function hasRole(actor: Actor, ...roles: Role[]): boolean {
  return actor.memberships.some((m) => roles.includes(m.role));
}
