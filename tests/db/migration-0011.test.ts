import { Kysely, SqliteDialect } from 'kysely';
import { readable } from '../../db/handles';
import { describe, expect, it } from 'vitest';
import { svSortKey } from '../../core/rules/swedish-order';
import { schemaVersion } from '../../db/connection/open';
import { MIGRATIONS } from '../../db/migrations';
import { migrate } from '../../db/migrations/runner';
import { listCases } from '../../db/repositories/case-list';
import type { DB } from '../../db/schema';
import { listInput } from '../helpers/casework';
import { atVersion } from './migrations/at-version';

/** Decomposed, as some macOS programs paste it: A + combining ring, O + diaeresis, e + acute. */
const D = { Å: 'A\u030A', Ö: 'O\u0308', å: 'a\u030A', ä: 'a\u0308', é: 'e\u0301', ö: 'o\u0308' };
const NOW = '2026-11-26T10:00:00.000Z';

describe('migration 0011 from version 10 with data', () => {
  it('rewrites typed text to NFC (not signed notes nor the audit log), keys the names in Swedish order and finds them', async () => {
    const { sqlite, db, file } = await atVersion(10);
    expect(schemaVersion(sqlite)).toBe(10);

    const run = (text: string, ...args: unknown[]) => sqlite.prepare(text).run(...args);
    run("INSERT INTO users (username, display_name, role, wrapped_key, created_at) VALUES ('lea', ?, 'team_lead', '{}', ?)", `Lea ${D.Ö}berg`, NOW);
    const insertCase = sqlite.prepare(
      "INSERT INTO cases (case_number, status, survivor_name, survivor_gender, protection_level, safe_contact, created_by, created_at, updated_at) VALUES (?, 'open', ?, 'woman', 'none', ?, 1, ?, ?)",
    );
    const names = [`${D.Å}sa Fiktiv`, `${D.Ö}rjan Fiktiv`, 'Zelda Fiktiv', `${D.é}mile Durand`, 'Asa Annan', 'Eva Fiktiv'];
    names.forEach((name, i) => insertCase.run(`RVT-2026-000${i + 1}`, name, `Ring ${D.ö}vre`, NOW, NOW));
    run('INSERT INTO children (case_id, name, school) VALUES (1, ?, ?)', `Bj${D.ö}rn`, `Sk${D.ö}ndal`);
    run("INSERT INTO perpetrators (case_id, name, relation, notes) VALUES (1, ?, 'former_partner', ?)", `P${D.ä}r`, `N${D.ä}ra`);
    run("INSERT INTO journal_notes (case_id, note_date, body, status, author_id, created_at) VALUES (1, '2026-11-26', ?, 'draft', 1, ?)", `Utkast ${D.ä}`, NOW);
    run(
      "INSERT INTO journal_notes (case_id, note_date, body, status, author_id, created_at, signed_at) VALUES (1, '2026-11-26', ?, 'signed', 1, ?, ?)",
      `Signerad ${D.ä}`,
      NOW,
      NOW,
    );
    run("INSERT INTO reminders (case_id, kind, due_date, note, created_by, created_at) VALUES (1, 'follow_up', '2026-12-01', ?, 1, ?)", `P${D.å}minn`, NOW);
    run(
      "INSERT INTO audit_log (seq, at, user_id, role, action, entity, entity_id, outcome, prev_hash, hash, reason) VALUES (1, ?, 1, 'team_lead', 'x', 'case', '1', 'ok', 'p', 'h', ?)",
      NOW,
      `Sk${D.ä}l`,
    );

    const report = await migrate(sqlite, db, file, MIGRATIONS.slice(0, 11));
    expect(report).toMatchObject({ from: 10, to: 11 });

    const one = <T>(text: string) => sqlite.prepare(text).get() as T;
    const all = <T>(text: string) => sqlite.prepare(text).all() as T[];
    expect(one<{ d: string }>('SELECT display_name AS d FROM users').d).toBe('Lea Öberg');
    expect(all<{ n: string; s: string }>('SELECT survivor_name AS n, safe_contact AS s FROM cases ORDER BY id')).toEqual(
      names.map((n) => ({ n: n.normalize('NFC'), s: 'Ring övre' })),
    );
    expect(one('SELECT name, school FROM children')).toEqual({ name: 'Björn', school: 'Sköndal' });
    expect(one('SELECT name, notes FROM perpetrators')).toEqual({ name: 'Pär', notes: 'Nära' });
    expect(one<{ note: string }>('SELECT note FROM reminders').note).toBe('Påminn');
    // A signed note is read-only (a trigger refuses any change): it keeps the form it was signed in.
    expect(all<{ body: string }>('SELECT body FROM journal_notes ORDER BY id').map((r) => r.body)).toEqual(['Utkast ä', `Signerad ${D.ä}`]);
    // The audit log is hash-chained: never rewritten.
    expect(one<{ reason: string }>('SELECT reason FROM audit_log').reason).toBe(`Sk${D.ä}l`);

    // Every name has its Swedish sort key, and new or renamed cases get theirs from the triggers.
    for (const r of all<{ n: string; k: string }>('SELECT survivor_name AS n, survivor_name_key AS k FROM cases')) expect(r.k).toBe(svSortKey(r.n));
    run("UPDATE cases SET survivor_name = 'Ärla Fiktiv' WHERE id = 6");
    insertCase.run('RVT-2026-0099', 'Bertil Fiktiv', '', NOW, NOW);
    for (const r of all<{ n: string; k: string }>('SELECT survivor_name AS n, survivor_name_key AS k FROM cases')) expect(r.k).toBe(svSortKey(r.n));

    const typed = readable(new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }) }));
    const lead = { id: 1, role: 'team_lead' } as const;
    const found = async (query: string) => (await listCases(typed, listInput({ query }), '2026-11-27', lead)).rows.map((r) => r.survivorName);
    for (const query of ['åsa', 'Åsa', 'ÅSA']) expect(await found(query), query).toEqual(['Åsa Fiktiv']);
    expect(await found('asa')).toEqual(['Asa Annan']);
    expect(await found('emile')).toEqual(['émile Durand']);
    expect(await found('örjan')).toEqual(['Örjan Fiktiv']);
    expect(await found('ärla')).toEqual(['Ärla Fiktiv']);
    const sorted = (await listCases(typed, listInput({ sort: 'name', direction: 'asc' }), '2026-11-27', lead)).rows.map((r) => r.survivorName);
    expect(sorted).toEqual(['Asa Annan', 'Bertil Fiktiv', 'émile Durand', 'Zelda Fiktiv', 'Åsa Fiktiv', 'Ärla Fiktiv', 'Örjan Fiktiv']);
  });
});
