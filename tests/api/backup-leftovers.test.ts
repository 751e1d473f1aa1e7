import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditPage, BackupEntry, BackupProgress, Leftover } from '../../core/contract';
import type { Runtime } from '../../electron/api/types';
import { errorCode, ok, testRuntime } from '../helpers/runtime';
import { ADMIN } from '../helpers/temp';

// What restores, set-ups, upgrades and stopped backups leave behind: listed for the administrator
// with size and date, removed by the name the listing gave, never by a path from outside.

let runtime: Runtime;
let dataDir: string;
let close: () => Promise<void>;
const STAMP = '2026-01-05T09-00-00-000Z';
const PRE_MIGRATION = `fristad.db.pre-migration-v3-${STAMP}.bak`;
const ORPHAN = `fristad.db.orphan-${STAMP}`;
const TEMP = '.fristad-20260105-090000.fbak.tmp-4242';

const asAdmin = () => ok(runtime, 'session:unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });

async function idle(): Promise<void> {
  for (let i = 0; i < 600 && (await ok<BackupProgress>(runtime, 'backup:progress')).running !== null; i++) {
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

beforeAll(async () => {
  ({ runtime, dataDir, close } = await testRuntime());
  await ok(runtime, 'session:setup', ADMIN);
  await ok(runtime, 'users:create', { username: 'ada', displayName: 'Ada Granskare', role: 'auditor', passphrase: 'adas long passphrase' });
  const entry = await ok<BackupEntry>(runtime, 'backup:create', {});
  await ok(runtime, 'backup:restore', { fileName: entry.fileName });
  await asAdmin();
  await idle();
  fs.writeFileSync(path.join(dataDir, PRE_MIGRATION), Buffer.alloc(4096));
  fs.writeFileSync(path.join(dataDir, ORPHAN), Buffer.alloc(2048));
  fs.writeFileSync(path.join(dataDir, 'backups', TEMP), Buffer.alloc(1024));
  fs.writeFileSync(path.join(dataDir, 'notes.txt'), 'not Fristad’s');
});
afterAll(async () => close());

describe('leftovers in the data and backup folders', () => {
  it('lists each kind with its size and date, the before-restore copy as one group', async () => {
    const list = await ok<Leftover[]>(runtime, 'backup:leftovers');
    const byKind = Object.fromEntries(list.map((l) => [l.kind, l]));
    expect(Object.keys(byKind).sort()).toEqual(['backup_temp', 'before_restore', 'orphan', 'pre_migration']);
    expect(byKind.pre_migration).toMatchObject({ name: PRE_MIGRATION, place: 'data_folder', files: 1, sizeBytes: 4096 });
    expect(byKind.orphan).toMatchObject({ name: ORPHAN, sizeBytes: 2048 });
    expect(byKind.backup_temp).toMatchObject({ name: TEMP, place: 'backup_folder', sizeBytes: 1024 });
    const restored = byKind.before_restore;
    expect(restored?.name).toMatch(/^fristad\.db\.before-restore-/);
    // The database and the key file at least (and -wal/-shm if they were there).
    expect(restored?.files).toBeGreaterThanOrEqual(2);
    expect(restored?.sizeBytes).toBeGreaterThan(0);
    expect(list.some((l) => l.name === 'notes.txt' || l.name === 'fristad.db')).toBe(false);
  });

  it('refuses a name that is not in its own listing, and paths', async () => {
    expect(await errorCode(runtime, 'backup:remove-leftover', { name: '../fristad.db' })).toBe('invalid_input');
    expect(await errorCode(runtime, 'backup:remove-leftover', { name: 'fristad.db' })).toBe('not_found');
    expect(await errorCode(runtime, 'backup:remove-leftover', { name: 'notes.txt' })).toBe('not_found');
    expect(await errorCode(runtime, 'backup:remove-leftover', { name: `${dataDir}/fristad.db` })).toBe('invalid_input');
    expect(fs.existsSync(path.join(dataDir, 'fristad.db'))).toBe(true);
    expect(fs.existsSync(path.join(dataDir, 'notes.txt'))).toBe(true);
  });

  it('removes a before-restore copy only once the restored data is confirmed, then the others; audited by kind', async () => {
    const list = await ok<Leftover[]>(runtime, 'backup:leftovers');
    const restored = list.find((l) => l.kind === 'before_restore');
    if (!restored) throw new Error('no before-restore copy');
    expect(await errorCode(runtime, 'backup:remove-leftover', { name: restored.name })).toBe('not_allowed');
    const after = await ok<Leftover[]>(runtime, 'backup:remove-leftover', { name: restored.name, restoredDataConfirmed: true });
    expect(after.map((l) => l.kind).sort()).toEqual(['backup_temp', 'orphan', 'pre_migration']);
    expect(fs.readdirSync(dataDir).filter((n) => n.includes('before-restore'))).toEqual([]);
    for (const l of after) await ok(runtime, 'backup:remove-leftover', { name: l.name });
    expect(await ok<Leftover[]>(runtime, 'backup:leftovers')).toEqual([]);
    expect(fs.existsSync(path.join(dataDir, 'fristad.db'))).toBe(true);
    expect(fs.existsSync(path.join(dataDir, 'fristad.keys.json'))).toBe(true);

    await ok(runtime, 'session:unlock', { username: 'ada', passphrase: 'adas long passphrase' });
    const page = await ok<AuditPage>(runtime, 'audit:search', { actions: ['delete'] });
    expect(page.rows.map((r) => [r.entity, r.entityId, r.role]).sort()).toEqual([
      ['backup_leftover', 'backup_temp', 'administrator'],
      ['backup_leftover', 'before_restore', 'administrator'],
      ['backup_leftover', 'orphan', 'administrator'],
      ['backup_leftover', 'pre_migration', 'administrator'],
    ]);
  });
});
