/**
 * Samenwerking (partners' workspace) API under /api/v1/partnerships. Routes are thin:
 * validate in, call the service, declared (safe) fields out. Parts are registered
 * from their own route files.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Services } from '../../app.ts';
import { requireIfMatch } from '../../core/http.ts';
import { requireActor } from '../../core/session.ts';
import { spec, withEtag } from './route-helpers.ts';
import {
  FrameworkOut, FrameworkQuery, IdParams, InvitationOut, PartnershipBody, PartnershipListItem, PartnershipOut, PartnershipPatch,
  ResponseBody, TaskOut, TaskPatch, Uuid, WorkspaceOut,
} from './partnerships.schemas.ts';
import { createPartnershipsService } from './partnerships.service.ts';
import { mapRoutes } from './partner-map.routes.ts';
import { tablesRoutes } from './meeting-tables.routes.ts';
import { agreementsRoutes } from './agreements.routes.ts';
import { programmesRoutes } from './programmes.routes.ts';
import { assessmentsRoutes } from './assessments.routes.ts';
import { guideRoutes } from './travel-guide.routes.ts';

export function partnershipsRoutes(services: Services): FastifyPluginAsyncTypebox {
  const svc = createPartnershipsService(services.db);
  const { core } = svc;
  return async (app) => {
    app.get('/api/v1/partnerships', spec('My partnerships (through a policy, coordinator or admin role)', 200, Type.Array(PartnershipListItem)),
      async (request) => core.list(requireActor(request)));

    app.post('/api/v1/partnerships', spec('Create a partnership with its first partner organisations', 201, PartnershipOut, { body: PartnershipBody }),
      async (request, reply) => reply.code(201).send(await core.create(requireActor(request), request.body)));

    app.get('/api/v1/partnerships/frameworks', spec('Shipped frameworks (versioned data): elements, indicators, stages, templates, topics', 200, Type.Array(FrameworkOut), { querystring: FrameworkQuery }),
      async (request) => {
        requireActor(request);
        return core.frameworks(request.query.kind);
      });

    app.get('/api/v1/partnerships/tasks', spec('My open actions from meeting tables, across partnerships', 200, Type.Array(TaskOut)),
      async (request) => core.myTasks(requireActor(request)));

    app.patch('/api/v1/partnerships/tasks/:actionId', spec('Update the status of my own action (If-Match)', 200, TaskOut, { params: Type.Object({ actionId: Uuid }), body: TaskPatch }),
      async (request, reply) => withEtag(reply, await core.updateMyTask(requireActor(request), request.params.actionId, requireIfMatch(request), request.body.status)));

    app.get('/api/v1/partnerships/invitations', spec('Self-assessment rounds I am invited to and have not answered', 200, Type.Array(InvitationOut)),
      async (request) => svc.assessments.myInvitations(requireActor(request)));

    app.post('/api/v1/partnerships/rounds/:roundId/responses', spec('Answer a self-assessment round I am invited to (once, anonymously)', 201,
      Type.Object({ roundId: Uuid, answered: Type.Integer() }), { params: Type.Object({ roundId: Uuid }), body: ResponseBody }),
    async (request, reply) => reply.code(201).send(await svc.assessments.respond(requireActor(request), request.params.roundId, request.body.answers)));

    app.get('/api/v1/partnerships/:id', spec('The workspace at a glance: counts, warnings, allowed actions', 200, WorkspaceOut, { params: IdParams }),
      async (request) => core.workspace(requireActor(request), request.params.id));

    app.patch('/api/v1/partnerships/:id', spec('Update the partnership (If-Match)', 200, PartnershipOut, { params: IdParams, body: PartnershipPatch }),
      async (request, reply) => withEtag(reply, await core.update(requireActor(request), request.params.id, requireIfMatch(request), request.body)));

    await app.register(mapRoutes(svc));
    await app.register(tablesRoutes(svc));
    await app.register(agreementsRoutes(svc));
    await app.register(programmesRoutes(svc));
    await app.register(assessmentsRoutes(svc));
    await app.register(guideRoutes(svc));
  };
}
