import { useState } from 'react';
import { Link } from 'react-router';
import type { OutcomeReport, OutcomeUnit } from '@bitterroot/contracts';
import type { Column } from '../../components/data-table.tsx';
import { DataTable } from '../../components/data-table.tsx';
import { StatList } from '../../components/stat-list.tsx';
import { formatCount, plural } from '../../lib/format.ts';
import type { SortOrder } from '../../lib/sort.ts';
import { sortRows } from '../../lib/sort.ts';
import { formatPercent } from '../funding/funding-format.ts';

type UnitKey = 'unit' | 'numerator' | 'denominator' | 'rate';

/** Headline figures of a report: numerator, denominator and rate (behavior has no rate). */
export function OutcomeStats({ report, label }: { report: OutcomeReport; label: string }) {
  const t = report.totals;
  const stats = [
    { label: capitalise(report.numeratorLabel), value: formatCount(t.numerator) },
    { label: capitalise(report.denominatorLabel), value: formatCount(t.denominator) },
    ...(report.measure === 'behavior' ? [] : [{ label: 'Rate', value: formatPercent(t.rate) }]),
  ];
  return <StatList label={label} stats={stats} />;
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Words for the measures' extra counts (keys as the server names them); others show their key. */
const DETAIL_LABELS: Readonly<Record<string, string>> = {
  removed: 'Removed from the cohort (documented)',
  cohortYear: 'Cohort year (first entered grade 9)',
  years: 'Cohort length in years',
  dropouts7to8: 'Dropouts, grades 7–8',
  membership7to8: 'Membership, grades 7–8',
  dropouts9to12: 'Dropouts, grades 9–12',
  membership9to12: 'Membership, grades 9–12',
  incidents: 'Incidents',
  ideaInSchoolUpTo10: 'IDEA in-school removals, up to 10 days',
  ideaInSchoolOver10: 'IDEA in-school removals, over 10 days',
  ideaOutOfSchoolUpTo10: 'IDEA out-of-school removals, up to 10 days',
  ideaOutOfSchoolOver10: 'IDEA out-of-school removals, over 10 days',
};

/** A detail's label: resolution counts read "Resolution OSS". */
const detailLabel = (key: string) =>
  DETAIL_LABELS[key] ?? (key.startsWith('resolution') ? `Resolution ${key.slice(10)}` : key);

/** The measure's further exact counts (cohort removals, dropouts by grade band, resolutions, …). */
export function OutcomeDetails({ details }: { details: Readonly<Record<string, number>> }) {
  const entries = Object.entries(details);
  if (entries.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="outcome-details-heading">
      <h2 id="outcome-details-heading">Exact counts</h2>
      <dl className="facts" aria-label="Exact counts">
        {entries.map(([key, value]) => (
          <div className="stat" key={key}>
            <dt>{detailLabel(key)}</dt>
            <dd>{key === 'cohortYear' ? String(value) : formatCount(value)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

/** Props of OutcomeUnits. */
export interface OutcomeUnitsProps {
  report: OutcomeReport;
  /** Link of a district's row on the state page (same measure and source); none on a district page. */
  districtLink?: (district: string) => string;
}

/** The figures per school (district page) or per district (state page), sortable. */
export function OutcomeUnits({ report, districtLink }: OutcomeUnitsProps) {
  const [sort, setSort] = useState<{ key: UnitKey; order: SortOrder }>({ key: 'denominator', order: 'desc' });
  const perDistrict = report.districtNumber === null;
  const rows = report.units.filter((u) => (perDistrict ? u.schoolNumber === null : u.schoolNumber !== null));
  const name = (u: OutcomeUnit) => (perDistrict ? (u.districtNumber ?? '') : (u.schoolNumber ?? ''));
  const columns: readonly Column<OutcomeUnit, UnitKey>[] = [
    {
      key: 'unit',
      label: perDistrict ? 'District' : 'School',
      sortValue: name,
      render: (u) =>
        districtLink && u.districtNumber ? (
          <Link to={districtLink(u.districtNumber)}>{name(u)}</Link>
        ) : (
          name(u)
        ),
    },
    { key: 'numerator', label: 'Counted', numeric: true, sortValue: (u) => u.numerator },
    { key: 'denominator', label: 'Of', numeric: true, sortValue: (u) => u.denominator },
    ...(report.measure === 'behavior'
      ? []
      : [
          {
            key: 'rate' as const,
            label: 'Rate',
            numeric: true,
            sortValue: (u: OutcomeUnit) => u.rate,
            render: (u: OutcomeUnit) => formatPercent(u.rate),
          },
        ]),
  ];
  const valueOf = columns.find((c) => c.key === sort.key)!.sortValue;
  return (
    <section className="panel" aria-labelledby="outcome-units-heading">
      <h2 id="outcome-units-heading">{perDistrict ? 'By district' : 'By school'}</h2>
      <DataTable
        caption={`${report.numeratorLabel} of ${plural(rows.length, perDistrict ? 'district' : 'school')}`}
        columns={columns}
        rows={sortRows(rows, valueOf, sort.order)}
        rowKey={name}
        rowHeader="unit"
        sort={sort.key}
        order={sort.order}
        onSort={(key, order) => setSort({ key, order })}
        empty="No student is in this measure."
      />
    </section>
  );
}
