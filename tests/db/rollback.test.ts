// Files put back: the audit chain head is witnessed outside the data folder, so a database and key
// file copied aside and put back later (which still verify on their own) are noticed at unlock,
// audited, shown until an administrator acknowledges, and never silently accepted.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackup } from '../../db/backup/create-backup';
import { restoreBackup } from '../../db/backup/restore-backup';
import { DbError } from '../../db/errors';
import { operations, type OperationName } from '../../worker/operations';
import { WorkerState } from '../../worker/worker-state';
import { verifyAuditChain } from '../../db/repositories/audit-log';
import { fileWitnessStore } from '../../db/witness/witness-store';
import { addUser, loginAs } from '../helpers/casework';
import { ADMIN, tempDir, TEST_ENV } from '../helpers/temp';

let cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.reverse()) c();
  cleanups = [];
});

interface Setup {
  w: WorkerState;
  witnessDir: string;
}

async function setUp(): Promise<Setup> {
  const t = tempDir();
  const witnessDir = path.join(t.dir, 'state', 'fristad-witness');
  const w = new WorkerState(path.join(t.dir, 'data'), path.join(t.dir, 'demo'), TEST_ENV, fileWitnessStore(witnessDir));
  await w.active.setup(ADMIN);
  cleanups.push(() => {
    w.active.lock('shutdown');
    t.cleanup();
  });
  return { w, witnessDir };
}

async function run(w: WorkerState, op: OperationName, input: unknown): Promise<unknown> {
  return (operations[op] as (w: WorkerState, input: unknown) => Promise<unknown>)(w, input);
}

const DB_FILES = ['fristad.db', 'fristad.db-wal', 'fristad.db-shm', 'fristad.keys.json'];

/** Copies the locked database and key file aside, as someone with the data folder could. */
function copyAside(w: WorkerState): string {
  const aside = `${w.active.paths.dir}-aside`;
  fs.mkdirSync(aside);
  for (const name of DB_FILES) {
    const from = path.join(w.active.paths.dir, name);
    if (fs.existsSync(from)) fs.copyFileSync(from, path.join(aside, name));
  }
  return aside;
}

function putBack(w: WorkerState, aside: string): void {
  for (const name of DB_FILES) {
    fs.rmSync(path.join(w.active.paths.dir, name), { force: true });
    const from = path.join(aside, name);
    if (fs.existsSync(from)) fs.copyFileSync(from, path.join(w.active.paths.dir, name));
  }
}

async function rowsOf(w: WorkerState, action: string): Promise<{ entity: string; entity_id: string | null; outcome: string }[]> {
  return w.active
    .requireSession()
    .db.selectFrom('audit_log')
    .select(['entity', 'entity_id', 'outcome'])
    .where('action', '=', action as never)
    .execute();
}

const unlockAdmin = (w: WorkerState): Promise<void> => w.active.unlock(ADMIN.username, ADMIN.passphrase);

describe('the chain witness', () => {
  it('files put back after disabling a user and changing a passphrase: reported, audited once, kept until an administrator acknowledges', async () => {
    const { w } = await setUp();
    await addUser(w, 'kim', 'caseworker');
    w.active.lock('user');
    const aside = copyAside(w);

    await unlockAdmin(w);
    await run(w, 'users:disable', { username: 'kim' });
    await w.active.changePassphrase(ADMIN.passphrase, 'a newer admin passphrase');
    const { sequence: newest } = await headOf(w);
    w.active.lock('user');
    putBack(w, aside);

    // The old files verify on their own and the old passphrase opens them: that is the point.
    await unlockAdmin(w);
    expect((await verifyAuditChain(w.active.requireSession().db)).ok).toBe(true);
    const warning = w.status().rollbackWarning;
    expect(warning).toMatchObject({ kind: 'older', witnessedSequence: newest + 1 });
    expect(warning?.foundSequence).toBeLessThan(newest);
    expect(warning?.witnessedAt).toEqual(expect.any(String));
    expect(await rowsOf(w, 'rollback_detected')).toEqual([
      { entity: 'database', entity_id: `older:${newest + 1}:${warning?.foundSequence}`, outcome: 'failed' },
    ]);

    // Any user sees it, at every unlock, and it is audited once; the witness keeps the newer head.
    await loginAs(w, 'kim');
    expect(w.status().rollbackWarning).toMatchObject({ kind: 'older', witnessedSequence: newest + 1 });
    await expect(w.active.acknowledgeRollback()).rejects.toMatchObject({ code: 'forbidden' });
    await unlockAdmin(w);
    expect(w.status().rollbackWarning).toMatchObject({ kind: 'older', witnessedSequence: newest + 1 });
    expect(await rowsOf(w, 'rollback_detected')).toHaveLength(1);

    await run(w, 'session:acknowledge-rollback', {});
    expect(w.status().rollbackWarning).toBeNull();
    expect(await rowsOf(w, 'acknowledge')).toEqual([{ entity: 'rollback_warning', entity_id: 'older', outcome: 'ok' }]);
    w.active.lock('user');
    // Re-based: the next unlock is quiet.
    await unlockAdmin(w);
    expect(w.status().rollbackWarning).toBeNull();
    expect(await rowsOf(w, 'rollback_detected')).toHaveLength(1);
  });

  it('an old copy that has since been written to is a different history at the witnessed sequence', async () => {
    const { w } = await setUp();
    w.active.lock('user');
    const aside = copyAside(w);
    for (let i = 0; i < 3; i++) {
      await unlockAdmin(w);
      w.active.lock('user');
    }
    putBack(w, aside);
    // Grow the old copy past the witnessed sequence without the witness seeing it.
    const bare = new WorkerState(w.active.paths.dir, `${w.active.paths.dir}-demo`, TEST_ENV, { kind: 'file', read: () => null, write: () => undefined });
    for (let i = 0; i < 4; i++) {
      await bare.active.unlock(ADMIN.username, ADMIN.passphrase);
      bare.active.lock('user');
    }
    await unlockAdmin(w);
    expect(w.status().rollbackWarning).toMatchObject({ kind: 'different' });
  });

  it('normal locking and unlocking between ordinary work reports nothing', async () => {
    const { w, witnessDir } = await setUp();
    for (let i = 0; i < 3; i++) {
      w.active.lock('user');
      await unlockAdmin(w);
      await addUser(w, `user${i}`, 'caseworker');
    }
    expect(w.status().rollbackWarning).toBeNull();
    expect(await rowsOf(w, 'rollback_detected')).toEqual([]);
    // The witness lives outside the data folder, one signed file per installation.
    const files = fs.readdirSync(witnessDir);
    expect(files).toEqual([`${w.active.requireSession().keyfile.installationId}.json`]);
    expect(fs.statSync(path.join(witnessDir, files[0] ?? '')).mode & 0o777).toBe(0o600);
  });

  it('a restore from backup goes back in time legitimately and re-bases the witness itself', async () => {
    const { w } = await setUp();
    const backup = await createBackup(w.active, { kind: 'manual' });
    await addUser(w, 'later', 'caseworker');
    await run(w, 'users:disable', { username: 'later' });
    await restoreBackup(w.active, backup.fileName);
    await unlockAdmin(w);
    expect(w.status().rollbackWarning).toBeNull();
    expect(await rowsOf(w, 'rollback_detected')).toEqual([]);
  });

  it('a witness whose signature fails is reported as tampered and not trusted, nor overwritten until acknowledged', async () => {
    const { w, witnessDir } = await setUp();
    w.active.lock('user');
    const [file] = fs.readdirSync(witnessDir);
    const witnessFile = path.join(witnessDir, file ?? '');
    const forged = JSON.parse(fs.readFileSync(witnessFile, 'utf8')) as { sequence: number };
    forged.sequence = 1;
    fs.writeFileSync(witnessFile, JSON.stringify(forged));

    await unlockAdmin(w);
    expect(w.status().rollbackWarning).toMatchObject({ kind: 'tampered', witnessedSequence: null });
    expect(await rowsOf(w, 'rollback_detected')).toHaveLength(1);
    w.active.lock('user');
    expect(JSON.parse(fs.readFileSync(witnessFile, 'utf8'))).toMatchObject({ sequence: 1 });

    await unlockAdmin(w);
    await run(w, 'session:acknowledge-rollback', {});
    w.active.lock('user');
    await unlockAdmin(w);
    expect(w.status().rollbackWarning).toBeNull();
  });

  it('acknowledging without a warning is refused', async () => {
    const { w } = await setUp();
    await expect(w.active.acknowledgeRollback()).rejects.toBeInstanceOf(DbError);
  });
});

async function headOf(w: WorkerState): Promise<{ sequence: number }> {
  const row = await w.active.requireSession().db.selectFrom('audit_log').select('seq').orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
  return { sequence: row.seq };
}
