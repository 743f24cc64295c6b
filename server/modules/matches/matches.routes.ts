import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { requireActor } from '../../core/session.ts';
import { childErrors } from '../children/children.routes.ts';
import { Uuid } from '../children/children.schemas.ts';
import type { MatchesService } from './matches.service.ts';
import { MatchOut, MySignalsOut, SignalBody, SignalOut } from './matches.schemas.ts';

export function matchesRoutes(matches: MatchesService): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get('/api/v1/matches', {
      schema: { tags: ['matches'], summary: 'My matches: who else is involved (name, organisation, contact; never content)', response: { 200: Type.Array(MatchOut), ...childErrors } },
    }, async (request) => matches.list(requireActor(request)));

    app.get('/api/v1/matches/signals', {
      schema: { tags: ['matches'], summary: 'My open signals (identity only), and whether my region lets me register one', response: { 200: MySignalsOut, ...childErrors } },
    }, async (request) => matches.mySignals(requireActor(request)));

    app.post('/api/v1/matches/signals', {
      schema: { tags: ['matches'], summary: 'Register my involvement with a young person (identity only, no content)', body: SignalBody, response: { 201: SignalOut, ...childErrors } },
    }, async (request, reply) => reply.code(201).send(await matches.register(requireActor(request), request.body)));

    app.post('/api/v1/matches/signals/:signalId/end', {
      schema: { tags: ['matches'], summary: 'End my signal', params: Type.Object({ signalId: Uuid }), response: { 204: Type.Null(), ...childErrors } },
    }, async (request, reply) => {
      await matches.end(requireActor(request), request.params.signalId);
      return reply.code(204).send(null);
    });
  };
}
