// Packing a grade's training rows into the IRLS design matrix with the model's standardisation learnt on the
// way (early-warning.md §3 note 1, §5.1). Three contiguous passes over one Float64Array instead of an array per
// row: at 100,000 rows building rows was most of a fit's time (decision 0065).

import type { FeatureSpec } from './feature-spec.ts';
import type { EwsGrade, FeatureName, FeatureVector } from './features.ts';
import { designOf } from './irls.ts';
import type { Design } from './irls.ts';

/**
 * The spec (means and SDs over non-missing values, SD 1 for a column without spread, as `fitFeatureSpec`) and
 * the design of standardised values with an intercept column; a missing value becomes 0, the training mean, as
 * `scaleFeatures` does. Returns a message for an outcome that is not 0/1 or a value that is not finite.
 */
export function standardisedDesign(
  grade: EwsGrade,
  names: readonly FeatureName[],
  rows: readonly FeatureVector[],
  outcomes: readonly number[],
): { spec: FeatureSpec; design: Design } | string {
  const n = rows.length;
  const p = names.length;
  const q = p + 1;
  if (outcomes.length !== n) return `outcomes has ${outcomes.length} values for ${n} rows`;
  const x = new Float64Array(n * q);
  const y = new Float64Array(n);
  const count = new Float64Array(p);
  const sum = new Float64Array(p);
  for (let i = 0; i < n; i++) {
    const yi = outcomes[i]!;
    if (yi !== 0 && yi !== 1) return `outcome of row ${i + 1} is ${yi}, not 0 or 1`;
    y[i] = yi;
    const row = rows[i]!;
    const base = i * q;
    x[base] = 1;
    for (let j = 0; j < p; j++) {
      const v = row[names[j]!];
      if (v === null) {
        x[base + j + 1] = Number.NaN;
        continue;
      }
      if (!Number.isFinite(v)) return `row ${i + 1}, ${names[j]}: ${v} is not a finite number`;
      x[base + j + 1] = v;
      count[j] = count[j]! + 1;
      sum[j] = sum[j]! + v;
    }
  }
  const means = Array.from(sum, (s, j) => (count[j]! === 0 ? 0 : s / count[j]!));
  const ss = new Float64Array(p);
  for (let i = 0; i < n; i++) {
    const base = i * q + 1;
    for (let j = 0; j < p; j++) {
      const v = x[base + j]!;
      if (v === v) ss[j] = ss[j]! + (v - means[j]!) ** 2; // v !== v only for NaN (missing)
    }
  }
  const sds = Array.from(ss, (s, j) => {
    const sd = count[j]! > 1 ? Math.sqrt(s / (count[j]! - 1)) : 0;
    return sd > 0 ? sd : 1;
  });
  for (let i = 0; i < n; i++) {
    const base = i * q + 1;
    for (let j = 0; j < p; j++) {
      const v = x[base + j]!;
      x[base + j] = v === v ? (v - means[j]!) / sds[j]! : 0;
    }
  }
  return { spec: { grade, names, means, sds }, design: designOf(x, y, n, q) };
}
