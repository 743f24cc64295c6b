import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays, addMonths, addYears, differenceInCalendarDays, differenceInYears, formatISO, parseISO } from 'date-fns';
import { ageOn, birthdayAt, daysBetween, plusDays, plusMonths, today } from './dates.ts';

describe('dates', () => {
  it('counts full years, turning a year older on the birthday itself', () => {
    expect(ageOn('2014-11-26', '2026-11-25')).toBe(11);
    expect(ageOn('2014-11-26', '2026-11-26')).toBe(12);
    expect(ageOn('2027-03-01', '2026-11-26')).toBe(-1);
  });
  it('handles 29 February', () => {
    expect(ageOn('2012-02-29', '2024-02-28')).toBe(11);
    expect(ageOn('2012-02-29', '2024-02-29')).toBe(12);
    expect(birthdayAt('2012-02-29', 16)).toBe('2028-02-29');
    // In a common year the birthday is 1 March, the day ageOn counts the new year from.
    expect(birthdayAt('2020-02-29', 5)).toBe('2025-03-01');
    expect(ageOn('2020-02-29', '2025-02-28')).toBe(4);
    expect(ageOn('2020-02-29', '2025-03-01')).toBe(5);
  });

  it('turns a person n years old on birthdayAt(n), never a day before or after (every age rule agrees)', () => {
    const birth = fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2040, 11, 31) }).map((t) => new Date(t).toISOString().slice(0, 10));
    const leapDay = fc.integer({ min: 0, max: 12 }).map((k) => `${1992 + 4 * k}-02-29`);
    fc.assert(fc.property(fc.oneof(birth, leapDay), fc.integer({ min: 1, max: 20 }), (b, n) => {
      const day = birthdayAt(b, n);
      expect(ageOn(b, day)).toBe(n);
      expect(ageOn(b, plusDays(day, -1))).toBe(n - 1);
    }), { numRuns: 5_000 });
  });
  it('adds and counts days across months', () => {
    expect(plusDays('2026-01-30', 3)).toBe('2026-02-02');
    expect(daysBetween('2026-01-01', '2026-04-01')).toBe(90);
  });
});

describe('dates agree with date-fns', () => {
  // date-fns is the reference: the hand-written arithmetic must give the same answers.
  const day = fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2060, 11, 31) })
    .map((t) => new Date(t).toISOString().slice(0, 10));
  const local = (iso: string) => parseISO(iso);
  const out = (dt: Date) => formatISO(dt, { representation: 'date' });

  it('on ages, month and day arithmetic and day counts (10,000 generated dates)', () => {
    fc.assert(fc.property(day, day, fc.integer({ min: -400, max: 400 }), fc.integer({ min: -2000, max: 2000 }), (a, b, months, days) => {
      const [from, to] = a <= b ? [a, b] : [b, a];
      expect(ageOn(from, to)).toBe(differenceInYears(local(to), local(from)));
      expect(plusMonths(a, months)).toBe(out(addMonths(local(a), months)));
      // date-fns gives 28 February for a 29 February birthday in a common year; ours is 1 March (dates.ts).
      const years = Math.trunc(months / 12);
      const fns = out(addYears(local(a), years));
      expect(birthdayAt(a, years)).toBe(a.endsWith('-02-29') && fns.endsWith('-02-28') ? `${fns.slice(0, 4)}-03-01` : fns);
      expect(plusDays(a, days)).toBe(out(addDays(local(a), days)));
      expect(daysBetween(a, b)).toBe(differenceInCalendarDays(local(b), local(a)));
    }), { numRuns: 10_000 });
  });

  it('knows today in Amsterdam, also around midnight UTC', () => {
    expect(today(new Date('2026-06-30T22:30:00Z'))).toBe('2026-07-01');
    expect(today(new Date('2026-12-31T22:59:00Z'))).toBe('2026-12-31');
    expect(today(new Date('2026-12-31T23:00:00Z'))).toBe('2027-01-01');
  });
});
