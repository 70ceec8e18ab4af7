import { useMemo, useState } from 'react';
import type { School } from '@bitterroot/contracts';
import type { Column } from '../../components/data-table.tsx';
import { DataTable } from '../../components/data-table.tsx';
import { formatCount, plural } from '../../lib/format.ts';
import type { SortOrder } from '../../lib/sort.ts';
import { sortRows } from '../../lib/sort.ts';
import { matchesText } from './district-filter.ts';
import { gradeSpan, schoolKindLabel } from './labels.ts';

type SchoolSortKey = 'schoolNumber' | 'name' | 'grades' | 'kind' | 'studentCount';

// Grades sort by their position in the grade ladder, not alphabetically ("PK" < "K" < "01" … "12").
const GRADE_ORDER = ['PK', 'K', 'KG', '01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12'];

function gradeRank(grade: string): number {
  const index = GRADE_ORDER.indexOf(grade.toUpperCase());
  return index === -1 ? GRADE_ORDER.length : index;
}

const COLUMNS: readonly Column<School, SchoolSortKey>[] = [
  { key: 'schoolNumber', label: 'Number', sortValue: (s) => s.schoolNumber },
  { key: 'name', label: 'School', sortValue: (s) => s.name },
  {
    key: 'grades',
    label: 'Grades',
    sortValue: (s) => gradeRank(s.lowGrade) * 100 + gradeRank(s.highGrade),
    render: (s) => gradeSpan(s.lowGrade, s.highGrade),
  },
  { key: 'kind', label: 'Kind', sortValue: (s) => s.kind, render: (s) => schoolKindLabel(s.kind) },
  {
    key: 'studentCount',
    label: 'Students',
    numeric: true,
    sortValue: (s) => s.studentCount,
    render: (s) => formatCount(s.studentCount),
  },
];

/** A district's schools with a name/number filter and sortable columns. */
export function SchoolsTable({ schools }: { schools: readonly School[] }) {
  const [q, setQ] = useState('');
  const [sort, setSort] = useState<SchoolSortKey>('schoolNumber');
  const [order, setOrder] = useState<SortOrder>('asc');
  const rows = useMemo(() => {
    const column = COLUMNS.find((c) => c.key === sort) ?? COLUMNS[0];
    const filtered = schools.filter((s) => matchesText(q, s.name, s.schoolNumber));
    return column ? sortRows(filtered, column.sortValue, order) : filtered;
  }, [schools, q, sort, order]);
  const caption =
    rows.length === schools.length
      ? plural(schools.length, 'school')
      : `${formatCount(rows.length)} of ${plural(schools.length, 'school')}`;
  return (
    <section className="panel" aria-labelledby="schools-heading">
      <div className="panel-header">
        <h2 id="schools-heading">Schools</h2>
        <form
          className="filters"
          role="search"
          aria-label="Filter schools"
          onSubmit={(e) => e.preventDefault()}
        >
          <div className="field">
            <label htmlFor="school-q">Name or number</label>
            <input
              id="school-q"
              type="search"
              value={q}
              autoComplete="off"
              maxLength={100}
              onChange={(e) => setQ(e.target.value)}
            />
          </div>
        </form>
      </div>
      <DataTable
        caption={caption}
        columns={COLUMNS}
        rows={rows}
        rowKey={(s) => s.schoolNumber}
        rowHeader="name"
        sort={sort}
        order={order}
        onSort={(key, nextOrder) => {
          setSort(key);
          setOrder(nextOrder);
        }}
        empty={
          schools.length === 0 ? 'This district has no schools on file.' : 'No school matches this filter.'
        }
      />
    </section>
  );
}
