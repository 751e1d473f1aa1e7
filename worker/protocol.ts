import type { ApiIssue, ErrorCode, RefusalParams, RefusalReason } from '../core/contract';
import type { Access } from './operations';
import type { WireResult } from './wire';

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
  neededBytes?: number;
  freeBytes?: number;
  reason?: RefusalReason;
  params?: RefusalParams;
}

/** A success carries its result as wire.ts encodes it: large plain results as JSON text. */
export type WorkerResponse = ({ id: number; ok: true } & WireResult) | { id: number; ok: false; error: WireError };

export interface WorkerEvent {
  event: 'auto-locked';
}

export interface WorkerInit {
  dataDir: string;
  demoDir: string;
  /** Length of an idle "minute" in ms; tests shorten it. */
  idleMinuteMs: number;
}
