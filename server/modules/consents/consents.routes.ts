import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { requireActor } from '../../core/session.ts';
import { childErrors } from '../children/children.routes.ts';
import { ChildParams, Uuid } from '../children/children.schemas.ts';
import type { ConsentsService } from './consents.service.ts';
import {
  BreakGlassBody, BreakGlassOut, BreakGlassReviewBody, ConsentBody, ConsentParams, ConsentsOut, LegalBasisBody, ReviewBody, ConfirmConsentBody } from './consents.schemas.ts';

export function consentsRoutes(consents: ConsentsService): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get('/api/v1/children/:childId/consents', {
      schema: { tags: ['consent'], summary: 'Who must consent, the consents, coverage per organisation, and other bases', params: ChildParams, response: { 200: ConsentsOut, ...childErrors } },
    }, async (request) => consents.list(requireActor(request), request.params.childId));

    app.post('/api/v1/children/:childId/consents', {
      schema: { tags: ['consent'], summary: 'Give consent (parent or young person in the app), or record consent given to a professional', params: ChildParams, body: ConsentBody, response: { 201: ConsentsOut, ...childErrors } },
    }, async (request, reply) => reply.code(201).send(await consents.give(requireActor(request), request.params.childId, request.body)));

    app.post('/api/v1/children/:childId/consents/:consentId/withdraw', {
      schema: { tags: ['consent'], summary: 'Withdraw a consent; takes effect at once', params: ConsentParams, response: { 200: ConsentsOut, ...childErrors } },
    }, async (request) => consents.withdraw(requireActor(request), request.params.childId, request.params.consentId));

    app.post('/api/v1/children/:childId/consents/:consentId/confirm', {
      schema: { tags: ['consent'], summary: 'Confirm or decline a consent recorded on your behalf (without an account: the lead); only confirmed consent opens anything', params: ConsentParams, body: ConfirmConsentBody, response: { 200: ConsentsOut, ...childErrors } },
    }, async (request) => consents.confirm(requireActor(request), request.params.childId, request.params.consentId, request.body.decision));

    app.post('/api/v1/children/:childId/legal-bases', {
      schema: { tags: ['consent'], summary: 'Record a legal task, Meldcode or vital-interest basis for your own organisation, with justification; a privacy officer reviews it (Meldcode / vital interest open access for 24 hours before review)', params: ChildParams, body: LegalBasisBody, response: { 201: ConsentsOut, ...childErrors } },
    }, async (request, reply) => reply.code(201).send(await consents.recordLegalBasis(requireActor(request), request.params.childId, request.body)));

    app.post('/api/v1/legal-bases/:basisId/review', {
      schema: { tags: ['consent'], summary: 'A privacy officer of the organisation (not the recorder) confirms or rejects a legal basis (and its "endangering" marking)', params: Type.Object({ basisId: Uuid }), body: ReviewBody, response: { 200: Type.Object({ id: Uuid, reviewOutcome: Type.String() }), ...childErrors } },
    }, async (request) => consents.reviewLegalBasis(requireActor(request), request.params.basisId, request.body));

    app.post('/api/v1/break-glass', {
      schema: { tags: ['consent'], summary: 'Emergency access for 24 hours for a named emergency, for the roles the region lists; the lead (or the privacy officer) reviews it and the family is told', body: BreakGlassBody, response: { 201: BreakGlassOut, ...childErrors } },
    }, async (request, reply) => reply.code(201).send(await consents.breakGlass(requireActor(request), request.body)));

    app.post('/api/v1/children/:childId/break-glass/:grantId/review', {
      schema: { tags: ['consent'], summary: 'The lead professional reviews an emergency access; "unjustified" ends it at once and blocks new grants by that person for this child', params: Type.Object({ childId: Uuid, grantId: Uuid }), body: BreakGlassReviewBody, response: { 200: Type.Object({ id: Uuid, reviewOutcome: Type.String() }), ...childErrors } },
    }, async (request) => consents.reviewBreakGlass(requireActor(request), request.params.childId, request.params.grantId, request.body.outcome, request.body.note));
  };
}
