/** Routes of self-assessment rounds (workspace side). Respondents use /invitations and /rounds/:roundId/responses. */
import { Type } from 'typebox';
import { requireIfMatch } from '../../core/http.ts';
import { requireActor } from '../../core/session.ts';
import { FrameworkOut, IdParams, Uuid } from './partnerships.schemas.ts';
import { CandidatesOut, InvitationsBody, OwnFrameworkBody, ReadingBody, ReadingOut, ResultsOut, RoundBody, RoundOut, RoundPatch, RoundsOut } from './assessments.schemas.ts';
import { spec, withEtag, type Part } from './route-helpers.ts';

const base = '/api/v1/partnerships/:id';
const RoundParams = Type.Object({ id: Uuid, roundId: Uuid });

export const assessmentsRoutes: Part = ({ assessments }) => async (app) => {
  app.get(`${base}/frameworks`, spec('Frameworks available to this partnership: shipped and its own', 200, Type.Array(FrameworkOut), { params: IdParams }),
    async (request) => assessments.frameworks(requireActor(request), request.params.id));

  app.post(`${base}/frameworks`, spec('Add the partnership\'s own assessment framework (a new version per key)', 201, FrameworkOut, { params: IdParams, body: OwnFrameworkBody }),
    async (request, reply) => reply.code(201).send(await assessments.addFramework(requireActor(request), request.params.id, request.body)));

  app.get(`${base}/rounds`, spec('Self-assessment rounds', 200, RoundsOut, { params: IdParams }),
    async (request) => assessments.listRounds(requireActor(request), request.params.id));

  app.post(`${base}/rounds`, spec('Start a self-assessment round on a framework', 201, RoundOut, { params: IdParams, body: RoundBody }),
    async (request, reply) => reply.code(201).send(await assessments.createRound(requireActor(request), request.params.id, request.body)));

  app.patch(`${base}/rounds/:roundId`, spec('Update or close a round (If-Match)', 200, RoundOut, { params: RoundParams, body: RoundPatch }),
    async (request, reply) => withEtag(reply, await assessments.updateRound(requireActor(request), request.params.id, request.params.roundId, requireIfMatch(request), request.body)));

  app.post(`${base}/rounds/:roundId/invitations`, spec('Invite respondents per user, with their group and organisation', 200, RoundOut, { params: RoundParams, body: InvitationsBody }),
    async (request) => assessments.invite(requireActor(request), request.params.id, request.params.roundId, request.body));

  app.get(`${base}/rounds/:roundId/candidates`, spec('Whom to invite: staff of the partner organisations, and how many are invited per group', 200, CandidatesOut, { params: RoundParams }),
    async (request) => assessments.candidates(requireActor(request), request.params.id, request.params.roundId));

  app.get(`${base}/rounds/:roundId/results`, spec('Results: median and spread per element and indicator, by group and organisation (groups under 3 suppressed), trend', 200, ResultsOut, { params: RoundParams }),
    async (request) => assessments.results(requireActor(request), request.params.id, request.params.roundId));

  app.put(`${base}/rounds/:roundId/reading`, spec('Record the reading: the four interpretation questions and actions (If-Match; "0" to create)', 200, ReadingOut, { params: RoundParams, body: ReadingBody }),
    async (request, reply) => withEtag(reply, await assessments.saveReading(requireActor(request), request.params.id, request.params.roundId, requireIfMatch(request), request.body)));
};
