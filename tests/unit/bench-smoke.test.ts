import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { BENCH_SEED } from '../bench/config';
import { QUICK_REPEATS, runBench } from '../bench/run';
import { OPEN_CASE, REPORT_AS_APP, REPORT_FIRST, REPORT_ONE_CONNECTION } from '../bench/workload';
import { tempDir } from '../helpers/temp';

// The benchmark's smallest setting, so `npm test` keeps it working. It checks that every row of the
// table is there with figures in it, never how fast anything was.
const root = fileURLToPath(new URL('../..', import.meta.url));
const { dir, cleanup } = tempDir('fristad-bench-smoke-');
afterAll(() => cleanup());

describe('npm run bench at its smallest scale', () => {
  it('generates both databases, measures every operation on both and prints the table', async () => {
    const lines: string[] = [];
    const report = await runBench({
      scale: 0.0001,
      seed: BENCH_SEED,
      dir: path.join(dir, 'dbs'),
      fresh: true,
      mode: 'rekey',
      repeats: { ...QUICK_REPEATS, searches: 8, opens: 3, lists: 3, writes: 5 },
      workerPath: path.join(root, 'dist/test/db-worker.cjs'),
      log: (line) => lines.push(line),
    });
    const operations = report.rows.map((r) => r.operation);
    for (const op of [
      'create installation',
      'key derivation (Argon2id 64 MiB, t=3)',
      'unlock (real path, with KDF)',
      'open database (no KDF)',
      'search as you type, open cases (1–4 letters)',
      'search as you type, all cases (1–4 letters)',
      'search, all cases: the query alone, no audit commit',
      OPEN_CASE,
      'case list, first page, filters',
      REPORT_ONE_CONNECTION,
      'housing-chain review (shelters)',
      'small write (reminder + audit)',
      'backup (copy + full verify)',
      'burst of 5 small writes (total)',
      'via worker: search as you type, all cases (1–4 letters)',
      `via worker: ${OPEN_CASE}`,
      `via worker: ${REPORT_AS_APP}`,
      `via worker: ${REPORT_FIRST}`,
      'host event loop, longest block (worker run)',
      'peak memory, RSS / JS heap (MiB)',
    ]) {
      expect(operations).toContain(op);
    }
    // Reads compare both databases; every figure is a number.
    for (const row of report.rows.filter((r) => !r.operation.startsWith('via worker') && r.plain !== '–')) {
      expect(row.encrypted).toMatch(/\d/);
      expect(row.plain).toMatch(/\d/);
    }
    expect(report.table.split('\n')[0]).toBe('| operation | encrypted p50 / p95 (ms) | plain p50 / p95 (ms) | ratio (p50) | target |');
    expect(report.table).toContain('Scale 0.0001: 20 cases, 60 moves');
    expect(lines.some((l) => l.includes('encrypt a copy (rekey)'))).toBe(true);

    // A second run with the same seed, scale and schema reuses the databases.
    const again: string[] = [];
    await runBench({
      scale: 0.0001,
      seed: BENCH_SEED,
      dir: path.join(dir, 'dbs'),
      fresh: false,
      mode: 'rekey',
      repeats: { searches: 2, opens: 1, lists: 1, reports: 1, reviews: 1, backups: 1, writes: 1, unlocks: 1 },
      workerPath: path.join(root, 'dist/test/db-worker.cjs'),
      log: (line) => again.push(line),
    });
    expect(again.some((l) => l.startsWith('Reusing the databases'))).toBe(true);
  }, 300_000);
});
