import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { requireActor } from '../../core/session.ts';
import { childErrors } from '../children/children.routes.ts';
import { ChildParams, Uuid } from '../children/children.schemas.ts';
import type { HistoryService } from '../children/children.history.ts';
import { AccessLogOut, AccessLogQuery, TimelineOut, TimelineQuery } from '../children/children.history.ts';
import type { NotificationsService } from './notifications.service.ts';
import { NotificationOut } from './notifications.service.ts';

export function notificationsRoutes(notifications: NotificationsService, history: HistoryService): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get('/api/v1/notifications', {
      schema: { tags: ['notifications'], summary: 'My inbox, newest first', querystring: Type.Object({ unread: Type.Optional(Type.Boolean()) }, { additionalProperties: false }), response: { 200: Type.Array(NotificationOut), ...childErrors } },
    }, async (request) => notifications.list(requireActor(request), request.query.unread ?? false));

    app.post('/api/v1/notifications/:id/read', {
      schema: { tags: ['notifications'], summary: 'Mark a notification as read', params: Type.Object({ id: Uuid }), response: { 204: Type.Null(), ...childErrors } },
    }, async (request, reply) => {
      await notifications.markRead(requireActor(request), request.params.id);
      return reply.code(204).send(null);
    });

    app.get('/api/v1/children/:childId/timeline', {
      schema: { tags: ['children'], summary: 'The network\'s timeline, newest first (page with ?before=)', params: ChildParams, querystring: TimelineQuery, response: { 200: TimelineOut, ...childErrors } },
    }, async (request) => history.timeline(requireActor(request), request.params.childId, request.query));

    app.get('/api/v1/children/:childId/access-log', {
      schema: { tags: ['children'], summary: 'For the family: who looked at what, when, and on which basis; others first, a page at a time, filtered', params: ChildParams, querystring: AccessLogQuery, response: { 200: AccessLogOut, ...childErrors } },
    }, async (request) => history.accessLog(requireActor(request), request.params.childId, request.query));
  };
}
