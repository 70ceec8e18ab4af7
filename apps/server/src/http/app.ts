/** The Fastify application: request ids, problem-details errors, OpenAPI, health, API and web app. */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import multipart from '@fastify/multipart';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  hasZodFastifySchemaValidationErrors,
} from 'fastify-type-provider-zod';
import type { Profile } from '@bitterroot/contracts';
import type { MatchSettings } from '@bitterroot/core';
import type { Database } from '../db/database.ts';
import { loggerOptions } from '../platform/logger.ts';
import { organizationsService } from '../modules/organizations/organizations.service.ts';
import { organizationsRoutes } from '../modules/organizations/organizations.routes.ts';
import { uploadsService } from '../modules/ingestion/uploads.service.ts';
import { uploadsRoutes } from '../modules/ingestion/uploads.routes.ts';
import { identityReviewService } from '../modules/identity/identity-review.service.ts';
import { identityReviewRoutes } from '../modules/identity/identity-review.routes.ts';
import { templatesService } from '../modules/templates/templates.service.ts';
import { templatesRoutes } from '../modules/templates/templates.routes.ts';
import { extractsService } from '../modules/student-records/extract.service.ts';
import { extractsRoutes } from '../modules/student-records/extracts.routes.ts';
import { storedRowsService } from '../modules/student-records/stored-rows.service.ts';
import { storedRowsRoutes } from '../modules/student-records/stored-rows.routes.ts';
import { validationServiceFor } from '../modules/validation/validation.service.ts';
import { validationRoutes } from '../modules/validation/validation.routes.ts';
import {
  accessService,
  DEFAULT_ACCESS_SETTINGS,
  type AccessSettings,
} from '../modules/access/access.service.ts';
import { accessRoutes } from '../modules/access/access.routes.ts';
import { usersService } from '../modules/access/users.service.ts';
import { usersRoutes } from '../modules/access/users.routes.ts';
import { studentsService } from '../modules/students/students.service.ts';
import { handEntryService } from '../modules/students/hand-entry.service.ts';
import { studentsRoutes } from '../modules/students/students.routes.ts';
import { collectionsServices } from '../modules/collections/collections.service.ts';
import { collectionsRoutes } from '../modules/collections/collections.routes.ts';
import { reportingService } from '../modules/reporting/reporting.service.ts';
import { reportingRoutes } from '../modules/reporting/reporting.routes.ts';
import { registerOutcomeReports } from '../modules/reporting/outcome-reports.plugin.ts';
import { earlyWarningService } from '../modules/early-warning/early-warning.service.ts';
import { earlyWarningRoutes } from '../modules/early-warning/early-warning.routes.ts';
import { loadEwsSettings } from '../modules/early-warning/ews-settings.ts';
import { publicRoute } from './access.ts';
import { registerAuth } from './auth.ts';
import { problem, sendProblem } from './problems.ts';

/** What the app needs from its surroundings. */
export type AppOptions = {
  database: Database;
  profile: Profile;
  matching?: MatchSettings;
  schoolYear: number;
  webDist?: string;
  logLevel?: string;
  access?: AccessSettings;
  /** Base of links in notifications (password resets); configured, never taken from the request's Host header. */
  publicUrl?: string;
  /** Where logs go (stdout by default); tests capture them to prove no PII is written. */
  logStream?: { write(line: string): void };
  /** Profile folder holding early-warning.yaml (the Montana profile by default). */
  ewsProfileDir?: string;
};

/** Largest accepted upload: a million-row enrollment file is about 100 MB. */
const MAX_UPLOAD_BYTES = 1024 * 1024 * 1024;

/** Builds the HTTP app (not listening yet). */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: loggerOptions(options.logLevel ?? 'warn', options.logStream),
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w-]{1,64}$/.test(given) ? given : randomUUID();
    },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onSend', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });
  app.setErrorHandler((error: FastifyError, req, reply) => {
    if (hasZodFastifySchemaValidationErrors(error)) {
      const errors = error.validation.map((v) => ({
        path: `${error.validationContext ?? ''}${v.instancePath}`,
        message: v.message ?? 'invalid',
      }));
      return sendProblem(
        reply,
        problem(
          400,
          'invalid-request',
          'Invalid request',
          req,
          errors.map((e) => `${e.path}: ${e.message}`).join('; '),
          errors,
        ),
      );
    }
    if (error.statusCode && error.statusCode < 500) {
      return sendProblem(reply, problem(error.statusCode, 'request-error', error.message, req));
    }
    req.log.error(
      { err: { message: error.message, code: error.code, stack: error.stack } },
      'unhandled error',
    );
    return sendProblem(
      reply,
      problem(500, 'internal', 'Internal error', req, `Something went wrong; quote request id ${req.id}.`),
    );
  });
  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/') || !options.webDist)
      return sendProblem(
        reply,
        problem(404, 'not-found', 'Not found', req, `no route ${req.method} ${req.url.split('?')[0]}`),
      );
    // Client-side routes of the web app all load index.html.
    return reply.sendFile('index.html');
  });

  await app.register(swagger, {
    openapi: { info: { title: 'Bitterroot API', version: '1' }, servers: [] },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  const accessSettings = options.access ?? DEFAULT_ACCESS_SETTINGS;
  const access = accessService(options.database, accessSettings);
  const users = usersService(options.database, access.forgetUser);
  await registerAuth(app, access);
  await app.register(
    accessRoutes(access, users, accessSettings.sessionHours, options.publicUrl ?? 'http://127.0.0.1:3000'),
  );
  await app.register(usersRoutes(users));

  app.get('/health', publicRoute, async () => ({ status: 'ok', database: options.database.kind }));
  const organizations = organizationsService(options.database.db, options.schoolYear);
  await app.register(organizationsRoutes(organizations));
  await app.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 10 } });
  await app.register(
    uploadsRoutes(
      uploadsService(options.database, options.profile, options.schoolYear, options.matching),
      async (d) => (await organizations.district(d)).kind === 'found',
    ),
  );

  await app.register(
    studentsRoutes(
      studentsService(options.database),
      handEntryService(options.database, options.profile, options.schoolYear, options.matching),
    ),
  );
  await app.register(
    collectionsRoutes(await collectionsServices(options.database, options.profile, options.schoolYear)),
  );
  await app.register(identityReviewRoutes(identityReviewService(options.database)));
  await app.register(templatesRoutes(templatesService(options.profile)));
  await app.register(
    validationRoutes(await validationServiceFor(options.database, options.profile, options.schoolYear)),
  );
  await app.register(
    extractsRoutes(extractsService(options.database.db, options.profile, options.schoolYear)),
  );
  await app.register(
    storedRowsRoutes(storedRowsService(options.database.db, options.profile, options.schoolYear)),
  );
  await app.register(
    reportingRoutes(reportingService(options.database.db, options.profile, options.schoolYear)),
  );
  await registerOutcomeReports(app, options.database.db, options.profile, options.schoolYear);
  await app.register(
    earlyWarningRoutes(
      earlyWarningService(options.database, await loadEwsSettings(options.ewsProfileDir), options.schoolYear),
    ),
  );

  if (options.webDist && existsSync(options.webDist)) {
    await app.register(fastifyStatic, { root: options.webDist, wildcard: false });
  }
  return app;
}
