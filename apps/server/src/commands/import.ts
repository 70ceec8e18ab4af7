/**
 * `./bitterroot import FILE|DIR... [--district NNNN] [--template ID] [--dry-run] [--json] [--parallel N]`:
 * the upload pipeline from the command line. One file is one upload as through the API; several files (or
 * directories, read recursively) are imported in the documented upload order, several at a time on
 * PostgreSQL, each file still atomic (import-many.service.ts). Exit 0 committed (or a clean dry run),
 * 1 rejected, 2 usage error.
 */
import { basename, join } from 'node:path';
import { existsSync, statSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { loadConfig } from '../platform/config.ts';
import { runUpload, type UploadRequest, type UploadResult } from '../modules/ingestion/upload.service.ts';
import { importMany } from '../modules/ingestion/import-many.service.ts';
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
      parallel: { type: 'string' },
    },
    true,
  );
  if (positionals.length === 0) {
    console.error(
      'usage: ./bitterroot import FILE|DIR... [--district NNNN] [--template ID] [--dry-run] [--json] [--progress] [--parallel N]',
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
  if (values.parallel !== undefined && !/^[1-9][0-9]?$/.test(values.parallel))
    throw new CliError(`--parallel must be a number from 1 to 99 (got ${values.parallel})`);
  const files = await filesOf(positionals);
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
    const requests: UploadRequest[] = [];
    for (const file of files) {
      const district = values.district ?? (await districtFromPath(file));
      if (!district) throw new CliError(`cannot tell the district of ${file}; pass --district NNNN`);
      requests.push({
        path: file,
        fileName: basename(file),
        district,
        schoolYear: config.schoolYear,
        templateId: values.template,
        dryRun: Boolean(values['dry-run']),
        matching,
      });
    }
    const print = (request: UploadRequest, r: UploadResult) => {
      if (!values.json) printHuman(request.path, r);
    };
    let results: UploadResult[];
    if (requests.length === 1) {
      results = [await runUpload(database, profile, requests[0]!)];
      print(requests[0]!, results[0]!);
    } else {
      const parallel = values.parallel === undefined ? undefined : Number(values.parallel);
      results = (await importMany(database, profile, requests, { parallel, onResult: print })).results;
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

/** Upload files are the pipeline's formats; anything else in a directory (manifests, notes) is left out. */
const UPLOAD_FILE = /\.(tsv|txt|csv|xlsx)$/i;

/** The files named, with directories read recursively (sorted, so the order is reproducible). */
async function filesOf(paths: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const p of paths) {
    if (!statSync(p).isDirectory()) {
      out.push(p);
      continue;
    }
    const entries = (await readdir(p, { recursive: true, withFileTypes: true }))
      .filter((e) => e.isFile() && UPLOAD_FILE.test(e.name))
      .map((e) => join(e.parentPath, e.name))
      .sort();
    out.push(...entries);
  }
  return out;
}

/** The district a file names: the generator's `districts/NNNN/` folder, else the first data row's district. */
async function districtFromPath(file: string): Promise<string | undefined> {
  const m = /(?:^|[/\\])(\d{4})[/\\][^/\\]+$/.exec(file);
  return m?.[1];
}
