/** HTTP edge of the student record: search, the state-ID lookup, the record page and hand entry. */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  districtNumberSchema,
  problemSchema,
  stateIdHitSchema,
  stateIdLookupQuerySchema,
  studentHitSchema,
  studentRecordSchema,
  studentSearchQuerySchema,
} from '@bitterroot/contracts';
import { districtOrSchool, requires, stateScope } from '../../http/access.ts';
import { notFound } from '../../http/problems.ts';
import { handEntryRoutes } from './hand-entry.routes.ts';
import type { HandEntryService } from './hand-entry.service.ts';
import type { StudentsService } from './students.service.ts';

const districtParams = z.object({ district: districtNumberSchema });

/** Registers the student routes. */
export function studentsRoutes(students: StudentsService, entry: HandEntryService): FastifyPluginAsync {
  return async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get(
      '/api/v1/districts/:district/students',
      {
        ...requires('student:read', districtOrSchool),
        schema: {
          tags: ['students'],
          summary: 'Search the district\'s students by state ID, local ID or name prefix ("smith, jo")',
          params: districtParams,
          querystring: studentSearchQuerySchema,
          response: { 200: z.object({ students: z.array(studentHitSchema) }) },
        },
      },
      async (req) => ({
        students: await students.search(req.principal!, req.params.district, req.query.q, req.query.limit),
      }),
    );
    r.get(
      '/api/v1/students',
      {
        ...requires('student:read', stateScope),
        schema: {
          tags: ['students'],
          summary: 'Search students across the state (state roles)',
          querystring: studentSearchQuerySchema,
          response: { 200: z.object({ students: z.array(studentHitSchema) }) },
        },
      },
      async (req) => ({ students: await students.searchState(req.principal!, req.query.q, req.query.limit) }),
    );
    r.get(
      '/api/v1/districts/:district/state-id-lookup',
      {
        ...requires('state-id:lookup', districtOrSchool),
        schema: {
          tags: ['students'],
          summary:
            "Find a transferring child's state ID anywhere in the state (name, birth date, state ID, last district only)",
          params: districtParams,
          querystring: stateIdLookupQuerySchema,
          response: { 200: z.object({ matches: z.array(stateIdHitSchema) }) },
        },
      },
      async (req) => ({
        matches: await students.lookup(req.principal!, req.params.district, req.query, req.id),
      }),
    );
    r.get(
      '/api/v1/districts/:district/students/:id',
      {
        ...requires('student:read', districtOrSchool),
        schema: {
          tags: ['students'],
          summary:
            'One student: identity (masked unless reveal=true, which is logged), enrollments, records, findings, audit trail',
          params: districtParams.extend({ id: z.coerce.number().int() }),
          querystring: z.object({
            reveal: z.stringbool().default(false),
            school: z
              .string()
              .regex(/^\d{4}$/)
              .optional(),
          }),
          response: { 200: studentRecordSchema, 404: problemSchema },
        },
      },
      async (req, reply) => {
        const page = await students.record(
          req.principal!,
          req.params.district,
          req.params.id,
          req.query.reveal,
          req.id,
        );
        return (
          page ?? notFound(reply, req, `student ${req.params.id} is not one of this district's students`)
        );
      },
    );
    await app.register(handEntryRoutes(entry));
  };
}
