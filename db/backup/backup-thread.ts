import fs from 'node:fs';
import type { MessagePort } from 'node:worker_threads';
import { applyRequiredPragmas, openKeyed, schemaVersion, type SqliteDb } from '../connection/open';
import { DbError, isDamageError } from '../errors';
import { restrictFile } from '../files/secure-files';
import { FLAG_CANCEL, FLAG_RELEASE, type BackupThreadInit, type BackupThreadMessage } from './backup-protocol';
import { keyfileMac } from './keyfile-check';
import { fsyncFile, MANIFEST_FORMAT, MANIFEST_VERSION, sha256File, type Manifest } from './manifest';
import { auditHeadOf, countRows, verifyBackupFile } from './verify-backup';

class Cancelled extends Error {}

/**
 * The automatic backup, off the database worker: its own read-only connection copies the live file
 * (VACUUM INTO, a consistent snapshot under WAL while the worker goes on writing), then verifies
 * the copy like any backup. It writes nothing but the temporary copy: the worker puts it in place
 * and writes the audit row. Between steps it honours the worker's cancel flag; the key is
 * overwritten when it ends, however it ends.
 */
export async function runBackupThread(port: MessagePort, init: BackupThreadInit): Promise<void> {
  const key = Buffer.from(init.key.buffer, init.key.byteOffset, init.key.byteLength);
  const post = (m: BackupThreadMessage): void => port.postMessage(m);
  const check = (): void => {
    if (Atomics.load(init.flags, FLAG_CANCEL) !== 0) throw new Cancelled();
  };
  let sqlite: SqliteDb | null = null;
  try {
    check();
    post({ kind: 'phase', phase: 'copying' });
    sqlite = openKeyed(init.file, key, { readonly: true, fileMustExist: true });
    applyRequiredPragmas(sqlite);
    fs.rmSync(init.tmp, { force: true });
    // VACUUM INTO cannot run in a transaction: the counts and head are taken just before it, and
    // if another connection committed meanwhile (data_version moved) they are taken from the copy.
    const version = (): number => Number(sqlite?.pragma('data_version', { simple: true }));
    const before = version();
    let tables = countRows(sqlite);
    let auditHead = auditHeadOf(sqlite);
    const schema = schemaVersion(sqlite);
    sqlite.prepare('VACUUM INTO ?').run(init.tmp);
    const moved = version() !== before;
    sqlite.close();
    sqlite = null;
    check();
    restrictFile(init.tmp);
    fsyncFile(init.tmp);
    // Tests hold here, with the copy half done (written, not yet verified), to see it running.
    if (init.holdMs > 0 && Atomics.load(init.flags, FLAG_CANCEL) === 0) Atomics.wait(init.flags, FLAG_RELEASE, 0, init.holdMs);
    check();
    if (moved) {
      const copy = openKeyed(init.tmp, key, { readonly: true, fileMustExist: true });
      try {
        copy.pragma('temp_store=MEMORY');
        tables = countRows(copy);
        auditHead = auditHeadOf(copy);
      } finally {
        copy.close();
      }
    }
    post({ kind: 'phase', phase: 'verifying' });
    const manifest: Manifest = {
      format: MANIFEST_FORMAT,
      version: MANIFEST_VERSION,
      fileName: init.fileName,
      createdAt: init.createdAt,
      kind: 'automatic',
      schemaVersion: schema,
      sizeBytes: fs.statSync(init.tmp).size,
      sha256: sha256File(init.tmp),
      tables,
      auditHead,
      keyfile: init.keyfile,
      keyfileMac: keyfileMac(init.keyfile, key),
    };
    check();
    await verifyBackupFile(init.tmp, key, manifest);
    check();
    post({ kind: 'done', manifest });
  } catch (err) {
    if (err instanceof Cancelled) {
      post({ kind: 'cancelled' });
    } else {
      // Copying reads every page of the live file: a bad one means the database itself is damaged.
      const damaged = !(err instanceof DbError) && isDamageError(err);
      post({
        kind: 'failed',
        damaged,
        message: err instanceof DbError ? err.message : failureText(err),
        ...(err instanceof DbError && err.reason ? { reason: err.reason } : {}),
      });
    }
  } finally {
    if (sqlite?.open) sqlite.close();
    key.fill(0);
  }
}

/** A failure as the system's error code only: never a path or data. */
function failureText(err: unknown): string {
  const code = (err as { code?: unknown }).code;
  const detail = typeof code === 'string' && /^[A-Z_]+$/.test(code) ? ` (${code})` : '';
  return `The backup could not be written to the backup folder${detail}. Check that the folder exists, is writable and has free space.`;
}
