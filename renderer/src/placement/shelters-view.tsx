/** The shelters register (placeholder until written). */
export function SheltersView() {
  return null;
}
