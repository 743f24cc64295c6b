import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { etag, requireIfMatch } from '../../core/http.ts';
import { requireActor } from '../../core/session.ts';
import { childErrors } from '../children/children.routes.ts';
import { ChildParams } from '../children/children.schemas.ts';
import type { PlansService } from './plans.service.ts';
import { ActionParams, ActionPatchBody, CommentBody, OpinionBody, PlanBody, PlanOut, TaskOut, VersionParams, VersionSummary } from './plans.schemas.ts';

export function plansRoutes(plans: PlansService): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get('/api/v1/children/:childId/plan', {
      schema: { tags: ['plan'], summary: 'The current plan (ETag: its version number)', params: ChildParams, response: { 200: PlanOut, ...childErrors } },
    }, async (request, reply) => {
      const plan = await plans.get(requireActor(request), request.params.childId);
      reply.header('etag', etag(plan.versionNumber));
      return plan;
    });

    app.put('/api/v1/children/:childId/plan', {
      schema: { tags: ['plan'], summary: 'Write a new plan version (If-Match: the version you read; "0" for the first)', params: ChildParams, body: PlanBody, response: { 200: PlanOut, ...childErrors } },
    }, async (request, reply) => {
      const plan = await plans.replace(requireActor(request), request.params.childId, requireIfMatch(request), request.body);
      reply.header('etag', etag(plan.versionNumber));
      return plan;
    });

    app.patch('/api/v1/children/:childId/plan/actions/:actionId', {
      schema: { tags: ['plan'], summary: 'Change an action\'s status or date (a new version; If-Match: the plan version)', params: ActionParams, body: ActionPatchBody, response: { 200: PlanOut, ...childErrors } },
    }, async (request, reply) => {
      const plan = await plans.updateAction(requireActor(request), request.params.childId, request.params.actionId, requireIfMatch(request), request.body);
      reply.header('etag', etag(plan.versionNumber));
      return plan;
    });

    app.get('/api/v1/children/:childId/plan/versions', {
      schema: { tags: ['plan'], summary: 'The plan\'s history', params: ChildParams, response: { 200: Type.Array(VersionSummary), ...childErrors } },
    }, async (request) => plans.versions(requireActor(request), request.params.childId));

    app.get('/api/v1/children/:childId/plan/versions/:number', {
      schema: { tags: ['plan'], summary: 'One version of the plan, with comments and opinions', params: VersionParams, response: { 200: PlanOut, ...childErrors } },
    }, async (request) => plans.version(requireActor(request), request.params.childId, request.params.number));

    app.post('/api/v1/children/:childId/plan/versions/:number/comments', {
      schema: { tags: ['plan'], summary: 'Comment on a plan version', params: VersionParams, body: CommentBody, response: { 201: PlanOut, ...childErrors } },
    }, async (request, reply) => reply.code(201).send(await plans.comment(requireActor(request), request.params.childId, request.params.number, request.body.text)));

    app.post('/api/v1/children/:childId/plan/versions/:number/opinion', {
      schema: { tags: ['plan'], summary: 'Parent or young person: agree or disagree with a plan version', params: VersionParams, body: OpinionBody, response: { 200: PlanOut, ...childErrors } },
    }, async (request) => plans.opinion(requireActor(request), request.params.childId, request.params.number, request.body));

    app.get('/api/v1/tasks', {
      schema: { tags: ['plan'], summary: 'My open plan actions, soonest first', response: { 200: Type.Array(TaskOut), ...childErrors } },
    }, async (request) => plans.tasks(requireActor(request)));
  };
}
