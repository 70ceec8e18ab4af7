import { describe, expect, it } from 'vitest';
import type { TrendPoint } from '@bitterroot/contracts';
import { buildTrend, describeTrend } from './trend.ts';

const points: TrendPoint[] = [
  { day: '2026-11-30', rule: 'ENR-005', severity: 'fatal', count: 3 },
  { day: '2026-11-30', rule: 'ENR-003', severity: 'fatal', count: 2 },
  { day: '2026-11-30', rule: 'ID-002', severity: 'warning', count: 0 },
  { day: '2026-12-01', rule: 'ENR-005', severity: 'fatal', count: 1 },
  { day: '2026-12-01', rule: 'ENR-003', severity: 'fatal', count: 0 },
  { day: '2026-12-01', rule: 'ID-002', severity: 'warning', count: 4 },
];

describe('buildTrend', () => {
  it('sums rules into one line per severity, in day order, most serious first', () => {
    const model = buildTrend(points.toReversed());
    expect(model.days).toEqual(['2026-11-30', '2026-12-01']);
    expect(model.series).toEqual([
      { severity: 'fatal', values: [5, 1] },
      { severity: 'warning', values: [0, 4] },
    ]);
    expect(model.totals).toEqual([5, 5]);
  });

  it('has no days and no lines without points', () => {
    expect(buildTrend([])).toEqual({ days: [], series: [], totals: [] });
  });
});

describe('describeTrend', () => {
  it('names the period and the first and last totals', () => {
    expect(describeTrend(buildTrend(points))).toBe(
      '2 run days from 2026-11-30 to 2026-12-01: 5 open on the first, 5 on the last.',
    );
    expect(describeTrend(buildTrend([]))).toBe('No full validation run in the period.');
  });
});
