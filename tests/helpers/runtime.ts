import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DbHost } from '../../worker/worker-client';
import { createApi } from '../../electron/api/dispatch';
import type { Runtime } from '../../electron/api/types';
import { tempDir, TEST_WITNESS_DIR } from './temp';

/** The database worker built by tests/global-setup.ts. */
export const TEST_WORKER = fileURLToPath(new URL('../../dist/test/db-worker.cjs', import.meta.url));

// The worker inherits this process's environment: switch on the test-only key derivation.
process.env.FRISTAD_TEST_KDF = '1';
process.env.FRISTAD_WITNESS_DIR = TEST_WITNESS_DIR;

/** A runtime on a fresh data folder, with the real worker thread behind it. */
export async function testRuntime(options: { demo?: boolean; idleMinuteMs?: number; onAutoLock?: () => void } = {}): Promise<{
  runtime: Runtime;
  dataDir: string;
  close: () => Promise<void>;
}> {
  const t = tempDir();
  // As electron/runtime.ts builds it, keeping the host so `ok` can wait for the automatic backup.
  const host = new DbHost({ workerPath: TEST_WORKER, dataDir: path.join(t.dir, 'data'), idleMinuteMs: options.idleMinuteMs });
  const api = createApi(host);
  const notify = options.onAutoLock;
  if (notify) host.onEvent((e) => void (e.event === 'auto-locked' && notify()));
  let demoCredentials: Runtime['demoCredentials'] = null;
  if (options.demo) {
    const opened = await api.invoke('session:open-demo', {});
    if (!opened.ok) throw new Error(`Could not create the demo database (${opened.error.code}).`);
    demoCredentials = opened.result as { username: string; passphrase: string };
  }
  const runtime: Runtime = { demoCredentials, invoke: (channel, input) => api.invoke(channel, input), shutdown: () => host.close() };
  settlers.set(runtime, async () => {
    for (let i = 0; i < 10 && (await host.call('host.backup-settled', {}, 'public')).waited; i++);
  });
  return {
    runtime,
    dataDir: path.join(t.dir, 'data'),
    close: async () => {
      await runtime.shutdown();
      t.cleanup();
    },
  };
}

const settlers = new WeakMap<Runtime, () => Promise<void>>();

/**
 * Waits until the automatic backup an unlock started has finished and been recorded, so its audit
 * row does not land in the middle of what a test counts. Tests of the backup itself use invoke.
 */
export async function settleBackup(runtime: Runtime): Promise<void> {
  await settlers.get(runtime)?.();
}

/** Calls a channel and returns the result, failing the test on an error answer; an unlock waits for its automatic backup. */
export async function ok<T = unknown>(runtime: Runtime, channel: string, input: unknown = {}): Promise<T> {
  const r = await runtime.invoke(channel, input);
  if (!r.ok) throw new Error(`${channel} failed: ${r.error.code} ${r.error.message}`);
  if (channel === 'session:unlock') await settleBackup(runtime);
  return r.result as T;
}

/** Calls a channel expecting an error answer; returns its code. */
export async function errorCode(runtime: Runtime, channel: string, input: unknown = {}): Promise<string> {
  const r = await runtime.invoke(channel, input);
  if (r.ok) throw new Error(`${channel} unexpectedly succeeded`);
  return r.error.code;
}
