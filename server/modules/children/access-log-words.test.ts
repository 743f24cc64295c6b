/**
 * The family's "who looked" in words, in both languages: every audit kind that can be about a
 * young person has words for what was done, and every basis the server records has words on
 * the web ("guardian", "self", "verwijsindex" and "match signal registered" showed on the Dutch page).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import nl from '../../../web/src/i18n/nl.json' with { type: 'json' };
import en from '../../../web/src/i18n/en.json' with { type: 'json' };
import { AUDIT_KINDS } from '../../core/audit.ts';
import { ACCESS_KINDS, ACCESS_LOG_WORDS, NOT_IN_A_CHILDS_LOG } from './children.history.ts';

const ROOT = path.resolve(import.meta.dirname, '../../..');
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) return name === 'dist' ? [] : sources(p);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [p] : [];
  });
}

describe('the access log in words', () => {
  it('every audit kind that can be in a child\'s log has Dutch and English words', () => {
    const missing = AUDIT_KINDS.filter((k) => !NOT_IN_A_CHILDS_LOG.has(k) && !k.startsWith('partnership.'))
      .filter((k) => !ACCESS_LOG_WORDS[k]?.[0] || !ACCESS_LOG_WORDS[k]?.[1]);
    expect(missing).toEqual([]);
  });

  it('every basis the server records, and every kind of access to filter on, has words in nl and en', () => {
    const bases = new Set(['consent', 'legal_task', 'meldcode', 'vital_interest', 'break_glass', 'enrolment', 'guardian', 'self', 'involvement']);
    for (const file of sources(path.join(ROOT, 'server'))) {
      for (const m of readFileSync(file, 'utf8').matchAll(/basis: '([a-z_]+)'/g)) bases.add(m[1]!);
    }
    const n = nl as unknown as { basis: Record<string, string>; accessLog: { access: Record<string, string> } };
    const e = en as unknown as typeof n;
    expect([...bases].filter((b) => !n.basis[b] || !e.basis[b])).toEqual([]);
    expect(ACCESS_KINDS.filter((k) => !n.accessLog.access[k] || !e.accessLog.access[k])).toEqual([]);
  });
});
