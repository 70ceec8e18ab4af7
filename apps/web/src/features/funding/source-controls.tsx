import type { ReportSource } from '@bitterroot/contracts';
import type { AnbParams } from './anb-params.ts';
import { PIR_DAY_CHOICES } from './anb-params.ts';
import { SourceSwitch } from '../../components/source-switch.tsx';

/** Props of AnbControls. */
export interface AnbControlsProps {
  params: AnbParams;
  onChange: (patch: Partial<AnbParams>) => void;
}

/** The live/certified switch and the approved PIR days of an ANB page. */
export function AnbControls({ params, onChange }: AnbControlsProps) {
  return (
    <form className="filters" aria-label="ANB figures" onSubmit={(e) => e.preventDefault()}>
      <SourceSwitch name="anb-source" source={params.source} onChange={(source) => onChange({ source })} />
      <div className="field">
        <label htmlFor="anb-pir-days">Approved PIR days</label>
        <select
          id="anb-pir-days"
          value={params.pirDays}
          onChange={(e) => onChange({ pirDays: Number(e.target.value) })}
        >
          {PIR_DAY_CHOICES.map((d) => (
            <option key={d} value={d}>
              {d}
            </option>
          ))}
        </select>
      </div>
    </form>
  );
}

/** Props of SourceNotice. */
export interface SourceNoticeProps {
  source: ReportSource;
  schoolYear: number;
  fallCountDate: string;
  springCountDate: string;
  snapshots?: { fall: number | null; spring: number | null } | undefined;
}

/** States where the figures come from, so a preview is never printed as the certified count (decision 0045). */
export function SourceNotice(props: SourceNoticeProps) {
  const { source, snapshots } = props;
  const dates = `fall count date ${props.fallCountDate}, spring count date ${props.springCountDate}`;
  return (
    <p className="notice" role="status" data-source={source}>
      {source === 'live' ? (
        <>
          <strong>Live preview, not certified.</strong> School year {props.schoolYear} ({dates}), computed
          from the data as it stands now; it changes with every upload.
        </>
      ) : (
        <>
          <strong>Certified.</strong> School year {props.schoolYear} ({dates}), computed from the current
          certified count snapshots
          {snapshots && snapshots.fall !== null && snapshots.spring !== null
            ? ` (fall snapshot ${snapshots.fall}, spring snapshot ${snapshots.spring})`
            : ' of each district; a count a district has not certified is missing from its figures'}
          .
        </>
      )}
    </p>
  );
}
