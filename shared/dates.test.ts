import { describe, expect, it } from 'vitest';
import { ageOn, birthdayAt, daysBetween, plusDays } from './dates.ts';

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
  });
  it('adds and counts days across months', () => {
    expect(plusDays('2026-01-30', 3)).toBe('2026-02-02');
    expect(daysBetween('2026-01-01', '2026-04-01')).toBe(90);
  });
});
