/**
 * Builds the Fastify app from a config. Tests and main.ts use this same function.
 * Modules are wired here: each gets the few services it needs.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from 'helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppConfig } from './core/config.ts';
import { openDb, type Db } from './core/db.ts';
import { migrate } from './core/migrate.ts';
import { installErrorHandler, installValidation, sendError } from './core/http.ts';
import { installSessions } from './core/session.ts';
import { serveWebApp } from './core/web-assets.ts';
import { ErrorSchema } from './core/errors.ts';
import { createAccountsService } from './modules/accounts/accounts.service.ts';
import { accountsRoutes } from './modules/accounts/accounts.routes.ts';
import { createAdminService, createUserTx } from './modules/admin/admin.service.ts';
import { adminRoutes } from './modules/admin/admin.routes.ts';
import { partnershipsRoutes } from './modules/partnerships/partnerships.routes.ts';
import { createChildrenService } from './modules/children/children.service.ts';
import { childrenRoutes } from './modules/children/children.routes.ts';
import { createHistoryService } from './modules/children/children.history.ts';
import { createNetworksService } from './modules/networks/networks.service.ts';
import { joinRequestRoutes, networksRoutes, worklistRoutes } from './modules/networks/networks.routes.ts';
import { createJoinRequestsService } from './modules/networks/join-requests.ts';
import { createPrivacyService } from './modules/privacy/privacy.service.ts';
import { privacyRoutes } from './modules/privacy/privacy.routes.ts';
import { createConsentsService } from './modules/consents/consents.service.ts';
import { consentsRoutes } from './modules/consents/consents.routes.ts';
import { createPlansService } from './modules/plans/plans.service.ts';
import { plansRoutes } from './modules/plans/plans.routes.ts';
import { createMeetingsService } from './modules/meetings/meetings.service.ts';
import { meetingsRoutes, proposalRoutes } from './modules/meetings/meetings.routes.ts';
import { createProposalsService } from './modules/meetings/meetings.proposals.ts';
import { createDisagreementsService } from './modules/plans/disagreements.service.ts';
import { disagreementsRoutes } from './modules/plans/disagreements.routes.ts';
import { createEvaluationsService } from './modules/evaluations/evaluations.service.ts';
import { evaluationsRoutes } from './modules/evaluations/evaluations.routes.ts';
import { createMatchesService } from './modules/matches/matches.service.ts';
import { matchesRoutes } from './modules/matches/matches.routes.ts';
import { createNotificationsService } from './modules/notifications/notifications.service.ts';
import { notificationsRoutes } from './modules/notifications/notifications.routes.ts';
import { createLeerplichtService } from './modules/leerplicht/leerplicht.service.ts';
import { createExemptionsService } from './modules/leerplicht/exemptions.service.ts';
import { createInspectieReport } from './modules/leerplicht/inspectie.report.ts';
import { leerplichtRoutes } from './modules/leerplicht/leerplicht.routes.ts';
import { consultsRoutes } from './modules/consults/consults.routes.ts';
import { createConsultsService } from './modules/consults/consults.service.ts';
import { supportTeamsRoutes } from './modules/support-teams/support-teams.routes.ts';
import { createSupportTeamsService } from './modules/support-teams/support-teams.service.ts';
import { themeRoutes } from './modules/theme/theme.routes.ts';
import { createThemeService } from './modules/theme/theme.service.ts';

export interface Services {
  db: Db;
  config: AppConfig;
  accounts: ReturnType<typeof createAccountsService>;
  admin: ReturnType<typeof createAdminService>;
}

declare module 'fastify' {
  interface FastifyInstance {
    services: Services;
  }
}

export interface BuildOptions {
  /** An already opened database (tests); otherwise opened from config.database. */
  db?: Db;
  /** Pino options, false to silence, or a stream destination for tests that read the logs. */
  logger?: FastifyServerOptions['logger'];
}

/** Log lines carry method, route pattern and status, never raw paths, query strings, bodies, cookies or names. */
export function loggerOptions(level: string): FastifyServerOptions['logger'] {
  return {
    level,
    redact: { paths: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]'], remove: true },
    serializers: {
      // The route pattern, not the raw path: a path segment can be anything a client typed (a name), an id pattern cannot.
      req: (req: { method: string; url: string; id: string; routeOptions?: { url?: string } }) =>
        ({ id: req.id, method: req.method, path: req.routeOptions?.url ?? '(no route)' }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
  };
}

export async function buildApp(config: AppConfig, options: BuildOptions = {}): Promise<FastifyInstance> {
  const db = options.db ?? (await openDb(config.database));
  await migrate(db);

  const app = Fastify({
    logger: options.logger ?? loggerOptions(config.logLevel),
    bodyLimit: 256 * 1024,
    trustProxy: config.trustProxy,
    return503OnClosing: true,
    ajv: { customOptions: { removeAdditional: false } },
    // Router-level refusals (an over-long or badly encoded path) get a stable code too, not Fastify's own body.
    frameworkErrors: (error, _request, reply) =>
      void sendError(reply, error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 'not_found' : 'validation_failed'),
  }).withTypeProvider<TypeBoxTypeProvider>();

  const services: Services = {
    db,
    config,
    accounts: createAccountsService(db, config),
    admin: createAdminService(db),
  };
  app.decorate('services', services);

  // JSON only: any other content type is refused with 415.
  app.removeContentTypeParser('text/plain');
  installValidation(app);
  installErrorHandler(app);
  app.addSchema(ErrorSchema);

  await app.register(cookie);
  // Security headers (helmet), built once: @fastify/helmet rebuilt the whole middleware, CSP
  // parsing included, on every request (~2 % of the server's CPU under load).
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        baseUri: ["'none'"],
        objectSrc: ["'none'"],
        upgradeInsecureRequests: config.secureCookies ? [] : null,
      },
    },
    hsts: config.secureCookies ? { maxAge: 31536000, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'no-referrer' },
    crossOriginEmbedderPolicy: false,
  });
  app.addHook('onRequest', (request, reply, done) => securityHeaders(request.raw, reply.raw, (err) => done(err as Error | undefined)));
  // Answers about people must not be kept by browsers or shared caches (ASVS 8.2.1, 8.1.1).
  app.addHook('onSend', async (request, reply) => {
    if (request.url.startsWith('/api/') && !reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
  });
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Rondom API',
        version: '1',
        description:
          'Rondom: samenwerken rondom het kind. Log in with POST /api/v1/session; the session cookie then authenticates, ' +
          'and every write must carry the csrfToken from the login answer in the x-csrf-token header.',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'rondom_session' } } },
      security: [{ session: [] }],
    },
  });

  await installSessions(app, db, config);

  app.get('/health', {
    schema: {
      tags: ['platform'],
      summary: 'Liveness and database check',
      security: [],
      response: { 200: Type.Object({ status: Type.Literal('ok'), database: Type.Union([Type.Literal('pglite'), Type.Literal('postgresql')]) }), 503: ErrorSchema },
    },
  }, async (_request, reply) => {
    try {
      await db.query('SELECT 1');
    } catch {
      return sendError(reply.code(503), 'internal_error');
    }
    return { status: 'ok' as const, database: db.kind };
  });

  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  // The region's colours (checked against the contrast rule here, at start: a wrong colour stops the server).
  await app.register(themeRoutes(createThemeService(db, config.theme, (m) => app.log.warn(m))));
  await app.register(accountsRoutes(services));
  await app.register(adminRoutes(services));
  await app.register(partnershipsRoutes(services));
  // Kindkring: every route below reaches a young person only through core/access.ts.
  await app.register(childrenRoutes(createChildrenService(db)));
  await app.register(networksRoutes(createNetworksService(db)));
  await app.register(worklistRoutes(db));
  await app.register(joinRequestRoutes(createJoinRequestsService(db)));
  await app.register(privacyRoutes(createPrivacyService(db)));
  await app.register(consentsRoutes(createConsentsService(db)));
  await app.register(plansRoutes(createPlansService(db)));
  await app.register(meetingsRoutes(createMeetingsService(db)));
  const clock = config.clock ?? (() => new Date());
  await app.register(proposalRoutes(createProposalsService(db, clock)));
  await app.register(disagreementsRoutes(createDisagreementsService(db, clock)));
  await app.register(evaluationsRoutes(createEvaluationsService(db)));
  await app.register(matchesRoutes(createMatchesService(db)));
  await app.register(notificationsRoutes(createNotificationsService(db), createHistoryService(db)));
  await app.register(leerplichtRoutes(createLeerplichtService(db), createExemptionsService(db), createInspectieReport(db, clock)));
  // Anonymous consults (no child in them) and the school's support team (named items through core/access.ts).
  await app.register(consultsRoutes(createConsultsService(db)));
  await app.register(supportTeamsRoutes(createSupportTeamsService(db)));

  const webDir = config.webDistDir;
  const hasWeb = Boolean(webDir && existsSync(path.join(webDir, 'index.html')));
  if (hasWeb) await serveWebApp(app, webDir!);
  app.setNotFoundHandler((request, reply) => {
    // The single-page app answers every non-API GET with index.html; a missing hashed file (a chunk
    // of an older release) is a 404, not a page sent as a script.
    if (hasWeb && request.method === 'GET' && !request.url.startsWith('/api/') && !request.url.startsWith('/assets/') && request.url !== '/health') {
      return reply.type('text/html').sendFile('index.html');
    }
    return sendError(reply, 'not_found');
  });

  app.addHook('onClose', async () => {
    await db.close();
  });

  // First admin: only when the database has no users yet.
  if (config.firstAdmin) await ensureFirstAdmin(db, config.firstAdmin);

  return app;
}

/** Creates a platform admin when the database has no users at all. */
export async function ensureFirstAdmin(db: Db, admin: { email: string; password: string }): Promise<boolean> {
  return db.tx(async (q) => {
    const [any] = await q.query(`SELECT 1 FROM users LIMIT 1`);
    if (any) return false;
    let [region] = await q.query<{ id: string }>(`SELECT id FROM regions ORDER BY created_at LIMIT 1`);
    region ??= (await q.query<{ id: string }>(`INSERT INTO regions (slug, name) VALUES ('platform', 'Platform') RETURNING id`))[0]!;
    await createUserTx(q, { regionId: region.id, kind: 'staff', email: admin.email, displayName: 'Platform admin', password: admin.password, isPlatformAdmin: true }, null);
    return true;
  });
}
