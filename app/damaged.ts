import type { DamagedBackups, SessionStatus } from '../core/contract';
import { listBackupsForDamaged, restoreDamaged, type DamagedCredentials } from '../db/backup/restore-damaged';
import type { WorkerState } from './state';

/** Restoring the real database when it is damaged, from the unlock screen (no session needed). */
export const damagedOps = {
  'session:damaged-backups': async (w: WorkerState, input: DamagedCredentials): Promise<DamagedBackups> => listBackupsForDamaged(w.real, input),

  'session:restore-damaged': async (w: WorkerState, input: DamagedCredentials & { fileName: string }): Promise<SessionStatus> => {
    if (w.demo) {
      // The demo is a separate, throw-away database; leave it first so the real one is the one restored.
      w.demo.lock('switch_user');
      w.demo = null;
    }
    await restoreDamaged(w.real, input);
    return w.status();
  },
} as const;
