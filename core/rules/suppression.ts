/**
 * Small-count suppression for reports to socialnämnden.
 *
 * Primary: a count from 1 to threshold − 1 is hidden (shown "<threshold"). Zero is shown: a zero
 * identifies no one, and hiding zeros would only make tables harder to read (common practice at
 * SCB and Socialstyrelsen). Totals are counts too, computed from the true values, so a total under
 * the threshold is hidden by the same rule.
 *
 * Secondary: a table declares the additive relations a reader can form from it (each row with its
 * row total, each column with its column total, flows such as open at start + new − closed = open
 * at end). A relation with exactly one hidden member would give that member away by subtraction,
 * so another member of it is hidden too: the smallest non-zero published count, interior cells
 * before totals. This repeats until every relation has no hidden member or at least two. Zeros are
 * never chosen: a hidden zero would add nothing to the subtraction, so it would not protect. Every
 * hidden cell is then non-zero, and subtracting the published members from a published total
 * gives the sum of two or more hidden counts, never one of them.
 */

/** A cell of a table's grid: [row, column]. */
export type CellRef = readonly [number, number];

/** Cells whose signed sum is zero; only membership matters for suppression. */
export type Relation = readonly CellRef[];

/** The smallest threshold the app ever uses, whatever the setting says. */
export const MIN_THRESHOLD = 3;

/** The threshold in force: the setting, rounded down, never below the minimum. */
export function effectiveThreshold(setting: number | null | undefined, fallback = 5): number {
  const t = typeof setting === 'number' && Number.isFinite(setting) ? Math.floor(setting) : fallback;
  return Math.max(MIN_THRESHOLD, t);
}

/** Whether a single count is under the threshold (and not zero). */
export function isSmall(value: number, threshold: number): boolean {
  return value > 0 && value < threshold;
}

/**
 * Which counts of a grid to hide. `values[r][c]` is a count, or null for a cell that is not a count
 * (a measure); `isTotal` marks total cells, which are chosen for secondary suppression only when no
 * interior cell will do.
 */
export function suppressionMask(
  values: readonly (readonly (number | null)[])[],
  relations: readonly Relation[],
  threshold: number,
  isTotal: (ref: CellRef) => boolean = () => false,
): boolean[][] {
  const hidden = values.map((row) => row.map((v) => v !== null && isSmall(v, threshold)));
  const valueAt = ([r, c]: CellRef): number | null => values[r]?.[c] ?? null;
  const isHidden = ([r, c]: CellRef): boolean => hidden[r]?.[c] === true;

  for (let changed = true; changed;) {
    changed = false;
    for (const relation of relations) {
      if (relation.filter(isHidden).length !== 1) continue;
      let best: CellRef | null = null;
      let bestKey: [number, number] = [Infinity, Infinity];
      for (const ref of relation) {
        const v = valueAt(ref);
        if (isHidden(ref) || v === null || v <= 0) continue;
        const key: [number, number] = [isTotal(ref) ? 1 : 0, v];
        if (key[0] < bestKey[0] || (key[0] === bestKey[0] && key[1] < bestKey[1])) {
          best = ref;
          bestKey = key;
        }
      }
      if (best) {
        const row = hidden[best[0]];
        if (row) row[best[1]] = true;
        changed = true;
      }
    }
  }
  return hidden;
}

/**
 * The relations of a plain cross table: `rows` × `cols` interior cells, with a total column at index
 * `cols` and/or a total row at index `rows` when asked for. `columns` limits which columns are
 * additive down the rows (others, e.g. measures, are left out).
 */
export function gridRelations(rows: number, cols: number, options: { rowTotals: boolean; columnTotals: boolean; columns?: readonly number[] }): Relation[] {
  const relations: Relation[] = [];
  const interiorCols = options.columns ?? Array.from({ length: cols }, (_, c) => c);
  const lastRow = options.columnTotals ? rows + 1 : rows;
  if (options.rowTotals) {
    for (let r = 0; r < lastRow; r++) relations.push([...interiorCols.map((c): CellRef => [r, c]), [r, cols]]);
  }
  if (options.columnTotals) {
    const allCols = options.rowTotals ? [...interiorCols, cols] : interiorCols;
    for (const c of allCols) relations.push([...Array.from({ length: rows }, (_, r): CellRef => [r, c]), [rows, c]]);
  }
  return relations;
}

/** A figure before suppression: a true count, or a measure with the number of cases behind it. */
export type RawCell =
  | { kind: 'count'; value: number }
  | {
      kind: 'measure';
      value: number | null;
      unit: 'days' | 'sek';
      /** How many cases (placements, moves…) the measure is over. */
      n: number;
      /** A count cell whose hiding hides this measure too (a sum of days beside its placements). */
      hideWith?: CellRef;
    };

export interface RawRow {
  key: string;
  labelKey?: string;
  label?: string;
  total?: boolean;
  cells: RawCell[];
}

export interface RawTable {
  id: string;
  period: 'current' | 'previous';
  titleKey: string;
  columns: { key: string; labelKey: string }[];
  rows: RawRow[];
  totalColumnKey?: string;
  /** Every additive relation a reader could form from the published cells. */
  relations: Relation[];
}

export type PublishedCell = { kind: 'count'; value: number } | { kind: 'suppressed' } | { kind: 'measure'; value: number | null; unit: 'days' | 'sek' };

export interface PublishedTable extends Omit<RawTable, 'rows' | 'relations'> {
  rows: (Omit<RawRow, 'cells'> & { cells: PublishedCell[] })[];
}

/** A cell named by its table, period, row key and column key. */
export interface CellAddress {
  table: string;
  period: 'current' | 'previous';
  row: string;
  col: string;
}

/** Applies primary and secondary suppression to counts and hides measures over too few cases. */
export function publishTable(table: RawTable, threshold: number): PublishedTable {
  const [out] = publishTables([table], threshold, []);
  if (!out) throw new Error('unreachable');
  return out;
}

/**
 * Publishes tables together, so that a figure shown in two tables (the same total, or a period's
 * open-at-end that is the next one's open-at-start) is hidden in both or neither: each link is a
 * relation of two equal cells, and the tables' own relations apply across one combined grid.
 */
export function publishTables(tables: readonly RawTable[], threshold: number, links: readonly (readonly [CellAddress, CellAddress])[]): PublishedTable[] {
  const offsets: number[] = [];
  const values: (number | null)[][] = [];
  const totals: boolean[][] = [];
  for (const table of tables) {
    offsets.push(values.length);
    const totalCol = table.totalColumnKey === undefined ? -1 : table.columns.findIndex((c) => c.key === table.totalColumnKey);
    for (const row of table.rows) {
      values.push(row.cells.map((cell) => (cell.kind === 'count' ? cell.value : null)));
      totals.push(row.cells.map((_, c) => row.total === true || c === totalCol));
    }
  }
  const relations: Relation[] = tables.flatMap((t, i) => t.relations.map((rel) => rel.map(([r, c]): CellRef => [r + (offsets[i] ?? 0), c])));
  const locate = (a: CellAddress): CellRef => {
    const i = tables.findIndex((t) => t.id === a.table && t.period === a.period);
    const t = tables[i];
    const r = t ? t.rows.findIndex((row) => row.key === a.row) : -1;
    const c = t ? t.columns.findIndex((col) => col.key === a.col) : -1;
    if (!t || r < 0 || c < 0) throw new Error(`No cell ${a.table}/${a.period}/${a.row}/${a.col}.`);
    return [r + (offsets[i] ?? 0), c];
  };
  for (const [a, b] of links) relations.push([locate(a), locate(b)]);
  const hidden = suppressionMask(values, relations, threshold, ([r, c]) => totals[r]?.[c] === true);

  return tables.map((table, i) => {
    const base = offsets[i] ?? 0;
    const { relations: _relations, ...rest } = table;
    return {
      ...rest,
      rows: table.rows.map((row, r) => ({
        ...row,
        cells: row.cells.map((cell, c): PublishedCell => {
          if (cell.kind === 'count') return hidden[base + r]?.[c] ? { kind: 'suppressed' } : { kind: 'count', value: cell.value };
          const hiddenWith = cell.hideWith !== undefined && hidden[base + cell.hideWith[0]]?.[cell.hideWith[1]] === true;
          const shown = cell.value !== null && cell.n >= threshold && !hiddenWith;
          return { kind: 'measure', value: shown ? cell.value : null, unit: cell.unit };
        }),
      })),
    };
  });
}
