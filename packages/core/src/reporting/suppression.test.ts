import { describe, expect, it } from 'vitest';
import { DEFAULT_REPORTING_SETTINGS } from './settings.ts';
import type { SuppressionSettings } from './settings.ts';
import { publishRate, suppressTable } from './suppression.ts';
import type { CountTable, SuppressedTable } from './suppression.ts';

const settings = DEFAULT_REPORTING_SETTINGS.suppression;

/** The published grid, totals included: detail rows, then the column-total row; row totals last. */
function shown(t: SuppressedTable): string[][] {
  const rows = t.cells.map((r, i) => [...r.map((c) => c.display), t.rowTotals[i]!.display]);
  return [...rows, [...t.columnTotals.map((c) => c.display), t.grandTotal.display]];
}

const table = (cells: number[][], columns = cells[0]!.map((_, i) => `c${i}`)): CountTable => ({
  rowLabels: cells.map((_, i) => `r${i}`),
  columnLabels: columns,
  cells,
});

describe('suppressTable (montana-facts.md §4; decision 0039)', () => {
  it.each<[string, number[][], string[][], Partial<SuppressionSettings>?]>([
    [
      'nothing small: all published',
      [
        [12, 20],
        [15, 25],
      ],
      [
        ['12', '20', '32'],
        ['15', '25', '40'],
        ['27', '45', '72'],
      ],
    ],
    [
      'primary suppression of 4 forces complementary suppression in its row and column',
      [
        [4, 20, 30],
        [15, 25, 35],
      ],
      [
        ['*', '*', '30', '54'],
        ['*', '*', '35', '75'],
        ['19', '45', '65', '129'],
      ],
    ],
    [
      'small totals are suppressed too',
      [[3, 4]],
      [
        ['*', '*', '*'],
        ['*', '*', '*'],
      ],
    ],
    [
      'a one-column table hides a second row and the row totals that equal the cells',
      [[5], [40], [50]],
      [
        ['*', '*'],
        ['*', '*'],
        ['50', '50'],
        ['95', '95'],
      ],
    ],
    [
      'zeros are published by default',
      [
        [0, 12],
        [11, 13],
      ],
      [
        ['0', '12', '12'],
        ['11', '13', '24'],
        ['11', '25', '36'],
      ],
    ],
    [
      'zeros are hidden when the setting says so',
      [
        [0, 12],
        [11, 13],
      ],
      [
        ['*', '*', '12'],
        ['*', '*', '24'],
        ['11', '25', '36'],
      ],
      { suppressZeros: true },
    ],
  ])('%s', (_name, cells, expected, overrides) => {
    expect(shown(suppressTable(table(cells), { ...settings, ...overrides }))).toEqual(expected);
  });

  it('leaves no row or column with exactly one hidden entry', () => {
    const cells = [
      [3, 40, 22, 18],
      [25, 7, 30, 41],
      [33, 28, 2, 19],
    ];
    const grid = shown(suppressTable(table(cells), settings));
    const lines = [...grid, ...grid[0]!.map((_, c) => grid.map((r) => r[c]!))];
    for (const line of lines) expect(line.filter((v) => v === '*').length).not.toBe(1);
  });

  it('explains each hidden cell and keeps the true value', () => {
    const result = suppressTable(
      table(
        [
          [4, 20, 30],
          [15, 25, 35],
        ],
        ['AM7', 'WH7', 'HI7'],
      ),
      settings,
    );
    expect(result.cells[0]![0]).toEqual({
      value: 4,
      display: '*',
      suppressed: 'primary',
      explanation: 'suppressed: 4 is below the minimum n of 10',
    });
    expect(result.cells[0]![1]).toMatchObject({
      value: 20,
      suppressed: 'complementary',
      explanation: "suppressed (complementary): row 'r0' would reveal r0 × AM7",
    });
  });
});

describe('publishRate', () => {
  const ranges = { ...settings, rateDisplay: 'federal-ranges' as const };
  it.each<[number, number, SuppressionSettings, string]>([
    [0, 0, settings, 'n/a'],
    [3, 8, settings, '*'],
    [1, 40, settings, '≤5%'],
    [2, 40, settings, '≤5%'],
    [39, 40, settings, '≥95%'],
    [17, 20, settings, '85%'],
    [189, 200, settings, '94%'],
    [9, 12, ranges, '≥50%'],
    [5, 12, ranges, '<50%'],
    [17, 20, ranges, '80–89%'],
    [27, 30, ranges, '90–94%'],
    [17, 40, ranges, '40–44%'],
    [3, 40, ranges, '6–9%'],
    [50, 100, ranges, '50%'],
  ])('%s / %s → %s', (numerator, denominator, s, display) => {
    expect(publishRate(numerator, denominator, s).display).toBe(display);
  });
});
