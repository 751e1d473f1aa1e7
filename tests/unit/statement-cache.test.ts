import Database from 'better-sqlite3-multiple-ciphers';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { withStatementCache } from '../../db/connection/statement-cache';

describe('kept prepared statements', () => {
  it('prepares a query once, drops the least recently used, and follows schema changes', async () => {
    const sqlite = new Database(':memory:');
    let prepared = 0;
    const counting = new Proxy(sqlite, {
      get(target, prop, receiver) {
        if (prop === 'prepare') return (text: string) => (prepared++, target.prepare(text));
        return Reflect.get(target, prop, receiver) as unknown;
      },
    });
    const db = new Kysely<{ t: { a: number; b?: string } }>({ dialect: new SqliteDialect({ database: withStatementCache(counting, 2) }) });
    await sql`CREATE TABLE t (a INTEGER)`.execute(db);
    for (let i = 0; i < 3; i++) await db.insertInto('t').values({ a: i }).execute();
    const before = prepared;
    expect(await db.selectFrom('t').select('a').orderBy('a').execute()).toEqual([{ a: 0 }, { a: 1 }, { a: 2 }]);
    await db.selectFrom('t').select('a').orderBy('a').execute();
    expect(prepared).toBe(before + 1);
    // A new column: the kept statement still answers, now with the table as it is.
    await sql`ALTER TABLE t ADD COLUMN b TEXT DEFAULT 'x'`.execute(db);
    expect(await db.selectFrom('t').selectAll().where('a', '=', 0).execute()).toEqual([{ a: 0, b: 'x' }]);
    // Two kept at most: the insert was dropped long ago and is prepared again.
    const now = prepared;
    await db.insertInto('t').values({ a: 9 }).execute();
    expect(prepared).toBe(now + 1);
    await db.destroy();
    expect(sqlite.open).toBe(false);
  });
});
