import type { Language } from '../i18n/language';
/**
 * The one CSV writer of every file Fristad writes (reports, log review exports, a case's log
 * extract): UTF-8 with a BOM, `;` between fields, CRLF line ends, for Excel.
 *
 * Free text in these files (reveal reasons, review comments, names) must never run as a formula,
 * whatever separator the program that opens the file assumes: Excel in Sweden splits on `;`, in
 * other locales on `,`, and a reader that splits on `,` starts a new cell in the middle of a
 * quoted field. So a text field is quoted when it holds `;`, `,`, `"`, a tab or a line break, and
 * every place where some reader could start a cell (the field's start, and after each `;`, `,`,
 * tab or line break in it) gets an apostrophe when what follows, past blanks and quotes, begins
 * with `=`, `+`, `-` or `@` (or their full-width forms), or when it begins with a tab or carriage
 * return. Numbers written as numbers are not text and are written as they are.
 */
export const CSV_BOM = '\uFEFF';
export const CSV_SEPARATOR = ';';

// A place where a reader may start a cell: the start, or just after a separator or line break.
// What follows it, past blanks and quotes, must not begin a formula.
const CELL_START_FORMULA = /(^|[;,\t\r\n])(?=[\s"]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20])/g;
const LEADING_CONTROL = /^[\t\r]/;
const NEEDS_QUOTES = /[;,"\t\r\n]/;

/** One text field, neutralised against formulas and quoted when it must be. */
export function csvText(text: string): string {
  let safe = text.replace(CELL_START_FORMULA, "$1'");
  if (LEADING_CONTROL.test(safe)) safe = `'${safe}`;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A number as a number: a decimal comma in Swedish, a point in English; never quoted or prefixed. */
export function csvNumber(value: number, language: Language): string {
  return language === 'sv' ? String(value).replace('.', ',') : String(value);
}

/** A whole file from its lines, each line its fields already written by csvText or csvNumber. */
export function csvFile(lines: readonly (readonly string[])[]): string {
  return CSV_BOM + lines.map((fields) => fields.join(CSV_SEPARATOR)).join('\r\n') + '\r\n';
}
