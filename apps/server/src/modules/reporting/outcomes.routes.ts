/** HTTP edge of the outcome measures: a district's or the state's report with per-student lines, JSON and CSV. */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  districtNumberSchema,
  outcomeMeasureSchema,
  outcomeQuerySchema,
  outcomeReportSchema,
  problemSchema,
  type OutcomeReport,
} from '@bitterroot/contracts';
import { notFound } from '../../http/problems.ts';
import { districtFromPath, requires, stateScope } from '../../http/access.ts';
import { toCsv, type ExportTable } from '../ingestion/findings-export.ts';
import type { OutcomesService } from './outcomes.service.ts';

const measureParams = z.object({ measure: outcomeMeasureSchema });
const districtParams = z.object({ district: districtNumberSchema, measure: outcomeMeasureSchema });

/** The per-student lines of a report as an export table. */
export function outcomeLinesTable(report: OutcomeReport): ExportTable {
  return {
    sheet: report.measure,
    header: ['State ID', 'District', 'School', 'Grade', 'Status', 'Counted', 'Explanation'],
    rows: report.lines.map((l) => [
      l.stateId,
      l.districtNumber,
      l.schoolNumber,
      l.grade,
      l.status,
      l.counted ? 'Y' : 'N',
      l.explanation,
    ]),
  };
}

const fileName = (r: OutcomeReport) =>
  `${r.measure}-${r.districtNumber ?? 'state'}-${r.schoolYear}-${r.source}.csv`;

/** Registers the outcome routes. */
export function outcomesRoutes(service: OutcomesService): FastifyPluginAsync {
  return async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const schema = <P extends z.ZodType>(summary: string, params: P, json: boolean) => ({
      tags: ['reporting'],
      summary,
      params,
      querystring: outcomeQuerySchema,
      ...(json ? { response: { 200: outcomeReportSchema, 404: problemSchema } } : {}),
    });
    r.get(
      '/api/v1/districts/:district/outcomes/:measure',
      {
        ...requires('reports:read', districtFromPath),
        schema: schema("A district's outcome measure with per-student explanations", districtParams, true),
      },
      async (req, reply) => {
        const out = await service.report(req.params.measure, req.params.district, req.query);
        return out.kind === 'report'
          ? out.report
          : notFound(reply, req, `district ${req.params.district} does not exist`);
      },
    );
    r.get(
      '/api/v1/districts/:district/outcomes/:measure/students.csv',
      {
        ...requires('reports:read', districtFromPath),
        schema: schema("A district's per-student outcome lines as CSV", districtParams, false),
      },
      async (req, reply) => {
        const out = await service.report(req.params.measure, req.params.district, req.query);
        if (out.kind !== 'report')
          return notFound(reply, req, `district ${req.params.district} does not exist`);
        reply.header('content-disposition', `attachment; filename="${fileName(out.report)}"`);
        return reply.type('text/csv; charset=utf-8').send(toCsv(outcomeLinesTable(out.report)));
      },
    );
    r.get(
      '/api/v1/outcomes/:measure',
      {
        ...requires('reports:read', stateScope),
        schema: schema(
          'A statewide outcome measure per district with per-student lines',
          measureParams,
          true,
        ),
      },
      async (req) => {
        const out = await service.report(req.params.measure, null, req.query);
        if (out.kind !== 'report') throw new Error('the state always has a report');
        return out.report;
      },
    );
    r.get(
      '/api/v1/outcomes/:measure/students.csv',
      {
        ...requires('reports:read', stateScope),
        schema: schema('Statewide per-student outcome lines as CSV', measureParams, false),
      },
      async (req, reply) => {
        const out = await service.report(req.params.measure, null, req.query);
        if (out.kind !== 'report') throw new Error('the state always has a report');
        reply.header('content-disposition', `attachment; filename="${fileName(out.report)}"`);
        return reply.type('text/csv; charset=utf-8').send(toCsv(outcomeLinesTable(out.report)));
      },
    );
  };
}
