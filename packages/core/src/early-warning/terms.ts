// Term totals of the EWS extract (attendance, behavior and grade data per period, early-warning.md §1.1
// "Vendor extracts") turned into the dated inputs `featuresAsOf` reads. Each total is dated at the term's
// last day, so a mid-year as-of date sees only finished terms (decision 0030).

import type { IsoDate } from '../dates.ts';
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
