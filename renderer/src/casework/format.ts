import { localIsoDate } from '../../../core/rules/calendar';
import type { Language } from '../i18n/language-store';
import { dateFormat } from '../i18n/format';

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

/** Today on this computer, YYYY-MM-DD. */
export function today(): string {
  return localIsoDate(new Date());
}

/** An empty box is "no year"; anything else must be a whole number (the schema says so if not). */
export function parseYear(text: string): number | null {
  const trimmed = text.trim();
  return trimmed === '' ? null : Number(trimmed);
}

export function yearText(year: number | null): string {
  return year === null ? '' : String(year);
}
