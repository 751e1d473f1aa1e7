import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { schemaVersion } from '../../../db/connection/open';
import { LATEST_VERSION, MIGRATIONS } from '../../../db/migrations';
import { appendAudit, verifyAuditChain } from '../../../db/repositories/audit-log';
import { svSortKey } from '../../../core/rules/swedish-order';
import {
  atVersion,
  DECOMPOSED_NAME,
  emptyDatabase,
  indexColumns,
  integrityProblems,
  migrateTo,
  MOVES,
  NOW,
  rowCounts,
  SCHEMA_SNAPSHOT_FILE,
  schemaNames,
  schemaSnapshotText,
  seedAt,
  typed,
  type TestDatabase,
} from './at-version';

// Each migration is run by the real runner on an encrypted database at the version before it, full
// of rows written as that version's schema held them, then checked for what it promises.

/** A database at `version - 1` with rows in it, then migrated to `version`; its row counts before. */
async function migratedWithData(version: number): Promise<{ t: TestDatabase; before: Record<string, number> }> {
  const t = await atVersion(version - 1);
  seedAt(t, version - 1);
  const before = rowCounts(t.sqlite);
  const report = await migrateTo(t, version);
  expect(report).toMatchObject({ from: version - 1, to: version });
  // The runner copied the file before touching it.
  expect(report.backup).not.toBeNull();
  expect(schemaVersion(t.sqlite)).toBe(version);
  return { t, before };
}

/** Every row that was there is still there; tables the migration added hold nothing. */
function expectRowsKept(t: TestDatabase, before: Record<string, number>): void {
  const after = rowCounts(t.sqlite);
  expect(Object.fromEntries(Object.keys(before).map((name) => [name, after[name]]))).toEqual(before);
  for (const name of Object.keys(after).filter((n) => !(n in before))) expect(after[name], name).toBe(0);
}

const all = <T>(t: TestDatabase, text: string, ...args: unknown[]) => t.sqlite.prepare(text).all(...args) as T[];
const one = <T>(t: TestDatabase, text: string, ...args: unknown[]) => t.sqlite.prepare(text).get(...args) as T;
const run = (t: TestDatabase, text: string, ...args: unknown[]) => t.sqlite.prepare(text).run(...args);

describe('each migration from the version before it, with data', () => {
  it('0001 from an empty file: foundation tables, the version and its record', async () => {
    const t = emptyDatabase();
    expect(await migrateTo(t, 1)).toEqual({ from: 0, to: 1, backup: null });
    expect(schemaNames(t.sqlite, 'table')).toEqual(['audit_log', 'counties', 'districts', 'municipalities', 'schema_migrations', 'settings', 'users']);
    expect(all<{ name: string }>(t, 'SELECT name FROM schema_migrations')).toEqual([{ name: '0001-foundation' }]);
    seedAt(t, 1);
    expect(() => run(t, "INSERT INTO users (username, display_name, role, wrapped_key, created_at) VALUES ('x', 'X', 'king', '{}', 'now')")).toThrow(
      /CHECK constraint/,
    );
    expect(() => run(t, "INSERT INTO users (username, display_name, role, wrapped_key, created_at) VALUES ('anna', 'X', 'caseworker', '{}', 'now')")).toThrow(
      /UNIQUE/,
    );
    expect(() => run(t, "INSERT INTO municipalities (code, name, county_code, lat, lon) VALUES ('9999', 'X', '99', 0, 0)")).toThrow(/FOREIGN KEY/);
    expect(integrityProblems(t.sqlite)).toEqual([]);
  });

  it('0002 from version 1: casework tables beside the kept users, settings and log; signed notes read-only', async () => {
    const { t, before } = await migratedWithData(2);
    expectRowsKept(t, before);
    expect(before.users).toBe(4);
    for (const name of [
      'cases',
      'children',
      'perpetrators',
      'perpetrator_areas',
      'moves',
      'move_transitions',
      'kompotten_members',
      'kompotten_requests',
      'shelters',
      'housing_steps',
      'support_items',
      'journal_notes',
      'reminders',
    ]) {
      expect(schemaNames(t.sqlite, 'table')).toContain(name);
    }
    expect(all(t, 'SELECT username, role, disabled_at FROM users ORDER BY id')).toEqual([
      { username: 'admin', role: 'administrator', disabled_at: null },
      { username: 'lea', role: 'team_lead', disabled_at: null },
      { username: 'anna', role: 'caseworker', disabled_at: null },
      { username: 'olle', role: 'auditor', disabled_at: NOW },
    ]);
    seedAt(t, 2, 1);
    expect(() => run(t, "UPDATE journal_notes SET body = 'ändrad' WHERE id = 2")).toThrow(/read-only/);
    expect(() => run(t, 'DELETE FROM journal_notes WHERE id = 2')).toThrow(/read-only/);
    run(t, "UPDATE journal_notes SET body = 'ändrat utkast' WHERE id = 1");
    expect(() =>
      run(
        t,
        "INSERT INTO cases (case_number, status, survivor_name, survivor_gender, protection_level, created_by, created_at, updated_at) VALUES ('X-1', 'open', 'X', 'woman', 'none', 99, ?, ?)",
        NOW,
        NOW,
      ),
    ).toThrow(/FOREIGN KEY/);
    expect(() =>
      run(
        t,
        "INSERT INTO cases (case_number, status, survivor_name, survivor_gender, protection_level, created_by, created_at, updated_at) VALUES ('X-2', 'paused', 'X', 'woman', 'none', 1, ?, ?)",
        NOW,
        NOW,
      ),
    ).toThrow(/CHECK constraint/);
    expect(() =>
      run(
        t,
        "INSERT INTO kompotten_requests (direction, counterpart_code, date, outcome, created_by, created_at) VALUES ('lost', '1280', '2026-01-01', 'pending', 1, ?)",
        NOW,
      ),
    ).toThrow(/CHECK constraint/);
    expect(integrityProblems(t.sqlite)).toEqual([]);
  });

  it('0003 from version 2: risk tables, empty risk columns on the kept cases, read-only completed assessments', async () => {
    const { t, before } = await migratedWithData(3);
    expectRowsKept(t, before);
    expect(all(t, 'SELECT case_number, risk_level, risk_assessed_at, risk_assessment_id, next_review_date FROM cases ORDER BY id')).toEqual(
      ['RVT-2026-0001', 'RVT-2026-0002', 'RVT-2025-0003'].map((n) => ({
        case_number: n,
        risk_level: null,
        risk_assessed_at: null,
        risk_assessment_id: null,
        next_review_date: null,
      })),
    );
    expect(indexColumns(t.sqlite, 'cases_risk')).toEqual(['status', 'risk_level', 'updated_at']);
    expect(one(t, 'SELECT count(*) AS n FROM cases INDEXED BY cases_next_review WHERE status = ?', 'open')).toEqual({ n: 2 });
    seedAt(t, 3, 2);
    expect(() => run(t, "UPDATE assessments SET survivor_view = 'x' WHERE id = 1")).toThrow(/read-only/);
    run(t, "UPDATE assessments SET survivor_view = 'x' WHERE id = 2");
    expect(() =>
      run(t, "INSERT INTO assessments (case_id, template_id, template_version, status, started_by, started_at) VALUES (1, 't', '1', 'half', 1, ?)", NOW),
    ).toThrow(/CHECK constraint/);
    expect(() =>
      run(t, "INSERT INTO risk_instruments (template_id, version, source, json, imported_at) VALUES ('fiktiv-mall', '1', 'imported', '{}', ?)", NOW),
    ).toThrow(/UNIQUE/);
    expect(integrityProblems(t.sqlite)).toEqual([]);
  });

  it('0004 from version 3: old log rows keep their hashes; case ids, reasons, shares and reviews work', async () => {
    const { t, before } = await migratedWithData(4);
    expectRowsKept(t, before);
    expect(all(t, 'SELECT seq, case_id, reason FROM audit_log ORDER BY seq')).toEqual([1, 2, 3, 4, 5].map((seq) => ({ seq, case_id: null, reason: null })));
    expect(await verifyAuditChain(typed(t))).toMatchObject({ ok: true, rows: 5 });
    await appendAudit(typed(t), { userId: 2, role: 'team_lead', action: 'reveal', entity: 'case', entityId: 1, caseId: 1, reason: 'Behöver adressen' });
    expect(await verifyAuditChain(typed(t))).toMatchObject({ ok: true, rows: 6 });
    expect(one(t, 'SELECT count(*) AS n FROM audit_log INDEXED BY audit_log_case WHERE case_id = 1')).toEqual({ n: 1 });
    run(t, 'INSERT INTO case_shares (case_id, user_id, granted_by, granted_at) VALUES (2, 3, 2, ?)', NOW);
    expect(() => run(t, 'INSERT INTO case_shares (case_id, user_id, granted_by, granted_at) VALUES (2, 3, 1, ?)', NOW)).toThrow(/UNIQUE|PRIMARY KEY/);
    run(t, 'INSERT INTO audit_reviews (seq, reviewed_by, reviewed_at) VALUES (3, 2, ?)', NOW);
    expect(() => run(t, 'INSERT INTO audit_reviews (seq, reviewed_by, reviewed_at) VALUES (99, 2, ?)', NOW)).toThrow(/FOREIGN KEY/);
    // A share goes with its case.
    run(t, 'DELETE FROM cases WHERE id = 2');
    expect(one(t, 'SELECT count(*) AS n FROM case_shares')).toEqual({ n: 0 });
    expect(integrityProblems(t.sqlite)).toEqual([]);
  });

  it('0005 from version 4: the search index holds the cases already there, and follows changes', async () => {
    const { t, before } = await migratedWithData(5);
    expectRowsKept(t, before);
    const found = (query: string) =>
      all<{ rowid: number }>(t, 'SELECT rowid FROM cases_search WHERE cases_search MATCH ? ORDER BY rowid', query).map((r) => r.rowid);
    expect(found('"fiktiv"')).toEqual([1]);
    expect(found('"ÅSA"')).toEqual([1]);
    expect(found('"2026-00"')).toEqual([1, 2]);
    expect(found('"prov"')).toEqual([2]);
    run(t, "UPDATE cases SET survivor_name = 'Beata Annan' WHERE id = 2");
    expect(found('"prov"')).toEqual([]);
    expect(found('"annan"')).toEqual([2]);
    expect(indexColumns(t.sqlite, 'cases_updated')).toEqual(['updated_at']);
    expect(integrityProblems(t.sqlite)).toEqual([]);
  });

  it('0006 from version 5: retention decisions; a signed note goes only with its case in a confirmed purge', async () => {
    const { t, before } = await migratedWithData(6);
    expectRowsKept(t, before);
    run(t, "INSERT INTO retention_decisions (case_id, decision, last_entry_at, decided_by, decided_at) VALUES (3, 'purge', '2026-01-31', 2, ?)", NOW);
    expect(() =>
      run(t, "INSERT INTO retention_decisions (case_id, decision, last_entry_at, decided_by, decided_at) VALUES (1, 'maybe', '2026-01-31', 2, ?)", NOW),
    ).toThrow(/CHECK constraint/);
    // The pre-existing signed notes stay undeletable on their own...
    expect(() => run(t, 'DELETE FROM journal_notes WHERE id = 4')).toThrow(/read-only/);
    expect(() => run(t, 'DELETE FROM cases WHERE id = 3')).toThrow(/read-only/);
    // ...and go with their whole case once it is being purged.
    t.sqlite.transaction(() => {
      run(t, 'INSERT INTO retention_purging (case_id) VALUES (3)');
      run(t, 'DELETE FROM cases WHERE id = 3');
      run(t, 'DELETE FROM retention_purging');
    })();
    expect(one(t, 'SELECT count(*) AS n FROM journal_notes WHERE case_id = 3')).toEqual({ n: 0 });
    expect(one(t, 'SELECT count(*) AS n FROM retention_decisions')).toEqual({ n: 0 });
    expect(() => run(t, 'DELETE FROM journal_notes WHERE id = 2')).toThrow(/read-only/);
    expect(integrityProblems(t.sqlite)).toEqual([]);
  });

  it('0007 from version 6: the search indexes cover what a search tests, for the cases already there', async () => {
    const { t, before } = await migratedWithData(7);
    expectRowsKept(t, before);
    const tested = ['protection_level', 'district_slug', 'assigned_user_id', 'created_by', 'case_number', 'survivor_name'];
    expect(indexColumns(t.sqlite, 'cases_search_all')).toEqual(['updated_at', 'id', 'status', ...tested]);
    expect(indexColumns(t.sqlite, 'cases_search_status')).toEqual(['status', 'updated_at', 'id', ...tested]);
    expect(indexColumns(t.sqlite, 'cases_search_ids')).toEqual(['id', 'updated_at', 'status', ...tested]);
    expect(one(t, 'SELECT count(*) AS n FROM cases INDEXED BY cases_search_all WHERE survivor_name GLOB ?', '*[åÅ]*')).toEqual({ n: 1 });
    expect(one(t, "SELECT count(*) AS n FROM cases INDEXED BY cases_search_status WHERE status = 'open'")).toEqual({ n: 2 });
    expect(integrityProblems(t.sqlite)).toEqual([]);
  });

  it('0008 from version 7: the report indexes hold every row already there', async () => {
    const { t, before } = await migratedWithData(8);
    expectRowsKept(t, before);
    const covered: [index: string, table: string][] = [
      ['cases_report', 'cases'],
      ['housing_steps_report', 'housing_steps'],
      ['housing_steps_chain', 'housing_steps'],
      ['move_transitions_date', 'move_transitions'],
      ['move_transitions_report', 'move_transitions'],
      ['moves_report', 'moves'],
      ['assessments_latest', 'assessments'],
    ];
    for (const [index, table] of covered) {
      expect(one(t, `SELECT count(*) AS n FROM ${table} INDEXED BY ${index}`), index).toEqual({ n: before[table] });
    }
    expect(indexColumns(t.sqlite, 'assessments_latest')).toEqual(['case_id', 'child_id', 'status', 'completed_at', 'id', 'headline_level', 'next_review_date']);
    expect(integrityProblems(t.sqlite)).toEqual([]);
  });

  it('0009 from version 8: every existing move gets the summary of its existing changes', async () => {
    const { t, before } = await migratedWithData(9);
    expectRowsKept(t, before);
    const summaries = () => all(t, 'SELECT first_on, requested_on, completed_on, last_on, last_status FROM moves ORDER BY id');
    expect(summaries()).toEqual(MOVES.map((m) => m.summary));
    // Each move's own columns are as they were.
    expect(all(t, 'SELECT case_id, route, status, to_code, override_reason FROM moves ORDER BY id')).toEqual(
      MOVES.map((m) => ({ case_id: m.caseId, route: m.route, status: m.status, to_code: m.toCode, override_reason: m.overrideReason })),
    );
    // The report's indexes find the old moves by their summaries.
    expect(
      all<{ id: number }>(t, "SELECT id FROM moves INDEXED BY moves_begun WHERE first_on BETWEEN '2026-01-01' AND '2026-12-31' ORDER BY id").map((r) => r.id),
    ).toEqual([1, 2, 3]);
    expect(
      all<{ id: number }>(t, "SELECT id FROM moves INDEXED BY moves_completed WHERE completed_on BETWEEN '2026-01-01' AND '2026-12-31' ORDER BY id").map(
        (r) => r.id,
      ),
    ).toEqual([1, 5]);
    expect(one(t, "SELECT count(*) AS n FROM kompotten_requests INDEXED BY kompotten_requests_report WHERE date >= '2026-01-01'")).toEqual({ n: 2 });
    expect(schemaNames(t.sqlite, 'index')).not.toEqual(expect.arrayContaining(['moves_report']));
    expect(schemaNames(t.sqlite, 'index')).not.toEqual(expect.arrayContaining(['move_transitions_date']));

    // Changes recorded after the migration keep an old move's summary: one on the planned move,
    // a backdated one on the declined move, one on the move that had none.
    const transition = t.sqlite.prepare('INSERT INTO move_transitions (move_id, status, date, recorded_by, recorded_at) VALUES (?, ?, ?, 3, ?)');
    transition.run(3, 'requested', '2026-03-02', NOW);
    transition.run(2, 'requested', '2026-02-02', NOW);
    transition.run(4, 'cancelled', '2026-04-01', NOW);
    expect(summaries().slice(1, 4)).toEqual([
      { first_on: '2026-02-01', requested_on: '2026-02-02', completed_on: null, last_on: '2026-02-10', last_status: 'declined' },
      { first_on: '2026-03-01', requested_on: '2026-03-02', completed_on: null, last_on: '2026-03-02', last_status: 'requested' },
      { first_on: '2026-04-01', requested_on: null, completed_on: null, last_on: '2026-04-01', last_status: 'cancelled' },
    ]);
    // And the summary still equals what the changes say, worked out from scratch.
    const fromChanges = all(
      t,
      `SELECT (SELECT min(date) FROM move_transitions WHERE move_id = m.id) AS first_on,
        (SELECT min(date) FROM move_transitions WHERE move_id = m.id AND status = 'requested') AS requested_on,
        (SELECT min(date) FROM move_transitions WHERE move_id = m.id AND status = 'completed') AS completed_on,
        (SELECT date FROM move_transitions WHERE move_id = m.id ORDER BY date DESC, id DESC LIMIT 1) AS last_on,
        (SELECT status FROM move_transitions WHERE move_id = m.id ORDER BY date DESC, id DESC LIMIT 1) AS last_status
       FROM moves m ORDER BY m.id`,
    );
    expect(summaries()).toEqual(fromChanges);
    expect(integrityProblems(t.sqlite)).toEqual([]);
  });

  it('0010 from version 9: the unused audit index is gone, the log and its chain are untouched', async () => {
    const { t, before } = await migratedWithData(10);
    expectRowsKept(t, before);
    expect(schemaNames(t.sqlite, 'index')).not.toContain('audit_log_entity');
    expect(schemaNames(t.sqlite, 'index')).toEqual(expect.arrayContaining(['audit_log_user', 'audit_log_case', 'audit_log_action']));
    expect(await verifyAuditChain(typed(t))).toMatchObject({ ok: true, rows: before.audit_log });
    expect(integrityProblems(t.sqlite)).toEqual([]);
  });

  it('0011 from version 10: names composed and keyed in Swedish order, signed notes and the log untouched', async () => {
    // tests/db/migration-0011.test.ts checks the text rewrite column by column and the search.
    const { t, before } = await migratedWithData(11);
    expectRowsKept(t, before);
    const names = all<{ n: string; k: string }>(t, 'SELECT survivor_name AS n, survivor_name_key AS k FROM cases ORDER BY id');
    expect(names.map((r) => r.n)).toEqual(['Åsa Fiktiv', 'Beata Prov', DECOMPOSED_NAME.normalize('NFC')]);
    for (const r of names) expect(r.k).toBe(svSortKey(r.n));
    // Stored decomposed, the name had no trigram "eva"; composed, and with accents folded, it has.
    expect(all(t, `SELECT rowid FROM cases_search WHERE cases_search MATCH '"eva ex"'`)).toEqual([{ rowid: 3 }]);
    expect(schemaNames(t.sqlite, 'index')).toContain('cases_name_key');
    expect(schemaNames(t.sqlite, 'index')).not.toContain('cases_name');
    expect(await verifyAuditChain(typed(t))).toMatchObject({ ok: true, rows: before.audit_log });
    expect(integrityProblems(t.sqlite)).toEqual([]);
  });

  it('0012 from version 11: moves and their changes kept whole, a route or status outside the lists refused', async () => {
    const t = await atVersion(11);
    seedAt(t, 11);
    // A deleted last move and change: their ids must not come back.
    run(t, 'DELETE FROM moves WHERE id = 5');
    const before = rowCounts(t.sqlite);
    const snapshot = (table: string) => all(t, `SELECT * FROM ${table} ORDER BY id`);
    const [moves, transitions] = [snapshot('moves'), snapshot('move_transitions')];
    const sequence = () => all(t, "SELECT name, seq FROM sqlite_sequence WHERE name IN ('moves', 'move_transitions') ORDER BY name");
    const sequenceBefore = sequence();
    expect(await migrateTo(t, 12)).toMatchObject({ from: 11, to: 12 });
    expectRowsKept(t, before);
    expect(snapshot('moves')).toEqual(moves);
    expect(snapshot('move_transitions')).toEqual(transitions);
    expect(sequence()).toEqual(sequenceBefore);
    expect(schemaNames(t.sqlite, 'index')).toEqual(
      expect.arrayContaining(['moves_case', 'moves_begun', 'moves_completed', 'move_transitions_move', 'move_transitions_report']),
    );
    expect(indexColumns(t.sqlite, 'moves_begun')).toEqual([
      'first_on',
      'completed_on',
      'case_id',
      'route',
      'to_kind',
      'to_code',
      'requested_on',
      'last_on',
      'last_status',
      'id',
    ]);
    expect(schemaNames(t.sqlite, 'table')).not.toEqual(expect.arrayContaining(['moves_new', 'move_transitions_new']));

    const insertMove = (route: string, status: string, toKind = 'municipality') =>
      run(
        t,
        "INSERT INTO moves (case_id, to_kind, to_code, route, status, check_json, created_by, created_at) VALUES (1, ?, '1280', ?, ?, '{}', 3, ?)",
        toKind,
        route,
        status,
        NOW,
      );
    expect(() => insertMove('by_boat', 'planned')).toThrow(/CHECK constraint/);
    expect(() => insertMove('kompotten', 'maybe')).toThrow(/CHECK constraint/);
    expect(() => insertMove('kompotten', 'planned', 'country')).toThrow(/CHECK constraint/);
    expect(() => run(t, "UPDATE moves SET status = 'lost' WHERE id = 1")).toThrow(/CHECK constraint/);
    const transition = t.sqlite.prepare('INSERT INTO move_transitions (move_id, status, date, recorded_by, recorded_at) VALUES (?, ?, ?, 3, ?)');
    expect(() => transition.run(3, 'lost', '2026-03-02', NOW)).toThrow(/CHECK constraint/);
    // A new move goes on from the deleted one's id; the triggers keep its summary.
    insertMove('kompotten', 'planned');
    expect(one(t, 'SELECT max(id) AS id FROM moves')).toEqual({ id: 6 });
    transition.run(6, 'requested', '2026-05-02', NOW);
    transition.run(3, 'requested', '2026-03-02', NOW);
    expect(all(t, 'SELECT id, requested_on, last_status FROM moves WHERE id IN (3, 6) ORDER BY id')).toEqual([
      { id: 3, requested_on: '2026-03-02', last_status: 'requested' },
      { id: 6, requested_on: '2026-05-02', last_status: 'requested' },
    ]);
    run(t, "UPDATE move_transitions SET date = '2026-03-03' WHERE move_id = 3 AND status = 'requested'");
    expect(one(t, 'SELECT requested_on FROM moves WHERE id = 3')).toEqual({ requested_on: '2026-03-03' });
    run(t, "DELETE FROM move_transitions WHERE move_id = 3 AND status = 'requested'");
    expect(one(t, 'SELECT requested_on, last_status FROM moves WHERE id = 3')).toEqual({ requested_on: null, last_status: 'planned' });
    // Foreign keys are on again, and a move's changes still go with it.
    expect(t.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    run(t, 'DELETE FROM moves WHERE id = 1');
    expect(one(t, 'SELECT count(*) AS n FROM move_transitions WHERE move_id = 1')).toEqual({ n: 0 });
    expect(() => transition.run(99, 'planned', '2026-03-02', NOW)).toThrow(/FOREIGN KEY/);
    expect(integrityProblems(t.sqlite)).toEqual([]);
  });
});

describe('from each version to the latest, with data', () => {
  it.each(MIGRATIONS.map((m) => m.version - 1))('from version %i: rows kept, chain verifying, schema as the snapshot', async (from) => {
    const t = await atVersion(from);
    seedAt(t, from);
    const before = rowCounts(t.sqlite);
    expect(await migrateTo(t, LATEST_VERSION)).toMatchObject({ from, to: LATEST_VERSION });
    expectRowsKept(t, before);
    expect(await verifyAuditChain(typed(t))).toMatchObject({ ok: true, rows: before.audit_log ?? 0 });
    expect(integrityProblems(t.sqlite)).toEqual([]);
    expect(schemaSnapshotText(t.sqlite)).toBe(fs.readFileSync(SCHEMA_SNAPSHOT_FILE, 'utf8'));
    // Moves that existed before 0009 got their summaries on the way.
    if (from >= 2)
      expect(all(t, 'SELECT first_on, requested_on, completed_on, last_on, last_status FROM moves ORDER BY id')).toEqual(MOVES.map((m) => m.summary));
  });
});
