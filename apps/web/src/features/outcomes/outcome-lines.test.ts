import type { OutcomeLine } from '@bitterroot/contracts';
import { describe, expect, it } from 'vitest';
import { filterLines, NO_FILTER, schoolsOf, statusCounts } from './outcome-lines.ts';

const line = (stateId: string, schoolNumber: string, status: string, counted: boolean): OutcomeLine => ({
  stateId,
  districtNumber: '0059',
  schoolNumber,
  grade: '12',
  status,
  counted,
  explanation: `${status} line`,
});

const LINES = [
  line('100000001', '0101', 'COHYES', true),
  line('100000002', '0101', 'COHNO', false),
  line('200000003', '0202', 'COHYES', true),
  line('200000004', '', 'removed', false),
];

describe('outcome line filters', () => {
  it('keeps every line without a filter', () => {
    expect(filterLines(LINES, NO_FILTER)).toHaveLength(4);
  });

  it('filters by state ID prefix, school, status and counted together', () => {
    expect(filterLines(LINES, { ...NO_FILTER, q: '2' }).map((l) => l.stateId)).toEqual([
      '200000003',
      '200000004',
    ]);
    expect(filterLines(LINES, { ...NO_FILTER, school: '0101', counted: 'no' })).toEqual([LINES[1]]);
    expect(filterLines(LINES, { ...NO_FILTER, status: 'COHYES', counted: 'yes' })).toHaveLength(2);
  });

  it('counts statuses most frequent first and lists schools once, without blanks', () => {
    expect(statusCounts(LINES)).toEqual([
      { status: 'COHYES', lines: 2 },
      { status: 'COHNO', lines: 1 },
      { status: 'removed', lines: 1 },
    ]);
    expect(schoolsOf(LINES)).toEqual(['0101', '0202']);
  });
});
