import { useState } from 'react';
import type { Finding } from '@bitterroot/contracts';
import type { Column } from '../../components/data-table.tsx';
import { DataTable } from '../../components/data-table.tsx';
import { formatCount, plural } from '../../lib/format.ts';
import type { SortOrder } from '../../lib/sort.ts';
import type { FindingSortKey } from './finding-filter.ts';
import { findingSortValue } from './finding-filter.ts';

/** A finding with its position in the upload's list (a stable row key: findings have no id). */
export type NumberedFinding = Finding & { id: number };

/** Rows rendered at first and added by each "Show more": thousands of rows at once would stall the page. */
export const FINDINGS_PAGE = 200;

function column(
  key: FindingSortKey,
  label: string,
  extra: Partial<Column<NumberedFinding, FindingSortKey>> = {},
) {
  return { key, label, sortValue: (f: NumberedFinding) => findingSortValue(f, key), ...extra };
}

const COLUMNS: readonly Column<NumberedFinding, FindingSortKey>[] = [
  column('line', 'Line', { numeric: true, render: (f) => (f.line === null ? 'File' : formatCount(f.line)) }),
  column('column', 'Column', {
    render: (f) =>
      f.column === null && f.field === null ? (
        '—'
      ) : (
        <>
          {f.field ?? f.column}
          {f.field !== null && f.column !== null && f.field !== f.column && (
            <>
              {' '}
              <code className="note">{f.column}</code>
            </>
          )}
        </>
      ),
  }),
  column('value', 'Value', {
    render: (f) => (f.value === null || f.value === '' ? '—' : <code>{f.value}</code>),
  }),
  column('code', 'Code', { render: (f) => <code>{f.code}</code> }),
  column('severity', 'Severity', {
    render: (f) => <span className={`severity severity-${f.severity}`}>{f.severity}</span>,
  }),
  column('message', 'Message'),
  column('fix', 'Fix'),
];

/** Props of FindingsTable. */
export interface FindingsTableProps {
  /** Already filtered and sorted. */
  findings: readonly NumberedFinding[];
  total: number;
  sort: FindingSortKey;
  order: SortOrder;
  onSort: (sort: FindingSortKey, order: SortOrder) => void;
}

/** The findings, one row each, rendered a page at a time (remount with a new key to start over). */
export function FindingsTable({ findings, total, sort, order, onSort }: FindingsTableProps) {
  const [shown, setShown] = useState(FINDINGS_PAGE);
  const visible = findings.length > shown ? findings.slice(0, shown) : findings;
  const caption =
    findings.length === total
      ? plural(total, 'finding')
      : `${formatCount(findings.length)} of ${plural(total, 'finding')}`;
  return (
    <>
      <DataTable
        caption={caption}
        columns={COLUMNS}
        rows={visible}
        rowKey={(f) => String(f.id)}
        rowHeader="line"
        sort={sort}
        order={order}
        onSort={onSort}
        empty="No finding matches these filters."
      />
      {visible.length < findings.length && (
        <p className="show-more">
          Showing {formatCount(visible.length)} of {formatCount(findings.length)}.{' '}
          <button
            type="button"
            className="button-secondary"
            onClick={() => setShown((n) => n + FINDINGS_PAGE)}
          >
            Show {formatCount(Math.min(FINDINGS_PAGE, findings.length - visible.length))} more
          </button>
        </p>
      )}
    </>
  );
}
