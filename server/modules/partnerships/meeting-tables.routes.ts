/** Routes of meeting tables, meetings, decisions and actions. */
import { Type } from 'typebox';
import { requireIfMatch } from '../../core/http.ts';
import { requireActor } from '../../core/session.ts';
import { IdParams, Uuid } from './partnerships.schemas.ts';
import {
  ActionBody, ActionOut, ActionPatch, DecisionBody, DecisionOut, MeetingBody, MeetingOut, MeetingPatch, TableBody, TableOut, TablePatch, TablesOut,
} from './meeting-tables.schemas.ts';
import { spec, withEtag, type Part } from './route-helpers.ts';

const base = '/api/v1/partnerships/:id';

export const tablesRoutes: Part = ({ tables }) => async (app) => {
  app.get(`${base}/tables`, spec('Meeting tables with the seven questions, linkage, organisations per table and warnings', 200, TablesOut, { params: IdParams }),
    async (request) => tables.listTables(requireActor(request), request.params.id));

  app.post(`${base}/tables`, spec('Design a meeting table', 201, TableOut, { params: IdParams, body: TableBody }),
    async (request, reply) => reply.code(201).send(await tables.createTable(requireActor(request), request.params.id, request.body)));

  app.patch(`${base}/tables/:tableId`, spec('Update a meeting table (If-Match)', 200, TableOut, { params: Type.Object({ id: Uuid, tableId: Uuid }), body: TablePatch }),
    async (request, reply) => withEtag(reply, await tables.updateTable(requireActor(request), request.params.id, request.params.tableId, requireIfMatch(request), request.body)));

  app.get(`${base}/tables/:tableId/meetings`, spec('Meetings of a table with agenda, decisions and actions', 200, Type.Array(MeetingOut), { params: Type.Object({ id: Uuid, tableId: Uuid }) }),
    async (request) => tables.listMeetings(requireActor(request), request.params.id, request.params.tableId));

  app.post(`${base}/tables/:tableId/meetings`, spec('Plan a meeting; the agenda may come from an LEA/OOGO template', 201, MeetingOut, { params: Type.Object({ id: Uuid, tableId: Uuid }), body: MeetingBody }),
    async (request, reply) => reply.code(201).send(await tables.createMeeting(requireActor(request), request.params.id, request.params.tableId, request.body)));

  app.patch(`${base}/meetings/:meetingId`, spec('Update a meeting\'s date, agenda or notes (If-Match)', 200, MeetingOut, { params: Type.Object({ id: Uuid, meetingId: Uuid }), body: MeetingPatch }),
    async (request, reply) => withEtag(reply, await tables.updateMeeting(requireActor(request), request.params.id, request.params.meetingId, requireIfMatch(request), request.body)));

  app.post(`${base}/meetings/:meetingId/decisions`, spec('Record a decision', 201, DecisionOut, { params: Type.Object({ id: Uuid, meetingId: Uuid }), body: DecisionBody }),
    async (request, reply) => reply.code(201).send(await tables.addDecision(requireActor(request), request.params.id, request.params.meetingId, request.body.text)));

  app.post(`${base}/meetings/:meetingId/actions`, spec('Add an action with owner and due date (it lands on the owner\'s task list)', 201, ActionOut, { params: Type.Object({ id: Uuid, meetingId: Uuid }), body: ActionBody }),
    async (request, reply) => reply.code(201).send(await tables.addAction(requireActor(request), request.params.id, request.params.meetingId, request.body)));

  app.patch(`${base}/actions/:actionId`, spec('Update an action (If-Match)', 200, ActionOut, { params: Type.Object({ id: Uuid, actionId: Uuid }), body: ActionPatch }),
    async (request, reply) => withEtag(reply, await tables.updateAction(requireActor(request), request.params.id, request.params.actionId, requireIfMatch(request), request.body)));
};
