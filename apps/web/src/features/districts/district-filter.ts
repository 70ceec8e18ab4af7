import type { District } from '@bitterroot/contracts';
import type { SortOrder, SortValue } from '../../lib/sort.ts';
import { sortRows } from '../../lib/sort.ts';

/** Columns the districts table sorts by (the API's `sort` values). */
export type DistrictSortKey =
  'districtNumber' | 'name' | 'level' | 'studentCount' | 'schoolCount' | 'ccdEnrollment';

/** District levels in display order. */
export const DISTRICT_LEVELS: readonly District['level'][] = [
  'elementary',
  'high_school',
  'k12',
  'state_agency',
];

/** Filter and sort state of the districts table, as kept in the URL. */
export interface DistrictView {
  q: string;
  level: District['level'] | '';
  sort: DistrictSortKey;
  order: SortOrder;
}

/** True when a string is one of the district levels. */
export function isDistrictLevel(value: string): value is District['level'] {
  return (DISTRICT_LEVELS as readonly string[]).includes(value);
}

/** True when a string is a sortable district column. */
export function isDistrictSortKey(value: string): value is DistrictSortKey {
  return ['districtNumber', 'name', 'level', 'studentCount', 'schoolCount', 'ccdEnrollment'].includes(value);
}

/** Case-insensitive match on name or number; all words must match ("billings h" finds Billings H S). */
export function matchesText(query: string, ...fields: string[]): boolean {
  const haystack = fields.join(' ').toLowerCase();
  return query
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => haystack.includes(word));
}

function sortValue(district: District, key: DistrictSortKey): SortValue {
  return district[key];
}

/** Applies the view's filters and sort to the full district list. */
export function applyDistrictView(districts: readonly District[], view: DistrictView): District[] {
  const filtered = districts.filter(
    (d) => (view.level === '' || d.level === view.level) && matchesText(view.q, d.name, d.districtNumber),
  );
  return sortRows(filtered, (d) => sortValue(d, view.sort), view.order);
}
