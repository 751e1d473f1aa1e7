import { localIsoDate } from '../../../core/rules/calendar';
import { dateFormat } from '../i18n/format';
import type { Language } from '../i18n/language-store';
import { localeOf } from '../i18n/translate';

/** A calendar date YYYY-MM-DD as the user's language writes it; read as a local day, so no time zone moves it. */
export function formatDay(isoDate: string, language: Language): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) return isoDate;
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return dateFormat(language, 'date').format(date);
}

/** A moment from the API (ISO 8601) with date and time. */
export function formatMoment(iso: string, language: Language): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return dateFormat(language, 'moment').format(date);
}

/** Today on this computer, YYYY-MM-DD: the default of every date a caseworker records. */
export function today(): string {
  return localIsoDate(new Date());
}

/** A file size in megabytes with one decimal (backups). */
export function formatMegabytes(bytes: number, language: Language): string {
  return `${new Intl.NumberFormat(localeOf(language), { maximumFractionDigits: 1, minimumFractionDigits: 1 }).format(bytes / (1024 * 1024))} MB`;
}
