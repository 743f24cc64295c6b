/**
 * Every notification the server can write has words for its reader, in Dutch and in English
 * (a raw key such as `absence.red` on the screen was the bug), and the list of kinds is complete:
 * the kinds written in server code are read from the source, so a new kind without words fails here.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import nl from '../web/src/i18n/nl.json' with { type: 'json' };
import en from '../web/src/i18n/en.json' with { type: 'json' };
import { NOTIFICATION_KINDS, notificationHref, notificationWordsKey, type NotificationTarget } from './notifications.ts';

const ROOT = path.resolve(import.meta.dirname, '..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) return name === 'dist' ? [] : sources(p);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [p] : [];
  });
}

/** The kinds named in server code: `notify(…, { kind: '…' })`, a `kind` chosen just before a notify, and SQL inserts into notifications. */
function kindsInServerCode(): Map<string, string> {
  const found = new Map<string, string>();
  for (const file of sources(path.join(ROOT, 'server'))) {
    const text = readFileSync(file, 'utf8');
    if (!text.includes('notify(') && !text.includes('INSERT INTO notifications')) continue;
    const rel = path.relative(ROOT, file);
    for (const m of text.matchAll(/notify\(\s*\w+\s*,\s*\{[^}]*?kind:\s*'([^']+)'/g)) found.set(m[1]!, rel);
    for (const m of text.matchAll(/notifyLead\([^)]*?'([a-z_]+\.[a-z_]+)'/g)) found.set(m[1]!, rel);
    for (const m of text.matchAll(/INSERT INTO notifications[\s\S]{0,300}?'([a-z_]+\.[a-z_0-9]+)'/g)) found.set(m[1]!, rel);
    // Kinds built from a value: each possible value is listed here, and the type of notify() holds the rest.
    for (const m of text.matchAll(/kind:\s*`([a-z_]+)\.\$\{/g)) found.set(`${m[1]}.*`, rel);
  }
  return found;
}

type Tree = { [k: string]: string | Tree };
function lookup(tree: Tree, key: string): string | undefined {
  let node: string | Tree | undefined = tree;
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  return typeof node === 'string' ? node : undefined;
}
const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('notification kinds', () => {
  it('every kind the server writes is in NOTIFICATION_KINDS', () => {
    const found = kindsInServerCode();
    expect(found.size).toBeGreaterThan(30);
    const listed = new Set<string>(NOTIFICATION_KINDS);
    const prefixes = new Set(NOTIFICATION_KINDS.map((k) => k.split('.')[0]));
    const missing = [...found].filter(([k]) => (k.endsWith('.*') ? !prefixes.has(k.slice(0, -2)) : !listed.has(k))).map(([k, f]) => `${k} (${f})`);
    expect(missing).toEqual([]);
  });

  it('every kind has words in Dutch and in English, with the same placeholders', () => {
    const problems: string[] = [];
    for (const kind of [...NOTIFICATION_KINDS, 'absence.warning_3']) {
      const key = notificationWordsKey(kind);
      const n = lookup(nl as Tree, key);
      const e = lookup(en as Tree, key);
      if (!n) problems.push(`${kind}: no Dutch words (${key})`);
      if (!e) problems.push(`${kind}: no English words (${key})`);
      if (n && e && placeholders(n).join() !== placeholders(e).join()) problems.push(`${kind}: placeholders differ (${key})`);
      for (const variant of ['_young']) {
        const nv = lookup(nl as Tree, key + variant);
        const ev = lookup(en as Tree, key + variant);
        if (Boolean(nv) !== Boolean(ev)) problems.push(`${kind}: ${variant} words in one language only`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('every link target has words and a path', () => {
    const targets: NotificationTarget[] = ['child', 'absence', 'exemptions', 'consult', 'consults', 'support_team', 'join_requests', 'privacy', 'home'];
    for (const to of targets) {
      expect(lookup(nl as Tree, `notifications.link.${to}`), to).toBeTruthy();
      expect(lookup(en as Tree, `notifications.link.${to}`), to).toBeTruthy();
      expect(notificationHref({ to, id: 'x', section: null })).toMatch(/^\//);
    }
    expect(notificationHref({ to: 'child', id: 'c', section: 'plan' })).toBe('/children/c/plan');
    expect(notificationHref({ to: 'absence', id: 'a', section: null })).toBe('/worklist/a');
  });
});
