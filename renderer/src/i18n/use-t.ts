import { useMemo } from 'react';
import { useLanguageStore } from './language-store';
import { makeTranslator } from './translate';
import type { Translate } from './translate';

/** The translator for the current language; components re-render when the language changes. */
export function useT(): Translate {
  const language = useLanguageStore((state) => state.language);
  return useMemo(() => makeTranslator(language), [language]);
}
