/**
 * Calendar dates as 'YYYY-MM-DD' strings, in the Dutch time zone. Ages and legal
 * deadlines are about days, not instants.
 *
 * The arithmetic is plain calendar arithmetic on the three numbers of a date, with the
 * same rules as date-fns (adding months clamps to the month's last day: 31 January plus
 * one month is 28 or 29 February), except for one thing date-fns does not hold together:
 *
 * **A birthday on 29 February is 1 March in other years — one convention for every age rule.**
 * A year of age is complete when the day with the same number has passed; a year that has no
 * 29 February completes at the end of 28 February, so the new age starts on 1 March. That is how
 * Dutch legal practice reads it ("juridisch ben je als schrikkelkind pas op 1 maart een jaar
 * ouder"; no statute says otherwise — the Algemene termijnenwet is about deadlines, not ages) and
 * how `ageOn` has always counted. `birthdayAt` follows it (date-fns' addYears gives 28 February,
 * and then a child born on 29 February 2020 was leerplichtig from 1 March 2025 while `ageOn` said
 * she turned 5 that very day; now she turns 5 on 1 March and leerplicht starts on 1 April). Every age
 * rule — leerplicht, kwalificatieplicht, consent at 12 and 16, the 18-year transition, signals —
 * goes through these two functions, and dates.test.ts holds them to each other.
 *
 * It is hand-written because it runs for every row of a worklist: date-fns'
 * parse-and-compare was 16 µs per age, 7 ms for one thuiszitter worklist (benchmark of
 * issue 7). dates.test.ts checks it against date-fns on thousands of generated dates.
 */
export type IsoDate = string;

const amsterdamDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today in Europe/Amsterdam. */
export function today(now: Date = new Date()): IsoDate {
  return amsterdamDay.format(now);
}

interface Ymd { y: number; m: number; d: number }

function parts(iso: IsoDate): Ymd {
  return { y: Number(iso.slice(0, 4)), m: Number(iso.slice(5, 7)), d: Number(iso.slice(8, 10)) };
}
function format({ y, m, d }: Ymd): IsoDate {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}
/** Days since 1970-01-01 (UTC has no daylight saving, so this counts calendar days). */
function dayNumber(iso: IsoDate): number {
  const { y, m, d } = parts(iso);
  return Date.UTC(y, m - 1, d) / 86_400_000;
}

/** Age in full years on a day; negative birth dates (expected births) give -1. */
export function ageOn(birthDate: IsoDate, on: IsoDate): number {
  if (birthDate > on) return -1;
  const years = Number(on.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return on.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

export function plusMonths(date: IsoDate, months: number): IsoDate {
  const { y, m, d } = parts(date);
  const index = y * 12 + (m - 1) + months;
  const ny = Math.floor(index / 12);
  const nm = index - ny * 12 + 1;
  return format({ y: ny, m: nm, d: Math.min(d, daysInMonth(ny, nm)) });
}

/** The day a person turns `years` old: the same day and month, and 1 March for 29 February in a common year (see above). */
export function birthdayAt(birthDate: IsoDate, years: number): IsoDate {
  const { y, m, d } = parts(birthDate);
  if (m === 2 && d === 29 && daysInMonth(y + years, 2) === 28) return format({ y: y + years, m: 3, d: 1 });
  return plusMonths(birthDate, years * 12);
}

export function plusDays(date: IsoDate, days: number): IsoDate {
  const t = new Date((dayNumber(date) + days) * 86_400_000);
  return format({ y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() });
}

export function daysBetween(from: IsoDate, to: IsoDate): number {
  return dayNumber(to) - dayNumber(from);
}
