/** Wires the outcome, export and public-report services and registers their routes (one line in the app). */
import type { FastifyInstance } from 'fastify';
import type { Profile } from '@bitterroot/contracts';
import type { Executor } from '../../db/database.ts';
import { exportsRoutes } from './exports.routes.ts';
import { exportsService } from './exports.service.ts';
import { outcomesRoutes } from './outcomes.routes.ts';
import { outcomesService } from './outcomes.service.ts';
import { publicReportsRoutes } from './public-reports.routes.ts';
import { publicReportsService } from './public-reports.service.ts';
import { reportingService } from './reporting.service.ts';

/** The services behind the outcome routes and the CLI verbs. */
export function outcomeServices(db: Executor, profile: Profile, schoolYear: number) {
  const reporting = reportingService(db, profile, schoolYear);
  const outcomes = outcomesService(db, profile, schoolYear);
  return {
    outcomes,
    exports: exportsService(db, profile, schoolYear, { reporting, outcomes }),
    publicReports: publicReportsService(db, profile, schoolYear, outcomes),
  };
}

/** Registers the outcome, export and public-report routes. */
export async function registerOutcomeReports(
  app: FastifyInstance,
  db: Executor,
  profile: Profile,
  schoolYear: number,
): Promise<void> {
  const s = outcomeServices(db, profile, schoolYear);
  await app.register(outcomesRoutes(s.outcomes));
  await app.register(exportsRoutes(s.exports));
  await app.register(publicReportsRoutes(s.publicReports));
}
