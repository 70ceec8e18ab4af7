// Out-of-time evaluation of a grade's model (early-warning.md §4.1–§4.4): AUC with a confidence interval,
// band thresholds chosen to a stated sensitivity, precision and recall at them, the reliability table, Brier
// score, the ABC checklist on the same rows, and per-group accuracy with small groups suppressed.
// Conventions are decisions 0034 and 0058.

import type { FeatureVector } from './features.ts';
import { auc, brierScore, calibrationTable, confusionAt, fairnessByGroup, rates } from './metrics.ts';
import type { CalibrationBin, GroupFairness, Rates } from './metrics.ts';

/** Sensitivities the two risk bands are chosen for (profile `bands`). */
export type BandSettings = { highSensitivity: number; moderateSensitivity: number };

/** Probability thresholds of the bands: p ≥ high is high, p ≥ moderate is moderate. */
export type BandThresholds = { moderate: number; high: number };

/** A student's risk band. */
export type RiskBand = 'low' | 'moderate' | 'high';

/** AUC with its Hanley–McNeil 95% interval; `null` when a class is missing. */
export type AucWithInterval = { auc: number; lower: number; upper: number } | null;

/** Accuracy of one audit group, or only its size when the group is too small to publish. */
export type FairnessRow = GroupFairness & { attribute: string; suppressed: boolean };

/** Everything the model card shows about one model on its out-of-time cohort. */
export type EwsEvaluation = {
  rows: number;
  dropouts: number;
  auc: AucWithInterval;
  brier: number | null;
  calibration: CalibrationBin[];
  thresholds: BandThresholds;
  atModerate: Rates;
  atHigh: Rates;
  abc: { auc: number | null; rates: Rates };
  fairness: FairnessRow[];
  /** Largest false-positive-rate gap between published groups of each attribute (§4.4). */
  fprGaps: { attribute: string; gap: number | null; highest: string | null; lowest: string | null }[];
};

/**
 * Smallest threshold t such that flagging p ≥ t catches at least `sensitivity` of the dropouts: the k-th
 * highest dropout probability, k = ⌈sensitivity × dropouts⌉. With no dropouts nobody is flagged (t = 1).
 */
export function thresholdForSensitivity(
  p: readonly number[],
  y: readonly number[],
  sensitivity: number,
): number {
  const positives = p.filter((_, i) => y[i] === 1).sort((a, b) => b - a);
  if (positives.length === 0) return 1;
  const k = Math.min(positives.length, Math.max(1, Math.ceil(sensitivity * positives.length)));
  return positives[k - 1]!;
}

/** The band of a probability under the thresholds. */
export function bandOf(p: number, t: BandThresholds): RiskBand {
  return p >= t.high ? 'high' : p >= t.moderate ? 'moderate' : 'low';
}

/** Hanley & McNeil (1982) standard error of an AUC, as a 95% normal interval clipped to [0, 1]. */
export function aucWithInterval(p: readonly number[], y: readonly number[]): AucWithInterval {
  const a = auc(p, y);
  if (a === null) return null;
  const nP = y.filter((v) => v === 1).length;
  const nN = y.length - nP;
  const q1 = a / (2 - a);
  const q2 = (2 * a * a) / (1 + a);
  const se = Math.sqrt((a * (1 - a) + (nP - 1) * (q1 - a * a) + (nN - 1) * (q2 - a * a)) / (nP * nN));
  return { auc: a, lower: Math.max(0, a - 1.96 * se), upper: Math.min(1, a + 1.96 * se) };
}

/**
 * The ABC checklist (early-warning.md §0.4, EWIMS): chronic absence, any course failure, any suspension.
 * Missing attendance is not a flag.
 */
export function abcFlag(v: FeatureVector): boolean {
  return v.chronicAbsence === 1 || (v.courseFailures ?? 0) >= 1 || (v.suspensionDays ?? 0) > 0;
}

/** Evaluates predictions on held-out rows; `groups` maps an audit attribute to one label per row. */
export function evaluateModel(
  p: readonly number[],
  y: readonly number[],
  features: readonly FeatureVector[],
  groups: Readonly<Record<string, readonly string[]>>,
  bands: BandSettings,
  minimumGroupSize: number,
  thresholds?: BandThresholds,
): EwsEvaluation {
  const t = thresholds ?? {
    high: thresholdForSensitivity(p, y, bands.highSensitivity),
    moderate: thresholdForSensitivity(p, y, bands.moderateSensitivity),
  };
  // A tiny test cohort can give moderate > high; the bands must nest.
  t.moderate = Math.min(t.moderate, t.high);
  const abcScores = features.map((v) => (abcFlag(v) ? 1 : 0));
  const fairness: FairnessRow[] = [];
  for (const [attribute, labels] of Object.entries(groups)) {
    for (const g of fairnessByGroup(p, y, labels, t.high)) {
      const suppressed = g.count < minimumGroupSize;
      fairness.push(suppressed ? suppress(attribute, g) : { ...g, attribute, suppressed });
    }
  }
  return {
    rows: p.length,
    dropouts: y.filter((v) => v === 1).length,
    auc: aucWithInterval(p, y),
    brier: brierScore(p, y),
    calibration: calibrationTable(p, y),
    thresholds: t,
    atModerate: rates(confusionAt(p, y, t.moderate)),
    atHigh: rates(confusionAt(p, y, t.high)),
    abc: { auc: auc(abcScores, y), rates: rates(confusionAt(abcScores, y, 1)) },
    fairness,
    fprGaps: fprGaps(fairness),
  };
}

// Small cells keep only their size class: counts under the minimum are not published (decision 0039).
function suppress(attribute: string, g: GroupFairness): FairnessRow {
  return {
    ...g,
    attribute,
    suppressed: true,
    positives: 0,
    baseRate: 0,
    flagRate: 0,
    tpr: null,
    fpr: null,
    fnr: null,
    ppv: null,
    meanPredicted: 0,
    calibrationInTheLarge: 0,
    auc: null,
  };
}

function fprGaps(rows: readonly FairnessRow[]): EwsEvaluation['fprGaps'] {
  const attributes = [...new Set(rows.map((r) => r.attribute))];
  return attributes.map((attribute) => {
    const rated = rows.filter((r) => r.attribute === attribute && !r.suppressed && r.fpr !== null);
    if (rated.length < 2) return { attribute, gap: null, highest: null, lowest: null };
    const sorted = [...rated].sort((a, b) => a.fpr! - b.fpr!);
    const lo = sorted[0]!;
    const hi = sorted[sorted.length - 1]!;
    return { attribute, gap: hi.fpr! - lo.fpr!, highest: hi.group, lowest: lo.group };
  });
}
