/** State staff's resolution queue: list, decide "same person" or "new person", and undo a link. */
import type { Database, Executor } from '../../db/database.ts';
import {
  createFromIncoming,
  findReview,
  linkToCandidate,
  listReviews,
  unlink,
  type ReviewItem,
} from './identity-review.repository.ts';

/** Expected outcomes of a decision. */
export type ReviewOutcome =
  { kind: 'done'; item: ReviewItem } | { kind: 'not-found' } | { kind: 'conflict'; reason: string };

/** The resolution-queue service. */
export function identityReviewService(database: Database) {
  const decide = async (
    id: number,
    allowed: string,
    act: (trx: Executor, item: ReviewItem) => Promise<unknown>,
  ): Promise<ReviewOutcome> =>
    await database.db.transaction().execute(async (trx) => {
      const item = await findReview(trx, id);
      if (!item) return { kind: 'not-found' } as const;
      if (item.status !== allowed)
        return { kind: 'conflict', reason: `the item is ${item.status}, not ${allowed}` } as const;
      await act(trx, item);
      return { kind: 'done', item: (await findReview(trx, id))! } as const;
    });
  return {
    list: (status: 'open' | 'linked' | 'new') => listReviews(database.db, status),
    sameAs: (id: number, actor: string) =>
      decide(id, 'open', (trx, item) => linkToCandidate(trx, item, actor)),
    newPerson: (id: number, actor: string) =>
      decide(id, 'open', (trx, item) => createFromIncoming(trx, item, actor)),
    unlink: (id: number, actor: string) => decide(id, 'linked', (trx, item) => unlink(trx, item, actor)),
  };
}

/** The service's type. */
export type IdentityReviewService = ReturnType<typeof identityReviewService>;
