/**
 * The statewide re-check after committed uploads (issue 6), planned once for one file or many (decision
 * 0070): the students the files wrote are re-checked in ONE incremental run; files that change identities
 * (Student Demographic) or name no students (staff, courses) re-check their districts; and when that
 * would cover most of the state anyway, one statewide run replaces the scoped ones, because a scoped run
 * costs far more per student than a statewide one (BENCHMARKS.md, 2026-12-02).
 */
import type { Profile } from '@bitterroot/contracts';
import type { Database } from '../../db/database.ts';
import { validationServiceFor } from '../validation/validation.service.ts';
import { studentsWrittenBy } from './upload-students.repository.ts';
import { tablesWrittenBy } from './upload-tables.ts';

/** A committed upload to re-check. */
export type CommittedUpload = {
  batchId: number;
  district: string;
  schoolYear: number;
  template: string | null;
};

/** Districts touched beyond which one statewide run replaces per-district runs. */
const STATE_RUN_FROM_DISTRICTS = 20;

/**
 * Students written beyond which one statewide run replaces the incremental run. Measured under load
 * (BENCHMARKS.md, 2026-12-02): an incremental Enrollment re-check costs 2–21 ms per student depending on
 * the data, one of 100,000 students ran for more than ten minutes, and the statewide run of the same rules
 * took 11 s; past about a thousand students the statewide run is the cheaper one.
 */
export const STATE_RUN_FROM_STUDENTS = 1000;

/** What the re-check of some committed uploads runs, per school year. */
export type RecheckPlan =
  | { kind: 'state'; template: string | undefined }
  | { kind: 'scoped'; districts: string[]; students: number[]; template: string | undefined };

/** Plans the re-check of one school year's committed uploads (one query: the students they wrote). */
export async function planRecheck(
  database: Database,
  uploads: readonly CommittedUpload[],
  limits = { districts: STATE_RUN_FROM_DISTRICTS, students: STATE_RUN_FROM_STUDENTS },
): Promise<RecheckPlan> {
  const templates = [...new Set(uploads.map((u) => u.template))];
  // One template: only the rules that read it (as after a single upload); several: every rule.
  const template = templates.length === 1 ? (templates[0] ?? undefined) : undefined;
  const byStudents = uploads.filter(
    (u) => u.template !== 'student-demographics' && tablesWrittenBy(u.template ?? '').length > 0,
  );
  const students = await studentsWrittenBy(
    database.db,
    byStudents.map((u) => ({ batchId: u.batchId, tables: tablesWrittenBy(u.template ?? '') })),
  );
  const withStudents = new Set(students.batches);
  // A file that wrote no student (identities, staff, courses, a header-only submission) re-checks its district.
  const districts = [
    ...new Set(uploads.filter((u) => !withStudents.has(u.batchId)).map((u) => u.district)),
  ].sort();
  if (districts.length > limits.districts || students.ids.length > limits.students)
    return { kind: 'state', template };
  return { kind: 'scoped', districts, students: students.ids, template };
}

/**
 * Re-checks what committed uploads wrote, once per school year; returns the districts re-checked. A failure
 * is a warning: the data stays committed and the next run re-checks it.
 */
export async function recheckCommitted(
  database: Database,
  profile: Profile,
  uploads: readonly CommittedUpload[],
): Promise<string[]> {
  const years = [...new Set(uploads.map((u) => u.schoolYear))].sort();
  const districts: string[] = [];
  for (const year of years) {
    const ofYear = uploads.filter((u) => u.schoolYear === year);
    try {
      const service = await validationServiceFor(database, profile, year);
      const plan = await planRecheck(database, ofYear);
      const options = { trigger: 'upload' as const, template: plan.template };
      if (plan.kind === 'state') await service.runState(options);
      else {
        for (const d of plan.districts) await service.runDistrict(d, options);
        if (plan.students.length > 0) await service.runStudents(plan.students, options);
      }
      districts.push(...ofYear.map((u) => u.district));
    } catch (e) {
      process.emitWarning(`validation after the upload failed: ${(e as Error).message}`);
    }
  }
  return [...new Set(districts)].sort();
}
