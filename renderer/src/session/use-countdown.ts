import { useCallback, useEffect, useState } from 'react';

/**
 * Whole seconds left until a deadline, ticking while it runs. Works from a deadline rather than by
 * counting ticks, so a throttled or sleeping window still shows the right time.
 */
export function useCountdown(initialSeconds: number): { remaining: number; start: (seconds: number) => void } {
  const [deadline, setDeadline] = useState<number | null>(() => (initialSeconds > 0 ? Date.now() + initialSeconds * 1000 : null));
  const [remaining, setRemaining] = useState(Math.max(0, initialSeconds));

  useEffect(() => {
    if (deadline === null) return;
    const timer = setInterval(() => {
      const left = Math.max(0, Math.ceil((deadline - Date.now()) / 1000));
      setRemaining(left);
      if (left === 0) {
        clearInterval(timer);
        setDeadline(null);
      }
    }, 250);
    return () => clearInterval(timer);
  }, [deadline]);

  const start = useCallback((seconds: number) => {
    setRemaining(Math.max(0, seconds));
    setDeadline(seconds > 0 ? Date.now() + seconds * 1000 : null);
  }, []);

  return { remaining, start };
}
