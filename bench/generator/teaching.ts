import { gradeCode } from '@bitterroot/core';
import type { OrgSchool } from '@bitterroot/core';
import type { SchoolCalendar } from './calendar-book.ts';
import { coreCourses, courseLoad, electives } from './courses.ts';
import type { Course } from './courses.ts';
import type { Enrollment } from './current-year.ts';
import type { Rng } from './prng.ts';
import type { Staff } from './staff.ts';
import type { Rec } from './tsv.ts';

/** Output callback per record type. */
export type Emit = (recordType: string, rec: Rec) => void;

function coursesFor(rng: Rng, en: Enrollment): Course[] {
  const selfContained = en.grade <= 5 || (en.grade === 6 && en.school.kind === 'elementary');
  const core = coreCourses(en.grade, selfContained);
  if (selfContained || en.grade < 0) return core;
  const pool = electives(en.grade);
  const picked = [...core];
  const load = courseLoad(en.grade);
  for (let tries = 0; picked.length < load && tries < 20 && pool.length > 0; tries++) {
    const e = rng.pick(pool);
    if (!picked.includes(e)) picked.push(e);
  }
  return picked;
}

/**
 * Writes a school's courses, sections, teachers of record and rosters for its current enrollments.
 * Sections hold ~22 (elementary) or ~24 students; teachers take sections in turn.
 */
export function writeTeaching(
  rng: Rng,
  school: OrgSchool,
  cal: SchoolCalendar,
  enrollments: Enrollment[],
  teachers: Staff[],
  schoolYear: number,
  emit: Emit,
): void {
  const byCourse = new Map<string, { course: Course; members: Enrollment[] }>();
  for (const en of enrollments) {
    for (const course of coursesFor(rng, en)) {
      let entry = byCourse.get(course.number);
      if (!entry) byCourse.set(course.number, (entry = { course, members: [] }));
      entry.members.push(en);
    }
  }
  const base = {
    district_number: school.districtNumber,
    school_number: school.schoolNumber,
    calendar_number: cal.calendar.calendarNumber,
  };
  let teacherTurn = 0;
  for (const { course, members } of [...byCourse.values()].sort((a, b) =>
    a.course.number.localeCompare(b.course.number),
  )) {
    emit('CU', {
      record_type: 'CU',
      ...base,
      course_number: course.number,
      course_name: course.name,
      sced_subject_area: course.subject,
      sced_course_identifier: course.identifier,
      sced_lowest_grade: gradeCode(course.low),
      sced_highest_grade: gradeCode(course.high),
      carnegie_unit_credit: course.credit > 0 ? course.credit.toFixed(2) : '',
      sced_course_level: 'G',
      sced_sequence: 1,
      sced_sequence_total: 1,
      distance_class: false,
      dual_enrollment_credit: false,
      alternative_ed_program: /Alternative/.test(school.name),
    });
    const size = course.low <= 5 ? 22 : 24;
    const sections = Math.max(1, Math.ceil(members.length / size));
    for (let i = 0; i < sections; i++) {
      const section = String(i + 1).padStart(2, '0');
      emit('SU', {
        record_type: 'SU',
        ...base,
        course_number: course.number,
        section_number: section,
        session_type: 'Y',
        session_number: '1',
      });
      const teacher = teachers[teacherTurn++ % Math.max(1, teachers.length)];
      if (teacher) {
        emit('SH', {
          record_type: 'SH',
          ...base,
          course_number: course.number,
          section_number: section,
          staff_state_id: teacher.stateId,
          staff_type: 'T',
          // Teacher of record: state teacher role 00–12 (montana-aim.md §2.9).
          role: '00',
          start_date: cal.dates[0],
          end_date: cal.dates[cal.dates.length - 1],
          school_year: schoolYear,
        });
      }
    }
    members.forEach((en, i) => {
      emit('RU', {
        record_type: 'RU',
        ...base,
        course_number: course.number,
        section_number: String((i % sections) + 1).padStart(2, '0'),
        student_state_id: en.student.known ? en.student.stateId : '',
        start_date: en.startDate,
        end_date: en.endDate,
      });
    });
  }
}
