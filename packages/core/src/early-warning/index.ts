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
export { fitEwsModel, scoreStudent, describeFeature, riskProbability, scoreWithReasons } from './scoring.ts';
export type { EwsLabelMapping, LastEnrollment, LabelExclusion, LabelOutcome } from './labels.ts';
export { horizonEnd, labelOf } from './labels.ts';
export type { EwsTerm, TermInputs } from './terms.ts';
export { inputsFromTerms } from './terms.ts';
export type {
  BandSettings,
  BandThresholds,
  RiskBand,
  AucWithInterval,
  FairnessRow,
  EwsEvaluation,
} from './evaluation.ts';
export { thresholdForSensitivity, bandOf, aucWithInterval, abcFlag, evaluateModel } from './evaluation.ts';
export type { EwsSettings, TrainingRow, EwsArtifact, TrainingOutcome, BandedScore } from './training.ts';
export {
  MIN_ROWS_PER_CLASS,
  horizonFor,
  trainGradeModel,
  evaluateRows,
  scoreWithArtifact,
} from './training.ts';
export type { RawFeatureInputs } from './terms.ts';
export { featuresFromStored } from './terms.ts';
export type { EwsTermTotals, TotalFeatureInputs } from './terms.ts';
export { totalsOfTerms, featuresFromTotals } from './terms.ts';
export type { AuditFacts } from './audit-groups.ts';
export { auditGroups } from './audit-groups.ts';
export type { UploadedEwsRow } from './uploaded.ts';
export { featuresFromUploaded, mobilitySpans, totalsOfUploaded } from './uploaded.ts';
