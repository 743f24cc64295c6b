import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { etag, requireIfMatch } from '../../core/http.ts';
import { requireActor } from '../../core/session.ts';
import { childErrors } from '../children/children.routes.ts';
import type { ConsultsService } from './consults.service.ts';
import { AnswerConsultBody, AskConsultBody, ConsultOptionsOut, ConsultOut, ConsultParams, ContactCandidatesOut, ContactParams, SetContactBody } from './consults.schemas.ts';

const tags = ['consults'];

export function consultsRoutes(consults: ConsultsService): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get('/api/v1/consults', {
      schema: { tags, summary: 'Anonymous consults you asked, and those addressed to you or your support team', response: { 200: Type.Array(ConsultOut), ...childErrors } },
    }, async (request) => consults.list(requireActor(request)));

    app.get('/api/v1/consults/options', {
      schema: { tags, summary: 'Whom you can ask: per school or childcare organisation its fixed youth-care contact and support team', response: { 200: ConsultOptionsOut, ...childErrors } },
    }, async (request) => consults.options(requireActor(request)));

    app.get('/api/v1/support-contacts/:organisationId/candidates', {
      schema: { tags, summary: "Youth-care professionals who can be this school's (or childcare's) fixed contact", params: ContactParams, response: { 200: ContactCandidatesOut, ...childErrors } },
    }, async (request) => consults.contactCandidates(requireActor(request), request.params.organisationId));

    app.put('/api/v1/support-contacts/:organisationId', {
      schema: { tags, summary: "Set the school's (or childcare's) fixed youth-care contact (its intern begeleider, zorgcoördinator or admin)", params: ContactParams, body: SetContactBody, response: { 200: ConsultOptionsOut.properties.organisations.items, ...childErrors } },
    }, async (request) => consults.setContact(requireActor(request), request.params.organisationId, request.body));

    app.post('/api/v1/consults', {
      schema: { tags, summary: 'Ask advice without naming the child: text with an obvious identifier (BSN, date, name of a pupil…) is refused', body: AskConsultBody, response: { 201: ConsultOut, ...childErrors } },
    }, async (request, reply) => reply.code(201).send(await consults.ask(requireActor(request), request.body)));

    app.get('/api/v1/consults/:consultId', {
      schema: { tags, summary: 'One consult (asker, the addressed contact and team members only)', params: ConsultParams, response: { 200: ConsultOut, ...childErrors } },
    }, async (request, reply) => {
      const c = await consults.get(requireActor(request), request.params.consultId);
      reply.header('etag', etag(c.version));
      return c;
    });

    app.post('/api/v1/consults/:consultId/answer', {
      schema: { tags, summary: 'Answer a consult addressed to you or your team (If-Match: the version you read)', params: ConsultParams, body: AnswerConsultBody, response: { 200: ConsultOut, ...childErrors } },
    }, async (request, reply) => {
      const c = await consults.answer(requireActor(request), request.params.consultId, requireIfMatch(request), request.body);
      reply.header('etag', etag(c.version));
      return c;
    });
  };
}
