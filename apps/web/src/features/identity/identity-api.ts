import type {
  IdentityDecision,
  IdentityReview,
  IdentityReviewDetail,
  IdentityReviewList,
  Problem,
} from '@bitterroot/contracts';
import { ApiError, getJson, withQuery } from '../../lib/api.ts';
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

/** Records a decision; ApiError 409 when someone else decided first. Resolves with the updated item. */
export async function decideReview(id: number, decision: IdentityDecision): Promise<IdentityReview> {
  let response: Response;
  try {
    response = await fetch(`${BASE}/${id}/decision`, {
      method: 'POST',
      headers: { accept: 'application/json', 'content-type': 'application/json' },
      body: JSON.stringify(decision),
    });
  } catch (error) {
    throw new ApiError(problem(0, 'Cannot reach the server', error instanceof Error ? error.message : ''));
  }
  if (!response.ok) throw new ApiError(await problemOf(response));
  return (await response.json()) as IdentityReview;
}

// lib/api.ts has GET and multipart POST only; this is the one JSON POST so far, so it reads the
// RFC 9457 body itself rather than widening the shared client.
async function problemOf(response: Response): Promise<Problem> {
  const requestId = response.headers.get('x-request-id') ?? undefined;
  try {
    const body = (await response.json()) as Partial<Problem>;
    if (typeof body.title === 'string' && typeof body.status === 'number')
      return { ...(body as Problem), requestId: body.requestId ?? requestId };
  } catch {
    // Not JSON (a proxy's error page): a generic problem below.
  }
  return { ...problem(response.status, response.statusText || 'Request failed', ''), requestId };
}

function problem(status: number, title: string, detail: string): Problem {
  return { type: 'about:blank', title, status, detail: detail || undefined };
}
