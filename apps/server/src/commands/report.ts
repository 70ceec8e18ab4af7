/**
 * `./bitterroot report acgr|dropout|cte|behavior [--district NNNN] [--source live|certified] [--years N] [--json]`:
 * an outcome measure of a district or the state (issue 8 §8). Prints the totals and per-unit figures, or with
 * --json the whole report with every student line. Exit 0 printed, 1 unknown district, 2 usage error.
 */
import { outcomeQuerySchema, type OutcomeMeasure, type OutcomeReport } from '@bitterroot/contracts';
import { loadConfig } from '../platform/config.ts';
import { outcomeServices } from '../modules/reporting/outcome-reports.plugin.ts';
import { CliError } from './cli-error.ts';
import { parseFlags } from './flags.ts';
import { loadProfileOrExplain } from './init.ts';
import { migrateOrExplain, openOrExplain } from './open.ts';

const USAGE =
  'usage: ./bitterroot report acgr|dropout|cte|behavior [--district NNNN] [--source live|certified] [--years 4|5|6] [--json]';

const MEASURES: Record<string, OutcomeMeasure> = {
  acgr: 'graduation',
  graduation: 'graduation',
  dropout: 'dropouts',
  dropouts: 'dropouts',
  cte: 'cte',
  behavior: 'behavior',
};

const pct = (r: number | null) => (r === null ? '—' : `${(r * 100).toFixed(2)}%`);

function summary(r: OutcomeReport): string {
  const head = `${r.measure} ${r.districtNumber ?? 'state'} ${r.schoolYear} (${r.source}): ${r.totals.numerator} ${r.numeratorLabel} / ${r.totals.denominator} ${r.denominatorLabel} = ${pct(r.totals.rate)}`;
  const units = r.units.map(
    (u) =>
      `  ${u.districtNumber ?? ''}${u.schoolNumber ? `/${u.schoolNumber}` : ''}: ${u.numerator} / ${u.denominator} = ${pct(u.rate)}`,
  );
  const details = Object.entries(r.details).map(([k, v]) => `  ${k}: ${v}`);
  return [head, ...units, ...details].join('\n');
}

/** CLI entry. */
export async function reportCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseFlags(
    args,
    {
      district: { type: 'string' },
      source: { type: 'string' },
      years: { type: 'string' },
      json: { type: 'boolean' },
    },
    true,
  );
  const measure = MEASURES[positionals[0] ?? ''];
  if (!measure) {
    console.error(USAGE);
    return 2;
  }
  if (values.district !== undefined && !/^\d{4}$/.test(values.district))
    throw new CliError(`--district must be 4 digits such as 0001 (got ${values.district})`);
  const config = loadConfig({
    database: values.database,
    schoolYear: values['school-year'],
    profile: values.profile,
  });
  const query = outcomeQuerySchema.safeParse({
    source: values.source,
    years: values.years,
    year: config.schoolYear,
  });
  if (!query.success) throw new CliError('--source must be live or certified and --years 4, 5 or 6');
  const profile = await loadProfileOrExplain(config.profileDir);
  const database = await openOrExplain(config.database);
  try {
    await migrateOrExplain(database);
    const s = outcomeServices(database.db, profile, config.schoolYear);
    const out = await s.outcomes.report(measure, values.district ?? null, query.data);
    if (out.kind === 'not-found') throw new CliError(`district ${values.district} does not exist`);
    console.log(values.json ? JSON.stringify(out.report, null, 2) : summary(out.report));
    return 0;
  } finally {
    await database.close();
  }
}
