/**
 * The BSN elfproef: 9 digits (an 8-digit number gets a leading zero), weights 9…2 and
 * −1 for the last digit, the sum divisible by 11. Passing says nothing about whether
 * the number was ever issued.
 */
export function normaliseBsn(input: string): string | null {
  const digits = input.replace(/[\s.-]/g, '');
  if (!/^\d{8,9}$/.test(digits)) return null;
  return digits.padStart(9, '0');
}

export function isValidBsn(input: string): boolean {
  const bsn = normaliseBsn(input);
  if (!bsn || bsn === '000000000') return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(bsn[i]) * (9 - i);
  sum -= Number(bsn[8]);
  return sum % 11 === 0;
}

/** Shows only the last three digits: ******782. */
export function maskBsn(bsn: string): string {
  return `******${bsn.slice(-3)}`;
}
