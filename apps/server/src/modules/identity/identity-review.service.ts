/** State staff's resolution queue: list, read, decide "same person" or "new person", and undo a link. */
import type { Database, Executor } from '../../db/database.ts';
import { auditTrail, type AuditEntry } from './identity-audit.repository.ts';
import {
  createFromIncoming,
  findReview,
  getReview,
  linkToCandidate,
  listReviews,
  unlink,
  type ReviewFilter,
  type ReviewItem,
} from './identity-review.repository.ts';

/** Expected outcomes of a decision. */
export type ReviewOutcome =
  { kind: 'done'; item: ReviewItem } | { kind: 'not-found' } | { kind: 'conflict'; reason: string };

/** A queue item with its audit trail. */
export type ReviewDetail = ReviewItem & { history: AuditEntry[] };

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
    list: (filter: ReviewFilter) => listReviews(database.db, filter),
    /** One item and its audit trail; undefined when there is no such item. */
    get: async (id: number): Promise<ReviewDetail | undefined> => {
      const item = await getReview(database.db, id);
      return item && { ...item, history: await auditTrail(database.db, id) };
    },
    sameAs: (id: number, actor: string) =>
      decide(id, 'open', (trx, item) => linkToCandidate(trx, item, actor)),
    newPerson: (id: number, actor: string) =>
      decide(id, 'open', (trx, item) => createFromIncoming(trx, item, actor)),
    unlink: (id: number, actor: string) => decide(id, 'linked', (trx, item) => unlink(trx, item, actor)),
  };
}

/** The service's type. */
export type IdentityReviewService = ReturnType<typeof identityReviewService>;
