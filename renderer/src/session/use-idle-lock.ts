import { useEffect } from 'react';
import { startIdleTimer } from './idle-lock';

/** Locks after `minutes` without keyboard, pointer or wheel activity anywhere in the window. */
export function useIdleLock(minutes: number, onIdle: () => void): void {
  useEffect(() => startIdleTimer(window, minutes * 60_000, onIdle), [minutes, onIdle]);
}
