import { describe, expect, it } from 'vitest';
import { normalizeInputText } from '../../core/contract/well-formed-text';

describe('normalizeInputText', () => {
  it('returns a copy with every string and key in NFC, leaving the input as it was', () => {
    const input = { name: 'A\u030Asa', list: ['O\u0308', 1, null, true, { ['e\u0301']: 'x' }] };
    const out = normalizeInputText(input);
    expect(out).toEqual({ ok: true, value: { name: 'Åsa', list: ['Ö', 1, null, true, { é: 'x' }] } });
    expect(input.name).toBe('A\u030Asa');
  });

  it('keeps secrets as typed: a key was derived from the passphrase as it was set', () => {
    const input = { username: 'kim', passphrase: 'A\u030A long one', newPassphrase: 'O\u0308', recoveryKey: 'e\u0301' };
    expect(normalizeInputText(input)).toEqual({ ok: true, value: input });
    expect(normalizeInputText({ passphrase: 'x\uD800' })).toEqual({ ok: false, path: ['passphrase'] });
  });

  it('refuses a lone surrogate and two keys that NFC makes one, with their path', () => {
    expect(normalizeInputText({ a: [{ b: 'x\uDC00' }] })).toEqual({ ok: false, path: ['a', 0, 'b'] });
    expect(normalizeInputText({ a: { ['e\u0301']: 1, é: 2 } })).toEqual({ ok: false, path: ['a', 'é'] });
  });

  it('keeps a "__proto__" key a key, and stops at the depth bound', () => {
    const parsed: unknown = JSON.parse('{"__proto__": {"polluted": "A\\u030a"}}');
    const out = normalizeInputText(parsed);
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(Object.getPrototypeOf(out.value)).toBe(Object.prototype);
    expect(Object.keys(out.value as object)).toEqual(['__proto__']);
    const deep = { a: { b: 'A\u030A' } };
    expect(normalizeInputText(deep, 1)).toEqual({ ok: true, value: { a: deep.a } });
  });
});
