// Logistic regression by IRLS (Newton–Raphson) with an unpenalised intercept and an optional ridge penalty,
// as recommended in early-warning.md §0.7 and §3 (design notes 1–5); reproduces R's glm on the UCLA data (§2).
// Separation and ill-conditioning come back as result kinds (docs/decisions/0033-logistic-fit-diagnostics.md).

import {
  allClassified,
  boundaryRows,
  buildDesign,
  deviance,
  linearPredictor,
  logistic,
  normalEquations,
  nullDeviance,
  penalty,
} from './irls.ts';
import type { Design } from './irls.ts';
import { choleskyInverse, choleskySolve, isFullRank, pivotedCholesky } from './linear-algebra.ts';
import type { PivotedCholesky } from './linear-algebra.ts';
import { INTERCEPT, LOGISTIC_DEFAULTS } from './logistic-types.ts';
import type {
  LogisticData,
  LogisticEstimates,
  LogisticIllConditioned,
  LogisticOptions,
  LogisticOutcome,
} from './logistic-types.ts';

type Settings = Required<LogisticOptions>;

/** One point of the iteration; `step` is the change of β that led here (empty at the start). */
type Iterate = { beta: Float64Array; eta: Float64Array; objective: number; step: Float64Array };

// Step halving gives up after this many halvings: the step is then below rounding of β.
const MAX_HALVINGS = 30;

/** Fits P(y = 1) = logistic(β₀ + Σ βⱼxⱼ); see the result kinds in logistic-types.ts. */
export function fitLogistic(data: LogisticData, options: LogisticOptions = {}): LogisticOutcome {
  const s: Settings = { ...LOGISTIC_DEFAULTS, ...options };
  if (!(s.l2 >= 0)) return { kind: 'invalid-input', message: `l2 must be ≥ 0, got ${s.l2}` };
  const d = buildDesign(data);
  if (typeof d === 'string') return { kind: 'invalid-input', message: d };
  return fitDesign(d, data.names, s);
}

/**
 * Fits a packed design (`names` without the intercept, in column order 1…q−1). The path for large training
 * sets: the caller fills one Float64Array instead of an array per row, which is most of the cost at 100k rows.
 */
export function fitLogisticDesign(
  d: Design,
  names: readonly string[],
  options: LogisticOptions = {},
): LogisticOutcome {
  const s: Settings = { ...LOGISTIC_DEFAULTS, ...options };
  if (!(s.l2 >= 0)) return { kind: 'invalid-input', message: `l2 must be ≥ 0, got ${s.l2}` };
  if (d.n === 0) return { kind: 'invalid-input', message: 'no rows' };
  return fitDesign(d, names, s);
}

function fitDesign(d: Design, predictors: readonly string[], s: Settings): LogisticOutcome {
  const names = [INTERCEPT, ...predictors];
  let current = evaluate(d, new Float64Array(d.q), s.l2);
  let iterations = 0;
  let converged = false;
  while (iterations < s.maxIterations) {
    const { g, h } = normalEquations(d, current.eta, current.beta, s.l2);
    const chol = pivotedCholesky(h, d.q, s.maxCondition);
    if (!isFullRank(chol)) return breakdown(d, current, chol, names, iterations, s);
    const next = lineSearch(d, current, choleskySolve(chol, g), s.l2);
    iterations++;
    const change = Math.abs(next.objective - current.objective) / (Math.abs(next.objective) + 0.1);
    current = next;
    if (change < s.tolerance) {
      converged = true;
      break;
    }
  }
  return finish(d, current, names, iterations, converged, s);
}

function evaluate(d: Design, beta: Float64Array, l2: number): Iterate {
  const eta = linearPredictor(d, beta);
  return { beta, eta, objective: deviance(d, eta) + penalty(beta, l2), step: new Float64Array(0) };
}

/** A full Newton step, halved while it raises the penalised deviance (early-warning.md §3, note 2). */
function lineSearch(d: Design, from: Iterate, step: Float64Array, l2: number): Iterate {
  let t = 1;
  for (let halvings = 0; ; halvings++) {
    const beta = from.beta.map((b, j) => b + t * step[j]!);
    const next = evaluate(d, beta, l2);
    if (next.objective <= from.objective || halvings === MAX_HALVINGS) {
      return { ...next, step: step.map((v) => t * v) };
    }
    t /= 2;
  }
}

/** At the last iterate: standard errors from the same Hessian, then the separation test (one probe step). */
function finish(
  d: Design,
  at: Iterate,
  names: string[],
  iterations: number,
  converged: boolean,
  s: Settings,
): LogisticOutcome {
  const { g, h } = normalEquations(d, at.eta, at.beta, s.l2);
  const chol = pivotedCholesky(h, d.q, s.maxCondition);
  if (!isFullRank(chol)) return breakdown(d, at, chol, names, iterations, s);
  const estimates = estimatesAt(d, at, chol, names, iterations, converged, s.l2, s.boundaryEpsilon);
  // Near an optimum each Newton step is far smaller than the one before (quadratic convergence). Along a
  // separating direction the steps stay the same size for ever (each gains a constant amount of η), however
  // small the deviance change is; a fit merely stopped early by maxIterations still has shrinking steps.
  const probe = choleskySolve(chol, g);
  const diverging = names.filter((_, j) => {
    const moving = Math.abs(probe[j]!) * d.sd[j]! > s.divergenceThreshold;
    return moving && Math.abs(probe[j]!) > 0.5 * Math.abs(at.step[j] ?? Infinity);
  });
  const separated = diverging.length > 0 || (estimates.boundaryRows > 0 && !converged);
  if (!separated) return { kind: 'fitted', ...estimates };
  return {
    kind: 'separation',
    separation: allClassified(d, at.eta) ? 'complete' : 'quasi-complete',
    diverging,
    boundaryRows: estimates.boundaryRows,
    lastIterate: estimates,
  };
}

function estimatesAt(
  d: Design,
  at: Iterate,
  chol: PivotedCholesky,
  names: string[],
  iterations: number,
  converged: boolean,
  l2: number,
  boundaryEpsilon: number,
): LogisticEstimates {
  const inverse = choleskyInverse(chol);
  const standardErrors = new Float64Array(d.q);
  for (let j = 0; j < d.q; j++) standardErrors[j] = Math.sqrt(Math.max(0, inverse[j * d.q + j]!));
  const dev = deviance(d, at.eta);
  return {
    names,
    coefficients: at.beta,
    standardErrors,
    penalised: l2 > 0,
    l2,
    deviance: dev,
    nullDeviance: nullDeviance(d),
    logLikelihood: -dev / 2,
    aic: dev + 2 * d.q,
    iterations,
    converged,
    condition: chol.condition,
    boundaryRows: boundaryRows(at.eta, boundaryEpsilon),
    observations: d.n,
  };
}

/**
 * X'WX became singular. At the start (or with no row at the boundary) the columns themselves are dependent.
 * Later, with rows fitted at 0/1, the weights collapsed because the outcomes are separated.
 */
function breakdown(
  d: Design,
  at: Iterate,
  chol: PivotedCholesky,
  names: string[],
  iterations: number,
  s: Settings,
): LogisticOutcome {
  const atBoundary = boundaryRows(at.eta, s.boundaryEpsilon);
  if (iterations > 0 && atBoundary > 0) {
    const lastIterate: LogisticEstimates = {
      ...estimatesWithoutInverse(d, at, names, iterations, s),
      condition: chol.condition,
      boundaryRows: atBoundary,
    };
    return {
      kind: 'separation',
      separation: allClassified(d, at.eta) ? 'complete' : 'quasi-complete',
      // The Hessian is unusable, so judge divergence by the step that led here.
      diverging: names.filter((_, j) => Math.abs(at.step[j] ?? 0) * d.sd[j]! > s.divergenceThreshold),
      boundaryRows: atBoundary,
      lastIterate,
    };
  }
  const dependent = chol.dependent.map((j) => names[j]!);
  const report: LogisticIllConditioned = {
    kind: 'ill-conditioned',
    condition: chol.condition,
    dependent,
    iterations,
  };
  return report;
}

function estimatesWithoutInverse(
  d: Design,
  at: Iterate,
  names: string[],
  iterations: number,
  s: Settings,
): Omit<LogisticEstimates, 'condition' | 'boundaryRows'> {
  const dev = deviance(d, at.eta);
  return {
    names,
    coefficients: at.beta,
    standardErrors: new Float64Array(d.q).fill(Number.NaN),
    penalised: s.l2 > 0,
    l2: s.l2,
    deviance: dev,
    nullDeviance: nullDeviance(d),
    logLikelihood: -dev / 2,
    aic: dev + 2 * d.q,
    iterations,
    converged: false,
    observations: d.n,
  };
}

/** P(y = 1) for one row of predictors (without the intercept) under fitted coefficients (intercept first). */
export function predictProbability(coefficients: ArrayLike<number>, row: readonly number[]): number {
  let eta = coefficients[0]!;
  for (let j = 0; j < row.length; j++) eta += coefficients[j + 1]! * row[j]!;
  return logistic(eta);
}
