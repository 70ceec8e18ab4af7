import { useCallback, useState } from 'react';
import type { IdentityDecision, IdentityReviewDetail, Problem } from '@bitterroot/contracts';
import { toProblem } from '../../lib/use-resource.ts';
import { decideReview, getReview } from './identity-api.ts';

/** A decision staff can take on an item. */
export type Decision = IdentityDecision['decision'];

/** State of one item under review: the latest item, the decision being sent, and the last failure. */
export interface ReviewDecisionState {
  item: IdentityReviewDetail;
  pending: Decision | null;
  problem: Problem | null;
  decide: (decision: Decision) => Promise<void>;
}

/**
 * Sends decisions for one item and keeps the item (with its audit trail) current. After a failure the
 * item is re-read too: a 409 means someone else decided first, and staff should see what they decided.
 */
export function useReviewDecision(initial: IdentityReviewDetail): ReviewDecisionState {
  const [item, setItem] = useState(initial);
  const [pending, setPending] = useState<Decision | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const id = item.id;
  const decide = useCallback(
    async (decision: Decision) => {
      setPending(decision);
      setProblem(null);
      try {
        await decideReview(id, decision);
      } catch (error) {
        setProblem(toProblem(error));
      }
      try {
        setItem(await getReview(id));
      } catch (error) {
        setProblem((shown) => shown ?? toProblem(error));
      } finally {
        setPending(null);
      }
    },
    [id],
  );
  return { item, pending, problem, decide };
}
