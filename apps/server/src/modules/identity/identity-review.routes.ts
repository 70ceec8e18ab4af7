/** HTTP edge of the identity resolution queue (state staff). */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  identityDecisionSchema,
  identityReviewDetailSchema,
  identityReviewListQuerySchema,
  identityReviewListSchema,
  identityReviewSchema,
  problemSchema,
} from '@bitterroot/contracts';
import { notFound, problem, sendProblem } from '../../http/problems.ts';
import type { IdentityReviewService, ReviewOutcome } from './identity-review.service.ts';
import { requires, stateScope } from '../../http/access.ts';

const idParams = z.object({ id: z.coerce.number().int().positive() });

/** Registers /api/v1/identity-reviews. */
export function identityReviewRoutes(service: IdentityReviewService): FastifyPluginAsync {
  return async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get(
      '/api/v1/identity-reviews',
      {
        ...requires('identity:review', stateScope),
        schema: {
          tags: ['identity'],
          summary: 'The resolution queue (open items) or the items already decided',
          querystring: identityReviewListQuerySchema,
          response: { 200: identityReviewListSchema },
        },
      },
      async (req) => ({ items: await service.list(req.query.status) }),
    );
    r.get(
      '/api/v1/identity-reviews/:id',
      {
        ...requires('identity:review', stateScope),
        schema: {
          tags: ['identity'],
          summary: 'One queue item with its audit trail',
          params: idParams,
          response: { 200: identityReviewDetailSchema, 404: problemSchema },
        },
      },
      async (req, reply) =>
        (await service.get(req.params.id)) ??
        notFound(reply, req, `review item ${req.params.id} does not exist`),
    );
    r.post(
      '/api/v1/identity-reviews/:id/decision',
      {
        ...requires('identity:review', stateScope),
        schema: {
          tags: ['identity'],
          summary: 'Decide: same person (link), new person (new state ID), or undo a link',
          params: idParams,
          body: identityDecisionSchema,
          response: { 200: identityReviewSchema, 404: problemSchema, 409: problemSchema },
        },
      },
      async (req, reply) => {
        const { decision } = req.body;
        // The signed-in reviewer is recorded, whatever name the body carries.
        const actor = req.principal!.email;
        const outcome: ReviewOutcome =
          decision === 'same-person'
            ? await service.sameAs(req.params.id, actor)
            : decision === 'new-person'
              ? await service.newPerson(req.params.id, actor)
              : await service.unlink(req.params.id, actor);
        switch (outcome.kind) {
          case 'done':
            return outcome.item;
          case 'not-found':
            return notFound(reply, req, `review item ${req.params.id} does not exist`);
          case 'conflict':
            return sendProblem(reply, problem(409, 'conflict', 'Already decided', req, outcome.reason));
        }
      },
    );
  };
}
