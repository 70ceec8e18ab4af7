import type { IsoDate } from '../dates.ts';
import { schoolYearLabel, schoolYearEnd, schoolYearStart } from '../school-year.ts';
import type { SchoolYear } from '../school-year.ts';
import type { ReportingSettings } from './settings.ts';

/** One offender × resolution row of the behavior collection (behavior.yaml). */
export type BehaviorRow = {
  incidentId: string;
  stateId: string;
  incidentDate: IsoDate;
  eventCode: string;
  primaryEvent: boolean;
  /** State resolution code (ISS, OSS, EXP, IAES, …) or null when the district's code is unmapped. */
  resolutionCode: string | null;
  durationDays?: number | null | undefined;
  studentHasDisability: boolean;
};

/** One row's verdict. */
export type BehaviorLine = { incidentId: string; stateId: string; reportable: boolean; explanation: string };

/** FS006 removal-length groups for students with disabilities: cumulative days ≤ 10 or > 10 (edfacts.md §9). */
export type RemovalLengths = { upTo10: number; over10: number };

/** Reportable counts of a school year. */
export type BehaviorResult = {
  lines: BehaviorLine[];
  /** Reportable offender × incident pairs. */
  incidents: number;
  /** Students with at least one reportable resolution. */
  students: number;
  byResolution: Record<string, number>;
  /** Students with disabilities by method: in-school (ISS) and out-of-school (OSS, EXP). */
  idea: { inSchool: RemovalLengths; outOfSchool: RemovalLengths };
};

function judge(
  row: BehaviorRow,
  year: SchoolYear,
  s: Pick<ReportingSettings, 'behaviorReportable'>,
): BehaviorLine {
  const base = { incidentId: row.incidentId, stateId: row.stateId };
  if (row.incidentDate < schoolYearStart(year) || row.incidentDate > schoolYearEnd(year))
    return {
      ...base,
      reportable: false,
      explanation: `not reportable: ${row.incidentDate} outside ${schoolYearLabel(year)}`,
    };
  // Only the offender's primary behavior is extracted (montana-aim.md §2.7 S39).
  if (!row.primaryEvent)
    return { ...base, reportable: false, explanation: 'not extracted: not the primary behavior' };
  const rule = row.resolutionCode === null ? undefined : s.behaviorReportable[row.resolutionCode];
  if (rule === undefined)
    return {
      ...base,
      reportable: false,
      explanation: `not reportable: resolution ${row.resolutionCode ?? 'unmapped'} (R35)`,
    };
  // S15: in-school suspension is required only for students with a disability.
  if (rule === 'disability-only' && !row.studentHasDisability)
    return {
      ...base,
      reportable: false,
      explanation: `not required: ${row.resolutionCode} of a student without a disability`,
    };
  const days = row.durationDays ?? 0;
  return {
    ...base,
    reportable: true,
    explanation: `reportable: ${row.resolutionCode} for ${row.eventCode}, ${days} days`,
  };
}

const bucket = (days: number): keyof RemovalLengths => (days > 10 ? 'over10' : 'upTo10');

/**
 * Reportable behavior (montana-aim.md §2.7 S15): every out-of-school suspension or expulsion, and in-school
 * suspensions of students with a disability, in the school year, primary behavior only, mapped codes only.
 * Days are summed per student and method for the FS006 ≤10 / >10 split (edfacts.md §9).
 */
export function reportableBehavior(
  rows: readonly BehaviorRow[],
  input: { schoolYear: SchoolYear },
  settings: Pick<ReportingSettings, 'behaviorReportable'>,
): BehaviorResult {
  const lines = rows.map((r) => judge(r, input.schoolYear, settings));
  const kept = rows.filter((_, i) => lines[i]!.reportable);
  const byResolution: Record<string, number> = {};
  const inSchool = new Map<string, number>();
  const outOfSchool = new Map<string, number>();
  for (const r of kept) {
    const code = r.resolutionCode ?? '';
    byResolution[code] = (byResolution[code] ?? 0) + 1;
    if (!r.studentHasDisability) continue;
    const days = r.durationDays ?? 0;
    if (code === 'ISS') inSchool.set(r.stateId, (inSchool.get(r.stateId) ?? 0) + days);
    if (code === 'OSS' || code === 'EXP')
      outOfSchool.set(r.stateId, (outOfSchool.get(r.stateId) ?? 0) + days);
  }
  const lengths = (m: Map<string, number>): RemovalLengths => {
    const out = { upTo10: 0, over10: 0 };
    for (const days of m.values()) out[bucket(days)] += 1;
    return out;
  };
  return {
    lines,
    incidents: new Set(kept.map((r) => `${r.incidentId}|${r.stateId}`)).size,
    students: new Set(kept.map((r) => r.stateId)).size,
    byResolution,
    idea: { inSchool: lengths(inSchool), outOfSchool: lengths(outOfSchool) },
  };
}
