/** Routes of implementation programmes and activities. */
import { Type } from 'typebox';
import { requireIfMatch } from '../../core/http.ts';
import { requireActor } from '../../core/session.ts';
import { IdParams, Uuid } from './partnerships.schemas.ts';
import { ActivityBody, ActivityOut, ActivityPatch, AdoptBody, ProgrammeBody, ProgrammeOut, ProgrammePatch, ProgrammesOut } from './programmes.schemas.ts';
import { spec, withEtag, type Part } from './route-helpers.ts';

const base = '/api/v1/partnerships/:id';

export const programmesRoutes: Part = ({ programmes }) => async (app) => {
  app.get(`${base}/programmes`, spec('Implementation programmes with their six parts and progress per activity', 200, ProgrammesOut, { params: IdParams }),
    async (request) => programmes.list(requireActor(request), request.params.id));

  app.post(`${base}/programmes`, spec('Create an implementation programme', 201, ProgrammeOut, { params: IdParams, body: ProgrammeBody }),
    async (request, reply) => reply.code(201).send(await programmes.create(requireActor(request), request.params.id, request.body)));

  app.patch(`${base}/programmes/:programmeId`, spec('Update a programme (If-Match)', 200, ProgrammeOut, { params: Type.Object({ id: Uuid, programmeId: Uuid }), body: ProgrammePatch }),
    async (request, reply) => withEtag(reply, await programmes.update(requireActor(request), request.params.id, request.params.programmeId, requireIfMatch(request), request.body)));

  app.post(`${base}/programmes/:programmeId/adopt`, spec('Record adoption by a named LEA or OOGO table (If-Match)', 200, ProgrammeOut, { params: Type.Object({ id: Uuid, programmeId: Uuid }), body: AdoptBody }),
    async (request, reply) => withEtag(reply, await programmes.adopt(requireActor(request), request.params.id, request.params.programmeId, requireIfMatch(request), request.body)));

  app.post(`${base}/programmes/:programmeId/activities`, spec('Add an activity', 201, ActivityOut, { params: Type.Object({ id: Uuid, programmeId: Uuid }), body: ActivityBody }),
    async (request, reply) => reply.code(201).send(await programmes.addActivity(requireActor(request), request.params.id, request.params.programmeId, request.body)));

  app.patch(`${base}/activities/:activityId`, spec('Update an activity\'s progress or status (If-Match)', 200, ActivityOut, { params: Type.Object({ id: Uuid, activityId: Uuid }), body: ActivityPatch }),
    async (request, reply) => withEtag(reply, await programmes.updateActivity(requireActor(request), request.params.id, request.params.activityId, requireIfMatch(request), request.body)));
};
