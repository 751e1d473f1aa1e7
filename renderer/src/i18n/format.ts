import { localeOf } from './translate';
import type { Language } from './language-store';

const DATE_STYLES = { date: { dateStyle: 'medium' }, moment: { dateStyle: 'medium', timeStyle: 'short' } } as const;
const dateFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * The date format of a language and style, made once: making one costs far more than formatting,
 * and a scrolling case list formats a few hundred dates a second.
 */
export function dateFormat(language: Language, style: keyof typeof DATE_STYLES): Intl.DateTimeFormat {
  const key = `${language} ${style}`;
  let format = dateFormats.get(key);
  if (format === undefined) {
    format = new Intl.DateTimeFormat(localeOf(language), DATE_STYLES[style]);
    dateFormats.set(key, format);
  }
  return format;
}

/** A date from the API (ISO 8601) as the user's locale writes it; unreadable input is shown as given. */
export function formatDate(iso: string, language: Language): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return dateFormat(language, 'date').format(date);
}

/** A countdown such as 1:05, written the same in both languages. */
export function formatSeconds(totalSeconds: number): string {
  const minutes = Math.floor(totalSeconds / 60);
  const seconds = totalSeconds % 60;
  return `${minutes}:${String(seconds).padStart(2, '0')}`;
}
