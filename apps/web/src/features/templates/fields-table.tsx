import type { TemplateField } from '@bitterroot/contracts';
import { CodeList } from './code-list.tsx';
import { fieldTypeLabel } from './labels.ts';
import { ProvisionalMark } from './provisional-mark.tsx';

/** Props of FieldsTable. */
export interface FieldsTableProps {
  fields: readonly TemplateField[];
  dateFormat: string;
}

function FieldRow({ field, dateFormat }: { field: TemplateField; dateFormat: string }) {
  return (
    <tr>
      <td className="numeric">{field.position}</td>
      <th scope="row">
        {field.label}
        {field.isKey && (
          <>
            {' '}
            <span className="key-mark">key</span>
          </>
        )}
        <div>
          <code className="note">{field.key}</code>
        </div>
      </th>
      <td>
        {fieldTypeLabel(field.type, dateFormat)}
        {field.separator !== null && <div className="note">several, separated by “{field.separator}”</div>}
      </td>
      <td className="numeric">{field.width ?? '—'}</td>
      <td>{field.required ? 'Required' : 'Optional'}</td>
      <td>{field.codeSet === null ? '—' : <CodeList set={field.codeSet} />}</td>
      <td className="field-description">
        {field.description}
        {field.pattern !== null && (
          <div className="note">
            Pattern <code>{field.pattern}</code>
          </div>
        )}
      </td>
      <td className="field-source">
        <span className="source">{field.source}</span>{' '}
        <ProvisionalMark provisional={field.provisional} decision={field.decision} />
      </td>
    </tr>
  );
}

/** A template's columns in file order: type, width, whether required, codes, description and provenance. */
export function FieldsTable({ fields, dateFormat }: FieldsTableProps) {
  return (
    <div className="table-scroll">
      <table className="data-table fields-table">
        <caption>{fields.length} columns, in file order</caption>
        <thead>
          <tr>
            <th scope="col" className="numeric">
              #
            </th>
            <th scope="col">Column</th>
            <th scope="col">Type</th>
            <th scope="col" className="numeric">
              Width
            </th>
            <th scope="col">Required</th>
            <th scope="col">Codes</th>
            <th scope="col">Description</th>
            <th scope="col">Source</th>
          </tr>
        </thead>
        <tbody>
          {fields.map((f) => (
            <FieldRow key={f.key} field={f} dateFormat={dateFormat} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
