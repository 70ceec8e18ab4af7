/**
 * HTTP edge of one student's early-warning page and the flagged students export: districts and schools read
 * their own students only (`?school=` narrows a school user's scope), every named read and export is audited.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  districtNumberSchema,
  ewsInterventionRequestSchema,
  ewsInterventionSchema,
  ewsStudentHistorySchema,
  ewsStudentParamsSchema,
  ewsStudentQuerySchema,
  ewsStudentsExportQuerySchema,
  problemSchema,
  type EwsStudentsResponse,
} from '@bitterroot/contracts';
import { districtOrSchool, requires } from '../../http/access.ts';
import { notFound } from '../../http/problems.ts';
import { toCsv, type ExportTable } from '../ingestion/findings-export.ts';
import type { EarlyWarningService } from './early-warning.service.ts';
import type { EwsActor } from './ews-audit.ts';

const tags = ['early-warning'];

/** The signed-in caller as the audit log records them. */
export function actorOf(req: FastifyRequest): EwsActor {
  return {
    userId: req.principal?.userId ?? null,
    email: req.principal?.email ?? 'unknown',
    requestId: req.id,
  };
}

/** How the list and its CSV mark a student uploaded in the EWS data file (decision 0071). */
export const UPLOADED_MARKER = 'uploaded (not in the system)';

/** The flagged students list as a table; reasons joined by "; " in one column, risk as a percentage. */
export function flaggedStudentsTable(list: EwsStudentsResponse): ExportTable {
  return {
    sheet: 'Early warning',
    header: ['State ID', 'Name', 'School', 'Grade', 'Risk %', 'Band', 'Reasons', 'Model version', 'As of'],
    rows: list.students.map((s) => [
      // Students from the district's EWS data file have no state ID: the cell says where they come from.
      s.source === 'uploaded' ? UPLOADED_MARKER : s.stateId,
      s.name,
      s.schoolNumber,
      s.grade,
      Math.round(s.probability * 1000) / 10,
      s.band,
      s.reasons.join('; '),
      s.modelVersion,
      list.asOf,
    ]),
  };
}

/** Today as an ISO date (the default as-of date of live scores). */
function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Registers the student-level early-warning routes on the early-warning plugin. */
export function ewsStudentRoutes(app: FastifyInstance, service: EarlyWarningService): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/districts/:district/ews/students.csv',
    {
      ...requires('ews:read', districtOrSchool),
      schema: {
        tags,
        summary: 'The flagged students list as CSV (filters: ?school=, ?asOf=, ?band=); audited',
        params: z.object({ district: districtNumberSchema }),
        querystring: ewsStudentsExportQuerySchema,
      },
    },
    async (req, reply) => {
      const { school, asOf, band } = req.query;
      const list = await service.students(req.params.district, school ?? null, asOf ?? today());
      if (!list) return notFound(reply, req, 'no such district or school');
      const shown = band ? { ...list, students: list.students.filter((s) => s.band === band) } : list;
      await service.auditExport(shown, shown.students.length, actorOf(req));
      const name = `ews-${list.districtNumber}${school ? `-${school}` : ''}-${list.asOf}.csv`;
      reply.header('content-disposition', `attachment; filename="${name.replace(/[^\w.-]/g, '_')}"`);
      return reply.type('text/csv; charset=utf-8').send(toCsv(flaggedStudentsTable(shown)));
    },
  );
  r.get(
    '/api/v1/districts/:district/ews/students/:stateId/history',
    {
      ...requires('ews:read', districtOrSchool),
      schema: {
        tags,
        summary: "A student's risk trend from stored runs and the interventions recorded for them; audited",
        params: ewsStudentParamsSchema,
        querystring: ewsStudentQuerySchema,
        response: { 200: ewsStudentHistorySchema, 404: problemSchema },
      },
    },
    async (req, reply) => {
      const place = { district: req.params.district, school: req.query.school ?? null };
      return (
        (await service.history(place, req.params.stateId, actorOf(req))) ??
        notFound(reply, req, 'no such student in this district or school')
      );
    },
  );
  r.post(
    '/api/v1/districts/:district/ews/students/:stateId/interventions',
    {
      ...requires('student:write', districtOrSchool),
      schema: {
        tags,
        summary: 'Record an intervention for a student (what, from and until when)',
        params: ewsStudentParamsSchema,
        querystring: ewsStudentQuerySchema,
        body: ewsInterventionRequestSchema,
        response: { 201: ewsInterventionSchema, 404: problemSchema },
      },
    },
    async (req, reply) => {
      const place = { district: req.params.district, school: req.query.school ?? null };
      const saved = await service.recordIntervention(place, req.params.stateId, req.body, actorOf(req));
      if (!saved) return notFound(reply, req, 'no such student in this district or school');
      return reply.code(201).send(saved);
    },
  );
}
