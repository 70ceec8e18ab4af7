/**
 * The state's conversion load: bulk-loads the identity registry and history (`state-baseline/`) and
 * the generated district files by COPY into staging, then set-based merges, each load in one
 * transaction (all or nothing). Used by `demo`, `load` and `load-baseline`.
 */
import { readdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Profile, Template } from '@bitterroot/contracts';
import type { Database, Executor } from '../../db/database.ts';
import { upsertOrganization } from '../organizations/organization-load.repository.ts';
import type { Organization } from '@bitterroot/core';
import {
  createStagingTable,
  fillStagingTable,
  tuneForBulkLoad,
  withDeferredKeysAndIndexes,
} from './staging.repository.ts';
import {
  mergeDemographics,
  mergeEnrollments,
  mergeHistoryEnrollments,
  mergeRegistryStudents,
  mergeStaff,
} from './bulk-merge.repository.ts';
import { readHeaderNames, tsvAsCsvChunks } from './tsv-file.ts';

/** Progress messages for long loads. */
export type Progress = (message: string) => void;

/** Counts of what a load wrote. */
export type LoadSummary = Record<string, number>;

function templateOf(profile: Profile, id: string): Template {
  const t = profile.templates.find((x) => x.id === id);
  if (!t) throw new Error(`profile ${profile.manifest.id} has no template ${id}`);
  return t;
}

async function* concat(sources: AsyncIterable<string>[]): AsyncGenerator<string> {
  for (const s of sources) yield* s;
}

async function stageTemplate(
  trx: Executor,
  template: Template,
  files: string[],
): Promise<{ table: string; rows: number }> {
  const table = `stage_${template.id.replace(/-/g, '_')}`;
  const columns = template.columns.map((c) => c.key);
  await createStagingTable(trx, table, columns);
  const rows = await fillStagingTable(
    trx,
    table,
    columns,
    concat(files.map((f) => tsvAsCsvChunks(f, { width: columns.length, skipHeader: 'hd' }))),
  );
  return { table, rows };
}

async function stageBaselineFile(trx: Executor, table: string, file: string): Promise<number> {
  const names = (await readHeaderNames(file)).map((n) => n.toLowerCase().replace(/[^a-z0-9_]/g, '_'));
  await createStagingTable(trx, table, names);
  return await fillStagingTable(
    trx,
    table,
    names,
    tsvAsCsvChunks(file, { width: names.length, skipHeader: 'names' }),
  );
}

/** Loads generated district files (`DIR/districts/NNNN/<template>.tsv`) for a school year, atomically. */
export async function loadDistrictFiles(
  database: Database,
  profile: Profile,
  dir: string,
  schoolYear: number,
  progress: Progress = () => undefined,
): Promise<LoadSummary> {
  const districtsDir = join(dir, 'districts');
  const districts = (await readdir(districtsDir)).filter((d) => /^\d{4}$/.test(d)).sort();
  const filesFor = (id: string) =>
    districts.map((d) => join(districtsDir, d, `${id}.tsv`)).filter((f) => existsSync(f));
  return await database.db.transaction().execute(async (trx) => {
    const summary: LoadSummary = {};
    await tuneForBulkLoad(trx);
    progress(`staging student demographics from ${districts.length} districts`);
    const sd = await stageTemplate(
      trx,
      templateOf(profile, 'student-demographics'),
      filesFor('student-demographics'),
    );
    progress(`merging ${sd.rows} demographic rows`);
    const merged = await withDeferredKeysAndIndexes(trx, 'student_district', () =>
      mergeDemographics(trx, sd.table),
    );
    summary.demographicRows = sd.rows;
    summary.newStateIds = merged.assigned;
    progress(`staging enrollments`);
    const en = await stageTemplate(
      trx,
      templateOf(profile, 'student-enrollment'),
      filesFor('student-enrollment'),
    );
    progress(`merging ${en.rows} enrollment rows`);
    summary.enrollments = await withDeferredKeysAndIndexes(trx, 'enrollment', () =>
      mergeEnrollments(trx, en.table, schoolYear),
    );
    const te = profile.templates.find((t) => t.id === 'terms-of-employment');
    if (te) {
      progress(`staging staff`);
      const staff = await stageTemplate(trx, te, filesFor('terms-of-employment'));
      summary.staff = await mergeStaff(trx, staff.table, schoolYear);
    }
    return summary;
  });
}

/**
 * Loads `DIR/state-baseline/`: the identity registry (students.tsv, staff.tsv) and prior years'
 * enrollments (enrollments-YYYY.tsv), creating those years' organisation first. Atomic.
 */
export async function loadBaseline(
  database: Database,
  dir: string,
  organizationFor: (year: number) => Promise<Organization>,
  progress: Progress = () => undefined,
): Promise<LoadSummary> {
  const base = join(dir, 'state-baseline');
  const names = await readdir(base);
  const history = names
    .map((n) => /^enrollments-(\d{4})\.tsv$/.exec(n))
    .filter((m) => m !== null)
    .map((m) => Number(m[1]))
    .sort();
  const orgs = await Promise.all(history.map((y) => organizationFor(y)));
  return await database.db.transaction().execute(async (trx) => {
    const summary: LoadSummary = {};
    await tuneForBulkLoad(trx);
    progress('loading the identity registry');
    summary.registryRows = await stageBaselineFile(trx, 'stage_registry', join(base, 'students.tsv'));
    summary.students = await mergeRegistryStudents(trx, 'stage_registry');
    if (names.includes('staff.tsv')) {
      await stageBaselineFile(trx, 'stage_staff_registry', join(base, 'staff.tsv'));
      summary.staff = await mergeStaff(trx, 'stage_staff_registry', null);
    }
    await withDeferredKeysAndIndexes(trx, 'enrollment', async () => {
      for (const [i, year] of history.entries()) {
        progress(`loading ${year} history`);
        await upsertOrganization(trx, orgs[i]!);
        const table = `stage_history_${year}`;
        await stageBaselineFile(trx, table, join(base, `enrollments-${year}.tsv`));
        summary[`enrollments${year}`] = await mergeHistoryEnrollments(trx, table, year);
      }
    });
    return summary;
  });
}
