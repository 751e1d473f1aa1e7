import { describe, expect, it } from 'vitest';
import { makeTranslator, type MessageKey } from '../../renderer/src/i18n/translate';
import { en } from '../../renderer/src/i18n/en';
import { sv } from '../../renderer/src/i18n/sv';

const svT = makeTranslator('sv');
const enT = makeTranslator('en');

describe('plurals', () => {
  it('say one and two of a count in Swedish and English', () => {
    expect(svT('cases.count', { count: 1 })).toBe('1 ärende');
    expect(svT('cases.count', { count: 2 })).toBe('2 ärenden');
    expect(enT('cases.count', { count: 1 })).toBe('1 case');
    expect(enT('cases.count', { count: 2 })).toBe('2 cases');
    expect(svT('logreview.marked', { count: 1 })).toBe('1 rad markerad som granskad.');
    expect(svT('logreview.marked', { count: 2 })).toBe('2 rader markerade som granskade.');
    expect(enT('logreview.marked', { count: 1 })).toBe('1 row marked as reviewed.');
    expect(enT('logreview.marked', { count: 2 })).toBe('2 rows marked as reviewed.');
    expect(svT('retention.purged', { count: 1 })).toBe('1 ärende är gallrat.');
    expect(enT('retention.purged', { count: 2 })).toBe('2 cases are purged.');
    expect(enT('retention.rule_years', { years: 1 })).toMatch(/^A closed case is purged 1 year after/);
    expect(enT('retention.rule_years', { years: 5 })).toMatch(/^A closed case is purged 5 years after/);
  });

  it('choose the form by the count the entry names', () => {
    expect(svT('kompotten.ledger_count', { count: 0, total: 1 })).toBe('Visar 0 av 1 förfrågan.');
    expect(svT('kompotten.ledger_count', { count: 1, total: 3 })).toBe('Visar 1 av 3 förfrågningar.');
    expect(svT('audit.ok', { rows: 1, head: '1' })).toBe('Loggkedjan är hel. 1 rad kontrollerad, senaste sekvensnummer 1.');
    expect(enT('risk.review_hint_changed', { level: 'High', date: '1 Jan 2027', days: 1 })).toContain('(1 day)');
  });

  it('leave no count in the catalogue without plural forms where a noun follows it', () => {
    // A number placeholder directly followed by a word that changes with the count.
    const countThenNoun = /\{(count|rows|days|years)\} (ärenden|rader|dagar|cases|rows|days|years|matches|träffar)/;
    for (const [language, dictionary] of Object.entries({ sv, en })) {
      for (const [key, message] of Object.entries(dictionary)) {
        if (typeof message === 'string' && key !== ('cases.count_capped' satisfies MessageKey))
          expect(message, `${language} ${key}`).not.toMatch(countThenNoun);
      }
    }
  });
});
