// Table-driven checks against values worked out by hand (the arithmetic is in each case's comment).
import { describe, expect, it } from 'vitest';
import {
  auc,
  brierScore,
  calibrationTable,
  confusionAt,
  fairnessByGroup,
  logLoss,
  rates,
} from './metrics.ts';

describe('auc', () => {
  const cases: [string, number[], number[], number | null][] = [
    // pairs (pos, neg): (.35,.1)=1 (.35,.4)=0 (.8,.1)=1 (.8,.4)=1 → 3/4
    ['classic example', [0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1], 0.75],
    // (.6,.2)=1 (.6,.6)=½ (.9,.2)=1 (.9,.6)=1 → 3.5/4
    ['a tie counts one half', [0.2, 0.6, 0.6, 0.9], [0, 0, 1, 1], 0.875],
    ['all tied', [0.5, 0.5, 0.5, 0.5], [0, 1, 0, 1], 0.5],
    ['perfect', [0.1, 0.2, 0.8, 0.9], [0, 0, 1, 1], 1],
    ['reversed', [0.9, 0.8, 0.2, 0.1], [0, 0, 1, 1], 0],
    ['one class only', [0.1, 0.9], [1, 1], null],
    ['empty', [], [], null],
  ];
  it.each(cases)('%s', (_, p, y, expected) => {
    const value = auc(p, y);
    if (expected === null) expect(value).toBeNull();
    else expect(value).toBeCloseTo(expected, 12);
  });

  it('equals (sensitivity + specificity) / 2 for a yes/no flag (early-warning.md §0.3)', () => {
    // flag = 1 for 3 of 4 dropouts and 1 of 6 graduates: sens .75, spec 5/6.
    const flag = [1, 1, 1, 0, 1, 0, 0, 0, 0, 0];
    const y = [1, 1, 1, 1, 0, 0, 0, 0, 0, 0];
    expect(auc(flag, y)).toBeCloseTo((0.75 + 5 / 6) / 2, 12);
  });

  it('throws on mismatched lengths (a caller bug)', () => {
    expect(() => auc([0.1], [0, 1])).toThrow(RangeError);
  });
});

describe('brierScore and logLoss', () => {
  const cases: [string, number[], number[], number, number][] = [
    // Brier (.01 + .01 + .04 + .09) / 4; log loss −(ln .9 + ln .9 + ln .8 + ln .7) / 4
    [
      'mixed',
      [0.1, 0.9, 0.8, 0.3],
      [0, 1, 1, 0],
      0.0375,
      -(2 * Math.log(0.9) + Math.log(0.8) + Math.log(0.7)) / 4,
    ],
    ['coin flips', [0.5, 0.5], [0, 1], 0.25, Math.log(2)],
    ['perfect', [0, 1], [0, 1], 0, -Math.log(1 - 1e-15)],
  ];
  it.each(cases)('%s', (_, p, y, brier, loss) => {
    expect(brierScore(p, y)).toBeCloseTo(brier, 12);
    expect(logLoss(p, y)).toBeCloseTo(loss, 12);
  });

  it('keeps a confident miss finite', () => {
    expect(logLoss([0], [1])).toBeCloseTo(-Math.log(1e-15), 6);
    expect(brierScore([], [])).toBeNull();
  });
});

describe('calibrationTable', () => {
  it('bins ten predictions into five equal-count bins', () => {
    const p = [0.05, 0.15, 0.25, 0.35, 0.45, 0.55, 0.65, 0.75, 0.85, 0.95];
    const y = [0, 0, 0, 1, 0, 1, 0, 1, 1, 1];
    const table = calibrationTable(p, y, 5);
    const expected = [
      [1, 2, 0.1, 0],
      [2, 2, 0.3, 0.5],
      [3, 2, 0.5, 0.5],
      [4, 2, 0.7, 0.5],
      [5, 2, 0.9, 1],
    ];
    expect(table).toHaveLength(5);
    table.forEach((row, k) => {
      const [bin, count, meanPredicted, observedRate] = expected[k]!;
      expect(row.bin).toBe(bin);
      expect(row.count).toBe(count);
      expect(row.meanPredicted).toBeCloseTo(meanPredicted!, 12);
      expect(row.observedRate).toBeCloseTo(observedRate!, 12);
    });
  });

  it('keeps ties in one bin, whatever the row order', () => {
    const a = calibrationTable([0.2, 0.2, 0.2, 0.8], [1, 0, 0, 1], 2);
    const b = calibrationTable([0.8, 0.2, 0.2, 0.2], [1, 0, 1, 0], 2);
    expect(a).toEqual(b);
    expect(a.map((r) => r.count)).toEqual([3, 1]);
    expect(a[0]!.observedRate).toBeCloseTo(1 / 3, 12);
  });
});

describe('confusionAt and rates', () => {
  // Flagged at ≥ .5: .8 (1) tp, .6 (0) fp, .55 (1) tp; not flagged: .1 (0) tn, .4 (0) tn, .35 (1) fn.
  const p = [0.1, 0.4, 0.35, 0.8, 0.6, 0.55];
  const y = [0, 0, 1, 1, 0, 1];

  it('counts at the threshold, inclusive', () => {
    expect(confusionAt(p, y, 0.5)).toEqual({ tp: 2, fp: 1, tn: 2, fn: 1 });
    expect(confusionAt(p, y, 0.55)).toEqual({ tp: 2, fp: 1, tn: 2, fn: 1 });
    expect(confusionAt(p, y, 0.56)).toEqual({ tp: 1, fp: 1, tn: 2, fn: 2 });
  });

  it('derives the rates', () => {
    const r = rates(confusionAt(p, y, 0.5));
    expect(r.precision).toBeCloseTo(2 / 3, 12);
    expect(r.recall).toBeCloseTo(2 / 3, 12);
    expect(r.falsePositiveRate).toBeCloseTo(1 / 3, 12);
    expect(r.falseNegativeRate).toBeCloseTo(1 / 3, 12);
    expect(r.specificity).toBeCloseTo(2 / 3, 12);
    expect(r.flagRate).toBe(0.5);
    expect(r.baseRate).toBe(0.5);
  });

  it('gives null, not NaN, for empty denominators', () => {
    const r = rates({ tp: 0, fp: 0, tn: 3, fn: 0 });
    expect(r.precision).toBeNull();
    expect(r.recall).toBeNull();
    expect(r.falsePositiveRate).toBe(0);
  });
});

describe('fairnessByGroup', () => {
  // A: p .8 .6 .3 .1, y 1 0 1 0 → tp fp fn tn; mean p .45, base .5; AUC 3/4 (only .3 < .6 is misordered).
  // B: p .9 .7 .2, y 0 0 0 → fp fp tn; mean p .6, base 0; no dropouts so TPR, FNR and AUC are null.
  const p = [0.9, 0.8, 0.6, 0.7, 0.3, 0.1, 0.2];
  const y = [0, 1, 0, 0, 1, 0, 0];
  const groups = ['B', 'A', 'A', 'B', 'A', 'A', 'B'];
  const rows = fairnessByGroup(p, y, groups, 0.5);

  const expected = [
    ['A', 4, 2, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.45, -0.05, 0.75],
    ['B', 3, 0, 0, 2 / 3, null, 2 / 3, null, 0, 0.6, 0.6, null],
  ] as const;
  const fields = [
    'group',
    'count',
    'positives',
    'baseRate',
    'flagRate',
    'tpr',
    'fpr',
    'fnr',
    'ppv',
    'meanPredicted',
    'calibrationInTheLarge',
    'auc',
  ] as const;

  it.each(expected)('group %s', (...values) => {
    const row = rows.find((r) => r.group === values[0])!;
    fields.forEach((field, k) => {
      const want = values[k];
      const got = row[field];
      if (typeof want === 'number') expect(got, field).toBeCloseTo(want, 12);
      else expect(got, field).toBe(want);
    });
  });

  it('sorts rows by group label', () => {
    expect(rows.map((r) => r.group)).toEqual(['A', 'B']);
  });

  it('throws when the labels do not line up with the predictions', () => {
    expect(() => fairnessByGroup([0.1], [0], ['A', 'B'], 0.5)).toThrow(RangeError);
  });
});
