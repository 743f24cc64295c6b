/**
 * An anonymous consult must hold nothing that identifies a child. The free text is the asker's
 * responsibility (the form warns), but the server refuses what is obviously identifying:
 * - a BSN: 8 or 9 digits (dots, spaces or hyphens between them allowed) that pass the elfproef;
 * - a date with day, month and year (12-03-2016, 12/3/16, 2016-03-12, 12 maart 2016): a date of
 *   birth is the commonest identifier after a name; a month alone or an age ("groep 5", "8 jaar") is fine;
 * - an e-mail address, a Dutch phone number and a postcode (1234 AB): they identify the family;
 * - the full name (given + family name, as a phrase) of a pupil of the asker's own school.
 * Given names alone are not refused: many are also ordinary words or very common, and refusing
 * them would make the form unusable while adding little (see README).
 * Nothing found is ever stored or logged: the refusal names only the kind of identifier.
 */
import { isValidBsn } from '../../../shared/bsn.ts';

export type IdentifierKind = 'bsn' | 'date' | 'email' | 'phone' | 'postcode' | 'name';

const MONTHS = 'januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|jan|feb|mrt|apr|jun|jul|aug|sep|sept|okt|nov|dec|january|february|march|may|june|july|august|october';
const DATE_NUMERIC = /(?<!\d)(?:\d{1,2}[-/.]\d{1,2}[-/.](?:\d{4}|\d{2})|\d{4}[-/.]\d{1,2}[-/.]\d{1,2})(?!\d)/;
const DATE_WORDS = new RegExp(`(?<![\\p{L}\\d])\\d{1,2}(?:e|ste|de)?\\s+(?:${MONTHS})\\.?\\s+(?:'?\\d{2}|\\d{4})(?!\\d)`, 'iu');
const DATE_WORDS_EN = new RegExp(`(?<![\\p{L}])(?:${MONTHS})\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}(?!\\d)`, 'iu');
const EMAIL = /[\p{L}\d._%+-]+@[\p{L}\d.-]+\.[\p{L}]{2,}/u;
const PHONE = /(?<![\d])(?:\+31|0031|0)[\s-]?(?:6[\s-]?(?:\d[\s-]?){8}|[1-9](?:[\s-]?\d){8})(?!\d)/;
const POSTCODE = /(?<![\p{L}\d])[1-9]\d{3}\s?(?!SA|SD|SS)[A-Z]{2}(?![\p{L}\d])/u;
const DIGIT_RUN = /(?<![\d])\d(?:[\s.-]?\d){7,8}(?![\d])/g;

const fold = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/** The kinds of identifier found in a text, each once. `names` are full names ("Noor Eikenhout") to refuse. */
export function findIdentifiers(text: string, names: readonly string[] = []): IdentifierKind[] {
  const found = new Set<IdentifierKind>();
  for (const m of text.matchAll(DIGIT_RUN)) if (isValidBsn(m[0])) found.add('bsn');
  if (DATE_NUMERIC.test(text) || DATE_WORDS.test(text) || DATE_WORDS_EN.test(text)) found.add('date');
  if (EMAIL.test(text)) found.add('email');
  if (PHONE.test(text)) found.add('phone');
  if (POSTCODE.test(text)) found.add('postcode');
  if (names.length > 0) {
    const hay = ` ${fold(text)} `;
    if (names.some((n) => {
      const needle = fold(n);
      return needle.includes(' ') && hay.includes(` ${needle} `);
    })) found.add('name');
  }
  return [...found];
}

const LABELS: Record<IdentifierKind, { nl: string; en: string }> = {
  bsn: { nl: 'een BSN', en: 'a BSN (citizen service number)' },
  date: { nl: 'een datum (zoals een geboortedatum)', en: 'a date (such as a date of birth)' },
  email: { nl: 'een e-mailadres', en: 'an e-mail address' },
  phone: { nl: 'een telefoonnummer', en: 'a phone number' },
  postcode: { nl: 'een postcode', en: 'a postcode' },
  name: { nl: 'de naam van een leerling', en: "a pupil's name" },
};

/** The refusal's words for what was found (never the found text itself). */
export function describeIdentifiers(kinds: IdentifierKind[]): { nl: string; en: string } {
  const nl = kinds.map((k) => LABELS[k].nl).join(', ');
  const en = kinds.map((k) => LABELS[k].en).join(', ');
  return {
    nl: `Uw tekst lijkt ${nl} te bevatten. Een anoniem consult mag niets bevatten waaraan iemand het kind herkent. Haal dit weg en probeer het opnieuw.`,
    en: `Your text seems to contain ${en}. An anonymous consult must hold nothing by which someone could recognise the child. Remove it and try again.`,
  };
}
