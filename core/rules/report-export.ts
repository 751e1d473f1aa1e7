import type { ChainHead } from '../contract/audit-review';
import type { Report, ReportCell, ReportTable } from '../contract/reports';
import { chainHeadLine } from './audit-export';
import type { ExportDocument, ExportLanguage, ExportSection, ExportValue } from './export-document';
import { REPORT_FILE_TEXTS } from '../i18n/export-texts';

/**
 * The file-neutral layout of an exported report, shared by the CSV, XLSX and PDF renderers.
 *
 * Each table id becomes one section. Every column of the table becomes two columns side by side:
 * the current period's figure, then the previous period's (header "<column> (current)" /
 * "<column> (previous)"). Rows follow the current table; a previous-period row is matched by its
 * key. Labels are the translated texts the renderer sent (key → text); a key without a text is
 * shown as the key itself. The fixed texts of the file (title, period lines, footnote) are here.
 */

const TEXTS = REPORT_FILE_TEXTS;

/** A measure, rounded: days to one decimal, kronor to whole kronor. */
export function roundMeasure(value: number, unit: 'days' | 'sek'): number {
  return unit === 'sek' ? Math.round(value) : Math.round(value * 10) / 10;
}

/** One cell as a file value. */
export function exportValue(cell: ReportCell | undefined, threshold: number): ExportValue {
  if (!cell) return '';
  if (cell.kind === 'count') return cell.value;
  if (cell.kind === 'suppressed') return `<${threshold}`;
  return cell.value === null ? '–' : roundMeasure(cell.value, cell.unit);
}

function labelOf(labels: Readonly<Record<string, string>>, key: string | undefined, fallback: string): string {
  if (key === undefined) return fallback;
  return Object.prototype.hasOwnProperty.call(labels, key) ? (labels[key] ?? key) : key;
}

function section(
  current: ReportTable,
  previous: ReportTable | undefined,
  labels: Readonly<Record<string, string>>,
  threshold: number,
  lang: ExportLanguage,
): ExportSection {
  const t = TEXTS[lang];
  const header: string[] = [t.row];
  for (const c of current.columns) {
    const name = labelOf(labels, c.labelKey, c.key);
    header.push(`${name} (${t.current})`, `${name} (${t.previousShort})`);
  }
  const rows = current.rows.map((r) => {
    const prevRow = previous?.rows.find((p) => p.key === r.key);
    const values: ExportValue[] = [];
    current.columns.forEach((c, i) => {
      const pi = previous ? previous.columns.findIndex((p) => p.key === c.key) : -1;
      values.push(exportValue(r.cells[i], threshold), exportValue(pi >= 0 ? prevRow?.cells[pi] : undefined, threshold));
    });
    return { label: r.label ?? labelOf(labels, r.labelKey, r.key), total: r.total === true, values };
  });
  return { id: current.id, title: labelOf(labels, current.titleKey, current.id), header, rows };
}

/** The layout of a report for a file. */
export function exportDocument(
  report: Report,
  opts: { labels: Readonly<Record<string, string>>; language: ExportLanguage; teamName: string; chainHead?: ChainHead | null },
): ExportDocument {
  const t = TEXTS[opts.language];
  const sections = report.tables
    .filter((x) => x.period === 'current')
    .map((cur) =>
      section(
        cur,
        report.tables.find((x) => x.period === 'previous' && x.id === cur.id),
        opts.labels,
        report.threshold,
        opts.language,
      ),
    );
  return {
    title: t.title,
    meta: [
      `${t.team}: ${opts.teamName}`,
      `${t.period}: ${report.period.from} – ${report.period.to}`,
      `${t.previous}: ${report.period.previousFrom} – ${report.period.previousTo}`,
      `${t.districts}: ${report.districtSlugs.length === 0 ? t.allDistricts : report.districtSlugs.join(', ')}`,
      `${t.generated}: ${report.generatedOn}`,
      // The audit chain head at export time: the file proves how far the log reached then.
      ...(opts.chainHead === undefined ? [] : [chainHeadLine(opts.language, opts.chainHead)]),
    ],
    sections,
    footnote: t.footnote(report.threshold),
  };
}

/** ASCII slug of a team name: å→a, ö→o, spaces → "-"; "team" when nothing is left. */
export function slugify(text: string): string {
  const s = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .replace(/[æÆ]/g, 'ae')
    .replace(/[øØ]/g, 'o')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/g, '');
  return s === '' ? 'team' : s;
}

/** The period part of a file name: 2026, 2026-T2, 2026-Q1 or 2026-01-01_2026-03-31. */
export function periodSlug(p: { kind: 'year' | 'tertial' | 'quarter' | 'custom'; year?: number; index?: number; from?: string; to?: string }): string {
  if (p.kind === 'year') return String(p.year);
  if (p.kind === 'tertial') return `${p.year}-T${p.index}`;
  if (p.kind === 'quarter') return `${p.year}-Q${p.index}`;
  return `${p.from}_${p.to}`;
}

export const EXPORT_MIME = {
  csv: 'text/csv;charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
} as const;

/** rapport-<team-slug>-<period>.<ext> */
export function exportFileName(teamName: string, period: Parameters<typeof periodSlug>[0], format: keyof typeof EXPORT_MIME): string {
  return `rapport-${slugify(teamName)}-${periodSlug(period)}.${format}`;
}
