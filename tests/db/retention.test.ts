import { sql } from 'kysely';
import type { WriteDb } from '../../db/handles';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RetentionDecideInputSchema, RetentionPurgeInputSchema, UpdateSettingsInputSchema, type RetentionPreview } from '../../core/contract';
import type { WorkerState } from '../../worker/worker-state';
import { foundationOps } from '../../app/foundation';
import { retentionOps } from '../../app/retention';
import { verifyAuditChain } from '../../db/repositories/audit-log';
import { addUser, loginAs } from '../helpers/casework';
import { insertRetentionCase, LATEST_SOURCES, pinFor } from '../helpers/retention-fixture';
import { ADMIN } from '../helpers/temp';
import { codeOf, unlockedWorkerState } from '../helpers/worker-fixture';

let w: WorkerState;
let db: WriteDb;
let adminId: number;
let leadId: number;
let cleanup: () => void;

// Noon UTC: the same calendar day in every time zone the tests may run in.
const TODAY = new Date('2026-03-01T12:00:00.000Z');
const TOMORROW = new Date('2026-03-02T12:00:00.000Z');
const CANARY = 'GALLRINGSKANARIE';

beforeEach(async () => {
  ({ w, db, userId: adminId, cleanup } = await unlockedWorkerState());
  leadId = await addUser(w, 'lea', 'team_lead');
  await loginAs(w, 'lea');
  db = w.active.requireSession().db;
});
afterEach(() => cleanup());

/** Switches user; the session's connection is a new one. */
async function as(username: string): Promise<void> {
  await loginAs(w, username);
  db = w.active.requireSession().db;
}

const preview = (now = TODAY) => retentionOps['retention:preview'](w, {}, now);
const purge = (caseNumbers: string[], now = TODAY) => retentionOps['retention:purge'](w, RetentionPurgeInputSchema.parse({ caseNumbers, confirm: true }), now);
const decide = (caseNumber: string, decision: 'purge' | 'keep', comment = '', now = TODAY) =>
  retentionOps['retention:decide'](w, RetentionDecideInputSchema.parse({ caseNumber, decision, comment }), now);
const numbers = (p: RetentionPreview) => p.purge.map((c) => c.caseNumber);
const add = (caseNumber: string, lastEntry: string, more: Partial<Parameters<typeof insertRetentionCase>[2]> = {}) =>
  insertRetentionCase(db, adminId, { caseNumber, lastEntry, canary: CANARY, ...more });

/** One case on each side of every boundary, on 1 March 2026 with the default rules (5 years, keep 5/15/25). */
async function boundaryDataset(): Promise<void> {
  await add('RVT-A-DUE-TODAY', '2021-03-01');
  await add('RVT-B-DUE-TOMORROW', '2021-03-02');
  await add('RVT-C-OVERDUE', '2019-06-10');
  await add('RVT-D-OPEN', '2010-01-01', { status: 'open' });
  await add('RVT-E-BORN-15', '2019-06-10', { pin: pinFor('19850615') });
  await add('RVT-F-BORN-16', '2019-06-10', { pin: pinFor('19850616') });
  await add('RVT-G-NO-PIN', '2019-06-10', { pin: null });
  await add('RVT-H-CHILD-PLACED', '2019-06-10', { childPlacement: 'Familjehem (fiktivt)' });
  await add('RVT-I-LEAP', '2020-02-29');
}

describe('retention preview', () => {
  it('lists exactly the due cases, flags those needing a decision and counts the kept ones by reason', async () => {
    await boundaryDataset();
    const p = await preview();
    expect(p.today).toBe('2026-03-01');
    expect(p.rules).toEqual({ retentionYears: 5, retentionKeepBirthDays: true, researchMunicipality: false });
    expect(p.purge).toEqual([
      {
        caseNumber: 'RVT-A-DUE-TODAY',
        closedAt: '2021-03-01',
        lastEntryAt: '2021-03-01',
        dueAt: '2026-03-01',
        deadline: '2027-12-31',
        overdue: false,
        decided: false,
      },
      {
        caseNumber: 'RVT-C-OVERDUE',
        closedAt: '2019-06-10',
        lastEntryAt: '2019-06-10',
        dueAt: '2024-06-10',
        deadline: '2025-12-31',
        overdue: true,
        decided: false,
      },
      {
        caseNumber: 'RVT-F-BORN-16',
        closedAt: '2019-06-10',
        lastEntryAt: '2019-06-10',
        dueAt: '2024-06-10',
        deadline: '2025-12-31',
        overdue: true,
        decided: false,
      },
      {
        caseNumber: 'RVT-I-LEAP',
        closedAt: '2020-02-29',
        lastEntryAt: '2020-02-29',
        dueAt: '2025-03-01',
        deadline: '2026-12-31',
        overdue: false,
        decided: false,
      },
    ]);
    expect(p.manual).toEqual([
      { caseNumber: 'RVT-G-NO-PIN', reasons: ['birth_day_unknown'], lastEntryAt: '2019-06-10', dueAt: '2024-06-10', deadline: '2025-12-31', overdue: true },
      { caseNumber: 'RVT-H-CHILD-PLACED', reasons: ['child_placed'], lastEntryAt: '2019-06-10', dueAt: '2024-06-10', deadline: '2025-12-31', overdue: true },
    ]);
    expect(p.kept).toEqual({ open: 1, research_municipality: 0, not_due: 1, birth_day: 1, decided_keep: 0 });
    expect(JSON.stringify(p)).not.toContain(CANARY);
    expect(JSON.stringify(p)).not.toContain('19850');
    expect(numbers(await preview(TOMORROW))).toContain('RVT-B-DUE-TOMORROW');
  });

  it('counts the latest date of every part of a case as its last entry', async () => {
    for (const source of LATEST_SOURCES) await add(`RVT-SRC-${source}`, '2021-03-02', { latestIn: source });
    expect((await preview()).purge).toEqual([]);
    const next = await preview(TOMORROW);
    expect(next.purge.map((c) => [c.caseNumber, c.lastEntryAt])).toEqual(
      LATEST_SOURCES.map((s) => [`RVT-SRC-${s}`, '2021-03-02']).sort((a, b) => (a[0] ?? '').localeCompare(b[0] ?? '')),
    );
  });

  it('follows the settings: years, the birth-day rule and a research municipality', async () => {
    await boundaryDataset();
    await as(ADMIN.username);
    await foundationOps['settings:update'](w, UpdateSettingsInputSchema.parse({ retentionYears: 6, retentionKeepBirthDays: false }));
    await as('lea');
    let p = await preview();
    // Six years from 29 February 2020 is 1 March 2026: due today.
    expect(numbers(p)).toEqual(['RVT-C-OVERDUE', 'RVT-E-BORN-15', 'RVT-F-BORN-16', 'RVT-G-NO-PIN', 'RVT-I-LEAP']);
    expect(p.manual.map((m) => m.caseNumber)).toEqual(['RVT-H-CHILD-PLACED']);
    await as(ADMIN.username);
    await foundationOps['settings:update'](w, UpdateSettingsInputSchema.parse({ researchMunicipality: true }));
    p = await preview();
    expect(p.purge).toEqual([]);
    expect(p.manual).toEqual([]);
    expect(p.kept.research_municipality).toBe(8);
  });

  it('is for team leads and administrators, and audited without content', async () => {
    await boundaryDataset();
    await as(ADMIN.username);
    expect(numbers(await preview())).toHaveLength(4);
    const row = await db.selectFrom('audit_log').selectAll().orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
    expect([row.action, row.entity, row.entity_id, row.case_id, row.reason]).toEqual(['read', 'retention', null, null, null]);
    expect(await codeOf(purge(['RVT-A-DUE-TODAY']))).toBe('forbidden');
    expect(await codeOf(decide('RVT-G-NO-PIN', 'purge'))).toBe('forbidden');
    for (const role of ['caseworker', 'auditor'] as const) await addUser(w, role, role);
    for (const role of ['caseworker', 'auditor'] as const) {
      await as(role);
      expect(await codeOf(preview())).toBe('forbidden');
    }
  });
});

describe('retention decisions', () => {
  it('lets a team lead purge or keep a flagged case, and a new entry asks again', async () => {
    await boundaryDataset();
    let p = await decide('RVT-G-NO-PIN', 'purge', 'Född 12 juni enligt pappersakten (fiktivt)');
    expect(p.purge.find((c) => c.caseNumber === 'RVT-G-NO-PIN')?.decided).toBe(true);
    p = await decide('RVT-H-CHILD-PLACED', 'keep');
    expect(p.manual).toEqual([]);
    expect(p.kept.decided_keep).toBe(1);
    const audit = await db
      .selectFrom('audit_log')
      .select(['action', 'entity', 'entity_id', 'case_id', 'reason'])
      .where('entity', '=', 'retention_decision')
      .orderBy('seq')
      .execute();
    const ids = await db
      .selectFrom('cases')
      .select(['id', 'case_number'])
      .where('case_number', 'in', ['RVT-G-NO-PIN', 'RVT-H-CHILD-PLACED'])
      .orderBy('case_number')
      .execute();
    expect(audit).toEqual(
      ids.map((c, i) => ({ action: 'update', entity: 'retention_decision', entity_id: i === 0 ? 'purge' : 'keep', case_id: c.id, reason: null })),
    );

    // A change of mind is allowed while the case is in question.
    p = await decide('RVT-H-CHILD-PLACED', 'purge');
    expect(p.purge.find((c) => c.caseNumber === 'RVT-H-CHILD-PLACED')?.decided).toBe(true);

    // A later entry in the case makes the old decision void.
    const id = ids[1]?.id ?? 0;
    await db
      .insertInto('support_items')
      .values({ case_id: id, kind: 'legal', agency: '', status: 'done', start_date: '2019-09-01', end_date: null, notes: '' })
      .execute();
    p = await preview();
    expect(p.manual.map((m) => [m.caseNumber, m.lastEntryAt])).toEqual([['RVT-H-CHILD-PLACED', '2019-09-01']]);
  });

  it('refuses to decide a case the rules decide on their own, or one that does not exist', async () => {
    await boundaryDataset();
    expect(await codeOf(decide('RVT-A-DUE-TODAY', 'keep'))).toBe('not_allowed');
    expect(await codeOf(decide('RVT-E-BORN-15', 'purge'))).toBe('not_allowed');
    expect(await codeOf(decide('RVT-D-OPEN', 'purge'))).toBe('not_found');
    expect(await codeOf(decide('RVT-NOPE', 'purge'))).toBe('not_found');
    expect(await db.selectFrom('retention_decisions').selectAll().execute()).toEqual([]);
  });
});

/** Every table with a case_id column, from the schema itself, so a table added later is checked too. */
async function tablesWithCaseId(): Promise<string[]> {
  const tables = await sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`.execute(db);
  const found: string[] = [];
  for (const t of tables.rows) {
    const cols = await sql<{ name: string }>`SELECT name FROM pragma_table_info(${t.name})`.execute(db);
    if (cols.rows.some((c) => c.name === 'case_id')) found.push(t.name);
  }
  return found;
}

/** Rows anywhere in the database whose text holds the canary. */
async function canaryRows(): Promise<string[]> {
  const hits: string[] = [];
  const tables = await sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`.execute(db);
  for (const t of tables.rows) {
    const cols = await sql<{ name: string }>`SELECT name FROM pragma_table_info(${t.name})`.execute(db);
    for (const c of cols.rows) {
      const r = await sql<{ n: number }>`SELECT count(*) AS n FROM ${sql.table(t.name)} WHERE CAST(${sql.ref(c.name)} AS TEXT) LIKE ${`%${CANARY}%`}`.execute(
        db,
      );
      if (Number(r.rows[0]?.n) > 0) hits.push(`${t.name}.${c.name}`);
    }
  }
  return hits;
}

/** Trigrams of a text that the case search index still holds. */
async function searchTerms(text: string): Promise<string[]> {
  const grams = new Set(Array.from({ length: text.length - 2 }, (_, i) => text.slice(i, i + 3).toLowerCase()));
  await sql`CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_vocab USING fts5vocab(main, cases_search, 'row')`.execute(db);
  const rows = await sql<{ term: string }>`SELECT term FROM temp.search_vocab`.execute(db);
  return rows.rows.map((r) => r.term).filter((term) => grams.has(term));
}

const pragma = (name: string): number => Number(w.active.requireSession().sqlite.pragma(name, { simple: true }));

describe('retention purge', () => {
  it('deletes every row of the confirmed cases with secure_delete, compacts the file and audits only the count', async () => {
    const bigNote = 40_000;
    await add('RVT-P1', '2019-06-10', { pin: pinFor('19850616'), bodyBytes: bigNote, sharedWith: leadId });
    await add('RVT-P2', '2018-01-10', { pin: pinFor('19850601'), bodyBytes: bigNote });
    await add('RVT-P3', '2020-02-29', { pin: pinFor('19850630'), bodyBytes: bigNote });
    // Shares no trigram with the canary (the index folds accents: BEHÅLL would keep "all").
    const keepId = await insertRetentionCase(db, adminId, {
      caseNumber: 'RVT-KEEP',
      lastEntry: '2019-06-10',
      pin: pinFor('19850605'),
      canary: 'BEVARAD',
      bodyBytes: bigNote,
    });
    const purgeIds = (await db.selectFrom('cases').select('id').where('case_number', 'like', 'RVT-P%').execute()).map((r) => r.id);
    const moveIds = (await db.selectFrom('moves').select('id').where('case_id', 'in', purgeIds).execute()).map((r) => r.id);
    const perpIds = (await db.selectFrom('perpetrators').select('id').where('case_id', 'in', purgeIds).execute()).map((r) => r.id);
    const keptBefore = await rowsOfCase(keepId);
    expect(await canaryRows()).not.toEqual([]);
    expect(await searchTerms(CANARY)).not.toEqual([]);

    const p = await preview();
    expect(numbers(p)).toEqual(['RVT-P1', 'RVT-P2', 'RVT-P3']);
    const pagesBefore = pragma('page_count');
    // The purge turns secure_delete on for itself even if something had turned it off.
    w.active.requireSession().sqlite.pragma('secure_delete = OFF');
    const headBefore = await db.selectFrom('audit_log').select('seq').orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();

    expect(await purge(numbers(p))).toEqual({ purged: 3, compacted: true });

    expect(pragma('secure_delete')).toBe(1);
    expect(pragma('freelist_count')).toBe(0);
    expect(pragma('page_count')).toBeLessThan(pagesBefore);
    for (const table of await tablesWithCaseId()) {
      if (table === 'audit_log') continue;
      const r = await sql<{ n: number }>`SELECT count(*) AS n FROM ${sql.table(table)} WHERE case_id IN (${sql.join(purgeIds)})`.execute(db);
      expect([table, Number(r.rows[0]?.n)]).toEqual([table, 0]);
    }
    expect(await db.selectFrom('move_transitions').selectAll().where('move_id', 'in', moveIds).execute()).toEqual([]);
    expect(await db.selectFrom('perpetrator_areas').selectAll().where('perpetrator_id', 'in', perpIds).execute()).toEqual([]);
    expect(await canaryRows()).toEqual([]);
    expect(await searchTerms(CANARY)).toEqual([]);
    // The Kompotten ledger keeps its rows (for its counts) without the link or the notes.
    expect(await db.selectFrom('kompotten_requests').select(['case_id', 'notes']).where('case_id', 'is', null).execute()).toEqual([
      { case_id: null, notes: '' },
      { case_id: null, notes: '' },
      { case_id: null, notes: '' },
    ]);
    expect(await rowsOfCase(keepId)).toEqual(keptBefore);
    expect(await db.selectFrom('retention_purging').selectAll().execute()).toEqual([]);

    const audit = await db.selectFrom('audit_log').selectAll().where('seq', '>', headBefore.seq).orderBy('seq').execute();
    expect(audit.map((r) => [r.action, r.entity, r.entity_id, r.case_id, r.reason, r.outcome])).toEqual([['purge', 'case', null, null, 'count=3', 'ok']]);
    expect(JSON.stringify(audit)).not.toContain('RVT-P');

    // Locked and opened again: the re-encrypted, compacted file opens, is sound and its chain holds.
    w.active.lock('user');
    await as('lea');
    expect(w.active.requireSession().sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(w.active.requireSession().sqlite.pragma('foreign_key_check')).toEqual([]);
    expect((await verifyAuditChain(db)).ok).toBe(true);
    expect(await db.selectFrom('cases').select('case_number').execute()).toEqual([{ case_number: 'RVT-KEEP' }]);
    expect((await preview()).purge).toEqual([]);
  });

  it('refuses a list that differs from the current preview, and purges nothing', async () => {
    await boundaryDataset();
    const due = numbers(await preview());
    expect(due).toEqual(['RVT-A-DUE-TODAY', 'RVT-C-OVERDUE', 'RVT-F-BORN-16', 'RVT-I-LEAP']);
    const before = await db.selectFrom('cases').select('case_number').orderBy('case_number').execute();

    // A case that is not due (re-checked now, whatever the renderer says), one that is kept, an open one, a flagged one.
    for (const extra of ['RVT-B-DUE-TOMORROW', 'RVT-E-BORN-15', 'RVT-D-OPEN', 'RVT-G-NO-PIN', 'RVT-UNKNOWN']) {
      const f = await failure(purge([...due, extra]));
      expect(f.code).toBe('not_allowed');
      expect(f.message).toContain('Open the retention preview again');
      expect(f.message).not.toContain(extra);
    }
    // Part of the list only.
    expect((await failure(purge(due.slice(1)))).code).toBe('not_allowed');
    // Yesterday's preview confirmed today, after a case became due overnight.
    expect((await failure(purge(due, TOMORROW))).code).toBe('not_allowed');
    expect(await db.selectFrom('cases').select('case_number').orderBy('case_number').execute()).toEqual(before);

    const denied = await db.selectFrom('audit_log').select(['action', 'outcome', 'reason', 'case_id']).where('action', '=', 'purge').execute();
    expect(denied).toHaveLength(7);
    expect(denied[0]).toEqual({ action: 'purge', outcome: 'denied', reason: 'count=5', case_id: null });
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });

  it('purges a flagged case only after a team lead decided to', async () => {
    await boundaryDataset();
    const due = numbers(await preview());
    expect((await failure(purge([...due, 'RVT-G-NO-PIN']))).code).toBe('not_allowed');
    const p = await decide('RVT-G-NO-PIN', 'purge');
    expect(numbers(p)).toEqual([...due, 'RVT-G-NO-PIN'].sort());
    expect(await purge(numbers(p))).toEqual({ purged: 5, compacted: true });
    expect((await db.selectFrom('cases').select('case_number').orderBy('case_number').execute()).map((r) => r.case_number)).toEqual([
      'RVT-B-DUE-TOMORROW',
      'RVT-D-OPEN',
      'RVT-E-BORN-15',
      'RVT-H-CHILD-PLACED',
    ]);
    expect(await db.selectFrom('retention_decisions').selectAll().execute()).toEqual([]);
  });

  it('still refuses to delete a signed journal note outside a purge', async () => {
    const id = await add('RVT-S', '2019-06-10');
    await expect(db.deleteFrom('journal_notes').where('case_id', '=', id).execute()).rejects.toThrow('signed journal notes are read-only');
    await expect(db.deleteFrom('cases').where('id', '=', id).execute()).rejects.toThrow('signed journal notes are read-only');
    expect(await db.selectFrom('journal_notes').select('id').where('case_id', '=', id).execute()).toHaveLength(2);
  });
});

async function failure(p: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await p;
  } catch (err) {
    const e = err as { code?: string; message?: string };
    return { code: e.code ?? 'none', message: e.message ?? '' };
  }
  throw new Error('expected the purge to be refused');
}

/** Every row that hangs off one case, as JSON per table, to prove a purge left it alone. */
async function rowsOfCase(caseId: number): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const table of await tablesWithCaseId()) {
    if (table === 'audit_log') continue;
    out[table] = (await sql`SELECT * FROM ${sql.table(table)} WHERE case_id = ${caseId} ORDER BY rowid`.execute(db)).rows;
  }
  out.cases = (await sql`SELECT * FROM cases WHERE id = ${caseId}`.execute(db)).rows;
  return out;
}
