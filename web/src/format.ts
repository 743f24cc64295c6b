/**
 * Dates and numbers in the user's language: "3 maart 2026", "3,5". Every screen formats through
 * these, never with toISOString or a raw value in the text.
 */
import { today } from '../../shared/dates.ts';

const locale = (lang: string) => (lang.startsWith('nl') ? 'nl-NL' : 'en-GB');

/** Dates in the user's language, e.g. "3 maart 2026". */
export function formatDate(value: string | null | undefined, lang: string): string {
  if (!value) return '—';
  const d = new Date(value.length === 10 ? `${value}T12:00:00` : value);
  if (Number.isNaN(d.getTime())) return value;
  return new Intl.DateTimeFormat(locale(lang), { day: 'numeric', month: 'long', year: 'numeric' }).format(d);
}

export function formatDateTime(value: string | null | undefined, lang: string): string {
  if (!value) return '—';
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return value;
  return new Intl.DateTimeFormat(locale(lang), { dateStyle: 'medium', timeStyle: 'short' }).format(d);
}

/** A number as the user's language writes it: 3,5 in Dutch, 3.5 in English; at most `digits` decimals. */
export function formatNumber(value: number | null | undefined, lang: string, digits = 1): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  return new Intl.NumberFormat(locale(lang), { maximumFractionDigits: digits }).format(value);
}

/** A calendar date ('YYYY-MM-DD', or the date part of a timestamp) before today in the Netherlands. */
export function isPastDate(value: string | null | undefined, now: Date = new Date()): boolean {
  if (!value) return false;
  return value.slice(0, 10) < today(now);
}

/** A birth date that is still to come (a child expected, registered before birth). */
export function isExpectedBirth(birthDate: string, birthExpected?: boolean, now: Date = new Date()): boolean {
  return birthExpected === true || birthDate.slice(0, 10) > today(now);
}

/** How a date is written in the UI language: 14-03-2018 in Dutch, 14/03/2018 in English. */
export function dateToText(iso: string, lang: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  return lang.startsWith('nl') ? `${m[3]}-${m[2]}-${m[1]}` : `${m[3]}/${m[2]}/${m[1]}`;
}

/**
 * What someone typed as a date, as 'YYYY-MM-DD': day, month and year in that order with -, /, . or a
 * space between (14-3-2018), eight digits (14032018), or already 'YYYY-MM-DD'. Anything else comes
 * back as typed, so the form's or the server's check says it is not a date.
 */
export function textToDate(text: string): string {
  const s = text.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) return s;
  const m = /^(\d{1,2})[-/. ](\d{1,2})[-/. ](\d{4})$/.exec(s) ?? /^(\d{2})(\d{2})(\d{4})$/.exec(s);
  if (!m) return s;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return s;
  return `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
