/** Schools of the test organisation, looked up the way the upload and record tests need them. */
import type { Executor } from '../src/db/database.ts';

/** The lowest-numbered school of a district: where the tests enroll their students. */
export async function firstSchool(db: Executor, district: string): Promise<string> {
  const r = await db
    .selectFrom('school')
    .select('school_number')
    .where('district_number', '=', district)
    .orderBy('school_number')
    .executeTakeFirstOrThrow();
  return r.school_number;
}
