import { describe, expect, it } from 'vitest';
import { fitFeatureSpec, scaleFeatures } from './feature-spec.ts';
import { FEATURE_NAMES, featureNamesForGrade, type FeatureVector } from './features.ts';
import { fitLogistic } from './logistic.ts';
import { fitEwsModel } from './scoring.ts';
import { standardisedDesign } from './standardised-design.ts';

// Rows with missing values and a constant column, to cover every branch of the scaling.
function rows(n: number): { features: FeatureVector[]; y: number[] } {
  const features: FeatureVector[] = [];
  const y: number[] = [];
  for (let i = 0; i < n; i++) {
    const v = Object.fromEntries(
      FEATURE_NAMES.map((name, j) => [name, ((i * (j + 3)) % 17) / 4]),
    ) as FeatureVector;
    v.attendanceRate = i % 9 === 0 ? null : 0.8 + ((i * 7) % 20) / 100;
    v.districtChangesLastYear = 0;
    features.push(v);
    y.push((i * 13) % 10 < 2 + (v.courseFailures ?? 0) ? 1 : 0);
  }
  return { features, y };
}

describe('standardised design', () => {
  it('learns the same scaling and values as the row-by-row spec and scaling', () => {
    const { features, y } = rows(500);
    const names = featureNamesForGrade(10);
    const packed = standardisedDesign(10, names, features, y);
    if (typeof packed === 'string') throw new Error(packed);
    const spec = fitFeatureSpec(10, features);
    expect(packed.spec.means).toEqual(spec.means.map((m) => expect.closeTo(m, 12)));
    expect(packed.spec.sds).toEqual(spec.sds.map((s) => expect.closeTo(s, 12)));
    const q = names.length + 1;
    for (const i of [0, 9, 123, 499]) {
      const row = Array.from(packed.design.x.subarray(i * q + 1, (i + 1) * q));
      expect(row).toEqual(scaleFeatures(spec, features[i]!).map((v) => expect.closeTo(v, 12)));
    }
  });

  it('gives the fit the row interface gives', () => {
    const { features, y } = rows(2000);
    const spec = fitFeatureSpec(10, features);
    const rowFit = fitLogistic(
      { names: spec.names, rows: features.map((f) => scaleFeatures(spec, f)), outcomes: y },
      { l2: 1 },
    );
    const fast = fitEwsModel(10, features, y, { l2: 1 });
    // The constant column makes the unpenalised problem singular; with the ridge both paths fit.
    expect(rowFit.kind).toBe('fitted');
    expect(fast.kind).toBe('model');
    if (rowFit.kind !== 'fitted' || fast.kind !== 'model') return;
    expect(fast.model.intercept).toBeCloseTo(rowFit.coefficients[0]!, 10);
    fast.model.coefficients.forEach((c, j) => expect(c).toBeCloseTo(rowFit.coefficients[j + 1]!, 10));
  });

  it('refuses outcomes that are not 0/1 and values that are not finite', () => {
    const { features, y } = rows(10);
    expect(standardisedDesign(9, featureNamesForGrade(9), features, [...y.slice(1), 2])).toMatch(
      /not 0 or 1/,
    );
    const bad = features.map((f, i) => (i === 3 ? { ...f, behaviorEvents: Infinity } : f));
    expect(standardisedDesign(9, featureNamesForGrade(9), bad, y)).toMatch(/row 4, behaviorEvents/);
  });
});
