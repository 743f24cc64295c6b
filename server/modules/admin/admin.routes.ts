import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ErrorSchema } from '../../core/errors.ts';
import { requireActor } from '../../core/session.ts';
import type { Services } from '../../app.ts';
import {
  AreaBody, AreaOut, DirectoryOrganisationOut, IdParams, ListQuery, MembershipBody, OrganisationBody, OrganisationOut, RegionBody, RegionOut, RegionSettingsBody, UserBody, UserOut, UserPageOut, UserSearchQuery,
} from './admin.schemas.ts';

const errors = { 400: ErrorSchema, 401: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema, 422: ErrorSchema };

export function adminRoutes({ admin }: Services): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get('/api/v1/admin/regions', {
      schema: { tags: ['admin'], summary: 'List regions (platform admin)', response: { 200: Type.Array(RegionOut), ...errors } },
    }, async (request) => admin.listRegions(requireActor(request)));

    app.post('/api/v1/admin/regions', {
      schema: { tags: ['admin'], summary: 'Create a region (platform admin)', body: RegionBody, response: { 201: RegionOut, ...errors } },
    }, async (request, reply) => reply.code(201).send(await admin.createRegion(requireActor(request), request.body)));

    app.patch('/api/v1/admin/regions/:id', {
      schema: { tags: ['admin'], summary: "Change a region's settings: the period after which a family's open request for a conversation goes to the coordinator (platform admin)",
        params: IdParams, body: RegionSettingsBody, response: { 200: RegionOut, ...errors } },
    }, async (request) => admin.updateRegionSettings(requireActor(request), request.params.id, request.body));

    app.post('/api/v1/admin/regions/:id/areas', {
      schema: { tags: ['admin'], summary: 'Add a gemeente, wijk or SWV region to a region', params: IdParams, body: AreaBody, response: { 201: AreaOut, ...errors } },
    }, async (request, reply) => reply.code(201).send(await admin.createArea(requireActor(request), request.params.id, request.body)));

    app.get('/api/v1/admin/organisations', {
      schema: { tags: ['admin'], summary: 'List organisations you administer', querystring: ListQuery, response: { 200: Type.Array(OrganisationOut), ...errors } },
    }, async (request) => admin.listOrganisations(requireActor(request), request.query));

    app.get('/api/v1/organisations', {
      schema: { tags: ['organisations'], summary: 'Directory of the organisations in my region (names and types; for pickers)', querystring: Type.Object({ type: Type.Optional(Type.String({ maxLength: 40 })) }, { additionalProperties: false }),
        response: { 200: Type.Array(DirectoryOrganisationOut), ...errors } },
    }, async (request) => admin.directory(requireActor(request), request.query.type));

    app.post('/api/v1/admin/organisations', {
      schema: { tags: ['admin'], summary: 'Create an organisation (platform admin)', body: OrganisationBody, response: { 201: OrganisationOut, ...errors } },
    }, async (request, reply) => reply.code(201).send(await admin.createOrganisation(requireActor(request), request.body)));

    app.get('/api/v1/admin/users', {
      schema: { tags: ['admin'], summary: 'List users you administer', querystring: ListQuery, response: { 200: Type.Array(UserOut), ...errors } },
    }, async (request) => admin.listUsers(requireActor(request), request.query));

    app.get('/api/v1/admin/users/search', {
      schema: { tags: ['admin'], summary: 'Find users you administer by name or e-mail, organisation, role and active; one page with the total', querystring: UserSearchQuery,
        response: { 200: UserPageOut, ...errors } },
    }, async (request) => admin.searchUsers(requireActor(request), request.query));

    app.post('/api/v1/admin/users', {
      schema: { tags: ['admin'], summary: 'Create a user; org admins create staff of their own organisations', body: UserBody, response: { 201: UserOut, ...errors } },
    }, async (request, reply) => reply.code(201).send(await admin.createUser(requireActor(request), request.body)));

    app.post('/api/v1/admin/users/:id/memberships', {
      schema: { tags: ['admin'], summary: 'Give a user a role in an organisation', params: IdParams, body: MembershipBody, response: { 200: UserOut, ...errors } },
    }, async (request) => admin.addMembership(requireActor(request), request.params.id, request.body));
  };
}
