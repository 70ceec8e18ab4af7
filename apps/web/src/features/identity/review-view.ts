import type { IdentityReview } from '@bitterroot/contracts';
import type { SortOrder, SortValue } from '../../lib/sort.ts';
import { sortRows } from '../../lib/sort.ts';
import { isoDate, personName } from './review-labels.ts';

/** Which part of the queue the table shows. */
export type ReviewStatusFilter = 'open' | 'decided';

/** Columns the queue table sorts by. */
export type ReviewSortKey =
  'name' | 'district' | 'localId' | 'birthDate' | 'candidate' | 'score' | 'held' | 'outcome' | 'decided';

/** Filter and sort state of the queue table, as kept in the URL. */
export interface ReviewView {
  status: ReviewStatusFilter;
  district: string;
  q: string;
  sort: ReviewSortKey;
  order: SortOrder;
}

const SORT_KEYS: readonly ReviewSortKey[] = [
  'name',
  'district',
  'localId',
  'birthDate',
  'candidate',
  'score',
  'held',
  'outcome',
  'decided',
];

/** The default sort of a status: the queue oldest first (first in, first out), decisions newest first. */
export function defaultSort(status: ReviewStatusFilter): { sort: ReviewSortKey; order: SortOrder } {
  return status === 'open' ? { sort: 'held', order: 'asc' } : { sort: 'decided', order: 'desc' };
}

/** Reads the view from the URL (`?status=&district=&q=&sort=&order=`); unknown values fall back to defaults. */
export function parseReviewView(params: URLSearchParams): ReviewView {
  const status: ReviewStatusFilter = params.get('status') === 'decided' ? 'decided' : 'open';
  const sort = params.get('sort') ?? '';
  const fallback = defaultSort(status);
  const known = (SORT_KEYS as readonly string[]).includes(sort);
  const order = params.get('order');
  return {
    status,
    district: /^\d{4}$/.test(params.get('district') ?? '') ? (params.get('district') ?? '') : '',
    q: params.get('q') ?? '',
    sort: known ? (sort as ReviewSortKey) : fallback.sort,
    order: order === 'asc' || order === 'desc' ? order : fallback.order,
  };
}

/** The value an item sorts by in a column. */
export function sortValueOf(item: IdentityReview, key: ReviewSortKey): SortValue {
  switch (key) {
    case 'name':
      return personName(item.incoming);
    case 'district':
      return item.districtNumber;
    case 'localId':
      return item.incoming.localId;
    case 'birthDate':
      return isoDate(item.incoming.birthDate) ?? item.incoming.birthDate;
    case 'candidate':
      return personName(item.candidate);
    case 'score':
      return item.score;
    case 'held':
      return item.createdAt;
    case 'outcome':
      return item.status;
    case 'decided':
      return item.resolution?.at ?? null;
  }
}

/** Case-insensitive: every word of the query appears in the uploaded names or local ID. */
export function matchesQuery(item: IdentityReview, query: string): boolean {
  const { lastName, firstName, middleName, localId } = item.incoming;
  const haystack = [lastName, firstName, middleName, localId].join(' ').toLowerCase();
  return query
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => haystack.includes(word));
}

/** The districts that have items, for the district filter. */
export function districtsOf(items: readonly IdentityReview[]): string[] {
  return [...new Set(items.map((i) => i.districtNumber))].toSorted();
}

/** Applies the view's district and name filters and its sort. */
export function applyReviewView(items: readonly IdentityReview[], view: ReviewView): IdentityReview[] {
  const shown = items.filter(
    (i) => (view.district === '' || i.districtNumber === view.district) && matchesQuery(i, view.q),
  );
  return sortRows(shown, (i) => sortValueOf(i, view.sort), view.order);
}
