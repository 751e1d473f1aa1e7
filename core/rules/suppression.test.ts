import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { effectiveThreshold, gridRelations, publishTable, publishTables, suppressionMask, type RawTable } from './suppression';

/** A table with a total column (index cols) and a total row (index rows), totals from true values. */
function withTotals(interior: number[][]): number[][] {
  const cols = interior[0]?.length ?? 0;
  const rows = interior.map((row) => [...row, row.reduce((a, b) => a + b, 0)]);
  const totals = Array.from({ length: cols + 1 }, (_, c) => rows.reduce((a, row) => a + (row[c] ?? 0), 0));
  return [...rows, totals];
}

describe('suppressionMask', () => {
  it('hides counts from 1 to threshold − 1 and shows zero', () => {
    const mask = suppressionMask([[0, 1, 4, 5, 100]], [], 5);
    expect(mask).toEqual([[false, true, true, false, false]]);
  });

  it('hides the next-smallest cell of a row and column that has exactly one hidden cell', () => {
    // 2 is hidden; its row total 20 would give it away, so 8 (the smallest other in the row) is hidden;
    // then columns 0 and 1 each have one hidden cell and need a partner.
    const grid = withTotals([
      [2, 8, 10],
      [30, 40, 50],
      [6, 7, 9],
    ]);
    const mask = suppressionMask(grid, gridRelations(3, 3, { rowTotals: true, columnTotals: true }), 5, ([r, c]) => r === 3 || c === 3);
    expect(mask[0]?.slice(0, 3)).toEqual([true, true, false]);
    expect(mask[2]?.slice(0, 3)).toEqual([true, true, false]);
    expect(mask[1]?.slice(0, 3)).toEqual([false, false, false]);
    expect(mask[3]?.every((h) => !h)).toBe(true);
  });

  it('hides a total under the threshold and protects it through the other totals', () => {
    const grid = withTotals([
      [1, 2],
      [20, 30],
      [10, 12],
    ]);
    const mask = suppressionMask(grid, gridRelations(3, 2, { rowTotals: true, columnTotals: true }), 5, ([r, c]) => r === 3 || c === 2);
    expect(mask[0]?.[2]).toBe(true); // row total 3
    // The column of row totals now has one hidden member: the smallest other row total is hidden too.
    expect(mask[2]?.[2]).toBe(true);
  });

  it('never picks a zero as a partner', () => {
    const grid = withTotals([[3, 0, 0, 7]]);
    const mask = suppressionMask(grid, gridRelations(1, 4, { rowTotals: true, columnTotals: true }), 5, ([r, c]) => r === 1 || c === 4);
    expect(mask[0]).toEqual([true, false, false, true, false]);
  });

  it('uses the threshold setting but never goes below 3', () => {
    expect(effectiveThreshold(5)).toBe(5);
    expect(effectiveThreshold(2)).toBe(3);
    expect(effectiveThreshold(undefined)).toBe(5);
    expect(effectiveThreshold(7.9)).toBe(7);
  });
});

describe('publishTable', () => {
  const table = (cells: RawTable['rows'][number]['cells'][]): RawTable => ({
    id: 't',
    period: 'current',
    titleKey: 'x',
    columns: [
      { key: 'n', labelKey: 'n' },
      { key: 'days', labelKey: 'd' },
    ],
    rows: cells.map((c, i) => ({ key: `r${i}`, labelKey: `r${i}`, cells: c })),
    relations: [],
  });

  it('hides measures over too few cases and those beside a hidden count', () => {
    const out = publishTable(
      table([
        [
          { kind: 'count', value: 3 },
          { kind: 'measure', value: 40, unit: 'days', n: 6, hideWith: [0, 0] },
        ],
        [
          { kind: 'count', value: 9 },
          { kind: 'measure', value: 12.5, unit: 'days', n: 4 },
        ],
        [
          { kind: 'count', value: 9 },
          { kind: 'measure', value: 12.5, unit: 'days', n: 5 },
        ],
      ]),
      5,
    );
    expect(out.rows.map((r) => r.cells)).toEqual([
      [{ kind: 'suppressed' }, { kind: 'measure', value: null, unit: 'days' }],
      [
        { kind: 'count', value: 9 },
        { kind: 'measure', value: null, unit: 'days' },
      ],
      [
        { kind: 'count', value: 9 },
        { kind: 'measure', value: 12.5, unit: 'days' },
      ],
    ]);
    expect(out).not.toHaveProperty('relations');
  });
});

describe('suppression (property): nothing hidden can be recomputed from the published totals', () => {
  // Small counts are common in a team's tables; bias towards them.
  const count = fc.oneof({ weight: 3, arbitrary: fc.integer({ min: 0, max: 6 }) }, { weight: 2, arbitrary: fc.integer({ min: 0, max: 60 }) });
  const tableArb = fc
    .record({ rows: fc.integer({ min: 1, max: 7 }), cols: fc.integer({ min: 1, max: 7 }), threshold: fc.integer({ min: 3, max: 8 }) })
    .chain(({ rows, cols, threshold }) =>
      fc.record({
        threshold: fc.constant(threshold),
        interior: fc.array(fc.array(count, { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows }),
      }),
    );

  it('holds for random tables with row and column totals', () => {
    fc.assert(
      fc.property(tableArb, ({ interior, threshold }) => {
        const rows = interior.length;
        const cols = interior[0]?.length ?? 0;
        const grid = withTotals(interior);
        const relations = gridRelations(rows, cols, { rowTotals: true, columnTotals: true });
        const mask = suppressionMask(grid, relations, threshold, ([r, c]) => r === rows || c === cols);
        const value = (r: number, c: number): number => grid[r]?.[c] ?? 0;
        const hidden = (r: number, c: number): boolean => mask[r]?.[c] === true;

        for (let r = 0; r <= rows; r++) {
          for (let c = 0; c <= cols; c++) {
            const v = value(r, c);
            // No published count is under the threshold, except zero, which is shown.
            if (!hidden(r, c)) expect(v === 0 || v >= threshold).toBe(true);
            if (!hidden(r, c)) continue;
            expect(v).toBeGreaterThan(0);
            // Row: the row total minus the row's published cells (or, for a hidden total, their sum).
            const rowPublished = Array.from({ length: cols }, (_, k) => k).filter((k) => k !== c && !hidden(r, k));
            if (c < cols && !hidden(r, cols)) expect(value(r, cols) - rowPublished.reduce((a, k) => a + value(r, k), 0)).not.toBe(v);
            if (c === cols && rowPublished.length === cols) expect(rowPublished.reduce((a, k) => a + value(r, k), 0)).not.toBe(v);
            // Column: likewise with the column total.
            const colPublished = Array.from({ length: rows }, (_, k) => k).filter((k) => k !== r && !hidden(k, c));
            if (r < rows && !hidden(rows, c)) expect(value(rows, c) - colPublished.reduce((a, k) => a + value(k, c), 0)).not.toBe(v);
            if (r === rows && colPublished.length === rows) expect(colPublished.reduce((a, k) => a + value(k, c), 0)).not.toBe(v);
          }
        }
        // Every relation has no hidden member or at least two.
        for (const rel of relations) expect(rel.filter(([r, c]) => hidden(r, c)).length).not.toBe(1);
      }),
      { numRuns: 500 },
    );
  });
});

describe('publishTables', () => {
  const one = (id: string, period: 'current' | 'previous', values: number[]): RawTable => ({
    id,
    period,
    titleKey: id,
    columns: [{ key: 'n', labelKey: 'n' }],
    rows: [
      ...values.map((v, i) => ({ key: `r${i}`, cells: [{ kind: 'count' as const, value: v }] })),
      { key: 'total', total: true, cells: [{ kind: 'count' as const, value: values.reduce((a, b) => a + b, 0) }] },
    ],
    relations: gridRelations(values.length, 1, { rowTotals: false, columnTotals: true }),
  });

  it('hides a figure shown in two tables in both when either table needs it hidden', () => {
    const a = one('a', 'current', [2, 10]);
    const b = one('b', 'current', [12, 0]);
    const out = publishTables([a, b], 5, [
      [
        { table: 'a', period: 'current', row: 'r1', col: 'n' },
        { table: 'b', period: 'current', row: 'r0', col: 'n' },
      ],
    ]);
    expect(out[0]?.rows.map((r) => r.cells[0]?.kind)).toEqual(['suppressed', 'suppressed', 'count']);
    // b's r0 equals a's hidden r1, so it is hidden; then b's column needs a second hidden member.
    expect(out[1]?.rows[0]?.cells[0]).toEqual({ kind: 'suppressed' });
    expect(out[1]?.rows[2]?.cells[0]).toEqual({ kind: 'suppressed' });
  });
});
