/**
 * The nightly work `serve` and `demo` schedule in process (issue 6 §2; decisions 0028, 0029): the statewide
 * validation run, recorded like an on-demand run with trigger `nightly`, then early-warning scoring of every
 * enrolled student as of today, stored as a scoring run. Only counts are logged, never student data.
 */
import type { Profile } from '@bitterroot/contracts';
import type { Database } from '../db/database.ts';
import { earlyWarningService } from '../modules/early-warning/early-warning.service.ts';
import { loadEwsSettings } from '../modules/early-warning/ews-settings.ts';
import { validationServiceFor } from '../modules/validation/validation.service.ts';
import type { Config } from '../platform/config.ts';
import { startDailyJob, systemClock, type Clock, type DailyJob } from '../platform/scheduler.ts';

/** What one night did. */
export type NightlyOutcome = {
  validation: { runId: number; fatal: number; warning: number; info: number } | null;
  scoring: { runId: number; asOf: string; students: number } | null;
  errors: string[];
};

/** The local calendar date of a moment, YYYY-MM-DD (the scoring run's as-of date). */
export function localDate(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/**
 * Runs one night's work. Each part runs even when the other fails (a broken model must not stop validation);
 * the failures come back as messages, and the caller treats any as a failed night.
 */
export async function runNightly(
  database: Database,
  profile: Profile,
  config: Pick<Config, 'schoolYear' | 'profileDir'>,
  asOf: string,
): Promise<NightlyOutcome> {
  const out: NightlyOutcome = { validation: null, scoring: null, errors: [] };
  try {
    const validation = await validationServiceFor(database, profile, config.schoolYear, config.profileDir);
    const run = await validation.runState({ trigger: 'nightly' });
    out.validation = { runId: run.runId, ...run.open };
  } catch (e) {
    out.errors.push(`validation: ${(e as Error).message}`);
  }
  try {
    const ews = earlyWarningService(database, await loadEwsSettings(config.profileDir), config.schoolYear);
    const run = await ews.scoreState(asOf, null);
    out.scoring = { runId: run.id, asOf: run.asOf, students: run.students };
  } catch (e) {
    out.errors.push(`early-warning scoring: ${(e as Error).message}`);
  }
  return out;
}

/** Starts the nightly job when the settings enable it (null when they do not). */
export function startNightly(
  database: Database,
  profile: Profile,
  config: Pick<Config, 'schoolYear' | 'profileDir' | 'nightly'>,
  clock: Clock = systemClock,
): DailyJob | null {
  if (!config.nightly.enabled) return null;
  return startDailyJob({
    at: config.nightly.at,
    clock,
    job: async () => {
      const out = await runNightly(database, profile, config, localDate(clock.now()));
      const v = out.validation;
      if (v) console.log(`nightly validation: ${v.fatal} fatal, ${v.warning} warning, ${v.info} info open`);
      if (out.scoring) console.log(`nightly early-warning scoring: ${out.scoring.students} students scored`);
      if (out.errors.length > 0) throw new Error(out.errors.join('; '));
    },
    onTick: (outcome, error) => {
      if (outcome === 'skipped-overlap')
        console.warn('nightly run skipped: the previous one is still running (decision 0029)');
      if (outcome === 'failed') console.warn(`nightly run failed: ${(error as Error).message}`);
    },
  });
}
