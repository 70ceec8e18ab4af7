import { describe, expect, it } from 'vitest';
import { budgetedAnb, districtAnb, roundTo } from './anb-district.ts';
import { fundingSettings } from './settings.ts';

const settings = fundingSettings();

describe('districtAnb (MCA 20-9-311(1)–(2))', () => {
  it('reproduces the OPI New Clerk Academy example: fall 150, spring 166, 7 PIR days → 164.14', () => {
    const result = districtAnb({ fall: 150, spring: 166, pirDays: 7 }, settings);
    expect(result.averageEnrollment).toBe(158);
    expect(result.multiplier).toBeCloseTo(187 / 180, 12);
    expect(result.anb).toBeCloseTo(164.1444, 4);
    expect(result.anbRounded).toBe(164.14);
    expect(result.explanation).toEqual([
      'average enrollment (150 + 166) / 2 = 158',
      'PIR days 7',
      'ANB 158 × 187/180 = 164.14',
    ]);
  });

  it('uses at most 7 PIR days', () => {
    const result = districtAnb({ fall: 150, spring: 166, pirDays: 9 }, settings);
    expect(result.pirDaysUsed).toBe(7);
    expect(result.anbRounded).toBe(164.14);
    expect(result.explanation[1]).toBe('PIR days 9 limited to 7 (20-9-311(2))');
  });

  it('uses no multiplier without PIR days', () => {
    expect(districtAnb({ fall: 100, spring: 101, pirDays: 0 }, settings).anb).toBe(100.5);
  });
});

describe('budgetedAnb (3-year averaging, decision 0037)', () => {
  it('takes the 3-year average when larger (montana-facts.md §3.7 example (c))', () => {
    const result = budgetedAnb([164.14, 171.0, 175.5], settings);
    expect(result).toMatchObject({
      threeYearAverage: 170.21,
      budgeted: 170.21,
      branch: 'three-year-average',
    });
  });

  it('keeps the current ANB when it is larger', () => {
    expect(budgetedAnb([180, 171, 175.5], settings)).toMatchObject({ budgeted: 180, branch: 'current' });
  });

  it('uses the current ANB only when averaging is off or history is short', () => {
    const off = fundingSettings({ threeYearAveraging: 'current-only' });
    expect(budgetedAnb([164.14, 171, 175.5], off)).toMatchObject({
      budgeted: 164.14,
      threeYearAverage: null,
    });
    expect(budgetedAnb([164.14], settings).explanation).toBe(
      'current ANB 164.14 (fewer than three years of ANB)',
    );
  });
});

describe('roundTo', () => {
  it.each([
    [164.14444, 2, 164.14],
    [164.145, 2, 164.15],
    [1.005, 2, 1.01],
    [-1.005, 2, -1.01],
    [158, 0, 158],
  ])('%s to %s places → %s', (value, decimals, rounded) => {
    expect(roundTo(value, decimals)).toBe(rounded);
  });
});
