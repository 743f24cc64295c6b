import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { etag, requireIfMatch } from '../../core/http.ts';
import { requireActor } from '../../core/session.ts';
import { childErrors } from '../children/children.routes.ts';
import type { SupportTeamsService } from './support-teams.service.ts';
import {
  AddItemBody, AddMemberBody, CandidatesOut, CreateTeamBody, InvitationOut, InvitationParams, InvitationResponseBody, ItemParams, MemberParams,
  PatchItemBody, PatchTeamBody, RollOnBody, TeamListOut, TeamOut, TeamParams,
} from './support-teams.schemas.ts';

const tags = ['support-teams'];
const base = '/api/v1/support-teams';

export function supportTeamsRoutes(teams: SupportTeamsService): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(base, {
      schema: { tags, summary: 'The support teams you are in, and the schools for which you may start one', response: { 200: TeamListOut, ...childErrors } },
    }, async (request) => teams.list(requireActor(request)));

    app.post(base, {
      schema: { tags, summary: "Start a school's support team (its intern begeleider or zorgcoördinator)", body: CreateTeamBody, response: { 201: TeamOut, ...childErrors } },
    }, async (request, reply) => reply.code(201).send(await teams.create(requireActor(request), request.body)));

    app.get(`${base}/:teamId`, {
      schema: { tags, summary: 'A support team with its members and rolling agenda (members only; a named item shows the child only to who may reach it)', params: TeamParams, response: { 200: TeamOut, ...childErrors } },
    }, async (request, reply) => {
      const t = await teams.get(requireActor(request), request.params.teamId);
      reply.header('etag', etag(t.version));
      return t;
    });

    app.patch(`${base}/:teamId`, {
      schema: { tags, summary: 'Change the name or the next meeting (If-Match: team version)', params: TeamParams, body: PatchTeamBody, response: { 200: TeamOut, ...childErrors } },
    }, async (request, reply) => {
      const t = await teams.update(requireActor(request), request.params.teamId, requireIfMatch(request), request.body);
      reply.header('etag', etag(t.version));
      return t;
    });

    app.get(`${base}/:teamId/candidates`, {
      schema: { tags, summary: 'Professionals of the region who can join the team', params: TeamParams, response: { 200: CandidatesOut, ...childErrors } },
    }, async (request) => teams.candidates(requireActor(request), request.params.teamId));

    app.post(`${base}/:teamId/members`, {
      schema: { tags, summary: 'Add a member in a team role', params: TeamParams, body: AddMemberBody, response: { 201: TeamOut, ...childErrors } },
    }, async (request, reply) => reply.code(201).send(await teams.addMember(requireActor(request), request.params.teamId, request.body)));

    app.delete(`${base}/:teamId/members/:userId`, {
      schema: { tags, summary: 'End a membership (the team keeps an intern begeleider)', params: MemberParams, response: { 200: TeamOut, ...childErrors } },
    }, async (request) => teams.endMember(requireActor(request), request.params.teamId, request.params.userId));

    app.post(`${base}/:teamId/items`, {
      schema: { tags, summary: 'Put a named pupil on the agenda: the parents are informed and invited', params: TeamParams, body: AddItemBody, response: { 201: TeamOut, ...childErrors } },
    }, async (request, reply) => reply.code(201).send(await teams.addPupilItem(requireActor(request), request.params.teamId, request.body)));

    app.patch(`${base}/:teamId/items/:itemId`, {
      schema: { tags, summary: "Record an item's outcome, close it or move it (If-Match: item version); a consult's outcome goes back to the asker", params: ItemParams, body: PatchItemBody, response: { 200: TeamOut, ...childErrors } },
    }, async (request) => teams.updateItem(requireActor(request), request.params.teamId, request.params.itemId, requireIfMatch(request), request.body));

    app.post(`${base}/:teamId/roll-on`, {
      schema: { tags, summary: 'Move the open items of earlier meetings to the next meeting', params: TeamParams, body: RollOnBody, response: { 200: TeamOut, ...childErrors } },
    }, async (request) => teams.rollOn(requireActor(request), request.params.teamId, request.body.to));

    app.get('/api/v1/support-team-invitations', {
      schema: { tags, summary: "The family's invitations to the support team, about their own child", response: { 200: Type.Array(InvitationOut), ...childErrors } },
    }, async (request) => teams.invitations(requireActor(request)));

    app.post('/api/v1/support-team-invitations/:itemId/response', {
      schema: { tags, summary: 'Say whether you come', params: InvitationParams, body: InvitationResponseBody, response: { 200: InvitationOut, ...childErrors } },
    }, async (request) => teams.respond(requireActor(request), request.params.itemId, request.body.response));
  };
}
