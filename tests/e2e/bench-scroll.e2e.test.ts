import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { BENCH_SEED } from '../bench/config';
import { prepareDatabases } from '../bench/generate';
import { scrollBench } from '../bench/scroll';
import { tempDir } from '../helpers/temp';

// The benchmark's Chromium part at its smallest scale, so it cannot rot: the built app on a bench
// installation, every case shown and scrolled through to the last row. Frame times are not asserted.
const root = fileURLToPath(new URL('../..', import.meta.url));
const { dir, cleanup } = tempDir('fristad-bench-scroll-');
afterAll(() => cleanup());

describe('the scroll bench in Chromium', () => {
  it('scrolls the case list of a bench installation from the first case to the last', async () => {
    const dbs = await prepareDatabases({ dir: path.join(dir, 'dbs'), scale: 0.001, seed: BENCH_SEED, fresh: true, mode: 'rekey', log: () => undefined });
    const result = await scrollBench({ root, encDir: dbs.encDir, rows: dbs.counts.cases, log: () => undefined });
    // The bench user is a team lead: every case but the protected ones it is not named on.
    expect(result.rows).toBeGreaterThan(50);
    expect(result.rows).toBeLessThan(200);
    expect(result.frames).toBeGreaterThan(0);
    expect(Number.isFinite(result.maxFrameMs)).toBe(true);
  }, 240_000);
});
