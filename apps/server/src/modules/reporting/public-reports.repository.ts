/** Lookups of the public reports: which district a school belongs to. */
import { sql } from 'kysely';
import type { Executor } from '../../db/database.ts';

/** The district of a school, or null when there is no such school. */
export async function schoolDistrict(db: Executor, school: string): Promise<string | null> {
  const r = await sql<{ district_number: string }>`
    SELECT district_number FROM school WHERE school_number = ${school}`.execute(db);
  return r.rows[0]?.district_number ?? null;
}
