import type { ApiResult } from '../../core/contract';

/** The host-agnostic API: both hosts and the tests call exactly this. */
export interface Api {
  invoke(channel: unknown, input: unknown): Promise<ApiResult<unknown>>;
}

export interface RuntimeOptions {
  /** Folder of the real database; the demo database lives in its `demo` subfolder. */
  dataDir: string;
  /** Start on the fictional demo database instead of the real one. */
  demo: boolean;
  /** Absolute path of the built database worker (dist/node/db-worker.cjs). */
  workerPath: string;
  /** Called when the session locks by itself (idle timeout), so a host can tell its window. */
  onAutoLock?: () => void;
  /** Length of an idle "minute" in ms for the worker's own idle lock; tests shorten it. */
  idleMinuteMs?: number;
}

export interface Runtime extends Api {
  /** The demo login when the runtime started on the demo database, for the host to print. */
  readonly demoCredentials: { username: string; passphrase: string } | null;
  /** Closes the database (checkpointing the WAL) and stops the worker. */
  shutdown(): Promise<void>;
}
