import { describe, expect, it } from 'vitest';
import { dutyOn, kwalificatieplichtEnd, leerplichtEnd, leerplichtStart, schoolYear } from './leerplicht-age.ts';

describe('leerplicht by date of birth', () => {
  it('starts on the first day of the month after the 5th birthday', () => {
    expect(leerplichtStart('2021-03-15')).toBe('2026-04-01');
    expect(leerplichtStart('2021-12-01')).toBe('2027-01-01');
    // Born on 29 February 2020: she turns 5 on 1 March 2025 (shared/dates.ts), so leerplicht starts on 1 April.
    expect(leerplichtStart('2020-02-29')).toBe('2025-04-01');
    expect(dutyOn('2020-02-29', '2025-03-31')).toBe('not_yet');
    expect(dutyOn('2020-02-29', '2025-04-01')).toBe('leerplichtig');
    expect(kwalificatieplichtEnd('2008-02-29')).toBe('2026-03-01');
  });
  it('ends on 31 July of the school year in which the child turns 16', () => {
    expect(leerplichtEnd('2010-03-15')).toBe('2026-07-31');
    expect(leerplichtEnd('2010-09-01')).toBe('2027-07-31');
    expect(leerplichtEnd('2010-07-31')).toBe('2026-07-31');
    expect(leerplichtEnd('2010-08-01')).toBe('2027-07-31');
  });
  it('kwalificatieplicht runs to the 18th birthday unless there is a start qualification', () => {
    expect(kwalificatieplichtEnd('2010-03-15')).toBe('2028-03-15');
    expect(dutyOn('2010-03-15', '2026-11-26')).toBe('kwalificatieplichtig');
    expect(dutyOn('2010-03-15', '2026-11-26', true)).toBe('none');
    expect(dutyOn('2010-03-15', '2028-03-15')).toBe('none');
  });
  it('tells each status on the day', () => {
    expect(dutyOn('2021-03-15', '2026-03-31')).toBe('not_yet');
    expect(dutyOn('2021-03-15', '2026-04-01')).toBe('leerplichtig');
    expect(dutyOn('2010-03-15', '2026-07-31')).toBe('leerplichtig');
  });
  it('names the school year', () => {
    expect(schoolYear('2026-11-26')).toBe('2026-2027');
    expect(schoolYear('2027-07-31')).toBe('2026-2027');
    expect(schoolYear('2027-08-01')).toBe('2027-2028');
  });
});
