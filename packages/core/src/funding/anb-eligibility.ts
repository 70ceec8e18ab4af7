import type { IsoDate } from '../dates.ts';
import type { AnbStatus, CountDateRow, CountKind, LeftReason } from './anb-types.ts';
import { hoursBand } from './anb-weight.ts';
import { checkEarlyGraduate } from './early-graduates.ts';
import { ageOn, cutoffInSchoolYear, formatWeight, isKindergarten } from './grades.ts';
import type { FundingSettings } from './settings.ts';

/** One row judged on its own, before the one-pupil cap. */
export type RowDecision = {
  status: AnbStatus;
  bandWeight: number;
  earlyGraduate: boolean;
  explanation: string;
};

const LEFT_WORDS: Record<LeftReason, string> = {
  'enrolled-elsewhere': 'enrolled in another public district',
  'notice-of-leaving': 'gave notice of not returning',
  'records-transferred': 'records transferred to another school',
  'unable-to-continue': 'unable to continue',
};

function ordinal(n: number): string {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  const suffix = teen ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

const out = (status: AnbStatus, explanation: string): RowDecision => ({
  status,
  bandWeight: 0,
  earlyGraduate: false,
  explanation,
});

/** Rows that are not part of the count date at all (montana-aim.md §2.2, §2.4 S33; facts §3.2). */
function notOnCount(row: CountDateRow, countDate: IsoDate): RowDecision | null {
  // The Count Date Attendance tool skips extracurricular-only enrollments (S33); their ANB rule is a GAP.
  if (row.extracurricularOnly) return out('not-counted', 'not counted: extracurricular-only enrollment');
  if (row.noShow) return out('not-counted', 'not counted: no-show enrollment');
  if (row.startDate > countDate) return out('not-counted', `not counted: enrollment starts ${row.startDate}`);
  if (row.endDate && row.endDate < countDate)
    return out('not-counted', `not counted: enrollment ended ${row.endDate}, before the count date`);
  // ARM 10.20.102(1): only schools accredited by the Board of Public Education count.
  if (row.accredited === false) return out('not-counted', 'not counted: school not accredited');
  return null;
}

/** The exclusions of ARM 10.20.102(4) and montana-aim.md §8.1, first match wins. */
function exclusion(row: CountDateRow, countDate: IsoDate, s: FundingSettings): RowDecision | null {
  // ARM 10.20.102(4): leaving pupils never count, even within ten days; the rule is no grace period.
  if (row.leftReason) return out('excluded', `excluded: ${LEFT_WORDS[row.leftReason]}`);
  if (row.dayTreatment) return out('excluded', 'excluded: placed in day treatment on the count date');
  // 20-9-311(6), ARM 10.20.102(4)(b): the 11th consecutive absence, excused or not, on or before the count date.
  const absent = row.consecutiveDaysAbsent ?? 0;
  if (absent > s.maxConsecutiveAbsences && !row.absenceVariance)
    return out(
      'excluded',
      `excluded: ${ordinal(s.maxConsecutiveAbsences + 1)} consecutive absence on or before the count date (${absent} days)`,
    );
  const cutoff = cutoffInSchoolYear(countDate, s.ageCutoff);
  const age = ageOn(row.birthDate, cutoff);
  // MCA 20-5-101(1)(a), 20-7-117: kindergartners must be 5 by Sept 10 unless the board admits them.
  if (isKindergarten(row.grade) && age < s.kindergartenMinAge && !row.kindergartenBoardApproval)
    return out(
      'excluded',
      `excluded: kindergartner not ${s.kindergartenMinAge} by ${cutoff}, no board permission`,
    );
  // facts §3.4: 19 by Sept 10 counts only with the "Age 19 or 20 Eligible for ANB" flag.
  if (age >= s.ageLimit && !row.age1920Eligible)
    return out('excluded', `excluded: age ${age} on ${cutoff} without the age 19/20 eligible flag`);
  if (row.grade === 'PK' && !preschoolCounts(row, countDate, s))
    return out('not-counted', 'not counted: discretionary preschool (20-7-117(2))');
  if (row.excludeAnb) return out('excluded', 'excluded: Exclude ANB flag set by the district');
  if (row.esaParticipant && s.esa === 'exclude')
    return out('excluded', 'excluded: ESA participant (decision 0035)');
  return null;
}

/** PK counts for special education from HB 168 (2025) and in classroom early literacy (montana-aim.md §8.1). */
function preschoolCounts(row: CountDateRow, countDate: IsoDate, s: FundingSettings): boolean {
  if (row.earlyLiteracyProgram === 'C') return true;
  return row.specialEducation === true && countDate >= s.pkSpecialEducationFrom;
}

/** Weight from the hours band, or the proficiency-exception hours of 20-9-311(4)(d). */
function weighted(row: CountDateRow, s: FundingSettings, prefix: string): RowDecision {
  const proficiency = row.proficiencyEquivalentHours;
  const hours = proficiency ?? row.aggregateHours;
  if (hours === null || hours === undefined)
    return out('not-counted', 'not counted: no aggregate hours reported for the count date');
  const band = hoursBand(hours, s);
  const via = proficiency !== null && proficiency !== undefined ? ' (proficiency equivalent)' : '';
  if (band.weight === 0) return out('not-counted', `not counted: ${band.label}${via}`);
  return {
    status: 'counted',
    bandWeight: band.weight,
    earlyGraduate: false,
    explanation: `counted ${formatWeight(band.weight)}: ${band.label}${via}${prefix}`,
  };
}

/** Judges one count-date row on its own: spans the date, no exclusion, weight from the hours band. */
export function decideRow(
  row: CountDateRow,
  kind: CountKind,
  countDate: IsoDate,
  settings: FundingSettings,
): RowDecision {
  // An early graduate has left before the spring count; 20-9-313 adds them back (facts §3.5).
  if (kind === 'spring' && row.earlyGraduate && row.endDate && row.endDate < countDate) {
    const check = checkEarlyGraduate(row, countDate, settings);
    if (!check.eligible) return out('not-counted', check.reason);
    const decision = weighted(row, settings, ` as ${check.reason}`);
    return { ...decision, earlyGraduate: decision.status === 'counted' };
  }
  return notOnCount(row, countDate) ?? exclusion(row, countDate, settings) ?? weighted(row, settings, '');
}
