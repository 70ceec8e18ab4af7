// Evaluation metrics of early-warning.md §4: discrimination (§4.2), calibration (§4.3) and per-subgroup
// accuracy (§4.4). Inputs are parallel arrays: predicted probabilities and observed outcomes (1 = dropped out).
// Mismatched lengths are a caller bug and throw; empty groups or one-class data give `null`, not NaN.
// Conventions (ties, bins, signs) are in docs/decisions/0034-ews-evaluation-metrics.md.

/** Counts at a flag threshold; a student is flagged when p ≥ threshold. */
export type Confusion = { tp: number; fp: number; tn: number; fn: number };

/** Rates derived from a confusion table; `null` where the denominator is zero. */
export type Rates = {
  /** PPV: share of flagged students who did drop out (The Markup's "wrong 3 in 4 times" is 1 − this). */
  precision: number | null;
  /** Sensitivity / TPR. */
  recall: number | null;
  falsePositiveRate: number | null;
  falseNegativeRate: number | null;
  specificity: number | null;
  flagRate: number | null;
  baseRate: number | null;
};

/** One row of a reliability table. */
export type CalibrationBin = {
  bin: number;
  count: number;
  minPredicted: number;
  maxPredicted: number;
  meanPredicted: number;
  observedRate: number;
};

/** Accuracy of one audit group (race/ethnicity, FRL, EL, …) at the flag threshold (early-warning.md §4.4). */
export type GroupFairness = {
  group: string;
  count: number;
  positives: number;
  baseRate: number;
  flagRate: number;
  tpr: number | null;
  fpr: number | null;
  fnr: number | null;
  ppv: number | null;
  meanPredicted: number;
  /** meanPredicted − baseRate: positive when the model over-predicts dropout for the group. */
  calibrationInTheLarge: number;
  auc: number | null;
};

function checkLengths(p: readonly number[], y: readonly number[]): void {
  if (p.length !== y.length) throw new RangeError(`${p.length} predictions for ${y.length} outcomes`);
}

function ratio(a: number, b: number): number | null {
  return b === 0 ? null : a / b;
}

/**
 * ROC AUC in its Mann–Whitney form with tied scores counted as ½ (early-warning.md §4.2): the chance that a
 * random dropout scores above a random graduate. `null` when either class is absent.
 */
export function auc(scores: readonly number[], outcomes: readonly number[]): number | null {
  checkLengths(scores, outcomes);
  const order = scores.map((_, i) => i).sort((a, b) => scores[a]! - scores[b]!);
  let positives = 0;
  let rankSum = 0;
  for (let start = 0; start < order.length;) {
    let end = start;
    while (end + 1 < order.length && scores[order[end + 1]!] === scores[order[start]!]) end++;
    const midrank = (start + end) / 2 + 1;
    for (let k = start; k <= end; k++) {
      if (outcomes[order[k]!] === 1) {
        positives++;
        rankSum += midrank;
      }
    }
    start = end + 1;
  }
  const negatives = order.length - positives;
  if (positives === 0 || negatives === 0) return null;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/** Mean squared error of the probabilities (early-warning.md §4.3); `null` for no rows. */
export function brierScore(p: readonly number[], y: readonly number[]): number | null {
  checkLengths(p, y);
  let s = 0;
  for (let i = 0; i < p.length; i++) s += (p[i]! - y[i]!) ** 2;
  return ratio(s, p.length);
}

/** Mean negative log-likelihood; probabilities are clipped to [ε, 1 − ε] so one confident miss stays finite. */
export function logLoss(p: readonly number[], y: readonly number[], epsilon = 1e-15): number | null {
  checkLengths(p, y);
  let s = 0;
  for (let i = 0; i < p.length; i++) {
    const q = Math.min(1 - epsilon, Math.max(epsilon, p[i]!));
    s -= y[i] === 1 ? Math.log(q) : Math.log(1 - q);
  }
  return ratio(s, p.length);
}

/**
 * Reliability table over equal-count bins of predicted risk (deciles by default; early-warning.md §4.3). Tied
 * predictions stay in one bin, so the table does not depend on row order; bins emptied by ties are dropped.
 */
export function calibrationTable(p: readonly number[], y: readonly number[], bins = 10): CalibrationBin[] {
  checkLengths(p, y);
  const order = p.map((_, i) => i).sort((a, b) => p[a]! - p[b]!);
  const n = order.length;
  const rows: CalibrationBin[] = [];
  let current: CalibrationBin | null = null;
  let sumP = 0;
  let sumY = 0;
  for (let k = 0; k < n; k++) {
    const i = order[k]!;
    const previous: CalibrationBin | null = current;
    const bin: number =
      previous !== null && p[i] === previous.maxPredicted ? previous.bin : Math.floor((k * bins) / n) + 1;
    if (current === null || bin !== current.bin) {
      current = {
        bin,
        count: 0,
        minPredicted: p[i]!,
        maxPredicted: p[i]!,
        meanPredicted: 0,
        observedRate: 0,
      };
      rows.push(current);
      sumP = 0;
      sumY = 0;
    }
    current.count++;
    current.maxPredicted = p[i]!;
    sumP += p[i]!;
    sumY += y[i]!;
    current.meanPredicted = sumP / current.count;
    current.observedRate = sumY / current.count;
  }
  return rows;
}

/** Confusion counts with students flagged at p ≥ threshold. */
export function confusionAt(p: readonly number[], y: readonly number[], threshold: number): Confusion {
  checkLengths(p, y);
  const c: Confusion = { tp: 0, fp: 0, tn: 0, fn: 0 };
  for (let i = 0; i < p.length; i++) {
    const flagged = p[i]! >= threshold;
    if (y[i] === 1) {
      if (flagged) c.tp++;
      else c.fn++;
    } else if (flagged) c.fp++;
    else c.tn++;
  }
  return c;
}

/** Precision, recall, FPR, FNR, specificity, flag rate and base rate of a confusion table. */
export function rates(c: Confusion): Rates {
  const n = c.tp + c.fp + c.tn + c.fn;
  return {
    precision: ratio(c.tp, c.tp + c.fp),
    recall: ratio(c.tp, c.tp + c.fn),
    falsePositiveRate: ratio(c.fp, c.fp + c.tn),
    falseNegativeRate: ratio(c.fn, c.tp + c.fn),
    specificity: ratio(c.tn, c.fp + c.tn),
    flagRate: ratio(c.tp + c.fp, n),
    baseRate: ratio(c.tp + c.fn, n),
  };
}

/**
 * Per-group accuracy for the fairness audit (early-warning.md §4.4). Groups are audit labels passed alongside
 * the predictions, never model inputs; small-cell suppression is the report's job, so counts are returned.
 * Rows come back sorted by group label.
 */
export function fairnessByGroup(
  p: readonly number[],
  y: readonly number[],
  groups: readonly string[],
  threshold: number,
): GroupFairness[] {
  checkLengths(p, y);
  if (groups.length !== p.length)
    throw new RangeError(`${groups.length} group labels for ${p.length} predictions`);
  const members = new Map<string, number[]>();
  groups.forEach((g, i) => {
    const list = members.get(g);
    if (list) list.push(i);
    else members.set(g, [i]);
  });
  return [...members.keys()].sort().map((group) => {
    const idx = members.get(group)!;
    const gp = idx.map((i) => p[i]!);
    const gy = idx.map((i) => y[i]!);
    const r = rates(confusionAt(gp, gy, threshold));
    const meanPredicted = gp.reduce((s, v) => s + v, 0) / idx.length;
    const positives = gy.reduce((s, v) => s + v, 0);
    const baseRate = positives / idx.length;
    return {
      group,
      count: idx.length,
      positives,
      baseRate,
      flagRate: r.flagRate!,
      tpr: r.recall,
      fpr: r.falsePositiveRate,
      fnr: r.falseNegativeRate,
      ppv: r.precision,
      meanPredicted,
      calibrationInTheLarge: meanPredicted - baseRate,
      auc: auc(gp, gy),
    };
  });
}
