/**
 * Graduation and dropout rules (montana-aim.md §6.4 R17–R19, §2.10, §8.2 early graduates): diploma fields,
 * early graduates' spring hours, Date First Entered 9th Grade, and dropouts who re-enrolled by Sept 30.
 */
import { sql } from 'kysely';
import { blankSql } from './context-codes.ts';
import { candidate, inStudents, isoText, listParam, type SqlRule } from './context.ts';
import { enrollmentFinding, rowRule } from './enrollment-rows.ts';

const diplomaParts = sql`(e.diploma_date IS NOT NULL)::int + (NOT ${blankSql('e.diploma_type')})::int + (NOT ${blankSql('e.diploma_period')})::int`;

/**
 * R17 [V S11, S04]: diploma date, type and period go together; an early graduate (diploma before the spring
 * count) reports the fall count's aggregate hours in spring.
 */
const earlyGraduate = rowRule('GRD-017', ['fall_count', 'spring_count'], (ctx) => [
  {
    when: sql`${diplomaParts} IN (1, 2)`,
    select: enrollmentFinding(
      'GRD-017',
      sql`'Diploma date, type and period must all be given (' || ${diplomaParts} || ' of 3 present)'`,
      sql`':diploma'`,
    ),
  },
  {
    // Without either count row the hours compare as unknown: no finding, as with the inner joins they replace.
    when: sql`e.diploma_date < ${ctx.dates.springCount}::date AND sc.spring_aggregate_hours <> fc.fall_aggregate_hours`,
    select: candidate('GRD-017', {
      district: sql`e.district_number`,
      student: sql`e.student_id`,
      stateId: sql`s.state_id`,
      table: 'spring_count',
      recordId: sql`sc.id`,
      key: sql`'enrollment:' || e.id || ':hours'`,
      message: sql`'Early graduate (diploma ' || ${isoText('e.diploma_date')} || '): spring aggregate hours ' || sc.spring_aggregate_hours
        || ' differ from the fall count''s ' || fc.fall_aggregate_hours`,
    }),
  },
]);

/** R18 [V S06, S16]: graduates and grade 9–12 cohort members need Date First Entered 9th Grade. */
const firstEntered9th = rowRule('GRD-018', [], (ctx) => [
  {
    when: sql`NOT e.no_show AND e.date_first_entered_9th_grade IS NULL
      AND (e.grade_level = ANY(${listParam(ctx, 'cohortGrades')}::text[]) OR e.end_status = ANY(${listParam(ctx, 'graduateEndStatuses')}::text[]))`,
    select: enrollmentFinding(
      'GRD-018',
      sql`'Grade ' || e.grade_level || ' enrollment' || CASE WHEN e.end_status = ANY(${listParam(ctx, 'graduateEndStatuses')}::text[])
      THEN ' (graduate)' ELSE '' END || ' without Date First Entered 9th Grade'`,
    ),
  },
]);

/**
 * R19 [V S06]: a dropout end status although the student re-enrolled in any Montana public school after
 * leaving and by Sept 30 after the school year (§7.3). Cross-district: the re-enrolling district is named.
 */
const dropoutReenrolled: SqlRule = {
  id: 'GRD-019',
  perStudent: true,
  select: (ctx) => sql`
    WITH d AS (SELECT e.id, e.student_id, e.district_number, e.end_status, e.end_date FROM enrollment e
               WHERE e.school_year = ${ctx.year}::int AND e.end_status = ANY(${listParam(ctx, 'dropoutEndStatuses')}::text[])
                 AND e.end_date IS NOT NULL AND ${inStudents(ctx, 'e.student_id')}),
    r AS (SELECT DISTINCT ON (d.id) d.*, x.district_number AS r_district, x.school_number AS r_school, x.start_date AS r_start
          FROM d JOIN enrollment x ON x.student_id = d.student_id AND x.id <> d.id AND NOT x.no_show
            AND x.school_year IN (${ctx.year}::int, ${ctx.year + 1}::int)
            AND x.start_date > d.end_date AND x.start_date <= ${ctx.dates.reenrollmentCutoff}::date
          ORDER BY d.id, x.start_date)
    SELECT ${candidate('GRD-019', {
      district: sql`r.district_number`,
      otherDistrict: sql`CASE WHEN r.r_district <> r.district_number THEN r.r_district END`,
      student: sql`r.student_id`,
      stateId: sql`s.state_id`,
      table: 'enrollment',
      recordId: sql`r.id`,
      key: sql`'enrollment:' || r.id`,
      message: sql`'Dropout end status ' || r.end_status || ' on ' || ${isoText('r.end_date')} || ' but re-enrolled on ' || ${isoText('r.r_start')}
        || CASE WHEN r.r_district <> r.district_number THEN ' in district ' || r.r_district ELSE ' at school ' || r.r_school END`,
    })}
    FROM r JOIN student s ON s.id = r.student_id`,
};

/** Graduation and dropout rules. */
export const GRADUATION_RULES: readonly SqlRule[] = [earlyGraduate, firstEntered9th, dropoutReenrolled];
