// The frozen feature specification stored with a model (early-warning.md §3 note 8, §5.1): ordered names and
// the mean/SD standardisation learnt from the training rows, applied identically when scoring.

import { featureNamesForGrade } from './features.ts';
import type { EwsGrade, FeatureName, FeatureVector } from './features.ts';

/** Ordered feature names of one grade's model with the training means and SDs used to standardise them. */
export type FeatureSpec = {
  readonly grade: EwsGrade;
  readonly names: readonly FeatureName[];
  readonly means: readonly number[];
  readonly sds: readonly number[];
};

/**
 * Learns the scaling from training rows (nulls ignored). A column with no spread keeps SD 1: it scales to a
 * constant, which the fit then reports as ill-conditioned instead of dividing by zero here.
 */
export function fitFeatureSpec(grade: EwsGrade, rows: readonly FeatureVector[]): FeatureSpec {
  const names = featureNamesForGrade(grade);
  const means: number[] = [];
  const sds: number[] = [];
  // Two passes per column over the rows without temporary arrays: training sets reach 100,000 rows.
  for (const name of names) {
    let count = 0;
    let sum = 0;
    for (const r of rows) {
      const v = r[name];
      if (v === null) continue;
      count++;
      sum += v;
    }
    const mean = count === 0 ? 0 : sum / count;
    let ss = 0;
    for (const r of rows) {
      const v = r[name];
      if (v !== null) ss += (v - mean) ** 2;
    }
    const sd = count > 1 ? Math.sqrt(ss / (count - 1)) : 0;
    means.push(mean);
    sds.push(sd > 0 ? sd : 1);
  }
  return { grade, names, means, sds };
}

/**
 * Standardises one student's features in spec order. A missing value becomes 0, the training mean, so every
 * student still gets a score and the missing feature contributes nothing to it (decision 0030).
 */
export function scaleFeatures(spec: FeatureSpec, vector: FeatureVector): number[] {
  return spec.names.map((name, j) => {
    const v = vector[name];
    return v === null ? 0 : (v - spec.means[j]!) / spec.sds[j]!;
  });
}
