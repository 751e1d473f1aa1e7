import os from 'node:os';
import path from 'node:path';

/** The per-user application-data folder of this OS, where Fristad keeps its database by default. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Fristad');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Fristad');
  return path.join(env.XDG_DATA_HOME && path.isAbsolute(env.XDG_DATA_HOME) ? env.XDG_DATA_HOME : path.join(home, '.local', 'share'), 'fristad');
}

/** `--data-dir` wins over FRISTAD_DATA_DIR, which wins over the OS default. */
export function resolveDataDir(flag: string | null, env: NodeJS.ProcessEnv = process.env): string {
  const chosen = flag ?? env.FRISTAD_DATA_DIR ?? defaultDataDir(env);
  return path.resolve(chosen);
}
