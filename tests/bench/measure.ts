import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { Kysely, SqliteDialect } from 'kysely';
import { readable, writable, type WriteDb } from '../../db/handles';
import { applyRequiredPragmas, openKeyed, type SqliteDb } from '../../db/connection/open';
import { registerReportFunctions } from '../../db/connection/report-functions';
import { registerTextFunctions } from '../../db/connection/text-functions';
import { withStatementCache } from '../../db/connection/statement-cache';
import { createBackup } from '../../db/backup/create-backup';
import { fsyncFile, sha256File } from '../../db/backup/manifest';
import { auditHeadOf, countRows, integrityOk } from '../../db/backup/verify-backup';
import { operations, type OperationName } from '../../worker/operations';
import { WorkerState } from '../../worker/worker-state';
import { deriveKek, KDF_FLOOR } from '../../db/keys/kdf';
import { assertNotFromFuture, migrate } from '../../db/migrations/runner';
import { syncBuiltinInstruments } from '../../db/reference/instruments';
import { syncReferenceData } from '../../db/reference/sync';
import { verifyAuditChain } from '../../db/repositories/audit-log';
import { listCases, type CaseListQuery } from '../../db/repositories/case-list';
import { localIsoDate } from '../../core/rules/calendar';
import type { DB } from '../../db/schema';
import { Store } from '../../db/store/store';
import { BENCH_TEAM, BENCH_USER } from './config';
import { productionEnv, type BenchDatabases } from './generate';
import { MemoryWatch, sample } from './stats';
import { RevealGrants } from '../../app/reveal-grants';
import {
  filteredListInput,
  OPEN_CASE,
  openCase,
  REPORT_ONE_CONNECTION,
  searchInputs,
  smallWriteInput,
  YEAR_REPORT,
  type Call,
  type WorkloadData,
} from './workload';

export type Variant = 'encrypted' | 'plain';

/** One measured operation for one database. */
export interface Measurement {
  op: string;
  ms: number[];
}

/** How many times each operation runs; the smoke run in `npm test` uses small numbers. */
export interface Repeats {
  searches: number;
  opens: number;
  lists: number;
  reports: number;
  reviews: number;
  backups: number;
  writes: number;
  unlocks: number;
}

export const FULL_REPEATS: Repeats = { searches: 1000, opens: 200, lists: 100, reports: 3, reviews: 20, backups: 1, writes: 1000, unlocks: 3 };

export const SEARCH_OPEN = 'search as you type, open cases (1–4 letters)';
export const SEARCH_ALL = 'search as you type, all cases (1–4 letters)';
export const SEARCH_QUERY_ONLY = 'search, all cases: the query alone, no audit commit';
export const OPEN_DATABASE = 'open database (no KDF)';

interface Opened {
  sqlite: SqliteDb;
  db: WriteDb;
  call: Call;
  close: () => void;
  backup: () => Promise<void>;
}

function callOn(w: WorkerState): Call {
  return (op, input) => {
    const run = operations[op as OperationName] as (w: WorkerState, input: unknown) => Promise<unknown>;
    return run(w, input);
  };
}

/** The query alone is measured as a team lead sees the list (administrators see no cases). */
const QUERY_READER = { id: 0, role: 'team_lead' } as const;

/** Opens a database the way unlocking does after the key is known: pragmas, migrations, reference data. */
async function openAsApp(file: string, key: Buffer | null, create = false): Promise<{ sqlite: SqliteDb; db: WriteDb }> {
  const sqlite = key ? openKeyed(file, key, { fileMustExist: !create }) : new Database(file, { fileMustExist: !create });
  if (!key) registerTextFunctions(sqlite);
  assertNotFromFuture(sqlite);
  applyRequiredPragmas(sqlite);
  registerReportFunctions(sqlite);
  // As the store connects (db/store/store.ts), so the plain reference runs the same code.
  const db = writable(new Kysely<DB>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) }));
  await migrate(sqlite, db, file);
  await syncReferenceData(db);
  await syncBuiltinInstruments(db, new Date());
  return { sqlite, db };
}

/** The plain reference behind the same operations: a session-shaped stand-in for the store. */
async function openPlainSession(file: string): Promise<Opened> {
  const { sqlite, db } = await openAsApp(file, null);
  const row = sqlite.prepare('SELECT id, username, display_name, role FROM users WHERE username = ?').get(BENCH_USER.username) as {
    id: number;
    username: string;
    display_name: string;
    role: 'team_lead';
  };
  const session = { sqlite, db, user: { id: row.id, username: row.username, displayName: row.display_name, role: row.role } };
  // Reports read on one connection, as the encrypted run in-process does (no second thread).
  const w = {
    active: { requireSession: () => session, isUnlocked: true },
    demo: null,
    reveals: new RevealGrants(),
    factsElsewhere: () => undefined,
  } as unknown as WorkerState;
  return {
    sqlite,
    db,
    call: callOn(w),
    close: () => sqlite.close(),
    // The backup's steps without a key: counts and head, VACUUM INTO, flush, checksum, integrity and chain check.
    backup: async () => {
      const target = path.join(path.dirname(file), 'plain-backup.db');
      fs.rmSync(target, { force: true });
      countRows(sqlite);
      auditHeadOf(sqlite);
      sqlite.prepare('VACUUM INTO ?').run(target);
      fsyncFile(target);
      sha256File(target);
      const copy = new Database(target, { readonly: true });
      try {
        if (!integrityOk(copy)) throw new Error('bench: the plain backup failed its integrity check');
        countRows(copy);
        const chain = await verifyAuditChain(readable(new Kysely<DB>({ dialect: new SqliteDialect({ database: copy }) })));
        if (!chain.ok) throw new Error('bench: the plain backup has a broken chain');
      } finally {
        copy.close();
      }
      fs.rmSync(target, { force: true });
    },
  };
}

async function openEncryptedSession(dbs: BenchDatabases): Promise<Opened> {
  const w = new WorkerState(dbs.encDir, path.join(dbs.encDir, 'unused-demo'), productionEnv());
  await w.real.unlock(BENCH_USER.username, BENCH_USER.passphrase);
  const s = w.real.requireSession();
  return {
    sqlite: s.sqlite,
    db: s.db,
    call: callOn(w),
    close: () => w.real.lock('shutdown'),
    backup: async () => void (await createBackup(w.real, { kind: 'manual' })),
  };
}

/** The quick reads the encrypted/plain ratio is read from: the i-th request of each, on a session. */
function pairedReads(data: WorkloadData, repeats: Repeats): { op: string; n: number; run: (s: Opened, i: number) => Promise<unknown> }[] {
  // The list searches within its filters; it starts on open cases. Both are measured, and the
  // query alone (without the read's audit row and its commit) shows where the time goes.
  const searchOpen = searchInputs(data, repeats.searches, 'open');
  const searchAll = searchInputs(data, repeats.searches, 'all');
  const today = localIsoDate(new Date());
  return [
    { op: SEARCH_OPEN, n: searchOpen.length, run: (s, i) => s.call('cases:list', searchOpen[i]) },
    { op: SEARCH_ALL, n: searchAll.length, run: (s, i) => s.call('cases:list', searchAll[i]) },
    { op: SEARCH_QUERY_ONLY, n: searchAll.length, run: (s, i) => listCases(s.db, searchAll[i] as CaseListQuery, today, QUERY_READER) },
    // Cases not read before in the run, by either session.
    { op: OPEN_CASE, n: repeats.opens, run: (s, i) => openCase(s.call, data.openableCaseIds[i % data.openableCaseIds.length] as number) },
    { op: 'case list, first page, filters', n: repeats.lists, run: (s, i) => s.call('cases:list', filteredListInput(data, i)) },
  ];
}

/**
 * Searching, opening cases and the list's first page on both databases at once, each request on
 * one and then the same on the other (which goes first alternates): this shared virtual machine
 * slows down for a while at times, and measured one database after the other, such a spell fell on
 * one of them only and moved a ratio by a third (1.0 to 1.5 for the same code).
 */
export async function measurePairedReads(
  dbs: BenchDatabases,
  data: WorkloadData,
  repeats: Repeats,
  log: (line: string) => void,
): Promise<Record<Variant, Measurement[]>> {
  const sessions: Record<Variant, Opened> = { encrypted: await openEncryptedSession(dbs), plain: await openPlainSession(dbs.plainFile) };
  try {
    const out: Record<Variant, Measurement[]> = { encrypted: [], plain: [] };
    for (const read of pairedReads(data, repeats)) {
      log(`  both: ${read.op} (${read.n} each)`);
      const ms: Record<Variant, number[]> = { encrypted: [], plain: [] };
      for (let i = 0; i < read.n; i++) {
        for (const variant of i % 2 === 0 ? (['encrypted', 'plain'] as const) : (['plain', 'encrypted'] as const)) {
          const t = performance.now();
          await read.run(sessions[variant], i);
          ms[variant].push(performance.now() - t);
        }
      }
      out.encrypted.push({ op: read.op, ms: ms.encrypted });
      out.plain.push({ op: read.op, ms: ms.plain });
    }
    return out;
  } finally {
    sessions.encrypted.close();
    sessions.plain.close();
  }
}

/** Runs the in-process measurements of one of the two databases, but for the paired reads (measurePairedReads). */
export async function measureVariant(
  variant: Variant,
  dbs: BenchDatabases,
  data: WorkloadData,
  repeats: Repeats,
  scratch: string,
  log: (line: string) => void,
): Promise<{ results: Measurement[]; memory: { rssMb: number; heapMb: number } }> {
  const results: Measurement[] = [];
  const add = (op: string, ms: number[]): void => {
    results.push({ op, ms });
  };
  const memory = new MemoryWatch().start();

  // Creating: a new installation through the real set-up (encrypted, production KDF), or the same
  // schema and reference data on a plain file.
  log(`  ${variant}: create and unlock`);
  if (variant === 'encrypted') {
    add(
      'create installation',
      await sample(Math.max(1, Math.min(3, repeats.unlocks)), async (i) => {
        const dir = path.join(scratch, `create-${i}`);
        fs.rmSync(dir, { recursive: true, force: true });
        const store = new Store(dir, { env: productionEnv() });
        await store.setup({ teamName: BENCH_TEAM, username: 'bench.new', displayName: 'Ny (fiktiv)', passphrase: BENCH_USER.passphrase });
        store.lock('shutdown');
        fs.rmSync(dir, { recursive: true, force: true });
      }),
    );
    add(
      'key derivation (Argon2id 64 MiB, t=3)',
      await sample(Math.max(3, repeats.unlocks), () => deriveKek(BENCH_USER.passphrase, { alg: 'argon2id', ...KDF_FLOOR, salt: 'YmVuY2gtc2FsdC0xMjM0NQ==' })),
    );
    add(
      'unlock (real path, with KDF)',
      await sample(repeats.unlocks, async () => {
        const store = new Store(dbs.encDir, { env: productionEnv() });
        await store.unlock(BENCH_USER.username, BENCH_USER.passphrase);
        store.lock('shutdown');
      }),
    );
  } else {
    add(
      'create installation',
      await sample(Math.max(1, Math.min(3, repeats.unlocks)), async (i) => {
        const file = path.join(scratch, `create-plain-${i}.db`);
        fs.rmSync(file, { force: true });
        const { sqlite } = await openAsApp(file, null, true);
        sqlite.close();
        for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
      }),
    );
  }
  add(
    OPEN_DATABASE,
    await sample(repeats.unlocks, async () => {
      const { sqlite } = await openAsApp(variant === 'encrypted' ? dbs.encFile : dbs.plainFile, variant === 'encrypted' ? dbs.dataKey : null);
      sqlite.close();
    }),
  );

  const opened = variant === 'encrypted' ? await openEncryptedSession(dbs) : await openPlainSession(dbs.plainFile);
  try {
    const { call } = opened;
    log(`  ${variant}: year report (${repeats.reports})`);
    add(REPORT_ONE_CONNECTION, await sample(repeats.reports, () => call('reports:generate', YEAR_REPORT)));
    log(`  ${variant}: housing-chain review (${repeats.reviews})`);
    add('housing-chain review (shelters)', await sample(repeats.reviews, () => call('shelters:list', {})));
    log(`  ${variant}: ${repeats.writes} small writes, synchronous=FULL`);
    add('small write (reminder + audit)', await sample(repeats.writes, (i) => call('reminders:create', smallWriteInput(data, i))));
    log(`  ${variant}: backup (${repeats.backups})`);
    add('backup (copy + full verify)', await sample(repeats.backups, () => opened.backup()));
  } finally {
    opened.close();
  }
  return { results, memory: memory.stop() };
}
