/**
 * Dutch first, English as a switch. The chosen language is kept in localStorage
 * and mirrored on <html lang> so screen readers pronounce the text correctly.
 * The app comes with the Dutch texts of its first screen (boot-keys.ts); the rest of Dutch
 * loads at once beside it, and English only when someone chooses it (a phone on a slow
 * connection does not wait for texts of screens it does not show yet, nor for a language
 * nobody reads). Screens after login wait for `allTexts` (App.tsx), which also brings the
 * young person's je/jij texts (`SELF_NS`).
 */
import i18n, { type BackendModule } from 'i18next';
import { initReactI18next } from 'react-i18next';
import bootTexts from 'virtual:rondom-boot-texts';

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

/** Loads a language other than Dutch when i18next first needs it (changeLanguage waits for it). */
const lazyLanguages: BackendModule = {
  type: 'backend',
  init: () => undefined,
  read: (language, namespace, callback) => {
    if (language !== 'en') {
      callback(null, {});
      return;
    }
    const en = import('./en.json').then((m) => m.default as Texts);
    const texts = namespace === SELF_NS
      ? Promise.all([import('./nl-self.json').then((m) => m.default as Texts), en]).then(([self, all]) => sameKeys(self, all))
      : en;
    texts.then((t) => callback(null, t), (err: Error) => callback(err, null));
  },
};

/** Resolves when the first language's texts are there (at once for Dutch). */
export const i18nReady: Promise<unknown> = i18n.use(lazyLanguages).use(initReactI18next).init({
  resources: { nl: { translation: bootTexts } },
  ns: ['translation', SELF_NS],
  defaultNS: 'translation',
  fallbackNS: 'translation',
  // Dutch's first texts are bundled, English comes from the backend above.
  partialBundledLanguages: true,
  // Screens already shown render again when the rest of the Dutch texts arrives.
  react: { bindI18nStore: 'added' },
  // Dutch is there already: no timer before the first render.
  initAsync: false,
  lng: initialLanguage(),
  fallbackLng: 'nl',
  supportedLngs: [...LANGUAGES],
  interpolation: { escapeValue: false },
  returnNull: false,
});

/** Resolves when all Dutch texts are there (the fallback of every language). */
export const allTexts: Promise<void> = Promise.all([import('./nl.json'), import('./nl-self.json')]).then(([all, self]) => {
  i18n.addResourceBundle('nl', 'translation', all.default, true, true);
  i18n.addResourceBundle('nl', SELF_NS, self.default, true, true);
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
