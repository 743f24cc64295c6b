/**
 * Dutch first, English as a switch. The chosen language is kept in localStorage
 * and mirrored on <html lang> so screen readers pronounce the text correctly.
 * Dutch comes with the app; English is its own file, loaded only when someone chooses it
 * (a phone on a slow connection does not download a language nobody reads).
 */
import i18n, { type BackendModule } from 'i18next';
import { initReactI18next } from 'react-i18next';
import nl from './nl.json' with { type: 'json' };

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
  resources: { nl: { translation: nl } },
  // Dutch is bundled, English comes from the backend above.
  partialBundledLanguages: true,
  lng: initialLanguage(),
  fallbackLng: 'nl',
  supportedLngs: [...LANGUAGES],
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
