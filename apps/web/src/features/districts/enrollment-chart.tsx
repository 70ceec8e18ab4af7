import type { District } from '@bitterroot/contracts';
import { BarChart } from '../../components/bar-chart.tsx';
import { plural } from '../../lib/format.ts';
import { ENROLLMENT_BANDS, countByBand } from './enrollment-bands.ts';

/** Which enrollment figure the chart bands by. */
export type EnrollmentMeasure = 'students' | 'ccd';

/** Props of EnrollmentChart. */
export interface EnrollmentChartProps {
  districts: readonly District[];
  /** Districts in the state, to say when the chart shows a filtered subset. */
  total: number;
  measure: EnrollmentMeasure;
  onMeasureChange: (measure: EnrollmentMeasure) => void;
}

const MEASURES: Record<EnrollmentMeasure, { label: string; axis: string }> = {
  students: { label: 'Students loaded', axis: 'Students loaded per district' },
  ccd: { label: 'CCD enrollment (NCES)', axis: 'CCD enrollment per district' },
};

/** Districts by enrollment band, for the districts currently shown in the table. */
export function EnrollmentChart({ districts, total, measure, onMeasureChange }: EnrollmentChartProps) {
  const values = districts.map((d) => (measure === 'students' ? d.studentCount : d.ccdEnrollment));
  const { counts, missing } = countByBand(values);
  const bars = ENROLLMENT_BANDS.map((band, i) => ({ label: band.label, value: counts[i] ?? 0 }));
  const largest = bars.reduce((a, b) => (b.value > a.value ? b : a), bars[0] ?? { label: '', value: 0 });
  return (
    <section className="panel" aria-labelledby="chart-heading">
      <div className="panel-header">
        <h2 id="chart-heading">Districts by enrollment</h2>
        <fieldset className="segmented">
          <legend className="visually-hidden">Enrollment figure</legend>
          {(Object.keys(MEASURES) as EnrollmentMeasure[]).map((m) => (
            <label key={m}>
              <input
                type="radio"
                name="measure"
                value={m}
                checked={measure === m}
                onChange={() => onMeasureChange(m)}
              />
              {MEASURES[m].label}
            </label>
          ))}
        </fieldset>
      </div>
      {districts.length < total && (
        <p className="note">The {plural(districts.length, 'district')} matching the filters below.</p>
      )}
      <BarChart
        title={`Districts by ${MEASURES[measure].label.toLowerCase()}`}
        description={`${plural(districts.length, 'district')} in ${bars.length} bands; the most common band is ${largest.label} with ${plural(largest.value, 'district')}.`}
        bars={bars}
        xLabel={MEASURES[measure].axis}
        yLabel="Districts"
      />
      {missing > 0 && (
        <p className="note">{plural(missing, 'district')} without a CCD figure are not shown.</p>
      )}
    </section>
  );
}
