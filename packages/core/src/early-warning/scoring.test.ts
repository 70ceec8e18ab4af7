// Scaling, scoring and reasons on a hand-built model, and an end-to-end fit on a synthetic grade-9 cohort.
import { describe, expect, it } from 'vitest';
import { fitFeatureSpec, scaleFeatures } from './feature-spec.ts';
import type { FeatureSpec } from './feature-spec.ts';
import { featureNamesForGrade } from './features.ts';
import type { FeatureVector } from './features.ts';
import { auc } from './metrics.ts';
import { fitEwsModel, scoreStudent } from './scoring.ts';
import type { EwsModel } from './scoring.ts';

/** A typical grade-8 student; override what a case is about. */
function vector(overrides: Partial<FeatureVector> = {}): FeatureVector {
  return {
    attendanceRate: 0.94,
    chronicAbsence: 0,
    behaviorEvents: 0,
    suspensionDays: 0,
    courseFailures: 0,
    creditsEarned: null,
    schoolChangesThisYear: 0,
    schoolChangesLastYear: 0,
    districtChangesThisYear: 0,
    districtChangesLastYear: 0,
    overAge: 0,
    ...overrides,
  };
}

// Grade 8 (no credits). Means/SDs and coefficients chosen so the arithmetic below is easy.
const names = featureNamesForGrade(8);
const spec: FeatureSpec = {
  grade: 8,
  names,
  means: [0.94, 0.12, 0.4, 0.3, 0.2, 0.1, 0.1, 0.05, 0.05, 0.08],
  sds: [0.05, 0.3, 1, 1, 0.5, 0.3, 0.3, 0.2, 0.2, 0.25],
};
const model: EwsModel = {
  spec,
  intercept: -3,
  coefficients: [-0.8, 0.3, 0.2, 0.4, 0.6, 0.1, 0.1, 0.1, 0.1, 0.2],
  l2: 0,
};

describe('scaleFeatures', () => {
  it('standardises with the spec and puts a missing value at the mean', () => {
    const scaled = scaleFeatures(
      spec,
      vector({ attendanceRate: 0.84, behaviorEvents: 2.4, chronicAbsence: null }),
    );
    expect(scaled[0]).toBeCloseTo(-2, 12); // (0.84 − 0.94) / 0.05
    expect(scaled[1]).toBe(0);
    expect(scaled[2]).toBeCloseTo(2, 12); // (2.4 − 0.4) / 1
  });
});

describe('scoreStudent', () => {
  it('adds the contributions to the intercept and ranks the reasons', () => {
    // attendance: −0.8 × −2.6 = 2.08; chronic: 0.3 × (1 − .12)/.3 = 0.88; failures: 0.6 × (2 − .2)/.5 = 2.16.
    const student = vector({ attendanceRate: 0.81, chronicAbsence: 1, courseFailures: 2 });
    const score = scoreStudent(model, student);
    const others = [
      0.2 * -0.4,
      0.4 * -0.3,
      0.1 * (-0.1 / 0.3) * 2,
      0.1 * (-0.05 / 0.2) * 2,
      0.2 * (-0.08 / 0.25),
    ];
    const eta = -3 + 2.08 + 0.88 + 2.16 + others.reduce((s, v) => s + v, 0);
    expect(score.probability).toBeCloseTo(1 / (1 + Math.exp(-eta)), 12);
    expect(score.reasons).toEqual([
      '2 courses failed this year (state mean 0.2)',
      'attendance 81% (state mean 94%)',
      'chronically absent: missed 10% or more of days (12% of students statewide)',
    ]);
    expect(score.contributions[0]!.feature).toBe('courseFailures');
    expect(score.contributions).toHaveLength(10);
  });

  it('gives no reasons to a student at or better than the state mean', () => {
    const score = scoreStudent(model, vector({ attendanceRate: 0.99 }));
    expect(score.reasons).toEqual([]);
    expect(score.probability).toBeLessThan(1 / (1 + Math.exp(3)));
  });

  it('never gives a missing feature as a reason', () => {
    const score = scoreStudent(
      model,
      vector({ attendanceRate: null, chronicAbsence: null, suspensionDays: 4 }),
      5,
    );
    expect(score.reasons).toEqual(['4 days suspended or expelled this year (state mean 0.3)']);
  });
});

// A synthetic grade-9 cohort: risk rises with absence, failures and suspensions (deterministic pseudo-noise).
function cohort(n: number): { rows: FeatureVector[]; outcomes: number[] } {
  const rows: FeatureVector[] = [];
  const outcomes: number[] = [];
  for (let i = 0; i < n; i++) {
    const u = (k: number): number => Math.abs((Math.sin(i * 12.9898 + k * 78.233) * 43758.5453) % 1);
    const attendanceRate = 0.7 + 0.3 * u(1);
    const courseFailures = Math.floor(u(2) * u(2) * 4);
    const suspensionDays = u(3) < 0.1 ? Math.floor(u(4) * 6) : 0;
    const creditsEarned = Math.round((3 + 4 * u(5) - courseFailures * 0.5) * 2) / 2;
    const moves = u(6) < 0.08 ? 1 : 0;
    const row = vector({
      attendanceRate,
      chronicAbsence: attendanceRate <= 0.9 ? 1 : 0,
      courseFailures,
      suspensionDays,
      behaviorEvents: suspensionDays > 0 ? 1 + Math.floor(u(7) * 3) : Math.floor(u(8) * 1.5),
      creditsEarned,
      schoolChangesThisYear: moves,
      districtChangesThisYear: moves && u(9) < 0.5 ? 1 : 0,
      schoolChangesLastYear: u(10) < 0.1 ? 1 : 0,
      districtChangesLastYear: u(11) < 0.05 ? 1 : 0,
      overAge: u(12) < 0.1 ? 1 : 0,
    });
    const eta = -2 - 8 * (attendanceRate - 0.9) + 0.7 * courseFailures + 0.15 * suspensionDays;
    rows.push(row);
    outcomes.push(u(13) < 1 / (1 + Math.exp(-eta)) ? 1 : 0);
  }
  return { rows, outcomes };
}

describe('fitEwsModel', () => {
  const { rows, outcomes } = cohort(4000);

  it('fits a grade-9 model whose scores rank dropouts above graduates', () => {
    const outcome = fitEwsModel(9, rows, outcomes, { l2: 1 });
    expect(outcome.kind).toBe('model');
    if (outcome.kind !== 'model') return;
    const { model: fitted, fit } = outcome;
    expect(fit.converged).toBe(true);
    expect(fitted.spec.names).toEqual(featureNamesForGrade(9));
    expect(fitted.coefficients[fitted.spec.names.indexOf('attendanceRate')]).toBeLessThan(0);
    expect(fitted.coefficients[fitted.spec.names.indexOf('courseFailures')]).toBeGreaterThan(0);
    const p = rows.map((r) => scoreStudent(fitted, r).probability);
    expect(auc(p, outcomes)).toBeGreaterThan(0.7);
    // The same spec scales training and scoring rows: the mean score equals the base rate (logistic MLE
    // property, nearly so with a small ridge penalty).
    const base = outcomes.reduce((s, y) => s + y, 0) / outcomes.length;
    expect(Math.abs(p.reduce((s, v) => s + v, 0) / p.length - base)).toBeLessThan(0.005);
  });

  it('reports a feature with no variation instead of fitting it', () => {
    const flat = rows.map((r) => ({ ...r, overAge: 0 }));
    const outcome = fitEwsModel(9, flat, outcomes);
    expect(outcome.kind).toBe('ill-conditioned');
    if (outcome.kind === 'ill-conditioned') expect(outcome.dependent).toEqual(['overAge']);
  });

  it('learns the training means and SDs into the spec', () => {
    const learnt = fitFeatureSpec(9, [
      vector({ creditsEarned: 4 }),
      vector({ creditsEarned: 6, attendanceRate: null }),
    ]);
    const j = learnt.names.indexOf('creditsEarned');
    expect(learnt.means[j]).toBe(5);
    expect(learnt.sds[j]).toBeCloseTo(Math.SQRT2, 12);
    expect(learnt.means[0]).toBeCloseTo(0.94, 12); // the null is ignored
    expect(learnt.sds[0]).toBe(1); // one value: no spread, SD kept at 1
  });
});
