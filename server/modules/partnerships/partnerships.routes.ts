/** Samenwerking (partners' workspace): routes are added by the partnerships module work. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Services } from '../../app.ts';

export function partnershipsRoutes(_services: Services): FastifyPluginAsyncTypebox {
  return async () => {};
}
