import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { requireActor } from '../../core/session.ts';
import { childErrors } from '../children/children.routes.ts';
import { ChildParams } from '../children/children.schemas.ts';
import type { EvaluationsService } from './evaluations.service.ts';
import { EvaluationBody, EvaluationOut } from './evaluations.schemas.ts';

export function evaluationsRoutes(evaluations: EvaluationsService): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get('/api/v1/children/:childId/evaluations', {
      schema: { tags: ['evaluations'], summary: 'Evaluations of the plan, newest first', params: ChildParams, response: { 200: Type.Array(EvaluationOut), ...childErrors } },
    }, async (request) => evaluations.list(requireActor(request), request.params.childId));

    app.post('/api/v1/children/:childId/evaluations', {
      schema: { tags: ['evaluations'], summary: 'Record an evaluation with the young person and parents', params: ChildParams, body: EvaluationBody, response: { 201: Type.Array(EvaluationOut), ...childErrors } },
    }, async (request, reply) => reply.code(201).send(await evaluations.record(requireActor(request), request.params.childId, request.body)));
  };
}
