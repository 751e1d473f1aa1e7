// Bundles the Node side (database worker, browser-mode host, Electron main and preload) into dist/node.
// The native SQLite module and Electron stay external: they are loaded from node_modules at run time.
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Builds every Node entry point; returns the output folder. */
export async function buildNode({ quiet = false } = {}) {
  const entries = {
    'db-worker': 'worker/worker.ts',
    'db-fact-reader': 'worker/fact-reader-entry.ts',
    'db-backup-thread': 'worker/backup-thread-entry.ts',
    'browser-host': 'electron/browser-host/main.ts',
    'electron-main': 'electron/desktop/main.ts',
    preload: 'electron/desktop/preload.ts',
  };
  const outdir = path.join(root, 'dist', 'node');
  fs.mkdirSync(outdir, { recursive: true });
  for (const [name, entry] of Object.entries(entries)) {
    const file = path.join(root, entry);
    if (!fs.existsSync(file)) throw new Error(`build-node: missing entry ${entry}`);
    await build({
      entryPoints: [file],
      outfile: path.join(outdir, `${name}.cjs`),
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      sourcemap: false,
      legalComments: 'none',
      external: ['better-sqlite3-multiple-ciphers', 'electron'],
      logLevel: quiet ? 'error' : 'warning',
    });
  }
  return outdir;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = await buildNode();
  console.log(`built Node side into ${path.relative(root, out)}`);
}
