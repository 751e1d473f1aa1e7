import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES, ROLES } from '../../core/contract';
import type { Message } from '../../core/i18n';
import type { PassphraseHint } from '../../core/rules/passphrase-strength';
import { en } from '../../renderer/src/i18n/en';
import { sv } from '../../renderer/src/i18n/sv';
import { formatDay, formatMoment } from '../../renderer/src/lib/format';
import { dateFormat, formatDate } from '../../renderer/src/i18n/format';
import { isMessageKey, makeTranslator } from '../../renderer/src/i18n/translate';

/** Every form of a message: the text, or each plural form. */
const forms = (message: Message): string[] => (typeof message === 'string' ? [message] : [message.one, message.other]);
const placeholders = (message: Message): string[] =>
  [...new Set(forms(message).flatMap((text) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '')))].sort();

describe('i18n dictionaries', () => {
  it('have identical key sets', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(sv).sort());
  });

  it('have no empty strings', () => {
    for (const [language, dictionary] of Object.entries({ sv, en })) {
      for (const [key, message] of Object.entries(dictionary)) {
        for (const text of forms(message)) expect(text.trim(), `${language} ${key}`).not.toBe('');
      }
    }
  });

  it('use the same placeholders in both languages', () => {
    for (const key of Object.keys(sv)) {
      if (!isMessageKey(key)) throw new Error(key);
      expect(placeholders(en[key]), key).toEqual(placeholders(sv[key]));
    }
  });

  it('translate every API error code, role and passphrase hint', () => {
    for (const code of ERROR_CODES) expect(isMessageKey(`error.${code}`), code).toBe(true);
    for (const role of ROLES) expect(isMessageKey(`role.${role}`), role).toBe(true);
    const hints: PassphraseHint[] = ['too_short', 'add_words', 'mix_characters', 'avoid_repeats', 'avoid_common'];
    for (const hint of hints) expect(isMessageKey(`passphrase.hint_${hint}`), hint).toBe(true);
  });

  it('translate every validation message the shared schemas use', () => {
    for (const key of [
      'required',
      'username_too_short',
      'username_too_long',
      'username_format',
      'passphrase_too_short',
      'passphrase_too_long',
      'text_too_long',
      'idle_lock_range',
      'number_required',
    ]) {
      expect(isMessageKey(`validation.${key}`), key).toBe(true);
    }
  });

  it('translate every validation key written in the contract sources', () => {
    // Plain paths: under jsdom the global URL is jsdom's, which node:fs does not accept.
    const folder = path.resolve(import.meta.dirname, '../../core/contract');
    const keys = new Set<string>(['pin_check_digit']);
    for (const file of fs.readdirSync(folder)) {
      const source = fs.readFileSync(path.join(folder, file), 'utf8');
      for (const match of source.matchAll(/message: '([a-z_]+)'/g)) keys.add(match[1] ?? '');
    }
    expect(keys.size).toBeGreaterThan(5);
    for (const key of keys) expect(isMessageKey(`validation.${key}`), key).toBe(true);
  });

  it('use the Swedish terms of the trade', () => {
    const all = Object.values(sv).flatMap(forms).join(' ');
    for (const term of ['Handläggare', 'Gruppledare', 'Administratör', 'Granskare', 'lösenfras', 'återställningsnyckel', 'Lås', 'Ärenden']) {
      expect(all, term).toContain(term);
    }
  });

  it('interpolate and format numbers per language', () => {
    expect(makeTranslator('sv')('audit.ok', { rows: 12345, head: '12345' })).toBe(
      'Loggkedjan är hel. 12\u00a0345 rader kontrollerade, senaste sekvensnummer 12345.',
    );
    expect(makeTranslator('en')('audit.ok', { rows: 12345, head: '12345' })).toBe(
      'The log chain is intact. 12,345 rows checked, latest sequence number 12345.',
    );
  });

  it('make each translator and date format once: a scrolling list mounts dozens of rows a frame', () => {
    expect(makeTranslator('sv')).toBe(makeTranslator('sv'));
    expect(makeTranslator('en')).not.toBe(makeTranslator('sv'));
    expect(dateFormat('sv', 'date')).toBe(dateFormat('sv', 'date'));
    expect(dateFormat('sv', 'moment')).not.toBe(dateFormat('sv', 'date'));
    expect(dateFormat('en', 'date')).not.toBe(dateFormat('sv', 'date'));
    // Still each language's own way of writing a date.
    expect(formatDay('2026-03-01', 'sv')).toBe('1 mars 2026');
    expect(formatDay('2026-03-01', 'en')).toBe('1 Mar 2026');
    expect(formatMoment('2026-03-01T10:00:00.000Z', 'en')).toMatch(/^1 Mar 2026, \d\d:00$/);
    expect(formatDate('2026-03-01T10:00:00.000Z', 'sv')).toBe('1 mars 2026');
  });
});
