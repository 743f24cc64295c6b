/** Configuration from the environment, in one place. */
import path from 'node:path';
import type { AuditAnchorConfig } from './audit-anchor.ts';
import { parseRegionColours, type ThemeConfig } from '../modules/theme/theme.service.ts';

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
  /** The audit anchors' key and external file (core/audit-anchor.ts); kept outside the database. */
  audit?: AuditAnchorConfig;
  /**
   * Where services that derive deadlines from timestamps read the time (the disagreement clock, a
   * meeting proposal's answer). Only tests set it, to move time without sleeping; main.ts never does.
   */
  clock?: () => Date;
  /** The web app's primary colour, the installation's and per region (modules/theme/README.md). */
  theme?: ThemeConfig;
}

/**
 * The anchor key from RONDOM_AUDIT_KEY or RONDOM_AUDIT_KEY_FILE, the anchor file in
 * RONDOM_AUDIT_ANCHOR_DIR. The embedded default keeps both in its data directory, the key
 * generated on first use. On PostgreSQL the directory must be given; without a key file setting
 * the key is then generated in that directory (on the application server, not the database's).
 */
export function auditAnchorConfig(env: NodeJS.ProcessEnv, dataDir: string | undefined): AuditAnchorConfig {
  const anchorDir = env.RONDOM_AUDIT_ANCHOR_DIR ? path.resolve(env.RONDOM_AUDIT_ANCHOR_DIR) : dataDir ? path.join(dataDir, 'audit-anchors') : undefined;
  const defaultKeyFile = dataDir ? path.join(dataDir, 'audit-anchor.key') : anchorDir ? path.join(anchorDir, 'audit-anchor.key') : undefined;
  return {
    key: env.RONDOM_AUDIT_KEY || undefined,
    keyFile: env.RONDOM_AUDIT_KEY_FILE ? path.resolve(env.RONDOM_AUDIT_KEY_FILE) : defaultKeyFile,
    generateKey: !env.RONDOM_AUDIT_KEY_FILE,
    anchorDir,
  };
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const url = env.DATABASE_URL || undefined;
  const dataDir = url ? undefined : path.resolve(env.RONDOM_DATA_DIR || './data');
  return {
    database: {
      url,
      dataDir,
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
    audit: auditAnchorConfig(env, dataDir),
    theme: { primary: env.RONDOM_THEME_PRIMARY || undefined, regions: parseRegionColours(env.RONDOM_REGION_COLOURS) },
  };
}
