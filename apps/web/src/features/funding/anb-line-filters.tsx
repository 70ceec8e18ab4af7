import type { School } from '@bitterroot/contracts';
import { plural } from '../../lib/format.ts';
import type { LineView } from './anb-lines.ts';
import { DEFAULT_LINE_VIEW } from './anb-lines.ts';
import { BUDGET_UNIT_LABELS } from './funding-format.ts';

/** Props of AnbLineFilters. */
export interface AnbLineFiltersProps {
  view: LineView;
  schools: readonly { schoolNumber: string; name: string | null }[];
  reasons: readonly { reason: string; lines: number }[];
  onChange: (patch: Partial<LineView>) => void;
}

const STATUSES: readonly [LineView['status'], string][] = [
  ['counted', 'Counted'],
  ['excluded', 'Excluded'],
  ['not-counted', 'Not counted'],
];

/** The school names of the district by number, for the school filter. */
export function schoolChoices(
  numbers: readonly string[],
  schools: readonly School[],
): { schoolNumber: string; name: string | null }[] {
  const names = new Map(schools.map((s) => [s.schoolNumber, s.name]));
  return [...new Set(numbers)].toSorted().map((n) => ({ schoolNumber: n, name: names.get(n) ?? null }));
}

/** State ID search and school, budget unit, count, status and reason filters of the per-student table. */
export function AnbLineFilters({ view, schools, reasons, onChange }: AnbLineFiltersProps) {
  const filtered = (['q', 'school', 'unit', 'count', 'status', 'reason'] as const).some(
    (k) => view[k] !== DEFAULT_LINE_VIEW[k],
  );
  return (
    <form
      className="filters"
      role="search"
      aria-label="Filter the per-student lines"
      onSubmit={(e) => e.preventDefault()}
    >
      <div className="field">
        <label htmlFor="anb-q">State ID</label>
        <input
          id="anb-q"
          type="search"
          inputMode="numeric"
          value={view.q}
          autoComplete="off"
          maxLength={9}
          onChange={(e) => onChange({ q: e.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor="anb-school">School</label>
        <select id="anb-school" value={view.school} onChange={(e) => onChange({ school: e.target.value })}>
          <option value="">All schools</option>
          {schools.map((s) => (
            <option key={s.schoolNumber} value={s.schoolNumber}>
              {s.name ? `${s.schoolNumber} ${s.name}` : s.schoolNumber}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="anb-unit">Budget unit</label>
        <select
          id="anb-unit"
          value={view.unit}
          onChange={(e) =>
            onChange({
              unit: e.target.value === 'elementary' || e.target.value === 'high_school' ? e.target.value : '',
            })
          }
        >
          <option value="">Both units</option>
          {(['elementary', 'high_school'] as const).map((u) => (
            <option key={u} value={u}>
              {BUDGET_UNIT_LABELS[u]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="anb-count">Count</label>
        <select
          id="anb-count"
          value={view.count}
          onChange={(e) =>
            onChange({
              count: e.target.value === 'fall' || e.target.value === 'spring' ? e.target.value : '',
            })
          }
        >
          <option value="">Fall and spring</option>
          <option value="fall">Fall</option>
          <option value="spring">Spring</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor="anb-status">Status</label>
        <select
          id="anb-status"
          value={view.status}
          onChange={(e) => onChange({ status: STATUSES.find(([s]) => s === e.target.value)?.[0] ?? '' })}
        >
          <option value="">Any status</option>
          {STATUSES.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="anb-reason">Reason</label>
        <select id="anb-reason" value={view.reason} onChange={(e) => onChange({ reason: e.target.value })}>
          <option value="">Any reason</option>
          {/* Keep a reason from a shared link selectable even when no line gives it now. */}
          {view.reason !== '' && !reasons.some((r) => r.reason === view.reason) && (
            <option value={view.reason}>{view.reason}</option>
          )}
          {reasons.map((r) => (
            <option key={r.reason} value={r.reason}>
              {`${r.reason} (${plural(r.lines, 'line')})`}
            </option>
          ))}
        </select>
      </div>
      {filtered && (
        <button
          type="button"
          className="button-secondary"
          onClick={() => onChange({ q: '', school: '', unit: '', count: '', status: '', reason: '' })}
        >
          Clear filters
        </button>
      )}
    </form>
  );
}
