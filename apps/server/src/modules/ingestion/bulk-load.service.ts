/**
 * The state's conversion load of generated district files (Student Demographic, Enrollment, Terms of
 * Employment) for a school year, in one transaction (all or nothing). Rows are typed and their ids
 * resolved in Node while the files stream, then COPYed straight into the live tables; identity updates
 * and new state IDs go through set-based merges over typed staging. Used by `demo`, `load` and
 * `load-baseline` (the baseline part lives in bulk-baseline.service.ts).
 */
import { readdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Profile, Template } from '@bitterroot/contracts';
import type { Database } from '../../db/database.ts';
import { tuneForBulkLoad, withDeferredKeysAndIndexes } from './staging.repository.ts';
import {
  copyEnrollments,
  linkDistricts,
  mergeDemographics,
  mergeStaff,
  stageDemographics,
} from './bulk-merge.repository.ts';
import {
  lockForBulkLoad,
  readCalendarIds,
  readDistrictLinks,
  readStudentIds,
} from './bulk-lookup.repository.ts';
import {
  currentEnrollment,
  demographicRow,
  localIdsAfterMerge,
  staffRow,
  type DemographicSideRows,
} from './bulk-rows.ts';
import { collect, templateSource, typedRows, type LoadSummary, type Progress } from './bulk-sources.ts';

export { loadBaseline } from './bulk-baseline.service.ts';
export type { LoadSummary, Progress } from './bulk-sources.ts';

function templateOf(profile: Profile, id: string): Template {
  const t = profile.templates.find((x) => x.id === id);
  if (!t) throw new Error(`profile ${profile.manifest.id} has no template ${id}`);
  return t;
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
    await lockForBulkLoad(trx, ['student', 'student_district']);
    const students = await readStudentIds(trx);
    let maxId = 0;
    for (const id of students.values()) if (id > maxId) maxId = id;
    progress(`staging student demographics from ${districts.length} districts`);
    const sd = templateSource(templateOf(profile, 'student-demographics'), filesFor('student-demographics'));
    const read = { read: 0 };
    const side: DemographicSideRows = { links: [], newIdRequests: [] };
    await stageDemographics(
      trx,
      typedRows(sd, (at) => demographicRow(at, students, side), read),
      side.newIdRequests,
    );
    progress(`merging ${read.read} demographic rows`);
    const existing = await readDistrictLinks(trx);
    const merge = async () => {
      const m = await mergeDemographics(trx);
      await linkDistricts(trx, side.links, existing);
      return m;
    };
    // Nothing in the merge relies on ON CONFLICT against student_district, so its keys too are rebuilt
    // (and so checked) after it rather than probed per row.
    const merged = await withDeferredKeysAndIndexes(trx, 'student_district', merge, { unique: true });
    summary.demographicRows = read.read;
    summary.newStateIds = merged.assigned;
    progress(`loading enrollments`);
    await readStudentIds(trx, maxId, students); // the new students
    const lookups = {
      students,
      localIds: localIdsAfterMerge(existing, side.links, merged.links),
      calendars: await readCalendarIds(trx, schoolYear),
    };
    const en = templateSource(templateOf(profile, 'student-enrollment'), filesFor('student-enrollment'));
    summary.enrollments = await withDeferredKeysAndIndexes(
      trx,
      'enrollment',
      () =>
        copyEnrollments(
          trx,
          typedRows(en, (at) => currentEnrollment(at, schoolYear, lookups)),
        ),
      // The table already holds the prior years, and rows arrive grouped by district and school, so
      // those two indexes take their entries in a few places each: cheaper kept than rebuilt over every
      // year. Students come in no order: that index is rebuilt in one sorted pass. Keys are deferred.
      { indexes: ['enrollment_student'] },
    );
    const te = profile.templates.find((t) => t.id === 'terms-of-employment');
    if (te) {
      progress(`loading staff`);
      const staff = templateSource(te, filesFor('terms-of-employment'));
      const rows = await collect(typedRows(staff, staffRow));
      summary.staff = await withDeferredKeysAndIndexes(trx, 'staff_district', () =>
        mergeStaff(trx, rows, schoolYear),
      );
    }
    return summary;
  });
}
