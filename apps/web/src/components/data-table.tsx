import type { ReactNode } from 'react';
import type { SortOrder, SortValue } from '../lib/sort.ts';
import { ariaSort } from '../lib/sort.ts';

/** One column of a DataTable. */
export interface Column<T, K extends string = string> {
  key: K;
  label: string;
  /** Right-aligned, tabular figures, and sorted largest-first on the first click. */
  numeric?: boolean;
  /** The value the column sorts by (used by callers that sort; the table itself only renders). */
  sortValue: (row: T) => SortValue;
  render?: (row: T) => ReactNode;
}

/** Props of DataTable: rows arrive already filtered and sorted; the table reports header clicks. */
export interface DataTableProps<T, K extends string> {
  caption: ReactNode;
  columns: readonly Column<T, K>[];
  rows: readonly T[];
  rowKey: (row: T) => string;
  /** The column whose cells are row headers (`<th scope="row">`), usually the name. */
  rowHeader: K;
  sort: K;
  order: SortOrder;
  onSort: (key: K, order: SortOrder) => void;
  empty: ReactNode;
}

/** The order a header click asks for: flip the active column, else numbers largest-first, text A–Z. */
export function nextOrder(active: boolean, current: SortOrder, numeric: boolean): SortOrder {
  if (active) return current === 'asc' ? 'desc' : 'asc';
  return numeric ? 'desc' : 'asc';
}

/** A semantic, sortable table: header buttons carry aria-sort on their `<th>`. */
export function DataTable<T, K extends string>(props: DataTableProps<T, K>) {
  const { columns, rows, sort, order } = props;
  const sortedBy = columns.find((c) => c.key === sort);
  return (
    <div className="table-scroll">
      <table className="data-table">
        <caption>
          {props.caption}
          {sortedBy && (
            <span className="visually-hidden">
              , sorted by {sortedBy.label} {order === 'asc' ? 'ascending' : 'descending'}
            </span>
          )}
        </caption>
        <thead>
          <tr>
            {columns.map((column) => {
              const active = column.key === sort;
              return (
                <th
                  key={column.key}
                  scope="col"
                  aria-sort={ariaSort(active, order)}
                  className={column.numeric ? 'numeric' : undefined}
                >
                  <button
                    type="button"
                    className="sort-button"
                    onClick={() =>
                      props.onSort(column.key, nextOrder(active, order, column.numeric ?? false))
                    }
                  >
                    {column.label}
                    <span className="sort-indicator" aria-hidden="true">
                      {active ? (order === 'asc' ? '▲' : '▼') : '↕'}
                    </span>
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={columns.length} className="empty">
                {props.empty}
              </td>
            </tr>
          ) : (
            rows.map((row) => (
              <tr key={props.rowKey(row)}>
                {columns.map((column) => {
                  const content = column.render ? column.render(row) : column.sortValue(row);
                  const className = column.numeric ? 'numeric' : undefined;
                  return column.key === props.rowHeader ? (
                    <th key={column.key} scope="row" className={className}>
                      {content}
                    </th>
                  ) : (
                    <td key={column.key} className={className}>
                      {content}
                    </td>
                  );
                })}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
