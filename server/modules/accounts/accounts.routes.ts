import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ErrorSchema } from '../../core/errors.ts';
import { clearSessionCookie, requireActor, setSessionCookie, SESSION_COOKIE, sha256 } from '../../core/session.ts';
import type { Services } from '../../app.ts';
import { LoginBody, MeOut, PasswordChangeBody, TotpConfirmBody, TotpSetupOut } from './accounts.schemas.ts';

const errors = { 400: ErrorSchema, 401: ErrorSchema, 403: ErrorSchema, 429: ErrorSchema };

export function accountsRoutes(services: Services): FastifyPluginAsyncTypebox {
  const { accounts, config } = services;
  return async (app) => {
    app.post('/api/v1/session', {
      config: {
        csrf: false,
        rateLimit: { max: config.loginRateLimitPerMinute, timeWindow: '1 minute' },
      },
      schema: {
        tags: ['session'],
        summary: 'Log in with e-mail and password (and a TOTP code when enabled)',
        body: LoginBody,
        response: { 200: MeOut, ...errors },
      },
    }, async (request, reply) => {
      const prev = request.cookies[SESSION_COOKIE];
      const session = await accounts.login({ ...request.body, previousTokenHash: prev ? sha256(prev) : undefined });
      setSessionCookie(reply, session.token, config);
      return accounts.profile(session.userId, session.csrfToken);
    });

    app.delete('/api/v1/session', {
      schema: { tags: ['session'], summary: 'Log out: ends the session', response: { 204: Type.Null(), ...errors } },
    }, async (request, reply) => {
      await accounts.logout(requireActor(request));
      clearSessionCookie(reply, config);
      return reply.code(204).send(null);
    });

    app.get('/api/v1/me', {
      schema: { tags: ['session'], summary: 'The logged-in user, their organisations and roles', response: { 200: MeOut, ...errors } },
    }, async (request) => {
      const actor = requireActor(request);
      return accounts.profile(actor.userId, actor.csrfToken);
    });

    app.post('/api/v1/me/password', {
      config: { rateLimit: { max: config.loginRateLimitPerMinute, timeWindow: '1 minute' } },
      schema: {
        tags: ['session'],
        summary: 'Change your own password (the current one is asked again); your other sessions end',
        body: PasswordChangeBody,
        response: { 204: Type.Null(), ...errors },
      },
    }, async (request, reply) => {
      await accounts.changePassword(requireActor(request), request.body.currentPassword, request.body.newPassword);
      return reply.code(204).send(null);
    });

    app.post('/api/v1/me/totp', {
      schema: { tags: ['session'], summary: 'Start setting up a TOTP second factor', response: { 200: TotpSetupOut, ...errors } },
    }, async (request) => accounts.startTotp(requireActor(request)));

    app.post('/api/v1/me/totp/confirm', {
      schema: { tags: ['session'], summary: 'Confirm TOTP set-up with a code; other sessions end', body: TotpConfirmBody, response: { 204: Type.Null(), ...errors } },
    }, async (request, reply) => {
      await accounts.confirmTotp(requireActor(request), request.body.code);
      return reply.code(204).send(null);
    });
  };
}
