import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ErrorSchema } from '../../core/errors.ts';
import { etag, requireIfMatch } from '../../core/http.ts';
import { requireActor } from '../../core/session.ts';
import type { ChildrenService } from './children.service.ts';
import { JoinRequestSent } from '../networks/networks.schemas.ts';
import {
  ChildOut, ChildParams, ChildSummary, GuardianBody, PrivacyBody, RegisterChildBody, SearchQuery, UpdateChildBody, Uuid,
} from './children.schemas.ts';

export const childErrors = { 400: ErrorSchema, 401: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema, 422: ErrorSchema, 428: ErrorSchema };

export function childrenRoutes(children: ChildrenService): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get('/api/v1/children', {
      schema: { tags: ['children'], summary: 'Search the young people you may reach (nobody else exists for you)', querystring: SearchQuery, response: { 200: Type.Object({ items: Type.Array(ChildSummary) }), ...childErrors } },
    }, async (request) => children.search(requireActor(request), request.query));

    app.post('/api/v1/children', {
      schema: {
        tags: ['children'],
        summary: 'Register a young person with a first question (starts the network). A young person already known in the region becomes a join request (202): nothing of that record comes back',
        body: RegisterChildBody, response: { 201: Type.Object({ status: Type.Literal('registered'), id: Uuid }), 202: JoinRequestSent, 429: ErrorSchema, ...childErrors },
      },
    }, async (request, reply) => {
      const out = await children.register(requireActor(request), request.body);
      return reply.code(out.status === 'registered' ? 201 : 202).send(out);
    });

    app.get('/api/v1/children/:childId', {
      schema: { tags: ['children'], summary: 'A young person, with who must consent and what you may do', params: ChildParams, response: { 200: ChildOut, ...childErrors } },
    }, async (request, reply) => {
      const child = await children.get(requireActor(request), request.params.childId);
      reply.header('etag', etag(child.version));
      return child;
    });

    app.patch('/api/v1/children/:childId', {
      schema: { tags: ['children'], summary: 'Update a young person (If-Match: the version you read)', params: ChildParams, body: UpdateChildBody, response: { 200: ChildOut, ...childErrors } },
    }, async (request, reply) => {
      const child = await children.update(requireActor(request), request.params.childId, requireIfMatch(request), request.body);
      reply.header('etag', etag(child.version));
      return child;
    });

    app.post('/api/v1/children/:childId/guardians', {
      schema: { tags: ['children'], summary: 'Link a parent with parental authority (gezag)', params: ChildParams, body: GuardianBody, response: { 200: ChildOut, ...childErrors } },
    }, async (request) => children.linkGuardian(requireActor(request), request.params.childId, request.body.parentUserId));

    app.put('/api/v1/children/:childId/privacy', {
      schema: { tags: ['children'], summary: 'From 16: the young person decides whether parents see their network, plan and meetings', params: ChildParams, body: PrivacyBody, response: { 200: ChildOut, ...childErrors } },
    }, async (request) => children.setParentsAccess(requireActor(request), request.params.childId, request.body.parentsAccess));
  };
}
