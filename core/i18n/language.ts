/** The languages Fristad speaks: Swedish first (the default), English second. */
export const LANGUAGES = ['sv', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const LOCALES: Readonly<Record<Language, string>> = { sv: 'sv-SE', en: 'en-GB' };

/** The BCP 47 locale a language formats numbers, dates and plurals with. */
export function localeOf(language: Language): string {
  return LOCALES[language];
}
