import { describe, expect, it } from 'vitest';
import { isValidBsn, maskBsn, normaliseBsn } from './bsn.ts';

describe('BSN elfproef', () => {
  it('accepts the textbook example and rejects a changed digit', () => {
    expect(isValidBsn('123456782')).toBe(true);
    expect(isValidBsn('123456783')).toBe(false);
  });
  it('pads an 8-digit number with a leading zero', () => {
    expect(normaliseBsn('12345672')).toBe('012345672');
  });
  it('rejects letters, wrong lengths and all zeros', () => {
    expect(isValidBsn('12345678a')).toBe(false);
    expect(isValidBsn('1234567')).toBe(false);
    expect(isValidBsn('1234567890')).toBe(false);
    expect(isValidBsn('000000000')).toBe(false);
  });
  it('masks all but the last three digits', () => {
    expect(maskBsn('123456782')).toBe('******782');
  });
});
