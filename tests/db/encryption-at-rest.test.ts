import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterAll, describe, expect, it, vi } from 'vitest';

// SQLite reads its temporary folder from the environment when it initialises, so this runs first.
const { tmp, dataDir } = vi.hoisted(() => {
  // vi.hoisted runs before the imports above are evaluated, so it brings its own.
  /* eslint-disable @typescript-eslint/no-require-imports, @typescript-eslint/consistent-type-imports -- see above */
  const nodeFs = require('node:fs') as typeof import('node:fs');
  const nodeOs = require('node:os') as typeof import('node:os');
  const nodePath = require('node:path') as typeof import('node:path');
  /* eslint-enable @typescript-eslint/no-require-imports, @typescript-eslint/consistent-type-imports */
  const base = nodeOs.tmpdir();
  const dir = nodeFs.mkdtempSync(nodePath.join(base, 'fristad-sqlite-tmp-'));
  const data = nodeFs.mkdtempSync(nodePath.join(base, 'fristad-data-'));
  process.env.SQLITE_TMPDIR = dir;
  process.env.TMPDIR = dir;
  return { tmp: dir, dataDir: data };
});

import { REQUIRED_PRAGMAS } from '../../db/connection/open';
import { Store } from '../../db/store/store';
import { ADMIN, TEST_ENV } from '../helpers/temp';

const CANARY = 'KANARIEFAGEL-7f3a9c';
afterAll(() => {
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.rmSync(tmp, { recursive: true, force: true });
});

/** Every file in a folder tree, with its bytes. */
function filesIn(dir: string): { file: string; data: Buffer }[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name))
    .map((file) => ({ file, data: fs.readFileSync(file) }));
}

/** Open file descriptors of this process that point into a folder (deleted temp files included). */
function openFilesUnder(dir: string): string[] {
  if (!fs.existsSync('/proc/self/fd')) return [];
  return fs
    .readdirSync('/proc/self/fd')
    .map((fd) => {
      try {
        return fs.readlinkSync(`/proc/self/fd/${fd}`);
      } catch {
        return '';
      }
    })
    .filter((target) => target.startsWith(dir));
}

const BIG_SORT = `SELECT a.v || b.v AS w FROM canary a, canary b ORDER BY w DESC`;

describe('encryption at rest', () => {
  const store = new Store(dataDir, { env: TEST_ENV });

  it('sets and asserts every required pragma', async () => {
    await store.setup(ADMIN);
    const { sqlite } = store.requireSession();
    for (const p of REQUIRED_PRAGMAS) {
      const v = sqlite.pragma(p.name, { simple: true });
      expect(typeof v === 'string' ? v.toLowerCase() : v).toBe(p.expect);
    }
  });

  it('leaves no SQLite header and no plaintext canary in the database, its WAL or the temp folder', async () => {
    const { sqlite } = store.requireSession();
    await store.createUser({ username: 'canary', displayName: CANARY, role: 'caseworker', passphrase: `${CANARY} passphrase` });
    sqlite.exec('CREATE TABLE canary (v TEXT)');
    const insert = sqlite.prepare('INSERT INTO canary (v) VALUES (?)');
    sqlite.transaction(() => {
      for (let i = 0; i < 1500; i++) insert.run(`${CANARY}-${i}-${'x'.repeat(200)}`);
    })();
    sqlite.exec('CREATE INDEX canary_v ON canary (v)');

    // A sort far larger than the page cache: with a file temp store it would spill to disk.
    sqlite.pragma('cache_size = 50');
    const rows = sqlite.prepare(BIG_SORT).iterate() as IterableIterator<{ w: string }>;
    const first = rows.next();
    expect(String(first.value?.w)).toContain(CANARY);
    expect(openFilesUnder(tmp)).toEqual([]);
    rows.return?.();

    // Inspect the WAL before and after a checkpoint.
    const beforeCheckpoint = filesIn(dataDir);
    expect(beforeCheckpoint.some((f) => f.file.endsWith('-wal') && f.data.length > 0)).toBe(true);
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const afterCheckpoint = filesIn(dataDir);

    for (const { file, data } of [...beforeCheckpoint, ...afterCheckpoint, ...filesIn(tmp)]) {
      expect(data.includes(Buffer.from('SQLite format 3')), file).toBe(false);
      expect(data.includes(Buffer.from(CANARY)), file).toBe(false);
      expect(data.includes(Buffer.from(CANARY, 'utf16le')), file).toBe(false);
    }
    expect(filesIn(tmp)).toEqual([]);
  });

  it('the same sort on a connection with a file temp store does open temp files (the check can fail)', () => {
    const plainFile = path.join(tmp, 'control.db');
    const plain = new Database(plainFile);
    plain.pragma('temp_store = FILE');
    plain.pragma('cache_size = 50');
    plain.exec('CREATE TABLE canary (v TEXT)');
    const insert = plain.prepare('INSERT INTO canary (v) VALUES (?)');
    plain.transaction(() => {
      for (let i = 0; i < 1500; i++) insert.run(`control-${i}-${'x'.repeat(200)}`);
    })();
    const rows = plain.prepare(BIG_SORT).iterate();
    rows.next();
    const open = openFilesUnder(tmp).filter((f) => !f.startsWith(plainFile));
    rows.return?.();
    plain.close();
    fs.rmSync(plainFile, { force: true });
    if (fs.existsSync('/proc/self/fd')) expect(open.length).toBeGreaterThan(0);
  });

  afterAll(() => store.lock('shutdown'));
});
