/** Sizes and fixed inputs of the benchmark; scale 1 is ten times a large city's ten years of cases. */

export const BENCH_SEED = 20260707;

/** The generated data ends here, so the same seed and scale give the same rows on any day. */
export const ANCHOR_DATE = '2026-01-01';
/** The year the report measurement asks for: the last full year before the anchor. */
export const REPORT_YEAR = 2025;

/** The installation's first user: sets up, and makes the backups (only administrators may). */
export const BENCH_ADMIN = {
  username: 'bench.admin',
  displayName: 'Bench Administratör (fiktiv)',
  passphrase: 'bench passphrase for fictional data only',
} as const;
/** Who the measured casework runs as: a team lead sees every case (administrators see none). */
export const BENCH_USER = { username: 'bench.lead', displayName: 'Bench Teamledare (fiktiv)', passphrase: 'bench passphrase for fictional data only' } as const;
export const BENCH_TEAM = 'Benchteamet (fiktiva uppgifter)';

export interface BenchCounts {
  cases: number;
  moves: number;
  steps: number;
  assessments: number;
  notes: number;
}

/** The numbers at scale 1: 200 000 cases, 600 000 moves, 800 000 steps, 400 000 assessments, 2 000 000 notes. */
export function countsFor(scale: number): BenchCounts {
  const cases = Math.max(20, Math.round(200_000 * scale));
  return { cases, moves: cases * 3, steps: cases * 4, assessments: cases * 2, notes: cases * 10 };
}

/** Bumped whenever the generator's output changes, so cached databases are rebuilt. */
export const GENERATOR_VERSION = 2;
