import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { requireActor } from '../../core/session.ts';
import { requireIfMatch } from '../../core/http.ts';
import { childErrors } from '../children/children.routes.ts';
import { ChildParams } from '../children/children.schemas.ts';
import type { EvaluationsService } from './evaluations.service.ts';
import { EvaluationBody, EvaluationOut, FamilyAnswerBody, FamilyEvaluationOut } from './evaluations.schemas.ts';

export function evaluationsRoutes(evaluations: EvaluationsService): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get('/api/v1/children/:childId/evaluations/family', {
      schema: { tags: ['evaluations'], summary: "The family's own part of the evaluation: the network reads every answer, the family their own", params: ChildParams, response: { 200: FamilyEvaluationOut, ...childErrors } },
    }, async (request) => evaluations.family(requireActor(request), request.params.childId));

    app.put('/api/v1/children/:childId/evaluations/family', {
      schema: { tags: ['evaluations'], summary: 'The young person or a parent answers their own part (If-Match "0" for a first answer, else its version)', params: ChildParams, body: FamilyAnswerBody, response: { 200: FamilyEvaluationOut, ...childErrors } },
    }, async (request) => evaluations.answerFamily(requireActor(request), request.params.childId, requireIfMatch(request), request.body));

    app.get('/api/v1/children/:childId/evaluations', {
      schema: { tags: ['evaluations'], summary: 'Evaluations of the plan, newest first', params: ChildParams, response: { 200: Type.Array(EvaluationOut), ...childErrors } },
    }, async (request) => evaluations.list(requireActor(request), request.params.childId));

    app.post('/api/v1/children/:childId/evaluations', {
      schema: { tags: ['evaluations'], summary: 'Record an evaluation with the young person and parents', params: ChildParams, body: EvaluationBody, response: { 201: Type.Array(EvaluationOut), ...childErrors } },
    }, async (request, reply) => reply.code(201).send(await evaluations.record(requireActor(request), request.params.childId, request.body)));
  };
}
