import type { Language } from '../i18n/language-store';
import { localeOf } from '../i18n/translate';

/** Kronor, with öre only when there are any. */
export function formatMoney(amount: number, language: Language): string {
  return new Intl.NumberFormat(localeOf(language), { style: 'currency', currency: 'SEK', minimumFractionDigits: 0, maximumFractionDigits: 2 }).format(amount);
}

/** Kilometres with one decimal, as the check computes them. */
export function formatKm(km: number, language: Language): string {
  return new Intl.NumberFormat(localeOf(language), { minimumFractionDigits: 0, maximumFractionDigits: 1 }).format(km);
}

/** An amount as typed: spaces allowed, comma or point for öre. Empty is null; anything else unreadable is NaN. */
export function parseAmount(typed: string): number | null {
  const compact = typed.replace(/[\s\u00a0]/g, '').replace(',', '.');
  if (compact === '') return null;
  return /^\d+(\.\d{1,2})?$/.test(compact) ? Number(compact) : Number.NaN;
}

/** A whole number as typed; empty or unreadable is NaN, so the schema's message applies. */
export function parseWhole(typed: string): number {
  const compact = typed.trim();
  return /^\d+$/.test(compact) ? Number(compact) : Number.NaN;
}

/** An optional date: empty is null. */
export function optionalDate(typed: string): string | null {
  const trimmed = typed.trim();
  return trimmed === '' ? null : trimmed;
}
