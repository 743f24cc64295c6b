import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { requireActor } from '../../core/session.ts';
import { childErrors } from '../children/children.routes.ts';
import { ChildParams } from '../children/children.schemas.ts';
import type { DisagreementsService } from './disagreements.service.ts';
import { CoordinatorParams, DisagreementBody, DisagreementParams, DisagreementsOut, EscalatedOut, ResolveBody } from './disagreements.schemas.ts';

/** The family's request for a conversation about the plan, and its clock (disagreements.service.ts). */
export function disagreementsRoutes(disagreements: DisagreementsService): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get('/api/v1/children/:childId/plan/disagreements', {
      schema: { tags: ['plan'], summary: 'The family\'s requests for a conversation about the plan (family and lead)', params: ChildParams, response: { 200: DisagreementsOut, ...childErrors } },
    }, async (request) => disagreements.list(requireActor(request), request.params.childId));

    app.post('/api/v1/children/:childId/plan/disagreements', {
      schema: { tags: ['plan'], summary: 'A parent or the young person disagrees with the plan and asks for a conversation', params: ChildParams, body: DisagreementBody, response: { 201: DisagreementsOut, ...childErrors } },
    }, async (request, reply) => reply.code(201).send(await disagreements.request(requireActor(request), request.params.childId, request.body)));

    app.post('/api/v1/children/:childId/plan/disagreements/:disagreementId/resolve', {
      schema: { tags: ['plan'], summary: 'The lead records the outcome of the conversation', params: DisagreementParams, body: ResolveBody, response: { 200: DisagreementsOut, ...childErrors } },
    }, async (request) => disagreements.resolveAsLead(requireActor(request), request.params.childId, request.params.disagreementId, request.body));

    app.get('/api/v1/disagreements', {
      schema: { tags: ['plan'], summary: 'Municipality coordinator: the family\'s requests still open after the region\'s period (or without a lead)', response: { 200: Type.Array(EscalatedOut), ...childErrors } },
    }, async (request) => disagreements.escalated(requireActor(request)));

    app.post('/api/v1/disagreements/:disagreementId/resolve', {
      schema: { tags: ['plan'], summary: 'Municipality coordinator resolves an escalated request', params: CoordinatorParams, body: ResolveBody, response: { 200: EscalatedOut, ...childErrors } },
    }, async (request) => disagreements.resolveAsCoordinator(requireActor(request), request.params.disagreementId, request.body));
  };
}
