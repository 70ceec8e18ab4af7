import { Link } from 'react-router';
import type { District } from '@bitterroot/contracts';
import type { Column } from '../../components/data-table.tsx';
import { DataTable } from '../../components/data-table.tsx';
import { formatCount, plural } from '../../lib/format.ts';
import type { SortOrder } from '../../lib/sort.ts';
import type { DistrictSortKey } from './district-filter.ts';
import { levelLabel } from './labels.ts';

const COLUMNS: readonly Column<District, DistrictSortKey>[] = [
  { key: 'districtNumber', label: 'Number', sortValue: (d) => d.districtNumber },
  {
    key: 'name',
    label: 'District',
    sortValue: (d) => d.name,
    render: (d) => <Link to={`/districts/${d.districtNumber}`}>{d.name}</Link>,
  },
  { key: 'level', label: 'Level', sortValue: (d) => d.level, render: (d) => levelLabel(d.level) },
  {
    key: 'schoolCount',
    label: 'Schools',
    numeric: true,
    sortValue: (d) => d.schoolCount,
    render: (d) => formatCount(d.schoolCount),
  },
  {
    key: 'studentCount',
    label: 'Students',
    numeric: true,
    sortValue: (d) => d.studentCount,
    render: (d) => formatCount(d.studentCount),
  },
  {
    key: 'ccdEnrollment',
    label: 'CCD enrollment',
    numeric: true,
    sortValue: (d) => d.ccdEnrollment,
    render: (d) => formatCount(d.ccdEnrollment),
  },
];

/** Props of DistrictsTable. */
export interface DistrictsTableProps {
  districts: readonly District[];
  total: number;
  sort: DistrictSortKey;
  order: SortOrder;
  onSort: (sort: DistrictSortKey, order: SortOrder) => void;
}

/** The state's districts, one row each, linking to the district page. */
export function DistrictsTable({ districts, total, sort, order, onSort }: DistrictsTableProps) {
  const caption =
    districts.length === total
      ? plural(total, 'district')
      : `${formatCount(districts.length)} of ${plural(total, 'district')}`;
  return (
    <DataTable
      caption={caption}
      columns={COLUMNS}
      rows={districts}
      rowKey={(d) => d.districtNumber}
      rowHeader="name"
      sort={sort}
      order={order}
      onSort={onSort}
      empty="No district matches these filters."
    />
  );
}
