/**
 * Free text that others in the network read (the plan, comments, meetings, evaluations,
 * questions) holds what happens and what is needed — never a diagnosis, a psychiatric
 * medicine, a test score or words about self-harm. The words are data
 * (diagnosis-lexicon.json, versioned); this file only matches them.
 *
 * Matching: case-insensitive (except entries marked caseSensitive: acronyms such as ADD
 * and ODD that are ordinary English words in lower case), accent-insensitive (suïcidaal =
 * suicidaal), whole words only ('adder' is not 'ADD'); a term ending in * matches words
 * that start with it (Dutch inflections and compounds: suïcid* → suïcidale); a term of
 * several words is a phrase. Hyphens and apostrophes split words, so 'ADHD-medicatie' and
 * "ADHD'er" are found. Zero-width characters and full-width letters do not hide a word.
 */
import { AppError } from '../errors.ts';
import lexicon from './diagnosis-lexicon.json' with { type: 'json' };

export type SensitiveCategory = 'diagnosis' | 'medication' | 'self_harm' | 'test_score';

interface LexiconEntry { term: string; lang: string[]; category: SensitiveCategory; forms?: string[]; caseSensitive?: boolean }
interface Lexicon {
  version: number;
  categories: Record<SensitiveCategory, { nl: string; en: string }>;
  entries: LexiconEntry[];
}

const LEXICON = lexicon as Lexicon;
/** The lexicon's version, for logs and the README. */
export const LEXICON_VERSION = LEXICON.version;

export interface SensitiveTerm {
  /** The lexicon's term (e.g. 'suïcid*'). */
  term: string;
  category: SensitiveCategory;
  /** The words as they stand in the text (e.g. 'suïcidale'). */
  found: string;
}

interface Token { plain: string; lower: string; start: number; end: number }
interface Pattern { words: string[]; prefixLast: boolean; caseSensitive: boolean; entry: LexiconEntry }

const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/g;
const WORD = /[\p{L}\p{M}\p{N}]+/gu;
const MARKS = /\p{M}/gu;

function tokenise(text: string): { clean: string; tokens: Token[] } {
  const clean = text.replace(INVISIBLE, '').normalize('NFKD');
  const tokens: Token[] = [];
  for (const m of clean.matchAll(WORD)) {
    const plain = m[0].replace(MARKS, '');
    if (plain) tokens.push({ plain, lower: plain.toLowerCase(), start: m.index, end: m.index + m[0].length });
  }
  return { clean, tokens };
}

function compile(entry: LexiconEntry, term: string): Pattern {
  const prefixLast = term.endsWith('*');
  const words = tokenise(prefixLast ? term.slice(0, -1) : term).tokens.map((t) => (entry.caseSensitive ? t.plain : t.lower));
  if (words.length === 0) throw new Error(`diagnosis-lexicon.json: empty term "${term}"`);
  return { words, prefixLast, caseSensitive: Boolean(entry.caseSensitive), entry };
}

const PATTERNS: Pattern[] = LEXICON.entries.flatMap((e) => [e.term, ...(e.forms ?? [])].map((t) => compile(e, t)));

function matchesAt(tokens: Token[], i: number, p: Pattern): boolean {
  if (i + p.words.length > tokens.length) return false;
  for (let k = 0; k < p.words.length; k++) {
    const tok = tokens[i + k]!;
    const word = p.caseSensitive ? tok.plain : tok.lower;
    const last = k === p.words.length - 1;
    if (last && p.prefixLast ? !word.startsWith(p.words[k]!) : word !== p.words[k]) return false;
  }
  return true;
}

/** The sensitive terms in a text, each once, in the order they first appear. */
export function findSensitiveTerms(text: string | null | undefined): SensitiveTerm[] {
  if (!text) return [];
  const { clean, tokens } = tokenise(text);
  const out: SensitiveTerm[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < tokens.length; i++) {
    for (const p of PATTERNS) {
      if (seen.has(p.entry.term) || !matchesAt(tokens, i, p)) continue;
      seen.add(p.entry.term);
      out.push({ term: p.entry.term, category: p.entry.category, found: clean.slice(tokens[i]!.start, tokens[i + p.words.length - 1]!.end).normalize('NFC') });
    }
  }
  return out;
}

/** The plain-language advice for a category (B1 Dutch and English). */
export function adviceFor(category: SensitiveCategory): { nl: string; en: string } {
  return LEXICON.categories[category];
}

/**
 * Refuses free text that others will read when it holds a sensitive term: AppError
 * 'sensitive_term' (422) naming the word and how to say it differently, with `fields`
 * naming every field that holds one (field name → 'contains "word"'). Call it before
 * anything is written. Field names follow the request body ('goals.0.text').
 */
export function assertFreeText(fields: Record<string, string | undefined | null>): void {
  const hits: { field: string; term: SensitiveTerm }[] = [];
  for (const [field, text] of Object.entries(fields)) {
    const terms = findSensitiveTerms(text);
    if (terms[0]) hits.push({ field, term: terms.find((t) => t.category === 'self_harm') ?? terms[0] });
  }
  if (hits.length === 0) return;
  // Words about self-harm come first: their advice (talk to the lead today, 113) matters most.
  const first = hits.find((h) => h.term.category === 'self_harm') ?? hits[0]!;
  const advice = adviceFor(first.term.category);
  throw new AppError('sensitive_term', {
    nl: `"${first.term.found}" hoort niet in een tekst die anderen in het netwerk lezen. ${advice.nl}`,
    en: `"${first.term.found}" does not belong in a text others in the network read. ${advice.en}`,
    fields: Object.fromEntries(hits.map((h) => [h.field, `contains "${h.term.found}"`])),
  });
}

/** Names the texts of a list as body fields: ('goals', [{text}], 'text') → { 'goals.0.text': … }. */
export function listFields<T>(name: string, items: readonly T[], key: keyof T & string): Record<string, string | undefined | null> {
  return Object.fromEntries(items.map((item, i) => [`${name}.${i}.${key}`, item[key] as string | undefined | null]));
}
