import { createContext, useCallback, useContext } from 'react';
import type { CaseViewSections } from '../../../core/contract';

/**
 * The sections of a case as `cases:open` read them with the case, each handed out once: a
 * section's first load takes its part instead of asking again, later loads ask their channel.
 */
export class CasePrefetch {
  private readonly parts: Map<keyof CaseViewSections, CaseViewSections[keyof CaseViewSections]>;

  constructor(parts: CaseViewSections) {
    this.parts = new Map(Object.entries(parts) as [keyof CaseViewSections, CaseViewSections[keyof CaseViewSections]][]);
  }

  /** The part, once; undefined when it was taken or dropped. */
  take<K extends keyof CaseViewSections>(key: K): CaseViewSections[K] | undefined {
    const part = this.parts.get(key) as CaseViewSections[K] | undefined;
    this.parts.delete(key);
    return part;
  }

  /**
   * Forgets what no section took. The case view calls it once its sections have loaded, so a
   * section that appears later (after a reveal, say) never starts from the older answer.
   */
  drop(): void {
    this.parts.clear();
  }
}

export const CasePrefetchContext = createContext<CasePrefetch | null>(null);

/** `load`, except that its first call answers from the opened case when that part is waiting. */
export function usePrefetchedLoad<K extends keyof CaseViewSections>(key: K, load: () => Promise<CaseViewSections[K]>): () => Promise<CaseViewSections[K]> {
  const prefetch = useContext(CasePrefetchContext);
  return useCallback(() => {
    const part = prefetch?.take(key);
    return part !== undefined ? Promise.resolve(part) : load();
  }, [prefetch, key, load]);
}
