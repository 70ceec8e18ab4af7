import type { AnbLineBody } from '@bitterroot/contracts';
import { describe, expect, it } from 'vitest';
import {
  applyLineView,
  DEFAULT_LINE_VIEW,
  parseLineView,
  reasonCounts,
  reasonOf,
  toRows,
  weightSum,
} from './anb-lines.ts';

const line = (over: Partial<AnbLineBody>): AnbLineBody => ({
  count: 'fall',
  countDate: '2025-10-06',
  stateId: '100000001',
  districtNumber: '0059',
  schoolNumber: '0101',
  budgetUnit: 'elementary',
  status: 'counted',
  weight: 1,
  bandWeight: 1,
  esa: false,
  earlyGraduate: false,
  explanation: 'counted 1: 720 or more aggregate hours',
  ...over,
});

const rows = toRows([
  line({}),
  line({
    stateId: '100000002',
    weight: 0.75,
    bandWeight: 0.75,
    explanation: 'counted 0.75: 540–719 aggregate hours',
  }),
  line({
    stateId: '100000003',
    status: 'excluded',
    weight: 0,
    bandWeight: 0,
    explanation: 'excluded: 11th consecutive absence on or before the count date (12 days)',
  }),
  line({
    stateId: '100000004',
    count: 'spring',
    schoolNumber: '0202',
    budgetUnit: 'high_school',
    status: 'not-counted',
    weight: 0,
    bandWeight: 0,
    explanation: 'not counted: enrollment starts 2026-02-10',
  }),
  line({
    stateId: '100000005',
    count: 'spring',
    weight: 0.5,
    explanation: 'counted 1: 720 or more aggregate hours; capped to 0.5: one pupil counts at most 1.0',
  }),
]);

describe('reasonOf', () => {
  it.each([
    ['counted 0.75: 540–719 aggregate hours', 'counted 0.75: 540–719 aggregate hours'],
    [
      'excluded: 11th consecutive absence on or before the count date (14 days)',
      'excluded: 11th consecutive absence on or before the count date',
    ],
    [
      'not counted: enrollment ended 2025-09-30, before the count date',
      'not counted: enrollment ended …, before the count date',
    ],
    [
      'counted 1: 720 or more aggregate hours; capped to 0.5: x',
      'counted 1: 720 or more aggregate hours; capped',
    ],
  ])('groups %s', (explanation, reason) => {
    expect(reasonOf(explanation)).toBe(reason);
  });
});

describe('the per-student table view', () => {
  const ids = (view: Partial<typeof DEFAULT_LINE_VIEW>) =>
    applyLineView(rows, { ...DEFAULT_LINE_VIEW, ...view }).map((r) => r.stateId.slice(-1));

  it('filters by state ID, school, unit, count, status and reason', () => {
    expect(ids({ q: '0003' })).toEqual(['3']);
    expect(ids({ school: '0202' })).toEqual(['4']);
    expect(ids({ unit: 'high_school' })).toEqual(['4']);
    expect(ids({ count: 'spring' })).toEqual(['4', '5']);
    expect(ids({ status: 'counted' })).toEqual(['1', '2', '5']);
    expect(ids({ reason: 'counted 0.75: 540–719 aggregate hours' })).toEqual(['2']);
  });

  it('sorts by weight, largest first, ties in input order', () => {
    expect(ids({ sort: 'weight', order: 'desc' })).toEqual(['1', '2', '5', '3', '4']);
  });

  it('adds up the weights shown', () => {
    expect(weightSum(rows)).toBe(2.25);
  });

  it('counts the lines per reason, most frequent first', () => {
    expect(reasonCounts(rows)[0]).toEqual({ reason: 'counted 0.75: 540–719 aggregate hours', lines: 1 });
    expect(reasonCounts(rows)).toHaveLength(5);
  });

  it('reads the view from the URL and ignores unknown values', () => {
    const view = parseLineView(new URLSearchParams('unit=middle&count=spring&sort=nope&order=desc&q=12'));
    expect(view).toEqual({ ...DEFAULT_LINE_VIEW, count: 'spring', order: 'desc', q: '12' });
  });
});
