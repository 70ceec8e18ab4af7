/** HTTP edge for upload templates: list, documentation, and the XLSX workbook download. */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  problemSchema,
  templateDetailSchema,
  templateListSchema,
  templateParamsSchema,
} from '@bitterroot/contracts';
import { notFound } from '../../http/problems.ts';
import type { TemplatesService } from './templates.service.ts';
import { signedIn } from '../../http/access.ts';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Registers the /api/v1/templates routes. */
export function templatesRoutes(service: TemplatesService): FastifyPluginAsync {
  return async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get(
      '/api/v1/templates',
      {
        ...signedIn,
        schema: {
          tags: ['templates'],
          summary: 'Upload templates in upload order',
          response: { 200: templateListSchema },
        },
      },
      () => service.list(),
    );
    r.get(
      '/api/v1/templates/:id',
      {
        ...signedIn,
        schema: {
          tags: ['templates'],
          summary: "One upload template's documentation: fields, codes, key, update rules",
          params: templateParamsSchema,
          response: { 200: templateDetailSchema, 404: problemSchema },
        },
      },
      async (req, reply) => {
        const found = service.detail(req.params.id);
        if (found.kind === 'not-found') return notFound(reply, req, `template ${found.id} does not exist`);
        return found.value;
      },
    );
    r.get(
      '/api/v1/templates/:id/template.xlsx',
      {
        ...signedIn,
        schema: {
          tags: ['templates'],
          summary: 'The XLSX upload template with code dropdowns (404 problem details for an unknown id)',
          params: templateParamsSchema,
        },
      },
      async (req, reply) => {
        const found = await service.workbook(req.params.id);
        if (found.kind === 'not-found') return notFound(reply, req, `template ${found.id} does not exist`);
        return reply
          .type(XLSX_TYPE)
          .header('content-disposition', `attachment; filename="${found.value.fileName}"`)
          .send(found.value.bytes);
      },
    );
  };
}
