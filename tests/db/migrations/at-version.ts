import crypto from 'node:crypto';
import path from 'node:path';
import { Kysely, SqliteDialect } from 'kysely';
import { writable, type WriteDb } from '../../../db/handles';
import { onTestFinished } from 'vitest';
import { auditHash, GENESIS_HASH } from '../../../db/audit/chain';
import { applyRequiredPragmas, openKeyed, type SqliteDb } from '../../../db/connection/open';
import { LATEST_VERSION, MIGRATIONS } from '../../../db/migrations';
import { migrate, type MigrationReport } from '../../../db/migrations/runner';
import type { DB } from '../../../db/schema';
import { tempDir } from '../../helpers/temp';

/** A real encrypted database file in a temporary folder, removed when the test finishes. */
export interface TestDatabase {
  sqlite: SqliteDb;
  /** Untyped: at an old version the schema is not db/schema.ts's. */
  db: Kysely<unknown>;
  file: string;
  key: Buffer;
}

/** Opens a new, empty encrypted database (version 0) with the connection settings the app uses. */
export function emptyDatabase(): TestDatabase {
  const t = tempDir();
  const file = path.join(t.dir, 'fristad.db');
  const key = crypto.randomBytes(32);
  const sqlite = openKeyed(file, key);
  applyRequiredPragmas(sqlite);
  const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: sqlite }) });
  onTestFinished(() => {
    if (sqlite.open) sqlite.close();
    t.cleanup();
  });
  return { sqlite, db, file, key };
}

/** Runs the real runner with the migrations up to `version` only. */
export function migrateTo(t: TestDatabase, version: number = LATEST_VERSION): Promise<MigrationReport> {
  return migrate(t.sqlite, t.db, t.file, MIGRATIONS.slice(0, version));
}

/** A new database at `version`, migrated there by the real runner. */
export async function atVersion(version: number): Promise<TestDatabase> {
  const t = emptyDatabase();
  await migrateTo(t, version);
  return t;
}

/** The same connection seen through the latest schema's types, for repositories and the chain check. */
export function typed(t: TestDatabase): WriteDb {
  return writable(new Kysely<DB>({ dialect: new SqliteDialect({ database: t.sqlite }) }));
}

export const NOW = '2026-11-26T10:00:00.000Z';

/** A decomposed É (E + combining acute), as some macOS programs paste it; migration 0011 composes it. */
export const DECOMPOSED_NAME = 'E\u0301va Exempel';

/**
 * Fills a database at `version` with representative rows of every table that exists there, written
 * with plain SQL against that version's schema (repositories speak only the latest); with `after`,
 * only the rows of the tables versions after it added. Ids are fixed:
 * users 1 administrator, 2 team lead, 3 caseworker, 4 auditor (disabled); cases 1 open, 2 open and
 * protected, 3 closed (decomposed name); moves 1–5 as listed in MOVES.
 */
export function seedAt(t: TestDatabase, version: number, after = 0): void {
  for (const [since, seed] of SEEDS) if (since > after && since <= version) seed(t);
}

/** What each version added, written in its schema; later versions' columns keep their defaults. */
const SEEDS: readonly (readonly [version: number, seed: (t: TestDatabase) => void])[] = [
  [1, seedFoundation],
  [2, seedCasework],
  [3, seedRisk],
  [4, seedTrust],
  [6, seedRetention],
];

function runner(t: TestDatabase): (text: string, ...args: unknown[]) => void {
  return (text, ...args) => void t.sqlite.prepare(text).run(...args);
}

function seedFoundation(t: TestDatabase): void {
  const run = runner(t);
  run(`INSERT INTO settings (key, value) VALUES ('team_name', '"Fiktiva teamet"')`);
  run(`INSERT INTO counties (code, name, letter_code) VALUES ('01', 'Stockholms län', 'AB'), ('12', 'Skåne län', 'M')`);
  run(`INSERT INTO municipalities (code, name, county_code, lat, lon) VALUES
    ('0180', 'Stockholm', '01', 59.33, 18.07), ('0184', 'Solna', '01', 59.36, 18.0), ('1280', 'Malmö', '12', 55.6, 13.0)`);
  run(`INSERT INTO districts (slug, name, lat, lon) VALUES ('sodermalm', 'Södermalm', 59.31, 18.07), ('kista', 'Kista', 59.4, 17.94)`);
  const user = t.sqlite.prepare("INSERT INTO users (username, display_name, role, wrapped_key, created_at, disabled_at) VALUES (?, ?, ?, '{}', ?, ?)");
  user.run('admin', 'Ada Admin', 'administrator', NOW, null);
  user.run('lea', 'Lea Ledare', 'team_lead', NOW, null);
  user.run('anna', 'Anna Handläggare', 'caseworker', NOW, null);
  user.run('olle', 'Olle Granskare', 'auditor', NOW, NOW);
  appendRawAudit(t.sqlite, [
    { user_id: 1, role: 'administrator', action: 'setup', entity: 'team', entity_id: null },
    { user_id: 2, role: 'team_lead', action: 'unlock', entity: 'session', entity_id: null },
    { user_id: null, role: null, action: 'failed_unlock', entity: 'session', entity_id: null, outcome: 'denied' },
  ]);
}

function seedCasework(t: TestDatabase): void {
  const run = runner(t);
  const kase = t.sqlite.prepare(`INSERT INTO cases (case_number, status, closed_reason, closed_at, survivor_name, survivor_pin, survivor_gender,
    survivor_birth_year, protection_level, honour_context, vulnerabilities, district_slug, assigned_user_id, created_by, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, 'woman', ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  kase.run('RVT-2026-0001', 'open', null, null, 'Åsa Fiktiv', '19900101-0000', 1990, 'none', 0, '[]', 'sodermalm', 3, 2, NOW, '2026-11-20T09:00:00.000Z');
  kase.run(
    'RVT-2026-0002',
    'open',
    null,
    null,
    'Beata Prov',
    null,
    1985,
    'skyddad_folkbokforing',
    1,
    '["disability"]',
    'kista',
    2,
    2,
    NOW,
    '2026-11-21T09:00:00.000Z',
  );
  kase.run('RVT-2025-0003', 'closed', 'moved_away', '2026-01-31', DECOMPOSED_NAME, null, null, 'none', 0, '[]', null, null, 3, NOW, '2026-01-31T09:00:00.000Z');
  run(`INSERT INTO children (case_id, name, birth_year, school) VALUES (1, 'Barn Ett', 2015, 'Skolan'), (1, 'Barn Två', 2018, ''), (2, 'Barn Tre', 2012, '')`);
  run(
    `INSERT INTO perpetrators (case_id, name, relation, collective, notes) VALUES (1, 'Per Förövare', 'former_partner', 0, 'Hotfull'), (2, '', 'relative', 1, '')`,
  );
  run(`INSERT INTO perpetrator_areas (perpetrator_id, municipality_code, district_slug, description) VALUES
    (1, '0180', NULL, 'Bor här'), (1, NULL, 'kista', 'Arbetar här'), (2, '1280', NULL, '')`);
  const move = t.sqlite
    .prepare(`INSERT INTO moves (case_id, from_kind, from_code, to_kind, to_code, route, status, notes, check_json, override_reason, created_by, created_at)
    VALUES (?, 'municipality', '0180', ?, ?, ?, ?, '', '{"areas":[]}', ?, 3, ?)`);
  const transition = t.sqlite.prepare('INSERT INTO move_transitions (move_id, status, date, recorded_by, recorded_at) VALUES (?, ?, ?, 3, ?)');
  for (const m of MOVES) {
    move.run(m.caseId, m.toKind, m.toCode, m.route, m.status, m.overrideReason, NOW);
  }
  // Recorded in this order (ids grow with it), dates as the user gave them.
  for (const [moveId, status, date] of TRANSITIONS) transition.run(moveId, status, date, NOW);
  run(`INSERT INTO kompotten_members (municipality_code, contact, added_at) VALUES ('1280', 'Kontakt Malmö', ?)`, NOW);
  run(
    `INSERT INTO kompotten_requests (direction, counterpart_code, case_id, date, outcome, notes, created_by, created_at) VALUES
    ('sent', '1280', 1, '2026-02-02', 'declined', 'Ingen plats', 3, ?), ('received', '0184', NULL, '2026-04-01', 'pending', '', 2, ?)`,
    NOW,
    NOW,
  );
  run(`INSERT INTO shelters (name, operator, municipality_code, ivo_kind, ivo_number, ivo_valid_until, capacity_adults, capacity_children)
    VALUES ('Skyddat boende Fiktiv', 'Stiftelsen Fiktiv', '0180', 'permit', 'IVO-1', '2027-12-31', 6, 8)`);
  run(
    `INSERT INTO housing_steps (case_id, child_id, kind, start_date, end_date, provider, shelter_id, place_kind, place_code, cost_per_day, outcome, obstacles, created_by, created_at) VALUES
    (1, NULL, 'protected_shelter', '2026-01-01', '2026-01-20', '', 1, NULL, NULL, 1800, 'moved_on', '[]', 3, ?),
    (1, 1, 'protected_shelter', '2026-01-01', NULL, '', 1, NULL, NULL, 900, 'ongoing', '[]', 3, ?),
    (2, NULL, 'transitional', '2026-02-01', NULL, 'Bostadsbolaget', NULL, 'municipality', '0184', NULL, 'ongoing', '["no_income"]', 2, ?)`,
    NOW,
    NOW,
    NOW,
  );
  run(
    `INSERT INTO support_items (case_id, kind, agency, status, start_date) VALUES (1, 'school', 'Skolan', 'in_progress', '2026-01-05'), (2, 'legal', '', 'needed', NULL)`,
  );
  run(
    `INSERT INTO journal_notes (case_id, note_date, body, status, author_id, created_at, signed_at, corrects_note_id) VALUES
    (1, '2026-11-20', 'Utkast om samtal', 'draft', 3, ?, NULL, NULL),
    (1, '2026-11-10', 'Signerad anteckning', 'signed', 3, ?, ?, NULL),
    (1, '2026-11-11', 'Rättelse av anteckningen', 'signed', 2, ?, ?, 2),
    (3, '2026-01-30', 'Avslutande anteckning', 'signed', 3, ?, ?, NULL)`,
    NOW,
    NOW,
    NOW,
    NOW,
    NOW,
    NOW,
    NOW,
  );
  run(
    `INSERT INTO reminders (case_id, kind, due_date, note, done_at, created_by, created_at) VALUES
    (1, 'follow_up', '2026-12-01', 'Ring upp', NULL, 3, ?), (2, 'review', '2026-06-01', '', '2026-06-02T08:00:00.000Z', 2, ?)`,
    NOW,
    NOW,
  );
  appendRawAudit(t.sqlite, [
    { user_id: 3, role: 'caseworker', action: 'create', entity: 'case', entity_id: '1' },
    { user_id: 3, role: 'caseworker', action: 'sign', entity: 'journal_note', entity_id: '2' },
  ]);
}

function seedRisk(t: TestDatabase): void {
  const run = runner(t);
  run(`INSERT INTO risk_instruments (template_id, version, source, json, imported_at, imported_by) VALUES ('fiktiv-mall', '1', 'builtin', '{}', ?, NULL)`, NOW);
  run(
    `INSERT INTO assessments (case_id, child_id, template_id, template_version, status, survivor_view, headline_level, next_review_date, started_by, started_at, completed_by, completed_at) VALUES
    (1, NULL, 'fiktiv-mall', '1', 'completed', 'Känner sig otrygg', 'high', '2026-12-15', 3, ?, 3, '2026-11-15T10:00:00.000Z'),
    (1, 1, 'fiktiv-mall', '1', 'draft', '', NULL, NULL, 3, ?, NULL, NULL)`,
    NOW,
    NOW,
  );
  run(
    `UPDATE cases SET risk_level = 'high', risk_assessed_at = '2026-11-15T10:00:00.000Z', risk_assessment_id = 1, next_review_date = '2026-12-15' WHERE id = 1`,
  );
}

function seedTrust(t: TestDatabase): void {
  const run = runner(t);
  run('INSERT INTO case_shares (case_id, user_id, granted_by, granted_at) VALUES (2, 3, 2, ?)', NOW);
  run("INSERT INTO audit_reviews (seq, reviewed_by, reviewed_at, comment) VALUES (3, 2, ?, 'Känt försök')", NOW);
  appendRawAudit(t.sqlite, [
    { user_id: 2, role: 'team_lead', action: 'reveal', entity: 'case', entity_id: '2', case_id: 2, reason: 'Behöver adressen' },
    { user_id: 2, role: 'team_lead', action: 'share', entity: 'case', entity_id: '2', case_id: 2 },
  ]);
}

function seedRetention(t: TestDatabase): void {
  const run = runner(t);
  run(
    "INSERT INTO retention_decisions (case_id, decision, comment, last_entry_at, decided_by, decided_at) VALUES (3, 'keep', 'Pågående tvist', '2026-01-31', 2, ?)",
    NOW,
  );
}

/** One seeded move: where to, how, and the summary 0009 must work out from its changes. */
interface SeededMove {
  caseId: number;
  toKind: 'municipality' | 'district';
  toCode: string;
  route: string;
  status: string;
  overrideReason: string | null;
  summary: { first_on: string | null; requested_on: string | null; completed_on: string | null; last_on: string | null; last_status: string | null };
}

/** Moves 1–5 in id order, with the summary each should have (worked out by hand from TRANSITIONS). */
export const MOVES: readonly SeededMove[] = [
  // Accepted and completed the same day: the later change (by id) is the latest.
  {
    caseId: 1,
    toKind: 'district',
    toCode: 'sodermalm',
    route: 'within_city',
    status: 'completed',
    overrideReason: null,
    summary: { first_on: '2026-01-10', requested_on: '2026-01-12', completed_on: '2026-01-20', last_on: '2026-01-20', last_status: 'completed' },
  },
  // An offer recorded after the decline but dated before it: the latest is by date, not by id.
  {
    caseId: 1,
    toKind: 'municipality',
    toCode: '1280',
    route: 'kompotten',
    status: 'declined',
    overrideReason: 'Ingen annan plats',
    summary: { first_on: '2026-02-01', requested_on: '2026-02-03', completed_on: null, last_on: '2026-02-10', last_status: 'declined' },
  },
  {
    caseId: 2,
    toKind: 'municipality',
    toCode: '0184',
    route: 'own_application',
    status: 'planned',
    overrideReason: null,
    summary: { first_on: '2026-03-01', requested_on: null, completed_on: null, last_on: '2026-03-01', last_status: 'planned' },
  },
  // No change recorded at all: nothing to summarise.
  {
    caseId: 2,
    toKind: 'municipality',
    toCode: '0180',
    route: 'self_arranged',
    status: 'cancelled',
    overrideReason: null,
    summary: { first_on: null, requested_on: null, completed_on: null, last_on: null, last_status: null },
  },
  // Requested twice, the earlier request recorded last: the earliest counts; completed over a year's end.
  {
    caseId: 3,
    toKind: 'municipality',
    toCode: '1280',
    route: 'other',
    status: 'completed',
    overrideReason: null,
    summary: { first_on: '2025-11-28', requested_on: '2025-11-30', completed_on: '2026-01-08', last_on: '2026-01-08', last_status: 'completed' },
  },
];

/** [move id, status, date], in the order they were recorded. */
export const TRANSITIONS: readonly (readonly [number, string, string])[] = [
  [1, 'planned', '2026-01-10'],
  [1, 'requested', '2026-01-12'],
  [1, 'accepted', '2026-01-20'],
  [1, 'completed', '2026-01-20'],
  [2, 'planned', '2026-02-01'],
  [2, 'requested', '2026-02-03'],
  [2, 'declined', '2026-02-10'],
  [2, 'offered', '2026-02-08'],
  [3, 'planned', '2026-03-01'],
  [5, 'planned', '2025-11-28'],
  [5, 'requested', '2025-12-20'],
  [5, 'requested', '2025-11-30'],
  [5, 'accepted', '2026-01-05'],
  [5, 'completed', '2026-01-08'],
];

interface RawAuditRow {
  user_id: number | null;
  role: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  outcome?: string;
  /** Only from version 4 on; rows before it have neither column. */
  case_id?: number;
  reason?: string;
}

/** Appends rows to the hash chain with plain SQL, hashed as the app hashes them. */
export function appendRawAudit(sqlite: SqliteDb, rows: readonly RawAuditRow[]): void {
  const head = sqlite.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string } | undefined;
  let seq = head?.seq ?? 0;
  let prevHash = head?.hash ?? GENESIS_HASH;
  for (const r of rows) {
    seq += 1;
    const row = { seq, at: NOW, user_id: r.user_id, role: r.role, action: r.action, entity: r.entity, entity_id: r.entity_id, outcome: r.outcome ?? 'ok' };
    const extra = r.case_id === undefined && r.reason === undefined ? {} : { case_id: r.case_id ?? null, reason: r.reason ?? null };
    const hash = auditHash(prevHash, { ...row, ...extra });
    const stored: Record<string, unknown> = { ...row, ...extra, prev_hash: prevHash, hash };
    const columns = Object.keys(stored);
    sqlite.prepare(`INSERT INTO audit_log (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`).run(stored);
    prevHash = hash;
  }
}

/** Rows per table, leaving out the migration record and the search index's own tables. */
export function rowCounts(sqlite: SqliteDb): Record<string, number> {
  const names = (
    sqlite
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'cases_search%' AND name <> 'schema_migrations' ORDER BY name",
      )
      .all() as { name: string }[]
  ).map((r) => r.name);
  return Object.fromEntries(names.map((name) => [name, (sqlite.prepare(`SELECT count(*) AS n FROM "${name}"`).get() as { n: number }).n]));
}

/** What SQLite's own checks (and the search index's, where there is one) find wrong; empty when clean. */
export function integrityProblems(sqlite: SqliteDb): unknown[] {
  const problems: unknown[] = [];
  const integrity = sqlite.pragma('integrity_check') as { integrity_check: string }[];
  if (integrity.length !== 1 || integrity[0]?.integrity_check !== 'ok') problems.push(...integrity);
  problems.push(...(sqlite.pragma('foreign_key_check') as unknown[]));
  if (sqlite.prepare("SELECT 1 FROM sqlite_master WHERE name = 'cases_search'").get()) {
    try {
      sqlite.prepare("INSERT INTO cases_search (cases_search) VALUES ('integrity-check')").run();
    } catch (err) {
      problems.push(`cases_search: ${(err as Error).message}`);
    }
  }
  return problems;
}

/** The schema as db/schema.snapshot.sql holds it. */
export function schemaSnapshotText(sqlite: SqliteDb): string {
  const schema = (
    sqlite.prepare("SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY type DESC, name").all() as { sql: string }[]
  )
    .map((r) => `${r.sql};`)
    .join('\n');
  return `-- Schema after all migrations (version ${LATEST_VERSION}). Generated by tests/db/migrations.test.ts.\n${schema}\n`;
}

export const SCHEMA_SNAPSHOT_FILE = path.resolve(import.meta.dirname, '../../../db/schema.snapshot.sql');

/** Names of the tables, indexes or triggers (by `type`) that exist. */
export function schemaNames(sqlite: SqliteDb, type: 'table' | 'index' | 'trigger'): string[] {
  return (sqlite.prepare("SELECT name FROM sqlite_master WHERE type = ? AND name NOT LIKE 'sqlite_%' ORDER BY name").all(type) as { name: string }[]).map(
    (r) => r.name,
  );
}

/** The columns of an index, in order. */
export function indexColumns(sqlite: SqliteDb, index: string): string[] {
  return (sqlite.prepare('SELECT name FROM pragma_index_info(?) ORDER BY seqno').all(index) as { name: string }[]).map((r) => r.name);
}
