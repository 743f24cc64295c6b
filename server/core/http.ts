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
    const pgCode = (error as unknown as { code?: string }).code ?? '';
    const refused = databaseRefusal(error as unknown as PgError);
    if (refused) {
      // Bad input that a service let through to the database: answered as 422, logged so the service gets its own check.
      request.log.warn({ pg: { code: pgCode, constraint: (error as unknown as PgError).constraint, table: (error as unknown as PgError).table }, route: request.routeOptions.url },
        'database refused input that the service did not check');
      return sendError(reply, refused.code, refused.fields ? { fields: refused.fields } : undefined);
    }
    // Other values PostgreSQL refuses (out-of-range number, string too long) are bad input too.
    if (/^22/.test(pgCode)) return sendError(reply, 'validation_failed');
    if (pgCode === '40001' || pgCode === '40P01') return sendError(reply, 'conflict');
    request.log.error({ err: { type: error.name, code: error.code, message: error.message, stack: error.stack } }, 'request failed');
    return sendError(reply, 'internal_error');
  });
}

interface PgError { code?: string; detail?: string; constraint?: string; column?: string; table?: string }

const camel = (column: string) => column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/** The columns a PostgreSQL error detail names ("Key (school_id)=(…) is not present…"), without region_id, as body field names. */
function keyFields(detail: string | undefined, message: string): Record<string, string> | undefined {
  const cols = /Key \(([^)]+)\)=/.exec(detail ?? '')?.[1]?.split(',').map((c) => c.trim().replace(/"/g, '')).filter((c) => c !== 'region_id');
  if (!cols || cols.length === 0) return undefined;
  return Object.fromEntries(cols.map((c) => [camel(c), message]));
}

/**
 * The safety net for input the database refuses: a foreign key to nothing (23503), a
 * refused check (23514), text that is not a uuid or number (22P02), an impossible date or
 * time (22007, 22008) — a 422 with a stable code; a duplicate key (23505) a 409. For keys
 * the column is named as field. Never a 500 for bad input.
 */
export function databaseRefusal(error: PgError): { code: ErrorCode; fields?: Record<string, string> } | null {
  switch (error.code) {
    case '23503': return { code: 'invalid_reference', fields: keyFields(error.detail, 'unknown id') };
    // A duplicate key that reaches the database is nearly always two writers racing (duplicates
    // inside one body are refused as 422 'duplicate' by the services): 409, as before.
    case '23505': return { code: 'already_exists', fields: keyFields(error.detail, 'already exists') };
    case '23514': return { code: 'invalid_value', ...(error.column ? { fields: { [camel(error.column)]: 'is not allowed' } } : {}) };
    case '22P02': case '22007': case '22008': return { code: 'invalid_value' };
    default: return null;
  }
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
