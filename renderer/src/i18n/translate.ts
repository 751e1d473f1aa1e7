import { en } from './en';
import { sv } from './sv';
import type { MessageKey } from './sv';
import type { Language } from './language-store';

export type { MessageKey };
export type MessageVars = Readonly<Record<string, string | number>>;
export type Translate = (key: MessageKey, vars?: MessageVars) => string;

export const dictionaries: Readonly<Record<Language, Readonly<Record<MessageKey, string>>>> = { sv, en };

const LOCALES: Readonly<Record<Language, string>> = { sv: 'sv-SE', en: 'en-GB' };

export function localeOf(language: Language): string {
  return LOCALES[language];
}

/** For keys built at run time (error codes, validation messages): true when the dictionary has it. */
export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(sv, key);
}

const translators = new Map<Language, Translate>();

/**
 * The translator of a language, made once: every component that translates asks for it when it
 * mounts, and a scrolling case list mounts dozens of rows a frame (a number format is costly to make).
 */
export function makeTranslator(language: Language): Translate {
  let translator = translators.get(language);
  if (translator === undefined) {
    translator = newTranslator(language);
    translators.set(language, translator);
  }
  return translator;
}

function newTranslator(language: Language): Translate {
  const dictionary = dictionaries[language];
  const numbers = new Intl.NumberFormat(localeOf(language));
  return (key, vars) => {
    const text = dictionary[key];
    if (!vars) return text;
    return text.replace(/\{(\w+)\}/g, (placeholder, name: string) => {
      const value = vars[name];
      if (value === undefined) return placeholder;
      return typeof value === 'number' ? numbers.format(value) : value;
    });
  };
}
