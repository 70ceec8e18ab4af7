/** Number formats of the early-warning pages. */

/** A share as a whole percent, or a dash when it cannot be measured (or is suppressed). */
export function percent(v: number | null | undefined): string {
  return v === null || v === undefined ? '—' : `${Math.round(v * 100)}%`;
}

/** An AUC or other 0–1 score with three decimals. */
export function score3(v: number | null | undefined): string {
  return v === null || v === undefined ? '—' : v.toFixed(3);
}

/** Plain names of the audit attributes of the fairness table. */
export const ATTRIBUTE_LABELS: Record<string, string> = {
  raceEthnicity: 'Race/ethnicity',
  americanIndian: 'American Indian',
  el: 'English learner',
  iep: 'IEP',
  frl: 'Free/reduced lunch',
  gender: 'Gender',
  homeless: 'Homeless',
};

/** Plain names of the model's features. */
export const FEATURE_LABELS: Record<string, string> = {
  attendanceRate: 'Attendance rate',
  chronicAbsence: 'Chronically absent',
  behaviorEvents: 'Behavior incidents',
  suspensionDays: 'Suspension days',
  courseFailures: 'Courses failed',
  creditsEarned: 'High-school credits',
  schoolChangesThisYear: 'School changes this year',
  schoolChangesLastYear: 'School changes last year',
  districtChangesThisYear: 'District changes this year',
  districtChangesLastYear: 'District changes last year',
  overAge: 'Older than usual for grade',
};
