import { describe, expect, it } from 'vitest';
import { consentCoverage, flaggedByBirthday, type ConsentRow } from './consent-rules.ts';

const org = 'org-wijkteam';
const row = (over: Partial<ConsentRow>): ConsentRow => ({
  consenterUserId: 'mum', relation: 'parent', recipientOrganisationId: org, recipientRole: null,
  purpose: 'share_in_network', validFrom: '2020-01-01', validUntil: null, withdrawn: false, ...over,
});
const base = { guardianIds: ['mum', 'dad'], youngPersonUserId: 'yp', recipient: { organisationId: org }, on: '2026-11-26' };
const bornAt = (age: number) => `${2026 - age}-06-01`;

describe('consent by age', () => {
  it('at 11 both parents with gezag decide; the child is not asked', () => {
    const one = consentCoverage({ ...base, birthDate: bornAt(11), consents: [row({})] });
    expect(one).toMatchObject({ covered: false, band: 'under_12', missing: ['dad'] });
    const both = consentCoverage({ ...base, birthDate: bornAt(11), consents: [row({}), row({ consenterUserId: 'dad' })] });
    expect(both.covered).toBe(true);
  });

  it('at 12 and at 15 the young person and the parents must all consent', () => {
    for (const age of [12, 15]) {
      const parents = [row({}), row({ consenterUserId: 'dad' })];
      expect(consentCoverage({ ...base, birthDate: bornAt(age), consents: parents })).toMatchObject({ covered: false, band: '12_to_15', missing: ['young_person'] });
      const yp = row({ consenterUserId: 'yp', relation: 'young_person' });
      expect(consentCoverage({ ...base, birthDate: bornAt(age), consents: [yp] }).missing).toEqual(['mum', 'dad']);
      expect(consentCoverage({ ...base, birthDate: bornAt(age), consents: [...parents, yp] }).covered).toBe(true);
    }
  });

  it('at 16 the young person alone decides; parents cannot consent for them', () => {
    const parents = [row({}), row({ consenterUserId: 'dad' })];
    expect(consentCoverage({ ...base, birthDate: bornAt(16), consents: parents })).toMatchObject({ covered: false, band: '16_plus', missing: ['young_person'] });
    expect(consentCoverage({ ...base, birthDate: bornAt(16), consents: [row({ consenterUserId: 'yp', relation: 'young_person' })] }).covered).toBe(true);
  });

  it('a young person without an account consents through a recorded consent without a user', () => {
    expect(consentCoverage({ ...base, youngPersonUserId: null, birthDate: bornAt(17), consents: [row({ consenterUserId: null, relation: 'young_person' })] }).covered).toBe(true);
  });

  it('a withdrawal by one parent ends the basis at once', () => {
    const consents = [row({}), row({ consenterUserId: 'dad', withdrawn: true })];
    expect(consentCoverage({ ...base, birthDate: bornAt(8), consents }).covered).toBe(false);
  });

  it('respects validity periods, purpose and recipient', () => {
    const both = (o: Partial<ConsentRow>) => [row(o), row({ ...o, consenterUserId: 'dad' })];
    expect(consentCoverage({ ...base, birthDate: bornAt(8), consents: both({ validUntil: '2026-11-25' }) }).covered).toBe(false);
    expect(consentCoverage({ ...base, birthDate: bornAt(8), consents: both({ validFrom: '2026-11-27' }) }).covered).toBe(false);
    expect(consentCoverage({ ...base, birthDate: bornAt(8), consents: both({ recipientOrganisationId: 'other' }) }).covered).toBe(false);
    expect(consentCoverage({ ...base, birthDate: bornAt(8), consents: both({ purpose: 'integrated_meeting' }) }).covered).toBe(false);
    const byRole = both({ recipientOrganisationId: null, recipientRole: 'jgz_professional' });
    expect(consentCoverage({ ...base, recipient: { organisationId: 'ggd', role: 'jgz_professional' }, birthDate: bornAt(8), consents: byRole }).covered).toBe(true);
  });

  it('no parents with gezag on record: nobody can consent for a child under 12', () => {
    expect(consentCoverage({ ...base, guardianIds: [], birthDate: bornAt(5), consents: [] })).toMatchObject({ covered: false, missing: ['guardian'] });
  });

  it('across the 12th birthday: parents-only consent becomes insufficient and is flagged', () => {
    const birthDate = '2014-11-26';
    const consents = [row({}), row({ consenterUserId: 'dad' })];
    const dayBefore = { ...base, birthDate, consents, on: '2026-11-25' };
    expect(consentCoverage(dayBefore).covered).toBe(true);
    expect(flaggedByBirthday(dayBefore)).toBe(false);
    const onBirthday = { ...dayBefore, on: '2026-11-26' };
    expect(consentCoverage(onBirthday).covered).toBe(false);
    expect(flaggedByBirthday(onBirthday)).toBe(true);
  });

  it('across the 16th birthday: a sufficient consent of the young person stays sufficient', () => {
    const birthDate = '2010-11-26';
    const consents = [row({}), row({ consenterUserId: 'dad' }), row({ consenterUserId: 'yp', relation: 'young_person' })];
    expect(consentCoverage({ ...base, birthDate, consents, on: '2026-11-25' }).covered).toBe(true);
    expect(consentCoverage({ ...base, birthDate, consents, on: '2026-11-26' }).covered).toBe(true);
  });
});
