/** Password hashing (argon2id) and the password policy. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import argon2 from 'argon2';
import { AppError } from './errors.ts';
import { SERVER_DIR } from './files.ts';

// OWASP's argon2id baseline: 19 MiB, 2 iterations, 1 lane.
const OPTIONS = { type: argon2.argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, OPTIONS);
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;
/** Spends the same time as a real check, so unknown e-mail addresses cannot be told apart by timing. */
export async function verifyDummy(password: string): Promise<void> {
  dummyHash ??= hashPassword('rondom-dummy-password-for-timing');
  await verifyPassword(await dummyHash, password);
}

const BUILT_IN = [
  'password', 'password1', 'password123', 'wachtwoord', 'wachtwoord1', 'welkom', 'welkom01', 'welkom123',
  'qwerty', 'qwerty123', '123456', '12345678', '123456789', '1234567890', 'iloveyou', 'admin', 'letmein',
  'welcome', 'welcome1', 'abc123', 'monkey', 'dragon', 'football', 'voetbal', 'zomer2024', 'zomer2025',
  'winter2025', 'rondom', 'rondom123', 'geheim', 'geheim123', 'passw0rd', 'p@ssw0rd', 'changeme',
];

/** The bundled list of common and breached passwords (server/core/common-passwords.txt), read once. */
export const COMMON_PASSWORDS_FILE = path.join(SERVER_DIR, 'core', 'common-passwords.txt');
let common: Set<string> | undefined;
export function commonPasswords(): Set<string> {
  if (!common) {
    common = new Set(BUILT_IN);
    for (const line of readFileSync(COMMON_PASSWORDS_FILE, 'utf8').split('\n')) {
      const w = line.trim().toLowerCase();
      if (w && !w.startsWith('#')) common.add(w);
    }
  }
  return common;
}

const LEET: Record<string, string> = { '@': 'a', '4': 'a', '0': 'o', '1': 'i', '!': 'i', '3': 'e', '$': 's', '5': 's', '7': 't' };

/** The forms of a password that are compared with the list: as typed, without trailing digits/punctuation, without separators, de-leeted. */
export function commonForms(password: string): string[] {
  const lower = password.toLowerCase();
  const trimmed = lower.replace(/[0-9!?.@#$%^&*_+=~-]+$/, '');
  const joined = trimmed.replace(/[\s._+-]+/g, '');
  const unleet = (w: string) => [...w].map((c) => LEET[c] ?? c).join('');
  return [...new Set([lower, trimmed, joined, unleet(lower), unleet(trimmed), unleet(joined), unleet(joined).replace(/[0-9!?.@#$%^&*_+=~-]+$/, '')])];
}

export function isCommonPassword(password: string): boolean {
  const list = commonPasswords();
  return commonForms(password).some((f) => list.has(f));
}

/** At least 12 characters, not a common or breached password (bundled list), not repetitive, not the e-mail address. */
export function checkPasswordPolicy(password: string, email?: string): void {
  const problems: string[] = [];
  if (password.length < 12) problems.push('at least 12 characters');
  if (password.length > 256) problems.push('at most 256 characters');
  const lower = password.toLowerCase();
  if (isCommonPassword(password)) problems.push('not a common password');
  if (new Set(password).size < 5) problems.push('not so repetitive');
  if (email && lower.includes(email.toLowerCase().split('@')[0] ?? '\u0000')) problems.push('not your e-mail address');
  if (problems.length > 0) {
    throw new AppError('weak_password', {
      en: `Choose a stronger password: ${problems.join(', ')}.`,
      nl: `Kies een sterker wachtwoord: minstens 12 tekens, geen bekend wachtwoord en niet uw e-mailadres.`,
      fields: { password: problems.join(', ') },
    });
  }
}
