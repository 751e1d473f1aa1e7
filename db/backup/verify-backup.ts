import fs from 'node:fs';
import { Kysely, SqliteDialect } from 'kysely';
import { readable } from '../handles';
import type { AuditHead, RefusalParams, RefusalReason } from '../../core/contract';
import { GENESIS_HASH } from '../audit/chain';
import { openKeyed, schemaVersion, type SqliteDb } from '../connection/open';
import { DbError } from '../errors';
import type { Keyfile } from '../keys/keyfile';
import { checkKeyfileCopy, type BackupUserSlot, type Opener } from './keyfile-check';
import { assertNotFromFuture } from '../migrations/runner';
import { verifyAuditChain } from '../repositories/audit-log';
import type { DB } from '../schema';
import { sha256File, type Manifest } from './manifest';

/** Row counts of every table, by name. Call it inside one synchronous stretch to get one snapshot. */
export function countRows(sqlite: SqliteDb): Record<string, number> {
  const tables = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[];
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    const row = sqlite.prepare(`SELECT count(*) AS n FROM "${name.replace(/"/g, '""')}"`).get() as { n: number };
    counts[name] = Number(row.n);
  }
  return counts;
}

/** The audit chain's last row, or the genesis when the log is empty. */
export function auditHeadOf(sqlite: SqliteDb): AuditHead {
  const last = sqlite.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string } | undefined;
  return { sequence: last?.seq ?? 0, hash: last?.hash ?? GENESIS_HASH };
}

function sameCounts(a: Record<string, number>, b: Record<string, number>): boolean {
  const keys = Object.keys(a).sort();
  return JSON.stringify(keys) === JSON.stringify(Object.keys(b).sort()) && keys.every((k) => a[k] === b[k]);
}

function refuse(message: string, reason: RefusalReason, params?: RefusalParams): never {
  throw new DbError('not_allowed', message).because(reason, params);
}

/** True when a database file passes SQLite's full integrity check. */
export function integrityOk(sqlite: SqliteDb): boolean {
  const rows = sqlite.pragma('integrity_check') as { integrity_check: string }[];
  return rows.length === 1 && rows[0]?.integrity_check === 'ok';
}

/** Refuses a backup whose key file belongs to another installation. */
export function assertSameInstallation(manifest: Manifest, current: Keyfile): void {
  if (manifest.keyfile.installationId !== current.installationId) {
    refuse('This backup belongs to another Fristad installation. It cannot be restored here.', 'backup_other_installation');
  }
}

/**
 * Checks a backup file against its manifest: size and checksum, opens with this data key, passes
 * the integrity check, has the manifest's row counts and schema, and its audit chain verifies up
 * to the manifest's head (a cut or altered log is refused); then the manifest's key file copy
 * (checkKeyfileCopy: against `live`, the backup's own slot copies, and the restorer's passphrase
 * when given). Returns the total number of rows.
 */
export async function verifyBackupFile(
  file: string,
  dataKey: Buffer,
  manifest: Manifest,
  keys: { live?: Keyfile | null; opener?: Opener } = {},
): Promise<number> {
  let size: number;
  try {
    size = fs.statSync(file).size;
  } catch {
    throw new DbError('not_found', 'The backup file is missing from the backup folder.').because('backup_missing');
  }
  if (size !== manifest.sizeBytes || sha256File(file) !== manifest.sha256) {
    refuse('The backup file has been changed or damaged since it was written. It cannot be used.', 'backup_changed');
  }
  let sqlite: SqliteDb;
  try {
    sqlite = openKeyed(file, dataKey, { readonly: true, fileMustExist: true });
  } catch (err) {
    if (err instanceof DbError && err.code === 'wrong_credentials') {
      refuse(
        "This backup was made with another data key (another installation or a reinstalled one). It cannot be opened with this installation's key.",
        'backup_other_key',
      );
    }
    refuse('The backup file is damaged and cannot be opened.', 'backup_unreadable');
  }
  try {
    // Checking must not spill plaintext to temporary files either.
    sqlite.pragma('temp_store=MEMORY');
    assertNotFromFuture(sqlite);
    if (schemaVersion(sqlite) !== manifest.schemaVersion) refuse('The backup does not match its manifest (schema version).', 'backup_manifest_mismatch');
    let ok: boolean;
    try {
      ok = integrityOk(sqlite);
    } catch {
      ok = false;
    }
    if (!ok) refuse('The backup failed the database integrity check. It cannot be used.', 'backup_integrity_failed');
    const counts = countRows(sqlite);
    if (!sameCounts(counts, manifest.tables)) refuse('The backup does not match its manifest (row counts).', 'backup_manifest_mismatch');
    const chain = await verifyAuditChain(readable(new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }) })));
    if (!chain.ok)
      refuse(`The audit log inside the backup is broken at sequence ${chain.firstBadSequence}. It cannot be used.`, 'backup_chain_broken', {
        sequence: chain.firstBadSequence,
      });
    if (chain.headSequence !== manifest.auditHead.sequence || chain.headHash !== manifest.auditHead.hash) {
      refuse('The audit log inside the backup does not end at the head recorded in its manifest. It cannot be used.', 'backup_chain_head');
    }
    const users = sqlite.prepare('SELECT username, wrapped_key FROM users').all() as BackupUserSlot[];
    await checkKeyfileCopy({ keyfile: manifest.keyfile, mac: manifest.keyfileMac, dataKey, live: keys.live ?? null, users, opener: keys.opener });
    return Object.values(counts).reduce((a, b) => a + b, 0);
  } catch (err) {
    if (err instanceof DbError) throw err;
    throw new DbError('not_allowed', 'The backup file is damaged and cannot be read.').because('backup_unreadable');
  } finally {
    if (sqlite.open) sqlite.close();
  }
}
