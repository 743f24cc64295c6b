/** Routes of the partner map. */
import { Type } from 'typebox';
import { requireIfMatch } from '../../core/http.ts';
import { requireActor } from '../../core/session.ts';
import { IdParams, Uuid } from './partnerships.schemas.ts';
import { MapOut, MapQuery, PartnerBody, PartnerOut, PartnerPatch, PersonBody, PersonOut, PersonPatch, PortfolioBody, PortfolioOut, PortfolioPatch } from './partner-map.schemas.ts';
import { spec, withEtag, type Part } from './route-helpers.ts';

const base = '/api/v1/partnerships/:id';

export const mapRoutes: Part = ({ map }) => async (app) => {
  app.get(`${base}/map`, spec('Partner map: partners, people, portfolios and warnings; search by name, organisation or topic', 200, MapOut, { params: IdParams, querystring: MapQuery }),
    async (request) => map.getMap(requireActor(request), request.params.id, request.query));

  app.post(`${base}/partners`, spec('Add a partner organisation (inner or outer ring)', 201, PartnerOut, { params: IdParams, body: PartnerBody }),
    async (request, reply) => reply.code(201).send(await map.addPartner(requireActor(request), request.params.id, request.body)));

  app.patch(`${base}/partners/:partnerId`, spec('Update a partner (If-Match)', 200, PartnerOut, { params: Type.Object({ id: Uuid, partnerId: Uuid }), body: PartnerPatch }),
    async (request, reply) => withEtag(reply, await map.updatePartner(requireActor(request), request.params.id, request.params.partnerId, requireIfMatch(request), request.body)));

  app.post(`${base}/people`, spec('Add a person of a partner organisation to the map', 201, PersonOut, { params: IdParams, body: PersonBody }),
    async (request, reply) => reply.code(201).send(await map.addPerson(requireActor(request), request.params.id, request.body)));

  app.patch(`${base}/people/:personId`, spec('Update a person in the map (If-Match)', 200, PersonOut, { params: Type.Object({ id: Uuid, personId: Uuid }), body: PersonPatch }),
    async (request, reply) => withEtag(reply, await map.updatePerson(requireActor(request), request.params.id, request.params.personId, requireIfMatch(request), request.body)));

  app.post(`${base}/portfolios`, spec('Add a portfolio: responsibilities, mandate, deputy', 201, PortfolioOut, { params: IdParams, body: PortfolioBody }),
    async (request, reply) => reply.code(201).send(await map.addPortfolio(requireActor(request), request.params.id, request.body)));

  app.patch(`${base}/portfolios/:portfolioId`, spec('Update a portfolio (If-Match)', 200, PortfolioOut, { params: Type.Object({ id: Uuid, portfolioId: Uuid }), body: PortfolioPatch }),
    async (request, reply) => withEtag(reply, await map.updatePortfolio(requireActor(request), request.params.id, request.params.portfolioId, requireIfMatch(request), request.body)));
};
