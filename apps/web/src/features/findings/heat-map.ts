import type { Severity } from './finding-view.ts';
import { SEVERITIES } from './finding-view.ts';

/** One cell of GET /api/v1/findings/matrix. */
export interface MatrixCell {
  district: string;
  rule: string;
  severity: Severity;
  count: number;
}

/** A heat map row: one district with its open finding count per rule. */
export interface HeatRow {
  district: string;
  name: string;
  total: number;
  counts: ReadonlyMap<string, number>;
}

/** The heat map after filtering: rule columns (fatal first), district rows (most findings first), the top count. */
export interface HeatGrid {
  rules: readonly { rule: string; severity: Severity }[];
  rows: readonly HeatRow[];
  max: number;
}

/** Heat map filters: severity and a district name or number fragment. */
export interface HeatFilter {
  severity: Severity | '';
  q: string;
}

/** Number of colour bands above zero (CSS classes heat-1 … heat-5). */
export const HEAT_BANDS = 5;

/**
 * The colour band of a count: 0 for none, else 1…HEAT_BANDS on a log scale of the largest count, because
 * a few big districts otherwise wash every other cell out to the palest band.
 */
export function heatBand(count: number, max: number): number {
  if (count <= 0 || max <= 0) return 0;
  if (max === 1) return HEAT_BANDS;
  const band = Math.ceil((Math.log(count + 1) / Math.log(max + 1)) * HEAT_BANDS);
  return Math.min(HEAT_BANDS, Math.max(1, band));
}

/** Builds the grid from matrix cells, keeping only rows and columns that have a finding after filtering. */
export function buildHeatGrid(
  cells: readonly MatrixCell[],
  names: ReadonlyMap<string, string>,
  filter: HeatFilter,
): HeatGrid {
  const words = filter.q.toLowerCase().split(/\s+/).filter(Boolean);
  const matches = (district: string) => {
    const text = `${district} ${names.get(district) ?? ''}`.toLowerCase();
    return words.every((w) => text.includes(w));
  };
  const kept = cells.filter(
    (c) => c.count > 0 && (filter.severity === '' || c.severity === filter.severity) && matches(c.district),
  );
  const severityOf = new Map<string, Severity>();
  const byDistrict = new Map<string, Map<string, number>>();
  for (const c of kept) {
    severityOf.set(c.rule, c.severity);
    const counts = byDistrict.get(c.district) ?? new Map<string, number>();
    counts.set(c.rule, (counts.get(c.rule) ?? 0) + c.count);
    byDistrict.set(c.district, counts);
  }
  const rules = [...severityOf]
    .map(([rule, severity]) => ({ rule, severity }))
    .toSorted(
      (a, b) =>
        SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) || a.rule.localeCompare(b.rule),
    );
  const rows = [...byDistrict]
    .map(([district, counts]) => ({
      district,
      name: names.get(district) ?? `District ${district}`,
      total: [...counts.values()].reduce((s, n) => s + n, 0),
      counts,
    }))
    .toSorted((a, b) => b.total - a.total || a.district.localeCompare(b.district));
  const max = Math.max(0, ...kept.map((c) => c.count));
  return { rules, rows, max };
}

/** Open findings per rule across the grid, for the bar chart (same column order as the grid). */
export function totalsByRule(grid: HeatGrid): { label: string; value: number }[] {
  return grid.rules.map(({ rule }) => ({
    label: rule,
    value: grid.rows.reduce((s, row) => s + (row.counts.get(rule) ?? 0), 0),
  }));
}
