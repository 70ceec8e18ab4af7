import { useMemo } from 'react';
import type { IdentityReview } from '@bitterroot/contracts';
import { Loading } from '../components/loading.tsx';
import { ProblemAlert } from '../components/problem-alert.tsx';
import { listReviews } from '../features/identity/identity-api.ts';
import { ReviewFilters } from '../features/identity/review-filters.tsx';
import type { ReviewView } from '../features/identity/review-view.ts';
import { applyReviewView, districtsOf } from '../features/identity/review-view.ts';
import { ReviewsTable } from '../features/identity/reviews-table.tsx';
import { useReviewView } from '../features/identity/use-review-view.ts';
import { PRODUCT_NAME } from '../lib/state.ts';
import { useResource } from '../lib/use-resource.ts';

// The API returns at most this many items per status.
const API_LIMIT = 500;

/** The identity resolution queue for state data staff: rows held because a known student looks alike. */
export function IdentityReviewsPage() {
  const [view, setView] = useReviewView();
  const [items, reload] = useResource(`identity-reviews:${view.status}`, (signal) =>
    listReviews(view.status, signal),
  );
  return (
    <>
      <title>{`Identity reviews · ${PRODUCT_NAME}`}</title>
      <h1>Identity resolution queue</h1>
      <p className="notice">
        A district sent these students without a state ID, and each looks like a student the state already
        knows, but not closely enough to link automatically. Open an item to compare the two records, then
        decide: the same person keeps the existing state ID; a new person gets a new one.
      </p>
      <section className="panel" aria-labelledby="queue-heading">
        <div className="panel-header">
          <h2 id="queue-heading">{view.status === 'open' ? 'Waiting for a decision' : 'Decided'}</h2>
          <ReviewFilters
            view={view}
            districts={items.status === 'ok' ? districtsOf(items.data) : []}
            onChange={setView}
          />
        </div>
        {items.status === 'loading' && <Loading what="the queue" />}
        {items.status === 'error' && (
          <ProblemAlert context="Could not load the queue" problem={items.problem} onRetry={reload} />
        )}
        {items.status === 'ok' && <Queue items={items.data} view={view} onView={setView} />}
      </section>
    </>
  );
}

interface QueueProps {
  items: readonly IdentityReview[];
  view: ReviewView;
  onView: (patch: Partial<ReviewView>) => void;
}

function Queue({ items, view, onView }: QueueProps) {
  const shown = useMemo(() => applyReviewView(items, view), [items, view]);
  return (
    <>
      <ReviewsTable
        status={view.status}
        items={shown}
        total={items.length}
        sort={view.sort}
        order={view.order}
        onSort={(sort, order) => onView({ sort, order })}
      />
      {items.length >= API_LIMIT && (
        <p className="show-more">Showing the first {API_LIMIT} items; decide these to see the rest.</p>
      )}
    </>
  );
}
