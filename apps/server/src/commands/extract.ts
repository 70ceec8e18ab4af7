/**
 * `./bitterroot extract --district NNNN --template ID [--format tsv|csv] [--out FILE]`: a district's stored
 * rows of one template in the upload layout, to a file or stdout. Exit 0 written, 1 unknown district or
 * template, 2 usage error.
 */
import { extractFormatSchema } from '@bitterroot/contracts';
import { loadConfig } from '../platform/config.ts';
import { writeExtract } from '../modules/student-records/extract.service.ts';
import { CliError } from './cli-error.ts';
import { parseFlags } from './flags.ts';
import { loadProfileOrExplain } from './init.ts';
import { migrateOrExplain, openOrExplain } from './open.ts';

const USAGE = 'usage: ./bitterroot extract --district NNNN --template ID [--format tsv|csv] [--out FILE]';

/** CLI entry. */
export async function extractCommand(args: string[]): Promise<number> {
  const { values } = parseFlags(args, {
    district: { type: 'string' },
    template: { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string' },
  });
  if (!values.district || !values.template) {
    console.error(USAGE);
    return 2;
  }
  if (!/^\d{4}$/.test(values.district))
    throw new CliError(`--district must be 4 digits such as 0001 (got ${values.district})`);
  const format = extractFormatSchema.safeParse(values.format ?? 'tsv');
  if (!format.success) throw new CliError(`--format must be tsv or csv (got ${values.format})`);
  const config = loadConfig({
    database: values.database,
    schoolYear: values['school-year'],
    profile: values.profile,
  });
  const profile = await loadProfileOrExplain(config.profileDir);
  const database = await openOrExplain(config.database);
  try {
    await migrateOrExplain(database);
    const request = {
      district: values.district,
      templateId: values.template,
      format: format.data,
      schoolYear: config.schoolYear,
    };
    let result: Awaited<ReturnType<typeof writeExtract>>;
    try {
      result = await writeExtract(database.db, profile, request, values.out ?? process.stdout);
    } catch (e) {
      // `extract … | head` closes the pipe early: that is the reader's choice, not a failure.
      if ((e as NodeJS.ErrnoException).code === 'EPIPE') return 0;
      throw e;
    }
    if (result.kind === 'not-found') throw new CliError(result.detail);
    // The summary goes to stderr so that stdout holds only the file.
    console.error(
      `${values.template} for district ${values.district}, ${config.schoolYear}: ${result.rows} rows${values.out ? ` written to ${values.out}` : ''}`,
    );
    return 0;
  } finally {
    await database.close();
  }
}
