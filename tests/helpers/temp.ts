import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A fresh private folder for one test; removed by the returned cleanup. */
export function tempDir(prefix = 'fristad-test-'): { dir: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** Where tests' chain witnesses go (one file per random installation id), never the user's own state folder. */
export const TEST_WITNESS_DIR = path.join(os.tmpdir(), 'fristad-test-witness');

/** Environment with the test-only key-derivation setting switched on explicitly. */
export const TEST_ENV: NodeJS.ProcessEnv = { ...process.env, FRISTAD_TEST_KDF: '1', FRISTAD_WITNESS_DIR: TEST_WITNESS_DIR };

export const ADMIN = { teamName: 'Testteamet', username: 'admin', displayName: 'Test Administratör', passphrase: 'correct horse battery staple' };
