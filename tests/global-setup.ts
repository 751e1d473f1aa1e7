// Builds the database worker once before the suites: the worker runs as plain JavaScript in its
// own thread, exactly as it does in the app.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

export default async function setup(): Promise<void> {
  const root = fileURLToPath(new URL('..', import.meta.url));
  await build({
    entryPoints: [path.join(root, 'db/host/worker.ts')],
    outfile: path.join(root, 'dist/test/db-worker.cjs'),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['better-sqlite3-multiple-ciphers', 'electron'],
    logLevel: 'error',
  });
}
