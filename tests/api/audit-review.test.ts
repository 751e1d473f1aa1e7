import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditFile, AuditPage, CaseDetail, CaseLogExtract } from '../../core/contract';
import type { Runtime } from '../../electron/api/types';
import { caseInput } from '../helpers/casework';
import { errorCode, ok, testRuntime } from '../helpers/runtime';
import { ADMIN } from '../helpers/temp';

let runtime: Runtime;
let close: () => Promise<void>;
let caseId: number;

const PASS: Record<string, string> = { admin: ADMIN.passphrase, kim: 'kims long passphrase', lea: 'leas long passphrase', gun: 'guns long passphrase' };
const as = (username: string) => ok(runtime, 'session:unlock', { username, passphrase: PASS[username] });

beforeAll(async () => {
  ({ runtime, close } = await testRuntime());
  await ok(runtime, 'session:setup', ADMIN);
  await ok(runtime, 'users:create', { username: 'kim', displayName: 'Kim Handläggare', role: 'caseworker', passphrase: PASS.kim });
  await ok(runtime, 'users:create', { username: 'lea', displayName: 'Lea Ledare', role: 'team_lead', passphrase: PASS.lea });
  await ok(runtime, 'users:create', { username: 'gun', displayName: 'Gun Granskare', role: 'auditor', passphrase: PASS.gun });
  // The case is Kim's: administrators do no casework.
  await as('kim');
  caseId = (await ok<CaseDetail>(runtime, 'cases:create', caseInput())).id;
});
afterAll(async () => close());

const REVIEW_CALLS: [string, unknown][] = [
  ['audit:users', {}],
  ['audit:search', {}],
  ['audit:sample', { month: '2025-03' }],
  ['audit:protected-access', {}],
  ['audit:export', { view: 'protected', format: 'csv', language: 'sv' }],
];

describe('log review access', () => {
  it('lets team leads and auditors review the log', async () => {
    for (const user of ['lea', 'gun']) {
      await as(user);
      for (const [channel, input] of REVIEW_CALLS) await ok(runtime, channel, input);
    }
  });

  it('refuses caseworkers and administrators (who keep only the chain check)', async () => {
    for (const user of ['kim', 'admin']) {
      await as(user);
      for (const [channel, input] of REVIEW_CALLS) expect(await errorCode(runtime, channel, input), `${user} ${channel}`).toBe('forbidden');
      expect(await errorCode(runtime, 'audit:mark-reviewed', { seqs: [1], comment: '' })).toBe('forbidden');
    }
    await as('admin');
    expect((await ok<{ ok: boolean }>(runtime, 'audit:verify')).ok).toBe(true);
  });

  it('marks rows reviewed through the API and validates the input', async () => {
    await as('lea');
    const page = await ok<AuditPage>(runtime, 'audit:search', { limit: 2 });
    expect(page.rows).toHaveLength(2);
    expect(page.nextBefore).toBe(page.rows[1]?.seq);
    const seqs = page.rows.map((r) => r.seq);
    expect(await ok(runtime, 'audit:mark-reviewed', { seqs, comment: 'Ok' })).toEqual({ marked: 2 });
    expect(await errorCode(runtime, 'audit:mark-reviewed', { seqs: [], comment: '' })).toBe('invalid_input');
    expect(await errorCode(runtime, 'audit:mark-reviewed', { seqs: [1, 1], comment: '' })).toBe('invalid_input');
    expect(await errorCode(runtime, 'audit:search', { from: '2025-05-01', to: '2025-04-01' })).toBe('invalid_input');
    expect(await errorCode(runtime, 'audit:search', { caseId, caseNumber: 'X' })).toBe('invalid_input');
    expect(await errorCode(runtime, 'audit:search', { limit: 501 })).toBe('invalid_input');
    expect(await errorCode(runtime, 'audit:sample', { month: '2025-3' })).toBe('invalid_input');
  });
});

describe('case log extract', () => {
  it('is open to who may open the case, not to administrators or auditors, and exportable', async () => {
    for (const user of ['kim', 'lea']) {
      await as(user);
      const extract = await ok<CaseLogExtract>(runtime, 'audit:case-extract', { caseId });
      expect(extract.caseId).toBe(caseId);
    }
    // Auditors read a case's log through the log review (audit:search by case); administrators do not review the log.
    for (const user of ['admin', 'gun']) {
      await as(user);
      expect(await errorCode(runtime, 'audit:case-extract', { caseId })).toBe('forbidden');
    }
    await as('kim');
    const file = await ok<AuditFile>(runtime, 'audit:case-extract-export', { caseId, format: 'csv', language: 'en' });
    expect(Buffer.from(file.base64, 'base64').toString('utf8')).toContain('Log extract for case');
    expect(await errorCode(runtime, 'audit:case-extract', { caseId: 0 })).toBe('invalid_input');
  });
});

describe('print auditing', () => {
  it('records a print for any unlocked user who can see what is printed', async () => {
    await as('lea');
    expect(await ok(runtime, 'audit:record-print', { entity: 'report', entityId: '2025' })).toEqual({ ok: true });
    expect(await errorCode(runtime, 'audit:record-print', { entity: 'journal' })).toBe('invalid_input');
    await ok(runtime, 'session:lock');
    expect(await errorCode(runtime, 'audit:record-print', { entity: 'report' })).toBe('locked');
  });
});
