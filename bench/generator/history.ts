import type { OrgSchool } from '@bitterroot/core';
import { daysBetween } from './calendar-book.ts';
import type { GenContext } from './context.ts';
import { yearFeatures } from './features.ts';
import type { YearFeatures } from './features.ts';
import type { Rng } from './prng.ts';
import type { Student, YearRecord } from './student.ts';

/** Dropout end statuses (profiles/montana/code-sets/end-status.yaml, family dropout). */
export const DROPOUT_CODES = ['300', '310', '320', '330', '340'] as const;

/** Appends a history year for a student at a school; exits before the last day shorten the enrolled span. */
export function recordYear(
  ctx: GenContext,
  rng: Rng,
  s: Student,
  school: OrgSchool,
  year: number,
  startStatus: string,
  endStatus: string,
  f: YearFeatures,
): YearRecord {
  const cal = ctx.book.regular(school.schoolNumber, year);
  const midYear = endStatus !== '160' && endStatus !== '400' && endStatus !== '410';
  const endIndex = midYear
    ? rng.int(Math.floor(cal.dates.length * 0.2), cal.dates.length - 2)
    : cal.dates.length - 1;
  const startDate = cal.dates[0]!;
  const endDate = cal.dates[endIndex]!;
  const daysEnrolled = daysBetween(cal, startDate, endDate);
  const rec: YearRecord = {
    year,
    districtNumber: school.districtNumber,
    schoolNumber: school.schoolNumber,
    grade: s.grade,
    startDate,
    endDate,
    startStatus,
    endStatus,
    daysEnrolled,
    daysAbsent: Math.min(daysEnrolled, Math.round(daysEnrolled * f.absenceRate)),
    incidents: f.incidents,
    suspensionDays: f.suspensionDays,
    coursesAttempted: f.coursesAttempted,
    coursesFailed: f.coursesFailed,
    creditsAttempted: f.creditsAttempted,
    creditsEarned: f.creditsEarned,
    frl: s.frl !== 'N',
    iep: s.iep,
    el: s.el,
    homeless: s.homeless,
  };
  s.years.push(rec);
  return rec;
}

function schoolFor(ctx: GenContext, rng: Rng, districtNumber: string, grade: number): OrgSchool | null {
  const schools = (ctx.schoolsByDistrict.get(districtNumber) ?? []).filter((sc) => covers(sc, grade));
  return schools.length === 0 ? null : rng.pick(schools);
}

/** True when the school teaches the grade level. */
export function covers(school: OrgSchool, grade: number): boolean {
  const lvl = (g: string): number => (g === 'PK' ? -1 : g === 'KG' || g === 'KF' ? 0 : Number(g));
  return grade >= lvl(school.lowGrade) && grade <= lvl(school.highGrade);
}

/**
 * Invents the years a student spent elsewhere in Montana before entering this school (a feeder school or
 * another district), from the first simulated year on. Earlier grades follow one per year. False when no
 * year could be placed (the district teaches none of those grades).
 */
export function backfill(
  ctx: GenContext,
  rng: Rng,
  s: Student,
  entryYear: number,
  districtNumber: string,
): boolean {
  const grade = s.grade;
  const before = s.years.length;
  let first = true;
  for (let y = ctx.firstYear; y < entryYear; y++) {
    const g = grade - (entryYear - y);
    if (g < 0) continue;
    const school = schoolFor(ctx, rng, districtNumber, g);
    if (!school) continue;
    s.grade = g;
    const start = first ? (g === 0 ? '01' : '04') : '02';
    recordYear(ctx, rng, s, school, y, start, '160', yearFeatures(rng, s, g));
    if (g === 9 && s.firstGrade9Year === null) s.firstGrade9Year = y;
    first = false;
  }
  s.grade = grade;
  if (grade >= 9 && s.firstGrade9Year === null) s.firstGrade9Year = entryYear - (grade - 9);
  return s.years.length > before;
}
