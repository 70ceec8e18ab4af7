import type { TrendPoint } from '@bitterroot/contracts';
import { SEVERITIES, type Severity } from './finding-view.ts';

/** One line of the trend chart: open findings of a severity on each day. */
export interface TrendSeries {
  severity: Severity;
  values: number[];
}

/** The trend as the chart draws it: the run days in order and a line per severity present. */
export interface TrendModel {
  days: string[];
  series: TrendSeries[];
  totals: number[];
}

/**
 * Sums the API's per-rule points into one line per severity over the days that had a full run (the API
 * already fills zeros for rules absent on a run day). Severities with no point in the period get no line.
 */
export function buildTrend(points: readonly TrendPoint[]): TrendModel {
  const days = [...new Set(points.map((p) => p.day))].sort();
  const index = new Map(days.map((d, i) => [d, i]));
  const bySeverity = new Map<Severity, number[]>();
  for (const p of points) {
    const values = bySeverity.get(p.severity) ?? days.map(() => 0);
    values[index.get(p.day)!]! += p.count;
    bySeverity.set(p.severity, values);
  }
  const series = SEVERITIES.filter((s) => bySeverity.has(s)).map((severity) => ({
    severity,
    values: bySeverity.get(severity)!,
  }));
  const totals = days.map((_, i) => series.reduce((sum, s) => sum + s.values[i]!, 0));
  return { days, series, totals };
}

/** A sentence describing the trend for screen readers: first and last day's totals. */
export function describeTrend(model: TrendModel): string {
  if (model.days.length === 0) return 'No full validation run in the period.';
  const first = model.totals[0]!;
  const last = model.totals.at(-1)!;
  return `${model.days.length} run days from ${model.days[0]} to ${model.days.at(-1)}: ${first} open on the first, ${last} on the last.`;
}
