/**
 * The baseline part of the conversion load: the identity registry (students.tsv, staff.tsv) and prior
 * years' enrollments (enrollments-YYYY.tsv) from `DIR/state-baseline/`, in one transaction. Rows are
 * typed and matched to their students in Node and COPYed straight into the live tables.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Organization } from '@bitterroot/core';
import type { Database, Executor } from '../../db/database.ts';
import { upsertOrganization } from '../organizations/organization-load.repository.ts';
import { tuneForBulkLoad, withDeferredKeysAndIndexes } from './staging.repository.ts';
import { copyEnrollments, copyStudents, mergeStaff } from './bulk-merge.repository.ts';
import {
  lockForBulkLoad,
  readIdRangeAfter,
  readRegularCalendarIds,
  readStudentIds,
  type IdsByStateId,
} from './bulk-lookup.repository.ts';
import { historyEnrollment, registryStudent, staffRow } from './bulk-rows.ts';
import { baselineSource, collect, typedRows, type LoadSummary, type Progress } from './bulk-sources.ts';

/**
 * COPYs the registry's new identities and adds their ids to `students`. The table is locked, so the
 * identity column hands the rows consecutive ids in COPY order; one range query confirms that instead
 * of reading 178,000 ids back (and falls back to reading them when it does not hold).
 */
async function loadRegistry(
  trx: Executor,
  file: string,
  students: IdsByStateId,
  read: { read: number },
  whileIndexing: () => void,
): Promise<number> {
  let maxId = 0;
  for (const id of students.values()) if (id > maxId) maxId = id;
  const inserted: number[] = [];
  const registry = await baselineSource(file);
  // Rows are checked against the known state IDs and each other in Node, so the unique index on
  // state_id is rebuilt in one sorted pass instead of taking a random insert per row.
  const count = await withDeferredKeysAndIndexes(
    trx,
    'student',
    async () => {
      const n = await copyStudents(
        trx,
        typedRows(registry, (at) => registryStudent(at, students, inserted), read),
      );
      whileIndexing();
      return n;
    },
    { unique: true },
  );
  const range = await readIdRangeAfter(trx, maxId);
  if (range.count === inserted.length && range.max - range.min + 1 === range.count)
    inserted.forEach((stateId, i) => students.set(stateId, range.min + i));
  else await readStudentIds(trx, maxId, students);
  return count;
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
  return await database.db.transaction().execute(async (trx) => {
    const summary: LoadSummary = {};
    await tuneForBulkLoad(trx);
    // The ids read here stay true until commit: nobody else writes students meanwhile.
    await lockForBulkLoad(trx, ['student']);
    progress('loading the identity registry');
    const students = await readStudentIds(trx);
    const read = { read: 0 };
    // A year's organisation (every calendar's instructional days) takes about a second of CPU in Node
    // to build; started once the registry is sent, that work runs while the database indexes it.
    let orgs: Promise<Organization>[] = [];
    const startOrganizations = () => {
      orgs = history.map((y) => organizationFor(y));
      for (const org of orgs) org.catch(() => undefined); // a failure is thrown where it is awaited
    };
    const inserted = await loadRegistry(trx, join(base, 'students.tsv'), students, read, startOrganizations);
    summary.registryRows = read.read;
    summary.students = inserted;
    if (names.includes('staff.tsv')) {
      const staff = await baselineSource(join(base, 'staff.tsv'));
      summary.staff = await mergeStaff(trx, await collect(typedRows(staff, staffRow)), null);
    }
    await withDeferredKeysAndIndexes(trx, 'enrollment', async () => {
      for (const [i, year] of history.entries()) {
        progress(`loading ${year} history`);
        await upsertOrganization(trx, await orgs[i]!);
        const file = await baselineSource(join(base, `enrollments-${year}.tsv`));
        const calendars = await readRegularCalendarIds(trx, year);
        summary[`enrollments${year}`] = await copyEnrollments(
          trx,
          typedRows(file, (at) => historyEnrollment(at, year, students, calendars)),
        );
      }
    });
    return summary;
  });
}
