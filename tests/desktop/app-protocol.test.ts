import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAppRequestHandler, handleAppProtocol, registerAppScheme } from '../../electron/desktop/app-protocol';
import { APP_PAGE_URL } from '../../electron/desktop/app-url';
import { CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from '../../electron/desktop/content-security';
import { resolveStaticPath as resolveRendererPath } from '../../electron/shared/static-files';
import * as fake from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

const SECRET = 'address of a person in hiding';
let tmp: string;
let rendererDir: string;
let serve: (request: Request) => Promise<Response>;

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'fristad-protocol-'));
  rendererDir = path.join(tmp, 'renderer');
  fs.mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><script type="module" src="/assets/index-1a2b.js"></script>');
  fs.writeFileSync(path.join(rendererDir, 'assets', 'index-1a2b.js'), 'console.log(1);');
  fs.writeFileSync(path.join(rendererDir, 'assets', 'index-1a2b.css'), 'body{}');
  fs.writeFileSync(path.join(rendererDir, 'notes.db'), SECRET);
  fs.writeFileSync(path.join(tmp, 'secret.txt'), SECRET);
  // A sibling whose name starts like the renderer folder: a naive prefix check would let it through.
  fs.mkdirSync(path.join(tmp, 'renderer-evil'));
  fs.writeFileSync(path.join(tmp, 'renderer-evil', 'x.js'), SECRET);
  serve = createAppRequestHandler(rendererDir);
});

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** A request object as Chromium hands it over, with the URL exactly as given (not normalised). */
function rawRequest(url: string, method = 'GET'): Request {
  return { url, method } as Request;
}

async function expectRefused(response: Response, status: number): Promise<void> {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  expect(await response.text()).not.toContain(SECRET);
}

describe('app:// serves the renderer', () => {
  it('serves index.html with the CSP and every security header', async () => {
    const response = await serve(new Request(APP_PAGE_URL));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(response.headers.get(name)).toBe(value);
    expect(await response.text()).toContain('/assets/index-1a2b.js');
  });

  it('serves / as index.html', async () => {
    const response = await serve(new Request('app://fristad/'));
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<!doctype html>');
  });

  it('gives scripts and styles their MIME types (module scripts need the right one)', async () => {
    const js = await serve(new Request('app://fristad/assets/index-1a2b.js'));
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    const css = await serve(new Request('app://fristad/assets/index-1a2b.css?v=1'));
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(css.headers.get('cache-control')).toBe('no-store');
  });
});

describe('app:// refuses everything else', () => {
  it.each([
    'app://fristad/../../etc/passwd',
    'app://fristad/../secret.txt',
    'app://fristad/%2e%2e/secret.txt',
    'app://fristad/%2E%2E/%2e%2E/secret.txt',
    'app://fristad/..%2fsecret.txt',
    'app://fristad/assets/..%2f..%2fsecret.txt',
    'app://fristad/..%5csecret.txt',
    'app://fristad/assets%5c..%5c..%5csecret.txt',
    'app://fristad/%2e%2e%2frenderer-evil/x.js',
    'app://fristad/C:%2fWindows%2fwin.ini',
    'app://fristad/index.html%00.js',
  ])('does not leave the renderer folder for %s', async (url) => {
    const response = await serve(rawRequest(url));
    expect([400, 404]).toContain(response.status);
    await expectRefused(response, response.status);
  });

  it.each([
    'app://evil/index.html',
    'app://fristad.evil/index.html',
    'app://fristad:8080/index.html',
    'app://user@fristad/index.html',
    'https://fristad/index.html',
  ])('answers 404 for another origin: %s', async (url) => {
    await expectRefused(await serve(rawRequest(url)), 404);
  });

  it.each(['POST', 'PUT', 'DELETE', 'HEAD', 'OPTIONS'])('answers 405 to %s', async (method) => {
    await expectRefused(await serve(rawRequest(APP_PAGE_URL, method)), 405);
  });

  it('does not serve kinds of file the renderer never has, nor missing ones', async () => {
    await expectRefused(await serve(new Request('app://fristad/notes.db')), 404);
    await expectRefused(await serve(new Request('app://fristad/missing.js')), 404);
    await expectRefused(await serve(new Request('app://fristad/assets/')), 404);
  });
});

describe('resolveRendererPath', () => {
  const root = path.resolve('/srv/fristad/renderer');

  it('maps clean paths into the folder', () => {
    expect(resolveRendererPath(root, '/')).toBe(path.join(root, 'index.html'));
    expect(resolveRendererPath(root, '/assets/index-1a2b.js')).toBe(path.join(root, 'assets', 'index-1a2b.js'));
    expect(resolveRendererPath(root, '/assets/na%C3%AFve.js')).toBe(path.join(root, 'assets', 'naïve.js'));
  });

  it.each(['/../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/a/./b', '/..%2f..%2fetc%2fpasswd', '/%5c..%5cx', '/C:/x', '/a%00b', '/%E0%A4%A'])(
    'refuses %s',
    (urlPath) => {
      expect(resolveRendererPath(root, urlPath)).toBeNull();
    },
  );
});

describe('registering app://', () => {
  beforeEach(() => fake.resetFakeElectron());

  it('registers a standard, secure scheme that does not bypass the CSP or open CORS', () => {
    registerAppScheme();
    const [schemes] = fake.protocol.privilegedCalls;
    expect(schemes).toHaveLength(1);
    const privileges = schemes?.[0]?.privileges ?? {};
    expect(schemes?.[0]?.scheme).toBe('app');
    expect(privileges.standard).toBe(true);
    expect(privileges.secure).toBe(true);
    expect(privileges.bypassCSP).not.toBe(true);
    expect(privileges.corsEnabled).not.toBe(true);
    expect(privileges.allowServiceWorkers).not.toBe(true);
  });

  it('installs the file handler for app:// once the app is ready', async () => {
    await fake.app.whenReady();
    handleAppProtocol(rendererDir);
    const handler = fake.protocol.handlers.get('app');
    expect(handler).toBeDefined();
    const response = await handler?.(new Request(APP_PAGE_URL));
    expect(response?.status).toBe(200);
  });
});
