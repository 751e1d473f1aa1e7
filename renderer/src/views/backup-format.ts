import type { Language } from '../i18n/language-store';
import { localeOf } from '../i18n/translate';

/** A date and time in the user's language, medium date and short time. */
export function formatDateTime(iso: string, language: Language): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(localeOf(language), { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** A file size in megabytes with one decimal. */
export function formatSize(bytes: number, language: Language): string {
  const megabytes = bytes / (1024 * 1024);
  return `${new Intl.NumberFormat(localeOf(language), { maximumFractionDigits: 1, minimumFractionDigits: 1 }).format(megabytes)} MB`;
}
