import { app, session } from 'electron';
import type { WebContents } from 'electron';
import { isAppPageUrl } from './app-url';
import { logCode } from './log';

/** Applies the navigation guards to every web page the app creates, from the first one on. */
export function guardAllWebContents(): void {
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents));
}

/**
 * The window shows app://fristad/index.html and nothing else, ever. The main process loads it
 * (loadURL raises none of these events); of what the page itself starts, only reloading that
 * same page is let through (location.reload() raises will-navigate, and a renderer may reload to
 * drop its state). Every other navigation, any redirect, popup or <webview> is refused. In-page
 * navigation (history.pushState, hash changes) raises none of these and is unaffected.
 */
export function guardWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => {
    if (isAppPageUrl(event.url)) return;
    event.preventDefault();
    logCode('navigation_denied');
  });
  contents.on('will-redirect', (event) => {
    event.preventDefault();
    logCode('redirect_denied');
  });
  contents.setWindowOpenHandler(() => {
    logCode('window_open_denied');
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    logCode('webview_denied');
  });
}

const NETWORK_SCHEMES: ReadonlySet<string> = new Set(['http:', 'https:', 'ws:', 'wss:', 'ftp:', 'file:']);

/** True for a request that would leave the app: anything on the network or the file system. */
export function isOutsideRequest(url: string): boolean {
  try {
    return NETWORK_SCHEMES.has(new URL(url).protocol);
  } catch {
    return true;
  }
}

/**
 * The page needs no permission (camera, notifications, clipboard reads, devices, …), so every
 * request and check is denied; and nothing may reach the network or disk even if the CSP were
 * ever loosened by mistake.
 */
export function lockDownSession(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, permission, callback) => {
    logCode(`permission_denied:${permission}`);
    callback(false);
  });
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  ses.setSpellCheckerEnabled(false);
  ses.webRequest.onBeforeRequest((details, callback) => {
    const cancel = isOutsideRequest(details.url);
    if (cancel) logCode('request_blocked');
    callback({ cancel });
  });
}
