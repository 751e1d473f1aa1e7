import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { backupStatus, createBackup, runDailyBackup, saveBackupSettings } from '../../db/backup/create-backup';
import { readManifest } from '../../db/backup/manifest';
import { restoreBackup, verifyBackup } from '../../db/backup/restore-backup';
import { openKeyed } from '../../db/connection/open';
import { DbError } from '../../db/errors';
import { verifyAuditChain } from '../../db/repositories/audit-log';
import { Store } from '../../db/store/store';
import { insertCaseFixture } from '../helpers/case-fixture';
import { ADMIN, tempDir, TEST_ENV } from '../helpers/temp';

const CANARY = 'KANARIEFAGEL-backup-5d1e';

let cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups) c();
  cleanups = [];
});

/** A store whose clock the test moves. */
async function fresh(start = new Date('2026-03-02T08:00:00Z')): Promise<{ store: Store; dir: string; clock: { now: Date } }> {
  const t = tempDir();
  cleanups.push(t.cleanup);
  const clock = { now: start };
  const store = new Store(t.dir, { env: TEST_ENV, now: () => clock.now });
  cleanups.unshift(() => store.lock('shutdown'));
  await store.setup(ADMIN);
  return { store, dir: t.dir, clock };
}

function dataKeyOf(store: Store): Buffer {
  return Buffer.from(store.requireSession().dataKey);
}

async function addCase(store: Store, name: string): Promise<number> {
  const s = store.requireSession();
  const c = await insertCaseFixture(s.db, s.user.id);
  await s.db.updateTable('cases').set({ survivor_name: name }).where('id', '=', c.caseId).execute();
  return c.caseId;
}

async function caseNames(store: Store): Promise<string[]> {
  const rows = await store.requireSession().db.selectFrom('cases').select('survivor_name').orderBy('id').execute();
  return rows.map((r) => r.survivor_name);
}

async function failure(p: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await p;
  } catch (err) {
    if (err instanceof DbError) return { code: err.code, message: err.message };
    throw err;
  }
  throw new Error('expected a refusal');
}

function backupsDir(dir: string): string {
  return path.join(dir, 'backups');
}

describe('backup: create', () => {
  it('writes an encrypted, verified copy with a manifest that holds the audit head and no personal data', async () => {
    const { store, dir } = await fresh();
    await addCase(store, CANARY);
    const entry = await createBackup(store, { kind: 'manual' });

    expect(entry.fileName).toBe('fristad-20260302-080000.fbak');
    const file = path.join(backupsDir(dir), entry.fileName);
    const bytes = fs.readFileSync(file);
    expect(bytes.subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\u0000');
    expect(bytes.includes(Buffer.from(CANARY))).toBe(false);
    expect(entry.sizeBytes).toBe(bytes.length);
    if (process.platform !== 'win32') {
      expect(fs.statSync(file).mode & 0o777).toBe(0o600);
      expect(fs.statSync(`${file}.json`).mode & 0o777).toBe(0o600);
      expect(fs.statSync(backupsDir(dir)).mode & 0o777).toBe(0o700);
    }

    // Opens with the data key; integrity ok; counts equal the live database's.
    const copy = openKeyed(file, dataKeyOf(store), { readonly: true, fileMustExist: true });
    try {
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      const rows = copy.prepare('SELECT survivor_name FROM cases').all() as { survivor_name: string }[];
      expect(rows.map((r) => r.survivor_name)).toEqual([CANARY]);
    } finally {
      copy.close();
    }
    const manifestText = fs.readFileSync(`${file}.json`, 'utf8');
    expect(manifestText).not.toContain(CANARY);
    expect(manifestText).not.toContain(ADMIN.displayName);
    expect(manifestText).not.toContain(`"${ADMIN.username}"`);
    expect(manifestText).not.toContain(dataKeyOf(store).toString('hex'));
    expect(manifestText).not.toContain(dataKeyOf(store).toString('base64'));
    const manifest = readManifest(file);
    expect(manifest.tables.cases).toBe(1);
    expect(manifest.keyfile).toEqual(JSON.parse(fs.readFileSync(store.paths.keyfile, 'utf8')));
    const live = await verifyAuditChain(store.requireSession().db);
    // The backup's own audit row comes after the copy: the head is the row before it.
    expect(live.ok && manifest.auditHead.sequence).toBe((live.ok ? live.headSequence : 0) - 1);
    expect(entry.auditHead).toEqual(manifest.auditHead);

    const { rows } = await verifyBackup(store, entry.fileName);
    expect(rows).toBe(Object.values(manifest.tables).reduce((a, b) => a + b, 0));
    const tail = await store
      .requireSession()
      .db.selectFrom('audit_log')
      .select(['action', 'entity', 'entity_id', 'outcome'])
      .orderBy('seq', 'desc')
      .limit(2)
      .execute();
    expect(tail).toEqual([
      { action: 'verify', entity: 'backup', entity_id: entry.fileName, outcome: 'ok' },
      { action: 'backup', entity: 'backup', entity_id: entry.fileName, outcome: 'ok' },
    ]);
  });

  it('keeps only the newest N backups and leaves other files alone', async () => {
    const { store, dir, clock } = await fresh();
    await saveBackupSettings(store, { folder: backupsDir(dir), keep: 3 });
    fs.writeFileSync(path.join(backupsDir(dir), 'notes.txt'), 'not ours');
    const names: string[] = [];
    for (let i = 0; i < 5; i++) {
      clock.now = new Date(Date.UTC(2026, 2, 2, 9, i, 0));
      names.push((await createBackup(store, { kind: 'manual' })).fileName);
    }
    const status = await backupStatus(store);
    expect(status.backups.map((b) => b.fileName)).toEqual(names.slice(2).reverse());
    expect(status.lastBackupAt).toBe(new Date(Date.UTC(2026, 2, 2, 9, 4, 0)).toISOString());
    expect(fs.readdirSync(backupsDir(dir)).sort()).toEqual([...names.slice(2).flatMap((n) => [n, `${n}.json`]), 'notes.txt'].sort());
  });

  it('gives two backups in the same second different names', async () => {
    const { store } = await fresh();
    const a = await createBackup(store, { kind: 'manual' });
    const b = await createBackup(store, { kind: 'manual' });
    expect(a.fileName).toBe('fristad-20260302-080000.fbak');
    expect(b.fileName).toBe('fristad-20260302-080001.fbak');
  });

  it('refuses a relative folder', async () => {
    const { store } = await fresh();
    expect((await failure(createBackup(store, { folder: 'relative/folder', kind: 'manual' }))).code).toBe('invalid_input');
  });
});

describe('backup: automatic daily backup', () => {
  it('backs up on the first unlock of a day only', async () => {
    const { store, dir, clock } = await fresh(new Date(2026, 2, 2, 8, 0, 0));
    expect((await runDailyBackup(store))?.ok).toBe(true);
    store.lock();

    clock.now = new Date(2026, 2, 2, 13, 0, 0);
    await store.unlock(ADMIN.username, ADMIN.passphrase);
    expect(await runDailyBackup(store)).toBeNull();
    store.lock();

    clock.now = new Date(2026, 2, 3, 7, 30, 0);
    await store.unlock(ADMIN.username, ADMIN.passphrase);
    const next = await runDailyBackup(store);
    expect(next?.ok).toBe(true);
    expect(await runDailyBackup(store)).toBeNull();
    const status = await backupStatus(store);
    expect(status.backups).toHaveLength(2);
    expect(status.lastAutomatic).toMatchObject({ ok: true, fileName: next?.fileName });
    expect(fs.readdirSync(backupsDir(dir)).filter((n) => n.endsWith('.fbak'))).toHaveLength(2);
  });

  it('records a failure without throwing, audited and shown in the status', async () => {
    const { store, dir } = await fresh();
    const blocked = path.join(dir, 'not-a-folder');
    fs.writeFileSync(blocked, 'a file where the folder should be');
    await store
      .requireSession()
      .db.insertInto('settings')
      .values({ key: 'backup_folder', value: JSON.stringify(blocked) })
      .execute();
    const result = await runDailyBackup(store);
    expect(result).toMatchObject({ ok: false, fileName: null });
    expect((await backupStatus(store)).lastAutomatic).toMatchObject({ ok: false });
    const last = await store.requireSession().db.selectFrom('audit_log').selectAll().orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
    expect(last).toMatchObject({ action: 'backup', outcome: 'failed' });
    expect(store.isUnlocked).toBe(true);
  });
});

describe('backup: restore', () => {
  it('brings back earlier data, keeps the current files aside, locks, and audits into the restored log', async () => {
    const { store, dir, clock } = await fresh();
    await addCase(store, 'Före säkerhetskopian');
    const entry = await createBackup(store, { kind: 'manual' });
    clock.now = new Date('2026-03-02T10:00:00Z');
    await addCase(store, 'Efter säkerhetskopian');
    expect(await caseNames(store)).toHaveLength(2);

    await restoreBackup(store, entry.fileName);
    expect(store.status().state).toBe('locked');
    const stamp = '2026-03-02T10-00-00-000Z';
    expect(fs.existsSync(path.join(dir, `fristad.db.before-restore-${stamp}`))).toBe(true);
    expect(fs.existsSync(path.join(dir, `fristad.keys.json.before-restore-${stamp}`))).toBe(true);

    await store.unlock(ADMIN.username, ADMIN.passphrase);
    expect(await caseNames(store)).toEqual(['Före säkerhetskopian']);
    const db = store.requireSession().db;
    const chain = await verifyAuditChain(db);
    expect(chain.ok).toBe(true);
    const rows = await db.selectFrom('audit_log').select(['seq', 'action', 'entity', 'entity_id']).orderBy('seq').execute();
    const restoreRow = rows.find((r) => r.action === 'restore');
    expect(restoreRow).toMatchObject({ entity: 'backup', entity_id: entry.fileName, seq: entry.auditHead.sequence + 1 });

    // The aside copy still holds the later data.
    const aside = openKeyed(path.join(dir, `fristad.db.before-restore-${stamp}`), dataKeyOf(store), { readonly: true, fileMustExist: true });
    try {
      expect((aside.prepare('SELECT count(*) AS n FROM cases').get() as { n: number }).n).toBe(2);
    } finally {
      aside.close();
    }
  });

  it('refuses a corrupted backup and changes nothing', async () => {
    const { store, dir } = await fresh();
    await addCase(store, 'Kvar');
    const entry = await createBackup(store, { kind: 'manual' });
    await addCase(store, 'Också kvar');
    const file = path.join(backupsDir(dir), entry.fileName);
    const bytes = fs.readFileSync(file);
    const middle = Math.floor(bytes.length / 2);
    bytes[middle] = (bytes[middle] ?? 0) ^ 0xff;
    fs.writeFileSync(file, bytes);

    const before = fs.readdirSync(dir).sort();
    const refused = await failure(restoreBackup(store, entry.fileName));
    expect(refused.code).toBe('not_allowed');
    expect(store.isUnlocked).toBe(true);
    expect(await caseNames(store)).toEqual(['Kvar', 'Också kvar']);
    expect(fs.readdirSync(dir).sort()).toEqual(before);
    expect((await failure(verifyBackup(store, entry.fileName))).code).toBe('not_allowed');
    const tail = await store.requireSession().db.selectFrom('audit_log').select(['action', 'outcome']).orderBy('seq', 'desc').limit(3).execute();
    expect(tail).toEqual([
      { action: 'verify', outcome: 'failed' },
      { action: 'restore', outcome: 'failed' },
      { action: 'verify', outcome: 'failed' },
    ]);
  });

  it('refuses a corrupted backup even when its manifest was rewritten to match', async () => {
    const { store, dir } = await fresh();
    await addCase(store, 'Kvar');
    const entry = await createBackup(store, { kind: 'manual' });
    const file = path.join(backupsDir(dir), entry.fileName);
    const bytes = fs.readFileSync(file);
    const middle = Math.floor(bytes.length / 2);
    bytes[middle] = (bytes[middle] ?? 0) ^ 0xff;
    fs.writeFileSync(file, bytes);
    const manifest = readManifest(file);
    const { createHash } = await import('node:crypto');
    manifest.sha256 = createHash('sha256').update(bytes).digest('hex');
    fs.writeFileSync(`${file}.json`, JSON.stringify(manifest));
    expect((await failure(restoreBackup(store, entry.fileName))).code).toBe('not_allowed');
    expect(store.isUnlocked).toBe(true);
    expect(await caseNames(store)).toEqual(['Kvar']);
  });

  it('refuses a backup made under another data key', async () => {
    const { store, dir } = await fresh();
    const other = await fresh();
    await addCase(other.store, 'Annan installation');
    const foreign = await createBackup(other.store, { kind: 'manual' });
    fs.mkdirSync(backupsDir(dir), { recursive: true });
    for (const suffix of ['', '.json']) {
      fs.copyFileSync(path.join(backupsDir(other.dir), foreign.fileName + suffix), path.join(backupsDir(dir), foreign.fileName + suffix));
    }
    const refused = await failure(restoreBackup(store, foreign.fileName));
    expect(refused.code).toBe('not_allowed');
    expect(refused.message).toMatch(/another Fristad installation/);

    // The same, with the manifest's key file swapped to pass the installation check: the key refuses it.
    const manifestFile = path.join(backupsDir(dir), `${foreign.fileName}.json`);
    const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as { keyfile: unknown };
    manifest.keyfile = JSON.parse(fs.readFileSync(store.paths.keyfile, 'utf8'));
    fs.writeFileSync(manifestFile, JSON.stringify(manifest));
    const byKey = await failure(restoreBackup(store, foreign.fileName));
    expect(byKey.message).toMatch(/another data key/);
    expect(store.isUnlocked).toBe(true);
    expect(await caseNames(store)).toEqual([]);
  });

  it('refuses a backup whose audit log was cut after the manifest was written', async () => {
    const { store, dir } = await fresh();
    const entry = await createBackup(store, { kind: 'manual' });
    const manifest = readManifest(path.join(backupsDir(dir), entry.fileName));
    manifest.auditHead = { sequence: manifest.auditHead.sequence + 1, hash: 'f'.repeat(64) };
    fs.writeFileSync(path.join(backupsDir(dir), `${entry.fileName}.json`), JSON.stringify(manifest));
    expect((await failure(restoreBackup(store, entry.fileName))).message).toMatch(/head recorded in its manifest/);
    expect(store.isUnlocked).toBe(true);
  });
});
