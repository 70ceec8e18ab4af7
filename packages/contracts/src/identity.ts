import { z } from 'zod';

const person = {
  lastName: z.string(),
  firstName: z.string(),
  middleName: z.string().nullable(),
  birthDate: z.string().nullable(),
  gender: z.string().nullable(),
};

/** Item statuses (migration 0003); an undone link goes back to 'open', so 'unlinked' is never listed today. */
export const identityReviewStatusSchema = z.enum(['open', 'linked', 'new', 'unlinked']);
/** A queue item's status. */
export type IdentityReviewStatus = z.infer<typeof identityReviewStatusSchema>;

/** A resolution-queue item: the incoming row and the existing candidate side by side, with the score's reasons. */
export const identityReviewSchema = z.object({
  id: z.number().int(),
  status: identityReviewStatusSchema,
  batchId: z.number().int(),
  districtNumber: z.string(),
  line: z.number().int(),
  createdAt: z.string().describe('when the upload held the row (ISO 8601 UTC)'),
  score: z.number(),
  reasons: z.array(z.object({ code: z.string(), text: z.string(), weight: z.number() })),
  incoming: z.object({ localId: z.string().nullable(), ...person }),
  candidate: z.object({
    studentId: z.number().int(),
    stateId: z.string(),
    districts: z.array(z.string()),
    ...person,
  }),
  resolvedStudentId: z.number().int().nullable(),
  resolution: z
    .object({
      stateId: z.string().describe('the linked state ID, or the one issued for a new person'),
      by: z.string().nullable(),
      at: z.string().nullable(),
    })
    .nullable()
    .describe('null while the item is open'),
});
/** A resolution-queue item. */
export type IdentityReview = z.infer<typeof identityReviewSchema>;

/** One audited step on a queue item, oldest first. */
export const identityAuditEntrySchema = z.object({
  action: z.enum(['matched', 'linked', 'new-person', 'unlinked']),
  actor: z.string(),
  at: z.string(),
  stateId: z.string().nullable(),
});
/** An audited step. */
export type IdentityAuditEntry = z.infer<typeof identityAuditEntrySchema>;

/** GET /api/v1/identity-reviews/{id} response: the item and its audit trail. */
export const identityReviewDetailSchema = identityReviewSchema.extend({
  history: z.array(identityAuditEntrySchema),
});
/** A queue item with its audit trail. */
export type IdentityReviewDetail = z.infer<typeof identityReviewDetailSchema>;

/** Which items to list: 'decided' is linked and new together, most recently decided first. */
export const identityReviewFilterSchema = z.enum(['open', 'decided', 'linked', 'new']);
/** A list filter. */
export type IdentityReviewFilter = z.infer<typeof identityReviewFilterSchema>;

/** Query string of GET /api/v1/identity-reviews. */
export const identityReviewListQuerySchema = z.object({
  status: identityReviewFilterSchema.default('open'),
});

/** GET /api/v1/identity-reviews response (at most 500 items). */
export const identityReviewListSchema = z.object({ items: z.array(identityReviewSchema) });
/** A list of queue items. */
export type IdentityReviewList = z.infer<typeof identityReviewListSchema>;

/** Body of POST /api/v1/identity-reviews/{id}/decision. */
export const identityDecisionSchema = z.object({
  decision: z.enum(['same-person', 'new-person', 'unlink']),
  actor: z.string().trim().min(1).max(100).default('state staff'),
});
/** A decision as sent (actor optional). */
export type IdentityDecision = z.input<typeof identityDecisionSchema>;
