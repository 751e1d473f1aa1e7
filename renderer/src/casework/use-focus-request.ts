import { useEffect, useRef, useState } from 'react';

/**
 * Moves focus to a named control after the next render: the first field of a row just added, or
 * the add button after a row is removed, so keyboard users keep their place.
 */
export function useFocusRequest<E extends HTMLElement = HTMLDivElement>() {
  const containerRef = useRef<E>(null);
  const [request, setRequest] = useState<{ selector: string; serial: number } | null>(null);

  useEffect(() => {
    if (request === null) return;
    const target = containerRef.current?.querySelector(request.selector);
    if (target instanceof HTMLElement) target.focus();
  }, [request]);

  const focusName = (name: string): void => setRequest((previous) => ({ selector: `[name="${name}"]`, serial: (previous?.serial ?? 0) + 1 }));
  const focusSelector = (selector: string): void => setRequest((previous) => ({ selector, serial: (previous?.serial ?? 0) + 1 }));
  return { containerRef, focusName, focusSelector };
}
