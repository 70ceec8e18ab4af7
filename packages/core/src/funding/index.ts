export type { MonthDay } from './grades.ts';
export { isKindergarten, budgetUnitOfGrade, ageOn, cutoffInSchoolYear } from './grades.ts';
export type { FundingSettings, AnbCapOrder, EsaTreatment, ThreeYearAveraging } from './settings.ts';
export { DEFAULT_FUNDING_SETTINGS, fundingSettings } from './settings.ts';
export type {
  CountDateRow,
  CountKind,
  LeftReason,
  EarlyGraduateInfo,
  AnbStatus,
  AnbLine,
  AnbCount,
  BudgetUnitCount,
} from './anb-types.ts';
export { hoursBand } from './anb-weight.ts';
export type { HoursBand } from './anb-weight.ts';
export { checkEarlyGraduate } from './early-graduates.ts';
export type { EarlyGraduateCheck } from './early-graduates.ts';
export { decideRow } from './anb-eligibility.ts';
export type { RowDecision } from './anb-eligibility.ts';
export { countAnb, unitCount } from './anb-count.ts';
export { districtAnb, budgetedAnb, roundTo } from './anb-district.ts';
export type { DistrictAnb, BudgetedAnb } from './anb-district.ts';
export { averageDailyAttendance, eoyAttendanceRate } from './ada.ts';
export type { AdaRow, AdaLine, AdaResult, EoyAttendanceRow, EoyAttendanceRate } from './ada.ts';
