/** HTTP edge of statewide validation: the catalogue, a district's findings and exports, the state matrix, runs, acknowledgements. */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  acknowledgementSchema,
  districtNumberSchema,
  findingMatrixSchema,
  findingPageSchema,
  findingQuerySchema,
  findingTrendQuerySchema,
  findingTrendSchema,
  problemSchema,
  ruleListSchema,
  validationFindingSchema,
  validationRunSchema,
} from '@bitterroot/contracts';
import { notFound, problem, sendProblem } from '../../http/problems.ts';
import { toCsv, toXlsx } from '../ingestion/findings-export.ts';
import { validationFindingsTable } from './findings-table.ts';
import type { ValidationService } from './validation.service.ts';
import { districtFromPath, districtFromQuery, requires, signedIn, stateScope } from '../../http/access.ts';

const districtParams = z.object({ district: districtNumberSchema });
const exportParams = districtParams.extend({ format: z.enum(['csv', 'xlsx']) });

/** Registers the validation routes. */
export function validationRoutes(service: ValidationService): FastifyPluginAsync {
  return async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get(
      '/api/v1/rules',
      {
        ...signedIn,
        schema: { tags: ['validation'], summary: 'The rule catalogue', response: { 200: ruleListSchema } },
      },
      async () => ({
        rules: service.rules(),
      }),
    );
    r.get(
      '/api/v1/districts/:district/findings',
      {
        ...requires('findings:read', districtFromPath),
        schema: {
          tags: ['validation'],
          summary:
            "A district's statewide findings: counts by rule and one page (cross-district ones it is party to included)",
          params: districtParams,
          querystring: findingQuerySchema,
          response: { 200: findingPageSchema, 404: problemSchema },
        },
      },
      async (req, reply) => {
        const page = await service.findings(req.params.district, req.query);
        return 'kind' in page ? notFound(reply, req, `district ${req.params.district} does not exist`) : page;
      },
    );
    r.get(
      '/api/v1/districts/:district/findings.:format',
      {
        ...requires('findings:read', districtFromPath),
        schema: {
          tags: ['validation'],
          summary: "A district's findings as CSV or XLSX",
          params: exportParams,
          querystring: findingQuerySchema,
        },
      },
      async (req, reply) => {
        const rows = await service.all({ ...req.query, district: req.params.district });
        const table = validationFindingsTable(rows);
        reply.header(
          'content-disposition',
          `attachment; filename="findings-${req.params.district}.${req.params.format}"`,
        );
        if (req.params.format === 'csv') return reply.type('text/csv; charset=utf-8').send(toCsv(table));
        return reply
          .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .send(toXlsx(table));
      },
    );
    r.get(
      '/api/v1/findings/matrix',
      {
        ...requires('findings:read', stateScope),
        schema: {
          tags: ['validation'],
          summary: 'Open findings per district and rule (state heat map)',
          response: { 200: findingMatrixSchema },
        },
      },
      async () => await service.matrix(),
    );
    r.get(
      '/api/v1/findings/trend',
      {
        ...requires('findings:read', stateScope),
        schema: {
          tags: ['validation'],
          summary:
            'Open findings of the state per day and rule (the trend), filtered by severity, collection, rule',
          querystring: findingTrendQuerySchema,
          response: { 200: findingTrendSchema },
        },
      },
      async (req) => await service.trend(null, req.query),
    );
    r.get(
      '/api/v1/districts/:district/findings/trend',
      {
        ...requires('findings:read', districtFromPath),
        schema: {
          tags: ['validation'],
          summary: 'Open findings a district owns per day and rule (its trend)',
          params: districtParams,
          querystring: findingTrendQuerySchema,
          response: { 200: findingTrendSchema, 404: problemSchema },
        },
      },
      async (req, reply) => {
        if (!(await service.districtExists(req.params.district)))
          return notFound(reply, req, `district ${req.params.district} does not exist`);
        return await service.trend(req.params.district, req.query);
      },
    );
    r.post(
      '/api/v1/districts/:district/validation-runs',
      {
        ...requires('validation:run', districtFromPath),
        schema: {
          tags: ['validation'],
          summary: 'Validate a district now (its records and the cross-district rules it is party to)',
          params: districtParams,
          response: { 200: validationRunSchema, 404: problemSchema },
        },
      },
      async (req, reply) => {
        const run = await service.runDistrict(req.params.district, { trigger: 'api' });
        if ('kind' in run) return notFound(reply, req, `district ${req.params.district} does not exist`);
        return { ...run, summary: run.open };
      },
    );
    r.post(
      '/api/v1/findings/:id/acknowledgement',
      {
        ...requires('findings:acknowledge', districtFromQuery),
        schema: {
          tags: ['validation'],
          summary: 'Acknowledge an open warning with a reason (fatal findings must be fixed)',
          params: z.object({ id: z.coerce.number().int().positive() }),
          querystring: z.object({ district: districtNumberSchema.optional() }),
          body: acknowledgementSchema,
          response: { 200: validationFindingSchema, 404: problemSchema, 409: problemSchema },
        },
      },
      async (req, reply) => {
        const out = await service.acknowledge(
          req.params.id,
          req.query.district ?? null,
          req.principal!.email,
          req.body.reason,
        );
        if (out.kind === 'not-found')
          return notFound(reply, req, `finding ${req.params.id} does not exist for this district`);
        if (out.kind === 'not-acknowledgeable')
          return sendProblem(
            reply,
            problem(
              409,
              'not-acknowledgeable',
              'Not acknowledgeable',
              req,
              'only open warning and info findings can be acknowledged',
            ),
          );
        return out.finding;
      },
    );
  };
}
