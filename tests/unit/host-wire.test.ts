import { describe, expect, it } from 'vitest';
import { decodeResult, encodeResult } from '../../worker/wire';

describe('worker results on the wire', () => {
  const large = { total: 3, rows: Array.from({ length: 500 }, (_, i) => ({ id: i, name: `Fiktiv ${i}`, note: null, open: i % 2 === 0, tags: ['a', 'ö'] })) };

  it('sends a large plain result as JSON text that decodes to the same value', () => {
    const wire = encodeResult(large);
    expect('json' in wire).toBe(true);
    expect(decodeResult(wire)).toStrictEqual(large);
  });

  it('clones small results and anything JSON would change', () => {
    expect(encodeResult({ state: 'locked' })).toEqual({ result: { state: 'locked' } });
    const odd = [
      { ...large, at: new Date(0) },
      { ...large, missing: undefined },
      { ...large, ratio: Number.NaN },
      { ...large, zero: -0 },
      { ...large, bytes: Buffer.from('x') },
      { ...large, ids: new Set([1]) },
      { ...large, big: 1n },
      [...large.rows, undefined],
    ];
    for (const value of odd) {
      const wire = encodeResult(value);
      expect('result' in wire && wire.result === value).toBe(true);
    }
  });
});
