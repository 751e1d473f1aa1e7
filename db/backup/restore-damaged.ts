import fs from 'node:fs';
import path from 'node:path';
import { Kysely, SqliteDialect } from 'kysely';
import { readable } from '../handles';
import type { BackupEntry } from '../../core/contract';
import { openKeyed, type SqliteDb } from '../connection/open';
import { DbError, isDamageError } from '../errors';
import { appendAudit } from '../repositories/audit-log';
import { findUserByUsername } from '../repositories/users';
import type { DB } from '../schema';
import type { Store } from '../store/store';
import { defaultBackupFolder } from './create-backup';
import { listBackups, readManifest } from './manifest';
import { putBackupInPlace } from './restore-backup';
import { assertSameInstallation, verifyBackupFile } from './verify-backup';

export interface DamagedCredentials {
  username: string;
  passphrase: string;
  folder?: string | null;
}

function folderOf(store: Store, folder: string | null | undefined): string {
  if (folder === null || folder === undefined) return defaultBackupFolder(store);
  if (!path.isAbsolute(folder)) {
    throw new DbError('invalid_input', 'Choose the backup folder by its full path.', undefined, [
      { path: ['folder'], message: 'backup_folder_absolute' },
    ]).because('backup_folder_absolute');
  }
  return path.resolve(folder);
}

function requireLocked(store: Store): void {
  if (store.isUnlocked) throw new DbError('not_allowed', 'Fristad is unlocked. Restore backups from Settings → Backups instead.').because('restore_unlocked');
}

/** The backups a damaged database can be restored from, after checking the user's passphrase against the key file. */
export async function listBackupsForDamaged(store: Store, input: DamagedCredentials): Promise<{ folder: string; backups: BackupEntry[] }> {
  requireLocked(store);
  const folder = folderOf(store, input.folder);
  const { dataKey } = await store.checkPassphrase(input.username, input.passphrase);
  dataKey.fill(0);
  return { folder, backups: listBackups(folder) };
}

/**
 * True when the database cannot be trusted: marked damaged by an earlier read, missing, or failing
 * a full read now. Only then may a backup be restored without unlocking first.
 */
function confirmDamaged(store: Store, dataKey: Buffer): boolean {
  if (store.isMarkedDamaged() || !fs.existsSync(store.paths.db)) return true;
  let sqlite: SqliteDb | null = null;
  try {
    sqlite = openKeyed(store.paths.db, dataKey, { readonly: true, fileMustExist: true });
    sqlite.pragma('temp_store=MEMORY');
    const rows = sqlite.pragma('quick_check') as { quick_check: string }[];
    return rows.length !== 1 || rows[0]?.quick_check !== 'ok';
  } catch (err) {
    // The key file has proven the key, so a file it does not open is damaged too.
    return isDamageError(err) || (err instanceof DbError && err.code === 'wrong_credentials');
  } finally {
    if (sqlite?.open) sqlite.close();
  }
}

/** The role of an enabled user in the backup: only someone who was an administrator then may restore it. */
async function roleInBackup(file: string, dataKey: Buffer, username: string): Promise<string | null> {
  const sqlite = openKeyed(file, dataKey, { readonly: true, fileMustExist: true });
  try {
    const row = await findUserByUsername(readable(new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }) })), username);
    return row && row.disabled_at === null ? row.role : null;
  } finally {
    sqlite.close();
  }
}

/**
 * Restores a backup over a damaged database while locked. The user proves who they are with the
 * key file (throttled like unlocking); the database must really be damaged (otherwise unlock and
 * restore as usual); the backup must verify with the data key and name the user as an enabled
 * administrator. The damaged files are kept aside (`*.before-restore-<time>`) for IT, and the
 * restore is audited in the restored database. The app stays locked afterwards.
 */
export async function restoreDamaged(store: Store, input: DamagedCredentials & { fileName: string }): Promise<void> {
  requireLocked(store);
  const folder = folderOf(store, input.folder);
  const { keyfile, dataKey } = await store.checkPassphrase(input.username, input.passphrase);
  try {
    if (!confirmDamaged(store, dataKey)) {
      throw new DbError('not_allowed', 'The database is not damaged. Unlock Fristad and restore a backup from Settings → Backups if you need to.').because(
        'restore_not_damaged',
      );
    }
    const file = path.join(folder, input.fileName);
    const manifest = readManifest(file);
    assertSameInstallation(manifest, keyfile);
    await verifyBackupFile(file, dataKey, manifest, { live: keyfile, opener: { username: input.username, passphrase: input.passphrase } });
    const role = await roleInBackup(file, dataKey, input.username);
    if (role !== 'administrator') {
      throw new DbError('forbidden', 'Only an administrator can restore a backup. Ask an administrator of your team to do it.').because('restore_admin_only');
    }
    await putBackupInPlace(store, file, manifest, dataKey, async (db) => {
      const user = await findUserByUsername(db, input.username);
      await appendAudit(db, {
        userId: user?.id ?? null,
        role: 'administrator',
        action: 'restore',
        entity: 'damaged_database',
        entityId: input.fileName,
        at: store.clock(),
      });
    });
    store.clearDamaged();
  } finally {
    dataKey.fill(0);
  }
}
