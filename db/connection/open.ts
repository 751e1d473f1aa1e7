import fs from 'node:fs';
import Database from 'better-sqlite3-multiple-ciphers';
import { damagedError, DbError } from '../errors';
import { registerTextFunctions } from './text-functions';

export type SqliteDb = Database.Database;

/** The settings every connection must run with; each is set and then read back. */
export const REQUIRED_PRAGMAS = [
  { name: 'journal_mode', set: 'WAL', expect: 'wal' },
  { name: 'synchronous', set: 'FULL', expect: 2 },
  { name: 'foreign_keys', set: 'ON', expect: 1 },
  // The default temp store writes plaintext temporary files (measured: /var/tmp); keep them in memory.
  { name: 'temp_store', set: 'MEMORY', expect: 2 },
  { name: 'secure_delete', set: 'ON', expect: 1 },
  // 128 MiB of decrypted pages (the default is 2 MiB): searching and opening cases at city scale
  // walk about 150 MB of indexes and rows, and a page not in the cache is read and decrypted again.
  // The memory is only taken as pages are read, and freed when the database locks.
  { name: 'cache_size', set: '-131072', expect: -131072 },
] as const;

/**
 * The smallest page SQLite allows: a database file that exists holds at least one whole page, so a
 * shorter one (0 bytes after a crash or a full disk, a cut copy) is damage. SQLite itself would take
 * an empty file for a new, empty database and write a fresh one in its place.
 */
export const MIN_DATABASE_BYTES = 512;

/** True when the file exists but is too short to be a database (see MIN_DATABASE_BYTES). */
export function isTruncatedDatabase(file: string): boolean {
  try {
    return fs.statSync(file).size < MIN_DATABASE_BYTES;
  } catch {
    return false;
  }
}

/**
 * Opens an encrypted database file with a raw 256-bit key, without touching its schema yet. With
 * `fileMustExist`, a file too short to be a database is refused as damaged and never written to.
 */
export function openKeyed(file: string, dataKey: Buffer, options: { readonly?: boolean; fileMustExist?: boolean } = {}): SqliteDb {
  if (dataKey.length !== 32) throw new DbError('internal', 'The data key has the wrong length.');
  if (options.fileMustExist && isTruncatedDatabase(file)) throw damagedError();
  const db = new Database(file, { readonly: options.readonly ?? false, fileMustExist: options.fileMustExist ?? false });
  try {
    // SQLCipher 4 format so IT can open a copy with standard SQLCipher tools and the raw key.
    db.pragma(`cipher='sqlcipher'`);
    db.pragma('legacy=4');
    db.pragma(`key="x'${dataKey.toString('hex')}'"`);
    // PRAGMA key answers ok even with a wrong key: only a read proves the key.
    db.prepare('SELECT count(*) AS n FROM sqlite_master').get();
    registerTextFunctions(db);
    return db;
  } catch (err) {
    db.close();
    const code = (err as { code?: string }).code;
    if (code === 'SQLITE_NOTADB') throw new DbError('wrong_credentials', 'The key does not open this database.');
    if (code === 'SQLITE_CORRUPT') throw new DbError('database_damaged', 'The database file is damaged. Restore it from a backup.');
    throw err;
  }
}

/** Sets the required pragmas and asserts each one took effect. */
export function applyRequiredPragmas(db: SqliteDb): void {
  for (const p of REQUIRED_PRAGMAS) {
    if (db.readonly && p.name === 'journal_mode') continue;
    db.pragma(`${p.name}=${p.set}`);
    const actual = db.pragma(p.name, { simple: true });
    const normalized = typeof actual === 'string' ? actual.toLowerCase() : actual;
    if (normalized !== p.expect) {
      db.close();
      throw new DbError('internal', `The database setting ${p.name} could not be applied.`);
    }
  }
}

/** Reads the schema version SQLite keeps in the file header. */
export function schemaVersion(db: SqliteDb): number {
  return Number(db.pragma('user_version', { simple: true }));
}
