import type { AuditFilters as Filters } from './audit-api.ts';

// The actions the server records today, offered as suggestions; the field still takes any action name.
const KNOWN_ACTIONS = [
  'sign-in',
  'sign-in-failed',
  'sign-out',
  'password-reset',
  'user-created',
  'grant-added',
  'grant-removed',
  'user-activated',
  'user-deactivated',
  'api-token-created',
  'api-token-revoked',
  'export',
  'linked',
  'new-person',
  'unlinked',
  'changed',
];

/** Props of AuditFilters. */
export interface AuditFiltersProps {
  filters: Filters;
  onChange: (patch: Partial<Filters>) => void;
}

/** The audit log's filters: action, actor, district and a date range. */
export function AuditFilters({ filters, onChange }: AuditFiltersProps) {
  return (
    <div className="filters" role="search" aria-label="Filter the audit log">
      <div className="field form-field">
        <label htmlFor="audit-action">Action</label>
        <input
          id="audit-action"
          type="text"
          list="audit-actions"
          value={filters.action}
          maxLength={60}
          placeholder="any"
          onChange={(e) => onChange({ action: e.target.value })}
        />
        <datalist id="audit-actions">
          {KNOWN_ACTIONS.map((a) => (
            <option key={a} value={a} />
          ))}
        </datalist>
      </div>
      <div className="field form-field">
        <label htmlFor="audit-actor">Actor (e-mail contains)</label>
        <input
          id="audit-actor"
          type="search"
          value={filters.actor}
          maxLength={320}
          onChange={(e) => onChange({ actor: e.target.value })}
        />
      </div>
      <div className="field form-field">
        <label htmlFor="audit-district">District number</label>
        <input
          id="audit-district"
          type="text"
          inputMode="numeric"
          pattern="\d{4}"
          maxLength={4}
          placeholder="any"
          value={filters.district}
          onChange={(e) => onChange({ district: e.target.value })}
        />
      </div>
      <div className="field form-field">
        <label htmlFor="audit-from">From</label>
        <input
          id="audit-from"
          type="date"
          value={filters.from}
          onChange={(e) => onChange({ from: e.target.value })}
        />
      </div>
      <div className="field form-field">
        <label htmlFor="audit-to">To</label>
        <input
          id="audit-to"
          type="date"
          value={filters.to}
          onChange={(e) => onChange({ to: e.target.value })}
        />
      </div>
    </div>
  );
}
