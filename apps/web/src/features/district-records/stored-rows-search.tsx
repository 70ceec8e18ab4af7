import { useState } from 'react';
import type { TemplateDetail } from '@bitterroot/contracts';
import type { StoredRowsFilter } from './district-records-api.ts';

/** Props of StoredRowsSearch. */
export interface StoredRowsSearchProps {
  template: TemplateDetail;
  /** The columns the server searches and sorts by (from the stored-rows answer). */
  searchable: readonly string[];
  filter: StoredRowsFilter;
  onChange: (filter: StoredRowsFilter) => void;
}

/** Search box and sort order of the stored-rows list; the text is applied on "Search" (or Enter). */
export function StoredRowsSearch({ template, searchable, filter, onChange }: StoredRowsSearchProps) {
  const [text, setText] = useState(filter.q);
  const label = (key: string) => template.fields.find((f) => f.key === key)?.label ?? key;
  const hint = searchable.map(label).join(', ');
  return (
    <form
      role="search"
      aria-label={`Search ${template.name} records`}
      className="filters"
      onSubmit={(e) => {
        e.preventDefault();
        onChange({ ...filter, q: text.trim() });
      }}
    >
      <div className="field">
        <label htmlFor="stored-rows-q">Search</label>
        <input
          id="stored-rows-q"
          type="search"
          value={text}
          maxLength={100}
          aria-describedby="stored-rows-q-hint"
          onChange={(e) => setText(e.target.value)}
        />
        <span id="stored-rows-q-hint" className="note">{`Looks in ${hint}.`}</span>
      </div>
      <button type="submit" className="button-secondary">
        Search
      </button>
      <div className="field">
        <label htmlFor="stored-rows-sort">Sort by</label>
        <select
          id="stored-rows-sort"
          value={filter.sort}
          onChange={(e) => onChange({ ...filter, sort: e.target.value })}
        >
          <option value="">Order stored</option>
          {searchable.map((key) => (
            <option key={key} value={key}>
              {label(key)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="stored-rows-order">Order</label>
        <select
          id="stored-rows-order"
          value={filter.order}
          onChange={(e) => onChange({ ...filter, order: e.target.value === 'desc' ? 'desc' : 'asc' })}
        >
          <option value="asc">Ascending</option>
          <option value="desc">Descending</option>
        </select>
      </div>
    </form>
  );
}
