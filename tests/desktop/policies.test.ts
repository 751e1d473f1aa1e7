// The pure parts of the desktop host: window options, CSP and headers, menu, launch switches, log.
import { describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY, PERMISSIONS_POLICY, SECURITY_HEADERS } from '../../electron/desktop/content-security';
import { forbiddenSwitch } from '../../electron/desktop/launch-switches';
import { errorCode, logCode } from '../../electron/desktop/log';
import { menuTemplate } from '../../electron/desktop/menu';
import type { MenuInput } from '../../electron/desktop/menu';
import { windowOptions } from '../../electron/desktop/window-options';

describe('windowOptions', () => {
  it.each([true, false])('locks the renderer down (packaged: %s)', (isPackaged) => {
    const options = windowOptions({ preloadPath: '/app/dist/node/preload.cjs', isPackaged });
    expect(options.show).toBe(false);
    expect(options.webPreferences).toMatchObject({
      preload: '/app/dist/node/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      devTools: !isPackaged,
    });
    expect(options.webPreferences).not.toHaveProperty('partition');
    expect(options.webPreferences).not.toHaveProperty('session');
  });
});

describe('content security', () => {
  const directives = new Map(
    CONTENT_SECURITY_POLICY.split(';').map((d) => {
      const [name = '', ...values] = d.trim().split(/\s+/);
      return [name, values.join(' ')] as const;
    }),
  );

  it('allows only our own origin, with no inline or eval code', () => {
    expect(Object.fromEntries(directives)).toEqual({
      'default-src': "'self'",
      'script-src': "'self'",
      'style-src': "'self'",
      'img-src': "'self' data:",
      'font-src': "'self'",
      'connect-src': "'self'",
      'object-src': "'none'",
      'base-uri': "'none'",
      'form-action': "'none'",
      'frame-ancestors': "'none'",
    });
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe|https?:|\*|blob:/);
  });

  it('sends the CSP and the other protective headers together', () => {
    expect(SECURITY_HEADERS).toEqual({
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cross-Origin-Resource-Policy': 'same-origin',
      'Cache-Control': 'no-store',
      'Permissions-Policy': PERMISSIONS_POLICY,
    });
    for (const feature of ['camera', 'microphone', 'geolocation', 'usb', 'serial', 'hid', 'payment', 'display-capture']) {
      expect(PERMISSIONS_POLICY).toContain(`${feature}=()`);
    }
    expect(Object.isFrozen(SECURITY_HEADERS)).toBe(true);
  });
});

describe('menuTemplate', () => {
  const base: MenuInput = { isPackaged: true, platform: 'win32', locale: 'sv-SE', onLock: () => undefined };
  type Item = ReturnType<typeof menuTemplate>[number];
  const flat = (items: Item[]): Item[] => items.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? flat(i.submenu) : [])]);

  it('has Lock on CmdOrCtrl+L, calling back into the host', () => {
    const onLock = vi.fn();
    const lock = flat(menuTemplate({ ...base, onLock })).find((i) => i.id === 'lock');
    expect(lock).toMatchObject({ label: 'Lås', accelerator: 'CmdOrCtrl+L' });
    lock?.click?.();
    expect(onLock).toHaveBeenCalledTimes(1);
  });

  it('keeps Reload and DevTools for developers only', () => {
    const roles = (input: MenuInput): unknown[] => flat(menuTemplate(input)).map((i) => i.role);
    expect(roles(base)).not.toEqual(expect.arrayContaining(['reload']));
    expect(roles(base)).not.toContain('toggleDevTools');
    expect(roles(base)).not.toContain('forceReload');
    expect(roles({ ...base, isPackaged: false })).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
  });

  it('speaks English on an English system and has the macOS app menu on macOS', () => {
    const en = flat(menuTemplate({ ...base, locale: 'en-GB', platform: 'darwin' }));
    expect(en.find((i) => i.id === 'lock')?.label).toBe('Lock');
    expect(en[0]?.role).toBe('appMenu');
    expect(en.map((i) => i.role)).not.toContain('quit');
    expect(flat(menuTemplate(base)).map((i) => i.role)).toContain('quit');
  });
});

describe('forbiddenSwitch', () => {
  it('names the switches an installed build refuses', () => {
    expect(forbiddenSwitch(['--remote-debugging-port=9222'])).toBe('--remote-debugging-port');
    expect(forbiddenSwitch(['--remote-debugging-pipe'])).toBe('--remote-debugging-pipe');
    expect(forbiddenSwitch(['--inspect-brk'])).toBe('--inspect-brk');
    expect(forbiddenSwitch(['--demo', '--no-sandbox'])).toBe('--no-sandbox');
    expect(forbiddenSwitch(['--disable-web-security'])).toBe('--disable-web-security');
  });

  it('lets ordinary flags through', () => {
    expect(forbiddenSwitch(['--demo', '--data-dir', 'D:\\Fristad', '--disable-gpu'])).toBeNull();
  });
});

describe('log', () => {
  it('writes a code and a safe error code, never an error message', () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    logCode('open_failed', Object.assign(new Error('Eva Ek, Hemliga vägen 3'), { code: 'ENOENT' }));
    logCode('other', new Error('Eva Ek'));
    expect(spy.mock.calls).toEqual([['[fristad] open_failed (ENOENT)'], ['[fristad] other']]);
    spy.mockRestore();
  });

  it('ignores a `code` that could carry text', () => {
    expect(errorCode({ code: 'Eva Ek lives at Hemliga vägen 3' })).toBeNull();
    expect(errorCode({ code: 42 })).toBeNull();
    expect(errorCode('ENOENT')).toBeNull();
    expect(errorCode({ code: 'SQLITE_NOTADB' })).toBe('SQLITE_NOTADB');
  });
});
