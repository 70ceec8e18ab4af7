import type { DistrictView } from './district-filter.ts';
import { DISTRICT_LEVELS, isDistrictLevel } from './district-filter.ts';
import { levelLabel } from './labels.ts';

/** Props of DistrictFilters. */
export interface DistrictFiltersProps {
  view: DistrictView;
  onChange: (patch: Partial<DistrictView>) => void;
}

/** Text and level filters above the districts table; they apply as you type. */
export function DistrictFilters({ view, onChange }: DistrictFiltersProps) {
  const filtered = view.q !== '' || view.level !== '';
  return (
    <form
      className="filters"
      role="search"
      aria-label="Filter districts"
      onSubmit={(e) => e.preventDefault()}
    >
      <div className="field">
        <label htmlFor="district-q">Name or number</label>
        <input
          id="district-q"
          type="search"
          value={view.q}
          placeholder="e.g. Billings or 0059"
          autoComplete="off"
          maxLength={100}
          onChange={(e) => onChange({ q: e.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor="district-level">Level</label>
        <select
          id="district-level"
          value={view.level}
          onChange={(e) => onChange({ level: isDistrictLevel(e.target.value) ? e.target.value : '' })}
        >
          <option value="">All levels</option>
          {DISTRICT_LEVELS.map((level) => (
            <option key={level} value={level}>
              {levelLabel(level)}
            </option>
          ))}
        </select>
      </div>
      {filtered && (
        <button type="button" className="button-secondary" onClick={() => onChange({ q: '', level: '' })}>
          Clear filters
        </button>
      )}
    </form>
  );
}
