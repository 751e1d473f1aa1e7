import fs from 'node:fs';
import { writable } from '../handles';
import path from 'node:path';
import { BACKUP_KEEP_DEFAULT, type AutomaticBackupResult, type BackupEntry, type BackupStatus, ADMIN } from '../../core/contract';
import { schemaVersion } from '../connection/open';
import { damagedError, DbError, isDamageError } from '../errors';
import { ensurePrivateDir, fsyncDir, restrictFile, writeFileAtomic } from '../files/secure-files';
import { localIsoDate } from '../../core/rules/calendar';
import { getSetting, setSetting } from '../repositories/settings';
import type { Store } from '../store/store';
import {
  backupFileName,
  fsyncFile,
  listBackups,
  MANIFEST_FORMAT,
  MANIFEST_VERSION,
  manifestPath,
  pruneBackups,
  sha256File,
  tempFileName,
  toEntry,
  type Manifest,
} from './manifest';
import { keyfileMac } from './keyfile-check';
import { auditHeadOf, countRows, verifyBackupFile } from './verify-backup';

const SETTING_FOLDER = 'backup_folder';
const SETTING_KEEP = 'backup_keep';
export const SETTING_LAST_AUTOMATIC = 'backup_last_automatic';

/** The default backup folder: `backups` inside the data folder (0700). */
export function defaultBackupFolder(store: Store): string {
  return path.join(store.paths.dir, 'backups');
}

export async function backupSettings(store: Store): Promise<{ folder: string; keep: number }> {
  const { db } = store.requireSession();
  const folder = await getSetting<string | null>(db, SETTING_FOLDER, null);
  const keep = await getSetting<number>(db, SETTING_KEEP, BACKUP_KEEP_DEFAULT);
  return { folder: folder ?? defaultBackupFolder(store), keep };
}

/** A chosen folder must be a full path; it is created (0700) if missing, but an existing one keeps its mode. */
export function prepareFolder(store: Store, folder: string): string {
  if (!path.isAbsolute(folder)) {
    throw new DbError('invalid_input', 'Choose the backup folder by its full path.', undefined, [
      { path: ['folder'], message: 'backup_folder_absolute' },
    ]).because('backup_folder_absolute');
  }
  const resolved = path.resolve(folder);
  if (resolved === defaultBackupFolder(store)) {
    ensurePrivateDir(resolved);
  } else {
    try {
      fs.mkdirSync(resolved, { recursive: true, mode: 0o700 });
      if (!fs.statSync(resolved).isDirectory()) throw new Error('not a folder');
    } catch (err) {
      throw writeError(err);
    }
  }
  return resolved;
}

export async function saveBackupSettings(store: Store, input: { folder: string; keep: number }): Promise<void> {
  const folder = prepareFolder(store, input.folder);
  const s = store.requireSession(ADMIN);
  await s.db.transaction().execute(async (trx) => {
    await setSetting(writable(trx), SETTING_FOLDER, folder === defaultBackupFolder(store) ? null : folder);
    await setSetting(writable(trx), SETTING_KEEP, input.keep);
  });
  await store.audit({ action: 'update', entity: 'backup_settings' });
}

export async function backupStatus(store: Store): Promise<BackupStatus> {
  const { folder, keep } = await backupSettings(store);
  const backups = listBackups(folder);
  const lastAutomatic = await getSetting<AutomaticBackupResult | null>(store.requireSession().db, SETTING_LAST_AUTOMATIC, null);
  return { folder, keep, lastBackupAt: backups[0]?.createdAt ?? null, backups, lastAutomatic };
}

/** A file-system failure as a message without paths or data: only the system's error code. */
function writeError(err: unknown): DbError {
  if (err instanceof DbError) return err;
  const code = (err as { code?: unknown }).code;
  const detail = typeof code === 'string' && /^[A-Z_]+$/.test(code) ? ` (${code})` : '';
  return new DbError(
    'not_allowed',
    `The backup could not be written to the backup folder${detail}. Check that the folder exists, is writable and has free space.`,
  ).because('backup_write_failed');
}

/**
 * Writes one backup: VACUUM INTO a temporary file in the target folder (still encrypted with the
 * same data key), fsync, verify it (opens, integrity_check, row counts and audit head equal the
 * live database's at the moment of copying), write the manifest, rename atomically, fsync the
 * folder, prune to the newest `keep`. Audited as 'backup', ok or failed.
 */
export async function createBackup(
  store: Store,
  options: { folder?: string | null; kind: 'manual' | 'automatic'; avoid?: string | null },
): Promise<BackupEntry> {
  const s = store.requireSession();
  let tmp: string | null = null;
  try {
    const settings = await backupSettings(store);
    const folder = prepareFolder(store, options.folder ?? settings.folder);
    const createdAt = store.clock();
    let at = createdAt;
    // Two backups in one second: the later takes the next free second for its name.
    // (`avoid`: the name the automatic backup's thread has taken for its copy.)
    while (fs.existsSync(path.join(folder, backupFileName(at))) || backupFileName(at) === options.avoid) at = new Date(at.getTime() + 1000);
    const fileName = backupFileName(at);
    const file = path.join(folder, fileName);
    tmp = path.join(folder, tempFileName(fileName));
    fs.rmSync(tmp, { force: true });

    // VACUUM cannot run inside a transaction. The worker runs one operation at a time on the only
    // connection, and these three statements run in one synchronous stretch, so no write can fall
    // between the counts, the head and the copy.
    const tables = countRows(s.sqlite);
    const auditHead = auditHeadOf(s.sqlite);
    s.sqlite.prepare('VACUUM INTO ?').run(tmp);

    restrictFile(tmp);
    fsyncFile(tmp);
    const manifest: Manifest = {
      format: MANIFEST_FORMAT,
      version: MANIFEST_VERSION,
      fileName,
      createdAt: createdAt.toISOString(),
      kind: options.kind,
      schemaVersion: schemaVersion(s.sqlite),
      sizeBytes: fs.statSync(tmp).size,
      sha256: sha256File(tmp),
      tables,
      auditHead,
      keyfile: structuredClone(s.keyfile),
      keyfileMac: keyfileMac(s.keyfile, s.dataKey),
    };
    await verifyBackupFile(tmp, s.dataKey, manifest);

    // The manifest first: a backup without one is never listed, a manifest without a backup is pruned.
    writeFileAtomic(manifestPath(file), `${JSON.stringify(manifest, null, 2)}\n`);
    fs.renameSync(tmp, file);
    tmp = null;
    fsyncDir(folder);
    pruneBackups(folder, settings.keep, fileName);
    await store.audit({ action: 'backup', entity: 'backup', entityId: fileName });
    return toEntry(manifest);
  } catch (err) {
    if (tmp) fs.rmSync(tmp, { force: true });
    if (!(err instanceof DbError) && isDamageError(err)) {
      // Copying reads every page of the live file: a bad one means the database itself is damaged.
      await store.audit({ action: 'backup', entity: 'backup', outcome: 'failed' }).catch(() => undefined);
      store.markDamaged();
      throw damagedError();
    }
    const failure = writeError(err);
    if (store.isUnlocked) await store.audit({ action: 'backup', entity: 'backup', outcome: 'failed' }).catch(() => undefined);
    throw failure;
  }
}

/**
 * The automatic backup inside the unlock, where there is no backup thread (in-process tests and
 * bench runs; the app runs it on a thread, see background-backup.ts): on the first unlock of a day
 * (local date) when the newest backup is from an earlier day. Never throws: a failure is audited and kept for the backup status, and unlocking goes
 * on; only a damaged database (found while copying) closes the store, which the caller checks.
 */
export async function runDailyBackup(store: Store): Promise<AutomaticBackupResult | null> {
  if (!store.isUnlocked) return null;
  const now = store.clock();
  try {
    const { folder } = await backupSettings(store);
    const newest = listBackups(folder)[0];
    if (newest && localIsoDate(new Date(newest.createdAt)) >= localIsoDate(now)) return null;
    const entry = await createBackup(store, { kind: 'automatic' });
    return recordAutomaticResult(store, now, null, entry.fileName);
  } catch (err) {
    return recordAutomaticResult(store, now, err);
  }
}

/**
 * Keeps the outcome of an automatic backup for the status: ok with its file, or the failure as the
 * app's own message (an error becomes one without paths). Never throws.
 */
export async function recordAutomaticResult(store: Store, at: Date, failure: unknown, fileName: string | null = null): Promise<AutomaticBackupResult> {
  const refused = failure === null || typeof failure === 'string' ? null : writeError(failure);
  const message = failure === null ? null : typeof failure === 'string' ? failure : (refused?.message ?? null);
  const result: AutomaticBackupResult = { at: at.toISOString(), ok: failure === null, fileName: failure === null ? fileName : null, message };
  if (refused?.reason !== undefined) result.reason = refused.reason;
  try {
    await setSetting(store.requireSession().db, SETTING_LAST_AUTOMATIC, result);
  } catch {
    // The audit row already tells; the status just will not show it.
  }
  return result;
}
