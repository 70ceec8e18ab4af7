/**
 * HTTP edge of the Early Warning System: state data staff train, compare and promote models and run statewide
 * scoring; any signed-in user reads model cards (aggregates only, small groups suppressed); districts and
 * schools read their own students' live scores and their flag rates beside the state's.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  districtNumberSchema,
  ewsCohortsSchema,
  ewsComparisonOverTimeSchema,
  ewsComparisonSchema,
  ewsModelCardSchema,
  ewsModelParamsSchema,
  ewsModelSummarySchema,
  ewsScoreRunRequestSchema,
  ewsScoreRunSchema,
  ewsStudentsQuerySchema,
  ewsStudentsResponseSchema,
  ewsTrainRequestSchema,
  ewsTrainResponseSchema,
  problemSchema,
} from '@bitterroot/contracts';
import { districtOrSchool, requires, signedIn, stateScope } from '../../http/access.ts';
import { notFound, problem, sendProblem } from '../../http/problems.ts';
import type { EarlyWarningService } from './early-warning.service.ts';
import { actorOf, ewsStudentRoutes } from './ews-students.routes.ts';

const districtParams = z.object({ district: districtNumberSchema });
const schoolQuery = z.object({ school: z.string().optional() });
const tags = ['early-warning'];

/** Today as an ISO date (the default as-of date of live scores). */
function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Registers the early-warning routes. */
export function earlyWarningRoutes(service: EarlyWarningService): FastifyPluginAsync {
  return async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get(
      '/api/v1/ews/cohorts',
      {
        ...requires('ews:manage', stateScope),
        schema: { tags, summary: 'School years available to train on', response: { 200: ewsCohortsSchema } },
      },
      async () => await service.cohorts(),
    );
    r.post(
      '/api/v1/ews/models/train',
      {
        ...requires('ews:manage', stateScope),
        schema: {
          tags,
          summary: 'Train candidate models per grade on chosen cohorts, tested on a later cohort',
          body: ewsTrainRequestSchema,
          response: { 200: ewsTrainResponseSchema, 422: problemSchema },
        },
      },
      async (req, reply) => {
        const out = await service.train(req.body, actorOf(req));
        if ('kind' in out)
          return sendProblem(reply, problem(422, 'ews-training-rejected', 'Cannot train', req, out.message));
        return out;
      },
    );
    r.get(
      '/api/v1/ews/models',
      {
        ...signedIn,
        schema: { tags, summary: 'Every stored model', response: { 200: z.array(ewsModelSummarySchema) } },
      },
      async () => await service.models(),
    );
    r.get(
      '/api/v1/ews/models/:id',
      {
        ...signedIn,
        schema: {
          tags,
          summary: 'Model card: accuracy, calibration, fairness by group, cohorts, limitations',
          params: ewsModelParamsSchema,
          response: { 200: ewsModelCardSchema, 404: problemSchema },
        },
      },
      async (req, reply) =>
        (await service.card(req.params.id)) ?? notFound(reply, req, `model ${req.params.id} does not exist`),
    );
    r.get(
      '/api/v1/ews/models/:id/comparison',
      {
        ...requires('ews:manage', stateScope),
        schema: {
          tags,
          summary: "A model against its grade's current model on the same test cohort",
          params: ewsModelParamsSchema,
          response: { 200: ewsComparisonSchema, 404: problemSchema },
        },
      },
      async (req, reply) =>
        (await service.compare(req.params.id)) ??
        notFound(reply, req, `model ${req.params.id} does not exist`),
    );
    r.post(
      '/api/v1/ews/models/:id/promote',
      {
        ...requires('ews:manage', stateScope),
        schema: {
          tags,
          summary: "Make a model its grade's current model",
          params: ewsModelParamsSchema,
          response: { 200: ewsModelSummarySchema, 404: problemSchema },
        },
      },
      async (req, reply) =>
        (await service.promote(req.params.id, actorOf(req))) ??
        notFound(reply, req, `model ${req.params.id} does not exist`),
    );
    r.post(
      '/api/v1/ews/score-runs',
      {
        ...requires('ews:manage', stateScope),
        schema: {
          tags,
          summary: 'Score every enrolled student in grades 6–12 as of a date and keep the run',
          body: ewsScoreRunRequestSchema,
          response: { 200: ewsScoreRunSchema },
        },
      },
      async (req) => await service.scoreState(req.body.asOf, req.principal?.userId ?? null),
    );
    r.get(
      '/api/v1/districts/:district/ews/students',
      {
        ...requires('ews:read', districtOrSchool),
        schema: {
          tags,
          summary: 'Live risk scores with reasons of a district or school (?school=)',
          params: districtParams,
          querystring: ewsStudentsQuerySchema,
          response: { 200: ewsStudentsResponseSchema, 404: problemSchema },
        },
      },
      async (req, reply) =>
        (await service.students(req.params.district, req.query.school ?? null, req.query.asOf ?? today())) ??
        notFound(reply, req, `no such district or school`),
    );
    r.get(
      '/api/v1/districts/:district/ews/comparison',
      {
        ...requires('ews:read', districtOrSchool),
        schema: {
          tags,
          summary: 'Flag rates of a district or school beside the state at each scored date',
          params: districtParams,
          querystring: schoolQuery,
          response: { 200: ewsComparisonOverTimeSchema, 404: problemSchema },
        },
      },
      async (req, reply) =>
        (await service.ratesOverTime(req.params.district, req.query.school ?? null)) ??
        notFound(reply, req, `no such district or school`),
    );
    ewsStudentRoutes(app, service);
  };
}
