import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { etag, requireIfMatch } from '../../core/http.ts';
import { requireActor } from '../../core/session.ts';
import { childErrors } from '../children/children.routes.ts';
import type { LeerplichtService } from './leerplicht.service.ts';
import type { ExemptionsService } from './exemptions.service.ts';
import type { createInspectieReport } from './inspectie.report.ts';
import {
  AbsenceBody, AbsencePatchBody, CaseHistoryOut, CaseOut, DecisionBody, EscalateBody, ExemptionBody, ExemptionOut, ExemptionReviewBody, IdParams, ReportQuery, WorklistOut, WorklistQuery, YoungPeopleOut,
} from './leerplicht.schemas.ts';

export function leerplichtRoutes(cases: LeerplichtService, exemptions: ExemptionsService, report: ReturnType<typeof createInspectieReport>): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get('/api/v1/leerplicht/worklist', {
      schema: { tags: ['leerplicht'], summary: 'Out-of-school cases, most urgent first (or sorted), filtered by school, SWV, rung, overdue or name, one page at a time, with counts per clock (exempted children only counted)', querystring: WorklistQuery,
        response: { 200: WorklistOut, ...childErrors } },
    }, async (request) => cases.worklist(requireActor(request), request.query));

    app.get('/api/v1/leerplicht/young-people', {
      schema: { tags: ['leerplicht'], summary: 'Leerplicht officers: find young people of compulsory or qualification age (to register an absence)',
        querystring: Type.Object({ q: Type.String({ maxLength: 100 }) }, { additionalProperties: false }),
        response: { 200: YoungPeopleOut, ...childErrors } },
    }, async (request) => cases.findYoungPeople(requireActor(request), request.query.q));

    app.post('/api/v1/leerplicht/absences', {
      schema: { tags: ['leerplicht'], summary: 'Register an absence (absolute, relative or long-term relative)', body: AbsenceBody, response: { 201: CaseOut, ...childErrors } },
    }, async (request, reply) => reply.code(201).send(await cases.register(requireActor(request), request.body)));

    app.get('/api/v1/leerplicht/absences/:id', {
      schema: { tags: ['leerplicht'], summary: 'One case with its clock, escalation and decision', params: IdParams, response: { 200: CaseOut, ...childErrors } },
    }, async (request, reply) => {
      const c = await cases.get(requireActor(request), request.params.id);
      reply.header('etag', etag(c.version));
      return c;
    });

    app.get('/api/v1/leerplicht/absences/:id/history', {
      schema: { tags: ['leerplicht'], summary: "Leerplicht officers: the case's history (registration, changes, rung changes, decisions), who and when, newest first", params: IdParams,
        response: { 200: CaseHistoryOut, ...childErrors } },
    }, async (request) => cases.history(requireActor(request), request.params.id));

    app.patch('/api/v1/leerplicht/absences/:id', {
      schema: { tags: ['leerplicht'], summary: 'Record the offer (partly/fully), the end or the outcome (If-Match)', params: IdParams, body: AbsencePatchBody, response: { 200: CaseOut, ...childErrors } },
    }, async (request, reply) => {
      const c = await cases.update(requireActor(request), request.params.id, requireIfMatch(request), request.body);
      reply.header('etag', etag(c.version));
      return c;
    });

    app.post('/api/v1/leerplicht/absences/:id/escalate', {
      schema: { tags: ['leerplicht'], summary: 'Escalate by hand to the next rung of the ladder', params: IdParams, body: EscalateBody, response: { 200: CaseOut, ...childErrors } },
    }, async (request) => cases.escalate(requireActor(request), request.params.id, request.body.reason, request.body.earlyReason));

    app.post('/api/v1/leerplicht/absences/:id/decision', {
      schema: { tags: ['leerplicht'], summary: 'Holder of doorzettingsmacht: binding decision (place, provider, payer, date); becomes plan actions', params: IdParams, body: DecisionBody,
        response: { 201: Type.Intersect([CaseOut, Type.Object({ planActionIds: Type.Array(Type.String()) })]), ...childErrors } },
    }, async (request, reply) => reply.code(201).send(await cases.decide(requireActor(request), request.params.id, request.body)));

    app.get('/api/v1/leerplicht/exemptions', {
      schema: { tags: ['leerplicht'], summary: 'Exemptions, those waiting for review first', response: { 200: Type.Array(ExemptionOut), ...childErrors } },
    }, async (request) => exemptions.list(requireActor(request)));

    app.post('/api/v1/leerplicht/exemptions', {
      schema: { tags: ['leerplicht'], summary: 'Register an exemption (5a waits for a second reviewer)', body: ExemptionBody, response: { 201: ExemptionOut, ...childErrors } },
    }, async (request, reply) => reply.code(201).send(await exemptions.register(requireActor(request), request.body)));

    app.post('/api/v1/leerplicht/exemptions/:id/review', {
      schema: { tags: ['leerplicht'], summary: 'Four eyes: confirm or reject a 5a exemption with a written reason (If-Match)', params: IdParams, body: ExemptionReviewBody, response: { 200: ExemptionOut, ...childErrors } },
    }, async (request) => exemptions.review(requireActor(request), request.params.id, requireIfMatch(request), request.body));

    app.get('/api/v1/leerplicht/inspectie-report', {
      schema: { tags: ['leerplicht'], summary: 'Quarterly thuiszitter registration per SWV, anonymised (format csv, xlsx or json)', querystring: ReportQuery,
        response: { 200: Type.Object({ swv: Type.String(), quarter: Type.String(), countedTo: Type.String(), register: Type.Array(Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()]))), summary: Type.Array(Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()]))) }, { description: 'JSON; with format=csv text/csv, with format=xlsx a spreadsheet' }), ...childErrors } },
    }, async (request, reply) => {
      const r = await report.build(requireActor(request), request.query.swvId, request.query.quarter, request.query.audience);
      const name = `thuiszitters-${request.query.quarter}`;
      if (request.query.format === 'csv') {
        return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${name}.csv"`).send(Buffer.from(report.csv(r), 'utf8') as never);
      }
      if (request.query.format === 'xlsx') {
        return reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').header('content-disposition', `attachment; filename="${name}.xlsx"`).send((await report.xlsx(r)) as never);
      }
      return reply.send(r as never);
    });
  };
}
