/**
 * Dutch first, English as a switch. The chosen language is kept in localStorage
 * and mirrored on <html lang> so screen readers pronounce the text correctly.
 */
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import nl from './nl.json' with { type: 'json' };
import en from './en.json' with { type: 'json' };
import nlSelf from './nl-self.json' with { type: 'json' };

export const LANGUAGES = ['nl', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'rondom.lang';

function initialLanguage(): Language {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    if (stored === 'nl' || stored === 'en') return stored;
  } catch {
    // Storage may be blocked; Dutch is the default.
  }
  return 'nl';
}

/**
 * The namespace for a young person: the Dutch texts they read, addressed as "je/jij" where the
 * family's texts say "u" (English "you" is the same). Screens below the layout use it for a young
 * person; a key it does not have comes from the usual texts.
 */
export const SELF_NS = 'self';

type Texts = { [key: string]: string | Texts };

/**
 * The same keys with the English texts: i18next looks in every language of a namespace before the
 * next namespace, so without them an English young person would get the Dutch je/jij text.
 */
function sameKeys(shape: Texts, from: Texts): Texts {
  const out: Texts = {};
  for (const [k, v] of Object.entries(shape)) {
    const there = from[k];
    if (typeof v === 'string' && typeof there === 'string') out[k] = there;
    else if (typeof v === 'object' && typeof there === 'object') out[k] = sameKeys(v, there);
  }
  return out;
}

void i18n.use(initReactI18next).init({
  resources: { nl: { translation: nl, [SELF_NS]: nlSelf }, en: { translation: en, [SELF_NS]: sameKeys(nlSelf, en) } },
  defaultNS: 'translation',
  fallbackNS: 'translation',
  lng: initialLanguage(),
  fallbackLng: 'nl',
  interpolation: { escapeValue: false },
  returnNull: false,
});

function applyLanguage(lng: string): void {
  document.documentElement.lang = lng;
  try {
    window.localStorage.setItem(STORAGE_KEY, lng);
  } catch {
    // ignore
  }
}
applyLanguage(i18n.language);
i18n.on('languageChanged', applyLanguage);

export default i18n;
