import fs from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, Menu, powerMonitor } from 'electron';
import type { Runtime, RuntimeOptions } from '../api/types';
import { CliArgsError, parseCliArgs } from '../shared/cli-args';
import type { CliOptions } from '../shared/cli-args';
import { resolveDataDir } from '../shared/data-dir';
import { handleAppProtocol, registerAppScheme } from './app-protocol';
import { APP_PAGE_URL } from './app-url';
import { registerInvokeHandler } from './ipc';
import { forbiddenSwitch } from './launch-switches';
import { errorCode, logCode } from './log';
import { menuTemplate } from './menu';
import { guardAllWebContents, lockDownSession } from './web-guards';
import { windowOptions } from './window-options';

/** Where SIGTERM and SIGINT come from: `process`, or an emitter in tests. */
export interface SignalSource {
  once(signal: 'SIGTERM' | 'SIGINT', listener: () => void): unknown;
}

/** Everything the desktop host takes from outside, so tests can drive the real start-up path. */
export interface DesktopDeps {
  /** process.argv of this launch. */
  argv: readonly string[];
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  /** Folder of the built main bundle (dist/node): preload, worker and renderer are found from it. */
  bundleDir: string;
  createRuntime: (options: RuntimeOptions) => Promise<Runtime>;
  signals: SignalSource;
}

/** Name of the folder, inside the data folder, that holds Chromium's own profile. */
export const PROFILE_FOLDER = 'desktop-profile';

/** Starts the desktop host: one locked-down window on app://fristad over the given runtime. */
export async function startDesktop(deps: DesktopDeps): Promise<void> {
  // These take effect only before Chromium starts its first renderer, so they come first.
  app.enableSandbox();
  registerAppScheme();
  guardAllWebContents();

  const options = readOptions(deps.argv);
  if (options === null) {
    app.exit(2);
    return;
  }
  // The database folder follows the same rule as browser mode (--data-dir, FRISTAD_DATA_DIR,
  // then the OS default) rather than app.getPath('userData'), so both hosts open one caseload.
  const dataDir = resolveDataDir(options.dataDir, deps.env);
  try {
    useProfileInside(dataDir);
  } catch (error) {
    logCode('data_dir_unusable', error);
    app.exit(1);
    return;
  }
  // The lock lives in the profile, hence per data folder: one process per database.
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }

  let window: BrowserWindow | null = null;
  let runtime: Runtime | null = null;
  // Quitting while the runtime is still starting must wait for it, then close it.
  let runtimeStarted: Promise<Runtime | null> = Promise.resolve(null);
  let exiting: Promise<void> | null = null;

  // Loading the page afresh drops everything the renderer held in memory.
  const reloadWindow = (): void => {
    if (window === null || window.isDestroyed()) return;
    window.loadURL(APP_PAGE_URL).catch((error: unknown) => logCode('page_reload_failed', error));
  };
  const lock = async (): Promise<void> => {
    if (runtime === null) return;
    try {
      const result = await runtime.invoke('session:lock', {});
      if (!result.ok) logCode(`lock_failed:${result.error.code}`);
    } catch (error) {
      logCode('lock_threw', error);
    }
    reloadWindow();
  };
  const exit = (code: number): Promise<void> => {
    exiting ??= (async () => {
      let exitCode = code;
      try {
        await (await runtimeStarted)?.shutdown();
      } catch (error) {
        logCode('shutdown_failed', error);
        exitCode = 1;
      }
      app.exit(exitCode);
    })();
    return exiting;
  };

  app.on('second-instance', () => {
    if (window === null || window.isDestroyed()) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  // Quitting waits for the database to close (WAL checkpointed); app.exit then skips these events.
  app.on('before-quit', (event) => {
    event.preventDefault();
    void exit(0);
  });
  // On macOS too: an app holding case data should not linger with no window.
  app.on('window-all-closed', () => void exit(0));
  deps.signals.once('SIGTERM', () => void exit(0));
  deps.signals.once('SIGINT', () => void exit(0));

  await app.whenReady();
  if (exiting !== null) return;
  lockDownSession();
  handleAppProtocol(path.join(deps.bundleDir, '..', 'renderer'));

  runtimeStarted = deps
    .createRuntime({ dataDir, demo: options.demo, workerPath: workerPathFor(deps.bundleDir), onAutoLock: reloadWindow })
    .catch((error: unknown) => {
      logCode('runtime_start_failed', error);
      return null;
    });
  runtime = await runtimeStarted;
  if (runtime === null) {
    app.exit(1);
    return;
  }
  if (exiting !== null) return;

  registerInvokeHandler(runtime, () => window);
  const template = menuTemplate({
    isPackaged: app.isPackaged,
    platform: deps.platform,
    locale: app.getLocale(),
    onLock: () => void lock(),
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  powerMonitor.on('lock-screen', () => void lock());
  powerMonitor.on('suspend', () => void lock());
  // Linux and macOS: delay the system shutdown until the database is closed.
  powerMonitor.on('shutdown', (event) => {
    event.preventDefault();
    void exit(0);
  });

  const win = new BrowserWindow(windowOptions({ preloadPath: path.join(deps.bundleDir, 'preload.cjs'), isPackaged: app.isPackaged }));
  window = win;
  win.once('ready-to-show', () => win.show());
  win.on('closed', () => {
    if (window === win) window = null;
  });
  try {
    await win.loadURL(APP_PAGE_URL);
  } catch (error) {
    // Superseded by a newer load of the same page (a lock right at start-up): nothing is wrong.
    if (errorCode(error) === 'ERR_ABORTED') return;
    // Otherwise the window would stay hidden for good; do not leave the app running unseen.
    logCode('page_load_failed', error);
    await exit(1);
  }
}

/** Parses this launch's flags, or logs why they are refused and returns null. */
function readOptions(argv: readonly string[]): CliOptions | null {
  // Installed: argv is [exe, ...flags]. From source: [electron, app folder, ...flags].
  const flags = argv.slice(app.isPackaged ? 1 : 2);
  if (app.isPackaged) {
    const refused = forbiddenSwitch(flags);
    if (refused !== null) {
      logCode(`switch_refused:${refused}`);
      return null;
    }
  }
  try {
    // --browser, --port and --no-open belong to browser mode and are ignored here.
    return parseCliArgs(flags);
  } catch (error) {
    if (!(error instanceof CliArgsError)) throw error;
    // The message names only our own flags, never user data.
    console.error(`[fristad] ${error.message}`);
    return null;
  }
}

/**
 * Points Chromium's profile (storage, caches, the single-instance lock) into the data folder, so
 * everything the app writes sits in one owner-only folder that can be protected or wiped whole.
 */
function useProfileInside(dataDir: string): void {
  const profile = path.join(dataDir, PROFILE_FOLDER);
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  fs.mkdirSync(profile, { recursive: true, mode: 0o700 });
  app.setPath('userData', profile);
}

/**
 * Path of the database worker. worker_threads cannot load a file from inside app.asar, so an
 * installed build unpacks it (electron-builder.yml asarUnpack) and we load it from there.
 */
export function workerPathFor(bundleDir: string): string {
  const parts = path.join(bundleDir, 'db-worker.cjs').split(path.sep);
  const asar = parts.lastIndexOf('app.asar');
  if (asar !== -1) parts[asar] = 'app.asar.unpacked';
  return parts.join(path.sep);
}
