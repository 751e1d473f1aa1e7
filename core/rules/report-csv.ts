import { csvFile, csvNumber, csvText } from './csv';
import type { ExportDocument, ExportLanguage, ExportValue } from './export-document';

/**
 * A report, a log review export or a case's log extract as one CSV file (core/rules/csv.ts: the
 * BOM, separator, quoting and formula guard). Layout: the title and meta lines, then one section
 * per table (title line, header line, rows, an empty line), then the footnote. In a report each
 * table column appears twice: current, then previous period. Suppressed counts are the text
 * "<threshold"; measures are rounded, with a decimal comma in Swedish.
 */

function value(v: ExportValue, lang: ExportLanguage): string {
  return typeof v === 'number' ? csvNumber(v, lang) : csvText(v);
}

export function reportCsv(doc: ExportDocument, lang: ExportLanguage): string {
  const lines: string[][] = [[csvText(doc.title)], ...doc.meta.map((m) => [csvText(m)]), []];
  for (const s of doc.sections) {
    lines.push([csvText(s.title)]);
    lines.push(s.header.map(csvText));
    for (const r of s.rows) lines.push([csvText(r.label), ...r.values.map((v) => value(v, lang))]);
    lines.push([]);
  }
  lines.push([csvText(doc.footnote)]);
  return csvFile(lines);
}
