import { useState } from 'react';
import type { EnrollmentPlace, Problem, StoredRows, TemplateDetail } from '@bitterroot/contracts';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { UndoLastChange } from '../students/undo-last-change.tsx';
import { listedFields, rowKeyOf } from './district-entry-setup.ts';
import { DistrictRowForm } from './district-row-form.tsx';

/** Props of DistrictRecords. */
export interface DistrictRecordsProps {
  district: string;
  template: TemplateDetail;
  stored: StoredRows;
  places: readonly EnrollmentPlace[];
  /** Loads the stored rows again (after a save or an undo). */
  reload: () => void;
  /** Loads the next page of rows (shown while `stored.next` is set). */
  onLoadMore?: () => void;
  loadingMore?: boolean;
  moreProblem?: Problem | null;
  /** Whether a search narrows the list (the counts then say "matching"). */
  searching?: boolean;
}

type Editing = { kind: 'new' } | { kind: 'edit'; row: Record<string, string> } | null;

/** The district's stored rows of one template with an Edit button each, "Add", and undo of the last change. */
export function DistrictRecords(props: DistrictRecordsProps) {
  const { district, template, stored, places, reload } = props;
  const [editing, setEditing] = useState<Editing>(null);
  const [saved, setSaved] = useState<{ n: number; message: string }>({ n: 0, message: '' });
  const shown = listedFields(template);
  const name = template.name;
  return (
    <>
      <UndoLastChange
        key={saved.n}
        place={{ district, school: null }}
        saved={saved.message}
        onUndone={() => {
          setEditing(null);
          reload();
        }}
      />
      {editing ? (
        <section className="panel" aria-labelledby="district-entry-heading">
          <h2 id="district-entry-heading">{editing.kind === 'new' ? `New ${name}` : `Edit ${name}`}</h2>
          <DistrictRowForm
            district={district}
            schoolYear={stored.schoolYear}
            template={template}
            row={editing.kind === 'edit' ? editing.row : undefined}
            places={places}
            onSaved={(result) => {
              const warnings = result.findings.filter((f) => f.severity !== 'fatal').length;
              const tail = warnings ? ` with ${warnings} warning${warnings === 1 ? '' : 's'}` : '';
              setSaved((s) => ({ n: s.n + 1, message: `${name} saved${tail}.` }));
              setEditing(null);
              reload();
            }}
          />
          <button type="button" className="button-secondary" onClick={() => setEditing(null)}>
            Cancel
          </button>
        </section>
      ) : (
        <button type="button" className="button-primary" onClick={() => setEditing({ kind: 'new' })}>
          {`Add ${name}`}
        </button>
      )}
      <div className="table-scroll">
        <table className="data-table">
          <caption>{`${name} · ${stored.schoolYear}: showing ${stored.rows.length} of ${stored.total}${props.searching ? ' matching' : ' stored'}`}</caption>
          <thead>
            <tr>
              {shown.map((f) => (
                <th key={f.key} scope="col">
                  {f.label}
                </th>
              ))}
              <th scope="col">
                <span className="visually-hidden">Edit</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {stored.rows.length === 0 && (
              <tr>
                <td className="empty" colSpan={shown.length + 1}>
                  {props.searching
                    ? `No ${name} records match this search.`
                    : `No ${name} records for ${stored.schoolYear} yet.`}
                </td>
              </tr>
            )}
            {stored.rows.map((row) => {
              const key = rowKeyOf(template, row);
              return (
                <tr key={key}>
                  {shown.map((f) => (
                    <td key={f.key}>{row[f.key]}</td>
                  ))}
                  <td>
                    <button
                      type="button"
                      className="button-secondary"
                      aria-label={`Edit ${name} ${key.replaceAll('|', ' ')}`}
                      onClick={() => setEditing({ kind: 'edit', row })}
                    >
                      Edit
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {stored.next && props.onLoadMore && (
        <p className="show-more">
          <button
            type="button"
            className="button-secondary"
            disabled={props.loadingMore}
            onClick={props.onLoadMore}
          >
            {props.loadingMore ? 'Loading…' : 'Load more'}
          </button>
        </p>
      )}
      {props.moreProblem && (
        <ProblemAlert context={`Could not load more ${name} records`} problem={props.moreProblem} />
      )}
    </>
  );
}
