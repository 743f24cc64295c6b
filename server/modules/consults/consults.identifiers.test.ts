import { describe, expect, it } from 'vitest';
import { findIdentifiers } from './consults.identifiers.ts';

describe('identifiers in an anonymous consult', () => {
  it('finds a BSN that passes the elfproef, also written with dots or spaces, and an 8-digit one', () => {
    expect(findIdentifiers('Het BSN is 123456782.')).toEqual(['bsn']);
    expect(findIdentifiers('bsn 1234.56.782')).toEqual(['bsn']);
    expect(findIdentifiers('nummer 12 34 56 782')).toEqual(['bsn']);
    expect(findIdentifiers('nummer 11222335')).toEqual(['bsn']); // 011222335 passes
  });
  it('leaves numbers that fail the elfproef and ordinary numbers alone', () => {
    expect(findIdentifiers('Het kind zit in groep 5, is 8 jaar en mist 123456789 kansen')).toEqual([]);
    expect(findIdentifiers('Al 3 weken, 16 uur verzuim in 4 weken.')).toEqual([]);
  });
  it('finds dates with day, month and year, not a month or an age', () => {
    for (const t of ['geboren 12-03-2016', 'op 3/4/16 kwam', 'sinds 2016-03-12', 'geboren 12 maart 2016', "op 1 jan '17", 'born March 12, 2016'])
      expect(findIdentifiers(t), t).toEqual(['date']);
    expect(findIdentifiers('Sinds maart gaat het slechter, ze is 9 jaar.')).toEqual([]);
    expect(findIdentifiers('Elke dinsdag om 8.30 uur')).toEqual([]);
  });
  it('finds e-mail addresses, phone numbers and postcodes', () => {
    expect(findIdentifiers('mail ouder@example.nl')).toEqual(['email']);
    expect(findIdentifiers('bel 06-12345678')).toEqual(['phone']);
    expect(findIdentifiers('bel 010 123 4567')).toEqual(['phone']);
    expect(findIdentifiers('woont op 1234 AB')).toEqual(['postcode']);
  });
  it("finds a pupil's full name, accent- and case-insensitive, not a given name alone", () => {
    const names = ['Noor Eikenhout', 'Zoë Vlinderhof'];
    expect(findIdentifiers('Het gaat om noor EIKENHOUT uit groep 6', names)).toEqual(['name']);
    expect(findIdentifiers('Zoe Vlinderhof is stil', names)).toEqual(['name']);
    expect(findIdentifiers('Noor is stil in de klas', names)).toEqual([]);
  });
});
