import path from 'node:path';
import { CreateCaseInputSchema, ListCasesInputSchema, type CreateCaseInput, type ListCasesInput, type Role } from '../../core/contract';
import { DbError } from '../../db/errors';
import { WorkerState } from '../../worker/worker-state';
import { casesOps } from '../../app/cases';
import { countAuditRows } from '../../db/repositories/audit-log';
import { ADMIN, tempDir, TEST_ENV } from './temp';

/** A case list request: every case, newest first, up to 500, no filter; `overrides` change any of it. */
export function listInput(overrides: Partial<ListCasesInput> = {}) {
  return ListCasesInputSchema.parse({
    query: '',
    status: 'all',
    assignedUserId: null,
    districtSlug: null,
    protectedOnly: false,
    honourOnly: false,
    openRemindersOnly: false,
    sort: 'updated',
    direction: 'desc',
    offset: 0,
    limit: 500,
    ...overrides,
  });
}

/** A valid (and well-known test) personal identity number. */
export const TEST_PIN = '19121212-1212';

/** A worker state on a fresh data folder, set up and unlocked as the administrator. */
export async function freshWorker(): Promise<{ w: WorkerState; cleanup: () => void }> {
  const t = tempDir();
  const w = new WorkerState(path.join(t.dir, 'data'), path.join(t.dir, 'demo'), TEST_ENV);
  await w.active.setup(ADMIN);
  return {
    w,
    cleanup: () => {
      w.active.lock('shutdown');
      t.cleanup();
    },
  };
}

/** Creates a user and returns its id; the session stays with whoever is unlocked. */
export async function addUser(w: WorkerState, username: string, role: Role, displayName = `${username} (fiktiv)`): Promise<number> {
  const row = await w.active.createUser({ username, displayName, role, passphrase: `${username} long passphrase` });
  return row.id;
}

/** Switches the session to another user made by addUser (or the administrator). */
export async function loginAs(w: WorkerState, username: string): Promise<void> {
  await w.active.unlock(username, username === ADMIN.username ? ADMIN.passphrase : `${username} long passphrase`);
}

/** A create-case input with obviously invented people; override any part. */
export function caseInput(overrides: Partial<CreateCaseInput> = {}): CreateCaseInput {
  return {
    survivor: {
      name: 'Testa Testsson',
      personalIdentityNumber: '',
      gender: 'woman',
      birthYear: 1990,
      language: 'svenska',
      interpreterNeeded: false,
      safeContact: 'Endast via skyddade boendets telefon',
    },
    protectionLevel: 'none',
    honourContext: false,
    vulnerabilities: [],
    vulnerabilityNote: '',
    districtSlug: null,
    assignedUserId: null,
    children: [],
    perpetrators: [],
    ...overrides,
  };
}

/** Creates a case through the operation, parsing the input as the API would. */
export async function createCase(w: WorkerState, overrides: Partial<CreateCaseInput> = {}) {
  return casesOps['cases:create'](w, CreateCaseInputSchema.parse(caseInput(overrides)));
}

/** The value, failing the test when it is missing (instead of a non-null assertion). */
export function defined<T>(value: T | null | undefined, what = 'value'): T {
  if (value === null || value === undefined) throw new Error(`expected ${what} to be present`);
  return value;
}

/** The code of a DbError a promise rejects with, plus its message; fails on anything else. */
export async function failureOf(p: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await p;
  } catch (err) {
    if (err instanceof DbError) return { code: err.code, message: err.message };
    throw err;
  }
  throw new Error('expected the operation to fail');
}

/** Audit rows, oldest first, as tests inspect them. */
export async function auditTail(w: WorkerState, n: number) {
  const rows = await w.active.requireSession().db.selectFrom('audit_log').selectAll().orderBy('seq', 'desc').limit(n).execute();
  return rows.reverse();
}

/** The number of audit rows. */
export async function auditCount(w: WorkerState): Promise<number> {
  return countAuditRows(w.active.requireSession().db);
}
