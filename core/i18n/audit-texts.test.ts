import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS } from '../contract/audit-review';
import { caseExtractDocument } from '../rules/audit-export';
import { actionName, AUDIT_ENTITIES, entityName, outcomeName, roleName } from './audit-texts';
import { LANGUAGES } from './language';

const ROOT = path.resolve(__dirname, '../..');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(rel);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [rel] : [];
  });
}

/** Every entity an audit row is written with in the code. */
function entitiesInCode(): Set<string> {
  const found = new Set<string>();
  for (const file of ['app', 'db', 'worker', 'electron', 'core/contract'].flatMap(sourceFiles)) {
    for (const m of fs.readFileSync(path.join(ROOT, file), 'utf8').matchAll(/entity: '([a-z_]+)'/g)) found.add(m[1] ?? '');
  }
  return found;
}

// Internal names (case_shares, audit_log) and a case named by its database id ("ärendet 170").
const INTERNAL = /[a-z]+_[a-z_]+|\b(ärendet?|case) \d+/i;

describe('audit texts', () => {
  it('name every entity the code writes to the log', () => {
    const used = entitiesInCode();
    expect(used.size).toBeGreaterThan(30);
    for (const entity of used) expect(AUDIT_ENTITIES, entity).toContain(entity);
  });

  it('say every action × entity in both languages in words, never an internal name or a database id', () => {
    for (const lang of LANGUAGES) {
      for (const action of AUDIT_ACTIONS) {
        for (const entity of AUDIT_ENTITIES) {
          const said = `${actionName(lang, action)} ${entityName(lang, entity)}`;
          expect(said, `${lang} ${action} ${entity}`).not.toMatch(INTERNAL);
        }
      }
      for (const outcome of ['ok', 'denied', 'failed']) expect(outcomeName(lang, outcome)).not.toMatch(INTERNAL);
      for (const role of ['administrator', 'team_lead', 'caseworker', 'auditor']) expect(roleName(lang, role)).not.toMatch(INTERNAL);
      // A newer version's codes are named as unknown, not shown as they are.
      expect(actionName(lang, 'future_action')).not.toMatch(INTERNAL);
      expect(entityName(lang, 'future_entity')).not.toMatch(INTERNAL);
    }
  });

  it('write a survivor’s log extract with words only', () => {
    for (const lang of LANGUAGES) {
      const entries = AUDIT_ACTIONS.flatMap((action, i) =>
        AUDIT_ENTITIES.map((entity, j) => ({
          seq: i * 100 + j,
          at: '2026-03-01T10:00:00.000Z',
          userName: 'Handläggare A',
          role: 'caseworker',
          action,
          entity,
          outcome: 'ok',
          reason: null,
        })),
      );
      const doc = caseExtractDocument(entries, {
        language: lang,
        teamName: 'Team',
        caseNumber: 'FR-2026-0007',
        exportedAt: '2026-03-02T10:00:00.000Z',
        chainHead: null,
      });
      const text = [
        doc.title,
        ...doc.meta,
        doc.footnote,
        ...doc.sections.flatMap((s) => [s.title, ...s.header, ...s.rows.flatMap((r) => r.values.map(String))]),
      ].join('\n');
      expect(text).not.toMatch(INTERNAL);
      expect(text).toContain('FR-2026-0007');
    }
  });
});
