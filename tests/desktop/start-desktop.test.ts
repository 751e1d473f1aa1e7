import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Mock } from 'vitest';
import type { ApiResult } from '../../core/contract';
import type { Runtime, RuntimeOptions } from '../../electron/api/types';
import { APP_PAGE_URL } from '../../electron/desktop/app-url';
import { CONTENT_SECURITY_POLICY } from '../../electron/desktop/content-security';
import { PROFILE_FOLDER, startDesktop, workerPathFor } from '../../electron/desktop/start-desktop';
import type { DesktopDeps } from '../../electron/desktop/start-desktop';
import * as fake from './fake-electron';
import type { FakeMenuItem } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

type InvokeFn = Runtime['invoke'];

interface Harness {
  deps: DesktopDeps;
  runtime: { invoke: Mock<InvokeFn>; shutdown: Mock<() => Promise<void>>; demoCredentials: null };
  createRuntime: Mock<(options: RuntimeOptions) => Promise<Runtime>>;
  signals: EventEmitter;
  dataDir: string;
  bundleDir: string;
  runtimeOptions: () => RuntimeOptions;
}

let tmp: string;

beforeEach(() => {
  fake.resetFakeElectron();
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'fristad-desktop-'));
});

afterEach(() => {
  vi.restoreAllMocks();
  fs.rmSync(tmp, { recursive: true, force: true });
});

function harness(flags: string[] = [], argvPrefix: string[] = ['electron', '.']): Harness {
  const dist = path.join(tmp, 'dist');
  const bundleDir = path.join(dist, 'node');
  fs.mkdirSync(bundleDir, { recursive: true });
  fs.mkdirSync(path.join(dist, 'renderer'), { recursive: true });
  fs.writeFileSync(path.join(dist, 'renderer', 'index.html'), '<!doctype html><title>Fristad</title>');
  const dataDir = path.join(tmp, 'data');
  const runtime = {
    invoke: vi.fn<InvokeFn>((channel) => Promise.resolve<ApiResult<unknown>>({ ok: true, result: { channel } })),
    shutdown: vi.fn(() => Promise.resolve()),
    demoCredentials: null,
  };
  const createRuntime = vi.fn((options: RuntimeOptions): Promise<Runtime> => {
    void options;
    return Promise.resolve(runtime);
  });
  const signals = new EventEmitter();
  const deps: DesktopDeps = {
    argv: [...argvPrefix, '--data-dir', dataDir, ...flags],
    env: {},
    platform: 'win32',
    bundleDir,
    createRuntime,
    signals,
  };
  const runtimeOptions = (): RuntimeOptions => {
    const options = createRuntime.mock.calls[0]?.[0];
    if (options === undefined) throw new Error('runtime was not created');
    return options;
  };
  return { deps, runtime, createRuntime, signals, dataDir, bundleDir, runtimeOptions };
}

function onlyWindow(): fake.BrowserWindow {
  expect(fake.BrowserWindow.instances).toHaveLength(1);
  const win = fake.BrowserWindow.instances[0];
  if (win === undefined) throw new Error('no window');
  return win;
}

function menuItems(): FakeMenuItem[] {
  const flatten = (items: FakeMenuItem[]): FakeMenuItem[] => items.flatMap((i) => [i, ...flatten(i.submenu ?? [])]);
  return flatten(fake.Menu.applicationMenu?.template ?? []);
}

describe('startDesktop: the window', () => {
  it('creates exactly one window, sandboxed and isolated, with only the preload', async () => {
    const h = harness();
    await startDesktop(h.deps);
    for (const win of fake.BrowserWindow.instances) {
      expect(win.options).toMatchObject({
        show: false,
        title: 'Fristad',
        webPreferences: {
          sandbox: true,
          contextIsolation: true,
          nodeIntegration: false,
          nodeIntegrationInWorker: false,
          webSecurity: true,
          allowRunningInsecureContent: false,
          webviewTag: false,
          spellcheck: false,
          preload: path.join(h.bundleDir, 'preload.cjs'),
        },
      });
    }
    const win = onlyWindow();
    expect(win.loadURL).toHaveBeenCalledWith(APP_PAGE_URL);
    expect(win.show).toHaveBeenCalledTimes(1);
  });

  it('turns the sandbox on for every renderer and registers app:// before ready', async () => {
    await startDesktop(harness().deps);
    expect(fake.app.sandboxEnabled).toBe(true);
    expect(fake.protocol.privilegedCalls).toHaveLength(1);
    expect(fake.protocol.privilegedCalls[0]).toEqual([{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) as unknown }]);
  });

  it('keeps DevTools out of an installed build', async () => {
    fake.app.isPackaged = true;
    const h = harness([], ['Fristad.exe']);
    await startDesktop(h.deps);
    expect(onlyWindow().options).toMatchObject({ webPreferences: { devTools: false, sandbox: true } });
  });

  it('serves the built renderer over app:// with the CSP', async () => {
    await startDesktop(harness().deps);
    const handler = fake.protocol.handlers.get('app');
    if (handler === undefined) throw new Error('app:// not handled');
    const response = await handler(new Request(APP_PAGE_URL));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await response.text()).toContain('<title>Fristad</title>');
  });
});

describe('startDesktop: what the page may do', () => {
  it('refuses every navigation away from our page, any redirect, window.open and <webview>', async () => {
    await startDesktop(harness().deps);
    const contents = onlyWindow().webContents;
    const elsewhere = [
      'https://example.org/',
      'app://fristad/other.html',
      'app://fristad.evil/index.html',
      'app://evil/index.html',
      'file:///etc/passwd',
      'data:text/html,x',
      'javascript:alert(1)',
    ];
    for (const url of elsewhere) {
      const event = fake.fakeEvent({ url });
      contents.emit('will-navigate', event, url, false, true, 1, 1);
      expect(event.defaultPrevented, url).toBe(true);
    }
    for (const url of [...elsewhere, APP_PAGE_URL]) {
      const event = fake.fakeEvent({ url });
      contents.emit('will-redirect', event, url, false, true, 1, 1);
      expect(event.defaultPrevented, url).toBe(true);
    }
    expect(contents.windowOpenHandler?.({ url: 'https://example.org/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: APP_PAGE_URL })).toEqual({ action: 'deny' });
    const webview = fake.fakeEvent();
    contents.emit('will-attach-webview', webview, {}, { src: 'https://example.org/' });
    expect(webview.defaultPrevented).toBe(true);
  });

  it('lets the page reload itself (location.reload raises will-navigate)', async () => {
    await startDesktop(harness().deps);
    const contents = onlyWindow().webContents;
    for (const url of [APP_PAGE_URL, 'app://fristad/', `${APP_PAGE_URL}#/cases/12`]) {
      const event = fake.fakeEvent({ url });
      contents.emit('will-navigate', event, url, false, true, 1, 1);
      expect(event.defaultPrevented, url).toBe(false);
    }
  });

  it('guards pages created later, not only the main window', async () => {
    await startDesktop(harness().deps);
    const other = new fake.FakeWebContents();
    fake.app.emit('web-contents-created', fake.fakeEvent(), other);
    const event = fake.fakeEvent({ url: 'https://example.org/' });
    other.emit('will-navigate', event, 'https://example.org/');
    expect(event.defaultPrevented).toBe(true);
    expect(other.windowOpenHandler?.({ url: 'https://example.org/' })).toEqual({ action: 'deny' });
  });

  it('denies every permission request, permission check and device', async () => {
    await startDesktop(harness().deps);
    const ses = fake.session.defaultSession;
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen']) {
      const callback = vi.fn();
      ses.permissionRequestHandler?.(...([onlyWindow().webContents, permission, callback, {}] as never[]));
      expect(callback).toHaveBeenCalledWith(false);
      expect(ses.permissionCheckHandler?.(...([null, permission, 'app://fristad', {}] as never[]))).toBe(false);
    }
    expect(ses.devicePermissionHandler?.(...([{ deviceType: 'usb', origin: 'app://fristad' }] as never[]))).toBe(false);
    expect(ses.spellChecker).toBe(false);
  });

  it('cancels any request to the network or the file system', async () => {
    await startDesktop(harness().deps);
    const listener = fake.session.defaultSession.beforeRequest;
    if (listener === null) throw new Error('no request filter');
    const cancelled = (url: string): boolean | undefined => {
      let answer: boolean | undefined;
      listener({ url }, (response) => (answer = response.cancel));
      return answer;
    };
    expect(cancelled('https://example.org/tracker.js')).toBe(true);
    expect(cancelled('http://127.0.0.1:8080/')).toBe(true);
    expect(cancelled('wss://example.org/')).toBe(true);
    expect(cancelled('file:///etc/passwd')).toBe(true);
    expect(cancelled('app://fristad/assets/index.js')).toBe(false);
    expect(cancelled('devtools://devtools/bundled/inspector.html')).toBe(false);
  });
});

describe('startDesktop: the API bridge', () => {
  it('passes calls from our page to the runtime', async () => {
    const h = harness();
    await startDesktop(h.deps);
    const handler = fake.ipcMain.handlers.get('fristad:invoke');
    if (handler === undefined) throw new Error('no handler');
    const contents = onlyWindow().webContents;
    const event = { sender: contents, senderFrame: contents.mainFrame };
    const result: unknown = await handler(...([event, 'session:status', {}] as never[]));
    expect(result).toEqual({ ok: true, result: { channel: 'session:status' } });
    expect(h.runtime.invoke).toHaveBeenCalledWith('session:status', {});
  });
});

describe('startDesktop: runtime and data folder', () => {
  it('hands the data folder, the demo flag and the unpacked worker path to the runtime', async () => {
    const h = harness(['--demo']);
    await startDesktop(h.deps);
    const options = h.runtimeOptions();
    expect(options.dataDir).toBe(path.resolve(h.dataDir));
    expect(options.demo).toBe(true);
    expect(options.workerPath).toBe(path.join(h.bundleDir, 'db-worker.cjs'));
    expect(fake.app.paths.get('userData')).toBe(path.join(h.dataDir, PROFILE_FOLDER));
    expect(fs.statSync(path.join(h.dataDir, PROFILE_FOLDER)).isDirectory()).toBe(true);
  });

  it('uses FRISTAD_DATA_DIR when no flag is given', async () => {
    const h = harness();
    const fromEnv = path.join(tmp, 'from-env');
    await startDesktop({ ...h.deps, argv: ['electron', '.'], env: { FRISTAD_DATA_DIR: fromEnv } });
    expect(h.runtimeOptions().dataDir).toBe(fromEnv);
  });

  it('loads the worker from app.asar.unpacked in an installed build', () => {
    const bundle = path.join(path.sep, 'opt', 'Fristad', 'resources', 'app.asar', 'dist', 'node');
    expect(workerPathFor(bundle)).toBe(path.join(path.sep, 'opt', 'Fristad', 'resources', 'app.asar.unpacked', 'dist', 'node', 'db-worker.cjs'));
  });

  it('exits with code 1 when the page cannot be loaded', async () => {
    fake.BrowserWindow.loadErrors.push(Object.assign(new Error('ERR_FILE_NOT_FOUND (-6)'), { code: 'ERR_FILE_NOT_FOUND' }));
    await startDesktop(harness().deps);
    expect(fake.app.exit).toHaveBeenCalledWith(1);
  });

  it('keeps running when the first load is superseded by a reload', async () => {
    fake.BrowserWindow.loadErrors.push(Object.assign(new Error('ERR_ABORTED (-3)'), { code: 'ERR_ABORTED' }));
    await startDesktop(harness().deps);
    expect(fake.app.exit).not.toHaveBeenCalled();
  });

  it('exits with code 1, logging only a code, when the runtime cannot start', async () => {
    const h = harness();
    h.createRuntime.mockImplementationOnce(() => Promise.reject(Object.assign(new Error('Anna Andersson, Storgatan 1'), { code: 'EACCES' })));
    await startDesktop(h.deps);
    expect(fake.app.exit).toHaveBeenCalledWith(1);
    expect(fake.BrowserWindow.instances).toHaveLength(0);
    const logged = vi.mocked(console.error).mock.calls.flat().join('\n');
    expect(logged).toContain('runtime_start_failed (EACCES)');
    expect(logged).not.toContain('Anna');
  });
});

describe('startDesktop: single instance and launch flags', () => {
  it('quits at once when another instance holds the lock', async () => {
    fake.app.hasInstanceLock = false;
    const h = harness();
    await startDesktop(h.deps);
    expect(fake.app.quit).toHaveBeenCalled();
    expect(h.createRuntime).not.toHaveBeenCalled();
    expect(fake.BrowserWindow.instances).toHaveLength(0);
  });

  it('brings the first window forward when a second instance starts', async () => {
    await startDesktop(harness().deps);
    const win = onlyWindow();
    win.minimized = true;
    fake.app.emit('second-instance', fake.fakeEvent(), ['Fristad.exe'], '/', {});
    expect(win.restore).toHaveBeenCalled();
    expect(win.focus).toHaveBeenCalled();
  });

  it('refuses to start an installed build with a debugging or sandbox-off switch', async () => {
    fake.app.isPackaged = true;
    for (const flag of ['--remote-debugging-port=9222', '--inspect=9229', '--no-sandbox']) {
      const h = harness([flag], ['Fristad.exe']);
      await startDesktop(h.deps);
      expect(fake.app.exit).toHaveBeenLastCalledWith(2);
      expect(fake.app.requestSingleInstanceLock).not.toHaveBeenCalled();
      expect(h.createRuntime).not.toHaveBeenCalled();
      fake.resetFakeElectron();
      fake.app.isPackaged = true;
    }
  });

  it('exits with code 2 on an unknown flag', async () => {
    const h = harness(['--frobnicate']);
    await startDesktop(h.deps);
    expect(fake.app.exit).toHaveBeenCalledWith(2);
    expect(h.createRuntime).not.toHaveBeenCalled();
  });
});

describe('startDesktop: locking', () => {
  it.each(['lock-screen', 'suspend'])('locks the session and reloads the page on %s', async (name) => {
    const h = harness();
    await startDesktop(h.deps);
    const win = onlyWindow();
    fake.powerMonitor.emit(name);
    await vi.waitFor(() => expect(win.loadURL).toHaveBeenCalledTimes(2));
    expect(h.runtime.invoke).toHaveBeenCalledWith('session:lock', {});
    expect(win.loadURL).toHaveBeenLastCalledWith(APP_PAGE_URL);
  });

  it('offers Lock in the menu on CmdOrCtrl+L', async () => {
    const h = harness();
    await startDesktop(h.deps);
    const lock = menuItems().find((i) => i.id === 'lock');
    expect(lock?.accelerator).toBe('CmdOrCtrl+L');
    lock?.click?.();
    await vi.waitFor(() => expect(onlyWindow().loadURL).toHaveBeenCalledTimes(2));
    expect(h.runtime.invoke).toHaveBeenCalledWith('session:lock', {});
  });

  it('reloads the page when the runtime locks itself after idle time', async () => {
    const h = harness();
    await startDesktop(h.deps);
    h.runtimeOptions().onAutoLock?.();
    expect(onlyWindow().loadURL).toHaveBeenCalledTimes(2);
  });

  it('has no Reload or DevTools in the menu of an installed build', async () => {
    fake.app.isPackaged = true;
    await startDesktop(harness([], ['Fristad.exe']).deps);
    const roles = menuItems().map((i) => i.role);
    expect(roles).not.toContain('reload');
    expect(roles).not.toContain('forceReload');
    expect(roles).not.toContain('toggleDevTools');
    expect(roles).toEqual(expect.arrayContaining(['copy', 'paste', 'cut', 'selectAll']));
  });
});

describe('startDesktop: quitting', () => {
  it('holds the quit until the database is closed, then exits', async () => {
    const h = harness();
    let finishShutdown = (): void => undefined;
    h.runtime.shutdown.mockImplementationOnce(() => new Promise<void>((resolve) => (finishShutdown = resolve)));
    await startDesktop(h.deps);
    const event = fake.fakeEvent();
    fake.app.emit('before-quit', event);
    expect(event.defaultPrevented).toBe(true);
    await vi.waitFor(() => expect(h.runtime.shutdown).toHaveBeenCalledTimes(1));
    expect(fake.app.exit).not.toHaveBeenCalled();
    finishShutdown();
    await vi.waitFor(() => expect(fake.app.exit).toHaveBeenCalledWith(0));
  });

  it('shuts down once however many ways quitting is asked for', async () => {
    const h = harness();
    await startDesktop(h.deps);
    fake.app.emit('window-all-closed');
    h.signals.emit('SIGTERM');
    h.signals.emit('SIGINT');
    fake.app.emit('before-quit', fake.fakeEvent());
    await vi.waitFor(() => expect(fake.app.exit).toHaveBeenCalledTimes(1));
    expect(h.runtime.shutdown).toHaveBeenCalledTimes(1);
  });

  it('holds a system shutdown until the database is closed (Linux, macOS)', async () => {
    const h = harness();
    await startDesktop(h.deps);
    const event = fake.fakeEvent();
    fake.powerMonitor.emit('shutdown', event);
    expect(event.defaultPrevented).toBe(true);
    await vi.waitFor(() => expect(fake.app.exit).toHaveBeenCalledWith(0));
    expect(h.runtime.shutdown).toHaveBeenCalledTimes(1);
  });

  it('closes a runtime that was still starting when quit was asked for', async () => {
    const h = harness();
    let finishStart = (): void => undefined;
    h.createRuntime.mockImplementationOnce(() => new Promise<Runtime>((resolve) => (finishStart = () => resolve(h.runtime))));
    const started = startDesktop(h.deps);
    await vi.waitFor(() => expect(h.createRuntime).toHaveBeenCalled());
    h.signals.emit('SIGTERM');
    finishStart();
    await started;
    await vi.waitFor(() => expect(fake.app.exit).toHaveBeenCalledWith(0));
    expect(h.runtime.shutdown).toHaveBeenCalledTimes(1);
    expect(fake.BrowserWindow.instances).toHaveLength(0);
  });

  it('exits with code 1 when the database does not close cleanly', async () => {
    const h = harness();
    h.runtime.shutdown.mockImplementationOnce(() => Promise.reject(new Error('disk full')));
    await startDesktop(h.deps);
    h.signals.emit('SIGTERM');
    await vi.waitFor(() => expect(fake.app.exit).toHaveBeenCalledWith(1));
  });
});
