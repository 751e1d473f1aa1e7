import fs from 'node:fs';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import { schemaVersion, type SqliteDb } from '../connection/open';
import { DbError } from '../errors';
import { fsyncDir, restrictFile } from '../files/secure-files';
import { LATEST_VERSION, MIGRATIONS, type Migration } from './index';

/** Thrown before anything is written when the file comes from a newer app version. */
export function assertNotFromFuture(sqlite: SqliteDb, latest = LATEST_VERSION): void {
  const version = schemaVersion(sqlite);
  if (version > latest) {
    throw new DbError(
      'database_from_future',
      `This database was written by a newer version of Fristad (schema ${version}; this version knows ${latest}). Install the newer version; the file has not been changed.`,
    ).because('database_from_future', { version, latest });
  }
}

/** A pre-migration copy being written; a crash can leave one behind, and the next copy removes it. */
const PRE_MIGRATION_TEMP = /\.pre-migration-v\d+-[0-9TZ-]+\.bak\.tmp-\d+(-journal)?$/;

/** Copies the database (still encrypted) before migrating, so a failed migration loses nothing. */
export function backupBeforeMigration(sqlite: SqliteDb, dbFile: string, fromVersion: number): string {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const target = `${dbFile}.pre-migration-v${fromVersion}-${stamp}.bak`;
  const dir = path.dirname(dbFile);
  const base = path.basename(dbFile);
  for (const name of fs.readdirSync(dir)) {
    if (name.startsWith(`${base}.pre-migration-`) && PRE_MIGRATION_TEMP.test(name)) fs.rmSync(path.join(dir, name), { force: true });
  }
  // Written under a temporary name and renamed once on disk: a crash mid-copy never leaves a
  // partial file under the name of a usable copy.
  const tmp = `${target}.tmp-${process.pid}`;
  try {
    // VACUUM INTO writes with the connection's cipher and key, so the copy stays encrypted.
    sqlite.prepare('VACUUM INTO ?').run(tmp);
    restrictFile(tmp);
    const fd = fs.openSync(tmp, 'r+');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, target);
    fsyncDir(dir);
  } catch (err) {
    fs.rmSync(tmp, { force: true });
    throw err;
  }
  return target;
}

export interface MigrationReport {
  from: number;
  to: number;
  backup: string | null;
}

/** Runs every pending migration in one transaction, after backing the file up. */
export async function migrate(
  sqlite: SqliteDb,
  db: Kysely<any>,
  dbFile: string,
  migrations: readonly Migration[] = MIGRATIONS,
  now: () => Date = () => new Date(),
): Promise<MigrationReport> {
  const latest = migrations[migrations.length - 1]?.version ?? 0;
  assertNotFromFuture(sqlite, latest);
  const from = schemaVersion(sqlite);
  const pending = migrations.filter((m) => m.version > from);
  if (pending.length === 0) return { from, to: from, backup: null };

  const backup = from > 0 && fs.existsSync(dbFile) ? backupBeforeMigration(sqlite, dbFile, from) : null;
  // A migration that adds a constraint rebuilds its table (SQLite's documented way): dropping the old
  // table with foreign keys on would delete every row that refers to it. The pragma is a no-op inside
  // a transaction, so it goes off before and back on after; the references are checked before commit.
  const foreignKeys = sqlite.pragma('foreign_keys', { simple: true }) === 1;
  if (foreignKeys) sqlite.pragma('foreign_keys = OFF');
  try {
    await migrateInTransaction(db, pending, now);
  } finally {
    if (foreignKeys) sqlite.pragma('foreign_keys = ON');
  }
  return { from, to: latest, backup };
}

async function migrateInTransaction(db: Kysely<any>, pending: readonly Migration[], now: () => Date): Promise<void> {
  // One transaction for every pending migration, each version bump inside it: a crash or a failure
  // leaves the file at the version it had, never half way, and the next start simply runs them again.
  // (Kysely's Migrator does not wrap SQLite migrations in a transaction at all.)
  await db.transaction().execute(async (trx) => {
    for (const migration of pending) {
      if (migration.version === 1) {
        await trx.schema
          .createTable('schema_migrations')
          .ifNotExists()
          .addColumn('version', 'integer', (c) => c.primaryKey())
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('applied_at', 'text', (c) => c.notNull())
          .execute();
      }
      await migration.up(trx);
      await trx.insertInto('schema_migrations').values({ version: migration.version, name: migration.name, applied_at: now().toISOString() }).execute();
      await sql.raw(`PRAGMA user_version = ${Math.trunc(migration.version)}`).execute(trx);
    }
    const broken = await sql`PRAGMA foreign_key_check`.execute(trx);
    if (broken.rows.length > 0) throw new DbError('internal', 'A migration left references to rows that do not exist; nothing was changed.');
  });
}
