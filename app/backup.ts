import type { BackupEntry, BackupStatus, BackupVerifyResult, SessionStatus } from '../core/contract';
import { backupStatus, createBackup, saveBackupSettings } from '../db/backup/create-backup';
import { restoreBackup, verifyBackup } from '../db/backup/restore-backup';
import type { Empty, WorkerState } from './state';

/** Backups of the active store: status and settings, create, verify and restore (administrators). */
export const backupOps = {
  'backup.status': async (w: WorkerState, _: Empty): Promise<BackupStatus> => {
    w.active.requireSession(['administrator']);
    return backupStatus(w.active);
  },

  'backup.create': async (w: WorkerState, input: { folder?: string | null }): Promise<BackupEntry> => {
    w.active.requireSession(['administrator']);
    return createBackup(w.active, { folder: input.folder ?? null, kind: 'manual' });
  },

  'backup.settings': async (w: WorkerState, input: { folder: string; keep: number }): Promise<BackupStatus> => {
    w.active.requireSession(['administrator']);
    await saveBackupSettings(w.active, input);
    return backupStatus(w.active);
  },

  'backup.verify': async (w: WorkerState, input: { fileName: string }): Promise<BackupVerifyResult> => {
    const { manifest, rows } = await verifyBackup(w.active, input.fileName);
    return { ok: true, rows, auditHead: manifest.auditHead };
  },

  /** Leaves the app locked: the restored database is unlocked with the passphrases of its time. */
  'backup.restore': async (w: WorkerState, input: { fileName: string }): Promise<SessionStatus> => {
    await restoreBackup(w.active, input.fileName);
    return w.status();
  },
} as const;
