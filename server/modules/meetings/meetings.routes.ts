import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { etag, requireIfMatch } from '../../core/http.ts';
import { requireActor } from '../../core/session.ts';
import { childErrors } from '../children/children.routes.ts';
import { ChildParams } from '../children/children.schemas.ts';
import type { MeetingsService } from './meetings.service.ts';
import type { ProposalsService } from './meetings.proposals.ts';
import {
  DecisionBody, DecisionOut, MeetingBody, MeetingOut, MeetingParams, MeetingPatchBody, ProposalAnswerBody, ProposalOut, ProposalParams,
} from './meetings.schemas.ts';

export function meetingsRoutes(meetings: MeetingsService): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get('/api/v1/children/:childId/meetings', {
      schema: { tags: ['meetings'], summary: 'Integrated meetings, newest first, with warnings', params: ChildParams, response: { 200: Type.Array(MeetingOut), ...childErrors } },
    }, async (request) => meetings.list(requireActor(request), request.params.childId));

    app.post('/api/v1/children/:childId/meetings', {
      schema: { tags: ['meetings'], summary: 'Plan an integrated meeting', params: ChildParams, body: MeetingBody, response: { 201: MeetingOut, ...childErrors } },
    }, async (request, reply) => reply.code(201).send(await meetings.create(requireActor(request), request.params.childId, request.body)));

    app.get('/api/v1/children/:childId/meetings/:meetingId', {
      schema: { tags: ['meetings'], summary: 'One meeting', params: MeetingParams, response: { 200: MeetingOut, ...childErrors } },
    }, async (request, reply) => {
      const m = await meetings.get(requireActor(request), request.params.childId, request.params.meetingId);
      reply.header('etag', etag(m.version));
      return m;
    });

    app.patch('/api/v1/children/:childId/meetings/:meetingId', {
      schema: { tags: ['meetings'], summary: 'Record presence, mandate, status and report (If-Match: meeting version)', params: MeetingParams, body: MeetingPatchBody, response: { 200: MeetingOut, ...childErrors } },
    }, async (request, reply) => {
      const m = await meetings.update(requireActor(request), request.params.childId, request.params.meetingId, requireIfMatch(request), request.body);
      reply.header('etag', etag(m.version));
      return m;
    });

    app.post('/api/v1/children/:childId/meetings/:meetingId/decisions', {
      schema: { tags: ['meetings'], summary: 'Record a decision; binding with a present, mandated participant of the organisation it commits (its action becomes a plan action), else a proposal', params: MeetingParams, body: DecisionBody, response: { 201: DecisionOut, ...childErrors } },
    }, async (request, reply) => reply.code(201).send(await meetings.decide(requireActor(request), request.params.childId, request.params.meetingId, request.body)));

    app.post('/api/v1/children/:childId/meetings/:meetingId/share-report', {
      schema: { tags: ['meetings'], summary: 'Share the report with the family', params: MeetingParams, response: { 200: MeetingOut, ...childErrors } },
    }, async (request) => meetings.shareReport(requireActor(request), request.params.childId, request.params.meetingId));
  };
}

/** The organisation's side of a meeting: the proposals it is asked to confirm. */
export function proposalRoutes(proposals: ProposalsService): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get('/api/v1/meeting-proposals', {
      schema: { tags: ['meetings'], summary: 'Open (and recently answered) meeting proposals for the organisations I decide for', response: { 200: Type.Array(ProposalOut), ...childErrors } },
    }, async (request) => proposals.list(requireActor(request)));

    app.post('/api/v1/meeting-proposals/:decisionId/answer', {
      schema: { tags: ['meetings'], summary: 'Confirm (the action enters the plan) or decline a proposal for my organisation', params: ProposalParams, body: ProposalAnswerBody, response: { 200: ProposalOut, ...childErrors } },
    }, async (request) => proposals.answer(requireActor(request), request.params.decisionId, request.body));
  };
}
