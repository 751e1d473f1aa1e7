import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { DbError } from '../db/errors';
import type { Access, OperationInput, OperationName, OperationResult } from './operations';
import type { WorkerEvent, WorkerInit, WorkerRequest, WorkerResponse } from './protocol';
import { decodeResult } from './wire';

// The hosts see refusals as the class the client rejects with; they import it from here, not from db/.
export { DbError };

export interface DbHostOptions {
  workerPath: string;
  dataDir: string;
  idleMinuteMs?: number;
  env?: NodeJS.ProcessEnv;
}

interface Pending {
  resolve(value: unknown): void;
  reject(err: unknown): void;
}

/** The main side of the database worker: sends operations, awaits answers, never touches SQLite itself. */
export class DbHost {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private dead: DbError | null = null;
  private readonly listeners = new Set<(event: WorkerEvent) => void>();

  constructor(options: DbHostOptions) {
    const init: WorkerInit = {
      dataDir: options.dataDir,
      demoDir: path.join(options.dataDir, 'demo'),
      idleMinuteMs: options.idleMinuteMs ?? 60_000,
    };
    this.worker = new Worker(options.workerPath, { workerData: init, env: options.env ?? process.env });
    this.worker.on('message', (msg: WorkerResponse | WorkerEvent) => {
      if ('event' in msg) {
        for (const l of this.listeners) l(msg);
        return;
      }
      const p = this.pending.get(msg.id);
      if (!p) return;
      this.pending.delete(msg.id);
      if (!msg.ok) {
        const { neededBytes, freeBytes } = msg.error;
        const space = neededBytes === undefined ? undefined : freeBytes === undefined ? { neededBytes } : { neededBytes, freeBytes };
        const refused = new DbError(msg.error.code, msg.error.message, msg.error.retryAfterSeconds, msg.error.issues, space);
        p.reject(msg.error.reason === undefined ? refused : refused.because(msg.error.reason, msg.error.params));
        return;
      }
      try {
        p.resolve(decodeResult(msg));
      } catch (err) {
        p.reject(err);
      }
    });
    const fail = (): void => {
      this.dead = new DbError('internal', 'The database process has stopped. Restart Fristad; nothing acknowledged as saved is lost.');
      for (const p of this.pending.values()) p.reject(this.dead);
      this.pending.clear();
    };
    this.worker.on('error', (err) => {
      console.error(`[fristad] database worker failed: ${err.name}`);
      fail();
    });
    this.worker.on('exit', fail);
  }

  /** Runs one operation in the worker under an access rule the worker enforces. */
  call<K extends OperationName>(op: K, input: OperationInput<K>, access: Access): Promise<OperationResult<K>> {
    if (this.dead) return Promise.reject(this.dead);
    const id = this.nextId++;
    const request: WorkerRequest = { id, op, input, access };
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.worker.postMessage(request);
    });
  }

  /** Subscribes to events the worker sends by itself (an idle lock). */
  onEvent(listener: (event: WorkerEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Locks and closes every database (checkpointing the WAL), then stops the worker. */
  async close(): Promise<void> {
    if (!this.dead) {
      try {
        await this.call('host.shutdown', {}, 'public');
      } finally {
        await this.worker.terminate();
      }
    }
  }
}
