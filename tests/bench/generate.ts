import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { openKeyed, type SqliteDb } from '../../db/connection/open';
import { deriveKek } from '../../db/keys/kdf';
import { readKeyfile, slotAad, slotIdFor } from '../../db/keys/keyfile';
import { unwrapKey } from '../../db/keys/wrap';
import { LATEST_VERSION } from '../../db/migrations';
import { Store } from '../../db/store/store';
import { BENCH_ADMIN, BENCH_TEAM, BENCH_USER, countsFor, GENERATOR_VERSION, type BenchCounts } from './config';
import { fillCasework } from './fill';
import { registerTextFunctions } from '../../db/connection/text-functions';

/** How the encrypted copy is made: filled twice, or filled once as plain and then encrypted page by page. */
export type GenerationMode = 'rekey' | 'direct';

export interface BenchDatabases {
  /** The data folder of a real encrypted installation (key file, bench user with production KDF). */
  encDir: string;
  encFile: string;
  /** The unencrypted reference with the same rows. */
  plainFile: string;
  dataKey: Buffer;
  counts: BenchCounts;
  reused: boolean;
  /** Seconds spent generating, per phase; empty when reused. */
  timings: { label: string; seconds: number }[];
  sizes: { encrypted: number; plain: number };
}

interface Meta {
  seed: number;
  scale: number;
  schemaVersion: number;
  generatorVersion: number;
}

/** The environment the bench's installation runs with: never the test-only key derivation. */
export function productionEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.FRISTAD_TEST_KDF;
  // The bench's installations are thrown away; their chain witnesses must not pile up in the user's state folder.
  env.FRISTAD_WITNESS_DIR ??= path.join(os.tmpdir(), 'fristad-bench-witness');
  return env;
}

/** The data key of the bench installation, unwrapped with the bench user's passphrase (production Argon2id). */
export async function benchDataKey(encDir: string): Promise<Buffer> {
  const keyfile = readKeyfile(path.join(encDir, 'fristad.keys.json'));
  if (!keyfile) throw new Error('bench: the bench installation has no key file');
  const slotId = slotIdFor(keyfile, BENCH_USER.username);
  const slot = keyfile.slots[slotId];
  if (!slot) throw new Error('bench: the bench user has no key slot');
  const key = unwrapKey(slot.wrapped, await deriveKek(BENCH_USER.passphrase, slot.kdf), slotAad(keyfile.installationId, slotId));
  if (!key) throw new Error('bench: the bench passphrase does not unwrap the data key');
  return key;
}

function openPlain(file: string): SqliteDb {
  const db = new Database(file);
  db.prepare('SELECT count(*) FROM sqlite_master').get();
  // As openKeyed does: the cases' triggers and the migrations call them.
  registerTextFunctions(db);
  return db;
}

/** Fast settings for generation only: this is fictional data, and every later connection sets FULL again. */
function bulkMode(db: SqliteDb): void {
  db.pragma('journal_mode=MEMORY');
  db.pragma('locking_mode=EXCLUSIVE');
  db.pragma('synchronous=OFF');
  db.pragma('cache_size=-1048576');
  db.pragma('temp_store=MEMORY');
}

/** Rewrites every page of a closed database file under a new key (empty: unencrypted); SQLite3MC needs a rollback journal for it. */
function rekeyFile(file: string, fromKey: Buffer | null, toKey: Buffer | null): void {
  const db = new Database(file);
  try {
    db.pragma(`cipher='sqlcipher'`);
    db.pragma('legacy=4');
    if (fromKey) db.pragma(`key="x'${fromKey.toString('hex')}'"`);
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    db.pragma('journal_mode=DELETE');
    db.pragma(toKey ? `rekey="x'${toKey.toString('hex')}'"` : `rekey=''`);
    db.pragma('journal_mode=WAL');
  } finally {
    db.close();
  }
}

function removeDbFiles(file: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(file + suffix, { force: true });
}

/**
 * The encrypted installation and its plain reference for a seed and scale: reused from `dir` when
 * they were made with the same seed, scale, schema version and generator, otherwise made afresh.
 */
export async function prepareDatabases(options: {
  dir: string;
  scale: number;
  seed: number;
  fresh: boolean;
  mode: GenerationMode;
  log: (line: string) => void;
}): Promise<BenchDatabases> {
  const { dir, scale, seed, log } = options;
  const encDir = path.join(dir, 'encrypted');
  const encFile = path.join(encDir, 'fristad.db');
  const plainFile = path.join(dir, 'plain.db');
  const metaFile = path.join(dir, 'bench-meta.json');
  const counts = countsFor(scale);
  const want: Meta = { seed, scale, schemaVersion: LATEST_VERSION, generatorVersion: GENERATOR_VERSION };
  const sizes = (): { encrypted: number; plain: number } => ({ encrypted: fs.statSync(encFile).size, plain: fs.statSync(plainFile).size });

  if (!options.fresh && fs.existsSync(metaFile) && fs.existsSync(encFile) && fs.existsSync(plainFile)) {
    const have = JSON.parse(fs.readFileSync(metaFile, 'utf8')) as Meta;
    if (JSON.stringify(have) === JSON.stringify(want)) {
      log(`Reusing the databases in ${dir} (seed ${seed}, scale ${scale}, schema ${LATEST_VERSION}); --fresh makes them anew.`);
      return { encDir, encFile, plainFile, dataKey: await benchDataKey(encDir), counts, reused: true, timings: [], sizes: sizes() };
    }
    log(`The databases in ${dir} were made for ${JSON.stringify(have)}; making them anew.`);
  }

  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const timings: { label: string; seconds: number }[] = [];
  const timed = async <T>(label: string, fn: () => T | Promise<T>): Promise<T> => {
    const t = performance.now();
    const r = await fn();
    timings.push({ label, seconds: (performance.now() - t) / 1000 });
    return r;
  };

  // A real installation: the real set-up path runs the migrations, the reference data and the
  // built-in instruments, and wraps the key with the production Argon2id parameters.
  log(`Setting up an encrypted installation in ${encDir} …`);
  await timed('set-up (real path, production KDF)', async () => {
    const store = new Store(encDir, { env: productionEnv() });
    await store.setup({ teamName: BENCH_TEAM, username: BENCH_ADMIN.username, displayName: BENCH_ADMIN.displayName, passphrase: BENCH_ADMIN.passphrase });
    await store.createUser({ username: BENCH_USER.username, displayName: BENCH_USER.displayName, role: 'team_lead', passphrase: BENCH_USER.passphrase });
    store.lock('shutdown');
  });
  const dataKey = await benchDataKey(encDir);
  log(`Generating ${counts.cases} cases (mode ${options.mode}) …`);

  if (options.mode === 'direct') {
    const fill = (db: SqliteDb): void => {
      bulkMode(db);
      db.pragma('foreign_keys=ON');
      fillCasework({ sqlite: db, counts, seed, log });
      db.pragma('journal_mode=WAL');
      db.close();
    };
    // The plain copy starts from the set-up database decrypted, so both begin identical.
    fs.copyFileSync(encFile, plainFile);
    rekeyFile(plainFile, dataKey, null);
    await timed('fill encrypted', () => fill(openKeyed(encFile, dataKey)));
    await timed('fill plain', () => fill(openPlain(plainFile)));
  } else {
    await timed('decrypt set-up copy', () => {
      fs.copyFileSync(encFile, plainFile);
      rekeyFile(plainFile, dataKey, null);
    });
    await timed('fill plain', () => {
      const db = openPlain(plainFile);
      bulkMode(db);
      db.pragma('foreign_keys=ON');
      fillCasework({ sqlite: db, counts, seed, log });
      db.pragma('journal_mode=WAL');
      db.close();
    });
    // Encrypting rewrites (vacuums) every page; the reference gets the same compact layout, so the ratio compares like with like.
    await timed('vacuum plain', () => {
      const db = openPlain(plainFile);
      db.exec('VACUUM');
      db.close();
    });
    await timed('encrypt a copy (rekey)', () => {
      removeDbFiles(encFile);
      fs.copyFileSync(plainFile, encFile);
      fs.chmodSync(encFile, 0o600);
      rekeyFile(encFile, null, dataKey);
    });
  }
  fs.writeFileSync(metaFile, `${JSON.stringify(want)}\n`);
  return { encDir, encFile, plainFile, dataKey, counts, reused: false, timings, sizes: sizes() };
}
