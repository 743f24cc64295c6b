/**
 * The shared plan holds goals, actions and who does them — never diagnoses or
 * reports (privacy principle of the sources). A short list of diagnostic terms
 * catches the obvious slips; the message tells where such content belongs.
 */
const DIAGNOSTIC_TERMS = [
  'adhd', 'autisme', 'autism', 'pdd-nos', 'ptss', 'ptsd', 'depressie', 'depression', 'angststoornis', 'anxiety disorder',
  'dyslexie', 'dyslexia', 'dyscalculie', 'borderline', 'bipolair', 'bipolar', 'schizofrenie', 'psychose', 'psychosis',
  'hechtingsstoornis', 'eetstoornis', 'anorexia', 'boulimia', 'diagnose', 'diagnosis', 'iq', 'dsm', 'medicatie', 'medication',
  'ritalin', 'methylfenidaat',
];

/** The first diagnostic term in a text, if any (whole words only). */
export function findDiagnosticTerm(text: string): string | null {
  const words = text.toLowerCase().split(/[^a-zà-ÿ0-9-]+/);
  return DIAGNOSTIC_TERMS.find((t) => words.includes(t)) ?? null;
}
