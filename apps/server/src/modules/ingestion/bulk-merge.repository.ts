/**
 * Set-based merges from staging into live tables for the bulk (conversion) load. One statement per
 * step, never a query per row. Dates arrive as MM/DD/YYYY (montana-aim.md §4.1) or ISO.
 */
import { sql } from 'kysely';
import type { Executor } from '../../db/database.ts';
import { newStudentStateIdSql } from '../../db/state-id.ts';
import { stagedDate, stagedFlag } from '../../db/staged-values.ts';

/** Inserts or refreshes identities from a staged registry (baseline students.tsv). */
export async function mergeRegistryStudents(trx: Executor, stage: string): Promise<number> {
  const r = await sql`
    INSERT INTO student (state_id, last_name, first_name, middle_name, name_suffix, birth_date, gender, hispanic, race_codes)
    SELECT lpad(state_id, 9, '0'), last_name, first_name, nullif(middle_name, ''), nullif(name_suffix, ''),
           ${stagedDate('birth_date')}, nullif(gender, ''), ${stagedFlag('hispanic')}, nullif(race_codes, '')
    FROM ${sql.table(stage)} WHERE state_id ~ '^\\d{1,9}$'
    ON CONFLICT (state_id) DO NOTHING`.execute(trx);
  return Number(r.numAffectedRows ?? 0);
}

/**
 * Student Demographic rows: existing state IDs update the identity (fields left blank are kept, §4.3);
 * rows without a state ID get a new one from the sequence, never reused (§1.3). Local IDs are linked.
 */
export async function mergeDemographics(
  trx: Executor,
  stage: string,
): Promise<{ updated: number; assigned: number }> {
  const updated = await sql`
    UPDATE student s SET
      last_name = coalesce(nullif(g.last_name, ''), s.last_name), first_name = coalesce(nullif(g.first_name, ''), s.first_name),
      middle_name = coalesce(nullif(g.middle_name, ''), s.middle_name), birth_date = coalesce(${stagedDate('g.birth_date')}, s.birth_date),
      gender = coalesce(nullif(g.gender, ''), s.gender), hispanic = coalesce(${stagedFlag('g.hispanic')}, s.hispanic),
      race_codes = coalesce(nullif(g.race_codes, ''), s.race_codes), updated_at = now()
    FROM (SELECT DISTINCT ON (lpad(student_state_id, 9, '0')) * FROM ${sql.table(stage)} WHERE student_state_id ~ '^\\d{1,9}$') g
    WHERE s.state_id = lpad(g.student_state_id, 9, '0')
      -- Unchanged identities are not rewritten: a re-sent file costs reads, not writes.
      AND (s.last_name, s.first_name, s.middle_name, s.birth_date, s.gender, s.hispanic, s.race_codes) IS DISTINCT FROM
          (coalesce(nullif(g.last_name, ''), s.last_name), coalesce(nullif(g.first_name, ''), s.first_name),
           coalesce(nullif(g.middle_name, ''), s.middle_name), coalesce(${stagedDate('g.birth_date')}, s.birth_date),
           coalesce(nullif(g.gender, ''), s.gender), coalesce(${stagedFlag('g.hispanic')}, s.hispanic), coalesce(nullif(g.race_codes, ''), s.race_codes))`.execute(
    trx,
  );
  // New IDs: a sequence value through a fixed bijection mod 10^9 (decision 0004), drawn once in a
  // materialised CTE so the identity and its local-ID link agree. The rare clash with a legacy ID is
  // skipped (ON CONFLICT) and that row simply draws again on the next pass.
  let assigned = 0;
  for (let pass = 0; pass < 5; pass++) {
    const made = await sql<{ id: number }>`
      WITH fresh AS MATERIALIZED (
        SELECT f.*, ${newStudentStateIdSql} AS new_state_id
        FROM (SELECT DISTINCT ON (district_number, student_local_id) * FROM ${sql.table(stage)} g
              WHERE coalesce(g.student_state_id, '') = '' AND coalesce(g.student_local_id, '') <> ''
                AND NOT EXISTS (SELECT 1 FROM student_district sd WHERE sd.district_number = g.district_number AND sd.local_id = g.student_local_id)) f
      ), made AS (
        INSERT INTO student (state_id, last_name, first_name, middle_name, birth_date, gender, hispanic, race_codes)
        SELECT new_state_id, last_name, first_name, nullif(middle_name, ''), ${stagedDate('birth_date')}, nullif(gender, ''),
               ${stagedFlag('hispanic')}, nullif(race_codes, '')
        FROM fresh ON CONFLICT (state_id) DO NOTHING RETURNING id, state_id
      )
      INSERT INTO student_district (student_id, district_number, local_id)
      SELECT made.id, fresh.district_number, fresh.student_local_id FROM made JOIN fresh ON fresh.new_state_id = made.state_id
      RETURNING student_id AS id`.execute(trx);
    assigned += made.rows.length;
    if (made.rows.length === 0) break;
  }
  await sql`
    INSERT INTO student_district (student_id, district_number, local_id)
    SELECT DISTINCT ON (s.id, g.district_number) s.id, g.district_number, nullif(g.student_local_id, '')
    FROM ${sql.table(stage)} g JOIN student s ON s.state_id = lpad(g.student_state_id, 9, '0')
    WHERE g.student_state_id ~ '^\\d{1,9}$'
    ON CONFLICT (district_number, student_id) DO UPDATE SET local_id = coalesce(excluded.local_id, student_district.local_id)`.execute(
    trx,
  );
  return { updated: Number(updated.numAffectedRows ?? 0), assigned };
}

/** Enrollment rows, matched to the identity by state ID or, for students new this load, by local ID. */
export async function mergeEnrollments(trx: Executor, stage: string, schoolYear: number): Promise<number> {
  const r = await sql`
    INSERT INTO enrollment (student_id, district_number, school_number, calendar_id, school_year, grade_level,
                            start_date, start_status, end_date, end_status, service_type, no_show)
    SELECT coalesce(s.id, sd.student_id), e.district_number, e.school_number, c.id, ${schoolYear}::int, e.grade_level,
           ${stagedDate('e.start_date')}, e.start_status, ${stagedDate('e.end_date')}, nullif(e.end_status, ''),
           coalesce(nullif(e.service_type, ''), 'P'), coalesce(${stagedFlag('e.no_show')}, false)
    FROM ${sql.table(stage)} e
    JOIN calendar c ON c.school_number = e.school_number AND c.school_year = ${schoolYear} AND c.calendar_number = e.calendar_number
    LEFT JOIN student s ON e.student_state_id ~ '^\\d{1,9}$' AND s.state_id = lpad(e.student_state_id, 9, '0')
    LEFT JOIN student_district sd ON s.id IS NULL AND sd.district_number = e.district_number AND sd.local_id = e.student_local_id
    WHERE coalesce(s.id, sd.student_id) IS NOT NULL AND ${stagedDate('e.start_date')} IS NOT NULL`.execute(
    trx,
  );
  return Number(r.numAffectedRows ?? 0);
}

/**
 * Prior years' enrollments from the baseline (one row per student-year span, keyed by state ID). History
 * files name no calendar, so each row goes to its school's regular calendar of that year.
 */
export async function mergeHistoryEnrollments(
  trx: Executor,
  stage: string,
  schoolYear: number,
): Promise<number> {
  const r = await sql`
    INSERT INTO enrollment (student_id, district_number, school_number, calendar_id, school_year, grade_level,
                            start_date, start_status, end_date, end_status, service_type)
    SELECT s.id, h.district_number, h.school_number, c.id, ${schoolYear}::int, h.grade_level, ${stagedDate('h.start_date')},
           h.start_status, ${stagedDate('h.end_date')}, nullif(h.end_status, ''), 'P'
    FROM ${sql.table(stage)} h
    JOIN student s ON s.state_id = lpad(h.state_id, 9, '0')
    JOIN LATERAL (SELECT id FROM calendar WHERE school_number = h.school_number AND school_year = ${schoolYear}
                  ORDER BY (calendar_type = 'R') DESC, calendar_number LIMIT 1) c ON true
    WHERE ${stagedDate('h.start_date')} IS NOT NULL`.execute(trx);
  return Number(r.numAffectedRows ?? 0);
}

/** Staff identities and their district link for the year (Terms of Employment rows or the registry). */
export async function mergeStaff(trx: Executor, stage: string, schoolYear: number | null): Promise<number> {
  const identities = await sql`
    INSERT INTO staff (staff_state_id, last_name, first_name, gender)
    SELECT DISTINCT ON (lpad(staff_state_id, 9, '0')) lpad(staff_state_id, 9, '0'), last_name, first_name, nullif(gender, '')
    FROM ${sql.table(stage)} WHERE staff_state_id ~ '^\\d{1,9}$'
    ON CONFLICT (staff_state_id) DO NOTHING`.execute(trx);
  if (schoolYear === null) return Number(identities.numAffectedRows ?? 0);
  const r = await sql`
    INSERT INTO staff_district (staff_id, district_number, school_year)
    SELECT DISTINCT st.id, g.district_number, ${schoolYear}::int
    FROM ${sql.table(stage)} g JOIN staff st ON st.staff_state_id = lpad(g.staff_state_id, 9, '0')
    JOIN district d ON d.district_number = g.district_number
    ON CONFLICT DO NOTHING`.execute(trx);
  return Number(r.numAffectedRows ?? 0);
}
