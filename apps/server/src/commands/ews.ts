/**
 * `./bitterroot ews load DIR | train --train 2022,2023,2024 --test 2025 [--grades 9,10] [--promote] |
 * score --as-of YYYY-MM-DD`: the Early Warning System from the command line (issue 10). `load` reads the EWS
 * term files of a state baseline, `train` stores candidates (and promotes them with --promote), `score` stores
 * a statewide run. Exit 0 done, 1 refused, 2 usage error.
 */
import { loadConfig } from '../platform/config.ts';
import { earlyWarningService } from '../modules/early-warning/early-warning.service.ts';
import { loadEwsTerms } from '../modules/early-warning/ews-load.service.ts';
import { loadEwsSettings } from '../modules/early-warning/ews-settings.ts';
import { CliError } from './cli-error.ts';
import { parseFlags } from './flags.ts';
import { migrateOrExplain, openOrExplain } from './open.ts';

const USAGE =
  'usage: ./bitterroot ews load DIR | ews train --train Y1,Y2 --test Y [--grades 6,7] [--promote] | ews score --as-of YYYY-MM-DD';

const years = (text: string | undefined, flag: string): number[] => {
  const list = (text ?? '')
    .split(',')
    .filter((s) => s !== '')
    .map(Number);
  if (list.length === 0 || list.some((y) => !Number.isInteger(y)))
    throw new CliError(`${flag} takes years such as 2023,2024`);
  return list;
};

const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);

/** CLI entry. */
export async function ewsCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseFlags(
    args,
    {
      train: { type: 'string' },
      test: { type: 'string' },
      grades: { type: 'string' },
      promote: { type: 'boolean' },
      'as-of': { type: 'string' },
    },
    true,
  );
  const action = positionals[0];
  if (action !== 'load' && action !== 'train' && action !== 'score') {
    console.error(USAGE);
    return 2;
  }
  const config = loadConfig({
    database: values.database,
    schoolYear: values['school-year'],
    profile: values.profile,
  });
  const settings = await loadEwsSettings(config.profileDir);
  const database = await openOrExplain(config.database);
  try {
    await migrateOrExplain(database);
    const service = earlyWarningService(database, settings, config.schoolYear);
    if (action === 'load') {
      if (!positionals[1]) throw new CliError(USAGE);
      console.log(JSON.stringify(await loadEwsTerms(database, positionals[1])));
      return 0;
    }
    if (action === 'score') {
      const asOf = values['as-of'];
      if (!asOf || !/^\d{4}-\d{2}-\d{2}$/.test(asOf)) throw new CliError('--as-of takes a date YYYY-MM-DD');
      const started = performance.now();
      const run = await service.scoreState(asOf, null);
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      console.log(`scored ${run.students} students as of ${asOf} in ${seconds} s (run ${run.id})`);
      if (run.unscoredGrades.length)
        console.log(`no current model for grades ${run.unscoredGrades.join(', ')}`);
      return 0;
    }
    const grades = values.grades ? years(values.grades, '--grades') : undefined;
    const out = await service.train(
      {
        trainYears: years(values.train, '--train'),
        testYear: years(values.test, '--test')[0]!,
        ...(grades ? { grades } : {}),
      },
      null,
    );
    if ('kind' in out) throw new CliError(out.message);
    for (const r of out.results) {
      if (!r.model) {
        console.log(`grade ${r.grade}: not trained: ${r.reason}`);
        continue;
      }
      const m = r.model;
      console.log(
        `grade ${r.grade}: model ${m.id} v${m.version}: AUC ${m.auc?.toFixed(3)} (ABC ${m.abcAuc?.toFixed(3)}), high band precision ${pct(m.precisionAtHigh)} recall ${pct(m.recallAtHigh)}`,
      );
      if (values.promote) await service.promote(m.id, null);
    }
    return 0;
  } finally {
    await database.close();
  }
}
