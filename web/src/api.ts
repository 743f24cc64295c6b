/**
 * The only way the web app talks to the server: same-origin fetch with the session
 * cookie, JSON in and out, the CSRF token on every write and If-Match on updates.
 * Every failure becomes an ApiError with the server's stable code, so screens can
 * react to `conflict`, `totp_required`, field errors and so on.
 */

import type { ErrorOut } from '../../server/core/errors.ts';

/** The error body every Rondom 4xx/5xx carries (the server's ErrorSchema). */
export type ApiErrorBody = ErrorOut['error'];

/** A failed API call. `status` 0 means the server could not be reached. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly messageNl: string;
  readonly fields: Record<string, string>;
  readonly current: unknown;

  constructor(status: number, body: ApiErrorBody) {
    super(body.message);
    this.name = 'ApiError';
    this.status = status;
    this.code = body.code;
    this.messageNl = body.messageNl;
    this.fields = body.fields ?? {};
    this.current = body.current;
  }

  /** The server's message in the user's language. */
  localMessage(lang: string): string {
    return lang.startsWith('nl') ? this.messageNl : this.message;
  }

  get isConflict(): boolean {
    return this.status === 409 && this.code === 'conflict';
  }
}

export function isApiError(err: unknown): err is ApiError {
  return err instanceof ApiError;
}

let csrfToken: string | null = null;

/** Remembers the CSRF token from POST /api/v1/session or GET /api/v1/me. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when any call answers 401 (session ended): the app then shows the login screen. */
let onUnauthenticated: (() => void) | null = null;
export function setUnauthenticatedHandler(handler: (() => void) | null): void {
  onUnauthenticated = handler;
}

const TIMEOUT_MS = 20_000;

export interface RequestOptions {
  body?: unknown;
  /** The version the user read: sent as If-Match: "<version>". */
  version?: number | string;
  signal?: AbortSignal;
  /** Do not treat 401 as "session ended" (the login call itself). */
  allowUnauthenticated?: boolean;
}

export interface ApiResponse<T> {
  data: T;
  /** The version from the ETag header, when the server sent one. */
  etagVersion: number | null;
  headers: Headers;
}

function parseEtag(value: string | null): number | null {
  if (!value) return null;
  const m = /^(?:W\/)?"?(\d+)"?$/.exec(value.trim());
  return m ? Number(m[1]) : null;
}

/** Performs one API call and returns the parsed body plus ETag version. */
export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && method !== 'HEAD' && csrfToken) headers['x-csrf-token'] = csrfToken;
  if (options.version !== undefined) headers['if-match'] = `"${options.version}"`;

  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), TIMEOUT_MS);
  const onAbort = () => controller.abort();
  options.signal?.addEventListener('abort', onAbort);

  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body !== undefined ? JSON.stringify(options.body) : undefined,
      signal: controller.signal,
    });
  } catch (err) {
    if (options.signal?.aborted) throw err;
    throw new ApiError(0, {
      code: 'network_error',
      message: 'The server could not be reached. Check your connection and try again.',
      messageNl: 'De server is niet bereikbaar. Controleer uw verbinding en probeer het opnieuw.',
    });
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onAbort);
  }

  const text = res.status === 204 ? '' : await res.text();
  let parsed: unknown = null;
  if (text) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = null;
    }
  }

  if (!res.ok) {
    const body = (parsed as { error?: ApiErrorBody } | null)?.error;
    const error = new ApiError(
      res.status,
      body ?? {
        code: res.status === 404 ? 'not_found' : 'internal_error',
        message: `The server answered ${res.status}.`,
        messageNl: `De server gaf antwoord ${res.status}.`,
      },
    );
    if (res.status === 401 && !options.allowUnauthenticated && error.code === 'unauthenticated') onUnauthenticated?.();
    throw error;
  }
  return { data: parsed as T, etagVersion: parseEtag(res.headers.get('etag')), headers: res.headers };
}

/** Small helpers for the common cases; they return only the body. */
export const api = {
  get: async <T>(path: string, signal?: AbortSignal) => (await request<T>('GET', path, { signal })).data,
  post: async <T>(path: string, body?: unknown, version?: number | string) =>
    (await request<T>('POST', path, { body: body ?? {}, version })).data,
  put: async <T>(path: string, body: unknown, version?: number | string) => (await request<T>('PUT', path, { body, version })).data,
  patch: async <T>(path: string, body: unknown, version?: number | string) => (await request<T>('PATCH', path, { body, version })).data,
  del: async <T>(path: string, version?: number | string) => (await request<T>('DELETE', path, { version })).data,
};

/** Builds a query string from defined values only. */
export function query(params: Record<string, string | number | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}
