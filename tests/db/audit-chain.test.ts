import { afterEach, describe, expect, it } from 'vitest';
import { withAuditCase } from '../../db/audit/context';
import { appendAudit, appendAudits, auditBatch, verifyAuditChain } from '../../db/repositories/audit-log';
import { Store } from '../../db/store/store';
import { ADMIN, tempDir, TEST_ENV } from '../helpers/temp';

let cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.reverse()) c();
  cleanups = [];
});

async function storeWithRows(): Promise<Store> {
  const t = tempDir();
  const store = new Store(t.dir, { env: TEST_ENV });
  cleanups.push(t.cleanup, () => store.lock('shutdown'));
  await store.setup(ADMIN);
  for (let i = 0; i < 8; i++) await store.audit({ action: 'read', entity: 'users' });
  return store;
}

describe('audit chain', () => {
  it('verifies an untouched chain', async () => {
    const store = await storeWithRows();
    expect(await verifyAuditChain(store.requireSession().db)).toMatchObject({ ok: true, rows: 10, headSequence: 10 });
  });

  it('names the first changed row', async () => {
    const store = await storeWithRows();
    const { sqlite, db } = store.requireSession();
    sqlite.prepare("UPDATE audit_log SET action = 'update' WHERE seq = 6").run();
    expect(await verifyAuditChain(db)).toEqual({ ok: false, rows: 5, firstBadSequence: 6 });
  });

  it('names a row whose hash was recomputed but whose successor no longer links', async () => {
    const store = await storeWithRows();
    const { sqlite, db } = store.requireSession();
    sqlite.prepare("UPDATE audit_log SET hash = 'f00d' WHERE seq = 4").run();
    expect(await verifyAuditChain(db)).toMatchObject({ ok: false, firstBadSequence: 4 });
  });

  it('names the first missing sequence number when a row is deleted', async () => {
    const store = await storeWithRows();
    const { sqlite, db } = store.requireSession();
    sqlite.prepare('DELETE FROM audit_log WHERE seq = 3').run();
    expect(await verifyAuditChain(db)).toEqual({ ok: false, rows: 2, firstBadSequence: 3 });
  });

  it('appends a batch in order after the head, one row per entry, the chain intact; an empty batch writes nothing', async () => {
    const store = await storeWithRows();
    const { sqlite, db } = store.requireSession();
    const { sink, entries } = auditBatch();
    for (const entity of ['case', 'moves', 'journal']) await sink(db, { userId: 1, role: 'team_lead', action: 'read', entity, entityId: 7 });
    expect((sqlite.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n).toBe(10);
    expect(await appendAudits(db, entries)).toBe(13);
    expect(sqlite.prepare('SELECT seq, entity FROM audit_log WHERE seq > 10 ORDER BY seq').all()).toEqual([
      { seq: 11, entity: 'case' },
      { seq: 12, entity: 'moves' },
      { seq: 13, entity: 'journal' },
    ]);
    expect(await appendAudits(db, [])).toBe(13);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, rows: 13, headSequence: 13 });
  });

  it('verifies across batch boundaries', async () => {
    const store = await storeWithRows();
    expect(await verifyAuditChain(store.requireSession().db, 3)).toMatchObject({ ok: true, rows: 10 });
  });

  it('names the case of the request on every row written inside it, and hashes the case and the reason', async () => {
    const store = await storeWithRows();
    const { sqlite, db } = store.requireSession();
    await withAuditCase(42, async () => {
      await appendAudit(db, { userId: 1, role: 'administrator', action: 'read', entity: 'case', entityId: 42 });
      await appendAudit(db, { userId: 1, role: 'administrator', action: 'reveal', entity: 'case', entityId: 42, reason: 'Needed for the move' });
      await appendAudit(db, { userId: 1, role: 'administrator', action: 'read', entity: 'users', caseId: null });
    });
    const rows = sqlite.prepare('SELECT seq, case_id, reason FROM audit_log WHERE seq > 10 ORDER BY seq').all();
    expect(rows).toEqual([
      { seq: 11, case_id: 42, reason: null },
      { seq: 12, case_id: 42, reason: 'Needed for the move' },
      { seq: 13, case_id: null, reason: null },
    ]);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, rows: 13 });
    sqlite.prepare("UPDATE audit_log SET reason = 'something else' WHERE seq = 12").run();
    expect(await verifyAuditChain(db)).toMatchObject({ ok: false, firstBadSequence: 12 });
    sqlite.prepare("UPDATE audit_log SET reason = 'Needed for the move', case_id = 7 WHERE seq = 12").run();
    expect(await verifyAuditChain(db)).toMatchObject({ ok: false, firstBadSequence: 12 });
  });

  it('hashes text as it is stored, so a lone surrogate (kept as U+FFFD) does not break the chain', async () => {
    const store = await storeWithRows();
    const { sqlite, db } = store.requireSession();
    await appendAudit(db, { userId: 1, role: 'administrator', action: 'print', entity: 'report', entityId: 'a\uD800b', reason: 'x\uDC00y' });
    expect(sqlite.prepare('SELECT entity_id, reason FROM audit_log WHERE seq = 11').get()).toEqual({ entity_id: 'a\uFFFDb', reason: 'x\uFFFDy' });
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, rows: 11 });
  });
});
