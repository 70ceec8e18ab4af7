/**
 * Checks of the EWS student data file (template ews-student-data, decision 0071) beyond single cells: the
 * as-of date in the upload's school year and not in the future, totals that cannot be negative or exceed
 * each other, and the credits that grades 9–12 need (early-warning.md §5.2 "credits (grade 9+)"). Every check
 * that the table's constraints (migration 0018) also enforce is here, so a bad row is a finding, never a
 * failed commit.
 */
import { sql, type RawBuilder } from 'kysely';
import type { Template } from '@bitterroot/contracts';
import { schoolYearEnd, schoolYearStart } from '@bitterroot/core';
import type { RowCheck } from '../../db/row-checks.ts';
import { typedValue } from '../../db/staged-values.ts';

/** Numeric columns of the file that count something, so can never be negative. */
const COUNTS = [
  'days_enrolled',
  'days_absent',
  'behavior_events',
  'suspension_days',
  'course_failures',
  'credits_earned',
  'school_changes_this_year',
  'school_changes_last_year',
  'district_changes_this_year',
  'district_changes_last_year',
];

/** The EWS student data checks for an upload of `year`. */
export function ewsStudentDataChecks(template: Template, year: number): RowCheck[] {
  const value = (key: string): RawBuilder<unknown> => {
    const column = template.columns.find((c) => c.key === key);
    if (!column) throw new Error(`template ${template.id} has no column ${key}`);
    return sql.raw(typedValue(column));
  };
  const label = (key: string) => template.columns.find((c) => c.key === key)?.label ?? key;
  const [from, to] = [schoolYearStart(year), schoolYearEnd(year)];
  return [
    {
      code: 'EWS-AS-OF-YEAR',
      column: 'as_of_date',
      severity: 'fatal',
      failing: sql`s.v_as_of_date < ${from}::date OR s.v_as_of_date > ${to}::date`,
      message: `The as-of date is not in the school year of the upload (${from} to ${to})`,
      fix: `Count the totals through a day of ${year - 1}-${String(year % 100).padStart(2, '0')}, or choose the school year of the as-of date for the upload.`,
    },
    {
      code: 'EWS-AS-OF-FUTURE',
      column: 'as_of_date',
      severity: 'fatal',
      failing: sql`s.v_as_of_date > current_date`,
      message: 'The as-of date is in the future',
      fix: 'Use the day the totals are counted through: today or earlier.',
    },
    {
      code: 'EWS-BIRTH-DATE',
      column: 'birth_date',
      severity: 'fatal',
      failing: sql`s.v_birth_date >= s.v_as_of_date - interval '8 years'`,
      message: 'The birth date makes the student younger than 8 on the as-of date',
      fix: 'Check the birth date; EWS students are in grades 6–12.',
    },
    ...COUNTS.map((key): RowCheck => ({
      code: 'EWS-NEGATIVE',
      column: key,
      severity: 'fatal',
      failing: sql`${value(key)} < 0`,
      message: `${label(key)} cannot be negative`,
      fix: 'Enter zero or a positive number.',
    })),
    {
      code: 'EWS-ABSENT-OVER-ENROLLED',
      column: 'days_absent',
      severity: 'fatal',
      failing: sql`${value('days_absent')} > ${value('days_enrolled')}`,
      message: sql`'Days absent ' || btrim(s.days_absent) || ' are more than days enrolled ' || btrim(s.days_enrolled)`,
      fix: 'Count absences only on days the student was enrolled this school year.',
    },
    ...(['this_year', 'last_year'] as const).map((when): RowCheck => ({
      code: 'EWS-DISTRICT-CHANGES',
      column: `district_changes_${when}`,
      severity: 'fatal',
      failing: sql`${value(`district_changes_${when}`)} > ${value(`school_changes_${when}`)}`,
      message: `${label(`district_changes_${when}`)} are more than ${label(`school_changes_${when}`)}`,
      fix: 'A move to another district is also a school change: count it in both columns.',
    })),
    {
      code: 'EWS-SUSPENSION-WITHOUT-EVENT',
      column: 'behavior_events',
      severity: 'fatal',
      failing: sql`${value('suspension_days')} > 0 AND ${value('behavior_events')} = 0`,
      message: 'Suspension days are given but no behavior event',
      fix: 'Count the incident that led to the suspension in Behavior Events.',
    },
    {
      code: 'EWS-CREDITS-REQUIRED',
      column: 'credits_earned',
      severity: 'fatal',
      failing: sql`btrim(coalesce(s.grade_level, '')) IN ('09', '10', '11', '12') AND btrim(coalesce(s.credits_earned, '')) = ''`,
      message: 'Grades 9–12 need the high-school credits earned',
      fix: 'Enter the credits earned in high school so far (0 if none).',
    },
    {
      code: 'EWS-NO-DAYS',
      column: 'days_enrolled',
      severity: 'warning',
      failing: sql`${value('days_enrolled')} = 0`,
      message: 'No days enrolled yet: the student is scored without attendance',
      fix: 'No action is needed if the student has not attended yet this year.',
    },
  ];
}
