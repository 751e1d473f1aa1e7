import type { Key, ReactNode } from 'react';

/** One column of a register: its header and what each row shows in it. */
export interface RegisterColumn<T> {
  header: string;
  cell: (row: T) => ReactNode;
  /** The column that names the row: its cells are the rows' header cells, for screen readers. */
  rowHeader?: boolean;
  className?: string;
}

interface RegisterTableProps<T> {
  /** The table's caption; or `labelledBy`, the id of a heading that names it. */
  caption?: ReactNode;
  labelledBy?: string;
  /** Null leaves a column out (one the current case or user does not have). */
  columns: readonly (RegisterColumn<T> | null)[];
  rows: readonly T[];
  rowKey: (row: T) => Key;
  /** The last column: what can be done with the row (change it in place, confirm a removal). */
  actions?: { header: string; cell: (row: T) => ReactNode };
  className?: string;
}

/**
 * A register of rows (shelters, members, requests, users, support items) in a scrolling table:
 * a caption, a header per column, the row's name as its header cell, and an actions column where
 * a row is changed in place.
 */
export function RegisterTable<T>({ caption, labelledBy, columns, rows, rowKey, actions, className }: RegisterTableProps<T>) {
  const shown = columns.filter((column): column is RegisterColumn<T> => column !== null);
  return (
    <div className="table-scroll">
      <table className={className} aria-labelledby={labelledBy}>
        {caption === undefined ? null : <caption>{caption}</caption>}
        <thead>
          <tr>
            {shown.map((column) => (
              <th key={column.header} scope="col">
                {column.header}
              </th>
            ))}
            {actions ? <th scope="col">{actions.header}</th> : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)}>
              {shown.map((column) =>
                column.rowHeader ? (
                  <th key={column.header} scope="row" className={column.className}>
                    {column.cell(row)}
                  </th>
                ) : (
                  <td key={column.header} className={column.className}>
                    {column.cell(row)}
                  </td>
                ),
              )}
              {actions ? <td>{actions.cell(row)}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
