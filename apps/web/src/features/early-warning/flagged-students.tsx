import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import type { EwsStudent } from '@bitterroot/contracts';
import { DataTable, type Column } from '../../components/data-table.tsx';
import { sortRows, type SortOrder } from '../../lib/sort.ts';
import { studentsCsvUrl } from './ews-api.ts';
import { percent } from './ews-format.ts';

type Key = 'name' | 'grade' | 'school' | 'probability' | 'band' | 'reasons';
const BAND_ORDER = { high: 2, moderate: 1, low: 0 } as const;

/** The columns; a student's name links to their history page in the same scope. */
function columnsFor(district: string, school: string | null): Column<EwsStudent, Key>[] {
  const query = school ? `?school=${encodeURIComponent(school)}` : '';
  return [
    {
      key: 'name',
      label: 'Student',
      sortValue: (s) => s.name,
      // Uploaded students (not in the system) have no state ID, so no history page: marked, not linked.
      render: (s) =>
        s.source === 'uploaded' ? (
          <>
            {s.name} <span className="badge">uploaded (not in the system)</span>
          </>
        ) : (
          <Link to={`/districts/${district}/early-warning/students/${encodeURIComponent(s.stateId)}${query}`}>
            {`${s.name} (${s.stateId})`}
          </Link>
        ),
    },
    ...COLUMNS,
  ];
}

const COLUMNS: Column<EwsStudent, Key>[] = [
  { key: 'grade', label: 'Grade', numeric: true, sortValue: (s) => s.grade },
  { key: 'school', label: 'School', sortValue: (s) => s.schoolNumber, render: (s) => s.schoolNumber },
  { key: 'band', label: 'Band', sortValue: (s) => BAND_ORDER[s.band], render: (s) => s.band },
  {
    key: 'probability',
    label: 'Risk',
    numeric: true,
    sortValue: (s) => s.probability,
    render: (s) => percent(s.probability),
  },
  {
    key: 'reasons',
    label: 'Top reasons',
    sortValue: (s) => s.reasons.length,
    render: (s) =>
      s.reasons.length === 0 ? (
        '—'
      ) : (
        <ul className="reasons">
          {s.reasons.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      ),
  },
];

/**
 * Scored students with band, risk and reasons; filter by band, grade and name, sort by any column, download
 * the list (in the chosen band) as CSV, open a student's history.
 */
export function FlaggedStudents({
  students,
  district,
  school,
  asOf,
}: {
  students: EwsStudent[];
  district: string;
  school: string | null;
  asOf: string;
}) {
  const columns = useMemo(() => columnsFor(district, school), [district, school]);
  const [band, setBand] = useState<'high' | 'moderate' | 'all'>('high');
  const [grade, setGrade] = useState<number | null>(null);
  const [text, setText] = useState('');
  const [sort, setSort] = useState<Key>('probability');
  const [order, setOrder] = useState<SortOrder>('desc');
  const grades = [...new Set(students.map((s) => s.grade))].sort((a, b) => a - b);
  const rows = useMemo(() => {
    const needle = text.trim().toLowerCase();
    const kept = students.filter(
      (s) =>
        (band === 'all' || (band === 'high' ? s.band === 'high' : s.band !== 'low')) &&
        (grade === null || s.grade === grade) &&
        (needle === '' ||
          s.name.toLowerCase().includes(needle) ||
          (s.stateId !== '' && s.stateId.includes(needle))),
    );
    return sortRows(kept, columns.find((c) => c.key === sort)!.sortValue, order);
  }, [students, band, grade, text, sort, order, columns]);
  // The CSV holds one band, or everyone; "moderate or high" has no single band, so it downloads everyone.
  const csvBand = band === 'high' ? 'high' : null;
  return (
    <section aria-labelledby="students">
      <h2 id="students">Students</h2>
      <div className="filters">
        <label>
          Band{' '}
          <select value={band} onChange={(e) => setBand(e.target.value as typeof band)}>
            <option value="high">High (flagged)</option>
            <option value="moderate">Moderate or high</option>
            <option value="all">All students</option>
          </select>
        </label>{' '}
        <label>
          Grade{' '}
          <select
            value={grade ?? ''}
            onChange={(e) => setGrade(e.target.value === '' ? null : Number(e.target.value))}
          >
            <option value="">All</option>
            {grades.map((g) => (
              <option key={g} value={g}>
                {g}
              </option>
            ))}
          </select>
        </label>{' '}
        <label>
          Name or state ID <input type="search" value={text} onChange={(e) => setText(e.target.value)} />
        </label>{' '}
        <a href={studentsCsvUrl(district, school, asOf, csvBand)} download>
          {csvBand ? 'Download high-band students (CSV)' : 'Download all scored students (CSV)'}
        </a>
      </div>
      <DataTable
        caption={`${rows.length} of ${students.length} scored students`}
        columns={columns}
        rows={rows}
        rowKey={(s) => (s.source === 'uploaded' ? `uploaded:${s.localId}` : s.stateId)}
        rowHeader="name"
        sort={sort}
        order={order}
        onSort={(k, o) => {
          setSort(k);
          setOrder(o);
        }}
        empty="No students match these filters."
      />
    </section>
  );
}
