import type { OutcomeMeasure, ReportSource } from '@bitterroot/contracts';
import { NavLink } from 'react-router';
import type { OutcomeParams } from './outcome-params.ts';
import { COHORT_LENGTHS, MEASURE_ORDER, MEASURES, outcomeSearch } from './outcome-params.ts';
import { SourceSwitch } from '../../components/source-switch.tsx';

/** Links between the four measures of the same unit, keeping the source. */
export function MeasureTabs({ base, params }: { base: string; params: OutcomeParams }) {
  return (
    <nav aria-label="Outcome measures" className="tabs">
      {MEASURE_ORDER.map((m) => (
        <NavLink key={m} to={`${base}/${m}${outcomeSearch(params, m)}`}>
          {MEASURES[m].title}
        </NavLink>
      ))}
    </nav>
  );
}

/** Props of OutcomeControls. */
export interface OutcomeControlsProps {
  measure: OutcomeMeasure;
  params: OutcomeParams;
  onChange: (patch: Partial<OutcomeParams>) => void;
}

/** The live/certified switch and, for graduation, the cohort length. */
export function OutcomeControls({ measure, params, onChange }: OutcomeControlsProps) {
  return (
    <form className="filters" aria-label="Outcome figures" onSubmit={(e) => e.preventDefault()}>
      <SourceSwitch
        name="outcome-source"
        source={params.source}
        onChange={(source) => onChange({ source })}
      />
      {measure === 'graduation' && (
        <div className="field">
          <label htmlFor="outcome-years">Cohort length</label>
          <select
            id="outcome-years"
            value={params.years}
            onChange={(e) => onChange({ years: Number(e.target.value) })}
          >
            {COHORT_LENGTHS.map((y) => (
              <option key={y} value={y}>
                {y === 4 ? '4 years (ACGR)' : `${y} years (extended)`}
              </option>
            ))}
          </select>
        </div>
      )}
    </form>
  );
}

/** States where the figures come from, so a preview is never read as the certified figure. */
export function OutcomeSourceNotice({
  source,
  schoolYear,
  snapshots,
}: {
  source: ReportSource;
  schoolYear: number;
  snapshots: readonly number[];
}) {
  return (
    <p className="notice" role="status" data-source={source}>
      {source === 'live' ? (
        <>
          <strong>Live preview, not certified.</strong> School year {schoolYear}, computed from the data as it
          stands now; it changes with every upload.
        </>
      ) : snapshots.length === 0 ? (
        <>
          <strong>No certified figures yet.</strong> No district has certified this collection for school year{' '}
          {schoolYear}, so the certified figures are empty.
        </>
      ) : (
        <>
          <strong>Certified.</strong> School year {schoolYear}, computed from {snapshots.length} certified
          snapshot{snapshots.length === 1 ? '' : 's'} only; a district that has not certified is missing.
        </>
      )}
    </p>
  );
}
