import type { IsoDate, OrgSchool } from '@bitterroot/core';
import { daysBetween } from './calendar-book.ts';
import type { GenContext } from './context.ts';
import { yearFeatures } from './features.ts';
import type { YearFeatures } from './features.ts';
import type { Rng } from './prng.ts';
import type { Student, YearRecord } from './student.ts';

/** Dropout end statuses (profiles/montana/code-sets/end-status.yaml, family dropout). */
export const DROPOUT_CODES = ['300', '310', '320', '330', '340'] as const;

/** Where a year's span starts and, for a mid-year move out, where it ends (calendar fractions). */
export type SpanBounds = { startAfter?: IsoDate; endAt?: number };

/** Share of the school year after which a mid-year mover changes school (history years). */
export const MID_YEAR_MOVE_AT = 0.4;

/**
 * Appends a history year for a student at a school; exits before the last day shorten the enrolled span, and
 * a mid-year entrant's span starts after its previous school's last day (`bounds.startAfter`).
 */
export function recordYear(
  ctx: GenContext,
  rng: Rng,
  s: Student,
  school: OrgSchool,
  year: number,
  startStatus: string,
  endStatus: string,
  f: YearFeatures,
  bounds: SpanBounds = {},
): YearRecord {
  const cal = ctx.book.regular(school.schoolNumber, year);
  const midYear = endStatus !== '160' && endStatus !== '400' && endStatus !== '410';
  const after = bounds.startAfter;
  const startIndex = after
    ? Math.max(
        0,
        cal.dates.findIndex((d) => d > after),
      )
    : 0;
  const endIndex =
    bounds.endAt !== undefined
      ? Math.floor((cal.dates.length - 1) * bounds.endAt)
      : midYear
        ? Math.max(startIndex, rng.int(Math.floor(cal.dates.length * 0.2), cal.dates.length - 2))
        : cal.dates.length - 1;
  const startDate = cal.dates[Math.min(startIndex, endIndex)]!;
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
  return backfillYears(ctx, rng, s, entryYear, districtNumber);
}

/**
 * A mid-year move within Montana in a history year: the student's previous school (its last backfilled one)
 * keeps them until `MID_YEAR_MOVE_AT` of the year and ends the span with 200. Returns that last day, after
 * which the receiving school's span starts, or null when the previous school does not teach the grade.
 */
export function moveMidYear(ctx: GenContext, rng: Rng, s: Student, year: number): IsoDate | null {
  const prev = s.years[s.years.length - 1];
  if (!prev || prev.year !== year - 1) return null;
  const origin =
    ctx.org.schools.find((sc) => sc.schoolNumber === prev.schoolNumber && covers(sc, s.grade)) ??
    ctx.org.schools.find((sc) => sc.districtNumber === prev.districtNumber && covers(sc, s.grade));
  if (!origin) return null;
  const f = yearFeatures(rng, s, s.grade);
  const rec = recordYear(ctx, rng, s, origin, year, '02', '200', f, { endAt: MID_YEAR_MOVE_AT });
  return rec.endDate;
}

function backfillYears(
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
