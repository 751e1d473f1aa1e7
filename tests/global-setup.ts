// Builds the database worker once before the suites: the worker runs as plain JavaScript in its
// own thread, exactly as it does in the app.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleForNode } from './helpers/bundle';

export default async function setup(): Promise<void> {
  const root = fileURLToPath(new URL('..', import.meta.url));
  // The worker and, beside it, a report's second reader (worker/fact-reader.ts) and the automatic
  // backup's thread (db/backup/background-backup.ts).
  for (const [entry, out] of [
    ['worker/worker.ts', 'db-worker.cjs'],
    ['worker/fact-reader-entry.ts', 'db-fact-reader.cjs'],
    ['worker/backup-thread-entry.ts', 'db-backup-thread.cjs'],
  ] as const) {
    await bundleForNode(path.join(root, entry), path.join(root, 'dist/test', out));
  }
}
