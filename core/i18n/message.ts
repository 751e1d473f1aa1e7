import { localeOf, type Language } from './language';

/**
 * A text that depends on a count: Intl.PluralRules picks the form by the number in `by` (the
 * `count` placeholder unless named), so "1 ärende" and "2 ärenden" come from one entry.
 */
export interface PluralText {
  readonly by?: string;
  readonly one: string;
  readonly other: string;
}

/** A catalogue entry: a text with {placeholders}, or its plural forms. */
export type Message = string | PluralText;
export type MessageVars = Readonly<Record<string, string | number>>;

const pluralRules = new Map<Language, Intl.PluralRules>();
const numberFormats = new Map<Language, Intl.NumberFormat>();

function rulesOf(language: Language): Intl.PluralRules {
  let rules = pluralRules.get(language);
  if (rules === undefined) {
    rules = new Intl.PluralRules(localeOf(language));
    pluralRules.set(language, rules);
  }
  return rules;
}

function numbersOf(language: Language): Intl.NumberFormat {
  let format = numberFormats.get(language);
  if (format === undefined) {
    format = new Intl.NumberFormat(localeOf(language));
    numberFormats.set(language, format);
  }
  return format;
}

/** The form of a message for these values: the plural form its count selects (one or other). */
export function pluralForm(language: Language, message: Message, vars?: MessageVars): string {
  if (typeof message === 'string') return message;
  const count = vars?.[message.by ?? 'count'];
  return typeof count === 'number' && rulesOf(language).select(count) === 'one' ? message.one : message.other;
}

/** A message in a language with its {placeholders} filled: numbers in the language's format. */
export function formatMessage(language: Language, message: Message, vars?: MessageVars): string {
  const text = pluralForm(language, message, vars);
  if (!vars) return text;
  const numbers = numbersOf(language);
  return text.replace(/\{(\w+)\}/g, (placeholder, name: string) => {
    const value = vars[name];
    if (value === undefined) return placeholder;
    return typeof value === 'number' ? numbers.format(value) : value;
  });
}
