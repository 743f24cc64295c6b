/**
 * The login page and the page frame render before the rest of the Dutch texts has loaded
 * (web/src/i18n/boot-keys.ts): every text they use must be among the boot texts, or a phone
 * would show a raw key until the rest arrives.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BOOT_KEYS, pickBootTexts } from '../web/src/i18n/boot-keys.ts';

const root = path.resolve(import.meta.dirname, '..');
const texts = (lang: string) => JSON.parse(readFileSync(path.join(root, `web/src/i18n/${lang}.json`), 'utf8')) as Record<string, unknown>;
/** What renders before the rest of the texts: outside the Routes that wait for them (App.tsx). */
const FIRST_SCREEN = ['web/src/features/accounts/LoginPage.tsx', 'web/src/components/Layout.tsx', 'web/src/components/status.tsx',
  'web/src/components/forms.tsx', 'web/src/components/PageTitle.tsx', 'web/src/App.tsx'];

/** A text by its dotted key, also as plural forms (key_one, key_other). */
function has(obj: Record<string, unknown>, key: string): boolean {
  const find = (k: string) => {
    let at: unknown = obj;
    for (const part of k.split('.')) {
      if (typeof at !== 'object' || at === null || !(part in at)) return false;
      at = (at as Record<string, unknown>)[part];
    }
    return typeof at === 'string';
  };
  return find(key) || find(`${key}_other`);
}

describe('boot texts', () => {
  it('name texts that exist in Dutch and English', () => {
    for (const lang of ['nl', 'en']) {
      const all = texts(lang);
      for (const key of BOOT_KEYS) expect(key.includes('.') ? has(all, key) : typeof all[key] === 'object', `${lang}: ${key}`).toBe(true);
    }
  });

  it('hold every text the first screen uses by name', () => {
    const boot = pickBootTexts(texts('nl') as never) as Record<string, unknown>;
    const used = new Set<string>();
    for (const file of FIRST_SCREEN) {
      for (const m of readFileSync(path.join(root, file), 'utf8').matchAll(/\bt\(\s*'([a-zA-Z0-9_]+\.[a-zA-Z0-9_.]+)'/g)) used.add(m[1]!);
    }
    expect(used.size).toBeGreaterThan(20);
    const missing = [...used].filter((key) => !has(boot, key));
    expect(missing, 'add these to web/src/i18n/boot-keys.ts').toEqual([]);
  });
});
