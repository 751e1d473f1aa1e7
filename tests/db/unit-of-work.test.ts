import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import { inTransaction } from '../../app/unit-of-work';
import { writable } from '../../db/handles';
import { setSetting } from '../../db/repositories/settings';
import type { DB } from '../../db/schema';
import type { WorkerState } from '../../worker/worker-state';
import { auditRows, codeOf, unlockedWorkerState } from '../helpers/worker-fixture';

let w: WorkerState;
let db: Kysely<DB>;
let userId: number;
let cleanup: () => void;

beforeEach(async () => {
  ({ w, db, userId, cleanup } = await unlockedWorkerState());
});
afterEach(() => cleanup());

describe('inTransaction', () => {
  it('writes audit rows as the session user and role, passing extra arguments on', async () => {
    const before = (await auditRows(db)).length;
    const op = inTransaction(async ({ user, audit }, input: { id: number }, tag: string) => {
      await audit({ action: 'read', entity: tag, entityId: input.id });
      return user.id;
    });
    expect(await op(w, { id: 7 }, 'unit_of_work_probe')).toBe(userId);
    const rows = await auditRows(db);
    expect(rows.length).toBe(before + 1);
    expect(rows.at(-1)).toEqual({ action: 'read', entity: 'unit_of_work_probe', entity_id: '7', user_id: userId });
    const role = await db.selectFrom('audit_log').select('role').orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
    expect(role.role).toBe(w.active.requireSession().user.role);
  });

  it('keeps nothing of a failed operation: its audit row goes with the transaction', async () => {
    const before = (await auditRows(db)).length;
    const op = inTransaction(async ({ audit }, _: Record<string, never>) => {
      await audit({ action: 'update', entity: 'unit_of_work_probe' });
      throw new Error('boom');
    });
    await expect(op(w, {})).rejects.toThrow('boom');
    expect((await auditRows(db)).length).toBe(before);
  });

  it('refuses a role the list does not name, before opening a transaction', async () => {
    const op = inTransaction(async () => 1, ['auditor']);
    expect(await codeOf(op(w, {}))).toBe('forbidden');
  });

  it('hands out a write handle; a plain (read) handle cannot be given to a writer', async () => {
    const readOnly = (handle: Kysely<DB>): Promise<void> =>
      // @ts-expect-error a read handle is no write handle: tsc fails here if repositories took any handle
      setSetting(handle, 'unit_of_work_probe', 1);
    expect(readOnly).toBeTypeOf('function');
    const op = inTransaction(async ({ trx }, _: Record<string, never>) => setSetting(trx, 'unit_of_work_probe', 2));
    await op(w, {});
    await setSetting(writable(db), 'unit_of_work_probe', 3);
  });
});
