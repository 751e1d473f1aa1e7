import { ADMIN, CASEWORK, USER_MANAGERS } from '../core/contract';
import { writable } from '../db/handles';
import type { Assignee, AuditVerifyResult, County, District, Municipality, Role, SessionStatus, Settings, User, UserListRow } from '../core/contract';
import { runDailyBackup } from '../db/backup/create-backup';
import { assertManages } from '../db/access/user-admin';
import { damagedError, DbError } from '../db/errors';
import type { Empty, WorkerState } from './state';
import { audited } from './unit-of-work';
import { appendAudit, verifyAuditChain } from '../db/repositories/audit-log';
import { listCounties, listDistricts, listMunicipalities } from '../db/repositories/reference';
import { setSetting } from '../db/repositories/settings';
import { loggedFailedUnlocks, withPendingFailures } from '../db/repositories/failed-unlocks';
import { countEnabledWithRole, disableUser, findUserByUsername, toUser } from '../db/repositories/users';
import { slotIdFor } from '../db/keys/keyfile';
import { readPendingAttempts } from '../db/store/throttle';

/** Session, users, reference data, audit and settings: the foundation's operations. */
export const foundationOps = {
  'session:status': async (w: WorkerState, _: Empty): Promise<SessionStatus> => w.status(),

  'session:setup': async (
    w: WorkerState,
    input: { teamName: string; username: string; displayName: string; passphrase: string },
  ): Promise<{ recoveryKey: string; status: SessionStatus }> => {
    const { recoveryKey } = await w.active.setup(input);
    return { recoveryKey, status: w.status() };
  },

  'session:unlock': async (w: WorkerState, input: { username: string; passphrase: string }): Promise<SessionStatus> => {
    await w.active.unlock(input.username, input.passphrase);
    // The first unlock of a day backs up the real database, on a thread of its own: the unlock
    // answers at once. A failure is audited, never fatal; damage it finds closes the session later.
    const background = w.demo ? null : w.backgroundBackup();
    if (background) {
      await background.startIfDue(w.active);
    } else if (!w.demo) {
      await runDailyBackup(w.active);
      // The copy reads every page; if it found the file damaged, the store is closed again.
      if (!w.active.isUnlocked && w.active.isMarkedDamaged()) throw damagedError();
    }
    return w.status();
  },

  'session:lock': async (w: WorkerState, input: { reason: 'user' | 'idle' | 'shutdown' }): Promise<SessionStatus> => {
    w.active.lock(input.reason);
    return w.status();
  },

  'session:change-passphrase': async (w: WorkerState, input: { currentPassphrase: string; newPassphrase: string }): Promise<{ ok: true }> => {
    await w.active.changePassphrase(input.currentPassphrase, input.newPassphrase);
    return { ok: true };
  },

  'session:recover': async (w: WorkerState, input: { recoveryKey: string; username: string; newPassphrase: string }): Promise<SessionStatus> => {
    await w.active.recover(input.recoveryKey, input.username, input.newPassphrase);
    return w.status();
  },

  'session:acknowledge-rollback': async (w: WorkerState, _: Empty): Promise<SessionStatus> => {
    await w.active.acknowledgeRollback();
    return w.status();
  },

  'session:open-demo': async (w: WorkerState, _: Empty): Promise<{ username: string; passphrase: string; status: SessionStatus }> => {
    // Only the worker's entry hands in the demo generator; a process without one has no demo.
    const factory = w.demoFactory;
    if (!factory) throw new Error('No demo generator was handed to this worker.');
    w.active.lock('switch_user');
    w.demo = await factory.create(w.demoDir, w.env);
    return { ...factory.credentials, status: w.status() };
  },

  'session:leave-demo': async (w: WorkerState, _: Empty): Promise<SessionStatus> => {
    w.demo?.lock('switch_user');
    w.demo = null;
    return w.status();
  },

  /**
   * The accounts, each with its failed unlocks since its last successful one for a viewer who
   * manages it (team leads: caseworkers and team leads; administrators: everyone), so guessing
   * against a colleague's account is seen.
   */
  'users:list': audited(async ({ w, db, user, session, audit }, _: Empty): Promise<UserListRow[]> => {
    const rows = await w.active.listUsers();
    const bySlot = new Map(rows.map((u) => [slotIdFor(session.keyfile, u.username), u.id]));
    const pending = readPendingAttempts(w.active.paths.pendingAttempts).flatMap((a) => {
      const userId = a.kind === 'failed_unlock' && a.slot !== null ? bySlot.get(a.slot) : undefined;
      return userId === undefined ? [] : [{ userId, at: a.at }];
    });
    const failures = withPendingFailures(await loggedFailedUnlocks(db), pending);
    await audit({ action: 'read', entity: 'users' });
    return rows.map((row) => {
      const manages = user.role === 'administrator' || (user.role === 'team_lead' && CASEWORK.includes(row.role));
      return { ...toUser(row), failedUnlocks: manages ? (failures.get(row.id) ?? { count: 0, lastAt: null }) : null };
    });
  }),

  'users:assignees': async (w: WorkerState, _: Empty): Promise<Assignee[]> => {
    const rows = await w.active.listUsers();
    return rows.filter((u) => u.disabled_at === null && CASEWORK.includes(u.role)).map((u) => ({ id: u.id, displayName: u.display_name, role: u.role }));
  },

  'users:create': async (w: WorkerState, input: { username: string; displayName: string; role: Role; passphrase: string }): Promise<User> =>
    toUser(await w.active.createUser(input)),

  'users:disable': async (w: WorkerState, input: { username: string }): Promise<User> => {
    const s = w.active.requireSession(USER_MANAGERS);
    const target = await findUserByUsername(s.db, input.username);
    if (!target) throw new DbError('not_found', 'There is no user with that username.').because('user_missing');
    assertManages(s.user.role, target.role);
    if (target.disabled_at !== null) return toUser(target);
    if (target.role === 'administrator' && (await countEnabledWithRole(s.db, 'administrator')) <= 1) {
      throw new DbError('last_administrator', 'The last administrator cannot be disabled. Make another user administrator first.');
    }
    const row = await s.db.transaction().execute(async (tx) => {
      const trx = writable(tx);
      const updated = await disableUser(trx, target.id, new Date());
      await appendAudit(trx, { userId: s.user.id, role: s.user.role, action: 'disable', entity: 'user', entityId: target.id });
      return updated;
    });
    w.active.removeSlot(target.username);
    w.active.witnessNow();
    return toUser(row);
  },

  'reference:counties': async (w: WorkerState, _: Empty): Promise<County[]> => listCounties(w.active.requireSession().db),
  'reference:municipalities': async (w: WorkerState, _: Empty): Promise<Municipality[]> => listMunicipalities(w.active.requireSession().db),
  'reference:districts': async (w: WorkerState, _: Empty): Promise<District[]> => listDistricts(w.active.requireSession().db),

  'audit:verify': audited(async ({ db, audit }, _: Empty): Promise<AuditVerifyResult> => {
    const result = await verifyAuditChain(db);
    await audit({ action: 'verify', entity: 'audit_log', outcome: result.ok ? 'ok' : 'failed' });
    return result;
  }),

  'settings:get': async (w: WorkerState, _: Empty): Promise<Settings> => w.active.readSettings(w.active.requireSession().db),

  'settings:update': async (w: WorkerState, input: Partial<Settings>): Promise<Settings> => {
    const s = w.active.requireSession(ADMIN);
    const keys: Record<keyof Settings, string> = {
      teamName: 'team_name',
      idleLockMinutes: 'idle_lock_minutes',
      casePrefix: 'case_prefix',
      minimumDistanceKm: 'minimum_distance_km',
      minimumDistanceWithinCityKm: 'minimum_distance_within_city_km',
      reviewDaysHigh: 'review_days_high',
      reviewDaysMedium: 'review_days_medium',
      reviewDaysLow: 'review_days_low',
      reportThreshold: 'report_threshold',
      revealMinutes: 'reveal_minutes',
      retentionYears: 'retention_years',
      retentionKeepBirthDays: 'retention_keep_birth_days',
      researchMunicipality: 'research_municipality',
    };
    await s.db.transaction().execute(async (tx) => {
      const trx = writable(tx);
      for (const [field, key] of Object.entries(keys) as [keyof Settings, string][]) {
        if (input[field] !== undefined) await setSetting(trx, key, input[field]);
      }
      await appendAudit(trx, { userId: s.user.id, role: s.user.role, action: 'update', entity: 'settings' });
    });
    const settings = await w.active.readSettings(s.db);
    w.active.refreshSessionSettings(settings.teamName, settings.idleLockMinutes);
    return settings;
  },
} as const;

/** The host's own operations, reachable by no channel: the worker client and tests call them. */
export const internalOps = {
  /**
   * For tests and the bench: waits until the automatic backup's thread
   * (if one runs) has exited; its outcome is recorded right after this answers. False when none ran.
   */
  'host.backup-settled': async (w: WorkerState, _: Empty): Promise<{ waited: boolean }> => ({
    waited: (await w.backgroundBackup()?.threadEnded()) ?? false,
  }),

  /** Locks every store and closes them, checkpointing the WAL. */
  'host.shutdown': async (w: WorkerState, _: Empty): Promise<{ ok: true }> => {
    // A running backup is stopped, not waited for: quitting must not hang on it.
    w.backgroundBackup()?.stop();
    w.demo?.lock('shutdown');
    w.real.lock('shutdown');
    return { ok: true };
  },
} as const;
