import { fileURLToPath } from 'node:url';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReportExportInputSchema, ReportInputSchema, type Report, type ReportCell, type ReportExportFile, type ReportExportInput } from '../../core/contract';
import type { WorkerState } from '../../worker/worker-state';
import { foundationOps } from '../../app/foundation';
import { reportsOps } from '../../app/reports';
import { auditTail, failureOf, freshWorker, loginAs } from '../helpers/casework';
import { CANARY, seedReportDataset } from '../helpers/report-dataset';

let w: WorkerState;
let cleanup: () => void;
const TODAY = new Date('2025-02-01T12:00:00Z');
const YEAR_2024 = { period: { kind: 'year' as const, year: 2024 }, districtSlugs: [] as string[] };
let report: Report;
let labels: Record<string, string>;

beforeAll(async () => {
  ({ w, cleanup } = await freshWorker());
  await seedReportDataset(w);
  await foundationOps['settings:update'](w, { teamName: 'Team Skärholmen & Söder' });
  report = await reportsOps['reports:generate'](w, ReportInputSchema.parse(YEAR_2024) as Parameters<(typeof reportsOps)['reports:generate']>[1], TODAY);
  // What the renderer would send: a translated text for every label key of the report.
  labels = {};
  for (const t of report.tables) {
    labels[t.titleKey] = `Tabell ${t.id} – ärenden`;
    for (const c of t.columns) labels[c.labelKey] = `Kol ${c.key}`;
    for (const r of t.rows) if (r.labelKey) labels[r.labelKey] = `Rad ${r.key} åäö`;
  }
});
afterAll(() => cleanup());

async function exportAs(format: 'csv' | 'xlsx' | 'pdf', language: 'sv' | 'en' = 'sv'): Promise<{ file: ReportExportFile; bytes: Buffer }> {
  const input: ReportExportInput = { ...YEAR_2024, format, language, labels };
  const file = await reportsOps['reports:export'](w, ReportExportInputSchema.parse(input) as Parameters<(typeof reportsOps)['reports:export']>[1], TODAY);
  return { file, bytes: Buffer.from(file.base64, 'base64') };
}

const currentTables = () => report.tables.filter((t) => t.period === 'current');
const previousOf = (id: string) => report.tables.find((t) => t.period === 'previous' && t.id === id);

/** What a cell must read as in the CSV (Swedish: decimal comma). */
function csvText(cell: ReportCell | undefined): string {
  if (!cell) return '';
  if (cell.kind === 'count') return String(cell.value);
  if (cell.kind === 'suppressed') return `<${report.threshold}`;
  if (cell.value === null) return '–';
  const v = cell.unit === 'sek' ? Math.round(cell.value) : Math.round(cell.value * 10) / 10;
  return String(v).replace('.', ',');
}

/** Each table's expected body: for every row, label then current/previous per column. */
function expectedRows(id: string): string[][] {
  const cur = currentTables().find((t) => t.id === id);
  if (!cur) throw new Error(id);
  const prev = previousOf(id);
  return cur.rows.map((r) => {
    const pr = prev?.rows.find((x) => x.key === r.key);
    return [
      r.label ?? labels[r.labelKey ?? ''] ?? r.key,
      ...cur.columns.flatMap((c, i) => [csvText(r.cells[i]), csvText(pr?.cells[prev?.columns.findIndex((x) => x.key === c.key) ?? -1])]),
    ];
  });
}

describe('reports:export', () => {
  it('names the file after the team and the period', async () => {
    const { file } = await exportAs('csv');
    expect(file.fileName).toBe('rapport-team-skarholmen-soder-2024.csv');
    expect(file.mimeType).toMatch(/^text\/csv/);
    expect((await exportAs('xlsx')).file.fileName).toBe('rapport-team-skarholmen-soder-2024.xlsx');
    expect((await exportAs('pdf')).file.mimeType).toBe('application/pdf');
  });

  it("writes a CSV with a BOM and `;` whose figures are the report's", async () => {
    const { bytes } = await exportAs('csv');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    expect(text).not.toContain(CANARY);
    const lines = text.split('\r\n');
    expect(lines.some((l) => l.includes('Team Skärholmen & Söder'))).toBe(true);
    let suppressedSeen = false;
    for (const t of currentTables()) {
      const at = lines.indexOf(labels[t.titleKey] ?? '');
      expect(at, t.id).toBeGreaterThan(0);
      const header = (lines[at + 1] ?? '').split(';');
      expect(header).toHaveLength(1 + 2 * t.columns.length);
      const body = lines.slice(at + 2, at + 2 + t.rows.length).map((l) => l.split(';'));
      expect(body, t.id).toEqual(expectedRows(t.id));
      if (body.flat().includes(`<${report.threshold}`)) suppressedSeen = true;
    }
    expect(suppressedSeen).toBe(true);
    // A figure known from the dataset: 13 new cases in 2024, beside 2023's.
    const flow = expectedRows('cases_flow').find((r) => r[0] === labels['reports.col.new']);
    expect(flow?.[1]).toBe('13');
  });

  it('writes an XLSX with one sheet per table and numeric cells equal to the figures', async () => {
    const { bytes } = await exportAs('xlsx');
    const files = unzipSync(new Uint8Array(bytes));
    for (const part of ['[Content_Types].xml', '_rels/.rels', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml'])
      expect(files[part], part).toBeDefined();
    const sheets = Object.keys(files).filter((k) => /^xl\/worksheets\/sheet\d+\.xml$/.test(k));
    const tables = currentTables();
    expect(sheets).toHaveLength(tables.length + 1);
    const workbook = strFromU8(files['xl/workbook.xml'] ?? new Uint8Array());
    const names = [...workbook.matchAll(/<sheet name="([^"]*)"/g)].map((m) => m[1] ?? '');
    expect(new Set(names).size).toBe(names.length);
    for (const n of names) expect(n.length <= 31 && !/[[\]:*?/\\]/.test(n)).toBe(true);
    for (const k of Object.keys(files)) expect(strFromU8(files[k] ?? new Uint8Array())).not.toContain(CANARY);

    let numeric = 0;
    tables.forEach((t, ti) => {
      const xml = strFromU8(files[`xl/worksheets/sheet${ti + 2}.xml`] ?? new Uint8Array());
      const rows = [...xml.matchAll(/<row r="\d+">(.*?)<\/row>/g)].map((m) =>
        [...(m[1] ?? '').matchAll(/<c r="[A-Z]+\d+"[^>]*? t="(n|inlineStr)"[^>]*>(?:<v>([^<]*)<\/v>|<is><t[^>]*>([^<]*)<\/t><\/is>)<\/c>/g)].map((c) =>
          c[1] === 'n' ? Number(c[2]) : (c[3] ?? '').replace(/&lt;/g, '<').replace(/&amp;/g, '&'),
        ),
      );
      expect(rows).toHaveLength(t.rows.length + 1);
      const expected = expectedRows(t.id).map((r) => r.map((v, i) => (i > 0 && /^\d+(,\d+)?$/.test(v) ? Number(v.replace(',', '.')) : v)));
      expect(rows.slice(1), t.id).toEqual(expected);
      numeric += rows.flat().filter((v) => typeof v === 'number').length;
    });
    expect(numeric).toBeGreaterThan(10);
    expect(strFromU8(files['xl/worksheets/sheet2.xml'] ?? new Uint8Array())).toMatch(/<c r="B2"[^>]* t="n"><v>\d+<\/v><\/c>/);
  });

  it('writes a PDF whose text holds the table titles and figures', async () => {
    const { bytes } = await exportAs('pdf');
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const doc = await pdfjs.getDocument({
      data: new Uint8Array(bytes),
      isEvalSupported: false,
      useSystemFonts: false,
      disableFontFace: true,
      standardFontDataUrl: fileURLToPath(new URL('../../node_modules/pdfjs-dist/standard_fonts/', import.meta.url)),
    }).promise;
    const pages: string[][] = [];
    for (let p = 1; p <= doc.numPages; p++) {
      const content = await (await doc.getPage(p)).getTextContent();
      pages.push(content.items.map((i) => ('str' in i ? i.str : '')).filter((t) => t.trim() !== ''));
    }
    await doc.destroy();
    const items = pages.flat();
    const all = items.join('\n');
    expect(all).not.toContain(CANARY);
    expect(all).toContain('Team Skärholmen & Söder');
    expect(all).toContain('Föregående period: 2023-01-01 – 2023-12-31');
    for (const t of currentTables()) expect(items, t.id).toContain(labels[t.titleKey]);
    // The flow table's row for new cases: label, then 13 for 2024.
    const at = items.indexOf(labels['reports.col.new'] ?? '');
    expect(at).toBeGreaterThan(0);
    expect(items[at + 1]).toBe('13');
    expect(items).toContain(`<${report.threshold}`);
    expect(all).toMatch(/Antal under 5 visas som "<5"/);
  });

  it('names the audit chain head at export time, its own export row included', async () => {
    for (const format of ['csv', 'pdf'] as const) {
      const { bytes } = await exportAs(format);
      const [row] = await auditTail(w, 1);
      expect(row).toMatchObject({ action: 'export', entity: 'report', entity_id: format });
      const line = `Loggkedjans senaste rad vid exporten: sekvensnummer ${row?.seq}, hash ${row?.hash}`;
      // In the CSV the line holds a comma, so it is quoted.
      if (format === 'csv') expect(bytes.toString('utf8').split('\r\n')).toContain(`"${line}"`);
      else {
        const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
        const doc = await pdfjs.getDocument({
          data: new Uint8Array(bytes),
          isEvalSupported: false,
          useSystemFonts: false,
          disableFontFace: true,
          standardFontDataUrl: fileURLToPath(new URL('../../node_modules/pdfjs-dist/standard_fonts/', import.meta.url)),
        }).promise;
        const content = await (await doc.getPage(1)).getTextContent();
        const text = content.items.map((i) => ('str' in i ? i.str : '')).join(' ');
        await doc.destroy();
        expect(text).toContain(line);
      }
    }
    const xlsx = unzipSync(new Uint8Array((await exportAs('xlsx')).bytes));
    const [row] = await auditTail(w, 1);
    expect(strFromU8(xlsx['xl/worksheets/sheet1.xml'] ?? new Uint8Array())).toContain(`sekvensnummer ${row?.seq}, hash ${row?.hash}`);
  });

  it('audits one export row with the format and no content, and refuses a caseworker', async () => {
    await exportAs('xlsx');
    const [row] = await auditTail(w, 1);
    expect(row).toMatchObject({ action: 'export', entity: 'report', entity_id: 'xlsx' });
    await loginAs(w, 'kim');
    expect((await failureOf(exportAs('csv'))).code).toBe('forbidden');
    await loginAs(w, 'admin');
  });

  it('writes English fixed texts when asked', async () => {
    const text = (await exportAs('csv', 'en')).bytes.toString('utf8');
    expect(text).toContain('Previous period: 2023-01-01 – 2023-12-31');
  });
});
