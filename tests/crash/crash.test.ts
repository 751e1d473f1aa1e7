// Crash tests: a child process does real writes, backups and migrations through the app's code
// and is killed with SIGKILL at random moments. Reopening must always find an intact file, every
// acknowledged piece of work in it, and nothing half done. The seed is printed; run again with
// FRISTAD_CRASH_SEED=<seed> to repeat a failing run exactly (up to the scheduler's timing).
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Kysely, SqliteDialect } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKUP_FILE_PATTERN } from '../../core/contract';
import { createBackup, saveBackupSettings } from '../../db/backup/create-backup';
import { listBackups, readManifest } from '../../db/backup/manifest';
import { integrityOk, verifyBackupFile } from '../../db/backup/verify-backup';
import { applyRequiredPragmas, openKeyed, schemaVersion } from '../../db/connection/open';
import { LATEST_VERSION, MIGRATIONS } from '../../db/migrations';
import { migrate } from '../../db/migrations/runner';
import { verifyAuditChain } from '../../db/repositories/audit-log';
import type { DB } from '../../db/schema';
import { Store } from '../../db/store/store';
import { bundleForNode } from '../helpers/bundle';
import { ADMIN, tempDir, TEST_ENV } from '../helpers/temp';
import { rng, type ChildConfig } from './protocol';

const root = fileURLToPath(new URL('../..', import.meta.url));
const CHILD = path.join(root, 'dist/test/crash-child.cjs');
const SEED = Number(process.env.FRISTAD_CRASH_SEED ?? crypto.randomInt(1, 2 ** 31));
const random = rng(SEED);
const randomInt = (lo: number, hi: number): number => lo + Math.floor(random() * (hi - lo + 1));

let cleanups: (() => void)[] = [];

beforeAll(async () => {
  console.log(`[crash] seed ${SEED} (repeat with FRISTAD_CRASH_SEED=${SEED})`);
  await bundleForNode(path.join(root, 'tests/crash/crash-child.ts'), CHILD);
});

afterAll(() => {
  for (const c of cleanups.reverse()) c();
  cleanups = [];
});

interface ChildRun {
  lines: string[];
  killed: boolean;
}

/**
 * Runs the child; `onLine` sees each line and may return a delay in ms after which the child is
 * killed with SIGKILL (0 kills at once). The kill races the child's work, which is the point.
 */
function runChild(
  config: ChildConfig,
  onLine: (line: string, lines: readonly string[]) => number | null,
  arm?: (kill: () => void) => () => void,
): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CHILD, JSON.stringify(config)], { env: TEST_ENV, stdio: ['ignore', 'pipe', 'pipe'] });
    const lines: string[] = [];
    let buffer = '';
    let killScheduled = false;
    let killed = false;
    const kill = (): void => {
      killed = child.kill('SIGKILL') || killed;
    };
    const disarm = arm?.(() => {
      if (!killScheduled) {
        killScheduled = true;
        kill();
      }
    });
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      buffer += chunk;
      for (let nl = buffer.indexOf('\n'); nl >= 0; nl = buffer.indexOf('\n')) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        lines.push(line);
        if (killScheduled) continue;
        const delay = onLine(line, lines);
        if (delay === null) continue;
        killScheduled = true;
        if (delay === 0) kill();
        else setTimeout(kill, delay);
      }
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      disarm?.();
      if (buffer) lines.push(buffer);
      const failed = lines.find((l) => l.startsWith('error '));
      if (failed || (signal !== 'SIGKILL' && code !== 0)) {
        reject(new Error(`crash child failed (seed ${SEED}): ${failed ?? `exit ${code}`} ${stderr.slice(0, 500)}`));
        return;
      }
      resolve({ lines, killed: killed && signal === 'SIGKILL' });
    });
  });
}

function acks(lines: readonly string[], kind: string): string[][] {
  return lines.filter((l) => l.startsWith(`ack ${kind} `)).map((l) => l.split(' ').slice(2));
}

/** A fresh installation with the administrator; locked again so children can unlock it. */
async function freshInstallation(): Promise<string> {
  const t = tempDir('fristad-crash-');
  cleanups.push(t.cleanup);
  const dataDir = path.join(t.dir, 'data');
  const store = new Store(dataDir, { env: TEST_ENV });
  await store.setup(ADMIN);
  await saveBackupSettings(store, { folder: path.join(dataDir, 'backups'), keep: 365 });
  store.lock('shutdown');
  return dataDir;
}

/** Opens the store as the app does and checks the file, the audit chain and what must be in it. */
async function withReopened<T>(
  dataDir: string,
  check: (sqlite: ReturnType<Store['requireSession']>['sqlite'], db: Kysely<DB>, store: Store) => Promise<T>,
): Promise<T> {
  const store = new Store(dataDir, { env: TEST_ENV });
  await store.unlock(ADMIN.username, ADMIN.passphrase);
  try {
    const s = store.requireSession();
    expect(integrityOk(s.sqlite), `integrity_check after a kill (seed ${SEED})`).toBe(true);
    const chain = await verifyAuditChain(s.db);
    expect(chain.ok, `audit chain after a kill (seed ${SEED})`).toBe(true);
    return await check(s.sqlite, s.db, store);
  } finally {
    store.lock('shutdown');
  }
}

/** Every case, note and signature in the file came with its audit row, and the other way round. */
async function expectNoPartialWrites(db: Kysely<DB>): Promise<{ cases: Map<number, string>; notes: Map<number, { body: string; status: string }> }> {
  const audit = await db.selectFrom('audit_log').select(['action', 'entity', 'entity_id']).execute();
  const audited = (action: string, entity: string): string[] =>
    audit
      .filter((a) => a.action === action && a.entity === entity)
      .map((a) => a.entity_id ?? '')
      .sort();

  const cases = await db.selectFrom('cases').select(['id', 'vulnerability_note']).execute();
  expect(audited('create', 'case')).toEqual(cases.map((c) => String(c.id)).sort());
  const children = await db.selectFrom('children').select(['case_id']).execute();
  const perpetrators = await db.selectFrom('perpetrators').select(['case_id']).execute();
  for (const c of cases) {
    // Each case was written with two children and one perpetrator in the same transaction.
    expect(children.filter((x) => x.case_id === c.id)).toHaveLength(2);
    expect(perpetrators.filter((x) => x.case_id === c.id)).toHaveLength(1);
  }
  expect(children).toHaveLength(cases.length * 2);

  const notes = await db.selectFrom('journal_notes').select(['id', 'body', 'status']).execute();
  expect(audited('create', 'journal_note')).toEqual(notes.map((n) => String(n.id)).sort());
  expect(audited('sign', 'journal_note')).toEqual(
    notes
      .filter((n) => n.status === 'signed')
      .map((n) => String(n.id))
      .sort(),
  );
  return {
    cases: new Map(cases.map((c) => [c.id, c.vulnerability_note])),
    notes: new Map(notes.map((n) => [n.id, { body: n.body, status: n.status }])),
  };
}

describe('kill -9 during work', () => {
  it('keeps every acknowledged write and no partial one across at least 200 write transactions', async () => {
    const dataDir = await freshInstallation();
    const acked = { cases: new Map<number, string>(), notes: new Map<number, string>(), signed: new Set<number>() };
    let transactions = 0;
    let rounds = 0;
    let killedRounds = 0;
    while ((transactions < 210 || rounds < 16) && rounds < 30) {
      rounds++;
      // Kill after a random number of acknowledgements (0: while unlocking or in the first
      // transaction), then after a random 0–3 ms, so the kill lands anywhere in a transaction.
      const afterAcks = random() < 0.1 ? 0 : randomInt(6, 16);
      const jitter = randomInt(0, 3);
      const run = await runChild(
        { mode: 'writes', dataDir, username: ADMIN.username, passphrase: ADMIN.passphrase, seed: randomInt(1, 2 ** 30), round: rounds, maxOps: 200 },
        (line, lines) => {
          const n = lines.filter((l) => l.startsWith('ack ')).length;
          return (afterAcks === 0 && line === 'ready') || (afterAcks > 0 && n >= afterAcks) ? jitter : null;
        },
      );
      if (run.killed) killedRounds++;
      for (const [id, marker] of acks(run.lines, 'case')) acked.cases.set(Number(id), marker ?? '');
      for (const [id, , marker] of acks(run.lines, 'note')) acked.notes.set(Number(id), marker ?? '');
      for (const [id] of acks(run.lines, 'sign')) acked.signed.add(Number(id));
      transactions += run.lines.filter((l) => l.startsWith('ack ')).length;

      await withReopened(dataDir, async (_sqlite, db) => {
        const found = await expectNoPartialWrites(db);
        for (const [id, marker] of acked.cases) expect(found.cases.get(id), `acknowledged case ${id} (seed ${SEED})`).toBe(marker);
        for (const [id, marker] of acked.notes) expect(found.notes.get(id)?.body, `acknowledged note ${id} (seed ${SEED})`).toBe(marker);
        for (const id of acked.signed) expect(found.notes.get(id)?.status, `acknowledged signature ${id} (seed ${SEED})`).toBe('signed');
      });
    }
    expect(transactions).toBeGreaterThanOrEqual(200);
    expect(killedRounds).toBeGreaterThanOrEqual(rounds - 1);
  });

  it('never leaves a partial backup under a backup name; the database still opens and the next backup cleans up', async () => {
    const dataDir = await freshInstallation();
    const folder = path.join(dataDir, 'backups');
    const ackedBackups = new Set<string>();
    let backupMs = 150;
    for (let round = 1; round <= 6; round++) {
      let startedAt = 0;
      const run = await runChild(
        { mode: 'backups', dataDir, username: ADMIN.username, passphrase: ADMIN.passphrase, seed: randomInt(1, 2 ** 30), round, maxOps: 60 },
        (line, lines) => {
          if (line === 'backup-start') startedAt = performance.now();
          if (line.startsWith('ack backup ')) backupMs = Math.max(20, performance.now() - startedAt);
          // The first backup of a round completes, so its length is known; the kill lands inside a later one.
          const started = lines.filter((l) => l === 'backup-start').length;
          return line === 'backup-start' && started >= 2 ? randomInt(0, Math.ceil(backupMs * 1.2)) : null;
        },
      );
      for (const [name] of acks(run.lines, 'backup')) ackedBackups.add(name ?? '');

      await withReopened(dataDir, async () => {
        const names = fs.readdirSync(folder);
        for (const name of ackedBackups) expect(names, `acknowledged backup (seed ${SEED})`).toContain(name);
        // Whatever carries a backup's name is complete: it has its manifest and passes verification.
        const dataKeyStore = new Store(dataDir, { env: TEST_ENV });
        await dataKeyStore.unlock(ADMIN.username, ADMIN.passphrase);
        try {
          for (const name of names.filter((n) => BACKUP_FILE_PATTERN.test(n))) {
            const file = path.join(folder, name);
            await verifyBackupFile(file, dataKeyStore.requireSession().dataKey, readManifest(file));
          }
        } finally {
          dataKeyStore.lock('shutdown');
        }
        expect(
          listBackups(folder)
            .map((b) => b.fileName)
            .sort(),
        ).toEqual(names.filter((n) => BACKUP_FILE_PATTERN.test(n)).sort());
      });
    }
    expect(ackedBackups.size).toBeGreaterThanOrEqual(6);

    // The next backup removes what a killed one left behind.
    const store = new Store(dataDir, { env: TEST_ENV });
    await store.unlock(ADMIN.username, ADMIN.passphrase);
    await createBackup(store, { kind: 'manual' });
    store.lock('shutdown');
    for (const name of fs.readdirSync(folder)) expect(name).toMatch(/^fristad-\d{8}-\d{6}\.fbak(\.json)?$/);
  });
});

describe('kill -9 during a migration', () => {
  const CASES = 400;

  /** A database at schema version 2 with cases and notes in it, as an older Fristad left it. */
  async function oldDatabase(file: string, key: Buffer): Promise<void> {
    const sqlite = openKeyed(file, key);
    applyRequiredPragmas(sqlite);
    await migrate(sqlite, new Kysely<unknown>({ dialect: new SqliteDialect({ database: sqlite }) }), file, MIGRATIONS.slice(0, 2));
    const now = '2026-11-26T10:00:00.000Z';
    sqlite.prepare("INSERT INTO users (username, display_name, role, wrapped_key, created_at) VALUES ('anna', 'Anna Fiktiv', 'caseworker', '{}', ?)").run(now);
    const insertCase = sqlite.prepare(
      "INSERT INTO cases (case_number, status, survivor_name, survivor_gender, protection_level, created_by, created_at, updated_at) VALUES (?, 'open', 'Fiktiv Person', 'woman', 'none', 1, ?, ?)",
    );
    const insertNote = sqlite.prepare(
      "INSERT INTO journal_notes (case_id, note_date, body, status, author_id, created_at) VALUES (?, '2026-11-26', ?, 'draft', 1, ?)",
    );
    sqlite.transaction(() => {
      for (let i = 1; i <= CASES; i++) {
        const id = Number(insertCase.run(`RVT-2026-${String(i).padStart(4, '0')}`, now, now).lastInsertRowid);
        insertNote.run(id, `Anteckning ${i} ${'x'.repeat(400)}`, now);
      }
    })();
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
    sqlite.close();
  }

  function expectOldDataIntact(sqlite: ReturnType<typeof openKeyed>): void {
    expect(integrityOk(sqlite)).toBe(true);
    expect(sqlite.prepare('SELECT count(*) AS n FROM cases').get()).toEqual({ n: CASES });
    expect(sqlite.prepare('SELECT count(*) AS n FROM journal_notes').get()).toEqual({ n: CASES });
  }

  it('leaves the file at the old version intact or fully migrated, never in between', async () => {
    const t = tempDir('fristad-crash-migrate-');
    cleanups.push(t.cleanup);
    const key = crypto.randomBytes(32);
    const template = path.join(t.dir, 'template.db');
    await oldDatabase(template, key);

    // One run without a kill measures how long opening and migrating takes.
    let migrateMs = 0;
    let transactionMs = 0;
    const seen = { old: 0, migrated: 0 };
    for (let round = 0; round <= 8; round++) {
      const dir = path.join(t.dir, `round-${round}`);
      fs.mkdirSync(dir, { mode: 0o700 });
      const file = path.join(dir, 'fristad.db');
      fs.copyFileSync(template, file);
      let readyAt = 0;
      let copiedAt = 0;
      // Odd rounds kill anywhere from opening to the end of migrating; even rounds wait for the
      // copy made before migrating to be in place and kill inside the migrations' transaction.
      const inTransaction = round > 0 && round % 2 === 0;
      const run = await runChild(
        { mode: 'migrate', file, keyHex: key.toString('hex') },
        (line) => {
          if (line === 'ready') readyAt = performance.now();
          if (line.startsWith('ack migrated') && round === 0) {
            migrateMs = performance.now() - readyAt;
            transactionMs = performance.now() - copiedAt;
          }
          return line === 'ready' && round > 0 && !inTransaction ? randomInt(0, Math.ceil(migrateMs * 1.2)) : null;
        },
        (kill) => {
          const delay = randomInt(0, Math.ceil(transactionMs * 1.2));
          const watcher = fs.watch(dir, (_event, name) => {
            if (!name || !/\.pre-migration-v2-[0-9TZ-]+\.bak$/.test(name) || copiedAt > 0) return;
            copiedAt = performance.now();
            if (inTransaction) setTimeout(kill, delay);
          });
          return () => watcher.close();
        },
      );
      if (round > 0) expect(run.killed || acks(run.lines, 'migrated').length === 1).toBe(true);

      const sqlite = openKeyed(file, key, { fileMustExist: true });
      try {
        applyRequiredPragmas(sqlite);
        const version = schemaVersion(sqlite);
        expect([2, LATEST_VERSION], `schema version after a kill (seed ${SEED})`).toContain(version);
        if (acks(run.lines, 'migrated').length === 1) expect(version).toBe(LATEST_VERSION);
        expect((sqlite.prepare('SELECT version FROM schema_migrations ORDER BY version').all() as { version: number }[]).map((r) => r.version)).toEqual(
          MIGRATIONS.filter((m) => m.version <= version).map((m) => m.version),
        );
        expectOldDataIntact(sqlite);
        if (version === LATEST_VERSION) seen.migrated++;
        else seen.old++;
        // Run again with the current code: it finishes the upgrade with everything still there.
        await migrate(sqlite, new Kysely<unknown>({ dialect: new SqliteDialect({ database: sqlite }) }), file);
        expect(schemaVersion(sqlite)).toBe(LATEST_VERSION);
        expectOldDataIntact(sqlite);
      } finally {
        sqlite.close();
      }

      // A copy made before migrating is complete whenever it carries its final name.
      for (const name of fs.readdirSync(dir).filter((n) => /\.pre-migration-v2-.*\.bak$/.test(n))) {
        const copy = openKeyed(path.join(dir, name), key, { readonly: true, fileMustExist: true });
        try {
          expect(schemaVersion(copy)).toBe(2);
          expectOldDataIntact(copy);
        } finally {
          copy.close();
        }
      }
    }
    console.log(`[crash] migration kills: ${seen.old} left at the old version, ${seen.migrated} fully migrated`);
  });
});
