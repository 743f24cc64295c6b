/**
 * HTTP plumbing shared by all modules: request validation (strict for bodies,
 * coercing for query strings and paths), the error handler that turns every
 * failure into a stable code, and small helpers for ETags.
 */
import { Ajv, type ErrorObject } from 'ajv';
import addFormatsImport from 'ajv-formats';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, errorBody, type ErrorCode } from './errors.ts';

// ajv-formats is CommonJS; its default export arrives wrapped under NodeNext.
const addFormats = ((addFormatsImport as unknown as { default?: unknown }).default ?? addFormatsImport) as (a: Ajv) => Ajv;

function makeAjv(coerce: boolean): Ajv {
  const ajv = new Ajv({
    allErrors: true,
    removeAdditional: false,
    useDefaults: true,
    coerceTypes: coerce ? 'array' : false,
    strict: false,
  });
  addFormats(ajv);
  return ajv;
}

const bodyAjv = makeAjv(false);
const otherAjv = makeAjv(true);

/** Bodies are validated exactly (no type coercion, unknown fields refused); query strings and paths are coerced. */
export function installValidation(app: FastifyInstance): void {
  app.setValidatorCompiler(({ schema, httpPart }) => (httpPart === 'body' ? bodyAjv : otherAjv).compile(schema));
}

function fieldErrors(errors: ErrorObject[] | undefined): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const e of errors ?? []) {
    let field = e.instancePath.replace(/^\//, '').replace(/\//g, '.');
    let message = e.message ?? 'is invalid';
    if (e.keyword === 'required') {
      field = [field, (e.params as { missingProperty: string }).missingProperty].filter(Boolean).join('.');
      message = 'is required';
    } else if (e.keyword === 'additionalProperties') {
      field = [field, (e.params as { additionalProperty: string }).additionalProperty].filter(Boolean).join('.');
      message = 'is not a known field';
    }
    fields[field || '(body)'] ??= message;
  }
  return fields;
}

export function sendError(reply: FastifyReply, code: ErrorCode, detail?: AppError['detail']): FastifyReply {
  const err = new AppError(code, detail);
  return reply.code(err.status).type('application/json').send(errorBody(code, detail));
}

/** Maps every error to a stable code. Unknown errors are logged and answered as 500 without details. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError & { validation?: ErrorObject[] }, request, reply) => {
    if (error instanceof AppError) return sendError(reply, error.code, error.detail);
    if (error.validation) {
      return sendError(reply, 'validation_failed', { fields: fieldErrors(error.validation) });
    }
    switch (error.code) {
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
        return sendError(reply, 'invalid_json');
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
        return sendError(reply, 'unsupported_media_type');
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return sendError(reply, 'payload_too_large');
    }
    if (error.statusCode === 429) return sendError(reply, 'rate_limited');
    if (error instanceof SyntaxError || error.statusCode === 400) return sendError(reply, 'invalid_json');
    if (error.statusCode === 413) return sendError(reply, 'payload_too_large');
    if (error.statusCode === 415) return sendError(reply, 'unsupported_media_type');
    // A value PostgreSQL refuses (out-of-range number, bad uuid text, invalid date) is bad input.
    const pgCode = (error as unknown as { code?: string }).code ?? '';
    if (/^22/.test(pgCode)) return sendError(reply, 'validation_failed');
    if (pgCode === '23505') return sendError(reply, 'already_exists');
    if (pgCode === '40001' || pgCode === '40P01') return sendError(reply, 'conflict');
    request.log.error({ err: { type: error.name, code: error.code, message: error.message, stack: error.stack } }, 'request failed');
    return sendError(reply, 'internal_error');
  });
}

/** Reads an If-Match version ("3" or W/"3"); throws when it is absent or not a number. */
export function requireIfMatch(request: FastifyRequest): number {
  const raw = request.headers['if-match'];
  if (typeof raw !== 'string' || raw.length === 0) throw new AppError('version_required');
  const m = /^(?:W\/)?"?(\d{1,9})"?$/.exec(raw.trim());
  if (!m) throw new AppError('validation_failed', { fields: { 'if-match': 'must be a version like "3"' } });
  return Number(m[1]);
}

export function etag(version: number): string {
  return `"${version}"`;
}
