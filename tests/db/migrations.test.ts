import fs from 'node:fs';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openKeyed, schemaVersion } from '../../db/connection/open';
import { DbError } from '../../db/errors';
import { LATEST_VERSION, MIGRATIONS, type Migration } from '../../db/migrations';
import { migrate } from '../../db/migrations/runner';
import { emptyDatabase, SCHEMA_SNAPSHOT_FILE, schemaNames, schemaSnapshotText } from './migrations/at-version';

// Each migration from the version before it, with data: tests/db/migrations/from-previous-version.test.ts.

describe('migrations', () => {
  it('lists versions in strictly increasing order', () => {
    MIGRATIONS.forEach((m, i) => expect(m.version).toBe(i + 1));
    expect(LATEST_VERSION).toBe(MIGRATIONS.length);
  });

  it('backs up an existing database (still encrypted) before migrating it', async () => {
    const { sqlite, db, file, key } = emptyDatabase();
    await migrate(sqlite, db, file, MIGRATIONS);
    sqlite.prepare(`INSERT INTO settings (key, value) VALUES ('team_name', '"Före"')`).run();
    const next: Migration = {
      version: LATEST_VERSION + 1,
      name: 'test-add-column',
      up: async (trx) => {
        await trx.schema.alterTable('settings').addColumn('note', 'text').execute();
      },
    };
    const report = await migrate(sqlite, db, file, [...MIGRATIONS, next]);
    expect(report.from).toBe(LATEST_VERSION);
    expect(report.to).toBe(LATEST_VERSION + 1);
    expect(report.backup).not.toBeNull();
    const backup = report.backup ?? '';
    expect(fs.readFileSync(backup).subarray(0, 16).toString('latin1')).not.toContain('SQLite format');
    const copy = openKeyed(backup, key);
    expect(schemaVersion(copy)).toBe(LATEST_VERSION);
    expect(copy.prepare("SELECT value FROM settings WHERE key = 'team_name'").get()).toEqual({ value: '"Före"' });
    copy.close();
    expect(fs.statSync(backup).mode & 0o777).toBe(0o600);
  });

  it('rolls a failing migration back completely and keeps the version', async () => {
    const { sqlite, db, file } = emptyDatabase();
    await migrate(sqlite, db, file, MIGRATIONS);
    const broken: Migration = {
      version: LATEST_VERSION + 1,
      name: 'test-broken',
      up: async (trx) => {
        await trx.schema.createTable('half_done').addColumn('id', 'integer').execute();
        await sql`SELECT * FROM no_such_table`.execute(trx);
      },
    };
    await expect(migrate(sqlite, db, file, [...MIGRATIONS, broken])).rejects.toThrow();
    expect(schemaVersion(sqlite)).toBe(LATEST_VERSION);
    expect(schemaNames(sqlite, 'table')).not.toContain('half_done');
  });

  it('runs migrations with foreign keys off, refuses one that leaves a broken reference, and turns them on again', async () => {
    const { sqlite, db, file } = emptyDatabase();
    await migrate(sqlite, db, file, MIGRATIONS);
    const orphaning: Migration = {
      version: LATEST_VERSION + 1,
      name: 'test-orphaning',
      up: async (trx) => {
        // With foreign keys on, this would already fail here; off, only the check before commit finds it.
        await sql`INSERT INTO audit_reviews (seq, reviewed_by, reviewed_at) VALUES (1, 99, 'now')`.execute(trx);
      },
    };
    const err = await migrate(sqlite, db, file, [...MIGRATIONS, orphaning]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DbError);
    expect((err as DbError).code).toBe('internal');
    expect(schemaVersion(sqlite)).toBe(LATEST_VERSION);
    expect(sqlite.prepare('SELECT count(*) AS n FROM audit_reviews').get()).toEqual({ n: 0 });
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
  });

  it('refuses a database from a newer version before writing anything', async () => {
    const { sqlite, db, file } = emptyDatabase();
    await migrate(sqlite, db, file, MIGRATIONS);
    sqlite.pragma(`user_version = ${LATEST_VERSION + 5}`);
    const err = await migrate(sqlite, db, file, MIGRATIONS).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DbError);
    expect((err as DbError).code).toBe('database_from_future');
  });

  it('matches the committed schema snapshot (update with UPDATE_SCHEMA_SNAPSHOT=1 when a migration is added)', async () => {
    const { sqlite, db, file } = emptyDatabase();
    await migrate(sqlite, db, file, MIGRATIONS);
    const text = schemaSnapshotText(sqlite);
    if (process.env.UPDATE_SCHEMA_SNAPSHOT === '1') fs.writeFileSync(SCHEMA_SNAPSHOT_FILE, text);
    expect(text).toBe(fs.readFileSync(SCHEMA_SNAPSHOT_FILE, 'utf8'));
  });
});
