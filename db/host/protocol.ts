import type { ApiIssue, ErrorCode } from '../../core/contract';
import type { Access } from './operations';

/** Messages between the main side and the database worker. */
export interface WorkerRequest {
  id: number;
  op: string;
  input: unknown;
  access: Access;
}

export interface WireError {
  code: ErrorCode;
  message: string;
  retryAfterSeconds?: number;
  issues?: ApiIssue[];
}

export type WorkerResponse = { id: number; ok: true; result: unknown } | { id: number; ok: false; error: WireError };

export interface WorkerEvent {
  event: 'auto-locked';
}

export interface WorkerInit {
  dataDir: string;
  demoDir: string;
  /** Length of an idle "minute" in ms; tests shorten it. */
  idleMinuteMs: number;
}
