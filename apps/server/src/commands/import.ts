/**
 * `./bitterroot import FILE... [--district NNNN] [--template ID] [--dry-run] [--json]`: the upload pipeline
 * from the command line. Exit 0 committed (or a clean dry run), 1 rejected, 2 usage error.
 */
import { basename } from 'node:path';
import { existsSync } from 'node:fs';
import { loadConfig } from '../platform/config.ts';
import { runUpload, type UploadResult } from '../modules/ingestion/upload.service.ts';
import { loadMatchSettings } from '../modules/ingestion/identity-matching.ts';
import { onProgress } from '../modules/ingestion/upload-progress.ts';
import { CliError } from './cli-error.ts';
import { parseFlags } from './flags.ts';
import { loadProfileOrExplain } from './init.ts';
import { migrateOrExplain, openOrExplain } from './open.ts';

function printHuman(file: string, r: UploadResult): void {
  const verdict = r.committed
    ? 'committed'
    : r.status === 'validated'
      ? r.dryRun
        ? 'valid (dry run, nothing written)'
        : 'valid'
      : r.status;
  console.log(
    `${file}: ${r.template ?? 'unknown template'} for district ${r.district}: ${r.rows} rows, ${r.accepted} accepted, ${r.rejected} rejected: ${verdict} (batch ${r.batchId})`,
  );
  if (Object.keys(r.summary).length)
    console.log(
      `  ${Object.entries(r.summary)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')}`,
    );
  for (const c of r.findingCounts) console.log(`  ${c.severity.padEnd(7)} ${c.code.padEnd(20)} ${c.count}`);
  for (const f of r.findings.slice(0, 20))
    console.log(
      `  line ${f.line ?? '-'}${f.field ? `, ${f.field}` : ''}: ${f.code} ${f.message}. Fix: ${f.fix}`,
    );
  if (r.findings.length > 20)
    console.log(`  … ${r.findings.length - 20} more findings (--json lists them all)`);
}

/** CLI entry. */
export async function importCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseFlags(
    args,
    {
      district: { type: 'string' },
      template: { type: 'string' },
      'dry-run': { type: 'boolean' },
      json: { type: 'boolean' },
      progress: { type: 'boolean' },
    },
    true,
  );
  if (positionals.length === 0) {
    console.error(
      'usage: ./bitterroot import FILE... [--district NNNN] [--template ID] [--dry-run] [--json] [--progress]',
    );
    return 2;
  }
  const missing = positionals.find((f) => !existsSync(f));
  if (missing) {
    console.error(`bitterroot: no such file: ${missing}`);
    return 2;
  }
  if (values.district !== undefined && !/^\d{4}$/.test(values.district))
    throw new CliError(`--district must be 4 digits such as 0001 (got ${values.district})`);
  const config = loadConfig({
    database: values.database,
    schoolYear: values['school-year'],
    profile: values.profile,
  });
  const profile = await loadProfileOrExplain(config.profileDir);
  const matching = await loadMatchSettings(config.profileDir);
  const database = await openOrExplain(config.database);
  // Phases go to stderr so that --json output on stdout stays one document.
  const stopProgress = values.progress
    ? onProgress((batchId, p) => console.error(`progress: batch ${batchId} ${p.phase} ${p.rows} rows`))
    : () => undefined;
  try {
    await migrateOrExplain(database);
    const results: UploadResult[] = [];
    for (const file of positionals) {
      const district = values.district ?? (await districtFromPath(file));
      if (!district) throw new CliError(`cannot tell the district of ${file}; pass --district NNNN`);
      const r = await runUpload(database, profile, {
        path: file,
        fileName: basename(file),
        district,
        schoolYear: config.schoolYear,
        templateId: values.template,
        dryRun: Boolean(values['dry-run']),
        matching,
      });
      results.push(r);
      if (!values.json) printHuman(file, r);
    }
    if (values.json) {
      const out = results.map((r) => ({
        batchId: r.batchId,
        template: r.template,
        district: r.district,
        rows: r.rows,
        accepted: r.accepted,
        rejected: r.rejected,
        committed: r.committed,
        status: r.status,
        summary: r.summary,
        findings: r.findings,
      }));
      console.log(JSON.stringify(out.length === 1 ? out[0] : out, null, 2));
    }
    return results.every((r) => r.status === 'committed' || r.status === 'validated') ? 0 : 1;
  } finally {
    stopProgress();
    await database.close();
  }
}

/** The district a file names: the generator's `districts/NNNN/` folder, else the first data row's district. */
async function districtFromPath(file: string): Promise<string | undefined> {
  const m = /(?:^|[/\\])(\d{4})[/\\][^/\\]+$/.exec(file);
  return m?.[1];
}
