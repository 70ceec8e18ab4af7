/** HTTP edge of funding reports: a district's ANB with per-student lines (JSON and CSV), the statewide summary. */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  anbQuerySchema,
  districtAnbReportSchema,
  districtNumberSchema,
  problemSchema,
  stateAnbSummarySchema,
  type AnbLineBody,
} from '@bitterroot/contracts';
import { notFound } from '../../http/problems.ts';
import { districtFromPath, requires, stateScope } from '../../http/access.ts';
import { toCsv, type ExportTable } from '../ingestion/findings-export.ts';
import type { DistrictAnbOutcome, ReportingService } from './reporting.service.ts';

const districtParams = z.object({ district: districtNumberSchema });

/** 404 for an unknown district, or for a certified report of a district without a current count snapshot. */
function missing(
  reply: FastifyReply,
  req: FastifyRequest<{ Params: { district: string } }>,
  out: Exclude<DistrictAnbOutcome, { kind: 'report' }>,
): FastifyReply {
  const d = req.params.district;
  return out.kind === 'not-found'
    ? notFound(reply, req, `district ${d} does not exist`)
    : notFound(
        reply,
        req,
        `district ${d} has no current certified ${out.count} count snapshot for that year`,
      );
}

/** The per-student lines as an export table (state ID, count, date, weight, reason). */
export function anbLinesTable(lines: readonly AnbLineBody[]): ExportTable {
  return {
    sheet: 'ANB',
    header: [
      'State ID',
      'Count',
      'Count Date',
      'District',
      'School',
      'Budget Unit',
      'Status',
      'Weight',
      'ESA',
      'Early Graduate',
      'Explanation',
    ],
    rows: lines.map((l) => [
      l.stateId,
      l.count,
      l.countDate,
      l.districtNumber,
      l.schoolNumber,
      l.budgetUnit,
      l.status,
      l.weight,
      l.esa ? 'Y' : 'N',
      l.earlyGraduate ? 'Y' : 'N',
      l.explanation,
    ]),
  };
}

/** Registers the reporting routes. */
export function reportingRoutes(service: ReportingService): FastifyPluginAsync {
  return async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get(
      '/api/v1/districts/:district/anb',
      {
        ...requires('reports:read', districtFromPath),
        schema: {
          tags: ['reporting'],
          summary: "A district's ANB per budget unit with per-student explanations (live preview)",
          params: districtParams,
          querystring: anbQuerySchema,
          response: { 200: districtAnbReportSchema, 404: problemSchema },
        },
      },
      async (req, reply) => {
        const out = await service.districtAnb(req.params.district, req.query);
        return out.kind === 'report' ? out.report : missing(reply, req, out);
      },
    );
    r.get(
      '/api/v1/districts/:district/anb/students.csv',
      {
        ...requires('reports:read', districtFromPath),
        schema: {
          tags: ['reporting'],
          summary: "A district's per-student ANB explanations as CSV",
          params: districtParams,
          querystring: anbQuerySchema,
        },
      },
      async (req, reply) => {
        const out = await service.districtAnb(req.params.district, req.query);
        if (out.kind !== 'report') return missing(reply, req, out);
        const report = out.report;
        reply.header(
          'content-disposition',
          `attachment; filename="anb-${report.districtNumber}-${report.schoolYear}.csv"`,
        );
        return reply.type('text/csv; charset=utf-8').send(toCsv(anbLinesTable(report.lines)));
      },
    );
    r.get(
      '/api/v1/anb',
      {
        ...requires('reports:read', stateScope),
        schema: {
          tags: ['reporting'],
          summary: 'Statewide ANB per district and budget unit (live preview)',
          querystring: anbQuerySchema,
          response: { 200: stateAnbSummarySchema },
        },
      },
      async (req) => await service.stateAnb(req.query),
    );
  };
}
