// The packaging config and the host code depend on each other (the worker path, the native
// module, the hardened binary). Electron cannot be packaged here, so check the config's text.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const config = fs.readFileSync(path.resolve(__dirname, '../../electron-builder.yml'), 'utf8');

/** The list items under a top-level key of the YAML file. */
function listUnder(key: string): string[] {
  const block = new RegExp(`^${key}:\\n((?:  - .*\\n)+)`, 'm').exec(config)?.[1] ?? '';
  return block
    .split('\n')
    .filter(Boolean)
    .map((line) => line.replace(/^ {2}- /, '').replace(/^"|"$/g, ''));
}

describe('electron-builder.yml', () => {
  it('unpacks the worker and the native module with its loader from app.asar', () => {
    expect(listUnder('asarUnpack')).toEqual(
      expect.arrayContaining([
        'dist/node/db-worker.cjs',
        'dist/node/db-fact-reader.cjs',
        'dist/node/db-backup-thread.cjs',
        'node_modules/better-sqlite3-multiple-ciphers/**',
        'node_modules/bindings/**',
        'node_modules/file-uri-to-path/**',
      ]),
    );
  });

  it('ships the built app and rebuilds the native module for Electron', () => {
    expect(listUnder('files')).toEqual(expect.arrayContaining(['package.json', 'dist/node/**', 'dist/renderer/**']));
    expect(config).toMatch(/^npmRebuild: true$/m);
    expect(config).toMatch(/^electronVersion: "45\.\d+\.\d+"$/m);
    expect(config).toMatch(/^appId: se\.fristad\.app$/m);
  });

  it('hardens the binary with fuses and has no update channel', () => {
    for (const line of [
      'runAsNode: false',
      'enableNodeOptionsEnvironmentVariable: false',
      'enableNodeCliInspectArguments: false',
      'onlyLoadAppFromAsar: true',
    ]) {
      expect(config).toContain(`  ${line}\n`);
    }
    expect(config).toMatch(/^publish: null$/m);
  });

  it('installs per machine on Windows and never deletes the data on uninstall', () => {
    expect(config).toMatch(/^nsis:\n(?: {2}.*\n)*? {2}perMachine: true$/m);
    expect(config).toMatch(/^nsis:\n(?: {2}.*\n)*? {2}oneClick: false$/m);
    expect(config).toMatch(/^nsis:\n(?: {2}.*\n)*? {2}deleteAppDataOnUninstall: false$/m);
  });
});
