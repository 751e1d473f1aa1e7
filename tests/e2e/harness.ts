import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';

const root = fileURLToPath(new URL('../..', import.meta.url));
const HOST = path.join(root, 'dist/node/browser-host.cjs');

/** Debian's Chromium; never a downloaded browser. Missing Chromium fails the suite loudly. */
export function chromiumExecutable(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter((p): p is string => Boolean(p));
  const found = candidates.find((p) => fs.existsSync(p));
  if (!found) throw new Error('Chromium not found: install it with `apt-get install -y chromium` or set CHROMIUM_PATH.');
  return found;
}

export interface RunningApp {
  url: string;
  dataDir: string;
  host: ChildProcess;
  output: () => string;
  stop: () => Promise<number | null>;
}

/** Starts the built browser-mode host on a fresh data folder and waits for the address it prints. */
export async function startApp(extraArgs: string[] = []): Promise<RunningApp> {
  if (!fs.existsSync(HOST)) throw new Error('dist/node/browser-host.cjs is missing: run `npm run build` first.');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fristad-e2e-'));
  const host = spawn(process.execPath, [HOST, '--data-dir', dataDir, '--no-open', ...extraArgs], {
    env: { ...process.env, FRISTAD_TEST_KDF: '1', FRISTAD_WITNESS_DIR: `${dataDir}-witness` },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  host.stdout?.on('data', (c: Buffer) => (out += c.toString('utf8')));
  host.stderr?.on('data', (c: Buffer) => (out += c.toString('utf8')));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`host did not start:\n${out}`)), 30_000);
    const check = (): void => {
      const m = /Fristad: (http:\/\/127\.0\.0\.1:\d+\/#token=[A-Za-z0-9_-]+)/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    host.stdout?.on('data', check);
    host.on('exit', (code) => reject(new Error(`host exited with ${code}:\n${out}`)));
  });
  return {
    url,
    dataDir,
    host,
    output: () => out,
    stop: () =>
      new Promise((resolve) => {
        if (host.exitCode !== null) return resolve(host.exitCode);
        host.once('exit', (code) => {
          fs.rmSync(dataDir, { recursive: true, force: true });
          fs.rmSync(`${dataDir}-witness`, { recursive: true, force: true });
          resolve(code);
        });
        host.kill('SIGTERM');
      }),
  };
}

/** Headless Debian Chromium with the flags this machine needs. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumExecutable(),
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/** Collects console errors and CSP violations of a page, so a test can assert there were none. */
export function watchPage(page: Page): { errors: string[] } {
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(err.message));
  return { errors };
}

/** Calls the API from inside the page, as the renderer does, with the app's token: for the set-up a test starts from. */
export async function apiFromPage(page: Page, app: RunningApp, channel: string, input: unknown): Promise<unknown> {
  const token = new URL(app.url).hash.replace('#token=', '');
  return page.evaluate(
    async ([c, i, tok]) => {
      const r = await fetch('/api/invoke', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${tok}` },
        body: JSON.stringify({ channel: c, input: i }),
      });
      const body = (await r.json()) as { ok: boolean; result?: unknown; error?: unknown };
      if (!body.ok) throw new Error(JSON.stringify(body.error));
      return body.result;
    },
    [channel, input, token] as const,
  );
}
