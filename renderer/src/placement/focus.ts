import { useEffect, useRef, useState } from 'react';

/**
 * For forms that replace the button that opened them: after the form closes, call `restore()` and
 * focus returns to the element behind `ref` once it is back on screen, so keyboard users keep their place.
 */
export function useReturnFocus<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  const [serial, setSerial] = useState(0);
  useEffect(() => {
    if (serial > 0) ref.current?.focus();
  }, [serial]);
  const restore = (): void => setSerial((n) => n + 1);
  return [ref, restore] as const;
}

/** Focuses the element behind the returned ref when it first appears (a form's heading, say). */
export function useFocusOnMount<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return ref;
}
