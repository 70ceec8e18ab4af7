import { describe, expect, it } from 'vitest';
import { ariaSort, compareValues, sortRows } from './sort.ts';

describe('compareValues', () => {
  it.each([
    [1, 2, -1],
    [2, 1, 1],
    ['a', 'B', -1],
    ['School 2', 'School 10', -1],
    [null, 1, 1],
    [1, null, -1],
    [null, null, 0],
  ] as const)('compare(%s, %s) has sign %i', (a, b, sign) => {
    expect(Math.sign(compareValues(a, b))).toBe(sign);
  });
});

describe('sortRows', () => {
  const rows = [
    { name: 'b', n: 2 },
    { name: 'a', n: null },
    { name: 'c', n: 3 },
    { name: 'd', n: 2 },
  ];

  it('sorts ascending with nulls last', () => {
    expect(sortRows(rows, (r) => r.n, 'asc').map((r) => r.name)).toEqual(['b', 'd', 'c', 'a']);
  });

  it('sorts descending with nulls still last and ties stable', () => {
    expect(sortRows(rows, (r) => r.n, 'desc').map((r) => r.name)).toEqual(['c', 'b', 'd', 'a']);
  });

  it('does not mutate its input', () => {
    sortRows(rows, (r) => r.name, 'desc');
    expect(rows[0]?.name).toBe('b');
  });
});

describe('ariaSort', () => {
  it('names the active direction only', () => {
    expect(ariaSort(true, 'asc')).toBe('ascending');
    expect(ariaSort(true, 'desc')).toBe('descending');
    expect(ariaSort(false, 'desc')).toBe('none');
  });
});
