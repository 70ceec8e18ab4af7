// Fitting a grade's model on standardised features and scoring a student with plain-language reasons
// (early-warning.md §5.3). A contribution is βⱼ·(xⱼ − mean)/sdⱼ: the doc's βⱼ·(xⱼ − reference) with the
// training mean as the statewide reference (decision 0032), so reasons compare the student with the state.

import { scaleFeatures } from './feature-spec.ts';
import type { FeatureSpec } from './feature-spec.ts';
import type { EwsGrade, FeatureName, FeatureVector } from './features.ts';
import { featureNamesForGrade } from './features.ts';
import { logistic } from './irls.ts';
import { fitLogisticDesign } from './logistic.ts';
import { standardisedDesign } from './standardised-design.ts';
import type { LogisticFit, LogisticOptions, LogisticOutcome } from './logistic-types.ts';

/** A frozen model: spec, intercept and one coefficient per spec name (on the standardised scale). */
export type EwsModel = {
  readonly spec: FeatureSpec;
  readonly intercept: number;
  readonly coefficients: readonly number[];
  /** Ridge λ on the standardised scale (glmnet-style), stored because it means nothing without the scale. */
  readonly l2: number;
};

/** A fitted model, or the fit outcome that stopped it (separation, ill-conditioning, invalid input). */
export type EwsModelOutcome =
  { kind: 'model'; model: EwsModel; fit: LogisticFit } | Exclude<LogisticOutcome, LogisticFit>;

/** One feature's share of a student's risk, on the log-odds scale. */
export type Contribution = {
  feature: FeatureName;
  value: number | null;
  contribution: number;
  /** Plain-language reason, e.g. "attendance 81% (state mean 94%)". */
  text: string;
};

/** A student's risk: probability of dropping out, every contribution (largest first) and the top reasons. */
export type RiskScore = { probability: number; contributions: Contribution[]; reasons: string[] };

/** Fits one grade's model: learns the scaling from the rows, then the logistic fit on the scaled columns. */
export function fitEwsModel(
  grade: EwsGrade,
  rows: readonly FeatureVector[],
  outcomes: readonly number[],
  options: LogisticOptions = {},
): EwsModelOutcome {
  const packed = standardisedDesign(grade, featureNamesForGrade(grade), rows, outcomes);
  if (typeof packed === 'string') return { kind: 'invalid-input', message: packed };
  const { spec, design } = packed;
  const outcome = fitLogisticDesign(design, spec.names, options);
  if (outcome.kind !== 'fitted') return outcome;
  const coefficients = Array.from(outcome.coefficients.subarray(1));
  const model = { spec, intercept: outcome.coefficients[0]!, coefficients, l2: outcome.l2 };
  return { kind: 'model', model, fit: outcome };
}

/**
 * Scores one student. Reasons are the `top` largest risk-raising contributions; a feature at or below the
 * state mean, or missing, never becomes a reason.
 */
export function scoreStudent(model: EwsModel, vector: FeatureVector, top = 3): RiskScore {
  const scaled = scaleFeatures(model.spec, vector);
  let eta = model.intercept;
  const contributions = model.spec.names.map((feature, j): Contribution => {
    const contribution = model.coefficients[j]! * scaled[j]!;
    eta += contribution;
    const value = vector[feature];
    return { feature, value, contribution, text: describeFeature(feature, value, model.spec.means[j]!) };
  });
  contributions.sort((a, b) => b.contribution - a.contribution);
  const reasons = contributions
    .filter((c) => c.contribution > 0 && c.value !== null)
    .slice(0, top)
    .map((c) => c.text);
  return { probability: logistic(eta), contributions, reasons };
}

/** The probability alone: the linear predictor without building reasons (evaluation over many rows). */
export function riskProbability(model: EwsModel, vector: FeatureVector): number {
  const { names, means, sds } = model.spec;
  let eta = model.intercept;
  for (let j = 0; j < names.length; j++) {
    const v = vector[names[j]!];
    if (v !== null) eta += (model.coefficients[j]! * (v - means[j]!)) / sds[j]!;
  }
  return logistic(eta);
}

/**
 * The probability and only the top `top` reasons, worded for those alone: the same result as `scoreStudent`'s
 * probability and reasons, at a fraction of the cost when a whole state is scored.
 */
export function scoreWithReasons(
  model: EwsModel,
  vector: FeatureVector,
  top = 3,
): { probability: number; reasons: string[] } {
  const { names, means, sds } = model.spec;
  let eta = model.intercept;
  const positive: { j: number; c: number }[] = [];
  for (let j = 0; j < names.length; j++) {
    const v = vector[names[j]!];
    if (v === null) continue;
    const c = (model.coefficients[j]! * (v - means[j]!)) / sds[j]!;
    eta += c;
    if (c > 0) positive.push({ j, c });
  }
  positive.sort((a, b) => b.c - a.c);
  const reasons = positive
    .slice(0, top)
    .map(({ j }) => describeFeature(names[j]!, vector[names[j]!]!, means[j]!));
  return { probability: logistic(eta), reasons };
}

const percent = (v: number): string => `${Math.round(v * 100)}%`;
const oneDecimal = (v: number): string => (Math.round(v * 10) / 10).toFixed(1);
const count = (v: number, one: string, many: string): string => `${v} ${v === 1 ? one : many}`;

/** The sentence shown for one feature; the mean of a 0/1 flag is read as a share of students. */
export function describeFeature(feature: FeatureName, value: number | null, mean: number): string {
  const state = `(state mean ${oneDecimal(mean)})`;
  if (value === null) return `${LABELS[feature]} not recorded yet`;
  switch (feature) {
    case 'attendanceRate':
      return `attendance ${percent(value)} (state mean ${percent(mean)})`;
    case 'chronicAbsence':
      return value === 1
        ? `chronically absent: missed 10% or more of days (${percent(mean)} of students statewide)`
        : `not chronically absent (${percent(mean)} of students statewide are)`;
    case 'overAge':
      return value === 1
        ? `a year or more older than usual for the grade (${percent(mean)} of students statewide)`
        : `usual age for the grade`;
    case 'behaviorEvents':
      return `${count(value, 'behavior incident', 'behavior incidents')} this year ${state}`;
    case 'suspensionDays':
      return `${count(value, 'day', 'days')} suspended or expelled this year ${state}`;
    case 'courseFailures':
      return `${count(value, 'course failed', 'courses failed')} this year ${state}`;
    case 'creditsEarned':
      return `${oneDecimal(value)} high-school credits earned ${state}`;
    case 'schoolChangesThisYear':
      return `${count(value, 'school change', 'school changes')} this year ${state}`;
    case 'schoolChangesLastYear':
      return `${count(value, 'school change', 'school changes')} last year ${state}`;
    case 'districtChangesThisYear':
      return `${count(value, 'district change', 'district changes')} this year ${state}`;
    case 'districtChangesLastYear':
      return `${count(value, 'district change', 'district changes')} last year ${state}`;
  }
}

const LABELS: Record<FeatureName, string> = {
  attendanceRate: 'attendance',
  chronicAbsence: 'chronic absence',
  behaviorEvents: 'behavior incidents',
  suspensionDays: 'suspension days',
  courseFailures: 'course failures',
  creditsEarned: 'credits',
  schoolChangesThisYear: 'school changes this year',
  schoolChangesLastYear: 'school changes last year',
  districtChangesThisYear: 'district changes this year',
  districtChangesLastYear: 'district changes last year',
  overAge: 'age for grade',
};
