import { Link } from 'react-router';
import type { TemplateSummary } from '@bitterroot/contracts';
import { Loading } from '../components/loading.tsx';
import { ProblemAlert } from '../components/problem-alert.tsx';
import { templateLevelLabel } from '../features/templates/labels.ts';
import { ProvisionalMark } from '../features/templates/provisional-mark.tsx';
import { listTemplates } from '../features/templates/templates-api.ts';
import { PRODUCT_NAME, STATE_NAME } from '../lib/state.ts';
import { useResource } from '../lib/use-resource.ts';

function TemplatesTable({ templates }: { templates: readonly TemplateSummary[] }) {
  return (
    <div className="table-scroll">
      <table className="data-table">
        <caption>{templates.length} upload templates, in the order districts upload them</caption>
        <thead>
          <tr>
            <th scope="col" className="numeric">
              Order
            </th>
            <th scope="col">Template</th>
            <th scope="col">Record type</th>
            <th scope="col">Rows describe</th>
            <th scope="col" className="numeric">
              Columns
            </th>
            <th scope="col">Description</th>
          </tr>
        </thead>
        <tbody>
          {templates.map((t) => (
            <tr key={t.id}>
              <td className="numeric">{t.order}</td>
              <th scope="row">
                <Link to={`/templates/${t.id}`}>{t.name}</Link>
              </th>
              <td>
                <code>{t.recordType}</code>
              </td>
              <td>{templateLevelLabel(t.level)}</td>
              <td className="numeric">{t.columnCount}</td>
              <td>
                {t.description} <ProvisionalMark provisional={t.provisional} decision={t.decision} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The upload templates of the state profile, in upload order, each linking to its documentation. */
export function TemplatesPage() {
  const [templates, reload] = useResource('templates', listTemplates);
  return (
    <>
      <title>{`Upload templates · ${PRODUCT_NAME}`}</title>
      <h1>{STATE_NAME} upload templates</h1>
      <p className="notice">
        Each file a district uploads follows one of these layouts. Open a template for its columns, codes and
        rules, and to download it as an Excel workbook with code dropdowns.
      </p>
      {templates.status === 'loading' && <Loading what="templates" />}
      {templates.status === 'error' && (
        <ProblemAlert context="Could not load templates" problem={templates.problem} onRetry={reload} />
      )}
      {templates.status === 'ok' && (
        <section className="panel" aria-label="Templates">
          <TemplatesTable templates={templates.data} />
        </section>
      )}
    </>
  );
}
