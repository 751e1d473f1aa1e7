import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BackupEntry, BackupStatus, BackupVerifyResult, CaseDetail, SessionStatus } from '../../core/contract';
import type { Runtime } from '../../electron/api/types';
import { caseInput } from '../helpers/casework';
import { errorCode, ok, testRuntime } from '../helpers/runtime';
import { ADMIN } from '../helpers/temp';

let runtime: Runtime;
let dataDir: string;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ runtime, dataDir, close } = await testRuntime());
  await ok(runtime, 'session:setup', ADMIN);
  await ok(runtime, 'users:create', { username: 'kim', displayName: 'Kim Handläggare', role: 'caseworker', passphrase: 'kims long passphrase' });
});
afterAll(async () => close());

const asAdmin = () => ok<SessionStatus>(runtime, 'session:unlock', { username: 'admin', passphrase: ADMIN.passphrase });
const asKim = () => ok<SessionStatus>(runtime, 'session:unlock', { username: 'kim', passphrase: 'kims long passphrase' });

describe('backup channels', () => {
  it('backs up automatically on the first unlock of the day, once', async () => {
    await ok(runtime, 'session:lock');
    await asKim();
    await asAdmin();
    const status = await ok<BackupStatus>(runtime, 'backup:status');
    expect(status.folder).toBe(path.join(dataDir, 'backups'));
    expect(status.backups).toHaveLength(1);
    expect(status.lastAutomatic).toMatchObject({ ok: true, fileName: status.backups[0]?.fileName });
  });

  it('refuses every backup channel to a caseworker', async () => {
    await asKim();
    expect(await errorCode(runtime, 'backup:status')).toBe('forbidden');
    expect(await errorCode(runtime, 'backup:create', {})).toBe('forbidden');
    expect(await errorCode(runtime, 'backup:settings', { folder: path.join(dataDir, 'x'), keep: 3 })).toBe('forbidden');
    expect(await errorCode(runtime, 'backup:verify', { fileName: 'fristad-20260101-000000.fbak' })).toBe('forbidden');
    expect(await errorCode(runtime, 'backup:restore', { fileName: 'fristad-20260101-000000.fbak' })).toBe('forbidden');
    await asAdmin();
  });

  it('validates input', async () => {
    expect(await errorCode(runtime, 'backup:verify', { fileName: '../fristad.db' })).toBe('invalid_input');
    expect(await errorCode(runtime, 'backup:settings', { folder: dataDir, keep: 0 })).toBe('invalid_input');
    expect(await errorCode(runtime, 'backup:settings', { folder: 'relative', keep: 3 })).toBe('invalid_input');
  });

  it('sets the folder, backs up, verifies and restores for an administrator', async () => {
    const folder = path.join(path.dirname(dataDir), 'elsewhere');
    const saved = await ok<BackupStatus>(runtime, 'backup:settings', { folder, keep: 2 });
    expect(saved).toMatchObject({ folder, keep: 2, backups: [] });

    // Cases are a caseworker's: the administrator backs up and restores but sees no case content.
    await asKim();
    const created = await ok<CaseDetail>(runtime, 'cases:create', caseInput());
    await asAdmin();
    const entry = await ok<BackupEntry>(runtime, 'backup:create', {});
    expect(fs.existsSync(path.join(folder, entry.fileName))).toBe(true);
    const verified = await ok<BackupVerifyResult>(runtime, 'backup:verify', { fileName: entry.fileName });
    expect(verified).toMatchObject({ ok: true, auditHead: entry.auditHead });
    expect(verified.rows).toBeGreaterThan(0);

    await asKim();
    const later = await ok<CaseDetail>(runtime, 'cases:create', caseInput());
    await asAdmin();
    const after = await ok<SessionStatus>(runtime, 'backup:restore', { fileName: entry.fileName });
    expect(after.state).toBe('locked');
    expect(await errorCode(runtime, 'backup:status')).toBe('locked');

    await asKim();
    expect((await ok<CaseDetail>(runtime, 'cases:get', { id: created.id })).id).toBe(created.id);
    expect(await errorCode(runtime, 'cases:get', { id: later.id })).toBe('not_found');
    await asAdmin();
    const audit = await ok<{ ok: boolean }>(runtime, 'audit:verify');
    expect(audit.ok).toBe(true);
  });
});
