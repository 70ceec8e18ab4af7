import type { GradeCode } from './types.ts';

/** All grade codes in order; KF (full-day K) sorts with KG (montana-aim.md §3.2). */
export const GRADE_CODES: readonly GradeCode[] = [
  'PK',
  'KG',
  'KF',
  '01',
  '02',
  '03',
  '04',
  '05',
  '06',
  '07',
  '08',
  '09',
  '10',
  '11',
  '12',
];

/** Numeric grade level: PK = -1, KG and KF = 0, 01..12 = 1..12. */
export function gradeLevel(grade: GradeCode): number {
  if (grade === 'PK') return -1;
  if (grade === 'KG' || grade === 'KF') return 0;
  return Number(grade);
}

/** The grade code for a numeric level (KG for 0). */
export function gradeCode(level: number): GradeCode {
  if (level <= -1) return 'PK';
  if (level === 0) return 'KG';
  return String(Math.min(level, 12)).padStart(2, '0') as GradeCode;
}

/** True when `grade` lies in the span low..high. */
export function gradeInSpan(grade: GradeCode, low: GradeCode, high: GradeCode): boolean {
  const g = gradeLevel(grade);
  return g >= gradeLevel(low) && g <= gradeLevel(high);
}
