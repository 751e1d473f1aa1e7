import { create } from 'zustand';
import { LANGUAGES, type Language } from '../../../core/i18n';

export { LANGUAGES, type Language };

const STORAGE_KEY = 'fristad.language';

function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

function storedLanguage(): Language {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return isLanguage(value) ? value : 'sv';
  } catch {
    return 'sv';
  }
}

interface LanguageState {
  language: Language;
  setLanguage: (language: Language) => void;
}

/** The UI language: a preference of the computer, so it survives locking (unlike session state). */
export const useLanguageStore = create<LanguageState>()((set) => ({
  language: storedLanguage(),
  setLanguage: (language) => {
    try {
      window.localStorage.setItem(STORAGE_KEY, language);
    } catch {
      // Without storage the choice still holds until Fristad is closed.
    }
    set({ language });
  },
}));

export { isLanguage };
