import fs from 'node:fs';
import { sql, type Kysely } from 'kysely';
import { schemaVersion, type SqliteDb } from '../connection/open';
import { DbError } from '../errors';
import { restrictFile } from '../files/secure-files';
import { LATEST_VERSION, MIGRATIONS, type Migration } from './index';

/** Thrown before anything is written when the file comes from a newer app version. */
export function assertNotFromFuture(sqlite: SqliteDb, latest = LATEST_VERSION): void {
  const version = schemaVersion(sqlite);
  if (version > latest) {
    throw new DbError(
      'database_from_future',
      `This database was written by a newer version of Fristad (schema ${version}; this version knows ${latest}). Install the newer version; the file has not been changed.`,
    );
  }
}

/** Copies the database (still encrypted) before migrating, so a failed migration loses nothing. */
export function backupBeforeMigration(sqlite: SqliteDb, dbFile: string, fromVersion: number): string {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const target = `${dbFile}.pre-migration-v${fromVersion}-${stamp}.bak`;
  // VACUUM INTO writes with the connection's cipher and key, so the copy stays encrypted.
  sqlite.prepare('VACUUM INTO ?').run(target);
  restrictFile(target);
  return target;
}

export interface MigrationReport {
  from: number;
  to: number;
  backup: string | null;
}

/** Runs every pending migration, each in its own transaction, after backing the file up. */
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
  for (const migration of pending) {
    // Kysely's Migrator does not wrap SQLite migrations in a transaction; we do, with the version bump inside.
    await db.transaction().execute(async (trx) => {
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
      await trx
        .insertInto('schema_migrations')
        .values({ version: migration.version, name: migration.name, applied_at: now().toISOString() })
        .execute();
      await sql.raw(`PRAGMA user_version = ${Math.trunc(migration.version)}`).execute(trx);
    });
  }
  return { from, to: latest, backup };
}
