/**
 * Calendar dates as caseworkers see them: local YYYY-MM-DD strings, weeks Monday to Sunday (ISO 8601).
 * Dates are compared as strings, which orders correctly in this format.
 */

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** The local calendar date of a moment, YYYY-MM-DD. */
export function localIsoDate(moment: Date): string {
  return `${pad(moment.getFullYear(), 4)}-${pad(moment.getMonth() + 1)}-${pad(moment.getDate())}`;
}

/** The date `days` days after (or before, when negative) a YYYY-MM-DD date. */
export function addDays(isoDate: string, days: number): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  // UTC arithmetic: no daylight-saving day can be 23 or 25 hours long here.
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return `${pad(t.getUTCFullYear(), 4)}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

/** The Sunday that ends the ISO week of a date (the date itself when it is a Sunday). */
export function endOfIsoWeek(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay(); // 0 = Sunday
  return addDays(isoDate, weekday === 0 ? 0 : 7 - weekday);
}
