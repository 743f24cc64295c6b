import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { etag, requireIfMatch } from '../../core/http.ts';
import { requireActor } from '../../core/session.ts';
import { childErrors } from '../children/children.routes.ts';
import { ChildParams, QuestionBody } from '../children/children.schemas.ts';
import type { NetworksService } from './networks.service.ts';
import { worklist, WorklistOut } from './networks.worklist.ts';
import type { Db } from '../../core/db.ts';
import type { JoinRequestsService } from './join-requests.ts';
import { InviteBody, InvolvementParams, JoinDecisionBody, JoinDecisionOut, JoinRequestParams, JoinRequestsOut, JoinRequestSent, LeadBody, NetworkOut, ProfessionalOut, ProfessionalsQuery, QuestionOut } from './networks.schemas.ts';

export function networksRoutes(networks: NetworksService): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.post('/api/v1/children/:childId/questions', {
      schema: {
        tags: ['network'], summary: 'Open a question (starts a network when none is active); from a professional outside the network it becomes a join request (202)',
        params: ChildParams, body: QuestionBody, response: { 201: QuestionOut, 202: JoinRequestSent, ...childErrors },
      },
    }, async (request, reply) => {
      const out = await networks.openQuestion(requireActor(request), request.params.childId, request.body);
      return reply.code(out.status === 'opened' ? 201 : 202).send(out);
    });

    app.get('/api/v1/children/:childId/network', {
      schema: { tags: ['network'], summary: 'The network: lead professional, involvements, members, questions', params: ChildParams, response: { 200: NetworkOut, ...childErrors } },
    }, async (request, reply) => {
      const net = await networks.get(requireActor(request), request.params.childId);
      reply.header('etag', etag(net.version));
      return net;
    });

    app.get('/api/v1/children/:childId/network/candidates', {
      schema: { tags: ['network'], summary: 'Professionals who could be invited, and whether a basis covers them', params: ChildParams, querystring: ProfessionalsQuery, response: { 200: Type.Array(ProfessionalOut), ...childErrors } },
    }, async (request) => networks.candidates(requireActor(request), request.params.childId, request.query.q));

    app.post('/api/v1/children/:childId/network/involvements', {
      schema: { tags: ['network'], summary: 'Invite a professional (needs consent or a legal basis covering their organisation)', params: ChildParams, body: InviteBody, response: { 201: NetworkOut, ...childErrors } },
    }, async (request, reply) => reply.code(201).send(await networks.invite(requireActor(request), request.params.childId, request.body)));

    app.post('/api/v1/children/:childId/network/involvements/:involvementId/end', {
      schema: { tags: ['network'], summary: 'End an involvement today', params: InvolvementParams, response: { 200: NetworkOut, ...childErrors } },
    }, async (request) => networks.endInvolvement(requireActor(request), request.params.childId, request.params.involvementId));

    app.post('/api/v1/children/:childId/network/lead', {
      schema: { tags: ['network'], summary: 'Hand over the lead professional role (If-Match: network version)', params: ChildParams, body: LeadBody, response: { 200: NetworkOut, ...childErrors } },
    }, async (request, reply) => {
      const net = await networks.handOverLead(requireActor(request), request.params.childId, requireIfMatch(request), request.body);
      reply.header('etag', etag(net.version));
      return net;
    });
  };
}

export function joinRequestRoutes(joins: JoinRequestsService): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get('/api/v1/join-requests', {
      schema: { tags: ['network'], summary: 'Join requests I may decide now (as lead, family or coordinator), and the ones I sent', response: { 200: JoinRequestsOut, ...childErrors } },
    }, async (request) => joins.list(requireActor(request)));

    app.post('/api/v1/join-requests/:requestId/decision', {
      schema: { tags: ['network'], summary: 'Accept or refuse a join request (accepting adds the requester and their question; they still need a basis)', params: JoinRequestParams, body: JoinDecisionBody, response: { 200: JoinDecisionOut, ...childErrors } },
    }, async (request) => joins.decide(requireActor(request), request.params.requestId, request.body));

    app.post('/api/v1/join-requests/:requestId/withdraw', {
      schema: { tags: ['network'], summary: 'Withdraw my own pending join request', params: JoinRequestParams, response: { 200: JoinDecisionOut, ...childErrors } },
    }, async (request) => joins.withdraw(requireActor(request), request.params.requestId));
  };
}

export function worklistRoutes(db: Db): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get('/api/v1/worklist', {
      schema: { tags: ['network'], summary: 'My networks now, most urgent first', response: { 200: WorklistOut, ...childErrors } },
    }, async (request) => worklist(db, requireActor(request)));
  };
}
