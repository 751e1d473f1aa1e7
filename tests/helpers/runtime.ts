import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRuntime } from '../../electron/runtime';
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
  const runtime = await createRuntime({
    dataDir: path.join(t.dir, 'data'),
    demo: options.demo ?? false,
    workerPath: TEST_WORKER,
    idleMinuteMs: options.idleMinuteMs,
    onAutoLock: options.onAutoLock,
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

/** Calls a channel and returns the result, failing the test on an error answer. */
export async function ok<T = unknown>(runtime: Runtime, channel: string, input: unknown = {}): Promise<T> {
  const r = await runtime.invoke(channel, input);
  if (!r.ok) throw new Error(`${channel} failed: ${r.error.code} ${r.error.message}`);
  return r.result as T;
}

/** Calls a channel expecting an error answer; returns its code. */
export async function errorCode(runtime: Runtime, channel: string, input: unknown = {}): Promise<string> {
  const r = await runtime.invoke(channel, input);
  if (r.ok) throw new Error(`${channel} unexpectedly succeeded`);
  return r.error.code;
}
