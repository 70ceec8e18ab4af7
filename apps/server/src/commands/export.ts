/**
 * `./bitterroot export edfacts --file FS052 [--level sea|lea|sch] [--format csv|tab|txt] --out DIR` and
 * `./bitterroot export maefairs-anb|nutrition|sped-child-count|missing-child-photos --out DIR`: the state's
 * downstream files (decisions 0050, 0051), from certified snapshots unless --source live. Exit 0 written,
 * 1 a level the file does not have, 2 usage error.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  edfactsFileSchema,
  edfactsQuerySchema,
  reportSourceSchema,
  stateExportSchema,
} from '@bitterroot/contracts';
import { loadConfig } from '../platform/config.ts';
import { outcomeServices } from '../modules/reporting/outcome-reports.plugin.ts';
import type { ExportFile } from '../modules/reporting/exports.service.ts';
import { CliError } from './cli-error.ts';
import { parseFlags } from './flags.ts';
import { loadProfileOrExplain } from './init.ts';
import { migrateOrExplain, openOrExplain } from './open.ts';

const USAGE = [
  'usage: ./bitterroot export edfacts --file FS052|FS033|FS141|FS118|FS002|FS032|FS150|FS151|FS195|FS006 [--level sea|lea|sch] [--format csv|tab|txt] --out DIR',
  '       ./bitterroot export maefairs-anb|nutrition|sped-child-count|missing-child-photos --out DIR',
  '       (both take --source live|certified, default certified)',
].join('\n');

/** CLI entry. */
export async function exportCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseFlags(
    args,
    {
      file: { type: 'string' },
      level: { type: 'string' },
      format: { type: 'string' },
      source: { type: 'string' },
      out: { type: 'string' },
    },
    true,
  );
  const what = positionals[0] === 'maefairs' ? 'maefairs-anb' : positionals[0];
  if (!what || !values.out || (what !== 'edfacts' && !stateExportSchema.safeParse(what).success)) {
    console.error(USAGE);
    return 2;
  }
  const source = reportSourceSchema.safeParse(values.source ?? 'certified');
  if (!source.success) throw new CliError('--source must be live or certified');
  const config = loadConfig({
    database: values.database,
    schoolYear: values['school-year'],
    profile: values.profile,
  });
  const profile = await loadProfileOrExplain(config.profileDir);
  const database = await openOrExplain(config.database);
  try {
    await migrateOrExplain(database);
    const s = outcomeServices(database.db, profile, config.schoolYear);
    let file: ExportFile;
    if (what === 'edfacts') {
      const id = edfactsFileSchema.safeParse(values.file?.toUpperCase());
      const query = edfactsQuerySchema.safeParse({ level: values.level, format: values.format });
      if (!id.success || !query.success) throw new CliError(USAGE);
      const out = await s.exports.edfacts(id.data, {
        ...query.data,
        year: config.schoolYear,
        source: source.data,
      });
      if (out.kind === 'unsupported')
        throw new CliError(`${id.data} is reported at levels ${out.levels.join(', ')} only`);
      file = out.file;
    } else {
      file = await s.exports.stateFile(stateExportSchema.parse(what), {
        year: config.schoolYear,
        source: source.data,
      });
    }
    const path = join(values.out, file.fileName);
    await writeFile(path, file.body);
    console.error(`${file.fileName}: ${file.records} records written to ${path}`);
    return 0;
  } finally {
    await database.close();
  }
}
