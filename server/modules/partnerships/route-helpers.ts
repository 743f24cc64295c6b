/** Small helpers shared by the module's route files. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import type { TSchema } from 'typebox';
import { ErrorSchema } from '../../core/errors.ts';
import { etag } from '../../core/http.ts';
import type { PartnershipsService } from './partnerships.service.ts';

export const errors = { 400: ErrorSchema, 401: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema, 422: ErrorSchema, 428: ErrorSchema };

/** Route options in the module's shape: tag, summary, the success response and every error. */
export function spec<T extends { params?: TSchema; body?: TSchema; querystring?: TSchema } = object>(
  summary: string, status: number, out: TSchema, parts?: T,
) {
  // The response map is typed loosely on purpose: services shape rows into these
  // schemas, and Fastify's serializer emits only the declared fields.
  const response: Record<string, TSchema> = { [status]: out, ...errors };
  return { schema: { tags: ['partnerships'], summary, ...(parts ?? ({} as T)), response } };
}

/** Sends a versioned record with its ETag. */
export function withEtag<T extends object>(reply: FastifyReply, out: T): T {
  const version = (out as { version?: unknown }).version;
  if (typeof version === 'number') reply.header('etag', etag(version));
  return out;
}

export type Part = (svc: PartnershipsService) => FastifyPluginAsyncTypebox;
