import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackup } from '../../db/backup/create-backup';
import { restoreBackup, verifyBackup } from '../../db/backup/restore-backup';
import { restoreDamaged } from '../../db/backup/restore-damaged';
import { DbError } from '../../db/errors';
import { Store } from '../../db/store/store';
import { ADMIN, tempDir, TEST_ENV } from '../helpers/temp';

// A backup's copy of the key file is what people unlock with after a restore: one flipped bit in a
// wrapped slot must be refused before anything is moved, not found by the next unlock.

let cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups) c();
  cleanups = [];
});

async function fresh(): Promise<{ store: Store; dir: string }> {
  const t = tempDir();
  cleanups.push(t.cleanup);
  const store = new Store(t.dir, { env: TEST_ENV, now: () => new Date('2026-03-02T08:00:00Z') });
  cleanups.unshift(() => store.lock('shutdown'));
  await store.setup(ADMIN);
  await store.createUser({ username: 'kim', displayName: 'Kim (fiktiv)', role: 'caseworker', passphrase: 'kims long passphrase' });
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

/** Flips one bit of a base64 value, keeping it well-formed base64 of the same length. */
function flipBit(b64: string): string {
  const raw = Buffer.from(b64, 'base64');
  raw[3] = (raw[3] ?? 0) ^ 0x01;
  return raw.toString('base64');
}

type ManifestJson = {
  keyfileMac?: string;
  keyfile: { slots: Record<string, { wrapped: { ct: string; tag: string } }>; recovery: { wrapped: { ct: string } } };
};

function editManifest(dir: string, fileName: string, edit: (m: ManifestJson) => void): void {
  const file = path.join(dir, 'backups', `${fileName}.json`);
  const m = JSON.parse(fs.readFileSync(file, 'utf8')) as ManifestJson;
  edit(m);
  fs.writeFileSync(file, JSON.stringify(m, null, 2));
}

function firstSlot(m: ManifestJson): { wrapped: { ct: string; tag: string } } {
  const slot = Object.values(m.keyfile.slots)[0];
  if (!slot) throw new Error('no slot');
  return slot;
}

async function expectRefusedAndUnchanged(store: Store, dir: string, fileName: string): Promise<void> {
  const keyfileBefore = fs.readFileSync(store.paths.keyfile, 'utf8');
  const filesBefore = fs.readdirSync(dir).sort();
  expect(await codeOf(verifyBackup(store, fileName))).toBe('backup_keyfile_damaged');
  expect(await codeOf(restoreBackup(store, fileName))).toBe('backup_keyfile_damaged');
  expect(store.isUnlocked).toBe(true);
  expect(fs.readFileSync(store.paths.keyfile, 'utf8')).toBe(keyfileBefore);
  expect(fs.readdirSync(dir).sort()).toEqual(filesBefore);
  // Everyone still unlocks the live installation.
  store.lock();
  await store.unlock('kim', 'kims long passphrase');
  await store.unlock(ADMIN.username, ADMIN.passphrase);
}

describe('backup: the key file copy is checked before a restore', () => {
  it('verifies and restores an untouched backup; its manifest carries a MAC of the key file', async () => {
    const { store, dir } = await fresh();
    const entry = await createBackup(store, { kind: 'manual' });
    const m = JSON.parse(fs.readFileSync(path.join(dir, 'backups', `${entry.fileName}.json`), 'utf8')) as ManifestJson;
    expect(m.keyfileMac).toMatch(/^[0-9a-f]{64}$/);
    await verifyBackup(store, entry.fileName);
    await restoreBackup(store, entry.fileName);
    await store.unlock('kim', 'kims long passphrase');
  });

  it('refuses a backup with one bit flipped in a user slot, and changes nothing', async () => {
    const { store, dir } = await fresh();
    const entry = await createBackup(store, { kind: 'manual' });
    editManifest(dir, entry.fileName, (m) => {
      const slot = firstSlot(m);
      slot.wrapped.ct = flipBit(slot.wrapped.ct);
    });
    await expectRefusedAndUnchanged(store, dir, entry.fileName);
  });

  it('refuses a backup with one bit flipped in the recovery slot', async () => {
    const { store, dir } = await fresh();
    const entry = await createBackup(store, { kind: 'manual' });
    editManifest(dir, entry.fileName, (m) => {
      m.keyfile.recovery.wrapped.ct = flipBit(m.keyfile.recovery.wrapped.ct);
    });
    await expectRefusedAndUnchanged(store, dir, entry.fileName);
  });

  it('refuses a malformed wrap (a cut tag)', async () => {
    const { store, dir } = await fresh();
    const entry = await createBackup(store, { kind: 'manual' });
    editManifest(dir, entry.fileName, (m) => {
      const slot = firstSlot(m);
      slot.wrapped.tag = slot.wrapped.tag.slice(0, 8);
    });
    await expectRefusedAndUnchanged(store, dir, entry.fileName);
  });

  it('an older manifest without the MAC: a user slot is still checked against the backup database', async () => {
    const { store, dir } = await fresh();
    const entry = await createBackup(store, { kind: 'manual' });
    editManifest(dir, entry.fileName, (m) => {
      delete m.keyfileMac;
      const slot = firstSlot(m);
      slot.wrapped.tag = flipBit(slot.wrapped.tag);
    });
    await expectRefusedAndUnchanged(store, dir, entry.fileName);
  });

  it('restoring over a damaged database refuses a flipped slot too', async () => {
    const { store, dir } = await fresh();
    const entry = await createBackup(store, { kind: 'manual' });
    store.lock();
    store.markDamaged();
    editManifest(dir, entry.fileName, (m) => {
      m.keyfile.recovery.wrapped.ct = flipBit(m.keyfile.recovery.wrapped.ct);
    });
    const keyfileBefore = fs.readFileSync(store.paths.keyfile, 'utf8');
    expect(await codeOf(restoreDamaged(store, { username: ADMIN.username, passphrase: ADMIN.passphrase, fileName: entry.fileName }))).toBe(
      'backup_keyfile_damaged',
    );
    expect(fs.readFileSync(store.paths.keyfile, 'utf8')).toBe(keyfileBefore);
    expect(store.isMarkedDamaged()).toBe(true);
  });
});
