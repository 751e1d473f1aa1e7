import path from 'node:path';
import { FULL_REPEATS, parseBenchArgs, QUICK_REPEATS, runBench } from './run';
import { scrollBench } from './scroll';

// `npm run bench -- [--scale 1] [--fresh] [--mode rekey|direct] [--quick] [--no-backup] [--no-browser] [--dir DIR] [--seed N]`
// Runs from the bundle scripts/bench.mjs builds (dist/bench/bench.cjs), beside dist/node.
async function main(): Promise<void> {
  const args = parseBenchArgs(process.argv.slice(2));
  const root = path.resolve(__dirname, '..', '..');
  const log = (line: string): void => console.log(line);
  const report = await runBench({
    ...args,
    // --no-backup: a backup at city scale takes minutes in each of the three runs.
    repeats: { ...(args.quick ? QUICK_REPEATS : FULL_REPEATS), ...(args.backup ? {} : { backups: 0 }) },
    workerPath: path.join(root, 'dist', 'node', 'db-worker.cjs'),
    scroll: args.browser ? (encDir, rows, l) => scrollBench({ root, encDir, rows, log: l }) : undefined,
    log,
  });
  console.log(`\n${report.table}\n`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
  process.exit(1);
});
