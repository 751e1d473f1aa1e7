import fs from 'node:fs';
import type { SqliteDb } from '../connection/open';
import { testKdfAllowed } from '../keys/kdf';

/**
 * Test-only seam for a full disk: with the test-only setting on, `FRISTAD_TEST_PAGE_LIMIT_FILE`
 * names a file holding a page count, applied as `max_page_count` to the open connection, so SQLite
 * answers SQLITE_FULL for real when the file would grow. Read at each request, so a test can raise
 * it ("free space") while the database stays unlocked.
 */
export function applyTestPageLimit(sqlite: SqliteDb, env: NodeJS.ProcessEnv): void {
  const file = env.FRISTAD_TEST_PAGE_LIMIT_FILE;
  if (!file || !testKdfAllowed(env)) return;
  let pages: number;
  try {
    pages = Number.parseInt(fs.readFileSync(file, 'utf8'), 10);
  } catch {
    return;
  }
  if (Number.isSafeInteger(pages) && pages > 0) sqlite.pragma(`max_page_count=${pages}`);
}
