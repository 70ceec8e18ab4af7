const anb = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const weight = new Intl.NumberFormat('en-US', { maximumFractionDigits: 4 });
const percent = new Intl.NumberFormat('en-US', {
  style: 'percent',
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
});

/** An ANB figure with two decimals, as OPI publishes it ("164.14"). */
export function formatAnb(value: number): string {
  return anb.format(value);
}

/** A count or weight without trailing zeros ("1.75", "0.25", "150"). */
export function formatWeight(value: number): string {
  return weight.format(value);
}

/** A rate in percent with one decimal ("93.4%"); null (no denominator) shows as an em dash. */
export function formatPercent(value: number | null): string {
  return value === null ? '—' : percent.format(value);
}

/** A share, or null when the denominator is zero. */
export function rate(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

/** Budget unit names as the funding formula uses them (MCA 20-9-311: elementary and high school). */
export const BUDGET_UNIT_LABELS = { elementary: 'Elementary', high_school: 'High school' } as const;

/** A budget unit key. */
export type BudgetUnitKey = keyof typeof BUDGET_UNIT_LABELS;
