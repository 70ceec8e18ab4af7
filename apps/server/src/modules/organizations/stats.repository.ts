/** Record counts per type per district: the state's "verification summary" (montana-aim.md §6, counts districts compare). */
import { sql } from 'kysely';
import type { Executor } from '../../db/database.ts';

/** Counts keyed by record type for one district. */
export type DistrictCounts = { districtNumber: string; counts: Record<string, number> };

/**
 * One UNION query over every record table, grouped by district. Later record types add a line here.
 * Students are distinct persons enrolled in the year; other types count rows.
 */
export async function countRecords(
  db: Executor,
  schoolYear: number,
  districtNumber?: string,
): Promise<DistrictCounts[]> {
  const only = districtNumber ? sql`AND district_number = ${districtNumber}` : sql``;
  const result = await sql<{ district_number: string; record_type: string; n: number }>`
    SELECT district_number, record_type, n FROM (
      SELECT district_number, 'students' AS record_type, count(DISTINCT student_id) AS n
        FROM enrollment WHERE school_year = ${schoolYear} ${only} GROUP BY district_number
      UNION ALL
      SELECT district_number, 'enrollments', count(*) FROM enrollment WHERE school_year = ${schoolYear} ${only} GROUP BY district_number
      UNION ALL
      SELECT district_number, 'staff', count(*) FROM staff_district WHERE school_year = ${schoolYear} ${only} GROUP BY district_number
    ) c ORDER BY district_number, record_type`.execute(db);
  const byDistrict = new Map<string, Record<string, number>>();
  for (const r of result.rows) {
    const counts = byDistrict.get(r.district_number) ?? { students: 0, enrollments: 0, staff: 0 };
    counts[r.record_type] = Number(r.n);
    byDistrict.set(r.district_number, counts);
  }
  return [...byDistrict].map(([d, counts]) => ({ districtNumber: d, counts }));
}
