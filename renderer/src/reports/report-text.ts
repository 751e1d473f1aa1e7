import type { Report, ReportCell, ReportRow, ReportTable } from '../../../core/contract';
import { useMemo } from 'react';
import { useLanguageStore } from '../i18n/language-store';
import { isMessageKey, localeOf } from '../i18n/translate';
import type { Translate } from '../i18n/translate';

/** The text of a key the API sent (a table title, column or row label); the key itself when unknown. */
export function labelText(t: Translate, key: string): string {
  return isMessageKey(key) ? t(key) : key;
}

export function rowText(t: Translate, row: ReportRow): string {
  if (row.labelKey !== undefined) return labelText(t, row.labelKey);
  return row.label ?? row.key;
}

/** Every label key a report uses (titles, columns, rows), each once, in order of appearance. */
export function reportLabelKeys(report: Report): string[] {
  const keys = new Set<string>();
  for (const table of report.tables) {
    keys.add(table.titleKey);
    for (const column of table.columns) keys.add(column.labelKey);
    for (const row of table.rows) if (row.labelKey !== undefined) keys.add(row.labelKey);
  }
  return [...keys];
}

/** The fixed texts of a report's layout, sent with the label keys to the export. */
export const REPORT_TEXT_KEYS = [
  'reports.title',
  'reports.period',
  'reports.previous_period',
  'reports.current',
  'reports.previous',
  'reports.footnote_suppressed',
  'reports.footnote_measure',
  'reports.scope_team',
  'reports.team',
  'reports.scope',
  'reports.generated_on',
] as const;

/** A cell as printed: a count, "<threshold", a measure with its unit, or "–" when not shown. */
export function cellText(t: Translate, cell: ReportCell | undefined, threshold: number, formatNumber: (value: number) => string): string {
  if (!cell) return '';
  switch (cell.kind) {
    case 'count':
      return formatNumber(cell.value);
    case 'suppressed':
      return `<${threshold}`;
    case 'measure':
      if (cell.value === null) return '–';
      return cell.unit === 'days' ? t('reports.unit_days', { value: cell.value }) : t('reports.unit_sek', { value: cell.value });
  }
}

/** The numeric value of a cell for a chart, or null when hidden. */
export function cellValue(cell: ReportCell | undefined): number | null {
  if (!cell) return null;
  if (cell.kind === 'suppressed') return null;
  return cell.value;
}

export function findTable(report: Report, id: string, period: 'current' | 'previous'): ReportTable | undefined {
  return report.tables.find((table) => table.id === id && table.period === period);
}

export function cellAt(table: ReportTable | undefined, rowKey: string, columnKey: string): ReportCell | undefined {
  if (!table) return undefined;
  const index = table.columns.findIndex((column) => column.key === columnKey);
  const row = table.rows.find((r) => r.key === rowKey);
  return index < 0 || !row ? undefined : row.cells[index];
}

/** Formats numbers for the current language (a thin space or comma between thousands). */
export function useNumberFormat(): (value: number) => string {
  const language = useLanguageStore((state) => state.language);
  return useMemo(() => {
    const format = new Intl.NumberFormat(localeOf(language));
    return (value: number) => format.format(value);
  }, [language]);
}
