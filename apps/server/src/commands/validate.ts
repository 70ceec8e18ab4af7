/**
 * `./bitterroot validate [--district NNNN] [--collection ID] [--json]`: runs the statewide rules now (the
 * whole state, or one district and the cross-district rules it is party to) and prints a summary by rule and
 * severity; `--json` prints every open finding too. Exit 0 without fatal findings, 1 with, 2 usage error.
 * `serve` and `demo` also run the statewide validation nightly in process (decision 0028).
 */
import { loadConfig } from '../platform/config.ts';
import { validationServiceFor, type RunOutcome } from '../modules/validation/validation.service.ts';
import { loadRuleCatalogue } from '../modules/validation/rule-catalogue.loader.ts';
import { formatProfileError } from '../modules/profile/profile.parser.ts';
import { CliError } from './cli-error.ts';
import { parseFlags } from './flags.ts';
import { loadProfileOrExplain } from './init.ts';
import { migrateOrExplain, openOrExplain } from './open.ts';

type Row = { rule: string; severity: string; count: number };

function printSummary(run: RunOutcome, rows: Row[], descriptions: Map<string, string>): void {
  const where = run.district ? `district ${run.district}` : 'the state';
  console.log(
    `validated ${where} for ${run.schoolYear} in ${run.seconds.toFixed(2)} s: ${run.produced} findings (${run.opened} new, ${run.resolved} resolved)`,
  );
  for (const r of rows)
    console.log(
      `  ${r.severity.padEnd(7)} ${r.rule.padEnd(9)} ${String(r.count).padStart(7)}  ${descriptions.get(r.rule)?.slice(0, 90) ?? ''}`,
    );
  console.log(`open: ${run.open.fatal} fatal, ${run.open.warning} warning, ${run.open.info} info`);
}

/** CLI entry. */
export async function validateCommand(args: string[]): Promise<number> {
  const { values } = parseFlags(args, {
    district: { type: 'string' },
    collection: { type: 'string' },
    json: { type: 'boolean' },
  });
  if (values.district !== undefined && !/^\d{4}$/.test(values.district))
    throw new CliError(`--district must be 4 digits such as 0001 (got ${values.district})`);
  const config = loadConfig({
    database: values.database,
    schoolYear: values['school-year'],
    profile: values.profile,
  });
  const profile = await loadProfileOrExplain(config.profileDir);
  const catalogue = await loadRuleCatalogue(config.profileDir, profile);
  if (!catalogue.ok)
    throw new CliError(
      `the rule catalogue does not load:\n${catalogue.error.map(formatProfileError).join('\n')}`,
    );
  if (
    values.collection !== undefined &&
    !profile.calendar.collections.some((c) => c.id === values.collection)
  )
    throw new CliError(
      `--collection ${values.collection} is not a collection of ${profile.manifest.id} (see calendar.yaml)`,
    );
  const database = await openOrExplain(config.database);
  try {
    await migrateOrExplain(database);
    const service = await validationServiceFor(database, profile, config.schoolYear, config.profileDir);
    const options = { collection: values.collection, trigger: 'cli' as const };
    const run = values.district
      ? await service.runDistrict(values.district, options)
      : await service.runState(options);
    if ('kind' in run) throw new CliError(`district ${values.district} does not exist`);
    const findings = await service.all({
      district: values.district,
      collection: values.collection,
      status: 'open',
    });
    const counts = new Map<string, Row>();
    for (const f of findings) {
      const row = counts.get(f.rule) ?? { rule: f.rule, severity: f.severity, count: 0 };
      row.count += 1;
      counts.set(f.rule, row);
    }
    // Counts of what was asked for (a collection's rules only, when one is named), not of the whole scope.
    const open = { fatal: 0, warning: 0, info: 0 };
    for (const f of findings) open[f.severity] += 1;
    const rows = [...counts.values()].sort(
      (a, b) => a.severity.localeCompare(b.severity) || a.rule.localeCompare(b.rule),
    );
    if (values.json)
      console.log(
        JSON.stringify(
          {
            schoolYear: run.schoolYear,
            district: run.district,
            collection: values.collection ?? null,
            seconds: Number(run.seconds.toFixed(3)),
            summary: { ...open, byRule: rows },
            findings: findings.map((f) => ({
              id: f.id,
              rule: f.rule,
              severity: f.severity,
              district: f.district,
              otherDistrict: f.otherDistrict,
              stateId: f.stateId,
              record: `${f.recordTable}:${f.recordId}`,
              message: f.message,
            })),
          },
          null,
          2,
        ),
      );
    else printSummary({ ...run, open }, rows, new Map(service.rules().map((r) => [r.id, r.description])));
    return open.fatal > 0 ? 1 : 0;
  } finally {
    await database.close();
  }
}
