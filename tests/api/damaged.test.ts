// Through the real worker thread and the handlers: a flipped bit in the database file is answered
// with database_damaged (never 'internal'), and the public restore channel brings the backup back.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BackupEntry, CaseDetail, DamagedBackups, SessionStatus } from '../../core/contract';
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
  await ok(runtime, 'users:create', { ...LEAD, displayName: 'Test Teamledare', role: 'team_lead' });
});
afterAll(async () => close());

const credentials = { username: ADMIN.username, passphrase: ADMIN.passphrase };
/** Cases are made and read by a team lead; administrators see no case content, but make the backups. */
const LEAD = { username: 'lead', passphrase: 'team lead long passphrase' };

describe('damaged database channels', () => {
  it('answers database_damaged after a bit flip and restores the chosen backup from the locked state', async () => {
    await ok(runtime, 'session:unlock', LEAD);
    const kept = await ok<CaseDetail>(runtime, 'cases:create', caseInput({ vulnerabilityNote: 'i säkerhetskopian' }));
    await ok(runtime, 'session:unlock', credentials);
    const backup = await ok<BackupEntry>(runtime, 'backup:create', {});
    await ok(runtime, 'session:unlock', LEAD);
    await ok<CaseDetail>(runtime, 'cases:create', caseInput({ vulnerabilityNote: 'efter säkerhetskopian' }));

    // Not damaged: the public channel refuses, and it never works while unlocked.
    expect(await errorCode(runtime, 'session:restore-damaged', { ...credentials, fileName: backup.fileName })).toBe('not_allowed');
    await ok(runtime, 'session:lock');
    expect(await errorCode(runtime, 'session:restore-damaged', { ...credentials, fileName: backup.fileName })).toBe('not_allowed');

    const file = path.join(dataDir, 'fristad.db');
    const bytes = fs.readFileSync(file);
    bytes[300] = (bytes[300] ?? 0) ^ 0x01;
    fs.writeFileSync(file, bytes);

    const unlock = await runtime.invoke('session:unlock', credentials);
    expect(unlock).toMatchObject({ ok: false, error: { code: 'database_damaged' } });
    expect(await ok<SessionStatus>(runtime, 'session:status')).toMatchObject({ state: 'locked', damaged: true });
    expect(await errorCode(runtime, 'session:damaged-backups', { ...credentials, folder: 'relative/path' })).toBe('invalid_input');

    const found = await ok<DamagedBackups>(runtime, 'session:damaged-backups', credentials);
    // The first unlock of the day made an automatic backup too; the manual one is chosen.
    expect(found.backups.map((b) => b.fileName)).toContain(backup.fileName);
    const status = await ok<SessionStatus>(runtime, 'session:restore-damaged', { ...credentials, fileName: backup.fileName });
    expect(status).toMatchObject({ state: 'locked', damaged: false });

    await ok(runtime, 'session:unlock', LEAD);
    const list = await ok<{ rows: { id: number }[] }>(runtime, 'cases:list', {
      query: '',
      status: 'all',
      assignedUserId: null,
      districtSlug: null,
      protectedOnly: false,
      honourOnly: false,
      openRemindersOnly: false,
      sort: 'updated',
      direction: 'desc',
      offset: 0,
      limit: 50,
    });
    expect(list.rows.map((r) => r.id)).toEqual([kept.id]);
    await ok(runtime, 'session:unlock', credentials);
    expect(await ok<{ ok: boolean }>(runtime, 'audit:verify')).toMatchObject({ ok: true });
  });
  it('a database file cut to 0 bytes: status damaged, unlock refused as damaged, the file kept, and restore-damaged brings a backup back', async () => {
    await ok(runtime, 'session:unlock', credentials);
    const backup = await ok<BackupEntry>(runtime, 'backup:create', {});
    await ok(runtime, 'session:lock');
    const file = path.join(dataDir, 'fristad.db');
    fs.truncateSync(file, 0);

    expect(await ok<SessionStatus>(runtime, 'session:status')).toMatchObject({ state: 'locked', damaged: true });
    expect(await errorCode(runtime, 'session:unlock', credentials)).toBe('database_damaged');
    expect(fs.statSync(file).size).toBe(0);
    const status = await ok<SessionStatus>(runtime, 'session:restore-damaged', { ...credentials, fileName: backup.fileName });
    expect(status).toMatchObject({ state: 'locked', damaged: false });
    await ok(runtime, 'session:unlock', credentials);
    expect(await ok<{ ok: boolean }>(runtime, 'audit:verify')).toMatchObject({ ok: true });
    await ok(runtime, 'session:lock');
  });
});
