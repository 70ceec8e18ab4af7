import { describe, expect, it } from 'vitest';
import { abcFlag, aucWithInterval, bandOf, evaluateModel, thresholdForSensitivity } from './evaluation.ts';
import { FEATURE_NAMES } from './features.ts';
import type { FeatureVector } from './features.ts';
import { horizonEnd, labelOf } from './labels.ts';
import type { EwsLabelMapping } from './labels.ts';
import { featuresFromStored, inputsFromTerms } from './terms.ts';
import { horizonFor, trainGradeModel } from './training.ts';
import type { EwsSettings, TrainingRow } from './training.ts';

const mapping: EwsLabelMapping = {
  dropout: ['300', '340'],
  graduate: ['400', '410'],
  stillEnrolled: ['160', '105'],
  excluded: ['210', '420', '500'],
  followed: ['200'],
};

const settings: EwsSettings = {
  trainingAsOf: '02-01',
  horizonYears: 1,
  horizonYearsByGrade: { '6': 2 },
  labels: mapping,
  bands: { highSensitivity: 0.5, moderateSensitivity: 0.8 },
  l2: 0.01,
  reasons: 3,
  minimumGroupSize: 10,
};

describe('labels from end statuses (decision 0056)', () => {
  const end = horizonEnd(2025, 1);
  it.each([
    [{ endDate: '2025-03-02', endStatus: '300', enrolledAfter: false }, { label: 1 }],
    [{ endDate: '2025-06-01', endStatus: '400', enrolledAfter: false }, { label: 0 }],
    [{ endDate: '2025-06-01', endStatus: '160', enrolledAfter: false }, { label: 0 }],
    [{ endDate: null, endStatus: null, enrolledAfter: false }, { label: 0 }],
    // Enrolled past the horizon: a later dropout is outside the window.
    [{ endDate: '2025-10-01', endStatus: '300', enrolledAfter: false }, { label: 0 }],
    [{ endDate: '2025-03-02', endStatus: '210', enrolledAfter: false }, { excluded: 'excluded-status' }],
    [{ endDate: '2025-03-02', endStatus: '420', enrolledAfter: false }, { excluded: 'excluded-status' }],
    [{ endDate: '2025-06-01', endStatus: '200', enrolledAfter: true }, { label: 0 }],
    [
      { endDate: '2025-06-01', endStatus: '200', enrolledAfter: false },
      { excluded: 'transfer-not-followed' },
    ],
    [{ endDate: '2025-06-01', endStatus: '999', enrolledAfter: false }, { excluded: 'unknown-status' }],
  ])('%j → %j', (last, expected) => {
    expect(labelOf(last, end, mapping)).toEqual(expected);
  });

  it('gives grade 6 a two-year window', () => {
    expect(horizonFor(settings, 6)).toBe(2);
    expect(horizonFor(settings, 9)).toBe(1);
    expect(horizonEnd(2025, 2)).toBe('2026-06-30');
  });
});

describe('term totals as dated inputs', () => {
  const term = {
    termEnd: '2024-12-19',
    gradeLevel: '09',
    daysEnrolled: 80,
    daysPresent: 70,
    behaviorIncidents: 2,
    suspensionDays: 3,
    coursesFailed: 2,
    creditsEarned: 2.5,
  };
  it('keeps attendance, incidents, suspension days, failures and credits', () => {
    const i = inputsFromTerms([term]);
    expect(i.attendance).toEqual([{ date: '2024-12-19', enrolledDays: 80, presentDays: 70 }]);
    expect(i.behavior).toHaveLength(2);
    expect(i.behavior.reduce((s, b) => s + b.daysRemoved, 0)).toBe(3);
    expect(i.courses.filter((c) => c.failed)).toHaveLength(2);
    expect(i.courses.reduce((s, c) => s + c.creditsEarned, 0)).toBe(2.5);
  });
  it('sees a term only once it has ended', () => {
    const raw = { birthDate: '2009-05-01', enrollments: [], terms: [term] };
    expect(featuresFromStored(raw, '2024-12-18', 9).attendanceRate).toBeNull();
    const v = featuresFromStored(raw, '2024-12-19', 9);
    expect(v.attendanceRate).toBeCloseTo(0.875);
    expect(v.courseFailures).toBe(2);
    expect(v.suspensionDays).toBe(3);
    expect(featuresFromStored({ ...raw, birthDate: null }, '2025-01-01', 9).overAge).toBeNull();
  });
});

describe('evaluation', () => {
  it('chooses thresholds to a stated sensitivity', () => {
    const p = [0.9, 0.8, 0.7, 0.6, 0.5, 0.4];
    const y = [1, 0, 1, 0, 1, 0];
    expect(thresholdForSensitivity(p, y, 0.5)).toBe(0.7);
    expect(thresholdForSensitivity(p, y, 1)).toBe(0.5);
    expect(bandOf(0.75, { high: 0.7, moderate: 0.5 })).toBe('high');
    expect(bandOf(0.55, { high: 0.7, moderate: 0.5 })).toBe('moderate');
    expect(bandOf(0.1, { high: 0.7, moderate: 0.5 })).toBe('low');
  });
  it('gives an AUC interval around the Mann–Whitney AUC', () => {
    const a = aucWithInterval([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1])!;
    expect(a.auc).toBe(0.75);
    expect(a.lower).toBeLessThan(0.75);
    expect(a.upper).toBeGreaterThan(0.75);
  });
  it('suppresses groups below the minimum size', () => {
    const vec = Object.fromEntries(FEATURE_NAMES.map((n) => [n, 0])) as FeatureVector;
    const p = Array.from({ length: 30 }, (_, i) => i / 30);
    const y = p.map((v) => (v > 0.6 ? 1 : 0));
    const e = evaluateModel(
      p,
      y,
      p.map(() => vec),
      { g: p.map((_, i) => (i < 25 ? 'big' : 'small')) },
      settings.bands,
      10,
    );
    expect(e.fairness.find((f) => f.group === 'small')!.suppressed).toBe(true);
    expect(e.fairness.find((f) => f.group === 'big')!.suppressed).toBe(false);
    expect(abcFlag({ ...vec, chronicAbsence: 1 })).toBe(true);
    expect(abcFlag(vec)).toBe(false);
  });
});

describe('training a grade', () => {
  // Rows from a known model: attendance and failures drive dropout, with noise (deterministic LCG).
  function rows(n: number, seed: number): TrainingRow[] {
    let s = seed;
    const rnd = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
    return Array.from({ length: n }, () => {
      const attendance = 0.8 + 0.2 * rnd();
      const failures = Math.floor(rnd() * 3);
      const eta = -3 - 20 * (attendance - 0.95) + 0.8 * failures;
      const base = Object.fromEntries(FEATURE_NAMES.map((k) => [k, 0])) as FeatureVector;
      return {
        features: { ...base, attendanceRate: attendance, courseFailures: failures, creditsEarned: 5 * rnd() },
        label: rnd() < 1 / (1 + Math.exp(-eta)) ? 1 : 0,
        groups: { gender: rnd() < 0.5 ? 'F' : 'M' },
      } as TrainingRow;
    });
  }

  it('reports constant features without a penalty as not trained; the ridge keeps their weight at 0', () => {
    const cohorts = { trainYears: [2023], testYear: 2024 };
    const plain = trainGradeModel(9, rows(400, 1), rows(200, 2), cohorts, { ...settings, l2: 0 });
    expect(plain.kind).toBe('not-trained');
    const ridge = trainGradeModel(9, rows(400, 1), rows(200, 2), cohorts, settings);
    expect(ridge.kind).toBe('trained');
    if (ridge.kind !== 'trained') return;
    const j = ridge.artifact.model.spec.names.indexOf('behaviorEvents');
    expect(ridge.artifact.model.coefficients[j]).toBeCloseTo(0, 12);
  });

  it('trains and evaluates when the features vary', () => {
    const vary = (r: TrainingRow[], seed: number) =>
      r.map((x, i) => ({
        ...x,
        features: Object.fromEntries(
          Object.entries(x.features).map(([k, v], j) => [
            k,
            v === 0 ? ((i * 7 + j * 13 + seed) % 5) / 10 : v,
          ]),
        ) as FeatureVector,
      }));
    const out = trainGradeModel(
      9,
      vary(rows(2000, 3), 1),
      vary(rows(1000, 4), 2),
      { trainYears: [2023], testYear: 2024 },
      settings,
    );
    expect(out.kind).toBe('trained');
    if (out.kind !== 'trained') return;
    expect(out.artifact.evaluation.auc!.auc).toBeGreaterThan(0.7);
    expect(out.artifact.evaluation.atHigh.recall).toBeGreaterThanOrEqual(0.5);
    expect(out.artifact.thresholds.moderate).toBeLessThanOrEqual(out.artifact.thresholds.high);
    expect(out.artifact.model.spec.names).toContain('creditsEarned');
  });
});

describe('fast scoring paths', () => {
  it('give the same probability and reasons as scoreStudent', async () => {
    const { scoreStudent, scoreWithReasons, riskProbability } = await import('./scoring.ts');
    const spec = {
      grade: 9 as const,
      names: [...FEATURE_NAMES],
      means: FEATURE_NAMES.map(() => 0.5),
      sds: FEATURE_NAMES.map(() => 2),
    };
    const model = {
      spec,
      intercept: -2,
      coefficients: FEATURE_NAMES.map((_, j) => (j % 3) - 1 + 0.1 * j),
      l2: 0,
    };
    const v = Object.fromEntries(
      FEATURE_NAMES.map((n, j) => [n, j === 4 ? null : (j * 37) % 5]),
    ) as FeatureVector;
    const slow = scoreStudent(model, v, 3);
    expect(riskProbability(model, v)).toBeCloseTo(slow.probability, 12);
    expect(scoreWithReasons(model, v, 3)).toEqual({
      probability: expect.closeTo(slow.probability, 12),
      reasons: slow.reasons,
    });
  });
});

describe('audit groups', () => {
  it('labels race/ethnicity by the federal order and keeps unknowns visible', async () => {
    const { auditGroups } = await import('./audit-groups.ts');
    const labels = new Map([['2', 'American Indian or Alaska Native']]);
    const facts = {
      hispanic: false,
      raceCodes: '2',
      gender: 'F',
      frl: true,
      el: null,
      iep: false,
      homeless: false,
    };
    expect(auditGroups(facts, labels)).toEqual({
      raceEthnicity: 'American Indian or Alaska Native',
      americanIndian: 'yes',
      gender: 'F',
      frl: 'yes',
      el: 'unknown',
      iep: 'no',
      homeless: 'no',
    });
    expect(auditGroups({ ...facts, hispanic: true }, labels).raceEthnicity).toBe('Hispanic or Latino');
    expect(auditGroups({ ...facts, raceCodes: '2,6' }, labels).raceEthnicity).toBe('Two or more races');
  });
});
