// The numeric kernels of IRLS: one pass over the rows per Newton step, on a row-major Float64Array design
// with an explicit intercept column (early-warning.md §3, note 1).

import type { LogisticData } from './logistic-types.ts';

/** The design matrix n × q (q = predictors + 1, column 0 = intercept) and the outcomes. */
export type Design = {
  readonly x: Float64Array;
  readonly y: Float64Array;
  readonly n: number;
  readonly q: number;
  /** Standard deviation of each column (intercept: 1), to judge divergence per unit of spread. */
  readonly sd: Float64Array;
};

// exp(±36) is where 1 − μ rounds to 1 − 2^-52 (R's binomial linkinv clamps η at the same place); clamping keeps
// IRLS weights positive without changing any fit that has a maximum.
const ETA_CLAMP = 36;

/** Packs the rows, or returns a message saying why the data cannot be fitted. */
export function buildDesign(data: LogisticData): Design | string {
  const n = data.rows.length;
  const p = data.names.length;
  const q = p + 1;
  if (n === 0) return 'no rows';
  if (data.outcomes.length !== n) return `outcomes has ${data.outcomes.length} values for ${n} rows`;
  const x = new Float64Array(n * q);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const row = data.rows[i]!;
    if (row.length !== p) return `row ${i + 1} has ${row.length} values for ${p} names`;
    const yi = data.outcomes[i]!;
    if (yi !== 0 && yi !== 1) return `outcome of row ${i + 1} is ${yi}, not 0 or 1`;
    y[i] = yi;
    x[i * q] = 1;
    for (let j = 0; j < p; j++) {
      const v = row[j]!;
      if (!Number.isFinite(v)) return `row ${i + 1}, ${data.names[j]}: ${v} is not a finite number`;
      x[i * q + j + 1] = v;
    }
  }
  return designOf(x, y, n, q);
}

/** A design over already packed, finite columns (column 0 = 1): callers that build `x` themselves skip the copy. */
export function designOf(x: Float64Array, y: Float64Array, n: number, q: number): Design {
  return { x, y, n, q, sd: columnSds(x, n, q) };
}

function columnSds(x: Float64Array, n: number, q: number): Float64Array {
  const sd = new Float64Array(q);
  sd[0] = 1;
  for (let j = 1; j < q; j++) {
    let mean = 0;
    for (let i = 0; i < n; i++) mean += x[i * q + j]!;
    mean /= n;
    let ss = 0;
    for (let i = 0; i < n; i++) ss += (x[i * q + j]! - mean) ** 2;
    sd[j] = Math.sqrt(ss / Math.max(1, n - 1));
  }
  return sd;
}

/** log(1 + e^t) without overflow. */
export function softplus(t: number): number {
  return t > 0 ? t + Math.log1p(Math.exp(-t)) : Math.log1p(Math.exp(t));
}

/** The inverse logit 1 / (1 + e^-η). */
export function logistic(eta: number): number {
  return 1 / (1 + Math.exp(-eta));
}

/** Linear predictor η = Xβ. */
export function linearPredictor(d: Design, beta: Float64Array): Float64Array {
  const eta = new Float64Array(d.n);
  for (let i = 0; i < d.n; i++) {
    let s = 0;
    for (let j = 0; j < d.q; j++) s += d.x[i * d.q + j]! * beta[j]!;
    eta[i] = s;
  }
  return eta;
}

/** Binomial deviance −2·loglik from η, computed on the log scale so μ = 0 or 1 never gives log(0). */
export function deviance(d: Design, eta: Float64Array): number {
  let dev = 0;
  for (let i = 0; i < d.n; i++) dev += 2 * softplus(d.y[i] === 1 ? -eta[i]! : eta[i]!);
  return dev;
}

/** The ridge term λ·Σ βⱼ² (slopes only) that turns the deviance into the penalised objective. */
export function penalty(beta: Float64Array, l2: number): number {
  let s = 0;
  for (let j = 1; j < beta.length; j++) s += beta[j]! * beta[j]!;
  return l2 * s;
}

/** Deviance of the intercept-only model: the baseline every predictor must beat. */
export function nullDeviance(d: Design): number {
  let ones = 0;
  for (let i = 0; i < d.n; i++) ones += d.y[i]!;
  const m = ones / d.n;
  if (m === 0 || m === 1) return 0;
  return -2 * (ones * Math.log(m) + (d.n - ones) * Math.log(1 - m));
}

/** Rows with |η| beyond logit(1 − ε): fitted probability numerically 0 or 1. */
export function boundaryRows(eta: Float64Array, epsilon: number): number {
  const limit = Math.log((1 - epsilon) / epsilon);
  let count = 0;
  for (const e of eta) if (Math.abs(e) > limit) count++;
  return count;
}

/** True when every row falls on its own side of 0.5 (complete separation once coefficients diverge). */
export function allClassified(d: Design, eta: Float64Array): boolean {
  for (let i = 0; i < d.n; i++) if ((eta[i]! > 0 ? 1 : 0) !== d.y[i]) return false;
  return true;
}

/**
 * Gradient g = X'(y − μ) − λβ and Hessian H = X'WX + λI (slopes only) of the penalised log-likelihood, in one
 * pass over the rows. Only the upper triangle is accumulated, then mirrored, so H is exactly symmetric.
 */
export function normalEquations(
  d: Design,
  eta: Float64Array,
  beta: Float64Array,
  l2: number,
): { g: Float64Array; h: Float64Array } {
  const { q, x } = d;
  const g = new Float64Array(q);
  const h = new Float64Array(q * q);
  for (let i = 0; i < d.n; i++) {
    const mu = logistic(Math.max(-ETA_CLAMP, Math.min(ETA_CLAMP, eta[i]!)));
    const w = mu * (1 - mu);
    const r = d.y[i]! - mu;
    const base = i * q;
    for (let j = 0; j < q; j++) {
      const xj = x[base + j]!;
      g[j] = g[j]! + xj * r;
      const wx = w * xj;
      for (let k = j; k < q; k++) h[j * q + k] = h[j * q + k]! + wx * x[base + k]!;
    }
  }
  for (let j = 1; j < q; j++) {
    g[j] = g[j]! - l2 * beta[j]!;
    h[j * q + j] = h[j * q + j]! + l2;
  }
  for (let j = 0; j < q; j++) for (let k = 0; k < j; k++) h[j * q + k] = h[k * q + j]!;
  return { g, h };
}
