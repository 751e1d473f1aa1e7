import type { ExportDocument, ExportLanguage, ExportValue } from './report-export';

/**
 * A report as one CSV file for Excel: UTF-8 with a BOM, `;` between fields, CRLF line ends.
 * Layout: the title and meta lines, then one section per table (title line, header line, rows,
 * an empty line), then the footnote. Each table column appears twice: current, then previous
 * period. Suppressed counts are the text "<threshold"; measures are rounded, with a decimal comma
 * in Swedish. Texts that Excel would read as a formula get a leading apostrophe.
 */
export const CSV_BOM = '\uFEFF';

function field(text: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[;"\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function value(v: ExportValue, lang: ExportLanguage): string {
  if (typeof v === 'number') return lang === 'sv' ? String(v).replace('.', ',') : String(v);
  return field(v);
}

export function reportCsv(doc: ExportDocument, lang: ExportLanguage): string {
  const lines: string[] = [field(doc.title), ...doc.meta.map(field), ''];
  for (const s of doc.sections) {
    lines.push(field(s.title));
    lines.push(s.header.map(field).join(';'));
    for (const r of s.rows) lines.push([field(r.label), ...r.values.map((v) => value(v, lang))].join(';'));
    lines.push('');
  }
  lines.push(field(doc.footnote));
  return CSV_BOM + lines.join('\r\n') + '\r\n';
}
