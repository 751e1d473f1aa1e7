// `npm test`: typecheck, lint (with the Electron security scan), build, every Vitest suite, then the end-to-end suite in Chromium.
// Fails loudly when something it needs is missing; with CI=true a missing Chromium is a failure.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ci = process.env.CI === 'true' || process.env.CI === '1';
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const reports = fs.mkdtempSync(path.join(os.tmpdir(), 'fristad-test-report-'));

function step(title, cmd, args, env = {}) {
  console.log(`\n=== ${title} ===`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) {
    console.error(`\nnpm test: "${title}" failed (exit ${r.status ?? r.signal}).`);
    process.exit(r.status || 1);
  }
}

function counts(file) {
  if (!fs.existsSync(file)) throw new Error(`npm test: no report at ${file}: the suite did not run`);
  const r = JSON.parse(fs.readFileSync(file, 'utf8'));
  return { passed: r.numPassedTests, failed: r.numFailedTests, skipped: r.numPendingTests + r.numTodoTests };
}

export function chromiumPath() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean);
  return candidates.find((p) => fs.existsSync(p)) ?? null;
}

const native = spawnSync(process.execPath, ['-e', "require('better-sqlite3-multiple-ciphers')"], { cwd: root, encoding: 'utf8' });
if (native.status !== 0) {
  console.error('npm test: the native module better-sqlite3-multiple-ciphers is not built. Run `npm install` (it needs python3, make and a C++ compiler).');
  process.exit(1);
}

step('typecheck', npm, ['run', '-s', 'typecheck']);
step('lint', npm, ['run', '-s', 'lint']);
step('Electron security scan (electronegativity)', npm, ['run', '-s', 'lint:electron']);
step('build', npm, ['run', '-s', 'build']);
const unitReport = path.join(reports, 'unit.json');
step('unit, database, API, host and renderer tests', npx, ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${unitReport}`]);
const total = counts(unitReport);

const chromium = chromiumPath();
if (!chromium) {
  const msg = 'Chromium was not found (/usr/bin/chromium or CHROMIUM_PATH): the end-to-end suite cannot run. Install it with `apt-get install -y chromium`.';
  if (ci) {
    console.error(`\nnpm test: FAILED: ${msg}`);
    process.exit(1);
  }
  console.warn(`\n${'!'.repeat(100)}\n!! SKIPPING THE END-TO-END SUITE. ${msg}\n${'!'.repeat(100)}\n`);
} else {
  const e2eReport = path.join(reports, 'e2e.json');
  step(
    'end-to-end tests in Chromium',
    npx,
    ['vitest', 'run', '--config', 'tests/e2e/vitest.config.ts', '--reporter=default', '--reporter=json', `--outputFile.json=${e2eReport}`],
    {
      CHROMIUM_PATH: chromium,
    },
  );
  const e2e = counts(e2eReport);
  total.passed += e2e.passed;
  total.failed += e2e.failed;
  total.skipped += e2e.skipped;
}

fs.rmSync(reports, { recursive: true, force: true });
if (total.passed === 0) {
  console.error('npm test: no test ran.');
  process.exit(1);
}
console.log(`\n${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(total.failed > 0 ? 1 : 0);
