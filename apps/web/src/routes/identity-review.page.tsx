import { Link, useParams } from 'react-router';
import type { IdentityReviewDetail } from '@bitterroot/contracts';
import { Loading } from '../components/loading.tsx';
import { ProblemAlert } from '../components/problem-alert.tsx';
import { getReview } from '../features/identity/identity-api.ts';
import { ReviewComparison } from '../features/identity/review-comparison.tsx';
import { ReviewDecision } from '../features/identity/review-decision.tsx';
import { ReviewHistory } from '../features/identity/review-history.tsx';
import { ReviewReasons } from '../features/identity/review-reasons.tsx';
import { useReviewDecision } from '../features/identity/use-review-decision.ts';
import { PRODUCT_NAME } from '../lib/state.ts';
import { useResource } from '../lib/use-resource.ts';

function BackLink() {
  return (
    <p className="back">
      <Link to="/identity-reviews">← Resolution queue</Link>
    </p>
  );
}

/** One held row: the uploaded record and the known student side by side, the reasons, and the decision. */
export function IdentityReviewPage() {
  const raw = useParams().reviewId ?? '';
  if (!/^[1-9]\d{0,14}$/.test(raw)) return <ReviewNotFound reviewId={raw} />;
  return <ReviewLoader id={Number(raw)} />;
}

// Student names stay out of the title: titles end up in browser history and bookmarks.
function PageTitle({ reviewId }: { reviewId: string | number }) {
  return <title>{`Identity review ${reviewId} · ${PRODUCT_NAME}`}</title>;
}

function ReviewLoader({ id }: { id: number }) {
  const [item, reload] = useResource(`identity-review:${id}`, (signal) => getReview(id, signal));
  if (item.status === 'error' && item.problem.status === 404) return <ReviewNotFound reviewId={String(id)} />;
  return (
    <>
      <PageTitle reviewId={id} />
      <BackLink />
      {item.status === 'loading' && <Loading what={`review item ${id}`} />}
      {item.status === 'error' && (
        <ProblemAlert context={`Could not load review item ${id}`} problem={item.problem} onRetry={reload} />
      )}
      {item.status === 'ok' && <Review key={id} initial={item.data} />}
    </>
  );
}

function ReviewNotFound({ reviewId }: { reviewId: string }) {
  return (
    <>
      <PageTitle reviewId={reviewId} />
      <BackLink />
      <h1>Review item not found</h1>
      <p className="notice" role="status">
        There is no review item {reviewId || '(blank)'}. Pick one from the{' '}
        <Link to="/identity-reviews">queue</Link>.
      </p>
    </>
  );
}

function Review({ initial }: { initial: IdentityReviewDetail }) {
  const { item, pending, problem, decide } = useReviewDecision(initial);
  return (
    <>
      <h1>
        Same student?{' '}
        <span className="subtitle">{`District ${item.districtNumber} · upload ${item.batchId}, line ${item.line}`}</span>
      </h1>
      <ReviewComparison item={item} />
      <ReviewReasons item={item} />
      {problem && <ProblemAlert context="The decision was not recorded" problem={problem} />}
      <ReviewDecision item={item} pending={pending} onDecide={(d) => void decide(d)} />
      <ReviewHistory history={item.history} />
    </>
  );
}
