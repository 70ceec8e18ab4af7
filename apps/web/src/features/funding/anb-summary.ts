import type { BudgetUnitAnbBody, District, StateAnbSummary } from '@bitterroot/contracts';
import type { Bar } from '../../components/bar-chart.tsx';
import { ENROLLMENT_BANDS, bandIndex } from '../districts/enrollment-bands.ts';
import { BUDGET_UNIT_LABELS, formatAnb, formatWeight } from './funding-format.ts';

/** A district's counts and ANB over its budget units. */
export interface AnbTotals {
  fall: number;
  spring: number;
  /** Sum of the budget units' rounded ANB: each unit is funded on its own rounded figure. */
  anb: number;
}

// Weights are quarters and pro-rata shares: sums drift in the 15th decimal, so totals are rounded to 6.
const tidy = (value: number) => Math.round(value * 1e6) / 1e6;

/** Totals of a district's budget units. */
export function unitTotals(units: readonly BudgetUnitAnbBody[]): AnbTotals {
  return {
    fall: tidy(units.reduce((s, u) => s + u.fall, 0)),
    spring: tidy(units.reduce((s, u) => s + u.spring, 0)),
    anb: tidy(units.reduce((s, u) => s + u.anbRounded, 0)),
  };
}

/**
 * The ANB formula with a unit's numbers: (fall + spring) ÷ 2 × (180 + PIR days) ÷ 180
 * (MCA 20-9-311(1)–(2); montana-facts.md §3.1), e.g. "(150 + 166) ÷ 2 × (180 + 7) ÷ 180 = 164.14".
 */
export function formulaText(unit: BudgetUnitAnbBody): string {
  const pir = unit.pirDaysUsed;
  return `(${formatWeight(unit.fall)} + ${formatWeight(unit.spring)}) ÷ 2 × (180 + ${pir}) ÷ 180 = ${formatAnb(unit.anbRounded)}`;
}

/** One district's row on the statewide page. */
export interface StateAnbRow {
  districtNumber: string;
  name: string;
  level: District['level'] | null;
  elementary: number | null;
  highSchool: number | null;
  fall: number;
  spring: number;
  anb: number;
}

/** The statewide summary as one row per district, named from the district list. */
export function stateRows(summary: StateAnbSummary, districts: readonly District[]): StateAnbRow[] {
  const byNumber = new Map(districts.map((d) => [d.districtNumber, d]));
  return summary.districts.map((d) => {
    const unit = (key: keyof typeof BUDGET_UNIT_LABELS) =>
      d.units.find((u) => u.budgetUnit === key)?.anbRounded ?? null;
    const district = byNumber.get(d.districtNumber);
    return {
      districtNumber: d.districtNumber,
      name: district?.name ?? `District ${d.districtNumber}`,
      level: district?.level ?? null,
      elementary: unit('elementary'),
      highSchool: unit('high_school'),
      ...unitTotals(d.units),
    };
  });
}

/** Statewide totals of the rows shown. */
export interface StateAnbTotals extends AnbTotals {
  districts: number;
  elementary: number;
  highSchool: number;
}

/** Totals over district rows. */
export function stateTotals(rows: readonly StateAnbRow[]): StateAnbTotals {
  const sum = (f: (r: StateAnbRow) => number | null) => tidy(rows.reduce((s, r) => s + (f(r) ?? 0), 0));
  return {
    districts: rows.length,
    fall: sum((r) => r.fall),
    spring: sum((r) => r.spring),
    anb: sum((r) => r.anb),
    elementary: sum((r) => r.elementary),
    highSchool: sum((r) => r.highSchool),
  };
}

/** Total ANB of the districts in each size band (the state overview's enrollment bands, by ANB). */
export function anbByBand(rows: readonly StateAnbRow[]): { bars: Bar[]; districts: number[] } {
  const anb = ENROLLMENT_BANDS.map(() => 0);
  const districts = ENROLLMENT_BANDS.map(() => 0);
  for (const r of rows) {
    const i = bandIndex(r.anb);
    anb[i] = (anb[i] ?? 0) + r.anb;
    districts[i] = (districts[i] ?? 0) + 1;
  }
  return { bars: ENROLLMENT_BANDS.map((b, i) => ({ label: b.label, value: anb[i] ?? 0 })), districts };
}

/** Fall and spring counts per budget unit, side by side, for a chart. */
export function fallSpringBars(units: readonly BudgetUnitAnbBody[]): Bar[] {
  return (['elementary', 'high_school'] as const).flatMap((key) => {
    const matching = units.filter((u) => u.budgetUnit === key);
    const label = BUDGET_UNIT_LABELS[key];
    return [
      { label: `${label} fall`, value: tidy(matching.reduce((s, u) => s + u.fall, 0)) },
      { label: `${label} spring`, value: tidy(matching.reduce((s, u) => s + u.spring, 0)) },
    ];
  });
}
