import type { District } from '@bitterroot/contracts';
import type { SortOrder, SortValue } from '../../lib/sort.ts';
import { sortRows } from '../../lib/sort.ts';
import { isDistrictLevel, matchesText } from '../districts/district-filter.ts';
import type { StateAnbRow } from './anb-summary.ts';

/** Columns the statewide table sorts by. */
export type StateSortKey =
  'districtNumber' | 'name' | 'elementary' | 'highSchool' | 'fall' | 'spring' | 'anb';

const SORT_KEYS: readonly StateSortKey[] = [
  'districtNumber',
  'name',
  'elementary',
  'highSchool',
  'fall',
  'spring',
  'anb',
];

/** Filters and sort of the statewide table, as kept in the URL. */
export interface StateAnbView {
  q: string;
  level: District['level'] | '';
  sort: StateSortKey;
  order: SortOrder;
}

/** Largest ANB first: the districts funding staff look at most. */
export const DEFAULT_STATE_VIEW: StateAnbView = { q: '', level: '', sort: 'anb', order: 'desc' };

/** Reads the statewide view from the URL; unknown values fall back to the defaults. */
export function parseStateView(params: URLSearchParams): StateAnbView {
  const level = params.get('level') ?? '';
  const sort = SORT_KEYS.find((k) => k === params.get('sort'));
  const order = params.get('order');
  return {
    q: params.get('q') ?? '',
    level: isDistrictLevel(level) ? level : '',
    sort: sort ?? DEFAULT_STATE_VIEW.sort,
    order: order === 'asc' || order === 'desc' ? order : DEFAULT_STATE_VIEW.order,
  };
}

function sortValue(row: StateAnbRow, key: StateSortKey): SortValue {
  return row[key];
}

/** Applies the view's filters (name or number, district level) and sort. */
export function applyStateView(rows: readonly StateAnbRow[], view: StateAnbView): StateAnbRow[] {
  const filtered = rows.filter(
    (r) => (view.level === '' || r.level === view.level) && matchesText(view.q, r.name, r.districtNumber),
  );
  return sortRows(filtered, (r) => sortValue(r, view.sort), view.order);
}
