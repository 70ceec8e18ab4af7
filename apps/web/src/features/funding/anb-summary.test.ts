import type { BudgetUnitAnbBody, District, StateAnbSummary } from '@bitterroot/contracts';
import { describe, expect, it } from 'vitest';
import { anbSearch, parseAnbParams } from './anb-params.ts';
import { anbByBand, fallSpringBars, formulaText, stateRows, stateTotals, unitTotals } from './anb-summary.ts';
import { applyStateView, DEFAULT_STATE_VIEW } from './state-anb-view.ts';

const unit = (over: Partial<BudgetUnitAnbBody>): BudgetUnitAnbBody => ({
  budgetUnit: 'elementary',
  fall: 150,
  spring: 166,
  esaFall: 0,
  esaSpring: 0,
  averageEnrollment: 158,
  pirDaysUsed: 7,
  anb: 164.1444,
  anbRounded: 164.14,
  explanation: [],
  ...over,
});

describe('district ANB', () => {
  it('shows the OPI worked example as a formula (montana-facts.md §3.1)', () => {
    expect(formulaText(unit({}))).toBe('(150 + 166) ÷ 2 × (180 + 7) ÷ 180 = 164.14');
  });

  it('adds the budget units, each on its rounded ANB', () => {
    const units = [unit({}), unit({ budgetUnit: 'high_school', fall: 0.75, spring: 0.5, anbRounded: 0.65 })];
    expect(unitTotals(units)).toEqual({ fall: 150.75, spring: 166.5, anb: 164.79 });
    expect(fallSpringBars(units).map((b) => b.value)).toEqual([150, 166, 0.75, 0.5]);
  });
});

describe('statewide ANB', () => {
  const summary: StateAnbSummary = {
    schoolYear: 2026,
    source: 'live',
    fallCountDate: '2025-10-06',
    springCountDate: '2026-02-02',
    pirDays: 7,
    districts: [
      {
        districtNumber: '0001',
        units: [unit({ anbRounded: 8 }), unit({ budgetUnit: 'high_school', anbRounded: 3 })],
      },
      { districtNumber: '0002', units: [unit({ anbRounded: 1200.5 })] },
    ],
  };
  const districts = [
    { districtNumber: '0001', name: 'Alder Elem', level: 'elementary' },
    { districtNumber: '0002', name: 'Birch H S', level: 'high_school' },
  ] as District[];
  const rows = stateRows(summary, districts);

  it('names the districts and keeps each unit apart', () => {
    expect(rows[0]).toMatchObject({ name: 'Alder Elem', elementary: 8, highSchool: 3, anb: 11 });
    expect(rows[1]).toMatchObject({ name: 'Birch H S', elementary: 1200.5, highSchool: null });
  });

  it('totals the rows and bands them by ANB', () => {
    expect(stateTotals(rows)).toMatchObject({ districts: 2, anb: 1211.5, elementary: 1208.5, highSchool: 3 });
    const { bars, districts: perBand } = anbByBand(rows);
    expect(bars.find((b) => b.label === '10–24')?.value).toBe(11);
    expect(bars.find((b) => b.label === '1,000–2,499')?.value).toBe(1200.5);
    expect(perBand.reduce((a, b) => a + b, 0)).toBe(2);
  });

  it('filters by name and level and sorts largest ANB first by default', () => {
    expect(applyStateView(rows, DEFAULT_STATE_VIEW).map((r) => r.districtNumber)).toEqual(['0002', '0001']);
    expect(applyStateView(rows, { ...DEFAULT_STATE_VIEW, q: 'alder' })).toHaveLength(1);
    expect(applyStateView(rows, { ...DEFAULT_STATE_VIEW, level: 'high_school' })[0]?.name).toBe('Birch H S');
  });
});

describe('ANB parameters in the URL', () => {
  it('round-trips and drops defaults and out-of-range PIR days', () => {
    const params = parseAnbParams(new URLSearchParams('source=certified&pirDays=7&year=2026'));
    expect(params).toEqual({ source: 'certified', pirDays: 7, year: 2026 });
    expect(anbSearch(params)).toBe('?source=certified&pirDays=7&year=2026');
    expect(parseAnbParams(new URLSearchParams('source=x&pirDays=9'))).toEqual({
      source: 'live',
      pirDays: 0,
      year: null,
    });
    expect(anbSearch(parseAnbParams(new URLSearchParams()))).toBe('');
  });
});
