import { Link } from 'react-router';
import type { Column } from '../../components/data-table.tsx';
import { DataTable } from '../../components/data-table.tsx';
import { formatCount, plural } from '../../lib/format.ts';
import type { SortOrder } from '../../lib/sort.ts';
import type { AnbParams } from './anb-params.ts';
import { anbSearch } from './anb-params.ts';
import type { StateAnbRow } from './anb-summary.ts';
import { formatAnb, formatWeight } from './funding-format.ts';
import type { StateSortKey } from './state-anb-view.ts';

const anbCell = (value: number | null) => (value === null ? '—' : formatAnb(value));

function columns(params: AnbParams): Column<StateAnbRow, StateSortKey>[] {
  // A district link keeps the source and PIR days, so the district page shows the same figures.
  const search = anbSearch(params);
  return [
    { key: 'districtNumber', label: 'Number', sortValue: (r) => r.districtNumber },
    {
      key: 'name',
      label: 'District',
      sortValue: (r) => r.name,
      render: (r) => <Link to={`/districts/${r.districtNumber}/anb${search}`}>{r.name}</Link>,
    },
    {
      key: 'fall',
      label: 'Fall count',
      numeric: true,
      sortValue: (r) => r.fall,
      render: (r) => formatWeight(r.fall),
    },
    {
      key: 'spring',
      label: 'Spring count',
      numeric: true,
      sortValue: (r) => r.spring,
      render: (r) => formatWeight(r.spring),
    },
    {
      key: 'elementary',
      label: 'Elementary ANB',
      numeric: true,
      sortValue: (r) => r.elementary,
      render: (r) => anbCell(r.elementary),
    },
    {
      key: 'highSchool',
      label: 'High school ANB',
      numeric: true,
      sortValue: (r) => r.highSchool,
      render: (r) => anbCell(r.highSchool),
    },
    { key: 'anb', label: 'ANB', numeric: true, sortValue: (r) => r.anb, render: (r) => formatAnb(r.anb) },
  ];
}

/** Props of StateAnbTable. */
export interface StateAnbTableProps {
  rows: readonly StateAnbRow[];
  total: number;
  params: AnbParams;
  sort: StateSortKey;
  order: SortOrder;
  onSort: (sort: StateSortKey, order: SortOrder) => void;
}

/** One row per district with its counts and ANB per budget unit, linking to the district's ANB page. */
export function StateAnbTable({ rows, total, params, sort, order, onSort }: StateAnbTableProps) {
  const caption =
    rows.length === total
      ? `ANB of ${plural(total, 'district')}`
      : `ANB of ${formatCount(rows.length)} of ${plural(total, 'district')}`;
  return (
    <DataTable
      caption={caption}
      columns={columns(params)}
      rows={rows}
      rowKey={(r) => r.districtNumber}
      rowHeader="name"
      sort={sort}
      order={order}
      onSort={onSort}
      empty="No district matches these filters."
    />
  );
}
