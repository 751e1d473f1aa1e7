import crypto from 'node:crypto';
import type { ReadDb, WriteDb } from '../handles';
import { writable } from '../handles';
import fs from 'node:fs';
import { Kysely, SqliteDialect } from 'kysely';
import {
  CASE_PREFIX_DEFAULT,
  IDLE_LOCK_MINUTES_DEFAULT,
  MINIMUM_DISTANCE_KM_DEFAULT,
  MINIMUM_DISTANCE_WITHIN_CITY_KM_DEFAULT,
  REPORT_THRESHOLD_DEFAULT,
  REVEAL_MINUTES_DEFAULT,
  REVIEW_DAYS_DEFAULT,
  type Role,
  type RollbackWarning,
  type SessionUser,
  type Settings,
  ADMIN,
  USER_MANAGERS,
} from '../../core/contract';
import { auditHash as auditHashOf, GENESIS_HASH } from '../audit/chain';
import { applyRequiredPragmas, isTruncatedDatabase, openKeyed, type SqliteDb } from '../connection/open';
import { registerReportFunctions } from '../connection/report-functions';
import { withStatementCache } from '../connection/statement-cache';
import { assertManages } from '../access/user-admin';
import { damagedError, DbError, isDamageError, isDiskFullError } from '../errors';
import { ensurePrivateDir, restrictDatabaseFiles, writeFileAtomic } from '../files/secure-files';
import { assertAcceptable, deriveKek, KDF_FLOOR, KDF_TEST, newKdfParams, testKdfAllowed } from '../keys/kdf';
import {
  canonicalSlot,
  KEYFILE_FORMAT,
  KEYFILE_VERSION,
  readKeyfile,
  recoveryAad,
  slotAad,
  slotIdFor,
  writeKeyfile,
  type Keyfile,
  type UserSlot,
} from '../keys/keyfile';
import { formatRecoveryKey, generateRecoverySecret, parseRecoveryKey } from '../keys/recovery-key';
import { unwrapKey, wrapKey } from '../keys/wrap';
import { effectiveThreshold } from '../../core/rules/suppression';
import { assertNotFromFuture, migrate } from '../migrations/runner';
import { syncBuiltinInstruments } from '../reference/instruments';
import { syncReferenceData } from '../reference/sync';
import { appendAudit, type AuditEntry } from '../repositories/audit-log';
import { readRetentionSettings } from '../repositories/retention';
import { getSetting, setSetting } from '../repositories/settings';
import { findUserByUsername, insertUser, listUsers, updateWrappedKey } from '../repositories/users';
import type { DB, UserRow } from '../schema';
import { compareWithWitness, decodeWitness, encodeWitness, witnessKey } from '../witness/chain-witness';
import type { WitnessStore } from '../witness/witness-store';
import { loggedAttemptIds } from './attempt-log';
import { clearDeferredAudit, deferAudit, readDeferredAudit } from './deferred-audit';
import { storePaths, type StorePaths } from './paths';
import { applyTestPageLimit } from './test-page-limit';
import {
  bucketRetryAfter,
  clearPendingAttempts,
  installationRetryAfter,
  newAttemptId,
  readPacing,
  readPendingAttempts,
  RECOVERY_BUCKET,
  recordPendingAttempt,
  withFailure,
  withSuccess,
  writePacing,
} from './throttle';

export interface StoreStatus {
  state: 'new' | 'locked' | 'unlocked';
  user: SessionUser | null;
  teamName: string | null;
  idleLockMinutes: number | null;
  retryAfterSeconds: number;
  /** The database file was found damaged; only restoring a backup helps. */
  damaged: boolean;
  /** The database is older than (or differs from) the witnessed chain head, until an administrator acknowledges it. */
  rollbackWarning: RollbackWarning | null;
}

interface OpenSession {
  sqlite: SqliteDb;
  db: WriteDb;
  dataKey: Buffer;
  keyfile: Keyfile;
  user: SessionUser;
  teamName: string;
  idleLockMinutes: number;
  /** What else holds the key or a connection for this session, closed when it ends. */
  closers: (() => void)[];
  rollbackWarning: RollbackWarning | null;
  /** When the witness was last brought up to this session's head (ms since the epoch). */
  witnessedAt: number;
}

/** What the witness said at unlock, before the session wrote anything. */
type WitnessVerdict = { ok: true } | { ok: false; warning: RollbackWarning };

/** The setting that keeps an unacknowledged rollback warning in the database. */
const ROLLBACK_WARNING_SETTING = 'rollback_warning';

export interface StoreOptions {
  now?: () => Date;
  env?: NodeJS.ProcessEnv;
  /** Where the audit chain head is witnessed outside the data folder; none for the demo and bare tests. */
  witness?: WitnessStore | null;
}

/** Closes what a session's companions hold; each is closed even when one fails. */
function closeCompanions(s: OpenSession): void {
  for (const close of s.closers.splice(0)) {
    try {
      close();
    } catch {
      // A companion that fails to close must not keep the connection open or the key in memory.
    }
  }
}

const WRONG_CREDENTIALS = 'Wrong username or passphrase.';

/**
 * One installation's encrypted database and key file, and the session on it. Holds the data key
 * only while unlocked; locking closes the connection and overwrites the key in memory.
 */
export class Store {
  readonly paths: StorePaths;
  private session: OpenSession | null = null;
  private readonly now: () => Date;
  private readonly env: NodeJS.ProcessEnv;
  private readonly witness: WitnessStore | null;

  constructor(dir: string, options: StoreOptions = {}) {
    this.paths = storePaths(dir);
    this.now = options.now ?? (() => new Date());
    this.env = options.env ?? process.env;
    this.witness = options.witness ?? null;
  }

  /** Where the app stands: new installation, locked, or unlocked as a user. */
  status(): StoreStatus {
    const s = this.session;
    if (s) {
      return {
        state: 'unlocked',
        user: s.user,
        teamName: s.teamName,
        idleLockMinutes: s.idleLockMinutes,
        retryAfterSeconds: 0,
        damaged: false,
        rollbackWarning: s.rollbackWarning,
      };
    }
    const exists = fs.existsSync(this.paths.keyfile);
    return {
      state: exists ? 'locked' : 'new',
      user: null,
      teamName: null,
      idleLockMinutes: null,
      // The installation-wide wait only: one account's would tell which usernames exist.
      retryAfterSeconds: exists ? installationRetryAfter(readPacing(this.paths.pacing), this.now()) : 0,
      damaged: exists && this.isMarkedDamaged(),
      rollbackWarning: null,
    };
  }

  /**
   * True while the database is known damaged: the marker is present (set when a read found the file
   * damaged), or the key file names a database that is missing or too short to be one.
   */
  isMarkedDamaged(): boolean {
    return fs.existsSync(this.paths.damaged) || (fs.existsSync(this.paths.keyfile) && this.databaseFileLost());
  }

  /** The database file is missing or shorter than one page: nothing in it can be opened. */
  private databaseFileLost(): boolean {
    return !fs.existsSync(this.paths.db) || isTruncatedDatabase(this.paths.db);
  }

  /**
   * Records that the database file is damaged and closes it at once: no audit row (writing into a
   * damaged file could spread the damage), the key overwritten. Survives a restart, so the unlock
   * screen can offer a restore before anyone types a passphrase.
   */
  markDamaged(): void {
    try {
      ensurePrivateDir(this.paths.dir);
      writeFileAtomic(this.paths.damaged, `${JSON.stringify({ at: this.now().toISOString() })}\n`);
    } finally {
      const s = this.session;
      this.session = null;
      if (s) {
        try {
          closeCompanions(s);
          s.sqlite.close();
        } finally {
          s.dataKey.fill(0);
        }
      }
    }
  }

  /** Forgets the damage marker (after a restore put a good file in place). */
  clearDamaged(): void {
    fs.rmSync(this.paths.damaged, { force: true });
  }

  /**
   * Checks a passphrase against the key file alone, without opening the database: for restoring a
   * damaged one. Throttled and recorded like an unlock attempt. The caller must overwrite the key.
   */
  async checkPassphrase(username: string, passphrase: string): Promise<{ keyfile: Keyfile; dataKey: Buffer }> {
    const keyfile = this.requireKeyfile();
    this.assertNotThrottled();
    const { slotId, bucket, dataKey } = await this.unwrapSlot(keyfile, username, passphrase);
    this.assertNotThrottled(bucket, dataKey);
    if (!dataKey) this.failAttempt('failed_unlock', slotId, bucket, WRONG_CREDENTIALS);
    return { keyfile, dataKey };
  }

  /** The store's clock (injectable for tests through the `now` option). */
  clock(): Date {
    return this.now();
  }

  get isUnlocked(): boolean {
    return this.session !== null;
  }

  /** The open session; throws `locked` when there is none. */
  requireSession(roles?: readonly Role[]): OpenSession {
    const s = this.session;
    if (!s) throw new DbError('locked', 'Fristad is locked. Unlock it to continue.');
    applyTestPageLimit(s.sqlite, this.env);
    if (roles && !roles.includes(s.user.role)) throw new DbError('forbidden', 'Your role does not allow this.');
    return s;
  }

  /** Creates the encrypted database, the first administrator and the recovery key; leaves it unlocked. */
  async setup(input: { teamName: string; username: string; displayName: string; passphrase: string }): Promise<{ recoveryKey: string }> {
    if (fs.existsSync(this.paths.keyfile)) throw new DbError('already_set_up', 'Fristad is already set up here.');
    ensurePrivateDir(this.paths.dir);
    this.moveAsideOrphanDatabase();

    const dataKey = crypto.randomBytes(32);
    const recoverySecret = generateRecoverySecret();
    const keyfile: Keyfile = {
      format: KEYFILE_FORMAT,
      version: KEYFILE_VERSION,
      installationId: crypto.randomUUID(),
      slotSalt: crypto.randomBytes(16).toString('base64'),
      cipher: { name: 'sqlcipher', legacy: 4 },
      slots: {},
      recovery: { salt: '', wrapped: { iv: '', ct: '', tag: '' } },
    };
    const recoverySalt = crypto.randomBytes(16);
    keyfile.recovery = {
      salt: recoverySalt.toString('base64'),
      wrapped: wrapKey(dataKey, this.recoveryKek(recoverySecret, recoverySalt), recoveryAad(keyfile.installationId)),
    };
    const slot = await this.newSlot(keyfile, input.username, input.passphrase, dataKey);

    const { sqlite, db } = this.openDatabase(dataKey, { create: true });
    try {
      await migrate(sqlite, db, this.paths.db);
      await syncReferenceData(db);
      await syncBuiltinInstruments(db, this.now());
      const user = await db.transaction().execute(async (tx) => {
        const trx = writable(tx);
        await setSetting(trx, 'team_name', input.teamName);
        await setSetting(trx, 'idle_lock_minutes', IDLE_LOCK_MINUTES_DEFAULT);
        const row = await insertUser(trx, {
          username: input.username,
          display_name: input.displayName,
          role: 'administrator',
          wrapped_key: canonicalSlot(slot),
          created_at: this.now().toISOString(),
          disabled_at: null,
        });
        await appendAudit(trx, { userId: row.id, role: row.role, action: 'setup', entity: 'installation', at: this.now() });
        await appendAudit(trx, { userId: row.id, role: row.role, action: 'create', entity: 'user', entityId: row.id, at: this.now() });
        return row;
      });
      // The key file is written last: until it exists, the installation counts as new.
      writeKeyfile(this.paths.keyfile, keyfile);
      restrictDatabaseFiles(this.paths.db);
      this.session = {
        sqlite,
        db: writable(db),
        dataKey,
        keyfile,
        user: toSessionUser(user),
        teamName: input.teamName,
        idleLockMinutes: IDLE_LOCK_MINUTES_DEFAULT,
        closers: [],
        rollbackWarning: null,
        witnessedAt: 0,
      };
      this.witnessNow();
    } catch (err) {
      sqlite.close();
      throw err;
    }
    return { recoveryKey: formatRecoveryKey(recoverySecret) };
  }

  /** Unlocks with a user's passphrase; every attempt ends up in the audit log. */
  async unlock(username: string, passphrase: string): Promise<void> {
    const keyfile = this.requireKeyfile();
    this.assertNotThrottled();
    if (this.session) this.lock('switch_user');

    const { slotId, slot, bucket, dataKey } = await this.unwrapSlot(keyfile, username, passphrase);
    this.assertNotThrottled(bucket, dataKey);
    if (!dataKey) this.failAttempt('failed_unlock', slotId, bucket, WRONG_CREDENTIALS);
    const { sqlite, db } = this.openDatabase(dataKey);
    try {
      this.recheckIfMarkedDamaged(sqlite);
      await migrate(sqlite, db, this.paths.db);
      await this.unlessDiskFull(() => syncReferenceData(db));
      await this.unlessDiskFull(() => syncBuiltinInstruments(db, this.now()));
      const row = await findUserByUsername(db, username);
      // A disabled user, or a slot that differs from the database's copy (an old key file put back), is refused.
      if (!row || row.disabled_at !== null || !slot || row.wrapped_key !== canonicalSlot(slot)) {
        sqlite.close();
        dataKey.fill(0);
        this.failAttempt('failed_unlock', slotId, bucket, WRONG_CREDENTIALS);
      }
      const verdict = this.compareWitness(sqlite, dataKey, keyfile);
      try {
        await this.startSession(sqlite, db, dataKey, keyfile, row, 'unlock');
      } catch (err) {
        // A full disk must not keep the user out: the unlock row waits beside the database.
        if (!isDiskFullError(err)) throw err;
        deferAudit(this.paths.deferredAudit, { at: this.now().toISOString(), action: 'unlock', userId: row.id, role: row.role, entityId: null });
        await this.startSession(sqlite, db, dataKey, keyfile, row, null);
      }
      await this.flushDeferredAudit();
      await this.settleWitness(verdict);
    } catch (err) {
      if (sqlite.open) sqlite.close();
      throw this.damageChecked(err);
    }
  }

  /** Unlocks with the organisation recovery key and gives the user a new passphrase. */
  async recover(recoveryKeyText: string, username: string, newPassphrase: string): Promise<void> {
    const keyfile = this.requireKeyfile();
    this.assertNotThrottled(RECOVERY_BUCKET);
    if (this.session) this.lock('switch_user');
    const secret = parseRecoveryKey(recoveryKeyText);
    const dataKey = secret
      ? unwrapKey(keyfile.recovery.wrapped, this.recoveryKek(secret, Buffer.from(keyfile.recovery.salt, 'base64')), recoveryAad(keyfile.installationId))
      : null;
    if (!dataKey) this.failAttempt('failed_recover', null, RECOVERY_BUCKET, 'The recovery key is not right. Check it against the printed copy.');

    const { sqlite, db } = this.openDatabase(dataKey);
    try {
      this.recheckIfMarkedDamaged(sqlite);
      await migrate(sqlite, db, this.paths.db);
      await syncReferenceData(db);
      await syncBuiltinInstruments(db, this.now());
      const row = await findUserByUsername(db, username);
      if (!row || row.disabled_at !== null) throw new DbError('not_found', 'There is no active user with that username.').because('user_missing');
      const slot = await this.newSlot(keyfile, row.username, newPassphrase, dataKey);
      await db.transaction().execute(async (tx) => {
        const trx = writable(tx);
        await updateWrappedKey(trx, row.id, canonicalSlot(slot));
        await appendAudit(trx, { userId: row.id, role: row.role, action: 'recover', entity: 'user', entityId: row.id, at: this.now() });
      });
      writeKeyfile(this.paths.keyfile, keyfile);
      const verdict = this.compareWitness(sqlite, dataKey, keyfile);
      await this.startSession(sqlite, db, dataKey, keyfile, { ...row, wrapped_key: canonicalSlot(slot) }, null);
      await this.settleWitness(verdict);
    } catch (err) {
      if (sqlite.open) sqlite.close();
      throw this.damageChecked(err);
    }
  }

  /** Re-wraps the data key under a new passphrase; the database itself is not re-encrypted. */
  async changePassphrase(current: string, next: string): Promise<void> {
    const s = this.requireSession();
    const slotId = slotIdFor(s.keyfile, s.user.username);
    const slot = s.keyfile.slots[slotId];
    const check = slot ? unwrapKey(slot.wrapped, await deriveKek(current, slot.kdf), slotAad(s.keyfile.installationId, slotId)) : null;
    if (!check || !crypto.timingSafeEqual(check, s.dataKey)) {
      await appendAudit(s.db, {
        userId: s.user.id,
        role: s.user.role,
        action: 'change_passphrase',
        entity: 'user',
        entityId: s.user.id,
        outcome: 'failed',
        at: this.now(),
      });
      throw new DbError('wrong_credentials', 'The current passphrase is not right.');
    }
    check.fill(0);
    const fresh = await this.newSlot(s.keyfile, s.user.username, next, s.dataKey);
    await s.db.transaction().execute(async (tx) => {
      const trx = writable(tx);
      await updateWrappedKey(trx, s.user.id, canonicalSlot(fresh));
      await appendAudit(trx, { userId: s.user.id, role: s.user.role, action: 'change_passphrase', entity: 'user', entityId: s.user.id, at: this.now() });
    });
    writeKeyfile(this.paths.keyfile, s.keyfile);
    this.witnessNow();
  }

  /** Creates a user with a first passphrase (administrators, and team leads for case-work roles). */
  async createUser(input: { username: string; displayName: string; role: Role; passphrase: string }): Promise<UserRow> {
    const s = this.requireSession(USER_MANAGERS);
    assertManages(s.user.role, input.role);
    if (await findUserByUsername(s.db, input.username)) throw new DbError('user_exists', 'That username is taken.');
    const slot = await this.newSlot(s.keyfile, input.username, input.passphrase, s.dataKey);
    const row = await s.db.transaction().execute(async (tx) => {
      const trx = writable(tx);
      const created = await insertUser(trx, {
        username: input.username,
        display_name: input.displayName,
        role: input.role,
        wrapped_key: canonicalSlot(slot),
        created_at: this.now().toISOString(),
        disabled_at: null,
      });
      await appendAudit(trx, { userId: s.user.id, role: s.user.role, action: 'create', entity: 'user', entityId: created.id, at: this.now() });
      return created;
    });
    writeKeyfile(this.paths.keyfile, s.keyfile);
    return row;
  }

  /** Removes a disabled user's key slot so the passphrase no longer opens anything. */
  removeSlot(username: string): void {
    const s = this.requireSession(USER_MANAGERS);
    const gone = slotIdFor(s.keyfile, username);
    s.keyfile.slots = Object.fromEntries(Object.entries(s.keyfile.slots).filter(([id]) => id !== gone));
    writeKeyfile(this.paths.keyfile, s.keyfile);
  }

  /** Updates the cached settings shown in the session status. */
  refreshSessionSettings(teamName: string, idleLockMinutes: number): void {
    if (this.session) {
      this.session.teamName = teamName;
      this.session.idleLockMinutes = idleLockMinutes;
    }
  }

  /** Writes an audit row for the current user in its own transaction. */
  async audit(entry: Omit<AuditEntry, 'userId' | 'role'>): Promise<void> {
    const s = this.requireSession();
    await appendAudit(s.db, { ...entry, userId: s.user.id, role: s.user.role, at: entry.at ?? this.now() });
  }

  /** Locks: closes the session's companions, audits, checkpoints the WAL, closes the connection and overwrites the key in memory. */
  lock(reason: 'user' | 'idle' | 'shutdown' | 'switch_user' | 'restore' = 'user'): void {
    const s = this.session;
    if (!s) return;
    this.session = null;
    try {
      // What else holds the key goes first (closing never throws), whatever happens to the audit row.
      closeCompanions(s);
      try {
        s.sqlite
          .prepare('INSERT INTO audit_log (seq, at, user_id, role, action, entity, entity_id, outcome, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
          .run(...this.lockAuditRow(s, reason));
      } catch (err) {
        // Locking must work on a full disk: the row waits beside the database for the next unlock.
        if (!isDiskFullError(err)) throw err;
        deferAudit(this.paths.deferredAudit, { at: this.now().toISOString(), action: 'lock', userId: s.user.id, role: s.user.role, entityId: reason });
      }
      try {
        s.sqlite.pragma('wal_checkpoint(TRUNCATE)');
      } catch (err) {
        // Without room the log stays beside the database; everything in it is kept and read back.
        if (!isDiskFullError(err)) throw err;
      }
      this.writeWitness(s);
    } finally {
      s.sqlite.close();
      s.dataKey.fill(0);
    }
  }

  /** Runs `close` when the open session ends (lock, damage): for what holds its key or a connection. */
  onSessionEnd(close: () => void): void {
    this.requireSession().closers.push(close);
  }

  /** Lists users (for the users view). */
  async listUsers(): Promise<UserRow[]> {
    return listUsers(this.requireSession().db);
  }

  /** Reads the team settings from the open database. */
  async readSettings(db: ReadDb): Promise<Settings> {
    return {
      teamName: await getSetting(db, 'team_name', ''),
      idleLockMinutes: await getSetting(db, 'idle_lock_minutes', IDLE_LOCK_MINUTES_DEFAULT),
      casePrefix: await getSetting(db, 'case_prefix', CASE_PREFIX_DEFAULT),
      minimumDistanceKm: await getSetting(db, 'minimum_distance_km', MINIMUM_DISTANCE_KM_DEFAULT),
      minimumDistanceWithinCityKm: await getSetting(db, 'minimum_distance_within_city_km', MINIMUM_DISTANCE_WITHIN_CITY_KM_DEFAULT),
      reviewDaysHigh: await getSetting(db, 'review_days_high', REVIEW_DAYS_DEFAULT.high),
      reviewDaysMedium: await getSetting(db, 'review_days_medium', REVIEW_DAYS_DEFAULT.medium),
      reviewDaysLow: await getSetting(db, 'review_days_low', REVIEW_DAYS_DEFAULT.low),
      reportThreshold: effectiveThreshold(await getSetting<number | null>(db, 'report_threshold', REPORT_THRESHOLD_DEFAULT)),
      revealMinutes: await getSetting(db, 'reveal_minutes', REVEAL_MINUTES_DEFAULT),
      ...(await readRetentionSettings(db)),
    };
  }

  /**
   * Brings the witness up to the session's audit chain head now (after significant actions: a
   * reveal, disabling a user, a passphrase change). Never while a rollback warning is open: the
   * witness keeps the newer head until an administrator acknowledges. A witness that cannot be
   * written never fails the action.
   */
  witnessNow(): void {
    const s = this.session;
    if (s) this.writeWitness(s);
  }

  /** Brings the witness up to date when the last update is older than `intervalMs` (called after each request). */
  witnessIfDue(intervalMs: number): void {
    const s = this.session;
    if (s && Date.now() - s.witnessedAt >= intervalMs) this.writeWitness(s);
  }

  /**
   * An administrator acknowledges the rollback warning (audited); the witness is then re-based on
   * this database's head, and the warning is gone for everyone.
   */
  async acknowledgeRollback(): Promise<void> {
    const s = this.requireSession(ADMIN);
    const warning = s.rollbackWarning;
    if (!warning) throw new DbError('not_allowed', 'There is no warning about an older database to acknowledge.').because('rollback_warning_none');
    await s.db.transaction().execute(async (tx) => {
      const trx = writable(tx);
      await trx.deleteFrom('settings').where('key', '=', ROLLBACK_WARNING_SETTING).execute();
      await appendAudit(trx, {
        userId: s.user.id,
        role: s.user.role,
        action: 'acknowledge',
        entity: 'rollback_warning',
        entityId: warning.kind,
        at: this.now(),
      });
    });
    s.rollbackWarning = null;
    this.writeWitness(s);
  }

  /**
   * Re-bases the witness on a database just put in place by a restore, which legitimately goes
   * back in time; the store is locked, so the caller passes the open connection and the key.
   */
  rebaseWitness(sqlite: SqliteDb, dataKey: Buffer, installationId: string): void {
    if (!this.witness) return;
    const head = chainHead(sqlite);
    this.witness.write(installationId, encodeWitness(witnessKey(dataKey, installationId), installationId, { ...head, seenAt: this.now().toISOString() }));
  }

  private writeWitness(s: OpenSession): void {
    if (!this.witness || s.rollbackWarning) return;
    try {
      const id = s.keyfile.installationId;
      const head = chainHead(s.sqlite);
      this.witness.write(id, encodeWitness(witnessKey(s.dataKey, id), id, { ...head, seenAt: this.now().toISOString() }));
      s.witnessedAt = Date.now();
    } catch (err) {
      // The next update tries again; only the kind of failure is logged.
      console.error(`[fristad-db] the chain witness could not be written: ${(err as { code?: string }).code ?? 'error'}`);
    }
  }

  /** Compares the database as found (before this session writes) with the witness; read only. */
  private compareWitness(sqlite: SqliteDb, dataKey: Buffer, keyfile: Keyfile): WitnessVerdict {
    if (!this.witness) return { ok: true };
    const found = chainHead(sqlite);
    const id = keyfile.installationId;
    let text: string | null;
    try {
      text = this.witness.read(id);
    } catch {
      text = '';
    }
    if (text === null) return { ok: true };
    const witnessed = decodeWitness(witnessKey(dataKey, id), id, text);
    const detectedAt = this.now().toISOString();
    if (witnessed === 'tampered') {
      return {
        ok: false,
        warning: { kind: 'tampered', witnessedSequence: null, witnessedHash: null, witnessedAt: null, foundSequence: found.sequence, detectedAt },
      };
    }
    const hashAt = (seq: number): string | undefined =>
      (sqlite.prepare('SELECT hash FROM audit_log WHERE seq = ?').get(seq) as { hash: string } | undefined)?.hash;
    const kind = compareWithWitness(witnessed, { sequence: found.sequence, hashAt });
    if (kind === 'same') return { ok: true };
    return {
      ok: false,
      warning: {
        kind,
        witnessedSequence: witnessed.sequence,
        witnessedHash: witnessed.hash,
        witnessedAt: witnessed.seenAt,
        foundSequence: found.sequence,
        detectedAt,
      },
    };
  }

  /**
   * After unlocking: a new finding is audited (`rollback_detected`) and kept in the database until
   * acknowledged; an open warning stays on the session; with none, the witness moves to this head.
   * Never fails the unlock: locking someone out of their only copy would be worse.
   */
  private async settleWitness(verdict: WitnessVerdict): Promise<void> {
    const s = this.session;
    if (!s || !this.witness) return;
    try {
      const open = await getSetting<RollbackWarning | null>(s.db, ROLLBACK_WARNING_SETTING, null);
      if (!verdict.ok && !sameFinding(open, verdict.warning)) {
        const w = verdict.warning;
        await s.db.transaction().execute(async (tx) => {
          const trx = writable(tx);
          await setSetting(trx, ROLLBACK_WARNING_SETTING, w);
          await appendAudit(trx, {
            userId: s.user.id,
            role: s.user.role,
            action: 'rollback_detected',
            entity: 'database',
            entityId: `${w.kind}:${w.witnessedSequence ?? '-'}:${w.foundSequence}`,
            outcome: 'failed',
            at: this.now(),
          });
        });
        s.rollbackWarning = w;
      } else {
        s.rollbackWarning = open;
      }
    } catch (err) {
      if (!verdict.ok) s.rollbackWarning = verdict.warning;
      console.error(`[fristad-db] the rollback finding could not be recorded: ${(err as { code?: string }).code ?? 'error'}`);
    }
    this.writeWitness(s);
  }

  /** Runs a write the unlock can do without (reference data kept current); a full disk defers it to a later unlock. */
  private async unlessDiskFull(write: () => Promise<unknown>): Promise<void> {
    try {
      await write();
    } catch (err) {
      if (!isDiskFullError(err)) throw err;
    }
  }

  /** Moves lock and unlock rows written aside on a full disk into the audit log, once there is room. */
  private async flushDeferredAudit(): Promise<void> {
    const s = this.session;
    const rows = readDeferredAudit(this.paths.deferredAudit);
    if (!s || rows.length === 0) return;
    try {
      await s.db.transaction().execute(async (tx) => {
        const trx = writable(tx);
        for (const r of rows) {
          await appendAudit(trx, {
            userId: r.userId,
            role: r.role,
            action: r.action,
            entity: 'session',
            entityId: r.entityId ?? undefined,
            at: new Date(r.at),
          });
        }
      });
      clearDeferredAudit(this.paths.deferredAudit);
    } catch (err) {
      if (!isDiskFullError(err)) throw err;
    }
  }

  private lockAuditRow(s: OpenSession, reason: string): unknown[] {
    // Locking must work even when an async query is stuck, so this row is written synchronously.
    const last = s.sqlite.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string } | undefined;
    const row = {
      seq: (last?.seq ?? 0) + 1,
      at: this.now().toISOString(),
      user_id: s.user.id,
      role: s.user.role,
      action: 'lock',
      entity: 'session',
      entity_id: reason,
      outcome: 'ok',
    };
    const prev = last?.hash ?? GENESIS_HASH;
    return [row.seq, row.at, row.user_id, row.role, row.action, row.entity, row.entity_id, row.outcome, prev, auditHashOf(prev, row)];
  }

  private async startSession(sqlite: SqliteDb, db: WriteDb, dataKey: Buffer, keyfile: Keyfile, row: UserRow, action: 'unlock' | null): Promise<void> {
    const pending = readPendingAttempts(this.paths.pendingAttempts);
    const users = pending.length > 0 ? await listUsers(db) : [];
    const bySlot = new Map(users.map((u) => [slotIdFor(keyfile, u.username), u]));
    await db.transaction().execute(async (tx) => {
      const trx = writable(tx);
      // Attempts already moved by a run cut short before the file was removed are not written twice.
      const logged = await loggedAttemptIds(trx, pending);
      for (const attempt of pending) {
        if (attempt.id !== undefined && logged.has(attempt.id)) continue;
        const who = attempt.slot ? bySlot.get(attempt.slot) : undefined;
        await appendAudit(trx, {
          userId: who?.id ?? null,
          role: who?.role ?? null,
          action: attempt.kind,
          entity: 'session',
          entityId: attempt.id ?? null,
          outcome: 'failed',
          at: new Date(attempt.at),
        });
      }
      if (action) await appendAudit(trx, { userId: row.id, role: row.role, action, entity: 'session', at: this.now() });
    });
    clearPendingAttempts(this.paths.pendingAttempts);
    // Only this user's own failures are forgotten (and the recovery key's, after a recovery, the
    // one start without an unlock row); other accounts stay paced.
    const succeeded = action === null ? [slotIdFor(keyfile, row.username), RECOVERY_BUCKET] : [slotIdFor(keyfile, row.username)];
    writePacing(this.paths.pacing, withSuccess(readPacing(this.paths.pacing), succeeded, this.now()));
    const { teamName, idleLockMinutes } = await this.readSettings(db);
    restrictDatabaseFiles(this.paths.db);
    this.session = {
      sqlite,
      db: writable(db),
      dataKey,
      keyfile,
      user: toSessionUser(row),
      teamName,
      idleLockMinutes,
      closers: [],
      rollbackWarning: null,
      witnessedAt: 0,
    };
  }

  /** The slot a username names, the key it unwraps (null when wrong or unknown) and the pacing bucket of the attempt. */
  private async unwrapSlot(
    keyfile: Keyfile,
    username: string,
    passphrase: string,
  ): Promise<{ slotId: string | null; slot: UserSlot | undefined; bucket: string; dataKey: Buffer | null }> {
    const slotId = slotIdFor(keyfile, username);
    const slot = keyfile.slots[slotId];
    if (!slot) {
      // Spend the same work for an unknown user, so timing does not tell which usernames exist.
      // The work paces the name: a slow hash of it, so a passphrase typed as a username is not
      // kept in the pacing file any weaker than in the key file.
      const hashed = await deriveKek(username.trim().toLowerCase(), {
        alg: 'argon2id',
        ...(testKdfAllowed(this.env) ? KDF_TEST : KDF_FLOOR),
        salt: keyfile.slotSalt,
      });
      const bucket = `name:${hashed.subarray(0, 16).toString('base64url')}`;
      hashed.fill(0);
      return { slotId: null, slot, bucket, dataKey: null };
    }
    assertAcceptable(slot.kdf, this.env);
    return { slotId, slot, bucket: slotId, dataKey: unwrapKey(slot.wrapped, await deriveKek(passphrase, slot.kdf), slotAad(keyfile.installationId, slotId)) };
  }

  /**
   * A damage found while opening marks the store damaged and becomes the one damaged refusal;
   * anything else passes through unchanged.
   */
  private damageChecked(err: unknown): unknown {
    if (!isDamageError(err)) return err;
    this.markDamaged();
    return damagedError();
  }

  /**
   * Reading every page costs time in proportion to the file (seconds at city scale), so it is not
   * done at every unlock: damage shows on the first read of a bad page (each page carries an HMAC)
   * and the daily backup reads every page. Once a file has been found damaged, though, each unlock
   * checks it in full until a restore clears the marker, so it cannot be reopened by luck.
   */
  private recheckIfMarkedDamaged(sqlite: SqliteDb): void {
    if (!this.isMarkedDamaged()) return;
    const rows = sqlite.pragma('quick_check') as { quick_check: string }[];
    if (rows.length !== 1 || rows[0]?.quick_check !== 'ok') throw damagedError();
    // A whole file that checks out (IT put a good copy back by hand): the marker has done its job.
    this.clearDamaged();
  }

  /**
   * Opens the database with a key the key file has proven. Only setup creates the file: where the
   * key file says a database exists, a missing or truncated file is damage to restore, never a
   * place for a new empty database.
   */
  private openDatabase(dataKey: Buffer, options: { create?: boolean } = {}): { sqlite: SqliteDb; db: WriteDb } {
    ensurePrivateDir(this.paths.dir);
    if (!options.create && this.databaseFileLost()) throw this.damageChecked(damagedError());
    let sqlite: SqliteDb;
    try {
      sqlite = openKeyed(this.paths.db, dataKey, { fileMustExist: !options.create });
    } catch (err) {
      // The key file has already proven this key, so a file the key does not open is damaged
      // (or is not this installation's database).
      if (err instanceof DbError && err.code === 'wrong_credentials') throw this.damageChecked(damagedError());
      throw this.damageChecked(err);
    }
    try {
      // Refuse a newer file before any pragma or migration can write to it.
      assertNotFromFuture(sqlite);
      applyRequiredPragmas(sqlite);
      applyTestPageLimit(sqlite, this.env);
      registerReportFunctions(sqlite);
    } catch (err) {
      if (sqlite.open) sqlite.close();
      throw err;
    }
    return { sqlite, db: writable(new Kysely<DB>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) })) };
  }

  private async newSlot(keyfile: Keyfile, username: string, passphrase: string, dataKey: Buffer): Promise<UserSlot> {
    const slotId = slotIdFor(keyfile, username);
    const kdf = newKdfParams(crypto.randomBytes(16).toString('base64'), this.env);
    const slot: UserSlot = {
      kdf,
      wrapped: wrapKey(dataKey, await deriveKek(passphrase, kdf), slotAad(keyfile.installationId, slotId)),
      createdAt: this.now().toISOString(),
    };
    keyfile.slots[slotId] = slot;
    return slot;
  }

  private recoveryKek(secret: Buffer, salt: Buffer): Buffer {
    // The recovery secret is 256 random bits, so a fast key derivation is enough.
    return Buffer.from(crypto.hkdfSync('sha256', secret, salt, 'fristad-recovery-kek-v1', 32));
  }

  private requireKeyfile(): Keyfile {
    const keyfile = readKeyfile(this.paths.keyfile);
    if (!keyfile) throw new DbError('not_set_up', 'Fristad is not set up yet.');
    return keyfile;
  }

  /**
   * Refuses while guessing is paced: without a bucket, by the installation-wide limit (checked
   * before any work); with one, also by that account's own failures. The account is known only
   * after the key derivation, which an unknown name spends as well, so a refusal takes the same
   * time and says the same whether the name exists. A key derived meanwhile is overwritten.
   */
  private assertNotThrottled(bucket?: string, dataKey?: Buffer | null): void {
    const state = readPacing(this.paths.pacing);
    const wait = bucket === undefined ? installationRetryAfter(state, this.now()) : bucketRetryAfter(state, bucket, this.now());
    if (wait <= 0) return;
    dataKey?.fill(0);
    throw new DbError('too_many_attempts', `Too many failed attempts. Try again in ${wait} seconds.`, wait);
  }

  private failAttempt(kind: 'failed_unlock' | 'failed_recover', slot: string | null, bucket: string, message: string): never {
    const now = this.now();
    recordPendingAttempt(this.paths.pendingAttempts, { at: now.toISOString(), kind, slot, id: newAttemptId() });
    writePacing(this.paths.pacing, withFailure(readPacing(this.paths.pacing), bucket, now));
    throw new DbError(kind === 'failed_unlock' ? 'wrong_credentials' : 'wrong_recovery_key', message);
  }

  private moveAsideOrphanDatabase(): void {
    // A database without a key file is left from a setup that did not finish; keep it, out of the way.
    if (!fs.existsSync(this.paths.db)) return;
    const stamp = this.now().toISOString().replace(/[:.]/g, '-');
    for (const suffix of ['', '-wal', '-shm']) {
      if (fs.existsSync(this.paths.db + suffix)) fs.renameSync(this.paths.db + suffix, `${this.paths.db}.orphan-${stamp}${suffix}`);
    }
  }
}

function toSessionUser(row: UserRow): SessionUser {
  return { id: row.id, username: row.username, displayName: row.display_name, role: row.role };
}

/** The last audit row's sequence and hash (0 and the genesis hash for an empty log). */
function chainHead(sqlite: SqliteDb): { sequence: number; hash: string } {
  const last = sqlite.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string } | undefined;
  return { sequence: last?.seq ?? 0, hash: last?.hash ?? GENESIS_HASH };
}

/** The same finding as the open warning, so one rollback is audited once, not at every unlock. */
function sameFinding(open: RollbackWarning | null, found: RollbackWarning): boolean {
  // An older copy that has since grown past the witnessed sequence is still the same finding.
  if (open === null || (open.kind === 'tampered') !== (found.kind === 'tampered')) return false;
  return open.witnessedSequence === found.witnessedSequence && open.witnessedHash === found.witnessedHash;
}
