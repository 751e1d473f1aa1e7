import { useEffect } from 'react';

/** Ctrl+L, or Cmd+L on a Mac. */
export function isLockShortcut(event: KeyboardEvent): boolean {
  return (event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'l';
}

/** Listens in the capture phase so no field or widget can swallow the shortcut. */
export function useLockShortcut(onLock: () => void): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (!isLockShortcut(event)) return;
      event.preventDefault();
      onLock();
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, [onLock]);
}
