import { Link } from 'react-router';
import type { IdentityReview } from '@bitterroot/contracts';
import type { Column } from '../../components/data-table.tsx';
import { DataTable } from '../../components/data-table.tsx';
import { formatCount, plural } from '../../lib/format.ts';
import type { SortOrder } from '../../lib/sort.ts';
import { displayDate, formatDateTime, formatScore, outcomeText, personName } from './review-labels.ts';
import type { ReviewSortKey, ReviewStatusFilter } from './review-view.ts';
import { sortValueOf } from './review-view.ts';

type ReviewColumn = Column<IdentityReview, ReviewSortKey>;

const column = (key: ReviewSortKey, label: string, extra: Partial<ReviewColumn> = {}): ReviewColumn => ({
  key,
  label,
  sortValue: (i) => sortValueOf(i, key),
  ...extra,
});

const COMMON: readonly ReviewColumn[] = [
  column('name', 'Uploaded name', {
    render: (i) => <Link to={`/identity-reviews/${i.id}`}>{personName(i.incoming)}</Link>,
  }),
  column('district', 'District'),
  column('localId', 'Local ID', { render: (i) => i.incoming.localId ?? '—' }),
  column('birthDate', 'Birth date', { render: (i) => displayDate(i.incoming.birthDate) }),
  column('candidate', 'Closest known student', {
    render: (i) => `${personName(i.candidate)} · ${i.candidate.stateId}`,
  }),
  column('score', 'Score', { numeric: true, render: (i) => formatScore(i.score) }),
];

const OPEN = [...COMMON, column('held', 'Held since', { render: (i) => formatDateTime(i.createdAt) })];
const DECIDED = [
  ...COMMON,
  column('outcome', 'Outcome', { render: (i) => outcomeText(i) }),
  column('decided', 'Decided', {
    render: (i) => [i.resolution?.by, formatDateTime(i.resolution?.at ?? null)].filter(Boolean).join(' · '),
  }),
];

/** Props of ReviewsTable. */
export interface ReviewsTableProps {
  status: ReviewStatusFilter;
  items: readonly IdentityReview[];
  total: number;
  sort: ReviewSortKey;
  order: SortOrder;
  onSort: (sort: ReviewSortKey, order: SortOrder) => void;
}

/** The queue, one row per held upload row, each linking to its side-by-side review. */
export function ReviewsTable({ status, items, total, sort, order, onSort }: ReviewsTableProps) {
  const noun = status === 'open' ? 'open item' : 'decided item';
  const caption =
    items.length === total ? plural(total, noun) : `${formatCount(items.length)} of ${plural(total, noun)}`;
  return (
    <DataTable
      caption={caption}
      columns={status === 'open' ? OPEN : DECIDED}
      rows={items}
      rowKey={(i) => String(i.id)}
      rowHeader="name"
      sort={sort}
      order={order}
      onSort={onSort}
      empty={
        total === 0
          ? status === 'open'
            ? 'Nothing waits for review.'
            : 'No decisions yet.'
          : 'No item matches these filters.'
      }
    />
  );
}
