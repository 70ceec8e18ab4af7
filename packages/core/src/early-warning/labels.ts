// Training labels from enrollment end statuses (early-warning.md §1.1: OPI trains on dropouts vs graduates).
// The end-status lists are profile data (profiles/montana/early-warning.yaml); the rule for the last
// enrollment within the horizon is decision 0056.

import type { IsoDate } from '../dates.ts';
import { schoolYearEnd } from '../school-year.ts';

/** End-status codes by what they mean for a training label (the profile's `labels` block). */
export type EwsLabelMapping = {
  readonly dropout: readonly string[];
  readonly graduate: readonly string[];
  readonly stillEnrolled: readonly string[];
  readonly excluded: readonly string[];
  readonly followed: readonly string[];
};

/**
 * The student's last enrollment that started by the end of the horizon, statewide (so a move between Montana
 * districts is followed), and whether any enrollment started after it (a summer move re-enrolled in the fall).
 */
export type LastEnrollment = { endDate: IsoDate | null; endStatus: string | null; enrolledAfter: boolean };

/** Why a row has no label; counted in the training summary so exclusions are visible. */
export type LabelExclusion = 'excluded-status' | 'transfer-not-followed' | 'unknown-status';

/** 1 = dropped out, 0 = graduated or still enrolled at the horizon's end, or the reason it is left out. */
export type LabelOutcome = { label: 0 | 1 } | { excluded: LabelExclusion };

/** The last day of the outcome window: June 30 of the as-of year plus `horizonYears − 1`. */
export function horizonEnd(asOfSchoolYear: number, horizonYears: number): IsoDate {
  return schoolYearEnd(asOfSchoolYear + Math.max(1, horizonYears) - 1);
}

/**
 * The label of a training row. An enrollment still open at the horizon's end means the student was enrolled
 * then (not a dropout, whatever happened later). Otherwise its end status decides through the mapping.
 */
export function labelOf(last: LastEnrollment, end: IsoDate, mapping: EwsLabelMapping): LabelOutcome {
  if (last.endDate === null || last.endDate > end) return { label: 0 };
  const status = last.endStatus;
  if (status === null) return { excluded: 'unknown-status' };
  if (mapping.dropout.includes(status)) return { label: 1 };
  if (mapping.graduate.includes(status) || mapping.stillEnrolled.includes(status)) return { label: 0 };
  if (mapping.followed.includes(status))
    return last.enrolledAfter ? { label: 0 } : { excluded: 'transfer-not-followed' };
  if (mapping.excluded.includes(status)) return { excluded: 'excluded-status' };
  return { excluded: 'unknown-status' };
}
