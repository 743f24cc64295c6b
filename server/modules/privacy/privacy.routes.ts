import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type, type Static } from 'typebox';
import { requireActor } from '../../core/session.ts';
import { childErrors } from '../children/children.routes.ts';
import { IsoDate, Uuid } from '../children/children.schemas.ts';
import type { PrivacyService } from './privacy.service.ts';

const Str = Type.String();
const NStr = Type.Union([Type.String(), Type.Null()]);

export const PrivacyOverviewOut = Type.Object({
  legalBases: Type.Array(Type.Object({
    id: Uuid, kind: Str, organisationName: Str, recordedBy: Str, recordedAt: Str, justification: Str, provisionalUntil: NStr,
    endangering: Type.Boolean(), endangeringReason: NStr, childName: Str,
  })),
  breakGlass: Type.Array(Type.Object({
    id: Uuid, userId: Uuid, who: Str, organisationName: Str, emergency: Str, reason: Str, childName: Str, startedAt: Str, endsAt: Str,
    active: Type.Boolean(), reviewOutcome: NStr, reviewer: NStr, blocked: Type.Boolean(), familyEndangered: Type.Boolean(),
    awaitsMe: Type.Boolean(), frequentUser: Type.Boolean(),
  })),
  joinRequests: Type.Array(Type.Object({ id: Uuid, who: Str, organisationName: Str, childName: Str, createdAt: Str, hasLead: Type.Boolean() })),
  unusual: Type.Object({
    manyChildren: Type.Array(Type.Object({ userId: Uuid, who: Str, day: Str, children: Type.Integer() })),
    offHours: Type.Array(Type.Object({ userId: Uuid, who: Str, events: Type.Integer(), children: Type.Integer(), lastAt: Str })),
  }),
  professionals: Type.Array(Type.Object({ userId: Uuid, displayName: Str, organisationName: Str })),
}, { $id: 'PrivacyOverview' });

export const AccessReportOut = Type.Object({
  items: Type.Array(Type.Object({ at: Str, kind: Str, outcome: Str, basis: NStr, organisationName: NStr, childName: NStr, youngPersonId: Type.Union([Uuid, Type.Null()]) })),
}, { $id: 'AccessReport' });
/** For the web app (`import type` only). */
export type PrivacyOverviewOut = Static<typeof PrivacyOverviewOut>;
export type AccessReportOut = Static<typeof AccessReportOut>;

export function privacyRoutes(privacy: PrivacyService): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get('/api/v1/privacy/overview', {
      schema: { tags: ['privacy'], summary: 'For the privacy officer: bases and emergency accesses to review, blocks, stale join requests, unusual access', response: { 200: PrivacyOverviewOut, ...childErrors } },
    }, async (request) => privacy.overview(requireActor(request)));

    app.get('/api/v1/privacy/access-report', {
      schema: {
        tags: ['privacy'], summary: 'NEN 7513: every access by one professional of the organisations you cover, in a period',
        querystring: Type.Object({ userId: Uuid, from: Type.Optional(IsoDate), to: Type.Optional(IsoDate) }, { additionalProperties: false }),
        response: { 200: AccessReportOut, ...childErrors },
      },
    }, async (request) => privacy.accessReport(requireActor(request), request.query));

    app.post('/api/v1/privacy/break-glass/:grantId/review', {
      schema: {
        tags: ['privacy'], summary: 'The privacy officer reviews an emergency access; "unjustified" ends it at once and blocks new grants',
        params: Type.Object({ grantId: Uuid }),
        body: Type.Object({ outcome: Type.Enum(['justified', 'unjustified']), note: Type.Optional(Type.String({ maxLength: 2000 })) }, { additionalProperties: false }),
        response: { 200: Type.Object({ id: Uuid, reviewOutcome: Str }), ...childErrors },
      },
    }, async (request) => privacy.reviewBreakGlass(requireActor(request), request.params.grantId, request.body));

    app.post('/api/v1/privacy/break-glass/:grantId/lift-block', {
      schema: {
        tags: ['privacy'], summary: 'Lift the block an unjustified emergency access put on that person for that child',
        params: Type.Object({ grantId: Uuid }), body: Type.Object({ note: Type.String({ minLength: 3, maxLength: 2000 }) }, { additionalProperties: false }),
        response: { 200: Type.Object({ id: Uuid, blocked: Type.Boolean() }), ...childErrors },
      },
    }, async (request) => privacy.liftBlock(requireActor(request), request.params.grantId, request.body.note));
  };
}
