/** Sort direction, as in the API's `order` parameter. */
export type SortOrder = 'asc' | 'desc';

/** A value a column sorts by; null sorts last in both directions (missing data is never "the largest"). */
export type SortValue = string | number | null;

const collator = new Intl.Collator('en-US', { numeric: true, sensitivity: 'base' });

/** Compares two sort values ascending; nulls compare greater than anything. */
export function compareValues(a: SortValue, b: SortValue): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return collator.compare(String(a), String(b));
}

/** A stable sorted copy of `rows`; nulls stay last whichever the order, ties keep their input order. */
export function sortRows<T>(rows: readonly T[], valueOf: (row: T) => SortValue, order: SortOrder): T[] {
  const sign = order === 'asc' ? 1 : -1;
  return rows.toSorted((x, y) => {
    const a = valueOf(x);
    const b = valueOf(y);
    if (a === null || b === null) return compareValues(a, b);
    return sign * compareValues(a, b);
  });
}

/** The aria-sort value of a column header. */
export function ariaSort(active: boolean, order: SortOrder): 'ascending' | 'descending' | 'none' {
  if (!active) return 'none';
  return order === 'asc' ? 'ascending' : 'descending';
}
