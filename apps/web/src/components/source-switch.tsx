import type { ReportSource } from '@bitterroot/contracts';

const SOURCES: readonly [ReportSource, string][] = [
  ['live', 'Live data (preview)'],
  ['certified', 'Certified snapshots'],
];

/** Props of SourceSwitch. */
export interface SourceSwitchProps {
  /** The radio group's name, unique on the page. */
  name: string;
  source: ReportSource;
  onChange: (source: ReportSource) => void;
}

/** The "Figures from" switch between the live preview and the certified snapshots, one for every report page. */
export function SourceSwitch({ name, source, onChange }: SourceSwitchProps) {
  return (
    <fieldset className="segmented">
      <legend>Figures from</legend>
      {SOURCES.map(([value, label]) => (
        <label key={value}>
          <input
            type="radio"
            name={name}
            value={value}
            checked={source === value}
            onChange={() => onChange(value)}
          />
          {label}
        </label>
      ))}
    </fieldset>
  );
}
