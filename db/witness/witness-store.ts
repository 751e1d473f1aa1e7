import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensurePrivateDir, writeFileAtomic } from '../files/secure-files';

/**
 * A second place, outside the data folder, that keeps the last audit chain head this installation
 * has seen: a copy of the data folder put back does not bring it back with it. The text is signed
 * by its writer (see chain-witness.ts); a store only keeps it.
 */
export interface WitnessStore {
  /** What kind of place it is: a file in the user's state folder, or the OS keychain. */
  readonly kind: 'file' | 'keychain';
  /** The stored witness text of one installation, or null when there is none. */
  read(installationId: string): string | null;
  /** Replaces one installation's witness text, durably, before returning. */
  write(installationId: string, text: string): void;
}

/** Installation ids are UUIDs; anything else must never become part of a path. */
function fileName(installationId: string): string {
  if (!/^[0-9a-f-]{36}$/i.test(installationId)) throw new Error('not an installation id');
  return `${installationId}.json`;
}

/** Keeps each installation's witness as `<dir>/<installation id>.json` (folder 0700, file 0600). */
export function fileWitnessStore(dir: string): WitnessStore {
  return {
    kind: 'file',
    read(installationId) {
      try {
        return fs.readFileSync(path.join(dir, fileName(installationId)), 'utf8');
      } catch (err) {
        if ((err as { code?: string }).code === 'ENOENT') return null;
        throw err;
      }
    },
    write(installationId, text) {
      ensurePrivateDir(dir);
      writeFileAtomic(path.join(dir, fileName(installationId)), text);
    },
  };
}

/**
 * The per-user folder for witness files, outside every data folder: `FRISTAD_WITNESS_DIR` when set
 * (tests), else Linux `$XDG_STATE_HOME/fristad-witness` or `~/.local/state/fristad-witness`, macOS
 * `~/Library/Application Support/Fristad Witness`, Windows `%LOCALAPPDATA%\Fristad Witness`.
 */
export function defaultWitnessDir(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform, home: string = os.homedir()): string {
  if (env.FRISTAD_WITNESS_DIR) return path.resolve(env.FRISTAD_WITNESS_DIR);
  if (platform === 'win32') return path.join(env.LOCALAPPDATA ?? path.join(home, 'AppData', 'Local'), 'Fristad Witness');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Fristad Witness');
  const state = env.XDG_STATE_HOME && path.isAbsolute(env.XDG_STATE_HOME) ? env.XDG_STATE_HOME : path.join(home, '.local', 'state');
  return path.join(state, 'fristad-witness');
}
