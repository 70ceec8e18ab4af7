/**
 * Set-based checks of record uploads beyond single cells (montana-aim.md §2–§4, rule ids in §6.4): the row's
 * parent must exist (upload order, §4.2), date pairs in order, and each record type's own semantics.
 * They run on the staged rows before anything is written; `rec_parent` must already exist.
 */
import { sql } from 'kysely';
import type { Template } from '@bitterroot/contracts';
import type { RowCheck } from '../../db/row-checks.ts';
import { missingParentFix, missingParentMessage } from './record-parents.repository.ts';
import type { RecordStore } from './record-stores.ts';
import { ewsStudentDataChecks } from './ews-student-data.rules.ts';

const PARENT_KEYS: Record<RecordStore['parent'], string[]> = {
  enrollment: ['student_state_id', 'school_number', 'calendar_number'],
  enrollments: ['student_state_id', 'school_number', 'calendar_number'],
  student: ['student_state_id'],
  staff: ['staff_state_id'],
  calendar: ['school_number', 'calendar_number'],
  course: ['school_number', 'calendar_number', 'course_number'],
  'section-staff': ['course_number', 'section_number', 'staff_state_id'],
  'section-student': ['course_number', 'section_number', 'student_state_id'],
  school: ['school_number'],
};

const filled = (col: string) => sql.raw(`btrim(coalesce(s.${col}, '')) <> ''`);

function parentCheck(store: RecordStore, year: number, district: string): RowCheck {
  const keys = PARENT_KEYS[store.parent];
  return {
    code: 'REC-NO-PARENT',
    column: keys[0]!,
    severity: 'fatal',
    // Rows missing an identifying value already have a "required" finding; do not report them twice.
    failing: sql`${sql.join(keys.map(filled), sql` AND `)} AND NOT EXISTS (SELECT 1 FROM rec_parent p WHERE p.line = s.line)`,
    message: missingParentMessage(store, year, district),
    fix: missingParentFix(store),
  };
}

/** Start/end column pairs of a template (`x_start_date` with `x_end_date`, `start_date` with `end_date`). */
export function datePairs(template: Template): [string, string][] {
  const keys = new Set(template.columns.map((c) => c.key));
  return template.columns
    .filter((c) => c.type === 'date' && /(^|_)end_date$/.test(c.key))
    .map((c) => [c.key.replace(/end_date$/, 'start_date'), c.key] as [string, string])
    .filter(([start]) => keys.has(start));
}

function dateOrderChecks(template: Template): RowCheck[] {
  return datePairs(template).map(([start, end]) => ({
    code: 'REC-DATE-ORDER',
    column: end,
    severity: 'fatal',
    failing: sql.raw(`s.v_${end} < s.v_${start}`),
    message: `${template.columns.find((c) => c.key === end)!.label} is before ${template.columns.find((c) => c.key === start)!.label}`,
    fix: 'Check both dates; a record cannot end before it starts.',
  }));
}

const decimal = (col: string) =>
  sql.raw(`CASE WHEN btrim(s.${col}) ~ '^-?([0-9]+\\.?[0-9]*|\\.[0-9]+)$' THEN btrim(s.${col})::numeric END`);

/** Rules particular to one record type, with their sources. */
function typeChecks(store: RecordStore, template: Template, district: string, year: number): RowCheck[] {
  switch (store.template) {
    case 'program-participation':
      return [
        {
          // Level Data "McKinney Vento/Homeless Mismatch" [montana-aim.md §2.3.4].
          code: 'PP-HOMELESS-RESIDENCE',
          column: 'homeless_nighttime_residence',
          severity: 'fatal',
          failing: sql`upper(btrim(coalesce(s.homeless, ''))) IN ('Y', 'YES') AND btrim(coalesce(s.homeless_nighttime_residence, '')) = ''`,
          message: 'A homeless student needs a nighttime residence',
          fix: 'Fill in Homeless Night Time Residence, or set Homeless to N.',
        },
        {
          // Gifted evaluated date is required and not in the future [§2.3.5].
          code: 'PP-GIFTED-EVALUATED',
          column: 'gifted_evaluated_date',
          severity: 'fatal',
          failing: sql`(btrim(coalesce(s.gifted_status, '')) <> '' AND s.v_gifted_evaluated_date IS NULL) OR s.v_gifted_evaluated_date > current_date`,
          message: 'A gifted record needs an evaluated date that is not in the future',
          fix: 'Enter the date the student was evaluated (today or earlier).',
        },
      ];
    case 'eoy-cte':
      return [
        {
          // "Total Pathway Credits = District Credits + Transfer Credits (enforced on upload)" [§2.6].
          code: 'CTE-CREDITS',
          column: 'pathway_credits',
          severity: 'fatal',
          failing: sql`${decimal('pathway_credits')} <> coalesce(${decimal('district_credits')}, 0) + coalesce(${decimal('transfer_credits')}, 0)`,
          message: sql`'Pathway credits ' || btrim(s.pathway_credits) || ' are not district credits ' || btrim(s.district_credits) || ' + transfer credits ' || btrim(s.transfer_credits)`,
          fix: 'Make Total Pathway Credits the sum of District Credits and Transfer Credits.',
        },
        {
          // Concentrator "should be Y when Total Pathway Credits Earned ≥ 2.0" [§2.6].
          code: 'CTE-CONCENTRATOR',
          column: 'cte_concentrator',
          severity: 'warning',
          failing: sql`${decimal('pathway_credits')} >= 2.0 AND upper(btrim(coalesce(s.cte_concentrator, ''))) IN ('N', 'NO')`,
          message: 'A student with 2.0 or more pathway credits is normally a concentrator',
          fix: 'Set CTE Concentrator to Y, or check the credits.',
        },
      ];
    case 'test-accommodations':
      return [
        {
          // "End Date … cannot exceed 1 year" after the start [§2.14].
          code: 'TA-END-DATE',
          column: 'end_date',
          severity: 'fatal',
          failing: sql`s.v_end_date > s.v_start_date + interval '1 year'`,
          message: 'Accommodations may run at most one year from their start date',
          fix: 'Set the end date no later than one year after the start date.',
        },
        {
          // "An active EL or 504 record must overlap" the range [§2.14]; IEP overlap is checked once SPED data exists.
          code: 'TA-NO-PROGRAM',
          column: 'start_date',
          severity: 'fatal',
          failing: sql`EXISTS (SELECT 1 FROM rec_parent p WHERE p.line = s.line) AND NOT EXISTS (
              SELECT 1 FROM rec_parent p JOIN english_learner l ON l.student_id = p.student_id AND l.district_number = ${district}
              WHERE p.line = s.line AND l.el_status = 'EL' AND l.identified_date <= coalesce(s.v_end_date, 'infinity'::date)
                AND coalesce(l.exit_date, 'infinity'::date) >= s.v_start_date)
            AND NOT EXISTS (
              SELECT 1 FROM rec_parent p JOIN section_504 f ON f.student_id = p.student_id AND f.district_number = ${district}
              WHERE p.line = s.line AND f.start_date <= coalesce(s.v_end_date, 'infinity'::date)
                AND coalesce(f.end_date, 'infinity'::date) >= s.v_start_date)`,
          message: 'No active English learner or Section 504 record covers these dates',
          fix: 'Upload the student’s English Learner or Section 504 record first; students with an IEP record accommodations in the IEP.',
        },
      ];
    case 'district-assignment':
      return [
        {
          // Rule R32: a start date before the end of a closed matching assignment is an error [§4.3].
          code: 'DA-CLOSED-OVERLAP',
          column: 'assignment_start_date',
          severity: 'fatal',
          failing: sql`EXISTS (SELECT 1 FROM rec_parent p JOIN staff_assignment a ON a.staff_id = p.staff_id
              WHERE p.line = s.line AND a.district_number = ${district} AND a.assignment_school_number = btrim(s.assignment_school_number)
                AND a.assignment_code = btrim(s.assignment_code) AND a.assignment_end_date IS NOT NULL
                AND a.assignment_start_date <> s.v_assignment_start_date AND s.v_assignment_start_date < a.assignment_end_date)`,
          message: 'The start date falls before the end of a closed assignment with the same school and code',
          fix: 'Start the new assignment after the closed one ends, or correct the closed assignment.',
        },
      ];
    case 'ews-student-data':
      return ewsStudentDataChecks(template, year);
    default:
      return [];
  }
}

/** Every check of a stored record type's upload. */
export function storeChecks(
  store: RecordStore,
  template: Template,
  district: string,
  year: number,
): RowCheck[] {
  return [
    parentCheck(store, year, district),
    ...dateOrderChecks(template),
    ...typeChecks(store, template, district, year),
  ];
}
