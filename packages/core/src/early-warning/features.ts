// Early-warning features of one student as of one day (early-warning.md §5.2). Year-to-date on purpose:
// "live" scoring sees only what has happened so far, so training rows must be built by the same function at the
// same point in the year (§1.1 "Implications", §4.1 "Same point in the year"). Nothing dated after `asOf` is read.
// Rules the doc leaves open are decided in docs/decisions/0030–0031.

import { addDays } from '../dates.ts';
import type { IsoDate } from '../dates.ts';
import { schoolYearStart } from '../school-year.ts';

/** Grades with an EWS model: one logistic model per grade 6–12 (early-warning.md §1.1, §5.1). */
export type EwsGrade = 6 | 7 | 8 | 9 | 10 | 11 | 12;

/** One enrollment span; only primary enrollments count for mobility (a partial one is not a move). */
export type EnrollmentSpan = {
  districtId: string;
  schoolId: string;
  startDate: IsoDate;
  endDate: IsoDate | null;
  primary: boolean;
};

/** Attendance for a day or a period, dated at its last day (daily rows or the extract's period totals). */
export type AttendancePeriod = { date: IsoDate; enrolledDays: number; presentDays: number };

/** State resolution of a behavior incident, mapped from the district's codes (montana-aim.md §2.7). */
export type BehaviorResolution = 'out-of-school-suspension' | 'expulsion' | 'in-school-suspension' | 'other';

/** One behavior incident with the days the student was removed from school. */
export type BehaviorEvent = { incidentDate: IsoDate; resolution: BehaviorResolution; daysRemoved: number };

/**
 * One posted course mark. `failed` is decided upstream from the district's own F codes, as the PowerSchool
 * Montana EWS report does (early-warning.md §1.1, "Vendor extracts").
 */
export type CourseMark = { markDate: IsoDate; failed: boolean; creditsEarned: number; highSchool: boolean };

/**
 * Everything `featuresAsOf` reads. Race/ethnicity, FRL and EL are typed `never` so they cannot be passed in:
 * they are audit-only (early-warning.md §4.4 "Inputs policy"); pass them to `fairnessByGroup` instead.
 */
export type StudentFeatureInputs = {
  birthDate: IsoDate;
  enrollments: readonly EnrollmentSpan[];
  attendance: readonly AttendancePeriod[];
  behavior: readonly BehaviorEvent[];
  courses: readonly CourseMark[];
  raceEthnicity?: never;
  frl?: never;
  el?: never;
};

/** Audit-only attributes: slices of the fairness report (early-warning.md §4.4), never model inputs. */
export type AuditAttributes = { raceEthnicity: string; frl: boolean; el: boolean };

/** Every feature, in model column order (early-warning.md §5.2). */
export const FEATURE_NAMES = [
  'attendanceRate',
  'chronicAbsence',
  'behaviorEvents',
  'suspensionDays',
  'courseFailures',
  'creditsEarned',
  'schoolChangesThisYear',
  'schoolChangesLastYear',
  'districtChangesThisYear',
  'districtChangesLastYear',
  'overAge',
] as const;

/** A feature name; the compile-time check below keeps audit attributes out of this union. */
export type FeatureName = (typeof FEATURE_NAMES)[number];

// Fails to compile if someone adds an audit attribute as a feature.
const _auditAttributesAreNotFeatures: [Extract<FeatureName, keyof AuditAttributes>] extends [never]
  ? true
  : never = true;

/** Feature values by name; `null` = not known yet (no attendance days) or not used in this grade (credits). */
export type FeatureVector = Record<FeatureName, number | null>;

/** The features a grade's model uses: credits only from grade 9 (early-warning.md §5.2 "credits (grade 9+)"). */
export function featureNamesForGrade(grade: EwsGrade): FeatureName[] {
  return FEATURE_NAMES.filter((name) => name !== 'creditsEarned' || grade >= 9);
}

/** The school year (by end year) a date falls in: years start on July 1 (school-year.ts). */
function endYearOf(date: IsoDate): number {
  const year = Number(date.slice(0, 4));
  return Number(date.slice(5, 7)) >= 7 ? year + 1 : year;
}

function within(date: IsoDate, from: IsoDate, to: IsoDate): boolean {
  return date >= from && date <= to;
}

/** Features of one student in `grade` as of the end of `asOf` (inclusive). */
export function featuresAsOf(inputs: StudentFeatureInputs, asOf: IsoDate, grade: EwsGrade): FeatureVector {
  const endYear = endYearOf(asOf);
  const yearStart = schoolYearStart(endYear);
  const attendanceRate = attendanceRateOf(inputs.attendance, yearStart, asOf);
  const behavior = inputs.behavior.filter(
    (b) => within(b.incidentDate, yearStart, asOf) && countsAsBehavior(b),
  );
  const marks = inputs.courses.filter((c) => within(c.markDate, yearStart, asOf));
  const moves = mobility(inputs.enrollments, asOf);
  const lastYear = endYear - 1;
  return {
    attendanceRate,
    // EWIMS: chronic absence = missing ≥ 10 % of days (§1.4); exactly 90 % attendance is chronic.
    chronicAbsence: attendanceRate === null ? null : attendanceRate <= 0.9 + 1e-12 ? 1 : 0,
    behaviorEvents: behavior.length,
    suspensionDays: behavior.reduce((s, b) => s + (isRemoval(b) ? b.daysRemoved : 0), 0),
    courseFailures: marks.filter((m) => m.failed).length,
    creditsEarned: grade >= 9 ? highSchoolCredits(inputs.courses, asOf) : null,
    schoolChangesThisYear: moves.filter((m) => m.endYear === endYear).length,
    schoolChangesLastYear: moves.filter((m) => m.endYear === lastYear).length,
    districtChangesThisYear: moves.filter((m) => m.endYear === endYear && m.district).length,
    districtChangesLastYear: moves.filter((m) => m.endYear === lastYear && m.district).length,
    overAge: isOverAge(inputs.birthDate, endYear, grade) ? 1 : 0,
  };
}

/** Days present over days enrolled, year to date (Montana's ADA ratio, montana-aim.md §2.4). */
function attendanceRateOf(periods: readonly AttendancePeriod[], from: IsoDate, to: IsoDate): number | null {
  let enrolled = 0;
  let present = 0;
  for (const p of periods) {
    if (!within(p.date, from, to)) continue;
    enrolled += p.enrolledDays;
    present += p.presentDays;
  }
  return enrolled > 0 ? present / enrolled : null;
}

// In-school suspensions must be reported only for students with disabilities (montana-aim.md §2.7); counting
// them would turn IEP status into a hidden input. Decision 0031.
function countsAsBehavior(b: BehaviorEvent): boolean {
  return b.resolution !== 'in-school-suspension';
}

/** Days removed by out-of-school suspension or expulsion, as Wisconsin's DEWS input (early-warning.md §1.2). */
function isRemoval(b: BehaviorEvent): boolean {
  return b.resolution === 'out-of-school-suspension' || b.resolution === 'expulsion';
}

function highSchoolCredits(courses: readonly CourseMark[], asOf: IsoDate): number {
  let sum = 0;
  for (const c of courses) if (c.highSchool && c.markDate <= asOf) sum += c.creditsEarned;
  return sum;
}

type Move = { endYear: number; district: boolean };

/**
 * Mid-year moves between primary enrollments started by `asOf`: a new school whose previous enrollment was in
 * the same school year. Summer changes are left out because feeder transitions (grade 8 → 9) look the same in
 * enrollment data (decision 0031).
 */
function mobility(enrollments: readonly EnrollmentSpan[], asOf: IsoDate): Move[] {
  const spans = enrollments
    .filter((e) => e.primary && e.startDate <= asOf)
    .sort((a, b) => (a.startDate < b.startDate ? -1 : a.startDate > b.startDate ? 1 : 0));
  const moves: Move[] = [];
  for (let k = 1; k < spans.length; k++) {
    const prev = spans[k - 1]!;
    const next = spans[k]!;
    if (next.schoolId === prev.schoolId && next.districtId === prev.districtId) continue;
    const prevEnd = prev.endDate ?? addDays(next.startDate, -1);
    const year = endYearOf(next.startDate);
    if (endYearOf(prevEnd) !== year) continue;
    moves.push({ endYear: year, district: next.districtId !== prev.districtId });
  }
  return moves;
}

/**
 * Over-age: a year or more older than the grade's usual age on Sept 10, the Montana age cut-off (5 by Sept 10
 * for kindergarten, montana-facts.md; so grade g is usually age g + 5). Decision 0030.
 */
function isOverAge(birthDate: IsoDate, endYear: number, grade: EwsGrade): boolean {
  const cutoff = `${endYear - 1}-09-10`;
  const years = Number(cutoff.slice(0, 4)) - Number(birthDate.slice(0, 4));
  const age = cutoff.slice(5) < birthDate.slice(5) ? years - 1 : years;
  return age >= grade + 6;
}
