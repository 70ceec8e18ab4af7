import type { IsoDate } from '../dates.ts';
import { gradeLevel } from '../organization/grades.ts';
import type { BudgetUnit, GradeCode } from '../organization/types.ts';

/** True for both kindergarten codes; KF is full-time only by inference, so hours decide (montana-aim-gaps-2.md §2). */
export function isKindergarten(grade: GradeCode): boolean {
  return grade === 'KG' || grade === 'KF';
}

/**
 * Budget unit of a grade: PK–6 elementary, 9–12 high school, 7–8 high school only where the school is
 * accredited for it, otherwise elementary (ARM 10.20.102(3); montana-facts.md §3.2, §3.8 step 3).
 */
export function budgetUnitOfGrade(grade: GradeCode, grades78HighSchoolAccredited: boolean): BudgetUnit {
  const n = gradeLevel(grade);
  if (n >= 9) return 'high_school';
  if (n >= 7 && grades78HighSchoolAccredited) return 'high_school';
  return 'elementary';
}

/** Whole years of age on a date; a Feb 29 birthday turns over on Mar 1 in common years. */
export function ageOn(birthDate: IsoDate, date: IsoDate): number {
  const years = Number(date.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return date.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

/** Month and day of a yearly cut-off, taken in the calendar year the school year starts in. */
export type MonthDay = { month: number; day: number };

/** Calendar year a school year containing `date` starts in (years start July 1, montana-aim.md §5.1). */
export function schoolYearStartYear(date: IsoDate): number {
  const year = Number(date.slice(0, 4));
  return Number(date.slice(5, 7)) >= 7 ? year : year - 1;
}

/** The cut-off date (e.g. Sept 10) of the school year containing `date`. */
export function cutoffInSchoolYear(date: IsoDate, cutoff: MonthDay): IsoDate {
  const mm = String(cutoff.month).padStart(2, '0');
  const dd = String(cutoff.day).padStart(2, '0');
  return `${schoolYearStartYear(date)}-${mm}-${dd}`;
}

/** Formats a weight for explanations: 1 → "1.0", 0.25 → "0.25". */
export function formatWeight(weight: number): string {
  return Number.isInteger(weight) ? weight.toFixed(1) : String(Math.round(weight * 10000) / 10000);
}
