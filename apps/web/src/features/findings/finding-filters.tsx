import type { FindingStatus, FindingView } from './finding-view.ts';
import { SEVERITIES, isSeverity } from './finding-view.ts';

/** Props of FindingFilters. */
export interface FindingFiltersProps {
  view: FindingView;
  rules: readonly string[];
  onChange: (patch: Partial<FindingView>) => void;
}

const STATUSES: readonly [FindingStatus, string][] = [
  ['open', 'Open'],
  ['resolved', 'Resolved'],
  ['all', 'All'],
];

/** Rule, severity and status filters above a district's findings table. */
export function FindingFilters({ view, rules, onChange }: FindingFiltersProps) {
  const filtered = view.rule !== '' || view.severity !== '' || view.status !== 'open';
  return (
    <form className="filters" role="search" aria-label="Filter findings" onSubmit={(e) => e.preventDefault()}>
      <div className="field">
        <label htmlFor="finding-rule">Rule</label>
        <select id="finding-rule" value={view.rule} onChange={(e) => onChange({ rule: e.target.value })}>
          <option value="">All rules</option>
          {/* Keep a rule picked from the URL selectable even when it has no open finding now. */}
          {[...new Set([...rules, view.rule].filter(Boolean))].toSorted().map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="finding-severity">Severity</label>
        <select
          id="finding-severity"
          value={view.severity}
          onChange={(e) => onChange({ severity: isSeverity(e.target.value) ? e.target.value : '' })}
        >
          <option value="">All severities</option>
          {SEVERITIES.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="finding-status">Status</label>
        <select
          id="finding-status"
          value={view.status}
          onChange={(e) => {
            const status = STATUSES.find(([v]) => v === e.target.value)?.[0];
            if (status) onChange({ status });
          }}
        >
          {STATUSES.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </div>
      {filtered && (
        <button
          type="button"
          className="button-secondary"
          onClick={() => onChange({ rule: '', severity: '', status: 'open' })}
        >
          Clear filters
        </button>
      )}
    </form>
  );
}
