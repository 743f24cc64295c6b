/**
 * Who must consent, by age on the day (Jeugdwet 7.3.5, WGBO 7:447):
 * - under 12: the parents with parental authority (gezag) — all of them;
 * - 12 to 15: the young person AND those parents;
 * - 16 and older: the young person alone.
 *
 * With joint authority both parents must consent; a withdrawal by either ends the
 * basis at once. Expected births count as under 12.
 */
import { ageOn, birthdayAt, plusDays, type IsoDate } from '../../../shared/dates.ts';

export type AgeBand = 'under_12' | '12_to_15' | '16_plus';

export function ageBand(birthDate: IsoDate, on: IsoDate): AgeBand {
  const age = ageOn(birthDate, on);
  if (age < 12) return 'under_12';
  if (age < 16) return '12_to_15';
  return '16_plus';
}

export interface ConsentRow {
  consenterUserId: string | null;
  relation: 'parent' | 'young_person';
  recipientOrganisationId: string | null;
  recipientRole: string | null;
  purpose: string;
  validFrom: IsoDate;
  validUntil: IsoDate | null;
  withdrawn: boolean;
}

export interface Recipient {
  organisationId: string;
  /** The role of the professional at that organisation, for consents given to a role. */
  role?: string;
}

function activeOn(c: ConsentRow, on: IsoDate): boolean {
  return !c.withdrawn && c.validFrom <= on && (c.validUntil === null || c.validUntil >= on);
}

function covers(c: ConsentRow, r: Recipient): boolean {
  return c.recipientOrganisationId === r.organisationId || (r.role !== undefined && c.recipientRole === r.role);
}

export interface Coverage {
  covered: boolean;
  band: AgeBand;
  /** Who still has to consent: guardian user ids, and 'young_person'. */
  missing: string[];
}

/** Is there a sufficient consent for this recipient and purpose on this day? */
export function consentCoverage(input: {
  birthDate: IsoDate;
  guardianIds: string[];
  youngPersonUserId: string | null;
  consents: ConsentRow[];
  recipient: Recipient;
  purpose?: string;
  on: IsoDate;
}): Coverage {
  const band = ageBand(input.birthDate, input.on);
  const purpose = input.purpose ?? 'share_in_network';
  const relevant = input.consents.filter((c) => c.purpose === purpose && activeOn(c, input.on) && covers(c, input.recipient));
  const missing: string[] = [];
  if (band !== '16_plus') {
    if (input.guardianIds.length === 0) missing.push('guardian');
    for (const g of input.guardianIds) {
      if (!relevant.some((c) => c.relation === 'parent' && c.consenterUserId === g)) missing.push(g);
    }
  }
  if (band !== 'under_12') {
    const ok = relevant.some(
      (c) => c.relation === 'young_person' && (c.consenterUserId === null || c.consenterUserId === input.youngPersonUserId),
    );
    if (!ok) missing.push('young_person');
  }
  return { covered: missing.length === 0, band, missing };
}

/**
 * A consent that became insufficient because of a birthday: covered the day before
 * the young person turned 12 (or 16), not covered now.
 */
export function flaggedByBirthday(input: Parameters<typeof consentCoverage>[0]): boolean {
  if (consentCoverage(input).covered) return false;
  for (const years of [12, 16]) {
    const birthday = birthdayAt(input.birthDate, years);
    if (birthday <= input.on && consentCoverage({ ...input, on: plusDays(birthday, -1) }).covered) return true;
  }
  return false;
}
