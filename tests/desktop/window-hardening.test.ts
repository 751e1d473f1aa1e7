// Issue 6 "Electron hardening, checked": every window the desktop code creates runs sandboxed,
// context-isolated, without Node and with web security. Checked twice: in the source (every place
// that could create a renderer) and at run time (the options each created window really receives).
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ApiResult } from '../../core/contract';
import type { Runtime, RuntimeOptions } from '../../electron/api/types';
import { startDesktop } from '../../electron/desktop/start-desktop';
import { windowOptions } from '../../electron/desktop/window-options';
import * as fake from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

const ELECTRON_DIR = path.resolve(__dirname, '../../electron');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx|js|cjs|mjs)$/.test(e.name) && !e.name.endsWith('.d.ts') ? [full] : [];
  });
}

/** Asserts the four settings the issue names, on one window's webPreferences. */
function expectHardened(prefs: unknown, where: string): void {
  expect(prefs, where).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false });
  expect((prefs as { webSecurity?: unknown }).webSecurity, where).not.toBe(false);
  expect(prefs, where).toMatchObject({
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webviewTag: false,
    allowRunningInsecureContent: false,
  });
}

describe('the source creates renderers in one way only', () => {
  const files = sourceFiles(ELECTRON_DIR).map((file) => ({ file: path.relative(ELECTRON_DIR, file), text: fs.readFileSync(file, 'utf8') }));

  it('finds the desktop sources to check', () => {
    expect(files.map((f) => f.file)).toContain(path.join('desktop', 'start-desktop.ts'));
  });

  it('builds every BrowserWindow from windowOptions(), and nothing else that renders web content', () => {
    const constructions = files.flatMap(({ file, text }) =>
      [...text.matchAll(/new\s+BrowserWindow\s*\(([^)]{0,40})/g)].map((m) => ({ file, args: m[1] ?? '' })),
    );
    expect(constructions.length).toBeGreaterThan(0);
    for (const c of constructions) expect(c.args, `${c.file}: new BrowserWindow(${c.args}…`).toMatch(/^\s*windowOptions\(/);
    for (const { file, text } of files) {
      expect(text, file).not.toMatch(/new\s+(BrowserView|WebContentsView)\b|webContents\.create\b/);
    }
  });

  it('sets webPreferences in window-options.ts only, and never to an unsafe value anywhere', () => {
    for (const { file, text } of files) {
      if (file !== path.join('desktop', 'window-options.ts')) expect(text, file).not.toMatch(/webPreferences\s*:/);
      expect(text, file).not.toMatch(
        /nodeIntegration\w*\s*:\s*true|contextIsolation\s*:\s*false|sandbox\s*:\s*false|webSecurity\s*:\s*false|allowRunningInsecureContent\s*:\s*true/,
      );
    }
  });

  it.each([true, false])('windowOptions() is hardened (packaged: %s)', (isPackaged) => {
    expectHardened(windowOptions({ preloadPath: '/app/preload.cjs', isPackaged }).webPreferences, 'windowOptions');
  });
});

describe('every window created at run time', () => {
  let tmp: string;

  beforeEach(() => {
    fake.resetFakeElectron();
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'fristad-hardening-'));
  });

  afterEach(() => {
    vi.restoreAllMocks();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it.each([false, true])(
    'is sandboxed, isolated, without Node and with web security, through start, focus, locks and reloads (packaged: %s)',
    async (isPackaged) => {
      fake.app.isPackaged = isPackaged;
      const bundleDir = path.join(tmp, 'dist', 'node');
      fs.mkdirSync(bundleDir, { recursive: true });
      fs.mkdirSync(path.join(tmp, 'dist', 'renderer'), { recursive: true });
      fs.writeFileSync(path.join(tmp, 'dist', 'renderer', 'index.html'), '<!doctype html><title>Fristad</title>');
      let autoLock: (() => void) | undefined;
      const runtime: Runtime = {
        invoke: vi.fn((channel: unknown) => Promise.resolve<ApiResult<unknown>>({ ok: true, result: { channel } })),
        shutdown: vi.fn(() => Promise.resolve()),
        demoCredentials: null,
      };
      const signals = new EventEmitter();
      await startDesktop({
        argv: isPackaged ? ['Fristad', '--data-dir', path.join(tmp, 'data')] : ['electron', '.', '--data-dir', path.join(tmp, 'data')],
        env: {},
        platform: 'linux',
        bundleDir,
        createRuntime: (options: RuntimeOptions) => {
          autoLock = options.onAutoLock;
          return Promise.resolve(runtime);
        },
        signals,
      });
      // Everything that could bring a window up again: a second launch, the screen lock, an idle lock.
      fake.app.emit('second-instance', fake.fakeEvent(), [], tmp);
      fake.powerMonitor.emit('lock-screen');
      autoLock?.();
      fake.app.emit('activate');
      await new Promise((resolve) => setImmediate(resolve));

      expect(fake.app.enableSandbox).toHaveBeenCalled();
      expect(fake.BrowserWindow.instances.length).toBeGreaterThan(0);
      for (const win of fake.BrowserWindow.instances) expectHardened(win.options.webPreferences, `window ${win.id}`);
    },
  );
});
