import type { IsoDate } from '../dates.ts';
import type { MonthDay } from './grades.ts';

/** How one pupil's enrollments share the 1.0 cap when they add up to more (decision 0036). */
export type AnbCapOrder = 'primary-first' | 'proportional';

/** What ESA-flagged enrollments do in the count (decision 0035). */
export type EsaTreatment = 'count' | 'exclude';

/** Which ANB a budget unit budgets on (decision 0037). */
export type ThreeYearAveraging = 'greater-of-current-and-average' | 'current-only';

/**
 * Funding rules the statute text we hold leaves open, as data. Each field names its decision record;
 * the defaults are `DEFAULT_FUNDING_SETTINGS`.
 */
export type FundingSettings = {
  /** Lowest hours of the 0.25 band: 180 in current 20-9-311(4)(a), 181 in the 2005 text (0035). */
  quarterBandMinHours: number;
  /** Consecutive absences a counted pupil may have; one more excludes (ARM 10.20.102(4)(b): 10) (0035). */
  maxConsecutiveAbsences: number;
  /** Age cut-off date in the school year (20-5-101(1)(a): Sept 10) (0035). */
  ageCutoff: MonthDay;
  /** Kindergartners younger than this on the cut-off need board permission (montana-aim.md §8.1) (0035). */
  kindergartenMinAge: number;
  /** Pupils this old on the cut-off count only with the "Age 19 or 20 Eligible" flag (facts §3.4) (0035). */
  ageLimit: number;
  /** Count dates on or after this count PK special-education pupils by hours (HB 168, 2025) (0035). */
  pkSpecialEducationFrom: IsoDate;
  /** ESA-flagged enrollments: counted by hours and tallied, or left out (0035). */
  esa: EsaTreatment;
  /** Order in which a pupil's enrollments fill the 1.0 cap (20-9-311(4)(e)(i)) (0036). */
  capOrder: AnbCapOrder;
  /** Semesters an early graduate must have taken: exactly seven (20-9-313; facts §3.5) (0036). */
  earlyGraduateSemesters: number;
  /** Most approved PIR days the multiplier may use (20-9-311(2): 7) (0037). */
  maxPirDays: number;
  /** Current ANB or the greater of it and the 3-year average (facts §3.6; gaps-2 §5.2) (0037). */
  threeYearAveraging: ThreeYearAveraging;
  /** Decimals of the published ANB; full precision is kept alongside (gaps-2 §5.5) (0037). */
  anbDecimals: number;
  /** Round each year's ANB before the 3-year average instead of averaging full precision (0037). */
  roundBeforeAveraging: boolean;
  /** Kindergarten at or above these hours is full-time for ADA; below is half-time (ARM 10.15.101(3)) (0038). */
  fullTimeKindergartenHours: number;
  /** Service types whose EOY days enter the attendance rate: P since 2025, P and S in 2017 (§2.4) (0038). */
  eoyServiceTypes: readonly string[];
};

/** The defaults the decision records 0035–0038 argue for. */
export const DEFAULT_FUNDING_SETTINGS: FundingSettings = {
  quarterBandMinHours: 180,
  maxConsecutiveAbsences: 10,
  ageCutoff: { month: 9, day: 10 },
  kindergartenMinAge: 5,
  ageLimit: 19,
  pkSpecialEducationFrom: '2025-07-01',
  esa: 'count',
  capOrder: 'primary-first',
  earlyGraduateSemesters: 7,
  maxPirDays: 7,
  threeYearAveraging: 'greater-of-current-and-average',
  anbDecimals: 2,
  roundBeforeAveraging: false,
  fullTimeKindergartenHours: 720,
  eoyServiceTypes: ['P'],
};

/** Default settings with some fields replaced (tests and profile overrides). */
export function fundingSettings(overrides: Partial<FundingSettings> = {}): FundingSettings {
  return { ...DEFAULT_FUNDING_SETTINGS, ...overrides };
}
