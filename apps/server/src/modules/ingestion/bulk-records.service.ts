/**
 * The conversion load of the student record types (program participation, EL, FRAM, 504, fall and spring counts,
 * EOY attendance, EOY CTE, behavior) from generated district files, after `loadDistrictFiles` has loaded the
 * year's students and enrollments: one COPY and one set-based insert per template for the whole state, in one
 * transaction (all or nothing). Used by the benches that need a state with every record type.
 */
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { sql } from 'kysely';
import type { Profile } from '@bitterroot/contracts';
import type { CopyBatch } from '../../db/database.ts';
import type { Database } from '../../db/database.ts';
import { RECORD_STORES } from '../student-records/record-stores.ts';
import { BULK_PARENTS, insertStagedRecords, stageRecords } from './bulk-records.repository.ts';
import { concatBatches } from './bulk-rows.ts';
import type { LoadSummary, Progress } from './bulk-sources.ts';
import { tuneForBulkLoad, withDeferredKeysAndIndexes } from './staging.repository.ts';
import { cell, tsvRowBatches, type Cells } from './tsv-rows.ts';

/** The student record templates a state-wide conversion load carries, in upload order (§4.2). */
export const BULK_RECORD_TEMPLATES = [
  'program-participation',
  'english-learners',
  'fram',
  'section-504',
  'fall-count',
  'spring-count',
  'eoy-attendance',
  'eoy-cte',
  'behavior',
] as const;

/** Cells of the files as COPY rows: a running line number, then each template column trimmed (empty is null). */
async function* numbered(batches: AsyncIterable<Cells[]>, width: number): AsyncGenerator<CopyBatch> {
  let line = 0;
  for await (const batch of batches)
    yield batch.map((c) => {
      const row: (string | number | null)[] = [++line];
      for (let i = 0; i < width; i++) row.push(cell(c, i));
      return row;
    });
}

/** Loads every district's file of each record template (`DIR/districts/NNNN/<template>.tsv`) for a year. */
export async function loadDistrictRecords(
  database: Database,
  profile: Profile,
  dir: string,
  schoolYear: number,
  progress: Progress = () => undefined,
  templates: readonly string[] = BULK_RECORD_TEMPLATES,
): Promise<LoadSummary> {
  const districtsDir = join(dir, 'districts');
  const districts = (await readdir(districtsDir)).filter((d) => /^\d{4}$/.test(d)).sort();
  return await database.db.transaction().execute(async (trx) => {
    await tuneForBulkLoad(trx);
    // The parents were just bulk-loaded: without fresh statistics the planner takes those tables for empty
    // and loops over them per staged row.
    await sql`ANALYZE student, student_district, enrollment, calendar`.execute(trx);
    const summary: LoadSummary = {};
    for (const templateId of templates) {
      const store = RECORD_STORES.find((s) => s.template === templateId);
      const template = profile.templates.find((t) => t.id === templateId);
      if (!store || !template || !BULK_PARENTS.has(store.parent)) continue;
      const files = districts
        .map((d) => join(districtsDir, d, `${templateId}.tsv`))
        .filter((f) => existsSync(f));
      const width = template.columns.length;
      progress(`loading ${templateId} from ${files.length} districts`);
      const staged = await stageRecords(
        trx,
        template,
        numbered(concatBatches(files.map((f) => tsvRowBatches(f, { skipHeader: 'hd', width }))), width),
      );
      // The table is written once here: its keys and indexes are rebuilt after it in one pass each.
      const inserted = await withDeferredKeysAndIndexes(trx, store.table, () =>
        insertStagedRecords(trx, store, template, schoolYear),
      );
      await sql.raw(`ANALYZE ${store.table}`).execute(trx);
      summary[templateId] = inserted;
      if (inserted < staged) summary[`${templateId}WithoutParent`] = staged - inserted;
    }
    return summary;
  });
}
