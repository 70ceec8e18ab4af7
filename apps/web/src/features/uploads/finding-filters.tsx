import { useId } from 'react';
import type { FindingView } from './finding-filter.ts';
import { isFiltered, isSeverity, SEVERITIES } from './finding-filter.ts';

/** Props of FindingFilters. */
export interface FindingFiltersProps {
  view: FindingView;
  codes: readonly string[];
  onChange: (patch: Partial<FindingView>) => void;
}

/** Text, severity and code filters above the findings table; they apply as you type. */
export function FindingFilters({ view, codes, onChange }: FindingFiltersProps) {
  const id = useId();
  return (
    <form className="filters" role="search" aria-label="Filter findings" onSubmit={(e) => e.preventDefault()}>
      <div className="field">
        <label htmlFor={`${id}-q`}>Search findings</label>
        <input
          id={`${id}-q`}
          type="search"
          value={view.q}
          placeholder="e.g. school or line 12"
          autoComplete="off"
          maxLength={100}
          onChange={(e) => onChange({ q: e.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-severity`}>Severity</label>
        <select
          id={`${id}-severity`}
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
        <label htmlFor={`${id}-code`}>Code</label>
        <select id={`${id}-code`} value={view.code} onChange={(e) => onChange({ code: e.target.value })}>
          <option value="">All codes</option>
          {codes.map((code) => (
            <option key={code} value={code}>
              {code}
            </option>
          ))}
        </select>
      </div>
      {isFiltered(view) && (
        <button
          type="button"
          className="button-secondary"
          onClick={() => onChange({ q: '', severity: '', code: '' })}
        >
          Clear filters
        </button>
      )}
    </form>
  );
}
