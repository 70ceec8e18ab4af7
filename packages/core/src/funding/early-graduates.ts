import type { IsoDate } from '../dates.ts';
import type { CountDateRow } from './anb-types.ts';
import { ageOn, cutoffInSchoolYear } from './grades.ts';
import type { FundingSettings } from './settings.ts';

/** Whether a spring row qualifies as an early graduate, and the first criterion that failed. */
export type EarlyGraduateCheck = { eligible: true; reason: string } | { eligible: false; reason: string };

/**
 * The early-graduate criteria of MCA 20-9-313 and ARM 10.20.102(10) (montana-facts.md §3.5; montana-aim.md §8.2):
 * a senior enrolled on the fall count date, gone before the spring count, who finished after the first
 * semester in exactly seven semesters and was not 19 by Sept 10. Criterion 5 (not also counted in the
 * spring count) is applied across rows by `countAnb`.
 */
export function checkEarlyGraduate(
  row: CountDateRow,
  countDate: IsoDate,
  settings: Pick<FundingSettings, 'ageCutoff' | 'ageLimit' | 'earlyGraduateSemesters'>,
): EarlyGraduateCheck {
  const info = row.earlyGraduate;
  const no = (reason: string): EarlyGraduateCheck => ({
    eligible: false,
    reason: `not an early graduate: ${reason}`,
  });
  if (!info) return no('no early-graduate record');
  if (row.grade !== '12') return no(`grade ${row.grade}, not a senior`);
  if (!info.enrolledOnFallCount) return no('not enrolled on the fall count date');
  if (info.diplomaDate >= countDate)
    return no(`diploma date ${info.diplomaDate} is not before the count date`);
  if (info.diplomaDate <= info.firstSemesterEnd)
    return no(`finished ${info.diplomaDate}, not after the first semester (ended ${info.firstSemesterEnd})`);
  if (info.semestersCompleted !== settings.earlyGraduateSemesters)
    return no(`${info.semestersCompleted} semesters, not exactly ${settings.earlyGraduateSemesters}`);
  const cutoff = cutoffInSchoolYear(countDate, settings.ageCutoff);
  if (ageOn(row.birthDate, cutoff) >= settings.ageLimit) return no(`${settings.ageLimit} by ${cutoff}`);
  return {
    eligible: true,
    reason: `early graduate: diploma ${info.diplomaDate} after ${info.semestersCompleted} semesters (20-9-313)`,
  };
}
