/**
 * Stores that hold anything from an unlocked session register a reset here; locking calls them all,
 * so nothing of the session stays in memory once the unlock screen shows.
 */
const resetters = new Set<() => void>();

export function registerUiReset(reset: () => void): () => void {
  resetters.add(reset);
  return () => {
    resetters.delete(reset);
  };
}

export function resetRegisteredUi(): void {
  for (const reset of resetters) reset();
}
