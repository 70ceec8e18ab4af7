import { Link } from 'react-router';
import type { TemplateDetail, TemplateRef } from '@bitterroot/contracts';
import { formatCount } from '../../lib/format.ts';
import { templateLevelLabel } from './labels.ts';

function TemplateLink({ template }: { template: TemplateRef }) {
  return <Link to={`/templates/${template.id}`}>{template.name}</Link>;
}

/** Headline facts of a template: record type, level, column count, place in the upload order. */
export function TemplateFacts({ template }: { template: TemplateDetail }) {
  return (
    <dl className="facts">
      <div>
        <dt>Record type</dt>
        <dd>
          <code>{template.recordType}</code>
        </dd>
      </div>
      <div>
        <dt>Rows describe</dt>
        <dd>{templateLevelLabel(template.level)}</dd>
      </div>
      <div>
        <dt>Columns</dt>
        <dd>{formatCount(template.columnCount)}</dd>
      </div>
      <div>
        <dt>Upload order</dt>
        <dd>
          {template.uploadOrder.position} of {template.uploadOrder.total}
        </dd>
      </div>
    </dl>
  );
}

/** When to upload the file, which columns identify a record, and how a re-upload changes records. */
export function TemplateRules({ template }: { template: TemplateDetail }) {
  const { after, before } = template.uploadOrder;
  return (
    <section className="panel template-rules" aria-labelledby="rules-heading">
      <h2 id="rules-heading">Upload order, key and update rules</h2>
      <h3>Upload order</h3>
      <p>
        {after === null ? (
          'Upload this file first.'
        ) : (
          <>
            Upload after <TemplateLink template={after} />.
          </>
        )}{' '}
        {before !== null && (
          <>
            Next comes <TemplateLink template={before} />.
          </>
        )}
      </p>
      <h3>Key columns</h3>
      <p>A row updates the existing record with the same values in these columns:</p>
      <ul className="key-list">
        {template.key.map((k) => (
          <li key={k.key}>
            {k.label} <code className="note">{k.key}</code>
          </li>
        ))}
      </ul>
      <h3>Update rules</h3>
      <p>{template.updateRules}</p>
    </section>
  );
}
