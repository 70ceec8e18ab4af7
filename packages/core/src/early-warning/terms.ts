// Term totals of the EWS extract (attendance, behavior and grade data per period, early-warning.md §1.1
// "Vendor extracts") turned into the dated inputs `featuresAsOf` reads. Each total is dated at the term's
// last day, so a mid-year as-of date sees only finished terms (decision 0030).

import type { IsoDate } from '../dates.ts';
import { schoolYearStart } from '../school-year.ts';
import { featuresAsOf } from './features.ts';
import type {
  AttendancePeriod,
  BehaviorEvent,
  CourseMark,
  EnrollmentSpan,
  EwsGrade,
  FeatureVector,
} from './features.ts';

/** One term of one student at one school, as stored. */
export type EwsTerm = {
  termEnd: IsoDate;
  /** Grade level code of the term ('06'…'12'); grade 9 and up count as high school for credits. */
  gradeLevel: string;
  daysEnrolled: number;
  daysPresent: number;
  behaviorIncidents: number;
  suspensionDays: number;
  coursesFailed: number;
  creditsEarned: number;
};

/** The feature inputs of a list of terms (everything except birth date and enrollments). */
export type TermInputs = {
  attendance: AttendancePeriod[];
  behavior: BehaviorEvent[];
  courses: CourseMark[];
};

/**
 * Expands term totals into dated inputs. Suspension days go on one out-of-school-suspension incident (the
 * extract counts reportable removals); the other incidents carry no removal days. A failed course is one failed
 * mark; earned credits are one passing mark, so the credit total and the failure count both survive.
 */
export function inputsFromTerms(terms: readonly EwsTerm[]): TermInputs {
  const attendance: AttendancePeriod[] = [];
  const behavior: BehaviorEvent[] = [];
  const courses: CourseMark[] = [];
  for (const t of terms) {
    const date = t.termEnd;
    if (t.daysEnrolled > 0)
      attendance.push({ date, enrolledDays: t.daysEnrolled, presentDays: t.daysPresent });
    const incidents = Math.max(t.behaviorIncidents, t.suspensionDays > 0 ? 1 : 0);
    for (let i = 0; i < incidents; i++) {
      const removal = i === 0 && t.suspensionDays > 0;
      behavior.push({
        incidentDate: date,
        resolution: removal ? 'out-of-school-suspension' : 'other',
        daysRemoved: removal ? t.suspensionDays : 0,
      });
    }
    const highSchool = Number(t.gradeLevel) >= 9;
    for (let i = 0; i < t.coursesFailed; i++)
      courses.push({ markDate: date, failed: true, creditsEarned: 0, highSchool });
    if (t.creditsEarned > 0)
      courses.push({ markDate: date, failed: false, creditsEarned: t.creditsEarned, highSchool });
  }
  return { attendance, behavior, courses };
}

/** What the server reads per student: birth date (may be missing), enrollments and EWS terms. */
export type RawFeatureInputs = {
  birthDate: IsoDate | null;
  enrollments: readonly EnrollmentSpan[];
  terms: readonly EwsTerm[];
};

/**
 * Features as of a date from stored rows, the one path for training and scoring. A missing birth date gives
 * `overAge: null` (scaled to the mean) rather than a guess.
 */
export function featuresFromStored(raw: RawFeatureInputs, asOf: IsoDate, grade: EwsGrade): FeatureVector {
  const v = featuresAsOf(
    { birthDate: raw.birthDate ?? '2000-01-01', enrollments: raw.enrollments, ...inputsFromTerms(raw.terms) },
    asOf,
    grade,
  );
  return raw.birthDate === null ? { ...v, overAge: null } : v;
}

/**
 * A student's EWS terms summed as of a date: this school year's finished terms (attendance, behavior,
 * failures) and every finished high-school term for credits. It is all `featuresAsOf` reads from terms, so the
 * server can sum in SQL and send one row per student instead of every term (decision 0065).
 */
export type EwsTermTotals = {
  daysEnrolled: number;
  daysPresent: number;
  /** Per term max(incidents, 1 if suspended), summed: a suspension is always at least one incident. */
  behaviorIncidents: number;
  suspensionDays: number;
  coursesFailed: number;
  highSchoolCredits: number;
};

/** The pure definition of the totals; the server's SQL mirrors it and a test holds the two equal. */
export function totalsOfTerms(terms: readonly EwsTerm[], asOf: IsoDate): EwsTermTotals {
  // School years start on July 1 (school-year.ts): the as-of date's year begins then.
  const endYear = Number(asOf.slice(0, 4)) + (Number(asOf.slice(5, 7)) >= 7 ? 1 : 0);
  const yearStart = schoolYearStart(endYear);
  const totals: EwsTermTotals = {
    daysEnrolled: 0,
    daysPresent: 0,
    behaviorIncidents: 0,
    suspensionDays: 0,
    coursesFailed: 0,
    highSchoolCredits: 0,
  };
  for (const t of terms) {
    if (t.termEnd > asOf) continue;
    if (Number(t.gradeLevel) >= 9) totals.highSchoolCredits += t.creditsEarned;
    if (t.termEnd < yearStart) continue;
    totals.daysEnrolled += t.daysEnrolled;
    totals.daysPresent += t.daysPresent;
    totals.behaviorIncidents += Math.max(t.behaviorIncidents, t.suspensionDays > 0 ? 1 : 0);
    totals.suspensionDays += t.suspensionDays;
    totals.coursesFailed += t.coursesFailed;
  }
  return totals;
}

/** What the server reads per student on the fast path: birth date, primary enrollments and term totals. */
export type TotalFeatureInputs = {
  birthDate: IsoDate | null;
  enrollments: readonly EnrollmentSpan[];
  totals: EwsTermTotals;
};

/**
 * Features as of a date from term totals: the totals become one term dated at the as-of date (every total is
 * already cut at that date), read by the same `featuresFromStored` path, so both give the same vector.
 */
export function featuresFromTotals(raw: TotalFeatureInputs, asOf: IsoDate, grade: EwsGrade): FeatureVector {
  const t = raw.totals;
  const thisYear: EwsTerm = {
    termEnd: asOf,
    gradeLevel: '08',
    daysEnrolled: t.daysEnrolled,
    daysPresent: t.daysPresent,
    behaviorIncidents: t.behaviorIncidents,
    suspensionDays: t.suspensionDays,
    coursesFailed: t.coursesFailed,
    creditsEarned: 0,
  };
  const credits: EwsTerm = { ...ZERO_TERM, termEnd: asOf, creditsEarned: t.highSchoolCredits };
  return featuresFromStored({ ...raw, terms: [thisYear, credits] }, asOf, grade);
}

const ZERO_TERM: EwsTerm = {
  termEnd: '1900-01-01',
  gradeLevel: '09',
  daysEnrolled: 0,
  daysPresent: 0,
  behaviorIncidents: 0,
  suspensionDays: 0,
  coursesFailed: 0,
  creditsEarned: 0,
};
