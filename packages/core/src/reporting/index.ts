export type { DiplomaKind, RateDisplay, SuppressionSettings, ReportingSettings } from './settings.ts';
export { DEFAULT_REPORTING_SETTINGS, reportingSettings } from './settings.ts';
export { chronicAbsence } from './chronic-absence.ts';
export type { ChronicAbsenceRow, ChronicAbsenceLine, ChronicAbsenceResult } from './chronic-absence.ts';
export { graduationCohort, graduationYearOf } from './graduation-cohort.ts';
export type {
  CohortStudent,
  CohortRemovalReason,
  CohortStatus,
  CohortLine,
  GraduationCohort,
} from './graduation-cohort.ts';
export { countDropouts } from './dropouts.ts';
export type { DropoutRow, DropoutLine, DropoutGroup, DropoutResult, EndStatusFamily } from './dropouts.ts';
export { cteConcentrators } from './cte-concentrators.ts';
export type { CtePathwayRow, CteLine, CteResult } from './cte-concentrators.ts';
export { reportableBehavior } from './behavior.ts';
export type { BehaviorRow, BehaviorLine, BehaviorResult, RemovalLengths } from './behavior.ts';
export { suppressTable, publishRate } from './suppression.ts';
export type {
  CountTable,
  SuppressionKind,
  PublishedCell,
  SuppressedTable,
  PublishedRate,
} from './suppression.ts';
