/**
 * Teacher–class, staff assignment and behavior rules (montana-aim.md §6.4 R31–R33, R35; §2.7–§2.9, §4.3).
 */
import { sql } from 'kysely';
import { candidate, inScope, isoText, type SqlRule } from './context.ts';

/**
 * R31 [V S36]: a rostered student must be enrolled in the course's calendar that year (the roster names a
 * known student, but at the wrong school); a staff-history row cannot end before it starts.
 */
const rosterDates: SqlRule = {
  id: 'TC-031',
  perStudent: true,
  select: (ctx) => sql`
    SELECT ${candidate('TC-031', {
      district: sql`r.district_number`,
      student: sql`r.student_id`,
      stateId: sql`s.state_id`,
      table: 'roster',
      recordId: sql`r.id`,
      key: sql`'roster:' || r.id`,
      message: sql`'Rostered in course ' || co.course_number || ' section ' || sec.section_number || ' at school ' || co.school_number
        || ' but not enrolled in that calendar'`,
    })}
    FROM roster r JOIN section sec ON sec.id = r.section_id JOIN course co ON co.id = sec.course_id JOIN student s ON s.id = r.student_id
    WHERE r.school_year = ${ctx.year}::int AND ${inScope(ctx, 'r.district_number', 'r.student_id')}
      AND NOT EXISTS (SELECT 1 FROM enrollment e WHERE e.student_id = r.student_id AND e.calendar_id = co.calendar_id)
    UNION ALL
    SELECT ${candidate('TC-031', {
      district: sql`ss.district_number`,
      staff: sql`ss.staff_id`,
      stateId: sql`st.staff_state_id`,
      table: 'section_staff',
      recordId: sql`ss.id`,
      key: sql`'section_staff:' || ss.id`,
      message: sql`'Staff history ends ' || ${isoText('ss.end_date')} || ', before it starts ' || ${isoText('ss.start_date')}`,
    })}
    FROM section_staff ss JOIN staff st ON st.id = ss.staff_id
    WHERE ss.school_year = ${ctx.year}::int AND ${inScope(ctx, 'ss.district_number', null)} AND ss.end_date < ss.start_date`,
};

/** R32 [V S37]: an assignment starting inside a closed assignment with the same staff member, school and code. */
const assignmentDates: SqlRule = {
  id: 'STF-032',
  perStudent: false,
  select: (ctx) => sql`SELECT DISTINCT ON (b.id) ${candidate('STF-032', {
    district: sql`b.district_number`,
    staff: sql`b.staff_id`,
    stateId: sql`st.staff_state_id`,
    table: 'staff_assignment',
    recordId: sql`b.id`,
    key: sql`'staff_assignment:' || b.id`,
    message: sql`'Assignment ' || b.assignment_code || ' at school ' || b.assignment_school_number || ' starts ' || ${isoText('b.assignment_start_date')}
      || ', before the closed assignment ' || ${isoText('a.assignment_start_date')} || '–' || ${isoText('a.assignment_end_date')} || ' ends'`,
  })}
  FROM staff_assignment b JOIN staff_assignment a ON a.staff_id = b.staff_id AND a.district_number = b.district_number
    AND a.assignment_school_number = b.assignment_school_number AND a.assignment_code = b.assignment_code AND a.id <> b.id
    AND a.assignment_end_date IS NOT NULL AND b.assignment_start_date > a.assignment_start_date
    AND b.assignment_start_date < a.assignment_end_date
  JOIN staff st ON st.id = b.staff_id
  WHERE b.school_year = ${ctx.year}::int AND ${inScope(ctx, 'b.district_number', null)}
  ORDER BY b.id, a.assignment_start_date`,
};

/** R33 [V S68]: teacher-class courses need a 2-digit SCED subject area and a 3-digit course identifier. */
const sced: SqlRule = {
  id: 'TC-033',
  perStudent: false,
  select: (ctx) => sql`SELECT ${candidate('TC-033', {
    district: sql`co.district_number`,
    table: 'course',
    recordId: sql`co.id`,
    key: sql`'course:' || co.id`,
    message: sql`'Course ' || co.course_number || ' at school ' || co.school_number || ' has SCED subject "' || co.sced_subject_area
      || '" and course identifier "' || co.sced_course_identifier || '"'`,
  })}
  FROM course co
  WHERE co.school_year = ${ctx.year}::int AND ${inScope(ctx, 'co.district_number', null)}
    AND (co.sced_subject_area !~ '^[0-9]{2}$' OR co.sced_course_identifier !~ '^[0-9]{3}$')`,
};

/** R35 [V S39]: behavior events and resolutions must be state codes, or they never reach state reports. */
const behaviorMapping: SqlRule = {
  id: 'BEH-035',
  perStudent: true,
  select: (ctx) => sql`SELECT ${candidate('BEH-035', {
    district: sql`b.district_number`,
    student: sql`b.student_id`,
    stateId: sql`s.state_id`,
    table: 'behavior_event',
    recordId: sql`b.id`,
    key: sql`'behavior_event:' || b.id`,
    message: sql`'Incident ' || b.incident_id || ': ' || CASE WHEN b.event_code <> ALL(${ctx.codes('behavior-event')}::text[])
      THEN 'event ' || b.event_code ELSE 'resolution ' || b.resolution_code END || ' is not a state code'`,
  })}
  FROM behavior_event b JOIN student s ON s.id = b.student_id
  WHERE b.school_year = ${ctx.year}::int AND ${inScope(ctx, 'b.district_number', 'b.student_id')}
    AND (b.event_code <> ALL(${ctx.codes('behavior-event')}::text[]) OR b.resolution_code <> ALL(${ctx.codes('behavior-resolution')}::text[]))`,
};

/** Teacher–class, staff and behavior rules. */
export const STAFF_COURSE_RULES: readonly SqlRule[] = [rosterDates, assignmentDates, sced, behaviorMapping];
