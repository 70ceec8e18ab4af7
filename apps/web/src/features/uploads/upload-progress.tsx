import type { Upload } from '@bitterroot/contracts';
import { plural } from '../../lib/format.ts';
import type { Phase } from './upload-phase.ts';
import { PHASES, phaseLabel, phaseOf, phasePercent } from './upload-phase.ts';

/** Props of UploadProgress. */
export interface UploadProgressProps {
  fileName: string;
  /** The latest poll, or null while the file is still being sent or before the first answer. */
  upload: Upload | null;
}

/** A progress bar with the current step (Received → … → Done) and the rows read so far. */
export function UploadProgress({ fileName, upload }: UploadProgressProps) {
  const phase: Phase = upload ? phaseOf(upload) : 'received';
  const rows = upload?.progress?.rows ?? upload?.rows ?? 0;
  const percent = phasePercent(phase);
  const label = upload ? phaseLabel(phase) : 'Sending';
  return (
    <section className="panel upload-progress" aria-labelledby="upload-progress-title">
      <h2 id="upload-progress-title">Processing {fileName}</h2>
      <p role="status" aria-live="polite">
        {label}…
      </p>
      <progress
        max={100}
        value={percent}
        aria-labelledby="upload-progress-title"
        aria-valuenow={percent}
        aria-valuetext={`${label}, ${plural(rows, 'row')} read`}
      />
      <ol className="phases">
        {PHASES.map((p) => (
          <li
            key={p}
            aria-current={p === phase ? 'step' : undefined}
            className={PHASES.indexOf(p) < PHASES.indexOf(phase) ? 'phase-done' : undefined}
          >
            {phaseLabel(p)}
          </li>
        ))}
      </ol>
      <p className="note">{plural(rows, 'row')} read</p>
    </section>
  );
}
