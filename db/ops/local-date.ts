/** The calendar date on this computer, YYYY-MM-DD: caseworkers mean their own day, not UTC's. */
export function localIsoDate(at: Date = new Date()): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}
