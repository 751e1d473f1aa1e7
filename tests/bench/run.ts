import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { BENCH_SEED, countsFor } from './config';
import { measureThroughWorker, type EventLoopResult } from './event-loop';
import { prepareDatabases, type GenerationMode } from './generate';
import {
  FULL_REPEATS,
  measurePairedReads,
  measureVariant,
  OPEN_DATABASE,
  SEARCH_ALL,
  SEARCH_OPEN,
  SEARCH_QUERY_ONLY,
  type Measurement,
  type Repeats,
} from './measure';
import { percentile } from './stats';
import { OPEN_CASE, REPORT_AS_APP, REPORT_FIRST, REPORT_ONE_CONNECTION, workloadData } from './workload';

export interface BenchOptions {
  scale: number;
  seed: number;
  dir: string;
  fresh: boolean;
  mode: GenerationMode;
  repeats: Repeats;
  workerPath: string;
  /** Runs the Chromium scroll bench with this function when given (it needs the built app). */
  scroll?: (encDir: string, rows: number, log: (line: string) => void) => Promise<{ maxFrameMs: number; p95FrameMs: number; frames: number; rows: number }>;
  log: (line: string) => void;
}

export interface TableRow {
  operation: string;
  encrypted: string;
  plain: string;
  ratio: string;
  target: string;
}

export interface BenchReport {
  rows: TableRow[];
  table: string;
  machine: string;
}

/** Which reads the encrypted/plain target applies to, and each operation's own target. */
const TARGETS: Record<string, { p95?: number; max?: number; read?: boolean }> = {
  [SEARCH_OPEN]: { p95: 20, read: true },
  [SEARCH_ALL]: { p95: 20, read: true },
  [SEARCH_QUERY_ONLY]: { read: true },
  [OPEN_CASE]: { p95: 15, read: true },
  'case list, first page, filters': { read: true },
  [REPORT_ONE_CONNECTION]: { read: true },
  // Issue 7 names no percentile for the report: every one is held to 1.5 s, the first of a session
  // (both connections' caches cold) on its own row too.
  [REPORT_AS_APP]: { max: 1500 },
  [REPORT_FIRST]: { max: 1500 },
  'housing-chain review (shelters)': { read: true },
};

const fmt = (ms: number): string => (Number.isNaN(ms) ? '–' : ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2));
const pair = (ms: number[] | undefined): string => (ms && ms.length > 0 ? `${fmt(percentile(ms, 50))} / ${fmt(percentile(ms, 95))}` : '–');

/** Markdown table, so the output can go into the README as it is. */
export function renderTable(rows: readonly TableRow[]): string {
  const head = ['operation', 'encrypted p50 / p95 (ms)', 'plain p50 / p95 (ms)', 'ratio (p50)', 'target'];
  const lines = [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`];
  for (const r of rows) lines.push(`| ${r.operation} | ${r.encrypted} | ${r.plain} | ${r.ratio} | ${r.target} |`);
  return lines.join('\n');
}

/** One line about the computer the numbers came from. */
export function machineLine(): string {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const ram = (os.totalmem() / 2 ** 30).toFixed(0);
  return `${os.cpus().length} cores (${cpu}), ${ram} GiB RAM, Node ${process.version}, SQLite ${sqliteVersion()}, ${os.platform()} ${os.release()}, ${new Date().toISOString().slice(0, 10)}`;
}

function sqliteVersion(): string {
  const db = new Database(':memory:');
  try {
    return (db.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v;
  } finally {
    db.close();
  }
}

/** Reads a file from start to end and drops what it read. */
function readThrough(file: string): void {
  const fd = fs.openSync(file, 'r');
  try {
    const chunk = Buffer.allocUnsafe(8 * 2 ** 20);
    while (fs.readSync(fd, chunk, 0, chunk.length, null) > 0);
  } finally {
    fs.closeSync(fd);
  }
}

/** Generates (or reuses) the databases, measures both, and builds the table. */
export async function runBench(o: BenchOptions): Promise<BenchReport> {
  const log = o.log;
  const counts = countsFor(o.scale);
  log(`Fristad benchmark: scale ${o.scale} (${counts.cases} cases), seed ${o.seed}, folder ${o.dir}`);
  const dbs = await prepareDatabases({ dir: o.dir, scale: o.scale, seed: o.seed, fresh: o.fresh, mode: o.mode, log });
  for (const t of dbs.timings) log(`  generation: ${t.label}: ${t.seconds.toFixed(1)} s`);
  log(`  sizes: encrypted ${(dbs.sizes.encrypted / 2 ** 20).toFixed(0)} MiB, plain ${(dbs.sizes.plain / 2 ** 20).toFixed(0)} MiB`);

  const reader = new Database(dbs.plainFile, { readonly: true });
  const data = workloadData(reader, o.seed);
  const rowCounts = reader
    .prepare(
      'SELECT (SELECT count(*) FROM cases) AS cases, (SELECT count(*) FROM moves) AS moves, (SELECT count(*) FROM housing_steps) AS steps, (SELECT count(*) FROM assessments) AS assessments, (SELECT count(*) FROM journal_notes) AS notes, (SELECT count(*) FROM audit_log) AS audit',
    )
    .get() as Record<string, number>;
  reader.close();
  log(
    `  rows: ${Object.entries(rowCounts)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
  );

  // Both files are read through once, so both variants start with the file in the operating
  // system's cache and SQLite's own cache empty: otherwise whichever file the system had evicted
  // reads from disk, and a ratio measures the disk rather than the encryption.
  for (const file of [dbs.encFile, dbs.plainFile]) {
    const t = performance.now();
    readThrough(file);
    log(`  read ${path.basename(file)} into the system's file cache: ${((performance.now() - t) / 1000).toFixed(1)} s`);
  }

  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'fristad-bench-scratch-'));
  try {
    log('Measuring the encrypted database (in-process, the real operations) …');
    const enc = await measureVariant('encrypted', dbs, data, o.repeats, scratch, log);
    log('Measuring the plain reference …');
    const plain = await measureVariant('plain', dbs, data, o.repeats, scratch, log);
    // After both, so each one's peak memory is its own (here both sessions are open at once).
    log('Measuring searches, case openings and lists on both databases, request by request …');
    const paired = await measurePairedReads(dbs, data, o.repeats, log);
    // The paired reads take their place in the table after opening the database.
    const withPaired = (own: Measurement[], reads: Measurement[]): Measurement[] => {
      const at = own.findIndex((m) => m.op === OPEN_DATABASE) + 1;
      return [...own.slice(0, at), ...reads, ...own.slice(at)];
    };
    enc.results = withPaired(enc.results, paired.encrypted);
    plain.results = withPaired(plain.results, paired.plain);
    log('Measuring through the database worker, watching the host event loop …');
    const viaWorker = await measureThroughWorker(dbs, data, o.repeats, o.workerPath, log);
    // A failed scroll bench must not cost the table of everything measured before it.
    let scroll: ScrollOutcome | null = null;
    if (o.scroll) {
      try {
        scroll = await o.scroll(dbs.encDir, counts.cases, log);
      } catch (err) {
        scroll = { failed: err instanceof Error ? (err.message.split('\n')[0] ?? 'failed') : String(err) };
        log(`  Chromium: the scroll bench failed: ${scroll.failed}`);
      }
    }
    const rows = buildRows(enc.results, plain.results, viaWorker, enc.memory, plain.memory, scroll);
    const machine = machineLine();
    const table = `${renderTable(rows)}\n\nScale ${o.scale}: ${Object.entries(rowCounts)
      .map(([k, v]) => `${v} ${k}`)
      .join(', ')}. Machine: ${machine}.`;
    return { rows, table, machine };
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

type ScrollResult = { maxFrameMs: number; p95FrameMs: number; frames: number; rows: number };
type ScrollOutcome = ScrollResult | { failed: string };

function buildRows(
  enc: Measurement[],
  plain: Measurement[],
  viaWorker: EventLoopResult,
  encMemory: { rssMb: number; heapMb: number },
  plainMemory: { rssMb: number; heapMb: number },
  scroll: ScrollOutcome | null,
): TableRow[] {
  const rows: TableRow[] = [];
  const plainBy = new Map(plain.map((m) => [m.op, m.ms]));
  for (const m of enc) {
    if (m.ms.length === 0) {
      rows.push({ operation: m.op, encrypted: 'not run', plain: 'not run', ratio: '–', target: '' });
      continue;
    }
    const p = plainBy.get(m.op);
    const ratio = p && p.length > 0 ? percentile(m.ms, 50) / percentile(p, 50) : Number.NaN;
    const t = TARGETS[m.op];
    const targets: string[] = [];
    if (t?.p95 !== undefined) targets.push(`p95 ≤ ${t.p95} ms ${percentile(m.ms, 95) <= t.p95 ? 'met' : 'MISSED'}`);
    if (t?.read) targets.push(`ratio ≤ 1.5 ${ratio <= 1.5 ? 'met' : 'MISSED'}`);
    rows.push({ operation: m.op, encrypted: pair(m.ms), plain: pair(p), ratio: Number.isNaN(ratio) ? '–' : ratio.toFixed(2), target: targets.join('; ') });
  }
  const writesEnc = enc.find((m) => m.op.startsWith('small write'));
  const writesPlain = plainBy.get(writesEnc?.op ?? '');
  if (writesEnc) {
    const sum = (ms: readonly number[]): number => ms.reduce((a, b) => a + b, 0);
    rows.push({
      operation: `burst of ${writesEnc.ms.length} small writes (total)`,
      encrypted: `${fmt(sum(writesEnc.ms))}`,
      plain: writesPlain ? `${fmt(sum(writesPlain))}` : '–',
      ratio: writesPlain ? (sum(writesEnc.ms) / sum(writesPlain)).toFixed(2) : '–',
      target: '',
    });
  }
  for (const m of viaWorker.results) {
    if (m.ms.length === 0) continue;
    const t = TARGETS[m.op];
    const met: string[] = [];
    if (t?.max !== undefined) met.push(`every one ≤ ${t.max} ms ${Math.max(...m.ms) <= t.max ? 'met' : 'MISSED'}`);
    if (t?.p95 !== undefined) met.push(`p95 ≤ ${t.p95} ms ${percentile(m.ms, 95) <= t.p95 ? 'met' : 'MISSED'}`);
    rows.push({ operation: `via worker: ${m.op}`, encrypted: pair(m.ms), plain: '–', ratio: '–', target: met.join('; ') });
  }
  rows.push({
    operation: 'host event loop, longest block (worker run)',
    encrypted: `${fmt(viaWorker.maxDelayMs)} (p99 ${fmt(viaWorker.p99DelayMs)})`,
    plain: '–',
    ratio: '–',
    target: `≤ 50 ms ${viaWorker.maxDelayMs <= 50 ? 'met' : 'MISSED'}`,
  });
  rows.push({
    operation: 'peak memory, RSS / JS heap (MiB)',
    encrypted: `${encMemory.rssMb.toFixed(0)} / ${encMemory.heapMb.toFixed(0)}; worker run ${viaWorker.memory.rssMb.toFixed(0)} / ${viaWorker.memory.heapMb.toFixed(0)}`,
    plain: `${plainMemory.rssMb.toFixed(0)} / ${plainMemory.heapMb.toFixed(0)}`,
    ratio: '–',
    target: '',
  });
  if (scroll && 'failed' in scroll) {
    rows.push({
      operation: 'Chromium: scroll the case list',
      encrypted: `failed: ${scroll.failed}`,
      plain: '–',
      ratio: '–',
      target: 'no frame > 50 ms not measured',
    });
  } else if (scroll) {
    rows.push({
      operation: `Chromium: scroll the case list through ${scroll.rows} rows, frame p95 / max`,
      encrypted: `${fmt(scroll.p95FrameMs)} / ${fmt(scroll.maxFrameMs)} (${scroll.frames} frames)`,
      plain: '–',
      ratio: '–',
      target: `no frame > 50 ms ${scroll.maxFrameMs <= 50 ? 'met' : 'MISSED'}`,
    });
  }
  return rows;
}

/** Reads `--scale`, `--seed`, `--dir`, `--fresh`, `--mode`, `--quick`, `--no-backup` and `--no-browser`. */
export function parseBenchArgs(argv: readonly string[]): {
  scale: number;
  seed: number;
  dir: string;
  fresh: boolean;
  mode: GenerationMode;
  quick: boolean;
  backup: boolean;
  browser: boolean;
} {
  const value = (name: string): string | undefined => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const scale = Number(value('--scale') ?? '1');
  if (!Number.isFinite(scale) || scale <= 0 || scale > 10) throw new Error('--scale takes a number above 0 and at most 10 (1 = 200 000 cases).');
  const seed = Number(value('--seed') ?? BENCH_SEED);
  const mode = (value('--mode') ?? 'rekey') as GenerationMode;
  if (mode !== 'rekey' && mode !== 'direct') throw new Error('--mode is rekey or direct.');
  const dir = path.resolve(value('--dir') ?? path.join(os.tmpdir(), 'fristad-bench', `scale-${scale}-seed-${seed}`));
  return {
    scale,
    seed,
    dir,
    fresh: argv.includes('--fresh'),
    mode,
    quick: argv.includes('--quick'),
    backup: !argv.includes('--no-backup'),
    browser: !argv.includes('--no-browser'),
  };
}

/** Fewer repetitions: for the smoke run and for quick looks. */
export const QUICK_REPEATS: Repeats = { searches: 40, opens: 10, lists: 10, reports: 1, reviews: 3, backups: 1, writes: 20, unlocks: 1 };

export { FULL_REPEATS };
