import type {
  IdentityDecision,
  IdentityReview,
  IdentityReviewDetail,
  IdentityReviewList,
} from '@bitterroot/contracts';
import { getJson, sendJson, withQuery } from '../../lib/api.ts';
import type { ReviewStatusFilter } from './review-view.ts';

const BASE = '/api/v1/identity-reviews';

/** The open queue or the decided items (the API returns at most 500). */
export async function listReviews(
  status: ReviewStatusFilter,
  signal?: AbortSignal,
): Promise<IdentityReview[]> {
  return (await getJson<IdentityReviewList>(withQuery(BASE, { status }), signal)).items;
}

/** One item with its audit trail; ApiError with status 404 when it does not exist. */
export async function getReview(id: number, signal?: AbortSignal): Promise<IdentityReviewDetail> {
  return await getJson<IdentityReviewDetail>(`${BASE}/${id}`, signal);
}

/**
 * Records a decision (the server records the signed-in user as the one who decided); ApiError 409 when
 * someone else decided first. Resolves with the updated item.
 */
export async function decideReview(
  id: number,
  decision: IdentityDecision['decision'],
): Promise<IdentityReview> {
  return await sendJson<IdentityReview>('POST', `${BASE}/${id}/decision`, { decision });
}
