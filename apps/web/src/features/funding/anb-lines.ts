import type { AnbLineBody } from '@bitterroot/contracts';
import type { SortOrder, SortValue } from '../../lib/sort.ts';
import { sortRows } from '../../lib/sort.ts';

/** A per-student line with a stable row id (a pupil can have two enrollments in one count). */
export type AnbRow = AnbLineBody & { id: number; reason: string };

/** Columns the per-student table sorts by. */
export type LineSortKey =
  'stateId' | 'count' | 'schoolNumber' | 'budgetUnit' | 'status' | 'weight' | 'explanation';

const SORT_KEYS: readonly LineSortKey[] = [
  'stateId',
  'count',
  'schoolNumber',
  'budgetUnit',
  'status',
  'weight',
  'explanation',
];

/** Filters and sort of the per-student table, as kept in the URL. */
export interface LineView {
  /** State ID or part of one. */
  q: string;
  school: string;
  unit: AnbLineBody['budgetUnit'] | '';
  count: AnbLineBody['count'] | '';
  status: AnbLineBody['status'] | '';
  reason: string;
  sort: LineSortKey;
  order: SortOrder;
}

/** The unfiltered view, sorted by state ID. */
export const DEFAULT_LINE_VIEW: LineView = {
  q: '',
  school: '',
  unit: '',
  count: '',
  status: '',
  reason: '',
  sort: 'stateId',
  order: 'asc',
};

const pick = <T extends string>(value: string | null, allowed: readonly T[]): T | '' =>
  allowed.find((a) => a === value) ?? '';

/** Reads the line view from the URL; unknown values fall back to the defaults. */
export function parseLineView(params: URLSearchParams): LineView {
  return {
    q: params.get('q') ?? '',
    school: params.get('school') ?? '',
    unit: pick(params.get('unit'), ['elementary', 'high_school'] as const),
    count: pick(params.get('count'), ['fall', 'spring'] as const),
    status: pick(params.get('status'), ['counted', 'excluded', 'not-counted'] as const),
    reason: params.get('reason') ?? '',
    sort: pick(params.get('sort'), SORT_KEYS) || DEFAULT_LINE_VIEW.sort,
    order: params.get('order') === 'desc' ? 'desc' : 'asc',
  };
}

/**
 * The reason an explanation gives, for grouping: the first clause with dates blanked, so "not counted:
 * enrollment starts 2025-10-14" and "…starts 2025-11-02" fall in one group, and any cap noted once.
 */
export function reasonOf(explanation: string): string {
  const [main = explanation, ...rest] = explanation.split(';');
  const general = main
    .replace(/\d{4}-\d{2}-\d{2}/g, '…')
    .replace(/\s*\(\d+ days?\)$/, '')
    .trim();
  return rest.some((r) => r.trim().startsWith('capped')) ? `${general}; capped` : general;
}

/** The report's lines as table rows. */
export function toRows(lines: readonly AnbLineBody[]): AnbRow[] {
  return lines.map((l, id) => ({ ...l, id, reason: reasonOf(l.explanation) }));
}

/** Each distinct reason with how many lines give it, most frequent first. */
export function reasonCounts(rows: readonly AnbRow[]): { reason: string; lines: number }[] {
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(r.reason, (counts.get(r.reason) ?? 0) + 1);
  return [...counts]
    .map(([reason, lines]) => ({ reason, lines }))
    .toSorted((a, b) => b.lines - a.lines || a.reason.localeCompare(b.reason));
}

function sortValue(row: AnbRow, key: LineSortKey): SortValue {
  return row[key];
}

/** Applies the view's filters and sort. */
export function applyLineView(rows: readonly AnbRow[], view: LineView): AnbRow[] {
  const q = view.q.trim();
  const filtered = rows.filter(
    (r) =>
      (q === '' || r.stateId.includes(q)) &&
      (view.school === '' || r.schoolNumber === view.school) &&
      (view.unit === '' || r.budgetUnit === view.unit) &&
      (view.count === '' || r.count === view.count) &&
      (view.status === '' || r.status === view.status) &&
      (view.reason === '' || r.reason === view.reason),
  );
  return sortRows(filtered, (r) => sortValue(r, view.sort), view.order);
}

/** Sum of the weights of rows (a filtered subtotal), rounded against floating-point drift. */
export function weightSum(rows: readonly AnbRow[]): number {
  return Math.round(rows.reduce((s, r) => s + r.weight, 0) * 1e6) / 1e6;
}
