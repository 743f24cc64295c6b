/**
 * The texts a young person reads (web/src/i18n/nl-self.json): each replaces an existing Dutch text
 * (so it cannot drift into a key nobody uses), exists in English too, and says "je/jij", never "u".
 */
import { describe, expect, it } from 'vitest';
import nl from '../web/src/i18n/nl.json' with { type: 'json' };
import en from '../web/src/i18n/en.json' with { type: 'json' };
import nlSelf from '../web/src/i18n/nl-self.json' with { type: 'json' };

type Texts = { [key: string]: string | Texts };

function flat(o: Texts, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(o)) {
    if (typeof v === 'string') out[`${prefix}${k}`] = v;
    else Object.assign(out, flat(v, `${prefix}${k}.`));
  }
  return out;
}

describe('texts for a young person', () => {
  const self = flat(nlSelf as Texts);
  const dutch = flat(nl as Texts);
  const english = flat(en as Texts);

  it('replace existing texts that have an English version', () => {
    const orphans = Object.keys(self).filter((k) => !(k in dutch) || !(k in english));
    expect(orphans).toEqual([]);
  });

  it('say je/jij, never u or uw', () => {
    const formal = Object.entries(self).filter(([, v]) => /(^|[^\p{L}])([Uu]|[Uu]w|[Uu]zelf)(?![\p{L}])/u.test(v));
    expect(formal).toEqual([]);
  });

  it('keep the placeholders of the text they replace', () => {
    const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    for (const [k, v] of Object.entries(self)) expect(placeholders(v), k).toEqual(placeholders(dutch[k] ?? ''));
  });

  it('cover the young person\'s home, plan opinion and disagreement', () => {
    for (const k of ['home.youngPersonIntro', 'plan.versionsTitle', 'plan.askOpinion', 'plan.yourComment', 'disagreement.intro']) {
      expect(self[k], k).toBeTruthy();
      expect(dutch[k], k).toMatch(/(^|\s)([Uu]|[Uu]w)\s/);
    }
  });
});
