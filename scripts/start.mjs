// `npm start`: builds what is out of date, then starts Fristad in Electron where its binary is
// installed, and in browser mode (a loopback-only, token-protected local server) otherwise.
// Flags: --browser --port N --data-dir DIR --demo --no-open
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const SOURCES = ['core', 'db', 'electron', 'renderer', 'seeds', 'package.json'];
const OUTPUTS = [
  'dist/node/browser-host.cjs',
  'dist/node/db-worker.cjs',
  'dist/node/db-fact-reader.cjs',
  'dist/node/db-backup-thread.cjs',
  'dist/node/electron-main.cjs',
  'dist/node/preload.cjs',
  'dist/renderer/index.html',
];

function newest(p) {
  const full = path.join(root, p);
  if (!fs.existsSync(full)) return 0;
  const stat = fs.statSync(full);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let max = 0;
  for (const entry of fs.readdirSync(full, { recursive: true })) {
    const file = path.join(full, String(entry));
    if (file.includes(`${path.sep}node_modules${path.sep}`)) continue;
    const s = fs.statSync(file);
    if (s.isFile() && s.mtimeMs > max) max = s.mtimeMs;
  }
  return max;
}

function buildIfNeeded() {
  const oldestOutput = Math.min(...OUTPUTS.map((o) => (fs.existsSync(path.join(root, o)) ? fs.statSync(path.join(root, o)).mtimeMs : 0)));
  const newestSource = Math.max(...SOURCES.map(newest));
  if (oldestOutput > newestSource) return;
  console.log('Fristad: building…');
  const r = spawnSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', '-s', 'build'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error('Fristad: the build failed; see above.');
    process.exit(r.status ?? 1);
  }
}

/** The Electron binary's path, or null when the package or its binary is missing. */
function electronBinary() {
  try {
    const binary = createRequire(import.meta.url)('electron');
    return typeof binary === 'string' && fs.existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

function hasDisplay() {
  if (process.platform === 'win32' || process.platform === 'darwin') return true;
  return Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
}

function run(cmd, cmdArgs) {
  const child = spawn(cmd, cmdArgs, { cwd: root, stdio: 'inherit' });
  const forward = (signal) => child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
}

buildIfNeeded();
const electron = electronBinary();
const forceBrowser = args.includes('--browser');
if (electron && !forceBrowser && hasDisplay()) {
  console.log('Fristad: starting the desktop app (Electron).');
  run(electron, [path.join(root, 'dist/node/electron-main.cjs'), ...args]);
} else {
  const why = forceBrowser ? '--browser was given' : !electron ? "Electron's binary is not installed on this machine" : 'there is no desktop display';
  console.log(`Fristad: starting in browser mode (${why}). Open the address below in a browser on this computer.`);
  run(process.execPath, [path.join(root, 'dist/node/browser-host.cjs'), ...args.filter((a) => a !== '--browser')]);
}
