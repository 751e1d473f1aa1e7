import { AsyncLocalStorage } from 'node:async_hooks';

// The worker resolves which case a request concerns before running it (for the access check);
// carrying that id here lets every audit row of the request name its case without each
// operation passing it along, so the per-case log extract cannot miss a row.
const storage = new AsyncLocalStorage<{ caseId: number | null }>();

/** Runs fn with caseId as the case that audit rows written inside it concern. */
export function withAuditCase<T>(caseId: number | null, fn: () => Promise<T>): Promise<T> {
  return storage.run({ caseId }, fn);
}

/** The case of the request being served, or null outside one. */
export function currentAuditCaseId(): number | null {
  return storage.getStore()?.caseId ?? null;
}
