import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { BENCH_USER } from './config';
import { productionEnv } from './generate';
import { percentile } from './stats';

/** Debian's Chromium, as the end-to-end suite uses it; null when there is none. */
export function findChromium(): string | null {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter((p): p is string => Boolean(p));
  return candidates.find((p) => fs.existsSync(p)) ?? null;
}

/**
 * Starts the built browser-mode host on the bench installation, unlocks it, shows every case in
 * the case list and scrolls from the first row to the last, two screens per frame, timing each
 * frame with requestAnimationFrame in the page. The rows come page by page from the real API.
 */
export async function scrollBench(o: {
  root: string;
  encDir: string;
  rows: number;
  log: (line: string) => void;
}): Promise<{ maxFrameMs: number; p95FrameMs: number; frames: number; rows: number }> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('Chromium was not found (/usr/bin/chromium or CHROMIUM_PATH); run with --no-browser to skip the scroll bench.');
  const hostFile = path.join(o.root, 'dist/node/browser-host.cjs');
  if (!fs.existsSync(hostFile) || !fs.existsSync(path.join(o.root, 'dist/renderer/index.html')))
    throw new Error('The app is not built: run `npm run build` first.');
  o.log('  Chromium: starting browser mode on the bench installation');
  const host = spawn(process.execPath, [hostFile, '--data-dir', o.encDir, '--no-open'], { env: productionEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  host.stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
  host.stderr.on('data', (c: Buffer) => (out += c.toString('utf8')));
  const stopHost = (): Promise<void> =>
    new Promise((resolve) => {
      if (host.exitCode !== null) return resolve();
      host.once('exit', () => resolve());
      host.kill('SIGTERM');
    });
  const browser = await chromium.launch({
    executablePath,
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
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the browser-mode host did not start within 60 s:\n${out}`)), 60_000);
      const check = (): void => {
        const m = /Fristad: (http:\/\/127\.0\.0\.1:\d+\/#token=[A-Za-z0-9_-]+)/.exec(out);
        if (m?.[1]) {
          clearTimeout(timer);
          resolve(m[1]);
        }
      };
      // The address may have been printed while Chromium was starting.
      check();
      host.stdout.on('data', check);
      host.on('exit', (code) => reject(new Error(`the browser-mode host exited with ${code}`)));
    });
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(url);
    const token = new URL(url).hash.replace('#token=', '');
    // Unlocks, then asks how many cases the bench user (a team lead) may list: protected cases
    // the lead is not named on are not rows of the grid.
    const visible = await page.evaluate(
      async ([tok, username, passphrase]) => {
        const invoke = async (channel: string, input: unknown): Promise<unknown> => {
          const r = await fetch('/api/invoke', {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${tok}` },
            body: JSON.stringify({ channel, input }),
          });
          const body = (await r.json()) as { ok: boolean; result?: unknown };
          if (!body.ok) throw new Error(`${channel} refused`);
          return body.result;
        };
        await invoke('session:unlock', { username, passphrase });
        const list = (await invoke('cases:list', {
          query: '',
          status: 'all',
          assignedUserId: null,
          districtSlug: null,
          protectedOnly: false,
          honourOnly: false,
          openRemindersOnly: false,
          riskLevel: null,
          overdueReviewOnly: false,
          sort: 'updated',
          direction: 'desc',
          offset: 0,
          limit: 1,
        })) as { total: number };
        return list.total;
      },
      [token, BENCH_USER.username, BENCH_USER.passphrase] as const,
    );
    await page.reload();
    await page
      .getByRole('button', { name: 'Ärenden' })
      .or(page.getByRole('link', { name: 'Ärenden' }))
      .first()
      .click();
    await page.getByRole('combobox', { name: 'Status', exact: true }).selectOption('all');
    const grid = page.getByRole('grid');
    await page.waitForFunction((n) => document.querySelector('[role="grid"]')?.getAttribute('aria-rowcount') === String(n + 1), visible, { timeout: 120_000 });
    await grid.waitFor();
    o.log(`  Chromium: scrolling through ${visible} rows (the cases the team lead may list, of ${o.rows})`);
    const frames = await page.evaluate(
      () =>
        new Promise<number[]>((resolve) => {
          const el = document.querySelector('[role="grid"]') as HTMLElement;
          const deltas: number[] = [];
          let last = performance.now();
          const step = (now: number): void => {
            deltas.push(now - last);
            last = now;
            if (el.scrollTop + el.clientHeight >= el.scrollHeight - 1) {
              resolve(deltas.slice(1));
              return;
            }
            el.scrollTop += el.clientHeight * 2;
            // A person scrolls with the wheel, which keeps the idle lock away; setting scrollTop does
            // not (a synthetic event scrolls nothing by itself). At city scale the scroll outlasts it.
            el.dispatchEvent(new WheelEvent('wheel', { bubbles: true, deltaY: el.clientHeight * 2 }));
            requestAnimationFrame(step);
          };
          requestAnimationFrame(step);
        }),
    );
    // The last rows must have arrived: the final row is rendered with its case number.
    await page.waitForFunction(
      (n) => document.querySelector(`[role="grid"] [role="row"][aria-rowindex="${n + 1}"]:not([aria-busy])`)?.textContent?.includes('RVT-') ?? false,
      visible,
      { timeout: 600_000 },
    );
    return { maxFrameMs: Math.max(...frames), p95FrameMs: percentile(frames, 95), frames: frames.length, rows: visible };
  } finally {
    await browser.close();
    await stopHost();
  }
}
