import crypto from 'node:crypto';
import fs from 'node:fs';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, it } from 'vitest';
import { openKeyed } from '../../db/connection/open';
import { DbError } from '../../db/errors';
import { readKeyfile } from '../../db/keys/keyfile';
import { countAuditRows, verifyAuditChain } from '../../db/repositories/audit-log';
import { Store } from '../../db/store/store';
import { ADMIN, tempDir, TEST_ENV } from '../helpers/temp';

let cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups) c();
  cleanups = [];
});

function fresh(options: { now?: () => Date; env?: NodeJS.ProcessEnv } = {}): { store: Store; dir: string } {
  const t = tempDir();
  cleanups.push(t.cleanup);
  const store = new Store(t.dir, { env: options.env ?? TEST_ENV, now: options.now });
  cleanups.unshift(() => store.lock('shutdown'));
  return { store, dir: t.dir };
}

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'resolved';
  } catch (err) {
    if (err instanceof DbError) return err.code;
    throw err;
  }
}

function sha256(file: string): string {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/** Reads the data key out of a running store; only tests do this. */
function dataKeyOf(store: Store): Buffer {
  return Buffer.from((store as unknown as { session: { dataKey: Buffer } }).session.dataKey);
}

describe('Store: setup, unlock, lock', () => {
  it('starts new, sets up unlocked as administrator, locks, and unlocks with the passphrase', async () => {
    const { store } = fresh();
    expect(store.status().state).toBe('new');
    const { recoveryKey } = await store.setup(ADMIN);
    expect(recoveryKey).toMatch(/^([0-9A-Z]{4}-){13}[0-9A-Z]{4}$/);
    expect(store.status()).toMatchObject({
      state: 'unlocked',
      user: { username: 'admin', role: 'administrator' },
      teamName: 'Testteamet',
      idleLockMinutes: 10,
    });
    store.lock();
    expect(store.status().state).toBe('locked');
    await store.unlock('admin', ADMIN.passphrase);
    expect(store.status().state).toBe('unlocked');
  });

  it('refuses a second setup', async () => {
    const { store } = fresh();
    await store.setup(ADMIN);
    expect(await codeOf(store.setup(ADMIN))).toBe('already_set_up');
  });

  it('rejects a wrong passphrase and an unknown user with the same message, and audits both after the next unlock', async () => {
    const { store } = fresh();
    await store.setup(ADMIN);
    store.lock();
    const wrong = await store.unlock('admin', 'not the passphrase').catch((e: DbError) => e);
    const unknown = await store.unlock('nobody', 'not the passphrase').catch((e: DbError) => e);
    expect(wrong).toBeInstanceOf(DbError);
    expect((wrong as DbError).code).toBe('wrong_credentials');
    expect((unknown as DbError).message).toBe((wrong as DbError).message);
    await store.unlock('admin', ADMIN.passphrase);
    const db = store.requireSession().db;
    const rows = await db.selectFrom('audit_log').select(['action', 'user_id', 'outcome']).orderBy('seq').execute();
    const failed = rows.filter((r) => r.action === 'failed_unlock');
    expect(failed).toHaveLength(2);
    expect(failed[0]?.user_id).toBe(1); // a known user's failed attempt is attributed
    expect(failed[1]?.user_id).toBeNull(); // an unknown name is not recorded at all
    expect(rows[rows.length - 1]).toMatchObject({ action: 'unlock', outcome: 'ok' });
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });

  it('slows down repeated failures with a growing delay', async () => {
    let now = new Date('2026-11-26T10:00:00Z');
    const { store } = fresh({ now: () => now });
    await store.setup(ADMIN);
    store.lock();
    for (let i = 0; i < 3; i++) expect(await codeOf(store.unlock('admin', 'wrong wrong wrong'))).toBe('wrong_credentials');
    const throttled = await store.unlock('admin', ADMIN.passphrase).catch((e: DbError) => e);
    expect((throttled as DbError).code).toBe('too_many_attempts');
    expect((throttled as DbError).retryAfterSeconds).toBe(2);
    // The status shows the installation-wide wait only: one account's would tell which names exist.
    expect(store.status().retryAfterSeconds).toBe(0);
    now = new Date(now.getTime() + 2500);
    expect(await codeOf(store.unlock('admin', 'wrong wrong wrong'))).toBe('wrong_credentials');
    const second = await store.unlock('admin', ADMIN.passphrase).catch((e: DbError) => e);
    expect((second as DbError).retryAfterSeconds).toBe(4);
    now = new Date(now.getTime() + 4500);
    await store.unlock('admin', ADMIN.passphrase);
    expect(store.status().retryAfterSeconds).toBe(0);
  });

  it('unlocks with the recovery key and sets a new passphrase; a wrong recovery key is refused', async () => {
    const { store } = fresh();
    const { recoveryKey } = await store.setup(ADMIN);
    store.lock();
    expect(await codeOf(store.recover('AAAA-BBBB', 'admin', 'a brand new passphrase'))).toBe('wrong_recovery_key');
    // Typed in lower case with spaces: still accepted.
    await store.recover(recoveryKey.toLowerCase().replace(/-/g, ' '), 'admin', 'a brand new passphrase');
    expect(store.status().state).toBe('unlocked');
    store.lock();
    expect(await codeOf(store.unlock('admin', ADMIN.passphrase))).toBe('wrong_credentials');
    await store.unlock('admin', 'a brand new passphrase');
  });

  it('changes a passphrase by re-wrapping: same data key, database not re-encrypted', async () => {
    const { store } = fresh();
    await store.setup(ADMIN);
    const keyBefore = dataKeyOf(store);
    expect(await codeOf(store.changePassphrase('wrong current', 'another long passphrase'))).toBe('wrong_credentials');
    await store.changePassphrase(ADMIN.passphrase, 'another long passphrase');
    store.lock();
    expect(await codeOf(store.unlock('admin', ADMIN.passphrase))).toBe('wrong_credentials');
    await store.unlock('admin', 'another long passphrase');
    expect(dataKeyOf(store).equals(keyBefore)).toBe(true);
    store.lock();
    // The file still opens with the original raw key: nothing was re-encrypted.
    const raw = openKeyed(store.paths.db, keyBefore);
    expect((raw.prepare('SELECT count(*) AS n FROM users').get() as { n: number }).n).toBe(1);
    raw.close();
  });

  it('refuses an old key file put back after a passphrase change', async () => {
    const { store } = fresh();
    await store.setup(ADMIN);
    const oldKeyfile = fs.readFileSync(store.paths.keyfile);
    await store.changePassphrase(ADMIN.passphrase, 'another long passphrase');
    store.lock();
    fs.writeFileSync(store.paths.keyfile, oldKeyfile);
    expect(await codeOf(store.unlock('admin', ADMIN.passphrase))).toBe('wrong_credentials');
  });

  it('refuses key-derivation parameters below the floor without the explicit test setting', async () => {
    const { store, dir } = fresh();
    await store.setup(ADMIN);
    store.lock();
    const strict = new Store(dir, { env: {} });
    expect(await codeOf(strict.unlock('admin', ADMIN.passphrase))).toBe('weak_key_settings');
  });

  it('uses Argon2id with at least 64 MiB and 3 passes for a real database', async () => {
    const { store } = fresh({ env: {} });
    await store.setup(ADMIN);
    const keyfile = readKeyfile(store.paths.keyfile);
    const slot = Object.values(keyfile?.slots ?? {})[0];
    expect(slot?.kdf).toMatchObject({ alg: 'argon2id', m: 65536, t: 3, p: 1 });
  });

  it('disabled users cannot unlock and the last administrator is protected', async () => {
    const { store } = fresh();
    await store.setup(ADMIN);
    await store.createUser({ username: 'kalle', displayName: 'Kalle Test', role: 'caseworker', passphrase: 'kalles long passphrase' });
    expect(await codeOf(store.createUser({ username: 'KALLE', displayName: 'Dup', role: 'caseworker', passphrase: 'kalles long passphrase' }))).toBe(
      'user_exists',
    );
    store.lock();
    await store.unlock('kalle', 'kalles long passphrase');
    expect(store.status().user?.role).toBe('caseworker');
    expect(await codeOf(store.createUser({ username: 'x1', displayName: 'X', role: 'caseworker', passphrase: 'kalles long passphrase' }))).toBe('forbidden');
  });
});

describe('Store: files on disk', () => {
  it('keeps the folder 0700 and the files 0600, and the key file holds no usernames', async () => {
    const { store, dir } = fresh();
    await store.setup(ADMIN);
    await store.createUser({ username: 'kalle', displayName: 'Kalle Test', role: 'caseworker', passphrase: 'kalles long passphrase' });
    expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
    for (const f of [store.paths.db, store.paths.keyfile]) expect(fs.statSync(f).mode & 0o777).toBe(0o600);
    const keyfileText = fs.readFileSync(store.paths.keyfile, 'utf8');
    expect(keyfileText).not.toContain('kalle');
    expect(keyfileText).not.toContain('admin');
  });

  it('refuses a database written by a newer version and leaves it byte-identical', async () => {
    const { store } = fresh();
    await store.setup(ADMIN);
    const key = dataKeyOf(store);
    store.lock();
    const raw = openKeyed(store.paths.db, key);
    raw.pragma('user_version = 99');
    raw.pragma('wal_checkpoint(TRUNCATE)');
    raw.close();
    const before = sha256(store.paths.db);
    const attempt = await store.unlock('admin', ADMIN.passphrase).catch((e: DbError) => e);
    expect((attempt as DbError).code).toBe('database_from_future');
    expect((attempt as DbError).message).toMatch(/newer version/);
    expect(sha256(store.paths.db)).toBe(before);
    expect(store.status().state).toBe('locked');
  });

  it('cannot be opened as a plain SQLite file', async () => {
    const { store } = fresh();
    await store.setup(ADMIN);
    store.lock();
    const plain = new Database(store.paths.db);
    expect(() => plain.prepare('SELECT * FROM sqlite_master').all()).toThrow(/not a database/);
    plain.close();
  });

  it('writes the audit chain so that verification passes and counts every row', async () => {
    const { store } = fresh();
    await store.setup(ADMIN);
    const db = store.requireSession().db;
    const n = await countAuditRows(db);
    expect(n).toBeGreaterThanOrEqual(2);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, rows: n, headSequence: n });
  });
});
