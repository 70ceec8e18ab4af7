import { describe, expect, it } from 'vitest';
import type { MatrixCell } from './heat-map.ts';
import { HEAT_BANDS, buildHeatGrid, heatBand, totalsByRule } from './heat-map.ts';

const cells: MatrixCell[] = [
  { district: '0001', rule: 'ENR-002', severity: 'warning', count: 3 },
  { district: '0001', rule: 'ENR-001', severity: 'fatal', count: 1 },
  { district: '0002', rule: 'ENR-002', severity: 'warning', count: 10 },
  { district: '0003', rule: 'ATT-001', severity: 'info', count: 0 },
];
const names = new Map([
  ['0001', 'Alpha Elem'],
  ['0002', 'Beta H S'],
]);

describe('heatBand', () => {
  it.each([
    [0, 10, 0],
    [1, 0, 0],
    [1, 1, HEAT_BANDS],
    [10, 10, HEAT_BANDS],
    [1, 1000, 1],
    [999, 1000, HEAT_BANDS],
  ])('count %i of max %i is band %i', (count, max, band) => {
    expect(heatBand(count, max)).toBe(band);
  });

  it('never decreases as the count grows', () => {
    const bands = Array.from({ length: 200 }, (_, i) => heatBand(i + 1, 200));
    expect(bands).toEqual(bands.toSorted((a, b) => a - b));
  });
});

describe('buildHeatGrid', () => {
  it('puts fatal rules first, busiest districts first, and drops empty cells', () => {
    const grid = buildHeatGrid(cells, names, { severity: '', q: '' });
    expect(grid.rules.map((r) => r.rule)).toEqual(['ENR-001', 'ENR-002']);
    expect(grid.rows.map((r) => [r.district, r.name, r.total])).toEqual([
      ['0002', 'Beta H S', 10],
      ['0001', 'Alpha Elem', 4],
    ]);
    expect(grid.max).toBe(10);
    expect(totalsByRule(grid)).toEqual([
      { label: 'ENR-001', value: 1 },
      { label: 'ENR-002', value: 13 },
    ]);
  });

  it('filters by severity and by district name or number', () => {
    const fatal = buildHeatGrid(cells, names, { severity: 'fatal', q: '' });
    expect(fatal.rows.map((r) => r.district)).toEqual(['0001']);
    expect(fatal.rules.map((r) => r.rule)).toEqual(['ENR-001']);
    expect(buildHeatGrid(cells, names, { severity: '', q: 'beta' }).rows.map((r) => r.district)).toEqual([
      '0002',
    ]);
    expect(buildHeatGrid(cells, names, { severity: '', q: '0001' }).rows).toHaveLength(1);
    expect(buildHeatGrid(cells, names, { severity: '', q: 'nowhere' })).toEqual({
      rules: [],
      rows: [],
      max: 0,
    });
  });

  it('names a district it does not know by number', () => {
    const grid = buildHeatGrid(cells, new Map(), { severity: '', q: '' });
    expect(grid.rows[0]?.name).toBe('District 0002');
  });
});
