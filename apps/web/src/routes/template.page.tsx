import { Link, useParams } from 'react-router';
import type { TemplateDetail } from '@bitterroot/contracts';
import { Loading } from '../components/loading.tsx';
import { ProblemAlert } from '../components/problem-alert.tsx';
import { FieldsTable } from '../features/templates/fields-table.tsx';
import { ProvisionalMark } from '../features/templates/provisional-mark.tsx';
import { TemplateFacts, TemplateRules } from '../features/templates/template-overview.tsx';
import { getTemplate } from '../features/templates/templates-api.ts';
import { PRODUCT_NAME } from '../lib/state.ts';
import { useResource } from '../lib/use-resource.ts';

function BackLink() {
  return (
    <p className="back">
      <Link to="/templates">← All templates</Link>
    </p>
  );
}

/** One upload template's documentation, generated from the profile, with its XLSX download. */
export function TemplatePage() {
  const id = useParams().id ?? '';
  const [template, reload] = useResource(`template:${id}`, (signal) => getTemplate(id, signal));
  if (template.status === 'loading') {
    return (
      <>
        <BackLink />
        <Loading what="template" />
      </>
    );
  }
  if (template.status === 'error') {
    if (template.problem.status === 404 || template.problem.status === 400)
      return <TemplateNotFound id={id} />;
    return (
      <>
        <BackLink />
        <ProblemAlert context="Could not load the template" problem={template.problem} onRetry={reload} />
      </>
    );
  }
  return <TemplateDocs template={template.data} />;
}

function TemplateDocs({ template }: { template: TemplateDetail }) {
  return (
    <>
      <title>{`${template.name} template · ${PRODUCT_NAME}`}</title>
      <BackLink />
      <div className="page-heading">
        <h1>
          {template.name} <span className="subtitle">Record type {template.recordType}</span>
        </h1>
        <a className="button-primary" href={template.workbookUrl} download>
          Download XLSX template
        </a>
      </div>
      {template.description !== null && <p>{template.description}</p>}
      <TemplateFacts template={template} />
      <TemplateRules template={template} />
      <section className="panel" aria-labelledby="fields-heading">
        <h2 id="fields-heading">Fields</h2>
        <FieldsTable fields={template.fields} dateFormat={template.dateFormat} />
      </section>
      <p className="note">
        Source: {template.source}{' '}
        <ProvisionalMark provisional={template.provisional} decision={template.decision} />
      </p>
    </>
  );
}

function TemplateNotFound({ id }: { id: string }) {
  return (
    <>
      <title>{`Template not found · ${PRODUCT_NAME}`}</title>
      <BackLink />
      <h1>Template not found</h1>
      <p className="notice" role="status">
        There is no upload template called <strong>{id || '(blank)'}</strong>. See the{' '}
        <Link to="/templates">list of templates</Link>.
      </p>
    </>
  );
}
