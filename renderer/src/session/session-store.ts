import { create } from 'zustand';
import type { SessionStatus } from '../../../core/contract';

/** Why the unlock screen is showing, so it can say so calmly. */
export type LockReason = 'manual' | 'idle' | 'expired' | 'lock_failed' | 'damaged';

export interface DemoCredentials {
  username: string;
  passphrase: string;
}

export interface SessionState {
  /** The API's view of the session; null until the first session:status answers. */
  status: SessionStatus | null;
  /** Shown once right after setup, then dropped. */
  recoveryKey: string | null;
  /** Fictional credentials of the demo database; only ever set while the demo is open. */
  demoCredentials: DemoCredentials | null;
  lockReason: LockReason | null;
  /** Bumped whenever a session ends; the app keys its whole tree on it so no component state survives. */
  epoch: number;
}

export function initialSessionState(): SessionState {
  return { status: null, recoveryKey: null, demoCredentials: null, lockReason: null, epoch: 0 };
}

export const useSessionStore = create<SessionState>()(() => initialSessionState());
