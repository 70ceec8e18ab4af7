import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { EWS_TERM_COLUMNS, splitTerms } from './ews-terms.ts';
import type { Staff } from './staff.ts';
import type { Student } from './student.ts';
import { openTsv } from './tsv.ts';
import type { TsvFile } from './tsv.ts';

/** Column names of the baseline files (described in README.md). */
export const STUDENT_COLUMNS = [
  'state_id',
  'last_name',
  'first_name',
  'middle_name',
  'name_suffix',
  'birth_date',
  'gender',
  'hispanic',
  'race_codes',
  'last_district_number',
  'last_school_number',
  'last_school_year',
  'cohort_year',
];
export const STAFF_COLUMNS = [
  'staff_state_id',
  'last_name',
  'first_name',
  'gender',
  'birth_year',
  'district_number',
  'school_number',
  'assignment_code',
  'employment_start_date',
];
export const ENROLLMENT_COLUMNS = [
  'school_year',
  'state_id',
  'district_number',
  'school_number',
  'grade_level',
  'start_date',
  'end_date',
  'start_status',
  'end_status',
  'days_enrolled',
  'days_present',
  'days_absent',
  'chronic_absent',
  'behavior_incidents',
  'suspension_days',
  'courses_attempted',
  'courses_failed',
  'credits_attempted',
  'credits_earned',
  'frl',
  'iep',
  'el',
  'homeless',
  'cohort_year',
  'date_first_entered_9th_grade',
  'diploma_date',
  'diploma_type',
];

/** The state's one-time conversion load: identity registry, staff and prior-year student-years. */
export interface Baseline {
  addStudent(s: Student): void;
  addStaff(s: Staff, districtNumber: string): void;
  close(): Record<string, number>;
}

const yn = (b: boolean): string => (b ? 'Y' : 'N');
const grade = (g: number): string => (g === -1 ? 'PK' : g === 0 ? 'KG' : String(g).padStart(2, '0'));

/** Writes a student-year's EWS extract rows (grades 6–12), one per term. */
function writeTerms(file: TsvFile, s: Student, r: Student['years'][number]): void {
  for (const t of splitTerms(r)) {
    file.writeCells([
      r.year,
      s.stateId,
      r.districtNumber,
      r.schoolNumber,
      grade(r.grade),
      t.termEnd,
      t.daysEnrolled,
      t.daysEnrolled - t.daysAbsent,
      t.incidents,
      t.suspensionDays,
      t.coursesFailed,
      t.creditsEarned,
      yn(r.frl),
      yn(r.el),
      yn(r.iep),
      yn(r.homeless),
    ]);
  }
}

/** Opens the baseline files under `dir`; history covers the `historyYears` years before `schoolYear`. */
export function openBaseline(dir: string, schoolYear: number, historyYears: number): Baseline {
  mkdirSync(dir, { recursive: true });
  const open = (name: string, cols: readonly string[]): TsvFile =>
    openTsv(join(dir, name), `state-baseline/${name}`, null, cols.join('\t'));
  const students = open('students.tsv', STUDENT_COLUMNS);
  const staff = open('staff.tsv', STAFF_COLUMNS);
  const years = new Map<number, TsvFile>();
  const terms = new Map<number, TsvFile>();
  for (let y = schoolYear - historyYears; y < schoolYear; y++) {
    years.set(y, open(`enrollments-${y}.tsv`, ENROLLMENT_COLUMNS));
    terms.set(y, open(`ews-terms-${y}.tsv`, EWS_TERM_COLUMNS));
  }
  return {
    addStudent(s) {
      const last = s.years[s.years.length - 1];
      if (!last) return;
      students.writeCells([
        s.stateId,
        s.name.lastName,
        s.name.firstName,
        s.name.middleName,
        s.name.suffix,
        s.birthDate,
        s.gender,
        yn(s.hispanic),
        s.races.join(','),
        last.districtNumber,
        last.schoolNumber,
        last.year,
        s.firstGrade9Year ?? '',
      ]);
      for (const r of s.years) {
        const f = years.get(r.year);
        if (!f) continue;
        f.writeCells([
          r.year,
          s.stateId,
          r.districtNumber,
          r.schoolNumber,
          grade(r.grade),
          r.startDate,
          r.endDate,
          r.startStatus,
          r.endStatus,
          r.daysEnrolled,
          r.daysEnrolled - r.daysAbsent,
          r.daysAbsent,
          yn(r.daysAbsent >= 0.1 * r.daysEnrolled && r.daysEnrolled > 0),
          r.incidents,
          r.suspensionDays,
          r.coursesAttempted,
          r.coursesFailed,
          r.creditsAttempted,
          r.creditsEarned,
          yn(r.frl),
          yn(r.iep),
          yn(r.el),
          yn(r.homeless),
          r.grade >= 9 || (s.firstGrade9Year !== null && s.firstGrade9Year <= r.year)
            ? (s.firstGrade9Year ?? '')
            : '',
          // As the current year's Enrollment rows carry them (records-student.ts): the 4-year cohort's
          // entry date and, for graduates, the diploma (a regular one; 410 is the HiSET-type 03).
          r.grade >= 9 && s.firstGrade9Year !== null ? `${s.firstGrade9Year - 1}-08-26` : '',
          r.endStatus === '400' || r.endStatus === '410' ? r.endDate : '',
          r.endStatus === '410' ? '03' : r.endStatus === '400' ? '01' : '',
        ]);
        if (r.grade >= 6) writeTerms(terms.get(r.year)!, s, r);
      }
    },
    addStaff(s, districtNumber) {
      staff.writeCells([
        s.stateId,
        s.name.lastName,
        s.name.firstName,
        s.gender,
        s.birthYear,
        districtNumber,
        s.schoolNumber,
        s.assignment,
        s.employmentStart,
      ]);
    },
    close() {
      const counts: Record<string, number> = {};
      for (const f of [students, staff, ...years.values(), ...terms.values()]) {
        f.close();
        counts[f.path] = f.lines - 1;
      }
      return counts;
    },
  };
}
