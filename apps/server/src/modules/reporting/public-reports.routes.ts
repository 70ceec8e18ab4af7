/** HTTP edge of the public reports: suppressed aggregates, readable by anyone signed in (decision 0052). */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { problemSchema, publicReportQuerySchema, publicReportSchema } from '@bitterroot/contracts';
import { notFound } from '../../http/problems.ts';
import { signedIn } from '../../http/access.ts';
import type { PublicReportsService } from './public-reports.service.ts';

/** Registers the public report route. */
export function publicReportsRoutes(service: PublicReportsService): FastifyPluginAsync {
  return async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get(
      '/api/v1/public-reports',
      {
        ...signedIn,
        schema: {
          tags: ['reporting'],
          summary: 'Suppressed public report of the state, a district (?district=) or a school (?school=)',
          querystring: publicReportQuerySchema,
          response: { 200: publicReportSchema, 404: problemSchema },
        },
      },
      async (req, reply) => {
        const out = await service.report(req.query);
        return out.kind === 'report' ? out.report : notFound(reply, req, 'no such district or school');
      },
    );
  };
}
