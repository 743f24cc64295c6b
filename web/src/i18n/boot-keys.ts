/**
 * The Dutch texts that come with the app itself: what the login page, the page frame and the
 * loading and error states show before anything else has loaded. vite.config.ts builds them from
 * nl.json into the module `virtual:rondom-boot-texts`; the rest of nl.json loads beside the first
 * page after login (i18n/index.ts). A key left out here still shows: the page waits for the rest.
 * A top-level name takes its whole group; a dotted key takes one text (with its plural forms, key_one/key_other).
 */
export const BOOT_KEYS = [
  'common', 'fieldError', 'layout', 'login', 'nav', 'notFound', 'pageError',
  'frontdoor.nav', 'signals.nav', 'consult.nav', 'supportTeam.nav',
  // The shared form (error summary) and date field of components/forms.tsx, which the login form uses.
  'frontdoor.errorSummary', 'dateField.hint',
] as const;

type Texts = { [key: string]: string | Texts };

/** The part of `texts` that BOOT_KEYS names. */
export function pickBootTexts(texts: Texts): Texts {
  const out: Texts = {};
  for (const key of BOOT_KEYS) {
    const [group, name] = key.split('.') as [string, string | undefined];
    const value = texts[group];
    if (value === undefined) continue;
    if (name === undefined) out[group] = value;
    else if (typeof value === 'object') {
      for (const [k, text] of Object.entries(value)) {
        if (k !== name && !k.startsWith(`${name}_`)) continue;
        const into = (out[group] ??= {}) as Texts;
        into[k] = text;
      }
    }
  }
  return out;
}
