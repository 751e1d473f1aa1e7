import type { SqliteDatabase, SqliteStatement } from 'kysely';
import type { SqliteDb } from './open';

/** How many prepared statements a connection keeps: every query of the app, with room for IN-list variants. */
export const MAX_KEPT_STATEMENTS = 500;

/**
 * The connection as Kysely sees it, with prepared statements kept by their SQL text (least
 * recently used dropped first). Kysely prepares every query anew, and parsing and planning took a
 * fifth of the time of opening a case at city scale (measured by the benchmark). Kysely runs one query at a time on
 * its connection, so a kept statement is never busy when asked for again; SQLite prepares a kept
 * statement again by itself after a schema change. Statements end with the connection.
 */
export function withStatementCache(sqlite: SqliteDb, max = MAX_KEPT_STATEMENTS): SqliteDatabase {
  const kept = new Map<string, SqliteStatement>();
  return {
    close: () => sqlite.close(),
    prepare(sql: string): SqliteStatement {
      if (sql === 'rollback') return rollbackIfOpen(sqlite);
      const found = kept.get(sql);
      if (found) {
        // Map order is insertion order: moving it to the end keeps the least recently used first.
        kept.delete(sql);
        kept.set(sql, found);
        return found;
      }
      const statement = sqlite.prepare(sql);
      if (kept.size >= max) {
        const oldest = kept.keys().next();
        if (!oldest.done) kept.delete(oldest.value);
      }
      kept.set(sql, statement);
      return statement;
    },
  };
}

/**
 * Kysely's rollback, made harmless when SQLite has already rolled the transaction back itself (it
 * does on SQLITE_FULL): otherwise "no transaction is active" would replace the real error, and a
 * full disk would reach the user as an unknown failure.
 */
function rollbackIfOpen(sqlite: SqliteDb): SqliteStatement {
  const run = (): { changes: number; lastInsertRowid: number } => {
    if (sqlite.inTransaction) sqlite.prepare('rollback').run();
    return { changes: 0, lastInsertRowid: 0 };
  };
  return {
    reader: false,
    all: () => {
      run();
      return [];
    },
    run,
    iterate: () => {
      run();
      return [][Symbol.iterator]();
    },
  };
}
