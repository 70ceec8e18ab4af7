/** HTTP edge for extracts: a district's stored rows of one template, streamed as TSV (Montana layout) or CSV. */
import { Readable } from 'node:stream';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { extractParamsSchema, extractQuerySchema } from '@bitterroot/contracts';
import { notFound } from '../../http/problems.ts';
import type { ExtractsService } from './extract.service.ts';
import { districtFromPath, requires } from '../../http/access.ts';

/** Registers GET /api/v1/districts/{district}/extracts/{template}.{tsv|csv}. */
export function extractsRoutes(service: ExtractsService): FastifyPluginAsync {
  return async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get(
      '/api/v1/districts/:district/extracts/:template.:format',
      {
        ...requires('extract:read', districtFromPath),
        schema: {
          tags: ['extracts'],
          summary:
            "A district's stored rows of one template in its upload layout (404 problem details for an unknown district or template)",
          params: extractParamsSchema,
          querystring: extractQuerySchema,
        },
      },
      async (req, reply) => {
        const { district, template, format } = req.params;
        const found = await service.open(district, template, format, req.query.schoolYear);
        if (found.kind === 'not-found') return notFound(reply, req, found.detail);
        return reply
          .type(found.contentType)
          .header('content-disposition', `attachment; filename="${found.fileName}"`)
          .send(Readable.from(found.chunks));
      },
    );
  };
}
