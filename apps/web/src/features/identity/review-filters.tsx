import type { ReviewStatusFilter, ReviewView } from './review-view.ts';

/** Props of ReviewFilters. */
export interface ReviewFiltersProps {
  view: ReviewView;
  districts: readonly string[];
  onChange: (patch: Partial<ReviewView>) => void;
}

const STATUSES: readonly [ReviewStatusFilter, string][] = [
  ['open', 'Open'],
  ['decided', 'Decided'],
];

/** Open/decided switch, district and uploaded-name filters above the queue table. */
export function ReviewFilters({ view, districts, onChange }: ReviewFiltersProps) {
  const filtered = view.q !== '' || view.district !== '';
  return (
    <form
      className="filters"
      role="search"
      aria-label="Filter the queue"
      onSubmit={(e) => e.preventDefault()}
    >
      <fieldset className="segmented">
        <legend className="visually-hidden">Items</legend>
        {STATUSES.map(([value, label]) => (
          <label key={value}>
            <input
              type="radio"
              name="review-status"
              value={value}
              checked={view.status === value}
              onChange={() => onChange({ status: value })}
            />
            {label}
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor="review-district">District</label>
        <select
          id="review-district"
          value={view.district}
          onChange={(e) => onChange({ district: e.target.value })}
        >
          <option value="">All districts</option>
          {/* Keep a district picked from the URL selectable even when no item of it is listed. */}
          {[...new Set([...districts, view.district].filter(Boolean))].toSorted().map((d) => (
            <option key={d} value={d}>
              {d}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="review-q">Uploaded name or local ID</label>
        <input
          id="review-q"
          type="search"
          value={view.q}
          placeholder="e.g. Baker or 901"
          autoComplete="off"
          maxLength={100}
          onChange={(e) => onChange({ q: e.target.value })}
        />
      </div>
      {filtered && (
        <button type="button" className="button-secondary" onClick={() => onChange({ q: '', district: '' })}>
          Clear filters
        </button>
      )}
    </form>
  );
}
