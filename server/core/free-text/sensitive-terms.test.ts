import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import lexicon from './diagnosis-lexicon.json' with { type: 'json' };
import { assertFreeText, findSensitiveTerms, LEXICON_VERSION } from './sensitive-terms.ts';

const found = (text: string) => findSensitiveTerms(text).map((t) => t.found);
const cats = (text: string) => findSensitiveTerms(text).map((t) => t.category);

describe('the sensitive-terms lexicon', () => {
  it('is versioned data with a known category and advice for every entry', () => {
    expect(LEXICON_VERSION).toBeGreaterThanOrEqual(1);
    for (const e of lexicon.entries) {
      expect(Object.keys(lexicon.categories), e.term).toContain(e.category);
      expect(e.lang.every((l) => l === 'nl' || l === 'en'), e.term).toBe(true);
    }
    const terms = lexicon.entries.map((e) => e.term.toLowerCase());
    expect(new Set(terms).size).toBe(terms.length);
  });

  it('finds every term in the sentence the old list let through', () => {
    const hits = findSensitiveTerms('ADD, angst en suïcidale gedachten; zij slikt Concerta');
    expect(hits.map((h) => [h.found, h.category])).toEqual([
      ['ADD', 'diagnosis'], ['suïcidale', 'self_harm'], ['Concerta', 'medication'],
    ]);
  });

  it('is case- and accent-insensitive, and handles inflections, compounds and phrases', () => {
    expect(found('Sem heeft adhd')).toEqual(['adhd']);
    expect(cats('hij is suicidaal')).toEqual(['self_harm']);
    expect(cats('Hij is SUÏCIDAAL')).toEqual(['self_harm']);
    expect(cats('zelfmoordgedachten sinds de zomer')).toEqual(['self_harm']);
    expect(cats('Zij snijdt zichzelf')).toEqual(['self_harm']);
    expect(found('Start ADHD-medicatie')).toEqual(['ADHD', 'medicatie']);
    expect(found("Hij is een ADHD'er")).toEqual(['ADHD']);
    expect(found('Autistisch kind')).toEqual(['Autistisch']);
    expect(found('Sinds de PDD-NOS diagnose')).toEqual(['PDD-NOS', 'diagnose']);
    expect(found('self-harm since May')).toEqual(['self-harm']);
    expect(found('Zij gebruikt Ritalin en methylfenidaat')).toEqual(['Ritalin', 'methylfenidaat']);
    expect(found('Totaal IQ van 72')).toEqual(['IQ']);
    expect(found('Een depressieve periode')).toEqual(['depressieve']);
    expect(found('Kim heeft een eetstoornis')).toEqual(['eetstoornis']);
  });

  it('is not fooled by invisible characters or full-width letters', () => {
    expect(found('A\u200bDHD')).toEqual(['ADHD']);
    expect(found('ＡＤＨＤ')).toEqual(['ADHD']);
    expect(found('sui\u0308cidaal')).toEqual(['suïcidaal']);
  });

  it('leaves ordinary words alone (whole words only; acronyms that are English words only in capitals)', () => {
    for (const ok of [
      'Sem gaat weer elke dag naar school',
      'Address the bus route; additional support at home',
      'We add a weekly talk; that is odd; the cd player',
      'De adder in de tuin; Addie komt ook',
      'Naar het concert met opa',
      'Nieuwe lithiumbatterij voor de rolstoel',
      'Kim is bang en vaak somber; zij slaapt slecht',
      'Brood snijden met papa',
      'Kim neemt melatonine voor het slapen',
      'Extra tijd bij toetsen vanwege dyslexie; dyscalculie-verklaring ligt op school',
      'Aanvraag diagnostiek bij de huisarts bespreken',
      'Psychotherapie via de huisarts',
      'Kim gaat naar de ASSEN-groep',
    ]) expect(findSensitiveTerms(ok), ok).toEqual([]);
  });

  it('assertFreeText names each field and says how to put it differently', () => {
    let err: unknown;
    try {
      assertFreeText({ 'goals.0.text': 'Behandeling ADHD', 'goals.1.text': 'Kim fietst naar school', changeSummary: 'zij is suïcidaal', empty: null, missing: undefined });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(AppError);
    const e = err as AppError;
    expect(e.code).toBe('sensitive_term');
    expect(e.status).toBe(422);
    expect(e.detail?.fields).toEqual({ 'goals.0.text': 'contains "ADHD"', changeSummary: 'contains "suïcidaal"' });
    // Self-harm comes first: its advice points to the lead and 113.
    expect(e.detail?.nl).toContain('"suïcidaal"');
    expect(e.detail?.nl).toContain('113');
    expect(() => assertFreeText({ text: 'Sem heeft ADHD' })).toThrow(/concentrate/);
    expect(() => assertFreeText({ text: 'Kim slikt Concerta' })).toThrow(/medicine/);
    expect(() => assertFreeText({ a: 'Kim fietst', b: null, c: undefined, d: '' })).not.toThrow();
  });
});
