import type { RefusalReason } from '../../core/contract';
import type { Keyfile } from '../keys/keyfile';
import type { Manifest } from './manifest';

/** The backup thread's own bundle (worker/backup-thread-entry.ts), built beside the database worker's. */
export const BACKUP_THREAD_BUNDLE = 'db-backup-thread.cjs';

/** Index of the shared flags: set by the worker, read by the thread between steps. */
export const FLAG_CANCEL = 0;
/** Test hook: a held thread waits (up to `holdMs`) after copying until released or cancelled. */
export const FLAG_RELEASE = 1;

/** What the backup thread starts with: the live file, a copy of the data key it overwrites, where to write. */
export interface BackupThreadInit {
  role: 'backup-thread';
  file: string;
  key: Uint8Array;
  tmp: string;
  fileName: string;
  createdAt: string;
  keyfile: Keyfile;
  /** Shared with the worker (a SharedArrayBuffer): FLAG_CANCEL, FLAG_RELEASE. */
  flags: Int32Array;
  holdMs: number;
}

/** What the thread reports: a phase, the verified copy's manifest, or a failure (no paths, no data). */
export type BackupThreadMessage =
  | { kind: 'phase'; phase: 'copying' | 'verifying' }
  | { kind: 'done'; manifest: Manifest }
  | { kind: 'cancelled' }
  | { kind: 'failed'; damaged: boolean; message: string; reason?: RefusalReason };

/** True for the start data of a backup thread. */
export function isBackupThreadInit(data: unknown): data is BackupThreadInit {
  return typeof data === 'object' && data !== null && (data as { role?: unknown }).role === 'backup-thread';
}
