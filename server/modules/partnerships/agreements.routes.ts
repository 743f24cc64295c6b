/** Routes of agreements, commitments, OOGO topics and funding. */
import { Type } from 'typebox';
import { requireIfMatch } from '../../core/http.ts';
import { requireActor } from '../../core/session.ts';
import { IdParams, Uuid } from './partnerships.schemas.ts';
import {
  AgreementBody, AgreementOut, AgreementPatch, AgreementsOut, CommitmentBody, CommitmentOut, CommitmentPatch, FundingBody, FundingLineOut,
  FundingOut, FundingPatch, OogoTopicOut, OogoTopicPatch,
} from './agreements.schemas.ts';
import { spec, withEtag, type Part } from './route-helpers.ts';

const base = '/api/v1/partnerships/:id';

export const agreementsRoutes: Part = ({ agreements }) => async (app) => {
  app.get(`${base}/agreements`, spec('Agreements with parties, commitments (comply or explain), OOGO topics and warnings', 200, AgreementsOut, { params: IdParams }),
    async (request) => agreements.list(requireActor(request), request.params.id));

  app.post(`${base}/agreements`, spec('Record a covenant, cooperation or privacy covenant, OOGO or LEA', 201, AgreementOut, { params: IdParams, body: AgreementBody }),
    async (request, reply) => reply.code(201).send(await agreements.create(requireActor(request), request.params.id, request.body)));

  app.get(`${base}/agreements/:agreementId`, spec('One agreement', 200, AgreementOut, { params: Type.Object({ id: Uuid, agreementId: Uuid }) }),
    async (request, reply) => withEtag(reply, await agreements.get(requireActor(request), request.params.id, request.params.agreementId)));

  app.patch(`${base}/agreements/:agreementId`, spec('Update an agreement (If-Match)', 200, AgreementOut, { params: Type.Object({ id: Uuid, agreementId: Uuid }), body: AgreementPatch }),
    async (request, reply) => withEtag(reply, await agreements.update(requireActor(request), request.params.id, request.params.agreementId, requireIfMatch(request), request.body)));

  app.post(`${base}/agreements/:agreementId/commitments`, spec('Add a commitment: who does or invests what, until when', 201, CommitmentOut, { params: Type.Object({ id: Uuid, agreementId: Uuid }), body: CommitmentBody }),
    async (request, reply) => reply.code(201).send(await agreements.addCommitment(requireActor(request), request.params.id, request.params.agreementId, request.body)));

  app.patch(`${base}/commitments/:commitmentId`, spec('Update a commitment; a deviation needs an explanation (If-Match)', 200, CommitmentOut, { params: Type.Object({ id: Uuid, commitmentId: Uuid }), body: CommitmentPatch }),
    async (request, reply) => withEtag(reply, await agreements.updateCommitment(requireActor(request), request.params.id, request.params.commitmentId, requireIfMatch(request), request.body)));

  app.patch(`${base}/agreements/:agreementId/oogo-topics/:itemId`, spec('Update the state of the OOGO agreement on one topic (If-Match)', 200, OogoTopicOut,
    { params: Type.Object({ id: Uuid, agreementId: Uuid, itemId: Uuid }), body: OogoTopicPatch }),
  async (request, reply) => withEtag(reply, await agreements.updateOogoTopic(requireActor(request), request.params.id, request.params.agreementId, request.params.itemId, requireIfMatch(request), request.body)));

  app.get(`${base}/funding`, spec('Financial commitments: who invests how much per year, pooled or fixed; warnings before funding ends', 200, FundingOut, { params: IdParams }),
    async (request) => agreements.listFunding(requireActor(request), request.params.id));

  app.post(`${base}/funding`, spec('Add a financial commitment', 201, FundingLineOut, { params: IdParams, body: FundingBody }),
    async (request, reply) => reply.code(201).send(await agreements.addFunding(requireActor(request), request.params.id, request.body)));

  app.patch(`${base}/funding/:fundingId`, spec('Update a financial commitment (If-Match)', 200, FundingLineOut, { params: Type.Object({ id: Uuid, fundingId: Uuid }), body: FundingPatch }),
    async (request, reply) => withEtag(reply, await agreements.updateFunding(requireActor(request), request.params.id, request.params.fundingId, requireIfMatch(request), request.body)));
};
