// Students a district uploads in the EWS data file (template ews-student-data, decision 0071) are not in the
// system: the file carries year-to-date totals and mobility counts instead of terms and enrollments. They are
// turned into the same inputs the live path reads (`TotalFeatureInputs`) and go through `featuresFromTotals`,
// so an uploaded student and a live student with the same facts get the same feature vector and score.

import { addDays, type IsoDate } from '../dates.ts';
import { schoolYearStart } from '../school-year.ts';
import type { EnrollmentSpan, EwsGrade, FeatureVector } from './features.ts';
import { featuresFromTotals, type TotalFeatureInputs } from './terms.ts';

/** One row of the EWS data file as the model reads it (audit-only fields are not part of it). */
export type UploadedEwsRow = {
  asOf: IsoDate;
  grade: EwsGrade;
  birthDate: IsoDate | null;
  daysEnrolled: number;
  daysAbsent: number;
  /** Incidents this school year through the as-of date, in-school suspensions left out (decision 0031). */
  behaviorEvents: number;
  /** Days of out-of-school suspension and expulsion this school year. */
  suspensionDays: number;
  courseFailures: number;
  /** High-school credits earned in all years through the as-of date; read from grade 9 only. */
  creditsEarned: number | null;
  /** Mid-year school changes, those across districts included. */
  schoolChangesThisYear: number;
  schoolChangesLastYear: number;
  /** The mid-year changes that crossed a district line (a subset of the school changes). */
  districtChangesThisYear: number;
  districtChangesLastYear: number;
};

/** The school year (by end year) of a date; years start on July 1 (school-year.ts). */
function endYearOf(date: IsoDate): number {
  const year = Number(date.slice(0, 4));
  return Number(date.slice(5, 7)) >= 7 ? year + 1 : year;
}

const whole = (n: number) => Math.max(0, Math.floor(n));

/**
 * Primary enrollment spans that hold exactly `moves` mid-year moves in the year starting `start`, the first
 * `districtMoves` of them across districts. Every span starts on the year's first day and the earlier ones end
 * that same day, so each change is mid-year to the mobility rule (features.ts) and starts by any as-of date.
 */
function yearSpans(
  tag: string,
  start: IsoDate,
  lastEnd: IsoDate | null,
  moves: number,
  districtMoves: number,
): EnrollmentSpan[] {
  const spans: EnrollmentSpan[] = [];
  let district = `${tag}-d0`;
  for (let k = 0; k <= moves; k++) {
    if (k > 0 && k <= districtMoves) district = `${tag}-d${k}`;
    spans.push({
      districtId: district,
      schoolId: `${tag}-s${k}`,
      startDate: start,
      endDate: k < moves ? start : lastEnd,
      primary: true,
    });
  }
  return spans;
}

/** Enrollment spans that give the row's mobility counts for last year and this year. */
export function mobilitySpans(row: UploadedEwsRow): EnrollmentSpan[] {
  const endYear = endYearOf(row.asOf);
  const thisStart = schoolYearStart(endYear);
  const lastStart = schoolYearStart(endYear - 1);
  const lastMoves = whole(row.schoolChangesLastYear);
  const thisMoves = whole(row.schoolChangesThisYear);
  return [
    // Last year's chain ends on June 30, so the step into this year is a summer change (never counted).
    ...yearSpans(
      'last',
      lastStart,
      addDays(thisStart, -1),
      lastMoves,
      Math.min(whole(row.districtChangesLastYear), lastMoves),
    ),
    ...yearSpans('this', thisStart, null, thisMoves, Math.min(whole(row.districtChangesThisYear), thisMoves)),
  ];
}

/** The live path's inputs for an uploaded row: its totals cut at its as-of date and its mobility spans. */
export function totalsOfUploaded(row: UploadedEwsRow): TotalFeatureInputs {
  return {
    birthDate: row.birthDate,
    enrollments: mobilitySpans(row),
    totals: {
      daysEnrolled: row.daysEnrolled,
      daysPresent: row.daysEnrolled - row.daysAbsent,
      // As in the term totals: a suspension is always at least one incident.
      behaviorIncidents: Math.max(row.behaviorEvents, row.suspensionDays > 0 ? 1 : 0),
      suspensionDays: row.suspensionDays,
      coursesFailed: row.courseFailures,
      highSchoolCredits: row.grade >= 9 ? (row.creditsEarned ?? 0) : 0,
    },
  };
}

/** Features of an uploaded row as of its own as-of date, through the live path's `featuresFromTotals`. */
export function featuresFromUploaded(row: UploadedEwsRow): FeatureVector {
  return featuresFromTotals(totalsOfUploaded(row), row.asOf, row.grade);
}
