import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A fresh private folder for one test; removed by the returned cleanup. */
export function tempDir(prefix = 'fristad-test-'): { dir: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** Environment with the test-only key-derivation setting switched on explicitly. */
export const TEST_ENV: NodeJS.ProcessEnv = { ...process.env, FRISTAD_TEST_KDF: '1' };

export const ADMIN = { teamName: 'Testteamet', username: 'admin', displayName: 'Test Administratör', passphrase: 'correct horse battery staple' };
