/**
 * Dutch first, English as a switch. The chosen language is kept in localStorage
 * and mirrored on <html lang> so screen readers pronounce the text correctly.
 * The app comes with the Dutch texts of its first screen (boot-keys.ts); the rest of Dutch
 * loads at once beside it, and English only when someone chooses it (a phone on a slow
 * connection does not wait for texts of screens it does not show yet, nor for a language
 * nobody reads). Screens after login wait for `allTexts` (App.tsx).
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

/** Loads a language other than Dutch when i18next first needs it (changeLanguage waits for it). */
const lazyLanguages: BackendModule = {
  type: 'backend',
  init: () => undefined,
  read: (language, _namespace, callback) => {
    if (language !== 'en') {
      callback(null, {});
      return;
    }
    import('./en.json').then((m) => callback(null, m.default), (err: Error) => callback(err, null));
  },
};

/** Resolves when the first language's texts are there (at once for Dutch). */
export const i18nReady: Promise<unknown> = i18n.use(lazyLanguages).use(initReactI18next).init({
  resources: { nl: { translation: bootTexts } },
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
export const allTexts: Promise<void> = import('./nl.json').then((m) => {
  i18n.addResourceBundle('nl', 'translation', m.default, true, true);
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
