// Builds the database worker once before the suites: the worker runs as plain JavaScript in its
// own thread, exactly as it does in the app.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

export default async function setup(): Promise<void> {
  const root = fileURLToPath(new URL('..', import.meta.url));
  // The worker and, beside it, a report's second reader (db/host/fact-reader.ts).
  for (const [entry, out] of [
    ['db/host/worker.ts', 'db-worker.cjs'],
    ['db/host/fact-reader-entry.ts', 'db-fact-reader.cjs'],
  ] as const) {
    await build({
      entryPoints: [path.join(root, entry)],
      outfile: path.join(root, 'dist/test', out),
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      external: ['better-sqlite3-multiple-ciphers', 'electron'],
      logLevel: 'error',
    });
  }
}
