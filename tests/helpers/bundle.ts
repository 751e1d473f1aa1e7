import { build } from 'esbuild';

/**
 * Bundles a TypeScript entry for Node into one CommonJS file, as the app's own build does
 * (scripts/build-node.mjs): the native SQLite module and Electron stay external.
 */
export async function bundleForNode(entry: string, outfile: string): Promise<void> {
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['better-sqlite3-multiple-ciphers', 'electron'],
    logLevel: 'error',
  });
}
