export type {
  LogisticData,
  LogisticOptions,
  LogisticEstimates,
  LogisticFit,
  LogisticSeparation,
  LogisticIllConditioned,
  LogisticInvalidInput,
  LogisticOutcome,
} from './logistic-types.ts';
export { LOGISTIC_DEFAULTS, INTERCEPT } from './logistic-types.ts';
export { fitLogistic, predictProbability } from './logistic.ts';
export type { PivotedCholesky } from './linear-algebra.ts';
export { pivotedCholesky, choleskySolve, choleskyInverse, isFullRank } from './linear-algebra.ts';
export type { Confusion, Rates, CalibrationBin, GroupFairness } from './metrics.ts';
export {
  auc,
  brierScore,
  logLoss,
  calibrationTable,
  confusionAt,
  rates,
  fairnessByGroup,
} from './metrics.ts';
export type {
  EwsGrade,
  EnrollmentSpan,
  AttendancePeriod,
  BehaviorResolution,
  BehaviorEvent,
  CourseMark,
  StudentFeatureInputs,
  AuditAttributes,
  FeatureName,
  FeatureVector,
} from './features.ts';
export { FEATURE_NAMES, featureNamesForGrade, featuresAsOf } from './features.ts';
export type { FeatureSpec } from './feature-spec.ts';
export { fitFeatureSpec, scaleFeatures } from './feature-spec.ts';
export type { EwsModel, EwsModelOutcome, Contribution, RiskScore } from './scoring.ts';
export { fitEwsModel, scoreStudent, describeFeature } from './scoring.ts';
