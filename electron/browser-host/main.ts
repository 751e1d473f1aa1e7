import { spawn } from 'node:child_process';
import path from 'node:path';
import { CliArgsError, parseCliArgs } from '../shared/cli-args';
import { resolveDataDir } from '../shared/data-dir';
import { createRuntime } from '../runtime';
import { startBrowserHost } from './server';

function hasDesktop(): boolean {
  if (process.platform === 'win32' || process.platform === 'darwin') return true;
  return Boolean(process.env.DISPLAY ?? process.env.WAYLAND_DISPLAY);
}

function openBrowser(url: string): void {
  const [cmd, args] =
    process.platform === 'win32' ? ['cmd', ['/c', 'start', '""', url]] : process.platform === 'darwin' ? ['open', [url]] : ['xdg-open', [url]];
  try {
    const child = spawn(cmd, args as string[], { detached: true, stdio: 'ignore' });
    child.on('error', () => undefined);
    child.unref();
  } catch {
    // Opening a browser is a convenience; the printed address is enough.
  }
}

/** Browser mode: the API and the built renderer on 127.0.0.1, for machines without Electron. */
async function main(): Promise<void> {
  let options;
  try {
    options = parseCliArgs(process.argv.slice(2));
  } catch (err) {
    if (err instanceof CliArgsError) {
      console.error(`Fristad: ${err.message}`);
      process.exit(2);
    }
    throw err;
  }
  const dataDir = resolveDataDir(options.dataDir);
  const runtime = await createRuntime({ dataDir, demo: options.demo, workerPath: path.join(__dirname, 'db-worker.cjs') });
  const host = await startBrowserHost({ api: runtime, staticDir: path.join(__dirname, '..', 'renderer'), port: options.port });

  console.log(`Fristad: data folder ${dataDir}${options.demo ? ' (fictional demo data in its demo subfolder)' : ''}`);
  if (runtime.demoCredentials) {
    console.log(`Fristad: demo user "${runtime.demoCredentials.username}", passphrase "${runtime.demoCredentials.passphrase}" (fictional data only)`);
  }
  // The address comes last: scripts and tests wait for this line.
  console.log(`Fristad: ${host.url}`);
  if (options.open && hasDesktop()) openBrowser(host.url);

  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    void (async () => {
      await host.close();
      await runtime.shutdown();
      console.log('Fristad: stopped; the database is closed.');
      process.exit(0);
    })();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error(`Fristad could not start: ${(err as { message?: string }).message ?? 'unknown error'}`);
  process.exit(1);
});
