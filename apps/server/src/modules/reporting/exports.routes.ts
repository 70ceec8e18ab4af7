/** HTTP edge of the state's downstream files: EDFacts files and the state files, for state roles only. */
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  edfactsFileSchema,
  edfactsQuerySchema,
  stateExportQuerySchema,
  stateExportSchema,
} from '@bitterroot/contracts';
import { problem, sendProblem } from '../../http/problems.ts';
import { requires, stateScope } from '../../http/access.ts';
import type { ExportFile, ExportsService } from './exports.service.ts';

function send(reply: FastifyReply, file: ExportFile): FastifyReply {
  reply.header('content-disposition', `attachment; filename="${file.fileName}"`);
  reply.header('x-record-count', String(file.records));
  return reply.type(file.contentType).send(file.body);
}

/** Registers the export routes. */
export function exportsRoutes(service: ExportsService): FastifyPluginAsync {
  return async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get(
      '/api/v1/exports/edfacts/:file',
      {
        ...requires('extract:read', stateScope),
        schema: {
          tags: ['reporting'],
          summary: 'An EDFacts submission file for the state at one level (exact counts, no suppression)',
          params: z.object({ file: edfactsFileSchema }),
          querystring: edfactsQuerySchema,
        },
      },
      async (req, reply) => {
        const out = await service.edfacts(req.params.file, req.query);
        if (out.kind === 'file') return send(reply, out.file);
        const detail = `${req.params.file} is reported at levels ${out.levels.join(', ')} only`;
        return sendProblem(reply, problem(400, 'unsupported-level', 'Unsupported level', req, detail));
      },
    );
    r.get(
      '/api/v1/exports/state/:name',
      {
        ...requires('extract:read', stateScope),
        schema: {
          tags: ['reporting'],
          summary:
            'A state downstream file (MAEFAIRS ANB, nutrition, child count, missing-child photos) as CSV',
          params: z.object({ name: stateExportSchema }),
          querystring: stateExportQuerySchema,
        },
      },
      async (req, reply) => send(reply, await service.stateFile(req.params.name, req.query)),
    );
  };
}
