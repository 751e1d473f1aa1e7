import { ADMIN } from '../../core/contract';
import fs from 'node:fs';
import path from 'node:path';
import type { Leftover, LeftoverKind } from '../../core/contract';
import { DbError } from '../errors';
import type { Store } from '../store/store';
import { backupSettings } from './create-backup';
import { isBackupLeftover } from './manifest';

const STAMP = '\\d{4}-\\d{2}-\\d{2}T\\d{2}-\\d{2}-\\d{2}-\\d{3}Z';

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

interface Group {
  kind: LeftoverKind;
  place: Leftover['place'];
  dir: string;
  name: string;
  files: string[];
}

/** The data folder's leftovers, grouped: a before-restore copy (database, -wal, -shm, key file) or an orphan set by their time stamp. */
function dataFolderGroups(store: Store): Group[] {
  const dir = store.paths.dir;
  const db = escape(path.basename(store.paths.db));
  const keys = escape(path.basename(store.paths.keyfile));
  const beforeRestore = new RegExp(`^(?:${db}(?:-wal|-shm)?|${keys})\\.before-restore-(${STAMP})$`);
  const orphan = new RegExp(`^${db}\\.orphan-(${STAMP})(?:-wal|-shm)?$`);
  const preMigration = new RegExp(`^${db}\\.pre-migration-v\\d+-[0-9TZ-]+\\.bak$`);
  const temporary = new RegExp(`^${db}\\.(?:restore-tmp-\\d+|pre-migration-v\\d+-[0-9TZ-]+\\.bak\\.tmp-\\d+(?:-journal)?)$`);
  let names: string[];
  try {
    names = fs.readdirSync(dir).sort();
  } catch {
    return [];
  }
  const groups = new Map<string, Group>();
  const add = (key: string, kind: LeftoverKind, name: string, primary: boolean): void => {
    const g = groups.get(key) ?? { kind, place: 'data_folder', dir, name, files: [] };
    g.files.push(name);
    if (primary) g.name = name;
    groups.set(key, g);
  };
  for (const name of names) {
    const restored = beforeRestore.exec(name);
    const orphaned = orphan.exec(name);
    if (restored) add(`before-restore ${restored[1]}`, 'before_restore', name, name.startsWith(`${path.basename(store.paths.db)}.before-restore-`));
    else if (orphaned) add(`orphan ${orphaned[1]}`, 'orphan', name, !name.endsWith('-wal') && !name.endsWith('-shm'));
    else if (preMigration.test(name)) add(name, 'pre_migration', name, true);
    else if (temporary.test(name)) add(name, 'backup_temp', name, true);
  }
  return [...groups.values()];
}

/** The backup folder's leftovers of stopped backups, each on its own; the running backup's file is not one. */
function backupFolderGroups(folder: string, running: string | null): Group[] {
  let names: string[];
  try {
    names = fs.readdirSync(folder).sort();
  } catch {
    return [];
  }
  return names
    .filter((name) => isBackupLeftover(name, names) && !(running && (name === running || name === `${running}-journal`)))
    .map((name) => ({ kind: 'backup_temp', place: 'backup_folder', dir: folder, name, files: [name] }));
}

function describe(g: Group): Leftover | null {
  let size = 0;
  let modified = 0;
  for (const file of g.files) {
    try {
      const st = fs.lstatSync(path.join(g.dir, file));
      if (!st.isFile()) return null;
      size += st.size;
      modified = Math.max(modified, st.mtimeMs);
    } catch {
      return null;
    }
  }
  return { name: g.name, kind: g.kind, place: g.place, files: g.files.length, sizeBytes: size, modifiedAt: new Date(modified).toISOString() };
}

async function groupsOf(store: Store, runningTemp: string | null): Promise<Group[]> {
  const { folder } = await backupSettings(store);
  const inBackups = backupFolderGroups(folder, runningTemp ? path.basename(runningTemp) : null);
  // The default backup folder lies inside the data folder, so the two listings never share a name.
  return [...dataFolderGroups(store), ...inBackups];
}

/** What earlier backups, restores, set-ups and upgrades left in the data and backup folders (administrators). */
export async function listLeftovers(store: Store, runningTemp: string | null): Promise<Leftover[]> {
  store.requireSession(ADMIN);
  return (await groupsOf(store, runningTemp)).map(describe).filter((l): l is Leftover => l !== null);
}

/**
 * Removes one leftover by the name its listing gave (never a path from outside): the name must be
 * in the worker's own listing, and its files are resolved in the folder that listing read. A copy
 * from before a restore goes only once the administrator confirms the restored data. Audited as
 * 'delete' of a 'backup_leftover' with its kind only.
 */
export async function removeLeftover(store: Store, input: { name: string; restoredDataConfirmed?: boolean }, runningTemp: string | null): Promise<void> {
  store.requireSession(ADMIN);
  const group = (await groupsOf(store, runningTemp)).find((g) => g.name === input.name);
  if (!group) throw new DbError('not_found', 'There is no such left-over file. Reload the list.').because('leftover_missing');
  if (group.kind === 'before_restore' && input.restoredDataConfirmed !== true) {
    throw new DbError('not_allowed', 'Confirm that the restored data is right before removing the copy from before the restore.').because(
      'leftover_confirm_first',
    );
  }
  try {
    for (const file of group.files) fs.rmSync(path.join(group.dir, path.basename(file)), { force: true });
  } catch (err) {
    await store.audit({ action: 'delete', entity: 'backup_leftover', entityId: group.kind, outcome: 'failed' });
    const code = (err as { code?: unknown }).code;
    throw new DbError('not_allowed', `The file could not be removed${typeof code === 'string' && /^[A-Z_]+$/.test(code) ? ` (${code})` : ''}.`).because(
      'leftover_remove_failed',
    );
  }
  await store.audit({ action: 'delete', entity: 'backup_leftover', entityId: group.kind });
}
