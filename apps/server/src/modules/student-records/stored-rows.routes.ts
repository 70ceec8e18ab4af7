/** HTTP edge of a district's stored rows of one template, as JSON for the hand-entry pages (issue 9 §3). */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  districtNumberSchema,
  problemSchema,
  profileIdSchema,
  storedRowsQuerySchema,
  storedRowsSchema,
} from '@bitterroot/contracts';
import { districtFromPath, requires } from '../../http/access.ts';
import { notFound, problem, sendProblem } from '../../http/problems.ts';
import type { StoredRowsService } from './stored-rows.service.ts';

/** Registers GET /api/v1/districts/{district}/stored-rows/{template}. */
export function storedRowsRoutes(service: StoredRowsService): FastifyPluginAsync {
  return async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get(
      '/api/v1/districts/:district/stored-rows/:template',
      {
        // The same rows the extract serves, so the same right.
        ...requires('extract:read', districtFromPath),
        schema: {
          tags: ['extracts'],
          summary:
            "A district's stored rows of one template as layout cells by column key (for listing and editing by hand): filtered by text, sorted, keyset-paged",
          params: z.object({ district: districtNumberSchema, template: profileIdSchema }),
          querystring: storedRowsQuerySchema,
          response: { 200: storedRowsSchema, 400: problemSchema, 404: problemSchema },
        },
      },
      async (req, reply) => {
        const { district, template } = req.params;
        const year = req.query.schoolYear ?? service.schoolYear;
        const found = await service.list(district, template, { ...req.query, schoolYear: year });
        if (found.kind === 'not-found') return notFound(reply, req, found.detail);
        if (found.kind === 'invalid')
          return sendProblem(reply, problem(400, 'invalid-request', 'Invalid request', req, found.detail));
        const { kind: _, ...page } = found;
        return { template, schoolYear: year, ...page };
      },
    );
  };
}
