/** Kompotten members and the request ledger (placeholder until written). */
export function KompottenView() {
  return null;
}
