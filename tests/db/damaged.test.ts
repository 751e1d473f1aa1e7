// A damaged database file: a flipped bit anywhere (the header page or a page in the middle) is
// found by the cipher's per-page HMAC and answered with database_damaged, never with wrong data or
// 'internal'; the store closes, remembers it, and a backup can be restored from the unlock screen.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackup } from '../../db/backup/create-backup';
import { integrityOk } from '../../db/backup/verify-backup';
import { failureAnswer } from '../../worker/failures';
import { operations, type OperationName, type WorkerState } from '../../worker/operations';
import type { WireError } from '../../worker/protocol';
import { verifyAuditChain } from '../../db/repositories/audit-log';
import { readPendingAttempts } from '../../db/store/throttle';
import { addUser, createCase, freshWorker, listInput } from '../helpers/casework';
import { ADMIN } from '../helpers/temp';

let cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.reverse()) c();
  cleanups = [];
});

async function setUp(): Promise<WorkerState> {
  const { w, cleanup } = await freshWorker();
  cleanups.push(cleanup);
  return w;
}

/** Runs an operation the way the worker thread does, including how a failure is answered. */
async function call(w: WorkerState, op: OperationName, input: unknown): Promise<{ ok: true; result: unknown } | { ok: false; error: WireError }> {
  try {
    const run = operations[op] as (w: WorkerState, input: unknown) => Promise<unknown>;
    return { ok: true, result: await run(w, input) };
  } catch (err) {
    return { ok: false, error: failureAnswer(w, err, op) };
  }
}

const credentials = { username: ADMIN.username, passphrase: ADMIN.passphrase };

function flipBit(file: string, offset: number): void {
  const fd = fs.openSync(file, 'r+');
  try {
    const byte = Buffer.alloc(1);
    fs.readSync(fd, byte, 0, 1, offset);
    byte[0] = (byte[0] ?? 0) ^ 0x04;
    fs.writeSync(fd, byte, 0, 1, offset);
  } finally {
    fs.closeSync(fd);
  }
}

async function makeCases(w: WorkerState, n: number, note: (i: number) => string): Promise<void> {
  for (let i = 0; i < n; i++) await createCase(w, { vulnerabilityNote: note(i) });
}

async function caseNotes(w: WorkerState): Promise<string[]> {
  const rows = await w.active.requireSession().db.selectFrom('cases').select('vulnerability_note').orderBy('id').execute();
  return rows.map((r) => r.vulnerability_note);
}

/** A leaf page of the cases table, in the middle of them, and the page size. */
function middleCasesPage(w: WorkerState): { offset: number } {
  const { sqlite } = w.active.requireSession();
  const pages = (sqlite.prepare("SELECT pageno FROM dbstat WHERE name = 'cases' AND pagetype = 'leaf' ORDER BY pageno").all() as { pageno: number }[]).map(
    (r) => r.pageno,
  );
  const pageSize = Number(sqlite.pragma('page_size', { simple: true }));
  const page = pages[Math.floor(pages.length / 2)] ?? 0;
  expect(page).toBeGreaterThan(1);
  return { offset: (page - 1) * pageSize + Math.floor(pageSize / 2) };
}

describe('a damaged database file', () => {
  it('a flipped bit in the header page: unlock answers database_damaged and the status says so', async () => {
    const w = await setUp();
    await makeCases(w, 3, (i) => `före ${i}`);
    const backup = await createBackup(w.active, { kind: 'manual' });
    await makeCases(w, 2, (i) => `efter ${i}`);
    w.active.lock('user');
    // Past the 16-byte salt: the page's content, which its HMAC covers.
    flipBit(w.active.paths.db, 200);

    const unlocked = await call(w, 'session:unlock', credentials);
    expect(unlocked).toMatchObject({ ok: false, error: { code: 'database_damaged' } });
    if (!unlocked.ok) expect(unlocked.error.message).toMatch(/restore/i);
    expect(w.status()).toMatchObject({ state: 'locked', damaged: true });
    // Wrong passphrases stay wrong, and are counted towards the pause like at unlocking.
    expect(await call(w, 'session:damaged-backups', { ...credentials, passphrase: 'not the passphrase' })).toMatchObject({
      ok: false,
      error: { code: 'wrong_credentials' },
    });
    expect(readPendingAttempts(w.active.paths.pendingAttempts)).toHaveLength(1);

    const listed = await call(w, 'session:damaged-backups', credentials);
    expect(listed).toMatchObject({ ok: true, result: { backups: [{ fileName: backup.fileName }] } });
    const damagedBytes = fs.readFileSync(w.active.paths.db);
    const restored = await call(w, 'session:restore-damaged', { ...credentials, fileName: backup.fileName });
    expect(restored).toMatchObject({ ok: true, result: { state: 'locked', damaged: false } });

    // The damaged file is kept aside, byte for byte, for IT.
    const aside = fs.readdirSync(w.active.paths.dir).filter((n) => /^fristad\.db\.before-restore-/.test(n));
    expect(aside).toHaveLength(1);
    expect(fs.readFileSync(path.join(w.active.paths.dir, aside[0] ?? '')).equals(damagedBytes)).toBe(true);

    expect(await call(w, 'session:unlock', credentials)).toMatchObject({ ok: true });
    expect(await caseNotes(w)).toEqual(['före 0', 'före 1', 'före 2']);
    const s = w.active.requireSession();
    expect(integrityOk(s.sqlite)).toBe(true);
    expect((await verifyAuditChain(s.db)).ok).toBe(true);
    const restoreRow = await s.db.selectFrom('audit_log').selectAll().where('action', '=', 'restore').executeTakeFirst();
    expect(restoreRow).toMatchObject({ entity: 'damaged_database', entity_id: backup.fileName, user_id: s.user.id, outcome: 'ok' });
  });

  it('a flipped bit in a page in the middle: the first read of it answers database_damaged, closes the store, and unlocking stays refused until a restore', async () => {
    const w = await setUp();
    const note = (i: number): string => `Anteckning ${i} ${'x'.repeat(400)}`;
    await makeCases(w, 60, note);
    // The list is read by a team lead: an administrator's list reads no case (no case content).
    await addUser(w, 'lead', 'team_lead');
    const backup = await createBackup(w.active, { kind: 'manual' });
    const { offset } = middleCasesPage(w);
    w.active.lock('user');
    flipBit(w.active.paths.db, offset);

    // Unlocking reads no case page, so it works; the damage shows on the first read of the page.
    expect(await call(w, 'session:unlock', { username: 'lead', passphrase: 'lead long passphrase' })).toMatchObject({ ok: true });
    const listed = await call(w, 'cases:list', listInput());
    expect(listed).toMatchObject({ ok: false, error: { code: 'database_damaged' } });
    expect(w.status()).toMatchObject({ state: 'locked', damaged: true });
    expect(w.active.isUnlocked).toBe(false);

    // Now every unlock reads every page first, so the file cannot be reopened by luck.
    expect(await call(w, 'session:unlock', credentials)).toMatchObject({ ok: false, error: { code: 'database_damaged' } });

    expect(await call(w, 'session:restore-damaged', { ...credentials, fileName: backup.fileName })).toMatchObject({ ok: true });
    expect(await call(w, 'session:unlock', credentials)).toMatchObject({ ok: true });
    expect(await caseNotes(w)).toEqual(Array.from({ length: 60 }, (_, i) => note(i)));
  });

  it('the daily backup reads every page, so a damaged page also shows at the first unlock of the day', async () => {
    const w = await setUp();
    await makeCases(w, 60, (i) => `Anteckning ${i} ${'y'.repeat(400)}`);
    const { offset } = middleCasesPage(w);
    w.active.lock('user');
    flipBit(w.active.paths.db, offset);
    // No backup yet today: unlocking backs up first, and the copy meets the bad page.
    expect(await call(w, 'session:unlock', credentials)).toMatchObject({ ok: false, error: { code: 'database_damaged' } });
    expect(w.status()).toMatchObject({ state: 'locked', damaged: true });
    const folder = path.join(w.active.paths.dir, 'backups');
    expect(fs.existsSync(folder) ? fs.readdirSync(folder) : []).toEqual([]);
  });

  it('restoring without unlocking is refused when the database is not damaged, and for anyone but an administrator', async () => {
    const w = await setUp();
    await addUser(w, 'cilla', 'caseworker');
    const backup = await createBackup(w.active, { kind: 'manual' });
    w.active.lock('user');
    expect(await call(w, 'session:restore-damaged', { ...credentials, fileName: backup.fileName })).toMatchObject({
      ok: false,
      error: { code: 'not_allowed' },
    });

    flipBit(w.active.paths.db, 200);
    const asCaseworker = await call(w, 'session:restore-damaged', { username: 'cilla', passphrase: 'cilla long passphrase', fileName: backup.fileName });
    expect(asCaseworker).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(fs.readdirSync(w.active.paths.dir).filter((n) => n.includes('before-restore'))).toEqual([]);
    expect(await call(w, 'session:restore-damaged', { ...credentials, fileName: 'fristad-20200101-000000.fbak' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });
  it.each([0, 100])('a database file cut to %i bytes is damage: never replaced by a new empty one, and a backup restores it', async (size) => {
    const w = await setUp();
    await makeCases(w, 2, (i) => `kvar ${i}`);
    const backup = await createBackup(w.active, { kind: 'manual' });
    w.active.lock('user');
    for (const suffix of ['-wal', '-shm']) fs.rmSync(w.active.paths.db + suffix, { force: true });
    fs.truncateSync(w.active.paths.db, size);

    // Known before anyone types a passphrase, so the unlock screen can offer the restore.
    expect(w.status()).toMatchObject({ state: 'locked', damaged: true });
    expect(await call(w, 'session:unlock', credentials)).toMatchObject({ ok: false, error: { code: 'database_damaged' } });
    expect(fs.statSync(w.active.paths.db).size).toBe(size);
    expect(readPendingAttempts(w.active.paths.pendingAttempts)).toHaveLength(0);
    // The recovery key path opens the same file and must not make a new one either.
    expect(await call(w, 'session:recover', { recoveryKey: 'AAAA', username: ADMIN.username, newPassphrase: 'a brand new passphrase' })).toMatchObject({
      ok: false,
    });
    expect(fs.statSync(w.active.paths.db).size).toBe(size);

    expect(await call(w, 'session:restore-damaged', { ...credentials, fileName: backup.fileName })).toMatchObject({ ok: true, result: { damaged: false } });
    expect(await call(w, 'session:unlock', credentials)).toMatchObject({ ok: true });
    expect(await caseNotes(w)).toEqual(['kvar 0', 'kvar 1']);
  });

  it('restoring a cut file works straight from the locked screen, without an unlock attempt first', async () => {
    const w = await setUp();
    const backup = await createBackup(w.active, { kind: 'manual' });
    w.active.lock('user');
    fs.truncateSync(w.active.paths.db, 0);
    expect(await call(w, 'session:restore-damaged', { ...credentials, fileName: backup.fileName })).toMatchObject({ ok: true });
    expect(await call(w, 'session:unlock', credentials)).toMatchObject({ ok: true });
  });
});
