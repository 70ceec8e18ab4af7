import type { MonthDay } from '../funding/grades.ts';

/** Montana diploma kinds (montana-aim.md §2.10, §3.7; profiles/montana/code-sets/diploma-type.yaml). */
export type DiplomaKind = 'regular' | 'state-minimum-credit' | 'proficiency' | 'iep-goals';

/** How a rate is shown in a public report (decision 0039). */
export type RateDisplay = 'whole-percent' | 'federal-ranges';

/** Small-cell suppression rules for public reports (montana-facts.md §4 "Small-cell suppression") (0039). */
export type SuppressionSettings = {
  /** Counts from 1 to minimumN − 1 are suppressed (OPI report cards: fewer than 10). */
  minimumN: number;
  /** Suppress zero cells as well; off, as zeros reveal no one (NCES brief: only small denominators matter). */
  suppressZeros: boolean;
  /** Text shown instead of a suppressed value (OPI: an asterisk). */
  symbol: string;
  /** Rates at or below are shown as `≤5%` (bottom coding). */
  bottomCode: number;
  /** Rates at or above are shown as `≥95%` (top coding). */
  topCode: number;
  rateDisplay: RateDisplay;
};

/** Reporting rules the spec leaves open, as data, with the decision record of each field. */
export type ReportingSettings = {
  /** Absent on at least this share of days enrolled is chronic (montana-facts.md §3.10: 10%) (0038). */
  chronicAbsenceThreshold: number;
  /** Days enrolled at a school below which a student is not judged; the spec sets none (0038). */
  chronicAbsenceMinDaysEnrolled: number;
  /** Grades left out of chronic absence; FS195 counts K–12 (edfacts.md §8) (0038). */
  chronicAbsenceExcludedGrades: readonly string[];
  /** Diploma kinds that are a regular diploma for the ACGR (edfacts.md §7 COHYES) (0038). */
  acgrDiplomaKinds: readonly DiplomaKind[];
  /** Graduates up to this date after June 30 belong to the year just ended (montana-aim.md §2.2) (0038). */
  summerGraduateCutoff: MonthDay;
  /** Dropouts re-enrolled by this date after the year, with documentation, are not dropouts (§7.3) (0038). */
  dropoutReenrollmentCutoff: MonthDay;
  /** Pathway credits that make a CTE concentrator (montana-aim.md §2.6: 2.0) (0038). */
  cteConcentratorCredits: number;
  /** Resolution code → when it is reportable (montana-aim.md §2.7 S15; behavior-resolution.yaml) (0038). */
  behaviorReportable: Readonly<Record<string, 'always' | 'disability-only'>>;
  suppression: SuppressionSettings;
};

/** The defaults decision records 0038 and 0039 argue for. */
export const DEFAULT_REPORTING_SETTINGS: ReportingSettings = {
  chronicAbsenceThreshold: 0.1,
  chronicAbsenceMinDaysEnrolled: 1,
  chronicAbsenceExcludedGrades: ['PK'],
  acgrDiplomaKinds: ['regular', 'state-minimum-credit'],
  summerGraduateCutoff: { month: 8, day: 31 },
  dropoutReenrollmentCutoff: { month: 9, day: 30 },
  cteConcentratorCredits: 2,
  behaviorReportable: { OSS: 'always', EXP: 'always', IAES: 'always', ISS: 'disability-only' },
  suppression: {
    minimumN: 10,
    suppressZeros: false,
    symbol: '*',
    bottomCode: 0.05,
    topCode: 0.95,
    rateDisplay: 'whole-percent',
  },
};

/** Default settings with some fields replaced (tests and profile overrides). */
export function reportingSettings(overrides: Partial<ReportingSettings> = {}): ReportingSettings {
  return { ...DEFAULT_REPORTING_SETTINGS, ...overrides };
}
