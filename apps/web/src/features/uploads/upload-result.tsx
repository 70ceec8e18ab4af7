import type { Upload } from '@bitterroot/contracts';
import { formatCount } from '../../lib/format.ts';
import { hasNewStateIds, outcomeOf, summaryEntries, summaryLabel } from './upload-outcome.ts';
import { uploadFileUrl } from './uploads-api.ts';

const TEMPLATE_NAMES: Record<string, string> = {
  'student-demographics': 'Student Demographic',
  'student-enrollment': 'Student Enrollment',
};

/** Props of UploadResult. */
export interface UploadResultProps {
  fileName: string;
  upload: Upload;
}

/** The outcome banner of a finished upload: what happened, the counts, and the new-state-ID file. */
export function UploadResult({ fileName, upload }: UploadResultProps) {
  const outcome = outcomeOf(upload);
  const summary = summaryEntries(upload.summary);
  const template = upload.template ? (TEMPLATE_NAMES[upload.template] ?? upload.template) : 'Unknown type';
  return (
    <section
      className={`outcome outcome-${outcome.tone}`}
      role={outcome.tone === 'bad' ? 'alert' : 'status'}
      aria-labelledby="outcome-title"
    >
      <h2 id="outcome-title">{outcome.title}</h2>
      <p>{outcome.detail}</p>
      <p className="outcome-meta">
        {fileName} · {template} · batch {upload.batchId}
        {upload.dryRun ? ' · dry run' : ''}
      </p>
      {summary.length > 0 && (
        <dl className="outcome-summary">
          {summary.map(([key, count]) => (
            <div key={key}>
              <dt>{summaryLabel(key)}</dt>
              <dd>{formatCount(count)}</dd>
            </div>
          ))}
        </dl>
      )}
      {hasNewStateIds(upload) && (
        <p>
          New state IDs (local ID, name, assigned state ID):{' '}
          <a href={uploadFileUrl(upload.district, upload.batchId, 'new-state-ids', 'csv')} download>
            New state IDs (CSV)
          </a>{' '}
          ·{' '}
          <a href={uploadFileUrl(upload.district, upload.batchId, 'new-state-ids', 'xlsx')} download>
            New state IDs (XLSX)
          </a>
        </p>
      )}
    </section>
  );
}
