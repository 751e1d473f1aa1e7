/** What counts as someone using the computer. */
export const ACTIVITY_EVENTS = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart'] as const;

/**
 * Calls onIdle once after timeoutMs without activity on target. Activity only records a time;
 * the single timer re-arms itself for the remainder, so mouse movement costs almost nothing.
 * Uses setTimeout and Date.now only, so fake timers drive it in tests. Returns a stop function.
 */
export function startIdleTimer(target: EventTarget, timeoutMs: number, onIdle: () => void): () => void {
  let lastActivity = Date.now();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  const onActivity = (): void => {
    lastActivity = Date.now();
  };

  const stop = (): void => {
    stopped = true;
    if (timer !== undefined) clearTimeout(timer);
    for (const type of ACTIVITY_EVENTS) target.removeEventListener(type, onActivity, true);
  };

  const check = (): void => {
    if (stopped) return;
    const idleFor = Date.now() - lastActivity;
    if (idleFor >= timeoutMs) {
      stop();
      onIdle();
    } else {
      timer = setTimeout(check, timeoutMs - idleFor);
    }
  };

  for (const type of ACTIVITY_EVENTS) target.addEventListener(type, onActivity, { capture: true, passive: true });
  timer = setTimeout(check, timeoutMs);
  return stop;
}
