import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditFile, AuditPage, CaseDetail, Report } from '../../core/contract';
import { csvNumber, csvText } from '../../core/rules/csv';
import type { Runtime } from '../../electron/api/types';
import { caseInput } from '../helpers/casework';
import { ok, testRuntime } from '../helpers/runtime';
import { ADMIN } from '../helpers/temp';

/**
 * A small RFC 4180 reader: a field that begins with a quote runs to the closing quote (`""` is
 * one quote, characters after the closing quote are kept), other fields run to the separator or
 * the line end. Spreadsheet programs read files this way with whatever separator they assume.
 */
function parseCsv(text: string, separator: ';' | ','): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  let atCellStart = true;
  while (i < text.length) {
    const ch = text[i] as string;
    if (atCellStart && ch === '"') {
      atCellStart = false;
      i++;
      for (;;) {
        if (i >= text.length) break;
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            cell += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        cell += text[i];
        i++;
      }
      continue;
    }
    atCellStart = false;
    if (ch === separator) {
      row.push(cell);
      cell = '';
      atCellStart = true;
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      atCellStart = true;
      i++;
    } else if (ch === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      atCellStart = true;
    } else cell += ch;
    i++;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}

const NUMBER = /^[-+]?\d+([.,]\d+)?$/;
/** Cells that a spreadsheet would run as a formula. */
function formulaCells(text: string): string[] {
  const found: string[] = [];
  for (const separator of [';', ','] as const) {
    for (const row of parseCsv(text, separator)) {
      for (const cell of row) {
        const trimmed = cell.trim();
        if (/^[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/.test(trimmed) && !NUMBER.test(trimmed)) found.push(`${separator} ${JSON.stringify(cell)}`);
        if (/^[\t\r]/.test(cell)) found.push(`${separator} ${JSON.stringify(cell)}`);
      }
    }
  }
  return found;
}

const HOSTILE = [
  `needed it,=cmd|' /C calc'!A0`,
  '=1+1',
  '  +SUM(A1)',
  '-2+3;@x',
  'fine, "=quoted" then,  -x',
  'line one\n=line two',
  'tab\t=after tab',
  '"=in quotes"',
  '@at start',
];

describe('csvText', () => {
  it('leaves no cell starting a formula, read with either separator, and keeps the text otherwise', () => {
    const line = [...HOSTILE.map(csvText), csvNumber(-1.5, 'sv'), csvNumber(-3, 'en')].join(';');
    expect(formulaCells(`${line}\r\n`)).toEqual([]);
    // Read with the writer's separator, each field comes back with only apostrophes added.
    const back = parseCsv(`${line}\r\n`, ';')[0] ?? [];
    expect(back.slice(0, HOSTILE.length).map((c) => c.replace(/'/g, ''))).toEqual(HOSTILE.map((h) => h.replace(/'/g, '')));
    expect(back.slice(HOSTILE.length)).toEqual(['-1,5', '-3']);
    expect(csvText('plain text')).toBe('plain text');
    expect(csvText('a,b')).toBe('"a,b"');
  });
});

describe('every CSV Fristad writes, read back with ; and with ,', () => {
  let runtime: Runtime;
  let close: () => Promise<void>;
  let theCase: CaseDetail;
  const PASS = { kim: 'kims long passphrase', lea: 'leas long passphrase' };

  beforeAll(async () => {
    ({ runtime, close } = await testRuntime());
    await ok(runtime, 'session:setup', ADMIN);
    await ok(runtime, 'settings:update', { teamName: '=Team,+cmd' });
    await ok(runtime, 'users:create', { username: 'kim', displayName: '=Kim,@Handläggare', role: 'caseworker', passphrase: PASS.kim });
    await ok(runtime, 'users:create', { username: 'lea', displayName: '-Lea;+Ledare', role: 'team_lead', passphrase: PASS.lea });
    await ok(runtime, 'session:unlock', { username: 'kim', passphrase: PASS.kim });
    theCase = await ok<CaseDetail>(runtime, 'cases:create', caseInput({ protectionLevel: 'sekretessmarkering' }));
    await ok(runtime, 'cases:reveal', { caseId: theCase.id, reason: HOSTILE[0] });
    await ok(runtime, 'session:unlock', { username: 'lea', passphrase: PASS.lea });
    const page = await ok<AuditPage>(runtime, 'audit:search', { caseId: theCase.id, limit: 5 });
    await ok(runtime, 'audit:mark-reviewed', { seqs: page.rows.map((r) => r.seq), comment: 'ok,=HYPERLINK("http://x")' });
  });
  afterAll(async () => close());

  const text = (file: AuditFile) => Buffer.from(file.base64, 'base64').toString('utf8');

  it('the log review export', async () => {
    await ok(runtime, 'session:unlock', { username: 'lea', passphrase: PASS.lea });
    const csv = text(await ok<AuditFile>(runtime, 'audit:export', { view: 'search', filters: { caseId: theCase.id }, format: 'csv', language: 'sv' }));
    expect(csv).toContain('cmd|');
    expect(csv).toContain('HYPERLINK');
    expect(formulaCells(csv)).toEqual([]);
  });

  it('a case’s log extract', async () => {
    await ok(runtime, 'session:unlock', { username: 'kim', passphrase: PASS.kim });
    const csv = text(await ok<AuditFile>(runtime, 'audit:case-extract-export', { caseId: theCase.id, format: 'csv', language: 'en' }));
    expect(csv).toContain('cmd|');
    expect(csv).toContain('Kim');
    expect(formulaCells(csv)).toEqual([]);
  });

  it('a report', async () => {
    await ok(runtime, 'session:unlock', { username: 'lea', passphrase: PASS.lea });
    const period = { kind: 'year', year: new Date().getFullYear() };
    const report = await ok<Report>(runtime, 'reports:generate', { period, districtSlugs: [] });
    const labels: Record<string, string> = {};
    for (const t of report.tables) {
      labels[t.titleKey] = `=${t.id}`;
      for (const c of t.columns) labels[c.labelKey] = `@${c.key},-x`;
      for (const r of t.rows) if (r.labelKey) labels[r.labelKey] = `+${r.key}`;
    }
    const file = await ok<AuditFile>(runtime, 'reports:export', { period, districtSlugs: [], format: 'csv', language: 'sv', labels });
    const csv = text(file);
    expect(csv).toContain('Team,');
    expect(formulaCells(csv)).toEqual([]);
  });
});
