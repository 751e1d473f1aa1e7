import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REFUSAL_REASONS, type ApiError } from '../../core/contract';
import { errorDetail } from '../../renderer/src/api/error-text';
import { dictionaries, makeTranslator } from '../../renderer/src/i18n/translate';

const ROOT = process.cwd();

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(rel);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [rel] : [];
  });
}

/** Every reason key named in the code that refuses: `.because('key'`, `? 'key' :`, refuse(…, 'key') and the reason maps. */
function reasonsUsedInCode(): Set<string> {
  const used = new Set<string>();
  for (const file of ['app', 'db', 'worker', 'electron', 'core/rules'].flatMap(sourceFiles)) {
    const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
    for (const m of text.matchAll(/\.because\(([^)]*)/g)) for (const k of (m[1] ?? '').matchAll(/(?<!=== )'([a-z_]+)'/g)) used.add(k[1] ?? '');
    for (const m of text.matchAll(/refuse\([^;]*?,\s*'([a-z_]+)'/g)) used.add(m[1] ?? '');
    for (const m of text.matchAll(/_REASONS = \{([^}]*)\}/g)) for (const k of (m[1] ?? '').matchAll(/: '([a-z_]+)'/g)) used.add(k[1] ?? '');
  }
  return used;
}

describe('refusal texts', () => {
  it('has a Swedish and an English text for every reason the code refuses with', () => {
    const used = reasonsUsedInCode();
    expect(used.size).toBeGreaterThan(80);
    for (const reason of used) {
      expect(REFUSAL_REASONS, reason).toContain(reason);
      for (const language of ['sv', 'en'] as const) {
        expect(Object.keys(dictionaries[language]), `${language}: ${reason}`).toContain(`refusal.${reason}`);
      }
    }
    for (const reason of REFUSAL_REASONS) expect(used, `unused reason ${reason}`).toContain(reason);
  });

  it('says a refusal with params entirely in Swedish, enum members by their labels', () => {
    const error: ApiError = {
      code: 'not_allowed',
      message: 'A move cannot go from planned straight to offered: record each step. From planned it can only become requested or cancelled.',
      reason: 'move_transition_skips',
      params: { from: 'planned', to: 'offered', allowed: ['requested', 'cancelled'] },
    };
    const sv = errorDetail(makeTranslator('sv'), 'sv', error, false);
    expect(sv).toBe(
      'En flytt kan inte gå direkt från Planerad till Erbjuden: registrera varje steg. Från Planerad kan den bara bli Förfrågan skickad eller Avbruten.',
    );
    expect(sv).not.toMatch(/planned|offered|requested|cancelled|move|step/);
    const en = errorDetail(makeTranslator('en'), 'en', error, false);
    expect(en).toContain('From Planned it can only become Requested or Cancelled.');
  });

  it('never shows the English message: without a reason there is no detail', () => {
    expect(errorDetail(makeTranslator('sv'), 'sv', { code: 'not_allowed', message: 'The case is closed.' }, false)).toBeNull();
  });
});
