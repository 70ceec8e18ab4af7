import type { ValidationFinding } from '@bitterroot/contracts';
import type { SortOrder, SortValue } from '../../lib/sort.ts';
import { sortRows } from '../../lib/sort.ts';

/** A finding severity. */
export type Severity = ValidationFinding['severity'];

/** Finding lifecycle filter, as in the API's `status` parameter. */
export type FindingStatus = 'open' | 'resolved' | 'all';

/** Columns the district findings table sorts by. */
export type FindingSortKey = 'rule' | 'severity' | 'stateId' | 'message' | 'firstSeen' | 'status';

/** Severities, most serious first. */
export const SEVERITIES: readonly Severity[] = ['fatal', 'warning', 'info'];

/** Filter and sort state of a district's findings page (kept in the URL so a heat-map cell can link to it). */
export interface FindingView {
  rule: string;
  severity: Severity | '';
  status: FindingStatus;
  sort: FindingSortKey;
  order: SortOrder;
}

/** The view before anyone changes it: open findings, most serious first. */
export const DEFAULT_FINDING_VIEW: FindingView = {
  rule: '',
  severity: '',
  status: 'open',
  sort: 'severity',
  order: 'asc',
};

const SORT_KEYS: readonly FindingSortKey[] = [
  'rule',
  'severity',
  'stateId',
  'message',
  'firstSeen',
  'status',
];

/** True when a string is a finding severity. */
export function isSeverity(value: string): value is Severity {
  return (SEVERITIES as readonly string[]).includes(value);
}

/** Reads the view from URL parameters; anything unknown falls back to the default (URLs get hand-edited). */
export function parseFindingView(params: URLSearchParams): FindingView {
  const d = DEFAULT_FINDING_VIEW;
  const severity = params.get('severity') ?? '';
  const status = params.get('status') ?? '';
  const sort = params.get('sort') ?? '';
  const rule = params.get('rule') ?? '';
  return {
    // The API caps rule ids at 20 characters; a longer one would only earn a 400.
    rule: /^[A-Z0-9-]{1,20}$/.test(rule) ? rule : d.rule,
    severity: isSeverity(severity) ? severity : d.severity,
    status: status === 'resolved' || status === 'all' ? status : d.status,
    sort: (SORT_KEYS as readonly string[]).includes(sort) ? (sort as FindingSortKey) : d.sort,
    order: params.get('order') === 'desc' ? 'desc' : d.order,
  };
}

/** Open, acknowledged or resolved: what the status column shows. */
export function findingState(f: ValidationFinding): 'open' | 'acknowledged' | 'resolved' {
  if (f.resolvedAt !== null) return 'resolved';
  return f.acknowledgedAt !== null ? 'acknowledged' : 'open';
}

/** The value a finding sorts by in a column; severity sorts by seriousness, not alphabetically. */
export function findingSortValue(f: ValidationFinding, key: FindingSortKey): SortValue {
  switch (key) {
    case 'severity':
      return SEVERITIES.indexOf(f.severity);
    case 'status':
      return findingState(f);
    case 'rule':
    case 'stateId':
    case 'message':
    case 'firstSeen':
      return f[key];
  }
}

/** The findings in the view's order; ties keep the server's order (fatal first, then by rule). */
export function sortFindings(findings: readonly ValidationFinding[], view: FindingView): ValidationFinding[] {
  return sortRows(findings, (f) => findingSortValue(f, view.sort), view.order);
}

/** Only warnings and info findings still open and not yet acknowledged can be acknowledged (fatal ones must be fixed). */
export function canAcknowledge(f: ValidationFinding): boolean {
  return f.severity !== 'fatal' && findingState(f) === 'open';
}

/** Per-rule counts, fatal first, then the most findings, then by rule id. */
export function sortRuleCounts<T extends { rule: string; severity: Severity; count: number }>(
  counts: readonly T[],
): T[] {
  return counts.toSorted(
    (a, b) =>
      SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) ||
      b.count - a.count ||
      a.rule.localeCompare(b.rule),
  );
}
