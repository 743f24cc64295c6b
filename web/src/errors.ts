/**
 * Turns server field errors (JSON-schema messages in English) into short,
 * plain-language text for the field they belong to.
 */
import type { TFunction } from 'i18next';
import { isApiError } from './api.ts';

/** The plain-language message for one field error from the server. */
export function plainFieldError(t: TFunction, serverMessage: string): string {
  // A word that does not belong in shared text (422 sensitive_term): name it; the alert above the form says how to put it differently.
  const word = /^contains "(.+)"$/.exec(serverMessage)?.[1];
  if (word) return t('fieldError.sensitiveTerm', { word });
  const m = serverMessage.toLowerCase();
  if (m.includes('used twice')) return t('fieldError.duplicate');
  if (m.startsWith('unknown') || m.includes('in this region') || m.startsWith('must be a')) return t('fieldError.choose');
  if (m.includes('required') || m.includes('fewer than 1') || m.includes('must not have fewer')) return t('fieldError.required');
  if (m.includes('format "email"')) return t('fieldError.email');
  if (m.includes('format "date"')) return t('fieldError.date');
  if (m.includes('format "uuid"')) return t('fieldError.choose');
  if (m.includes('more than')) return t('fieldError.tooLong');
  if (m.includes('must be equal to one of')) return t('fieldError.choose');
  if (m.includes('pattern')) return t('fieldError.pattern');
  if (m.includes('not a known field')) return t('fieldError.generic');
  return t('fieldError.generic');
}

/**
 * Field errors of a failed call, keyed by the form's field names: the full path ('goals.0.text'),
 * the last segment ('text') and the first ('goals', for a form that edits a list in one field).
 */
export function fieldErrorsOf(t: TFunction, err: unknown): Record<string, string> {
  if (!isApiError(err)) return {};
  const out: Record<string, string> = {};
  for (const [path, msg] of Object.entries(err.fields)) {
    const key = path.split('.').pop() ?? path;
    out[key] ??= plainFieldError(t, msg);
    out[path] ??= out[key];
    out[path.split('.')[0] ?? path] ??= out[key];
  }
  return out;
}
