import type { YearRecord } from './student.ts';

/** Columns of `state-baseline/ews-terms-YYYY.tsv`: the EWS extract's term totals (README), one layout for writer and reader. */
export { EWS_TERM_COLUMNS } from '@bitterroot/contracts';

/** One term's totals of a student-year span. */
export interface TermTotals {
  termEnd: string;
  daysEnrolled: number;
  daysAbsent: number;
  incidents: number;
  suspensionDays: number;
  coursesFailed: number;
  creditsEarned: number;
}

const DAY = 86_400_000;
const days = (from: string, to: string): number => (Date.parse(to) - Date.parse(from)) / DAY + 1;

/**
 * Splits a student-year span into a fall term ending Dec 19 and a spring term ending at the span's end
 * (one term when the span lies on one side of it), sharing the year's totals by elapsed calendar days.
 * Deterministic: no random draws, so the other generated files are unchanged.
 */
export function splitTerms(r: YearRecord): TermTotals[] {
  const fallEnd = `${r.year - 1}-12-19`;
  const whole: TermTotals = {
    termEnd: r.endDate,
    daysEnrolled: r.daysEnrolled,
    daysAbsent: r.daysAbsent,
    incidents: r.incidents,
    suspensionDays: r.suspensionDays,
    coursesFailed: r.coursesFailed,
    creditsEarned: r.creditsEarned,
  };
  if (r.endDate <= fallEnd || r.startDate > fallEnd) return [whole];
  const share = days(r.startDate, fallEnd) / days(r.startDate, r.endDate);
  const part = (v: number) => Math.round(v * share);
  const fall: TermTotals = {
    termEnd: fallEnd,
    daysEnrolled: part(r.daysEnrolled),
    daysAbsent: Math.min(part(r.daysEnrolled), part(r.daysAbsent)),
    incidents: part(r.incidents),
    suspensionDays: 0,
    coursesFailed: part(r.coursesFailed),
    creditsEarned: Math.round(r.creditsEarned * share * 2) / 2,
  };
  // Suspension days follow the incidents: all of them in the term that holds the first incident.
  fall.suspensionDays = fall.incidents > 0 ? r.suspensionDays : 0;
  const spring: TermTotals = {
    termEnd: r.endDate,
    daysEnrolled: r.daysEnrolled - fall.daysEnrolled,
    daysAbsent: Math.min(r.daysEnrolled - fall.daysEnrolled, r.daysAbsent - fall.daysAbsent),
    incidents: r.incidents - fall.incidents,
    suspensionDays: r.suspensionDays - fall.suspensionDays,
    coursesFailed: r.coursesFailed - fall.coursesFailed,
    creditsEarned: r.creditsEarned - fall.creditsEarned,
  };
  return [fall, spring];
}
