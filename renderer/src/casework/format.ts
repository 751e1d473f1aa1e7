/** An empty box is "no year"; anything else must be a whole number (the schema says so if not). */
export function parseYear(text: string): number | null {
  const trimmed = text.trim();
  return trimmed === '' ? null : Number(trimmed);
}

export function yearText(year: number | null): string {
  return year === null ? '' : String(year);
}
