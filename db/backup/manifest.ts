import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { AuditHeadSchema, BACKUP_FILE_PATTERN, type BackupEntry } from '../../core/contract';
import { DbError } from '../errors';
import { KeyfileSchema } from '../keys/keyfile';

export const MANIFEST_FORMAT = 'fristad-backup';
export const MANIFEST_VERSION = 1;
/** The manifest sits beside its backup: `fristad-YYYYMMDD-HHMMSS.fbak.json`. */
export const MANIFEST_SUFFIX = '.json';
const MANIFEST_PATTERN = /^fristad-\d{8}-\d{6}\.fbak\.json$/;
/** A backup being written; a crash can leave one behind, and the next backup removes it. */
// VACUUM INTO writes its target with a rollback journal beside it; a crash leaves that too.
const TEMP_PATTERN = /^\.fristad-\d{8}-\d{6}\.fbak\.tmp-\d+(-journal)?$/;
/** A manifest being written (writeFileAtomic's temporary name); also removed by the next backup. */
const MANIFEST_TEMP_PATTERN = /^fristad-\d{8}-\d{6}\.fbak\.json\.tmp-\d+-\d+$/;

/**
 * What a backup holds besides the database: counts, the audit head and the key file. Only numbers,
 * hashes, table names and the key file (wrapped keys only): never the raw key, never personal data.
 * Without the key file copy the backup cannot be opened, because nobody holds the data key in clear.
 */
export const ManifestSchema = z.object({
  format: z.literal(MANIFEST_FORMAT),
  version: z.number().int().positive(),
  fileName: z.string().regex(BACKUP_FILE_PATTERN),
  createdAt: z.string(),
  kind: z.enum(['manual', 'automatic']),
  schemaVersion: z.number().int().nonnegative(),
  sizeBytes: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  tables: z.record(z.string(), z.number().int().nonnegative()),
  auditHead: AuditHeadSchema,
  /** The installation's key file when the backup was made; restored together with the database. */
  keyfile: KeyfileSchema,
  /** HMAC of the key file copy under a key derived from the data key (db/backup/keyfile-check.ts); absent in older manifests. */
  keyfileMac: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional(),
});
export type Manifest = z.infer<typeof ManifestSchema>;

export function manifestPath(backupFile: string): string {
  return backupFile + MANIFEST_SUFFIX;
}

/** `fristad-YYYYMMDD-HHMMSS.fbak`, in UTC so names sort in time order across daylight saving. */
export function backupFileName(at: Date): string {
  const iso = at.toISOString();
  return `fristad-${iso.slice(0, 10).replace(/-/g, '')}-${iso.slice(11, 19).replace(/:/g, '')}.fbak`;
}

/** `tag` (digits) keeps the automatic backup's temporary name apart from a manual one's in the same process. */
export function tempFileName(fileName: string, tag = ''): string {
  return `.${fileName}.tmp-${process.pid}${tag}`;
}

/** Reads and validates the manifest beside a backup; a refusal when it is missing or unreadable. */
export function readManifest(backupFile: string): Manifest {
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(manifestPath(backupFile), 'utf8'));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new DbError('not_found', 'The backup or its manifest (.fbak.json) is missing from the backup folder.').because('backup_manifest_missing');
    }
    throw new DbError('not_allowed', 'The backup manifest is damaged. This backup cannot be used.').because('backup_manifest_damaged');
  }
  const version = (json as { version?: unknown } | null)?.version;
  if (typeof version === 'number' && version > MANIFEST_VERSION) {
    throw new DbError('database_from_future', 'This backup was made by a newer version of Fristad. Install the newer version to restore it.').because(
      'backup_from_future',
    );
  }
  const parsed = ManifestSchema.safeParse(json);
  if (!parsed.success || parsed.data.fileName !== path.basename(backupFile)) {
    throw new DbError('not_allowed', 'The backup manifest is damaged. This backup cannot be used.').because('backup_manifest_damaged');
  }
  return parsed.data;
}

export function toEntry(m: Manifest): BackupEntry {
  return { fileName: m.fileName, createdAt: m.createdAt, sizeBytes: m.sizeBytes, auditHead: m.auditHead };
}

/** The backups in a folder with a readable manifest, newest first; anything else is ignored. */
export function listBackups(folder: string): BackupEntry[] {
  let names: string[];
  try {
    names = fs.readdirSync(folder);
  } catch {
    return [];
  }
  const entries: BackupEntry[] = [];
  for (const name of names.filter((n) => BACKUP_FILE_PATTERN.test(n))) {
    try {
      const m = readManifest(path.join(folder, name));
      entries.push(toEntry(m));
    } catch {
      // A backup without a usable manifest cannot be restored; it is not listed.
    }
  }
  return entries.sort((a, b) => (a.fileName < b.fileName ? 1 : a.fileName > b.fileName ? -1 : 0));
}

/**
 * Keeps the newest `keep` backups in a folder and removes the rest with their manifests, plus
 * manifests without a backup and temporary files left by a crash. Only Fristad's own names are touched.
 */
export function pruneBackups(folder: string, keep: number, except: string | null = null): string[] {
  const names = fs.readdirSync(folder);
  const backups = names
    .filter((n) => BACKUP_FILE_PATTERN.test(n))
    .sort()
    .reverse();
  const removed: string[] = [];
  for (const name of backups.slice(Math.max(1, keep))) {
    if (name === except) continue;
    fs.rmSync(path.join(folder, name), { force: true });
    fs.rmSync(manifestPath(path.join(folder, name)), { force: true });
    removed.push(name);
  }
  for (const name of names) {
    if (isBackupLeftover(name, names)) fs.rmSync(path.join(folder, name), { force: true });
  }
  return removed;
}

/** True for a file a stopped backup left in its folder: a temporary copy or manifest, or a manifest without its backup. */
export function isBackupLeftover(name: string, names: readonly string[]): boolean {
  const orphanManifest = MANIFEST_PATTERN.test(name) && !names.includes(name.slice(0, -MANIFEST_SUFFIX.length));
  return orphanManifest || TEMP_PATTERN.test(name) || MANIFEST_TEMP_PATTERN.test(name);
}

export function sha256File(file: string): string {
  const hash = crypto.createHash('sha256');
  const buffer = Buffer.alloc(1 << 20);
  const fd = fs.openSync(file, 'r');
  try {
    for (let n = fs.readSync(fd, buffer); n > 0; n = fs.readSync(fd, buffer)) hash.update(buffer.subarray(0, n));
  } finally {
    fs.closeSync(fd);
  }
  return hash.digest('hex');
}

/** Flushes a file's content to disk. */
export function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}
