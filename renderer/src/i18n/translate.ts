import { formatMessage, localeOf, type Message, type MessageVars } from '../../../core/i18n';
import { en } from './en';
import { sv } from './sv';
import type { MessageKey } from './sv';
import type { Language } from './language-store';

export type { MessageKey, MessageVars };
export { localeOf };
export type Translate = (key: MessageKey, vars?: MessageVars) => string;

export const dictionaries: Readonly<Record<Language, Readonly<Record<MessageKey, Message>>>> = { sv, en };

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
  return (key, vars) => formatMessage(language, dictionary[key], vars);
}
