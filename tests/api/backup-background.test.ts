import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AuditPage, BackupProgress, BackupStatus, Leftover, SessionStatus } from '../../core/contract';
import type { Runtime } from '../../electron/api/types';
import { errorCode, ok, testRuntime } from '../helpers/runtime';
import { ADMIN } from '../helpers/temp';

// Through the real worker and its backup thread: the first unlock of a day answers without waiting
// for the automatic backup, which lands afterwards with its audit row; a lock cancels it cleanly.

/** Unlocks through invoke: `ok` would wait for the automatic backup, which is what is under test here. */
async function unlock(runtime: Runtime, username = ADMIN.username, passphrase = ADMIN.passphrase): Promise<SessionStatus> {
  const r = await runtime.invoke('session:unlock', { username, passphrase });
  if (!r.ok) throw new Error(`unlock failed: ${r.error.code}`);
  return r.result as SessionStatus;
}

/** Asks for progress until the backup is no longer running (a bounded number of polls, not a timed assertion). */
async function untilIdle(runtime: Runtime): Promise<BackupProgress> {
  for (let i = 0; i < 600; i++) {
    const p = await ok<BackupProgress>(runtime, 'backup:progress');
    if (p.running === null) return p;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('the backup never finished');
}

/** Asks for progress until a backup runs (the cancelled one may still be finishing its step). */
async function untilRunning(runtime: Runtime): Promise<BackupProgress> {
  for (let i = 0; i < 600; i++) {
    const p = await ok<BackupProgress>(runtime, 'backup:progress');
    if (p.running !== null) return p;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('no backup started');
}

/** Polls until the held thread's temporary file is in the folder. */
async function untilTemp(folder: string): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (fs.existsSync(folder) && fs.readdirSync(folder).some((n) => n.startsWith('.'))) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('no temporary file appeared');
}

/** Polls until the folder holds no temporary file (the cancelled thread's file goes when it exits). */
async function untilNoTemp(folder: string): Promise<string[]> {
  for (let i = 0; i < 600; i++) {
    const names = fs.existsSync(folder) ? fs.readdirSync(folder) : [];
    if (!names.some((n) => n.startsWith('.'))) return names;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('the temporary file stayed');
}

describe('the automatic backup does not hold up the unlock', () => {
  it('unlock answers, then the backup lands with its audit row', async () => {
    const { runtime, dataDir, close } = await testRuntime();
    try {
      await ok(runtime, 'session:setup', ADMIN);
      await ok(runtime, 'users:create', { username: 'ada', displayName: 'Ada Granskare', role: 'auditor', passphrase: 'adas long passphrase' });
      await ok(runtime, 'session:lock');
      expect((await unlock(runtime)).state).toBe('unlocked');
      const first = await ok<BackupProgress>(runtime, 'backup:progress');
      // Running, or (on a fast machine with a tiny database) already done.
      expect(first.running !== null || first.lastAutomatic?.ok === true).toBe(true);
      const done = await untilIdle(runtime);
      expect(done.lastAutomatic).toMatchObject({ ok: true });
      const status = await ok<BackupStatus>(runtime, 'backup:status');
      expect(status.backups).toHaveLength(1);
      expect(fs.existsSync(path.join(dataDir, 'backups', status.backups[0]?.fileName ?? ''))).toBe(true);

      await unlock(runtime, 'ada', 'adas long passphrase');
      const page = await ok<AuditPage>(runtime, 'audit:search', { actions: ['backup'] });
      expect(page.rows.map((r) => [r.entity, r.entityId])).toEqual([['backup', status.backups[0]?.fileName]]);
      expect(await errorCode(runtime, 'backup:progress')).toBe('forbidden');
    } finally {
      await close();
    }
  });

  it('locking during the backup cancels it with no half file; the next unlock tries again', async () => {
    // The worker copies the environment when it starts: only this runtime holds its backup thread.
    process.env.FRISTAD_TEST_BACKUP_HOLD_MS = '60000';
    const started = testRuntime();
    const { runtime, dataDir, close } = await started.finally(() => delete process.env.FRISTAD_TEST_BACKUP_HOLD_MS);
    const folder = path.join(dataDir, 'backups');
    try {
      await ok(runtime, 'session:setup', ADMIN);
      await ok(runtime, 'session:lock');
      await unlock(runtime);
      expect((await ok<BackupProgress>(runtime, 'backup:progress')).running).not.toBeNull();
      // Held after copying: the half file is in the folder, but neither listed nor a leftover.
      await untilTemp(folder);
      expect((await ok<BackupStatus>(runtime, 'backup:status')).backups).toEqual([]);
      expect(await ok<Leftover[]>(runtime, 'backup:leftovers')).toEqual([]);

      expect((await ok<SessionStatus>(runtime, 'session:lock')).state).toBe('locked');
      expect(await untilNoTemp(folder)).toEqual([]);

      await unlock(runtime);
      expect((await untilRunning(runtime)).running).not.toBeNull();
      expect((await ok<BackupStatus>(runtime, 'backup:status')).backups).toEqual([]);
      expect(await ok<Leftover[]>(runtime, 'backup:leftovers')).toEqual([]);
    } finally {
      // Quitting while it is held must not wait for it.
      await close();
    }
  });
});
