import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report, Settings } from '../../core/contract';
import type { Runtime } from '../../electron/api/types';
import { caseInput } from '../helpers/casework';
import { errorCode, ok, testRuntime } from '../helpers/runtime';
import { ADMIN } from '../helpers/temp';

let runtime: Runtime;
let close: () => Promise<void>;
const year = new Date().getFullYear();

beforeAll(async () => {
  ({ runtime, close } = await testRuntime());
  await ok(runtime, 'session:setup', ADMIN);
  await ok(runtime, 'users:create', { username: 'kim', displayName: 'Kim Handläggare', role: 'caseworker', passphrase: 'kims long passphrase' });
  await ok(runtime, 'users:create', { username: 'lea', displayName: 'Lea Teamledare', role: 'team_lead', passphrase: 'leas long passphrase' });
  // The cases are the team lead's: administrators do no casework.
  await ok(runtime, 'session:unlock', { username: 'lea', passphrase: 'leas long passphrase' });
  for (let i = 0; i < 6; i++)
    await ok(runtime, 'cases:create', caseInput({ districtSlug: 'skarholmen', survivor: { ...caseInput().survivor, name: `Hemlig Person ${i}` } }));
});
afterAll(async () => close());

const as = (username: string, passphrase: string) => ok(runtime, 'session:unlock', { username, passphrase });
const period = { kind: 'year', year };

describe('reports:generate', () => {
  it('gives a team lead the report for a period, without names', async () => {
    await as('lea', 'leas long passphrase');
    const report = await ok<Report>(runtime, 'reports:generate', { period, districtSlugs: [] });
    expect(report.period.from).toBe(`${year}-01-01`);
    const flow = report.tables.find((t) => t.id === 'cases_flow' && t.period === 'current');
    expect(flow?.rows.find((r) => r.key === 'new')?.cells[0]).toEqual({ kind: 'count', value: 6 });
    expect(JSON.stringify(report)).not.toContain('Hemlig');
  });

  it('refuses a caseworker', async () => {
    await as('kim', 'kims long passphrase');
    expect(await errorCode(runtime, 'reports:generate', { period, districtSlugs: [] })).toBe('forbidden');
  });

  it('validates the period', async () => {
    await as('admin', ADMIN.passphrase);
    expect(await errorCode(runtime, 'reports:generate', { period: { kind: 'quarter', year }, districtSlugs: [] })).toBe('invalid_input');
    expect(await errorCode(runtime, 'reports:generate', { period: { kind: 'custom', from: '2025-03-01', to: '2025-01-01' }, districtSlugs: [] })).toBe(
      'invalid_input',
    );
  });

  it('lets the administrator set the threshold, never below 3', async () => {
    await as('admin', ADMIN.passphrase);
    expect((await ok<Settings>(runtime, 'settings:get')).reportThreshold).toBe(5);
    expect(await errorCode(runtime, 'settings:update', { reportThreshold: 2 })).toBe('invalid_input');
    expect((await ok<Settings>(runtime, 'settings:update', { reportThreshold: 7 })).reportThreshold).toBe(7);
    const report = await ok<Report>(runtime, 'reports:generate', { period, districtSlugs: ['skarholmen'] });
    expect(report.threshold).toBe(7);
    const flow = report.tables.find((t) => t.id === 'cases_flow' && t.period === 'current');
    expect(flow?.rows.find((r) => r.key === 'new')?.cells[0]).toEqual({ kind: 'suppressed' });
  });
});

describe('reports:export', () => {
  const exportInput = (format: string) => ({ period, districtSlugs: [], format, language: 'sv', labels: { 'reports.table.cases_flow': 'Ärendeflöde' } });
  const auditRows = async () => (await ok<{ rows: number }>(runtime, 'audit:verify')).rows;

  it('refuses a caseworker', async () => {
    await as('kim', 'kims long passphrase');
    expect(await errorCode(runtime, 'reports:export', exportInput('csv'))).toBe('forbidden');
  });

  it('gives a team lead a file and adds one audit row', async () => {
    await as('lea', 'leas long passphrase');
    const before = await auditRows();
    const file = await ok<{ fileName: string; mimeType: string; base64: string; chainHeadLine?: string }>(runtime, 'reports:export', exportInput('pdf'));
    // The line a desktop host stamps on its own printed PDF: the head includes the export's own row.
    expect(file.chainHeadLine).toMatch(/^Loggkedjans senaste rad vid exporten: sekvensnummer \d+, hash [0-9a-f]{64}$/);
    expect(file.fileName).toBe(`rapport-${ADMIN.teamName.toLowerCase()}-${year}.pdf`);
    expect(file.mimeType).toBe('application/pdf');
    const bytes = Buffer.from(file.base64, 'base64');
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // The first audit:verify's own row, then the export's.
    expect(await auditRows()).toBe(before + 2);
    const csv = Buffer.from((await ok<{ base64: string }>(runtime, 'reports:export', exportInput('csv'))).base64, 'base64').toString('utf8');
    expect(csv).toContain('Ärendeflöde');
    expect(csv).toContain('Loggkedjans senaste rad vid exporten');
    expect(csv).not.toContain('Hemlig');
  });

  it('refuses too many or too long labels', async () => {
    await as('lea', 'leas long passphrase');
    const many = Object.fromEntries(Array.from({ length: 2001 }, (_, i) => [`k${i}`, 'x']));
    expect(await errorCode(runtime, 'reports:export', { ...exportInput('csv'), labels: many })).toBe('invalid_input');
    expect(await errorCode(runtime, 'reports:export', { ...exportInput('csv'), labels: { a: 'x'.repeat(301) } })).toBe('invalid_input');
    expect(await errorCode(runtime, 'reports:export', { ...exportInput('docx') })).toBe('invalid_input');
  });
});
