import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { BackupProgress, SessionStatus } from '../../core/contract';
import { BACKUP_THREAD_BUNDLE } from '../../db/backup/backup-protocol';
import { listBackups } from '../../db/backup/manifest';
import { failureAnswer } from '../../worker/failures';
import { operations, type OperationName, type WorkerState } from '../../worker/operations';
import type { WireError } from '../../worker/protocol';
import { createCase, freshWorker } from '../helpers/casework';
import { TEST_WORKER } from '../helpers/runtime';
import { ADMIN } from '../helpers/temp';

// The first unlock of a day answers before the automatic backup has been made: the backup runs on
// a thread of its own. Held threads (backupHoldMs) make "still running" observable without timing.

const THREAD = path.join(path.dirname(TEST_WORKER), BACKUP_THREAD_BUNDLE);
const credentials = { username: ADMIN.username, passphrase: ADMIN.passphrase };

let cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.reverse()) c();
  cleanups = [];
});

async function setUp(holdMs: number): Promise<WorkerState> {
  const { w, cleanup } = await freshWorker();
  cleanups.push(cleanup);
  w.backupThreadEntry = THREAD;
  w.backupHoldMs = holdMs;
  w.active.lock('user');
  return w;
}

async function call<T>(w: WorkerState, op: OperationName, input: unknown = {}): Promise<{ ok: true; result: T } | { ok: false; error: WireError }> {
  try {
    const run = operations[op] as (w: WorkerState, input: unknown) => Promise<unknown>;
    return { ok: true, result: (await run(w, input)) as T };
  } catch (err) {
    return { ok: false, error: failureAnswer(w, err, op) };
  }
}

async function progress(w: WorkerState): Promise<BackupProgress> {
  const r = await call<BackupProgress>(w, 'backup:progress');
  if (!r.ok) throw new Error(r.error.code);
  return r.result;
}

const folderOf = (w: WorkerState): string => path.join(w.active.paths.dir, 'backups');
const filesIn = (folder: string): string[] => (fs.existsSync(folder) ? fs.readdirSync(folder).sort() : []);

async function backupAuditRows(w: WorkerState): Promise<{ outcome: string }[]> {
  return w.active.requireSession().db.selectFrom('audit_log').select('outcome').where('action', '=', 'backup').execute();
}

describe('the automatic backup on its own thread', () => {
  it('the first unlock of a day answers while the backup is still running; the backup then lands, audited', async () => {
    const w = await setUp(60_000);
    const unlocked = await call<SessionStatus>(w, 'session:unlock', credentials);
    expect(unlocked).toMatchObject({ ok: true, result: { state: 'unlocked' } });
    const running = await progress(w);
    expect(running.running).not.toBeNull();
    expect(listBackups(folderOf(w))).toEqual([]);

    const background = w.backgroundBackup();
    background?.release();
    await background?.settled();
    const done = await progress(w);
    expect(done.running).toBeNull();
    const backups = listBackups(folderOf(w));
    expect(backups).toHaveLength(1);
    expect(done.lastAutomatic).toMatchObject({ ok: true, fileName: backups[0]?.fileName });
    expect(await backupAuditRows(w)).toEqual([{ outcome: 'ok' }]);
    expect((await call(w, 'backup:verify', { fileName: backups[0]?.fileName })).ok).toBe(true);
    // Once a day: the next unlock starts nothing.
    await call(w, 'session:unlock', credentials);
    expect(w.backgroundBackup()?.busy).toBe(false);
  });

  it('locking while it runs cancels it, leaves no file behind, and the next unlock tries again', async () => {
    const w = await setUp(60_000);
    await call(w, 'session:unlock', credentials);
    expect(w.backgroundBackup()?.busy).toBe(true);
    // Held with the copy written but not verified: a half file lies in the folder, unlisted.
    while (!filesIn(folderOf(w)).some((n) => n.startsWith('.'))) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(listBackups(folderOf(w))).toEqual([]);
    expect(await call(w, 'session:lock', { reason: 'user' })).toMatchObject({ ok: true, result: { state: 'locked' } });
    await w.backgroundBackup()?.settled();
    expect(filesIn(folderOf(w))).toEqual([]);

    w.backupHoldMs = 0;
    await call(w, 'session:unlock', credentials);
    await w.backgroundBackup()?.settled();
    expect(listBackups(folderOf(w))).toHaveLength(1);
    expect(filesIn(folderOf(w)).filter((n) => n.startsWith('.'))).toEqual([]);
  });

  it('a manual backup supersedes the running one, which stops and leaves nothing', async () => {
    const w = await setUp(60_000);
    await call(w, 'session:unlock', credentials);
    expect(w.backgroundBackup()?.busy).toBe(true);
    expect((await call(w, 'backup:create', {})).ok).toBe(true);
    await w.backgroundBackup()?.settled();
    expect(listBackups(folderOf(w))).toHaveLength(1);
    expect(filesIn(folderOf(w)).filter((n) => n.startsWith('.'))).toEqual([]);
    expect(await backupAuditRows(w)).toEqual([{ outcome: 'ok' }]);
  });

  it('a damaged page met by the copy marks the store damaged and closes the session afterwards', async () => {
    const w = await setUp(0);
    await call(w, 'session:unlock', credentials);
    await w.backgroundBackup()?.settled();
    for (let i = 0; i < 60; i++) await createCase(w, { vulnerabilityNote: `Anteckning ${i} ${'y'.repeat(400)}` });
    const { sqlite } = w.active.requireSession();
    const pages = (sqlite.prepare("SELECT pageno FROM dbstat WHERE name = 'cases' AND pagetype = 'leaf' ORDER BY pageno").all() as { pageno: number }[]).map(
      (r) => r.pageno,
    );
    const pageSize = Number(sqlite.pragma('page_size', { simple: true }));
    const offset = ((pages[Math.floor(pages.length / 2)] ?? 2) - 1) * pageSize + Math.floor(pageSize / 2);
    w.active.lock('user');
    const fd = fs.openSync(w.active.paths.db, 'r+');
    const byte = Buffer.alloc(1);
    fs.readSync(fd, byte, 0, 1, offset);
    byte[0] = (byte[0] ?? 0) ^ 0x04;
    fs.writeSync(fd, byte, 0, 1, offset);
    fs.closeSync(fd);
    // Tomorrow's first unlock: it answers, and the copy finds the bad page afterwards.
    for (const name of fs.readdirSync(folderOf(w))) fs.rmSync(path.join(folderOf(w), name));
    expect(await call(w, 'session:unlock', credentials)).toMatchObject({ ok: true });
    await w.backgroundBackup()?.settled();
    expect(w.status()).toMatchObject({ state: 'locked', damaged: true });
    expect(await call(w, 'cases:list', {})).toMatchObject({ ok: false });
    expect(filesIn(folderOf(w))).toEqual([]);
  });

  it('a thread that cannot start is recorded as a failed backup, and the unlock still answers', async () => {
    const w = await setUp(0);
    w.backupThreadEntry = path.join(path.dirname(THREAD), 'no-such-backup-thread.cjs');
    expect(await call(w, 'session:unlock', credentials)).toMatchObject({ ok: true });
    await w.backgroundBackup()?.settled();
    expect((await progress(w)).lastAutomatic).toMatchObject({ ok: false, fileName: null });
    expect(await backupAuditRows(w)).toEqual([{ outcome: 'failed' }]);
    expect(w.status().state).toBe('unlocked');
  });
});
