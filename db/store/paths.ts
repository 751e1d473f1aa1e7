import path from 'node:path';

export interface StorePaths {
  dir: string;
  db: string;
  keyfile: string;
  pendingAttempts: string;
  /** Failures per account and for the installation, for pacing (db/store/throttle.ts). */
  pacing: string;
  /** Present while the database is known to be damaged: it makes the next unlock check every page. */
  damaged: string;
  /** Lock and unlock rows waiting for room in the audit log (written while the disk was full). */
  deferredAudit: string;
}

/** Where one installation keeps its files inside its data folder. */
export function storePaths(dir: string): StorePaths {
  return {
    dir,
    db: path.join(dir, 'fristad.db'),
    keyfile: path.join(dir, 'fristad.keys.json'),
    pendingAttempts: path.join(dir, 'fristad.attempts.jsonl'),
    pacing: path.join(dir, 'fristad.pacing.json'),
    damaged: path.join(dir, 'fristad.damaged.json'),
    deferredAudit: path.join(dir, 'fristad.deferred-audit.jsonl'),
  };
}
