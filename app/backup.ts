import { ADMIN } from '../core/contract';
import type { BackupEntry, BackupProgress, BackupStatus, BackupVerifyResult, Leftover, SessionStatus } from '../core/contract';
import { backupStatus, createBackup, saveBackupSettings } from '../db/backup/create-backup';
import { listLeftovers, removeLeftover } from '../db/backup/leftovers';
import { restoreBackup, verifyBackup } from '../db/backup/restore-backup';
import type { Empty, WorkerState } from './state';

/** Backups of the active store: status and settings, create, verify and restore (administrators). */
export const backupOps = {
  'backup:status': async (w: WorkerState, _: Empty): Promise<BackupStatus> => {
    w.active.requireSession(ADMIN);
    return backupStatus(w.active);
  },

  'backup:create': async (w: WorkerState, input: { folder?: string | null }): Promise<BackupEntry> => {
    w.active.requireSession(ADMIN);
    // A backup made now supersedes the automatic one still running: that one stops, its name stays free.
    const background = w.demo ? null : w.backgroundBackup();
    background?.cancelRunning();
    return createBackup(w.active, { folder: input.folder ?? null, kind: 'manual', avoid: background?.reservedFileName ?? null });
  },

  'backup:settings': async (w: WorkerState, input: { folder: string; keep: number }): Promise<BackupStatus> => {
    w.active.requireSession(ADMIN);
    await saveBackupSettings(w.active, input);
    return backupStatus(w.active);
  },

  'backup:verify': async (w: WorkerState, input: { fileName: string }): Promise<BackupVerifyResult> => {
    const { manifest, rows } = await verifyBackup(w.active, input.fileName);
    return { ok: true, rows, auditHead: manifest.auditHead };
  },

  /** Leaves the app locked: the restored database is unlocked with the passphrases of its time. */
  'backup:restore': async (w: WorkerState, input: { fileName: string }): Promise<SessionStatus> => {
    await restoreBackup(w.active, input.fileName);
    return w.status();
  },

  'backup:progress': async (w: WorkerState, _: Empty): Promise<BackupProgress> => {
    w.active.requireSession(ADMIN);
    const background = w.demo ? null : w.backgroundBackup();
    if (background) return background.progress(w.active);
    return { running: null, lastAutomatic: (await backupStatus(w.active)).lastAutomatic };
  },

  'backup:leftovers': async (w: WorkerState, _: Empty): Promise<Leftover[]> => listLeftovers(w.active, runningTemp(w)),

  'backup:remove-leftover': async (w: WorkerState, input: { name: string; restoredDataConfirmed?: boolean }): Promise<Leftover[]> => {
    await removeLeftover(w.active, input, runningTemp(w));
    return listLeftovers(w.active, runningTemp(w));
  },
} as const;

/** The temporary file the automatic backup is writing now: not a leftover. */
function runningTemp(w: WorkerState): string | null {
  return w.demo ? null : (w.backgroundBackup()?.tempFile ?? null);
}
