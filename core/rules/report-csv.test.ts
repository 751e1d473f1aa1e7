import { describe, expect, it } from 'vitest';
import type { Report } from '../contract/reports';
import { reportCsv } from './report-csv';
import { exportDocument, exportFileName, slugify } from './report-export';

const report: Report = {
  period: { kind: 'quarter', from: '2026-01-01', to: '2026-03-31', previousFrom: '2025-10-01', previousTo: '2025-12-31' },
  districtSlugs: [],
  threshold: 5,
  generatedOn: '2026-04-02',
  tables: [
    {
      id: 't',
      period: 'current',
      titleKey: 'title.t',
      columns: [
        { key: 'a', labelKey: 'col.a' },
        { key: 'b', labelKey: 'col.b' },
      ],
      rows: [
        { key: 'r1', labelKey: 'row.r1', cells: [{ kind: 'count', value: 12 }, { kind: 'suppressed' }] },
        {
          key: 'r2',
          label: '=Södertälje; "x"',
          cells: [
            { kind: 'measure', value: 20.46, unit: 'days' },
            { kind: 'measure', value: null, unit: 'sek' },
          ],
        },
      ],
    },
    {
      id: 't',
      period: 'previous',
      titleKey: 'title.t',
      columns: [
        { key: 'a', labelKey: 'col.a' },
        { key: 'b', labelKey: 'col.b' },
      ],
      rows: [
        {
          key: 'r1',
          cells: [
            { kind: 'count', value: 7 },
            { kind: 'measure', value: 1234.6, unit: 'sek' },
          ],
        },
      ],
    },
  ],
};

describe('reportCsv', () => {
  const labels = { 'title.t': 'Tabell T', 'col.a': 'Antal', 'row.r1': 'Första' };
  it('writes a section per table with current and previous side by side', () => {
    const csv = reportCsv(exportDocument(report, { labels, language: 'sv', teamName: 'Söder' }), 'sv');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    const at = lines.indexOf('Tabell T');
    expect(lines[at + 1]).toBe('Rad;Antal (aktuell);Antal (föregående);col.b (aktuell);col.b (föregående)');
    expect(lines[at + 2]).toBe('Första;12;7;<5;1235');
    expect(lines[at + 3]).toBe(`"'=Södertälje; ""x""";20,5;;–;`);
    expect(csv).toContain('Team: Söder');
  });
  it('uses a decimal point in English', () => {
    const csv = reportCsv(exportDocument(report, { labels, language: 'en', teamName: 'Söder' }), 'en');
    expect(csv).toContain(';20.5;');
    expect(csv).toContain('Previous period: 2025-10-01 – 2025-12-31');
  });
});

describe('file names', () => {
  it('slugs the team name in ASCII', () => {
    expect(slugify('Relationsvåldsteamet Östra Söder')).toBe('relationsvaldsteamet-ostra-soder');
    expect(slugify('!!!')).toBe('team');
    expect(exportFileName('Team Å', { kind: 'tertial', year: 2026, index: 2 }, 'pdf')).toBe('rapport-team-a-2026-T2.pdf');
    expect(exportFileName('x', { kind: 'quarter', year: 2026, index: 1 }, 'csv')).toBe('rapport-x-2026-Q1.csv');
    expect(exportFileName('x', { kind: 'year', year: 2026 }, 'xlsx')).toBe('rapport-x-2026.xlsx');
    expect(exportFileName('x', { kind: 'custom', from: '2026-01-01', to: '2026-03-31' }, 'csv')).toBe('rapport-x-2026-01-01_2026-03-31.csv');
  });
});
