import type { SuppressionSettings } from './settings.ts';

/** A cross-tab of counts; row, column and grand totals are derived, since a public table shows them. */
export type CountTable = { rowLabels: string[]; columnLabels: string[]; cells: number[][] };

/** Why a value is hidden: below the minimum n, or to protect another hidden value. */
export type SuppressionKind = 'primary' | 'complementary';

/** One published value: the true count (kept for internal use), what the public sees, and why. */
export type PublishedCell = {
  value: number;
  display: string;
  suppressed: SuppressionKind | false;
  explanation: string;
};

/** A table ready to publish: details, totals and the reasons. */
export type SuppressedTable = {
  rowLabels: string[];
  columnLabels: string[];
  cells: PublishedCell[][];
  rowTotals: PublishedCell[];
  columnTotals: PublishedCell[];
  grandTotal: PublishedCell;
};

type Grid = { value: number; kind: SuppressionKind | false; why: string }[][];
type Pos = [number, number];

const TOTAL = 'Total';

function extend(table: CountTable): number[][] {
  const rows = table.cells.map((r) => [...r, r.reduce((a, b) => a + b, 0)]);
  const width = table.columnLabels.length + 1;
  const totals = Array.from({ length: width }, (_, c) => rows.reduce((sum, r) => sum + (r[c] ?? 0), 0));
  return [...rows, totals];
}

/** Every line whose entries add up: each row with its row total, each column with its column total. */
function lines(height: number, width: number): { name: (t: CountTable) => string; cells: Pos[] }[] {
  const label = (labels: string[], i: number) => labels[i] ?? TOTAL;
  const rows = Array.from({ length: height }, (_, r) => ({
    name: (t: CountTable) => `row '${label(t.rowLabels, r)}'`,
    cells: Array.from({ length: width }, (_, c): Pos => [r, c]),
  }));
  const columns = Array.from({ length: width }, (_, c) => ({
    name: (t: CountTable) => `column '${label(t.columnLabels, c)}'`,
    cells: Array.from({ length: height }, (_, r): Pos => [r, c]),
  }));
  return [...rows, ...columns];
}

/**
 * The complement for a line with one hidden entry: a detail cell before a total, one whose crossing line
 * already hides something (no new cascade), a non-zero count (a hidden zero protects little), the smallest.
 */
function pickComplement(grid: Grid, line: Pos[], height: number, width: number): Pos {
  const open = line.filter(([r, c]) => grid[r]![c]!.kind === false);
  const crossHidden = ([r, c]: Pos, along: 'row' | 'column') =>
    along === 'row'
      ? grid.some((row) => row[c]!.kind !== false)
      : grid[r]!.some((cell) => cell.kind !== false);
  const along = line[0]![0] === line[1]?.[0] ? 'row' : 'column';
  const key = ([r, c]: Pos) => {
    const v = grid[r]![c]!.value;
    const isTotal = r === height - 1 || c === width - 1 ? 1 : 0;
    return [isTotal, crossHidden([r, c], along) ? 0 : 1, v === 0 ? 1 : 0, v];
  };
  return [...open].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i]! - kb[i]!;
    return 0;
  })[0]!;
}

/**
 * Small-cell suppression for public reports (montana-facts.md §4 "Small-cell suppression"; decision 0039):
 * counts from 1 to minimumN − 1 are hidden (OPI report cards: fewer than 10), then complementary cells are
 * hidden until no row or column has exactly one hidden entry, so none can be recovered from the totals.
 */
export function suppressTable(table: CountTable, settings: SuppressionSettings): SuppressedTable {
  const values = extend(table);
  const height = values.length;
  const width = table.columnLabels.length + 1;
  const small = (v: number) => (v > 0 || settings.suppressZeros) && v < settings.minimumN;
  const grid: Grid = values.map((row) =>
    row.map((value) =>
      small(value)
        ? {
            value,
            kind: 'primary',
            why: `suppressed: ${value} is below the minimum n of ${settings.minimumN}`,
          }
        : { value, kind: false, why: 'published' },
    ),
  );
  const all = lines(height, width);
  for (let changed = true; changed;) {
    changed = false;
    for (const line of all) {
      const hidden = line.cells.filter(([r, c]) => grid[r]![c]!.kind !== false);
      if (hidden.length !== 1) continue;
      const [hr, hc] = hidden[0]!;
      const [r, c] = pickComplement(grid, line.cells, height, width);
      const protects = `${table.rowLabels[hr] ?? TOTAL} × ${table.columnLabels[hc] ?? TOTAL}`;
      grid[r]![c] = {
        value: grid[r]![c]!.value,
        kind: 'complementary',
        why: `suppressed (complementary): ${line.name(table)} would reveal ${protects}`,
      };
      changed = true;
    }
  }
  const cell = ([r, c]: Pos): PublishedCell => {
    const g = grid[r]![c]!;
    const display = g.kind === false ? String(g.value) : settings.symbol;
    return { value: g.value, display, suppressed: g.kind, explanation: g.why };
  };
  const detail = table.rowLabels.map((_, r) => table.columnLabels.map((_, c) => cell([r, c])));
  return {
    rowLabels: table.rowLabels,
    columnLabels: table.columnLabels,
    cells: detail,
    rowTotals: table.rowLabels.map((_, r) => cell([r, width - 1])),
    columnTotals: table.columnLabels.map((_, c) => cell([height - 1, c])),
    grandTotal: cell([height - 1, width - 1]),
  };
}

/** A rate as the public sees it, and why. */
export type PublishedRate = { display: string; explanation: string };

const pct = (x: number) => Math.round(x * 100);

/** 10- or 5-point band of a rate, clipped inside the top and bottom codes. */
function band(rate: number, width: number, s: SuppressionSettings): string {
  const low = Math.max(Math.floor((rate * 100) / width) * width, pct(s.bottomCode) + 1);
  const high = Math.min(low - (low % width) + width - 1, pct(s.topCode) - 1);
  return `${low}–${high}%`;
}

/**
 * A rate for a public report (montana-facts.md §4; decision 0039): hidden when the denominator is below the
 * minimum n, bottom- and top-coded at ≤5% / ≥95%, otherwise a whole percent or, under `federal-ranges`, the
 * ED Data Express bands by group size (≤15: above/below 50%; ≤30: 10 points; ≤60: 5 points).
 */
export function publishRate(numerator: number, denominator: number, s: SuppressionSettings): PublishedRate {
  if (denominator <= 0) return { display: 'n/a', explanation: 'no students in the denominator' };
  if (denominator < s.minimumN)
    return {
      display: s.symbol,
      explanation: `suppressed: denominator ${denominator} is below ${s.minimumN}`,
    };
  const rate = numerator / denominator;
  if (rate <= s.bottomCode) return { display: `≤${pct(s.bottomCode)}%`, explanation: 'bottom-coded' };
  if (rate >= s.topCode) return { display: `≥${pct(s.topCode)}%`, explanation: 'top-coded' };
  // Keep a rounded percent off the coded values, so 94.6% does not print as an uncoded 95%.
  const whole = `${Math.min(Math.max(pct(rate), pct(s.bottomCode) + 1), pct(s.topCode) - 1)}%`;
  if (s.rateDisplay === 'whole-percent') return { display: whole, explanation: 'whole percent' };
  if (denominator <= 15)
    return { display: rate >= 0.5 ? '≥50%' : '<50%', explanation: `range for a group of ${denominator}` };
  const width = denominator <= 30 ? 10 : denominator <= 60 ? 5 : 0;
  if (width === 0) return { display: whole, explanation: `whole percent for a group of ${denominator}` };
  return { display: band(rate, width, s), explanation: `${width}-point range for a group of ${denominator}` };
}
