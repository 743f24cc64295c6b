/**
 * Compulsory education (Leerplichtwet 1969) by date of birth:
 * - leerplicht starts on the first day of the month after the 5th birthday;
 * - it ends at the end of the school year (31 July) in which the child turns 16;
 * - kwalificatieplicht follows until the 18th birthday (or a start qualification).
 * The school year runs from 1 August to 31 July.
 */
import { birthdayAt, type IsoDate } from './dates.ts';

export function leerplichtStart(birthDate: IsoDate): IsoDate {
  const fifth = birthdayAt(birthDate, 5);
  const [y, m] = fifth.split('-').map(Number) as [number, number];
  const ny = m === 12 ? y + 1 : y;
  const nm = m === 12 ? 1 : m + 1;
  return `${ny}-${String(nm).padStart(2, '0')}-01`;
}

/** 31 July of the school year that contains the given day. */
export function schoolYearEnd(day: IsoDate): IsoDate {
  const [y, m] = day.split('-').map(Number) as [number, number];
  return `${m >= 8 ? y + 1 : y}-07-31`;
}

/** The school year containing a day, as "2026-2027". */
export function schoolYear(day: IsoDate): string {
  const end = Number(schoolYearEnd(day).slice(0, 4));
  return `${end - 1}-${end}`;
}

export function leerplichtEnd(birthDate: IsoDate): IsoDate {
  return schoolYearEnd(birthdayAt(birthDate, 16));
}

export function kwalificatieplichtEnd(birthDate: IsoDate): IsoDate {
  return birthdayAt(birthDate, 18);
}

export type DutyStatus = 'not_yet' | 'leerplichtig' | 'kwalificatieplichtig' | 'none';

export function dutyOn(birthDate: IsoDate, on: IsoDate, hasStartQualification = false): DutyStatus {
  if (on < leerplichtStart(birthDate)) return 'not_yet';
  if (on <= leerplichtEnd(birthDate)) return 'leerplichtig';
  if (!hasStartQualification && on < kwalificatieplichtEnd(birthDate)) return 'kwalificatieplichtig';
  return 'none';
}
