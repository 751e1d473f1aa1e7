import type { ChannelInput, SessionStatus } from '../../../core/contract';
import { call, onLockedError } from '../api/client';
import { useSessionStore } from './session-store';
import type { LockReason } from './session-store';
import { resetRegisteredUi } from './ui-reset';

/** Ends everything the unlocked session showed: registered stores, the recovery key, every component's state. */
function wipeUi(): void {
  resetRegisteredUi();
  useSessionStore.setState((state) => ({ epoch: state.epoch + 1, recoveryKey: null }));
}

function lockedCopy(status: SessionStatus): SessionStatus {
  return { ...status, state: 'locked', user: null, retryAfterSeconds: 0 };
}

/** Takes a status from the API; leaving an unlocked session (or changing user) wipes the UI first. */
export function applyStatus(status: SessionStatus): void {
  const previous = useSessionStore.getState().status;
  const sessionEnds = previous?.state === 'unlocked' && (status.state !== 'unlocked' || status.user?.id !== previous.user?.id || status.demo !== previous.demo);
  if (sessionEnds) wipeUi();
  useSessionStore.setState((state) => ({
    status,
    lockReason: status.state === 'unlocked' ? null : state.lockReason,
    demoCredentials: status.demo ? state.demoCredentials : null,
  }));
}

export async function loadStatus(): Promise<void> {
  applyStatus(await call('session:status', {}));
}

/** Locks now. The UI is cleared before the API answers, so nothing lingers if the call is slow or fails. */
export async function lockSession(reason: Extract<LockReason, 'manual' | 'idle'>): Promise<void> {
  const current = useSessionStore.getState().status;
  if (current?.state !== 'unlocked') return;
  wipeUi();
  useSessionStore.setState({ status: lockedCopy(current), lockReason: reason });
  try {
    const status = await call('session:lock', {});
    // Never let an odd answer reopen the session without a passphrase.
    if (status.state === 'unlocked') useSessionStore.setState({ lockReason: 'lock_failed' });
    else applyStatus(status);
  } catch {
    useSessionStore.setState({ lockReason: 'lock_failed' });
  }
}

export function lockAfterIdle(): void {
  void lockSession('idle');
}

export function lockByUser(): void {
  void lockSession('manual');
}

/**
 * The API said 'locked' while we thought we were unlocked: main locked by itself (its own idle
 * timer), or found the database damaged and closed it (the unlock screen then offers a restore).
 */
function expireSession(code: 'locked' | 'database_damaged'): void {
  const current = useSessionStore.getState().status;
  if (current?.state !== 'unlocked') return;
  wipeUi();
  const damaged = code === 'database_damaged';
  useSessionStore.setState({ status: { ...lockedCopy(current), ...(damaged ? { damaged } : {}) }, lockReason: damaged ? 'damaged' : 'expired' });
  call('session:status', {}).then(
    (status) => {
      if (status.state !== 'unlocked') applyStatus(status);
    },
    () => undefined,
  );
}

onLockedError(expireSession);

export async function setUp(input: ChannelInput<'session:setup'>): Promise<void> {
  const result = await call('session:setup', input);
  useSessionStore.setState({ recoveryKey: result.recoveryKey });
  applyStatus(result.status);
}

export function acknowledgeRecoveryKey(): void {
  useSessionStore.setState({ recoveryKey: null });
}

export async function unlock(input: ChannelInput<'session:unlock'>): Promise<void> {
  applyStatus(await call('session:unlock', input));
}

/** An administrator acknowledges the warning about an older database (audited; the witness is re-based). */
export async function acknowledgeRollback(): Promise<void> {
  applyStatus(await call('session:acknowledge-rollback', {}));
}

export async function recover(input: ChannelInput<'session:recover'>): Promise<void> {
  applyStatus(await call('session:recover', input));
}

export async function openDemo(): Promise<void> {
  const result = await call('session:open-demo', {});
  useSessionStore.setState({ demoCredentials: { username: result.username, passphrase: result.passphrase }, lockReason: null });
  applyStatus(result.status);
}

export async function leaveDemo(): Promise<void> {
  const status = await call('session:leave-demo', {});
  wipeUi();
  useSessionStore.setState({ demoCredentials: null, lockReason: null });
  applyStatus(status);
}

/** Keeps the header and idle timer in step after an administrator changes team settings. */
export function updateTeamSettings(teamName: string, idleLockMinutes: number): void {
  useSessionStore.setState((state) => ({
    status: state.status ? { ...state.status, teamName, idleLockMinutes } : null,
  }));
}
