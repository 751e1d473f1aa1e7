import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { applyRequiredPragmas, openKeyed, schemaVersion, type SqliteDb } from '../../db/connection/open';
import { DbError } from '../../db/errors';
import { LATEST_VERSION, MIGRATIONS, type Migration } from '../../db/migrations';
import { migrate } from '../../db/migrations/runner';
import { tempDir } from '../helpers/temp';

let cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.reverse()) c();
  cleanups = [];
});

function openFresh(): { sqlite: SqliteDb; db: Kysely<any>; file: string; key: Buffer } {
  const t = tempDir();
  const file = path.join(t.dir, 'fristad.db');
  const key = crypto.randomBytes(32);
  const sqlite = openKeyed(file, key);
  applyRequiredPragmas(sqlite);
  const db = new Kysely<any>({ dialect: new SqliteDialect({ database: sqlite }) });
  cleanups.push(t.cleanup, () => sqlite.open && sqlite.close());
  return { sqlite, db, file, key };
}

function tables(sqlite: SqliteDb): string[] {
  return (sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
}

describe('migrations', () => {
  it('lists versions in strictly increasing order', () => {
    MIGRATIONS.forEach((m, i) => expect(m.version).toBe(i + 1));
    expect(LATEST_VERSION).toBe(MIGRATIONS.length);
  });

  it('0001 runs from an empty database: tables, version and migration record', async () => {
    const { sqlite, db, file } = openFresh();
    const report = await migrate(sqlite, db, file, MIGRATIONS.slice(0, 1));
    expect(report).toEqual({ from: 0, to: 1, backup: null });
    expect(tables(sqlite)).toEqual(['audit_log', 'counties', 'districts', 'municipalities', 'schema_migrations', 'settings', 'users']);
    expect(schemaVersion(sqlite)).toBe(1);
    const rows = await db.selectFrom('schema_migrations').selectAll().execute();
    expect(rows.map((r) => r.name)).toEqual(['0001-foundation']);
    // Constraints hold: an unknown role is refused.
    await expect(
      db.insertInto('users').values({ username: 'x', display_name: 'X', role: 'king', wrapped_key: '{}', created_at: 'now' }).execute(),
    ).rejects.toThrow(/CHECK constraint/);
  });

  it('0002 runs from version 1 with data in it: casework tables, kept rows, read-only signed notes', async () => {
    const { sqlite, db, file } = openFresh();
    await migrate(sqlite, db, file, MIGRATIONS.slice(0, 1));
    await db.insertInto('users').values({ username: 'anna', display_name: 'Anna', role: 'caseworker', wrapped_key: '{}', created_at: 'x' }).execute();
    const report = await migrate(sqlite, db, file, MIGRATIONS.slice(0, 2));
    expect(report).toMatchObject({ from: 1, to: 2 });
    expect(report.backup).not.toBeNull();
    expect(await db.selectFrom('users').select('username').execute()).toEqual([{ username: 'anna' }]);
    for (const t of ['cases', 'children', 'perpetrators', 'perpetrator_areas', 'moves', 'move_transitions', 'kompotten_members', 'kompotten_requests', 'shelters', 'housing_steps', 'support_items', 'journal_notes', 'reminders']) {
      expect(tables(sqlite)).toContain(t);
    }
    const now = '2026-11-26T10:00:00.000Z';
    sqlite
      .prepare(
        "INSERT INTO cases (case_number, status, survivor_name, survivor_gender, protection_level, created_by, created_at, updated_at) VALUES ('RVT-2026-0001', 'open', 'X', 'woman', 'none', 1, ?, ?)",
      )
      .run(now, now);
    sqlite.prepare("INSERT INTO journal_notes (case_id, note_date, body, status, author_id, created_at) VALUES (1, '2026-11-26', 'text', 'signed', 1, ?)").run(now);
    expect(() => sqlite.prepare("UPDATE journal_notes SET body = 'changed' WHERE id = 1").run()).toThrow(/read-only/);
    expect(() => sqlite.prepare('DELETE FROM journal_notes WHERE id = 1').run()).toThrow(/read-only/);
    expect(() => sqlite.prepare("INSERT INTO cases (case_number, status, survivor_name, survivor_gender, protection_level, created_by, created_at, updated_at) VALUES ('RVT-2026-0002', 'open', 'X', 'woman', 'none', 99, ?, ?)").run(now, now)).toThrow(/FOREIGN KEY/);
  });

  it('0003 runs from version 2 with a case in it: risk tables, case risk columns, read-only completed assessments', async () => {
    const { sqlite, db, file } = openFresh();
    await migrate(sqlite, db, file, MIGRATIONS.slice(0, 2));
    const now = '2026-11-26T10:00:00.000Z';
    sqlite.prepare("INSERT INTO users (username, display_name, role, wrapped_key, created_at) VALUES ('anna', 'Anna', 'caseworker', '{}', ?)").run(now);
    sqlite
      .prepare("INSERT INTO cases (case_number, status, survivor_name, survivor_gender, protection_level, created_by, created_at, updated_at) VALUES ('RVT-2026-0001', 'open', 'X', 'woman', 'none', 1, ?, ?)")
      .run(now, now);
    const report = await migrate(sqlite, db, file, MIGRATIONS.slice(0, 3));
    expect(report).toMatchObject({ from: 2, to: 3 });
    expect(tables(sqlite)).toEqual(expect.arrayContaining(['risk_instruments', 'assessments']));
    expect(sqlite.prepare('SELECT case_number, risk_level, next_review_date FROM cases').get()).toEqual({ case_number: 'RVT-2026-0001', risk_level: null, next_review_date: null });
    sqlite
      .prepare("INSERT INTO assessments (case_id, template_id, template_version, status, started_by, started_at) VALUES (1, 't', '1', 'completed', 1, ?)")
      .run(now);
    expect(() => sqlite.prepare("UPDATE assessments SET survivor_view = 'x' WHERE id = 1").run()).toThrow(/read-only/);
  });

  it('0007 runs from version 6 with a case in it: the search indexes cover what a search tests', async () => {
    const { sqlite, db, file } = openFresh();
    await migrate(sqlite, db, file, MIGRATIONS.slice(0, 6));
    const now = '2026-11-27T10:00:00.000Z';
    sqlite.prepare("INSERT INTO users (username, display_name, role, wrapped_key, created_at) VALUES ('anna', 'Anna', 'caseworker', '{}', ?)").run(now);
    sqlite
      .prepare("INSERT INTO cases (case_number, status, survivor_name, survivor_gender, protection_level, created_by, created_at, updated_at) VALUES ('RVT-2026-0001', 'open', 'Åsa', 'woman', 'none', 1, ?, ?)")
      .run(now, now);
    expect(await migrate(sqlite, db, file, MIGRATIONS.slice(0, 7))).toMatchObject({ from: 6, to: 7 });
    const columns = (index: string) => (sqlite.prepare(`SELECT name FROM pragma_index_info('${index}') ORDER BY seqno`).all() as { name: string }[]).map((r) => r.name);
    const tested = ['protection_level', 'district_slug', 'assigned_user_id', 'created_by', 'case_number', 'survivor_name'];
    expect(columns('cases_search_all')).toEqual(['updated_at', 'id', 'status', ...tested]);
    expect(columns('cases_search_status')).toEqual(['status', 'updated_at', 'id', ...tested]);
    expect(columns('cases_search_ids')).toEqual(['id', 'updated_at', 'status', ...tested]);
    expect(sqlite.prepare('SELECT count(*) AS n FROM cases INDEXED BY cases_search_all WHERE survivor_name GLOB ?').get('*[åÅ]*')).toEqual({ n: 1 });
  });

  it('backs up an existing database (still encrypted) before migrating it', async () => {
    const { sqlite, db, file, key } = openFresh();
    await migrate(sqlite, db, file, MIGRATIONS);
    await db.insertInto('settings').values({ key: 'team_name', value: '"Före"' }).execute();
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
    const { sqlite, db, file } = openFresh();
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
    expect(tables(sqlite)).not.toContain('half_done');
  });

  it('refuses a database from a newer version before writing anything', async () => {
    const { sqlite, db, file } = openFresh();
    await migrate(sqlite, db, file, MIGRATIONS);
    sqlite.pragma(`user_version = ${LATEST_VERSION + 5}`);
    const err = await migrate(sqlite, db, file, MIGRATIONS).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DbError);
    expect((err as DbError).code).toBe('database_from_future');
  });

  it('matches the committed schema snapshot (update with UPDATE_SCHEMA_SNAPSHOT=1 when a migration is added)', async () => {
    const { sqlite, db, file } = openFresh();
    await migrate(sqlite, db, file, MIGRATIONS);
    const schema = (
      sqlite.prepare("SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY type DESC, name").all() as { sql: string }[]
    )
      .map((r) => `${r.sql};`)
      .join('\n');
    const snapshotFile = path.resolve(import.meta.dirname, '../../db/schema.snapshot.sql');
    const text = `-- Schema after all migrations (version ${LATEST_VERSION}). Generated by tests/db/migrations.test.ts.\n${schema}\n`;
    if (process.env.UPDATE_SCHEMA_SNAPSHOT === '1') fs.writeFileSync(snapshotFile, text);
    expect(text).toBe(fs.readFileSync(snapshotFile, 'utf8'));
  });
});
