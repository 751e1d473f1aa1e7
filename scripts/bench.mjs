// `npm run bench`: builds what the benchmark runs (the app, the database worker and the bench
// itself), then runs it. Arguments after `--` go to the bench (see tests/bench/cli.ts).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

// The Chromium scroll bench serves the built renderer; without it only the Node side is needed.
const built = spawnSync(npm, ['run', '-s', args.includes('--no-browser') ? 'build:node' : 'build'], { cwd: root, stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);

await build({
  entryPoints: [path.join(root, 'tests/bench/cli.ts')],
  outfile: path.join(root, 'dist/bench/bench.cjs'),
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['better-sqlite3-multiple-ciphers', 'electron', 'playwright-core'],
  logLevel: 'warning',
});
const run = spawnSync(process.execPath, [path.join(root, 'dist/bench/bench.cjs'), ...args], { cwd: root, stdio: 'inherit' });
process.exit(run.status ?? 1);
