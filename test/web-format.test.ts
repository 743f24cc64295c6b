/** The web app's date and number formatting (web/src/format.ts) and the server's dates in words. */
import { describe, expect, it } from 'vitest';
import { dateToText, formatDate, formatNumber, isExpectedBirth, isPastDate, textToDate } from '../web/src/format.ts';
import { dateInWords } from '../shared/dates.ts';

describe('formatting for people', () => {
  it('writes Dutch numbers with a decimal comma and English ones with a point', () => {
    expect(formatNumber(3.5, 'nl')).toBe('3,5');
    expect(formatNumber(3.5, 'en')).toBe('3.5');
    expect(formatNumber(1234.25, 'nl', 2)).toBe('1.234,25');
    expect(formatNumber(null, 'nl')).toBe('—');
  });

  it('writes dates in words in the UI language', () => {
    expect(formatDate('2026-11-30', 'nl')).toBe('30 november 2026');
    expect(formatDate('2026-11-30', 'en')).toBe('30 November 2026');
    expect(dateInWords('2026-11-30', 'nl')).toBe('30 november 2026');
    expect(dateInWords('2026-03-01', 'en')).toBe('1 March 2026');
  });

  it('marks a date before today as past, today and later not', () => {
    const now = new Date('2026-12-01T10:00:00Z');
    expect(isPastDate('2026-11-30', now)).toBe(true);
    expect(isPastDate('2026-12-01', now)).toBe(false);
    expect(isPastDate('2027-01-30', now)).toBe(false);
    expect(isPastDate(null, now)).toBe(false);
  });

  it('knows an expected child from a future birth date or the flag', () => {
    const now = new Date('2026-12-01T10:00:00Z');
    expect(isExpectedBirth('2027-01-30', undefined, now)).toBe(true);
    expect(isExpectedBirth('2026-01-30', true, now)).toBe(true);
    expect(isExpectedBirth('2026-01-30', false, now)).toBe(false);
  });
});

describe('a date typed the way the UI language writes it', () => {
  it('shows a date as day-month-year (nl) or day/month/year (en)', () => {
    expect(dateToText('2018-03-14', 'nl')).toBe('14-03-2018');
    expect(dateToText('2018-03-14', 'en')).toBe('14/03/2018');
    expect(dateToText('', 'nl')).toBe('');
  });

  it('reads what people type as YYYY-MM-DD, and leaves anything else as typed', () => {
    expect(textToDate('14-03-2018')).toBe('2018-03-14');
    expect(textToDate('14/3/2018')).toBe('2018-03-14');
    expect(textToDate('4.3.2018')).toBe('2018-03-04');
    expect(textToDate('14032018')).toBe('2018-03-14');
    expect(textToDate('2018-03-14')).toBe('2018-03-14');
    expect(textToDate('31-02-2018')).toBe('31-02-2018');
    expect(textToDate('maart')).toBe('maart');
  });
});
