import { useState } from 'react';
import type { School } from '@bitterroot/contracts';
import { BarChart } from '../../components/bar-chart.tsx';
import type { Column } from '../../components/data-table.tsx';
import { DataTable } from '../../components/data-table.tsx';
import { StatList } from '../../components/stat-list.tsx';
import { formatCount, plural } from '../../lib/format.ts';
import type { SortOrder } from '../../lib/sort.ts';
import type { Attendance, AttendanceSortKey, SchoolAttendanceRow } from './attendance-view.ts';
import { attendanceHeadline, schoolAttendanceRows } from './attendance-view.ts';
import { formatPercent, formatWeight } from './funding-format.ts';

const COLUMNS: readonly Column<SchoolAttendanceRow, AttendanceSortKey>[] = [
  { key: 'schoolNumber', label: 'Number', sortValue: (r) => r.schoolNumber },
  { key: 'name', label: 'School', sortValue: (r) => r.name, render: (r) => r.name ?? '—' },
  {
    key: 'students',
    label: 'Students',
    numeric: true,
    sortValue: (r) => r.students,
    render: (r) => formatCount(r.students),
  },
  {
    key: 'chronic',
    label: 'Chronically absent',
    numeric: true,
    sortValue: (r) => r.chronic,
    render: (r) => formatCount(r.chronic),
  },
  {
    key: 'rate',
    label: 'Chronic absence rate',
    numeric: true,
    sortValue: (r) => r.rate,
    render: (r) => formatPercent(r.rate),
  },
];

/** A district's EOY attendance rate and chronic absence, overall and by school, with a chart. */
export function AttendanceSection({
  attendance,
  schools,
}: {
  attendance: Attendance;
  schools: readonly School[];
}) {
  const [sort, setSort] = useState<{ key: AttendanceSortKey; order: SortOrder }>({
    key: 'schoolNumber',
    order: 'asc',
  });
  const headline = attendanceHeadline(attendance);
  const rows = schoolAttendanceRows(attendance, schools, sort.key, sort.order);
  return (
    <>
      <StatList
        label="District attendance"
        stats={[
          {
            label: 'EOY attendance rate',
            value: formatPercent(headline.eoyRate),
            note: 'days present ÷ days enrolled',
          },
          { label: 'Days enrolled', value: formatWeight(attendance.daysEnrolled) },
          { label: 'Days present', value: formatWeight(attendance.daysPresent) },
          { label: 'Students', value: formatCount(attendance.students), note: 'with EOY attendance' },
          {
            label: 'Chronically absent',
            value: formatCount(attendance.chronicallyAbsent),
            note: 'absent ≥ 10% of days enrolled',
          },
          { label: 'Chronic absence rate', value: formatPercent(headline.chronicRate) },
        ]}
      />
      <section className="panel" aria-labelledby="attendance-schools-heading">
        <h2 id="attendance-schools-heading">Chronic absence by school</h2>
        {rows.length > 0 && (
          <BarChart
            title="Chronically absent students by school"
            description={`Students absent at least 10% of their days enrolled, in ${plural(rows.length, 'school')}.`}
            bars={rows.map((r) => ({ label: r.schoolNumber, value: r.chronic }))}
            xLabel="School number"
            yLabel="Students"
          />
        )}
        <DataTable
          caption={`Chronic absence in ${plural(rows.length, 'school')}`}
          columns={COLUMNS}
          rows={rows}
          rowKey={(r) => r.schoolNumber}
          rowHeader="schoolNumber"
          sort={sort.key}
          order={sort.order}
          onSort={(key, order) => setSort({ key, order })}
          empty="No EOY attendance has been reported for this year."
        />
      </section>
    </>
  );
}
