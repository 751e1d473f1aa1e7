import { Worker } from 'node:worker_threads';
import type { FactQuery, PartsRead } from '../db/repositories/report-facts';

/** What the fact reader's thread starts with: the database file and the session's data key. */
export interface FactReaderInit {
  role: 'fact-reader';
  file: string;
  key: Uint8Array;
}

export interface FactReadRequest {
  id: number;
  query: FactQuery;
  /** Shared with the asker (a SharedArrayBuffer): both claim parts from it. */
  claims: Int32Array;
  mark: string;
}

/** Asks the thread to answer once its connection is open (an empty read). */
export interface FactReaderPing {
  id: number;
  ping: true;
}

export interface FactReadAnswer {
  id: number;
  /** Null: a request it did not understand, or a database changed since the mark; empty for a ping. */
  parts: PartsRead | null;
}

/** The fact reader's own bundle (worker/fact-reader-entry.ts), built beside the database worker's. */
export const FACT_READER_BUNDLE = 'db-fact-reader.cjs';

/** True for the start data of a fact reader. */
export function isFactReaderInit(data: unknown): data is FactReaderInit {
  return typeof data === 'object' && data !== null && (data as { role?: unknown }).role === 'fact-reader';
}

/**
 * A second thread with its own read-only connection, for one session: while the database worker
 * reads a report's facts, this thread reads parts of them too (the laptops have two cores). Runs a
 * bundle of its own (`entry`), small so it starts quickly. The data key is copied into a buffer of its own and
 * moved to the thread, which overwrites it once the database is open. Closed when the session ends;
 * after a failure it answers null, and the worker reads every part itself.
 */
export class FactReader {
  private readonly worker: Worker;
  private readonly pending = new Map<number, (parts: PartsRead | null) => void>();
  private nextId = 1;
  private isClosed = false;

  constructor(entry: string, file: string, dataKey: Buffer) {
    const key = new Uint8Array(dataKey.length);
    key.set(dataKey);
    const init: FactReaderInit = { role: 'fact-reader', file, key };
    this.worker = new Worker(entry, { workerData: init, transferList: [key.buffer] });
    // Never keeps the process alive; ends with the database worker at the latest.
    this.worker.unref();
    this.worker.on('message', (answer: FactReadAnswer) => {
      const settle = this.pending.get(answer.id);
      this.pending.delete(answer.id);
      settle?.(answer.parts ?? null);
    });
    // Only the error's code is logged (never a message, which could name a path): reports go on
    // on one connection, slower, and the log says why.
    this.worker.on('error', (err: Error & { code?: string }) => {
      console.error(`[fristad-db] the report's second reader stopped: ${err.name}${err.code ? ` (${err.code})` : ''}; reports read on one connection`);
      this.close();
    });
    this.worker.on('exit', () => this.close());
  }

  /** False until closed (by the session's end or the thread's failure). */
  get closed(): boolean {
    return this.isClosed;
  }

  /** True once the thread's connection is open; false when it failed or is closed. */
  async ready(): Promise<boolean> {
    if (this.isClosed) return false;
    const id = this.nextId++;
    const answer = await new Promise<PartsRead | null>((resolve) => {
      this.pending.set(id, resolve);
      const ping: FactReaderPing = { id, ping: true };
      this.worker.postMessage(ping);
    });
    return answer !== null && !this.isClosed;
  }

  /** Reads the parts the thread claims, in a transaction with the given snapshot mark; null if it cannot. */
  read(query: FactQuery, claims: Int32Array, mark: string): Promise<PartsRead | null> {
    if (this.isClosed) return Promise.resolve(null);
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      const req: FactReadRequest = { id, query, claims, mark };
      this.worker.postMessage(req);
    });
  }

  /** Ends the thread and its connection; pending reads answer null. */
  close(): void {
    if (this.isClosed) return;
    this.isClosed = true;
    for (const settle of this.pending.values()) settle(null);
    this.pending.clear();
    void this.worker.terminate();
  }
}
