/** HTTP edge for uploads: multipart streamed to disk, 202 + polling, findings and result downloads. */
import { createWriteStream } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  districtNumberSchema,
  problemSchema,
  uploadAcceptedSchema,
  uploadQuerySchema,
  uploadSchema,
} from '@bitterroot/contracts';
import { notFound, problem, sendProblem } from '../../http/problems.ts';
import type { UploadsService } from './uploads.service.ts';
import { toCsv, toXlsx, type ExportTable } from './findings-export.ts';
import { districtFromPath, requires } from '../../http/access.ts';

const batchParams = z.object({ district: districtNumberSchema, id: z.coerce.number().int().positive() });
const exportParams = batchParams.extend({ format: z.enum(['csv', 'xlsx']) });

function sendTable(
  reply: FastifyReply,
  table: ExportTable,
  name: string,
  format: 'csv' | 'xlsx',
): FastifyReply {
  reply.header('content-disposition', `attachment; filename="${name}.${format}"`);
  if (format === 'csv') return reply.type('text/csv; charset=utf-8').send(toCsv(table));
  return reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').send(toXlsx(table));
}

/** Registers the upload routes. */
export function uploadsRoutes(
  service: UploadsService,
  districtExists: (d: string) => Promise<boolean>,
): FastifyPluginAsync {
  return async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.post(
      '/api/v1/districts/:district/uploads',
      {
        ...requires('upload:write', districtFromPath),
        schema: {
          tags: ['uploads'],
          summary: 'Upload a district file (multipart field "file")',
          params: z.object({ district: districtNumberSchema }),
          querystring: uploadQuerySchema,
          response: { 202: uploadAcceptedSchema, 400: problemSchema, 404: problemSchema, 413: problemSchema },
        },
      },
      async (req, reply) => {
        if (!(await districtExists(req.params.district)))
          return notFound(reply, req, `district ${req.params.district} does not exist`);
        const part = await req.file();
        if (!part)
          return sendProblem(
            reply,
            problem(
              400,
              'no-file',
              'No file',
              req,
              'Send the file as multipart/form-data in a field named "file".',
            ),
          );
        const path = join(await mkdtemp(join(tmpdir(), 'bitterroot-upload-')), 'upload');
        await pipeline(part.file, createWriteStream(path));
        if (part.file.truncated)
          return sendProblem(
            reply,
            problem(413, 'too-large', 'File too large', req, 'Split the file or contact the state.'),
          );
        const batchId = await service.start(req.params.district, path, part.filename || 'upload', {
          templateId: req.query.template,
          dryRun: req.query.dryRun,
        });
        const location = `/api/v1/districts/${req.params.district}/uploads/${batchId}`;
        return reply.code(202).header('location', location).send({ batchId, location });
      },
    );
    r.get(
      '/api/v1/districts/:district/uploads/:id',
      {
        ...requires('upload:read', districtFromPath),
        schema: {
          tags: ['uploads'],
          summary: 'Status, progress and findings of an upload',
          params: batchParams,
          response: { 200: uploadSchema, 404: problemSchema },
        },
      },
      async (req, reply) => {
        const upload = await service.get(req.params.district, req.params.id);
        if (!upload)
          return notFound(
            reply,
            req,
            `upload ${req.params.id} does not exist for district ${req.params.district}`,
          );
        return upload;
      },
    );
    r.get(
      '/api/v1/districts/:district/uploads/:id/findings.:format',
      {
        ...requires('upload:read', districtFromPath),
        schema: { tags: ['uploads'], summary: 'Findings as CSV or XLSX', params: exportParams },
      },
      async (req, reply) => {
        const table = await service.findingsExport(req.params.district, req.params.id);
        if (!table)
          return notFound(
            reply,
            req,
            `upload ${req.params.id} does not exist for district ${req.params.district}`,
          );
        return sendTable(reply, table, `findings-${req.params.id}`, req.params.format);
      },
    );
    r.get(
      '/api/v1/districts/:district/uploads/:id/new-state-ids.:format',
      {
        ...requires('upload:read', districtFromPath),
        schema: {
          tags: ['uploads'],
          summary: 'State IDs issued by a Student Demographic upload',
          params: exportParams,
        },
      },
      async (req, reply) => {
        const table = await service.newStateIdsExport(req.params.district, req.params.id);
        if (!table)
          return notFound(
            reply,
            req,
            `upload ${req.params.id} does not exist for district ${req.params.district}`,
          );
        return sendTable(reply, table, `new-state-ids-${req.params.id}`, req.params.format);
      },
    );
  };
}
