import { ADMIN } from '../../core/contract';
import fs from 'node:fs';
import path from 'node:path';
import { Kysely, SqliteDialect } from 'kysely';
import { writable, type WriteDb } from '../handles';
import { applyRequiredPragmas, openKeyed, type SqliteDb } from '../connection/open';
import { DbError } from '../errors';
import { fsyncDir, restrictDatabaseFiles, restrictFile } from '../files/secure-files';
import { writeKeyfile } from '../keys/keyfile';
import { assertNotFromFuture } from '../migrations/runner';
import { appendAudit, verifyAuditChain } from '../repositories/audit-log';
import { findUserByUsername } from '../repositories/users';
import type { DB } from '../schema';
import type { Store } from '../store/store';
import { backupSettings } from './create-backup';
import { fsyncFile, readManifest, type Manifest } from './manifest';
import { assertSameInstallation, integrityOk, verifyBackupFile } from './verify-backup';

/** Verifies one backup in the configured folder with the open session's data key; audited as 'verify'. */
export async function verifyBackup(store: Store, fileName: string): Promise<{ manifest: Manifest; rows: number }> {
  const s = store.requireSession(ADMIN);
  const { folder } = await backupSettings(store);
  try {
    const file = path.join(folder, fileName);
    const manifest = readManifest(file);
    assertSameInstallation(manifest, s.keyfile);
    const rows = await verifyBackupFile(file, s.dataKey, manifest, { live: s.keyfile });
    await store.audit({ action: 'verify', entity: 'backup', entityId: fileName });
    return { manifest, rows };
  } catch (err) {
    await store.audit({ action: 'verify', entity: 'backup', entityId: fileName, outcome: 'failed' });
    throw err;
  }
}

const DB_SUFFIXES = ['', '-wal', '-shm'] as const;

/**
 * Restores a backup: verifies it first (same data key, integrity, counts, audit chain up to the
 * manifest's head), then locks, moves the current database (+ -wal, -shm) and key file aside to
 * `<name>.before-restore-<timestamp>`, copies the backup into place atomically, puts back the key
 * file of the backup's time, opens and checks it and writes a 'restore' audit row into it. On any
 * failure after the move the aside files are put back. The app stays locked afterwards.
 */
export async function restoreBackup(store: Store, fileName: string): Promise<void> {
  const s = store.requireSession(ADMIN);
  const { manifest } = await verifyBackup(store, fileName).catch(async (err: unknown) => {
    await store.audit({ action: 'restore', entity: 'backup', entityId: fileName, outcome: 'failed' });
    throw err;
  });
  const { folder } = await backupSettings(store);
  const dataKey = Buffer.from(s.dataKey);
  const restorer = { username: s.user.username, role: s.user.role };
  store.lock('restore');
  try {
    await putBackupInPlace(store, path.join(folder, fileName), manifest, dataKey, async (db) => {
      const user = await findUserByUsername(db, restorer.username);
      await appendAudit(db, { userId: user?.id ?? null, role: restorer.role, action: 'restore', entity: 'backup', entityId: fileName, at: store.clock() });
    });
  } finally {
    dataKey.fill(0);
  }
}

/**
 * Puts a verified backup in place of the (locked) store's database: moves the current database
 * (+ -wal, -shm) and key file aside to `<name>.before-restore-<timestamp>`, copies the backup in
 * atomically, puts back the key file of the backup's time, opens and checks it (integrity, audit
 * chain up to the manifest's head) and lets `audit` write the restore row. On any failure the aside
 * files are put back.
 */
export async function putBackupInPlace(
  store: Store,
  source: string,
  manifest: Manifest,
  dataKey: Buffer,
  audit: (db: WriteDb) => Promise<void>,
): Promise<void> {
  if (store.isUnlocked) throw new DbError('not_allowed', 'Lock Fristad before restoring a backup.').because('restore_lock_first');
  const paths = store.paths;
  const stamp = store.clock().toISOString().replace(/[:.]/g, '-');
  const moved: { from: string; to: string }[] = [];
  const placedTmp = `${paths.db}.restore-tmp-${process.pid}`;
  let sqlite: SqliteDb | null = null;

  try {
    for (const file of [...DB_SUFFIXES.map((x) => paths.db + x), paths.keyfile]) {
      if (!fs.existsSync(file)) continue;
      const to = `${file}.before-restore-${stamp}`;
      fs.renameSync(file, to);
      moved.push({ from: file, to });
    }
    fsyncDir(paths.dir);

    fs.copyFileSync(source, placedTmp, fs.constants.COPYFILE_EXCL);
    restrictFile(placedTmp);
    fsyncFile(placedTmp);
    fs.renameSync(placedTmp, paths.db);
    writeKeyfile(paths.keyfile, manifest.keyfile);
    fsyncDir(paths.dir);

    sqlite = openKeyed(paths.db, dataKey, { fileMustExist: true });
    assertNotFromFuture(sqlite);
    applyRequiredPragmas(sqlite);
    if (!integrityOk(sqlite))
      throw new DbError('not_allowed', 'The restored database failed the integrity check. Nothing was changed.').because('restore_integrity_failed');
    const db = writable(new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }) }));
    const chain = await verifyAuditChain(db);
    if (!chain.ok || chain.headSequence !== manifest.auditHead.sequence || chain.headHash !== manifest.auditHead.hash) {
      throw new DbError('not_allowed', 'The restored audit log does not match the backup. Nothing was changed.').because('restore_chain_mismatch');
    }
    await audit(db);
    store.rebaseWitness(sqlite, dataKey, manifest.keyfile.installationId);
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
    sqlite.close();
    sqlite = null;
    restrictDatabaseFiles(paths.db);
  } catch (err) {
    if (sqlite?.open) sqlite.close();
    fs.rmSync(placedTmp, { force: true });
    for (const m of moved.slice().reverse()) fs.renameSync(m.to, m.from);
    // Whatever was placed but had no aside copy (a -wal from the failed open) goes.
    for (const file of [...DB_SUFFIXES.map((x) => paths.db + x), paths.keyfile]) {
      if (!moved.some((m) => m.from === file)) fs.rmSync(file, { force: true });
    }
    fsyncDir(paths.dir);
    if (err instanceof DbError) throw err;
    throw new DbError('not_allowed', 'The backup could not be put in place. The current database is unchanged.').because('restore_not_in_place');
  }
}
