// Inputs, options and outcomes of the logistic fit. Separation and ill-conditioning are expected on small
// Montana schools with many dummies (early-warning.md §3, note 5), so they are result kinds, not exceptions.

/** Training data: predictor names in column order, one row per student, outcomes 0/1. No intercept column. */
export type LogisticData = {
  readonly names: readonly string[];
  readonly rows: readonly (readonly number[])[];
  readonly outcomes: readonly number[];
};

/** Fit settings; every field has a default (see `LOGISTIC_DEFAULTS`). */
export type LogisticOptions = {
  /** Ridge λ: the objective is loglik − (λ/2)·Σ βⱼ² over the slopes only, on the scale the columns are given. */
  readonly l2?: number;
  readonly maxIterations?: number;
  /** Stop when |Δ penalised deviance| / (|penalised deviance| + 0.1) falls below this (R's glm criterion). */
  readonly tolerance?: number;
  /** Largest acceptable condition estimate of the equilibrated X'WX (+ penalty). */
  readonly maxCondition?: number;
  /** A fitted probability within this of 0 or 1 counts as "numerically 0 or 1". */
  readonly boundaryEpsilon?: number;
  /** A coefficient diverges when one more Newton step still moves ηᵢ by more than this per SD of its column. */
  readonly divergenceThreshold?: number;
};

/** Defaults: R's maxit 25; the 1e-10 stop of early-warning.md §2.4; thresholds per docs/decisions/0033. */
export const LOGISTIC_DEFAULTS = {
  l2: 0,
  maxIterations: 25,
  tolerance: 1e-10,
  maxCondition: 1e10,
  boundaryEpsilon: 1e-10,
  divergenceThreshold: 1e-3,
} as const satisfies Required<LogisticOptions>;

/** The estimates at the last iterate, whatever the outcome. `names[0]` is "(Intercept)". */
export type LogisticEstimates = {
  readonly names: readonly string[];
  readonly coefficients: Float64Array;
  /**
   * sqrt(diag((X'WX + Λ)⁻¹)). Ordinary Wald SEs when λ = 0; with a penalty they are the penalised
   * (Bayesian-style) SEs, which understate bias — see `penalised` and early-warning.md §3, note 4.
   */
  readonly standardErrors: Float64Array;
  readonly penalised: boolean;
  readonly l2: number;
  /** −2·loglik, without the penalty. */
  readonly deviance: number;
  readonly nullDeviance: number;
  readonly logLikelihood: number;
  /** deviance + 2·(number of coefficients); for a penalised fit this ignores the shrinkage (no effective df). */
  readonly aic: number;
  readonly iterations: number;
  readonly converged: boolean;
  /** Condition estimate of the equilibrated X'WX (+ penalty) at the last iterate. */
  readonly condition: number;
  /** Rows whose fitted probability is within `boundaryEpsilon` of 0 or 1. */
  readonly boundaryRows: number;
  readonly observations: number;
};

/** A usable fit. */
export type LogisticFit = LogisticEstimates & { readonly kind: 'fitted' };

/** Some linear combination of predictors separates (or almost separates) the outcomes: the MLE does not exist. */
export type LogisticSeparation = {
  readonly kind: 'separation';
  /** complete: every row is classified correctly at 0.5; quasi-complete: only some rows are fitted exactly. */
  readonly separation: 'complete' | 'quasi-complete';
  /** Names of the coefficients still moving after the last step (they would grow without bound). */
  readonly diverging: readonly string[];
  readonly boundaryRows: number;
  /** The last iterate, for diagnosis only: do not score with it; refit with `l2` > 0 or collapse categories. */
  readonly lastIterate: LogisticEstimates;
};

/** X'WX (+ penalty) is singular or nearly so: some columns are (almost) linear combinations of others. */
export type LogisticIllConditioned = {
  readonly kind: 'ill-conditioned';
  readonly condition: number;
  /** Columns the pivoted Cholesky could not use, e.g. the second of two duplicated columns. */
  readonly dependent: readonly string[];
  readonly iterations: number;
};

/** The data cannot be fitted at all (ragged rows, outcome not 0/1, non-finite values, no rows). */
export type LogisticInvalidInput = { readonly kind: 'invalid-input'; readonly message: string };

/** Every outcome of `fitLogistic`. */
export type LogisticOutcome =
  LogisticFit | LogisticSeparation | LogisticIllConditioned | LogisticInvalidInput;

/** Name of the intercept coefficient, as R prints it. */
export const INTERCEPT = '(Intercept)';
