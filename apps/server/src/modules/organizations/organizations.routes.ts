/** HTTP edge for districts and schools: validate, call the service, present. */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  districtDetailSchema,
  districtListQuerySchema,
  districtNumberSchema,
  districtPageSchema,
  problemSchema,
  schoolListQuerySchema,
  schoolPageSchema,
} from '@bitterroot/contracts';
import type { OrganizationsService } from './organizations.service.ts';
import { notFound } from '../../http/problems.ts';
import { districtFromPath, requires, signedIn } from '../../http/access.ts';

const districtParams = z.object({ district: districtNumberSchema });

/** Registers /api/v1/districts routes. */
export function organizationsRoutes(service: OrganizationsService): FastifyPluginAsync {
  return async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get(
      '/api/v1/districts',
      {
        ...signedIn,
        schema: {
          tags: ['organizations'],
          summary: 'List districts',
          querystring: districtListQuerySchema,
          response: { 200: districtPageSchema },
        },
      },
      async (req) => await service.districts(req.query),
    );
    r.get(
      '/api/v1/districts/:district',
      {
        ...requires('organization:read', districtFromPath),
        schema: {
          tags: ['organizations'],
          summary: 'One district with its record counts',
          params: districtParams,
          response: { 200: districtDetailSchema, 404: problemSchema },
        },
      },
      async (req, reply) => {
        const found = await service.district(req.params.district);
        if (found.kind === 'not-found')
          return notFound(reply, req, `district ${found.districtNumber} does not exist`);
        return found.value;
      },
    );
    r.get(
      '/api/v1/districts/:district/schools',
      {
        ...requires('organization:read', districtFromPath),
        schema: {
          tags: ['organizations'],
          summary: "A district's schools",
          params: districtParams,
          querystring: schoolListQuerySchema,
          response: { 200: schoolPageSchema, 404: problemSchema },
        },
      },
      async (req, reply) => {
        const found = await service.schools(req.params.district, req.query);
        if (found.kind === 'not-found')
          return notFound(reply, req, `district ${found.districtNumber} does not exist`);
        return found.value;
      },
    );
  };
}
