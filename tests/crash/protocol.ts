// What the crash tests and their child process share: the child's orders and the seeded random.

export type ChildConfig =
  | { mode: 'writes'; dataDir: string; username: string; passphrase: string; seed: number; round: number; maxOps: number }
  | { mode: 'backups'; dataDir: string; username: string; passphrase: string; seed: number; round: number; maxOps: number }
  | { mode: 'migrate'; file: string; keyHex: string };

/** Small seeded generator (mulberry32), so a round does the same work when its seed is given again. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
