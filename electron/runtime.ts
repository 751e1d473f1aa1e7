import { DbHost } from '../worker/worker-client';
import { createApi } from './api/dispatch';
import type { Runtime, RuntimeOptions } from './api/types';

/** Starts the database worker and the API on it; both hosts call this and nothing below it. */
export async function createRuntime(options: RuntimeOptions): Promise<Runtime> {
  const host = new DbHost({ workerPath: options.workerPath, dataDir: options.dataDir, idleMinuteMs: options.idleMinuteMs });
  const api = createApi(host);
  if (options.onAutoLock) {
    const notify = options.onAutoLock;
    host.onEvent((e) => {
      if (e.event === 'auto-locked') notify();
    });
  }
  let demoCredentials: Runtime['demoCredentials'] = null;
  if (options.demo) {
    const opened = await api.invoke('session:open-demo', {});
    if (!opened.ok) {
      await host.close();
      throw new Error(`Could not create the demo database (${opened.error.code}).`);
    }
    const { username, passphrase } = opened.result as { username: string; passphrase: string };
    demoCredentials = { username, passphrase };
  }
  return {
    demoCredentials,
    invoke: (channel, input) => api.invoke(channel, input),
    shutdown: () => host.close(),
  };
}
