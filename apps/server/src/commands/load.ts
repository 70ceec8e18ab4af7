/** `./bitterroot load-baseline DIR` and `./bitterroot load DIR`: the conversion loads by COPY. */
import { loadConfig } from '../platform/config.ts';
import { loadBaseline, loadDistrictFiles } from '../modules/ingestion/bulk-load.service.ts';
import { organizationFromProfile } from '../modules/organizations/organizations.setup.ts';
import { CliError } from './cli-error.ts';
import { parseFlags } from './flags.ts';
import { initialize, loadProfileOrExplain } from './init.ts';
import { openOrExplain } from './open.ts';
import type { Database } from '../db/database.ts';
import type { Config } from '../platform/config.ts';

/** Prints progress lines with the seconds since `started`. */
export function progressPrinter(started = performance.now()): (message: string) => void {
  return (message) =>
    console.log(`  ${((performance.now() - started) / 1000).toFixed(1).padStart(5)} s  ${message}`);
}

function dirArgument(positionals: string[], verb: string): string {
  const dir = positionals[0];
  if (!dir) throw new CliError(`usage: ./bitterroot ${verb} DIR (a folder written by ./bitterroot generate)`);
  return dir;
}

/** Runs the baseline load into an initialised database. */
export async function runBaselineLoad(
  database: Database,
  config: Config,
  dir: string,
): Promise<Record<string, number>> {
  return await loadBaseline(
    database,
    dir,
    async (year) => {
      const org = await organizationFromProfile(config.profileDir, year);
      if (!org.ok) throw new CliError(org.error);
      return org.value;
    },
    progressPrinter(),
  );
}

/** Loads the current year's generated district files into an initialised database. */
export async function runDistrictLoad(
  database: Database,
  config: Config,
  dir: string,
  started = performance.now(),
) {
  const profile = await loadProfileOrExplain(config.profileDir);
  return await loadDistrictFiles(database, profile, dir, config.schoolYear, progressPrinter(started));
}

/** Shared shape of the two load verbs: parse, open, initialise, load, report, close. */
async function loadVerb(
  args: string[],
  verb: string,
  load: (database: Database, config: Config, dir: string) => Promise<Record<string, number>>,
): Promise<number> {
  const { values, positionals } = parseFlags(args, {}, true);
  const config = loadConfig({
    database: values.database,
    schoolYear: values['school-year'],
    profile: values.profile,
  });
  const dir = dirArgument(positionals, verb);
  const database = await openOrExplain(config.database);
  try {
    await initialize(database, config.profileDir, config.schoolYear);
    const started = performance.now();
    const summary = await load(database, config, dir);
    console.log(
      `${verb}: done in ${((performance.now() - started) / 1000).toFixed(1)} s: ${JSON.stringify(summary)}`,
    );
    return 0;
  } finally {
    await database.close();
  }
}

/** CLI entry for load-baseline. */
export async function loadBaselineCommand(args: string[]): Promise<number> {
  return await loadVerb(args, 'load-baseline', runBaselineLoad);
}

/** CLI entry for load. */
export async function loadDistrictsCommand(args: string[]): Promise<number> {
  return await loadVerb(args, 'load', (database, config, dir) => runDistrictLoad(database, config, dir));
}
