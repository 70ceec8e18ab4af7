import type { Finding } from '@bitterroot/contracts';
import type { SortOrder, SortValue } from '../../lib/sort.ts';
import { sortRows } from '../../lib/sort.ts';

/** Columns the findings table sorts by. */
export type FindingSortKey = 'line' | 'column' | 'value' | 'code' | 'severity' | 'message' | 'fix';

/** Severities, most serious first. */
export const SEVERITIES: readonly Finding['severity'][] = ['fatal', 'warning', 'info'];

/** Filter and sort state of the findings table. */
export interface FindingView {
  q: string;
  severity: Finding['severity'] | '';
  code: string;
  sort: FindingSortKey;
  order: SortOrder;
}

/** The view before the steward changes anything: every finding, in file order. */
export const DEFAULT_FINDING_VIEW: FindingView = {
  q: '',
  severity: '',
  code: '',
  sort: 'line',
  order: 'asc',
};

/** True when a string is a finding severity. */
export function isSeverity(value: string): value is Finding['severity'] {
  return (SEVERITIES as readonly string[]).includes(value);
}

/** The value a finding sorts by in a column; severity sorts by seriousness, not alphabetically. */
export function findingSortValue(finding: Finding, key: FindingSortKey): SortValue {
  switch (key) {
    case 'line':
      return finding.line;
    case 'column':
      return finding.field ?? finding.column;
    case 'severity':
      return SEVERITIES.indexOf(finding.severity);
    case 'value':
    case 'code':
    case 'message':
    case 'fix':
      return finding[key];
  }
}

/** Case-insensitive: every word of the query appears somewhere in the finding. */
export function findingMatchesText(finding: Finding, query: string): boolean {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = [
    finding.line ?? '',
    finding.column ?? '',
    finding.field ?? '',
    finding.value ?? '',
    finding.code,
    finding.severity,
    finding.message,
    finding.fix,
  ]
    .join('\u0000')
    .toLowerCase();
  return words.every((word) => haystack.includes(word));
}

/** Applies the view's text, severity and code filters, then its sort (stable: ties keep file order). */
export function applyFindingView<T extends Finding>(findings: readonly T[], view: FindingView): T[] {
  const filtered = findings.filter(
    (f) =>
      (view.severity === '' || f.severity === view.severity) &&
      (view.code === '' || f.code === view.code) &&
      findingMatchesText(f, view.q),
  );
  return sortRows(filtered, (f) => findingSortValue(f, view.sort), view.order);
}

/** True when any filter is set (sorting alone does not count). */
export function isFiltered(view: FindingView): boolean {
  return view.q !== '' || view.severity !== '' || view.code !== '';
}
