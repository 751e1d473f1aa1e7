import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonSyntaxErrorOffset, readInstrumentFile } from './instrument-file';

describe('instrument file syntax', () => {
  it('finds where JSON goes wrong, agreeing with JSON.parse on whether it is valid', () => {
    expect(jsonSyntaxErrorOffset('{"a":}')).toBe(5);
    expect(jsonSyntaxErrorOffset('{"a" 1}')).toBe(5);
    expect(jsonSyntaxErrorOffset('[1,]')).toBe(3);
    expect(jsonSyntaxErrorOffset('{')).toBe(1);
    expect(jsonSyntaxErrorOffset('')).toBe(0);
    expect(jsonSyntaxErrorOffset(' {"a": [1, -2.5e3, true, null, "x\\u00e5\\n"]} ')).toBe(-1);
    expect(jsonSyntaxErrorOffset('[01]')).toBe(2);
    expect(jsonSyntaxErrorOffset('"\\x"')).toBe(1);
    fc.assert(
      fc.property(
        fc.oneof(
          fc.json(),
          fc.string(),
          fc.json().map((j) => j.slice(0, -1)),
        ),
        (text) => {
          let valid = true;
          try {
            JSON.parse(text);
          } catch {
            valid = false;
          }
          expect(jsonSyntaxErrorOffset(text) === -1).toBe(valid);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('survives very deep nesting', () => {
    expect(jsonSyntaxErrorOffset('['.repeat(200_000))).toBe(200_000);
    const r = readInstrumentFile('['.repeat(200_000) + ']'.repeat(200_000));
    expect(r.ok).toBe(false);
  });

  it('names line and column of a syntax error without quoting the file', () => {
    const r = readInstrumentFile('{\n  "format": "fristad-risk-instrument",\n  "id": secret\n}');
    expect(r).toEqual({ ok: false, message: expect.stringContaining('line 3, column 9'), issues: [{ path: [], message: 'json_syntax: line 3, column 9' }] });
    expect(JSON.stringify(r)).not.toContain('secret');
  });

  it('says when a file ends too early, and ignores a byte-order mark', () => {
    const r = readInstrumentFile('{"format": "fristad-risk-instrument", ');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/ends too early/);
    const bom = readInstrumentFile('\uFEFF{}');
    expect(bom.ok).toBe(false);
    if (!bom.ok) expect(bom.issues.some((i) => i.message.startsWith('json_syntax'))).toBe(false);
  });
});
