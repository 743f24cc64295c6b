/** Configuration from the environment, in one place. */
import path from 'node:path';

export interface AppConfig {
  database: { url?: string; dataDir?: string; poolSize?: number };
  port: number;
  host: string;
  /** Set cookies with Secure and send HSTS: true when served over HTTPS (directly or behind a proxy). */
  secureCookies: boolean;
  trustProxy: boolean;
  logLevel: string;
  /** Login attempts per IP per minute (the per-address lockout is separate). */
  loginRateLimitPerMinute: number;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  /** How long a server process may keep a resolved session (ActorCache, core/session.ts); 0 = never. Default 30. */
  sessionCacheSeconds?: number;
  /** Serve the built web app from this folder when it exists. */
  webDistDir?: string;
  /** Seed the demo region on an empty embedded database. */
  autoDemo: boolean;
  firstAdmin?: { email: string; password: string };
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const url = env.DATABASE_URL || undefined;
  return {
    database: {
      url,
      dataDir: url ? undefined : path.resolve(env.RONDOM_DATA_DIR || './data'),
      // 8: on the 2-core benchmark machine 8 connections served more requests with lower p99 than 4, 12 or 24
      // (more backends than cores only add context switches); raise it for a bigger database server.
      poolSize: env.RONDOM_DB_POOL ? Number(env.RONDOM_DB_POOL) : 8,
    },
    port: env.PORT ? Number(env.PORT) : 3000,
    host: env.HOST || '127.0.0.1',
    secureCookies: env.RONDOM_SECURE_COOKIES === 'true' || (env.RONDOM_PUBLIC_URL ?? '').startsWith('https://'),
    trustProxy: env.RONDOM_TRUST_PROXY === 'true',
    logLevel: env.LOG_LEVEL || 'info',
    loginRateLimitPerMinute: env.RONDOM_LOGIN_RATE_LIMIT ? Number(env.RONDOM_LOGIN_RATE_LIMIT) : 20,
    sessionIdleMinutes: 60,
    sessionAbsoluteHours: 12,
    sessionCacheSeconds: env.RONDOM_SESSION_CACHE_SECONDS ? Number(env.RONDOM_SESSION_CACHE_SECONDS) : 30,
    webDistDir: path.resolve('web/dist'),
    autoDemo: !url && env.RONDOM_DEMO !== 'false',
    firstAdmin:
      env.RONDOM_ADMIN_EMAIL && env.RONDOM_ADMIN_PASSWORD
        ? { email: env.RONDOM_ADMIN_EMAIL, password: env.RONDOM_ADMIN_PASSWORD }
        : undefined,
  };
}
