/**
 * Calendar dates as 'YYYY-MM-DD' strings, in the Dutch time zone. Ages and legal
 * deadlines are about days, not instants.
 */
import { addDays, addMonths, addYears, differenceInCalendarDays, differenceInYears, parseISO, formatISO } from 'date-fns';

export type IsoDate = string;

/** Today in Europe/Amsterdam. */
export function today(now: Date = new Date()): IsoDate {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

function d(iso: IsoDate): Date {
  return parseISO(iso);
}
function iso(date: Date): IsoDate {
  return formatISO(date, { representation: 'date' });
}

/** Age in full years on a day; negative birth dates (expected births) give -1. */
export function ageOn(birthDate: IsoDate, on: IsoDate): number {
  if (birthDate > on) return -1;
  return differenceInYears(d(on), d(birthDate));
}

export function birthdayAt(birthDate: IsoDate, years: number): IsoDate {
  return iso(addYears(d(birthDate), years));
}

export function plusDays(date: IsoDate, days: number): IsoDate {
  return iso(addDays(d(date), days));
}

export function plusMonths(date: IsoDate, months: number): IsoDate {
  return iso(addMonths(d(date), months));
}

export function daysBetween(from: IsoDate, to: IsoDate): number {
  return differenceInCalendarDays(d(to), d(from));
}
