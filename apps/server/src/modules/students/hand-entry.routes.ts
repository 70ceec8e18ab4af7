/**
 * HTTP edge of hand entry: typed rows through the upload pipeline, undo of the caller's last entry, and the
 * "is this one of these students?" candidates. School users reach them with `?school=` (their own school);
 * which rows they may enter is decided in the service (decision 0054).
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  districtNumberSchema,
  enrollmentPlaceSchema,
  handEntryResultSchema,
  handEntrySchema,
  handEntryUndoSchema,
  identityCandidateSchema,
  identityCandidatesQuerySchema,
  problemSchema,
} from '@bitterroot/contracts';
import { districtOrSchool, requires } from '../../http/access.ts';
import { notFound, problem, sendProblem } from '../../http/problems.ts';
import type { HandEntryService } from './hand-entry.service.ts';

const districtParams = z.object({ district: districtNumberSchema });
const schoolQuery = z.object({
  school: z
    .string()
    .regex(/^\d{4}$/)
    .optional(),
});

/** Registers the hand-entry routes. */
export function handEntryRoutes(entry: HandEntryService): FastifyPluginAsync {
  return async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.post(
      '/api/v1/districts/:district/entries/:template',
      {
        ...requires('student:write', districtOrSchool),
        schema: {
          tags: ['students'],
          summary:
            'Hand entry: rows of one template through the upload pipeline (same rules, atomic); dryRun validates only',
          params: districtParams.extend({ template: z.string().max(60) }),
          querystring: schoolQuery,
          body: handEntrySchema,
          response: {
            200: handEntryResultSchema,
            400: problemSchema,
            403: problemSchema,
            404: problemSchema,
          },
        },
      },
      async (req, reply) => {
        const { district, template } = req.params;
        const out = await entry.enter(
          req.principal!,
          district,
          template,
          req.body.rows,
          req.body.dryRun,
          req.id,
        );
        if (out.kind === 'unknown-template') return notFound(reply, req, `no template ${template}`);
        if (out.kind === 'forbidden')
          return sendProblem(reply, problem(403, 'forbidden', 'Not allowed', req, out.message));
        if (out.kind === 'unknown-column')
          return sendProblem(
            reply,
            problem(
              400,
              'unknown-column',
              'Unknown column',
              req,
              `not columns of this template: ${out.columns.join(', ')}`,
            ),
          );
        return { ...out.result, progress: null, undoable: out.undoable };
      },
    );
    r.post(
      '/api/v1/districts/:district/entries/undo',
      {
        ...requires('student:write', districtOrSchool),
        schema: {
          tags: ['students'],
          summary: "Undo the caller's newest hand entry in the district (409 when the records changed since)",
          params: districtParams,
          querystring: schoolQuery,
          response: { 200: handEntryUndoSchema, 409: problemSchema },
        },
      },
      async (req, reply) => {
        const out = await entry.undo(req.principal!, req.params.district, req.id);
        if (out.kind !== 'conflict') return out;
        const title = `Cannot undo the ${out.template} entry (upload ${out.batchId})`;
        return sendProblem(reply, problem(409, 'undo-conflict', title, req, out.reason));
      },
    );
    r.get(
      '/api/v1/districts/:district/enrollment-places',
      {
        ...requires('student:write', districtOrSchool),
        schema: {
          tags: ['students'],
          summary:
            "This year's school calendars the caller may enroll students in (a school user: their school's)",
          params: districtParams,
          querystring: schoolQuery,
          response: {
            200: z.object({ schoolYear: z.number().int(), places: z.array(enrollmentPlaceSchema) }),
          },
        },
      },
      async (req) => ({
        schoolYear: entry.schoolYear,
        places: await entry.places(req.principal!, req.params.district),
      }),
    );
    r.get(
      '/api/v1/districts/:district/identity-candidates',
      {
        ...requires('state-id:lookup', districtOrSchool),
        schema: {
          tags: ['students'],
          summary:
            'Before a new state ID: statewide students the person may be (name, birth date, state ID, last district, score)',
          params: districtParams,
          querystring: identityCandidatesQuerySchema,
          response: { 200: z.object({ candidates: z.array(identityCandidateSchema) }) },
        },
      },
      async (req) => {
        const { school: _school, ...person } = req.query;
        return { candidates: await entry.candidates(req.principal!, req.params.district, person, req.id) };
      },
    );
  };
}
