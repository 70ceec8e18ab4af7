import type { Finding, TemplateField as Field } from '@bitterroot/contracts';
import { toFileDate, toIsoDate } from './entry-values.ts';

/** Props of TemplateField. */
export interface TemplateFieldProps {
  field: Field;
  idPrefix: string;
  value: string;
  findings: readonly Finding[];
  onChange: (value: string) => void;
}

/** The DOM id of a field's input (the form moves focus there when the field has an error). */
export function fieldId(idPrefix: string, key: string): string {
  return `${idPrefix}-${key.replaceAll('_', '-')}`;
}

function codeOptions(field: Field, value: string) {
  // Retired codes stay selectable only when the record already holds one (old records keep their value).
  const codes = (field.codeSet?.codes ?? []).filter((c) => !c.retired || c.code === value);
  return codes.map((c) => (
    <option key={c.code} value={c.code}>
      {c.code === c.label ? c.code : `${c.code} — ${c.label}`}
    </option>
  ));
}

/** One generated input for a template column: dropdown for codes, date picker, number or text box. */
export function TemplateField({ field, idPrefix, value, findings, onChange }: TemplateFieldProps) {
  const id = fieldId(idPrefix, field.key);
  const fatal = findings.some((f) => f.severity === 'fatal');
  const hintId = field.description ? `${id}-hint` : undefined;
  const errorId = findings.length ? `${id}-error` : undefined;
  const common = {
    id,
    name: field.key,
    'aria-required': field.required || undefined,
    'aria-invalid': fatal || undefined,
    'aria-describedby': [errorId, hintId].filter(Boolean).join(' ') || undefined,
  };
  if (field.separator && field.codeSet) return <MultiCode {...{ field, id, value, findings, onChange }} />;
  let input;
  if (field.codeSet || field.type === 'flag') {
    input = (
      <select {...common} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{field.required ? '— choose —' : '— none —'}</option>
        {field.codeSet
          ? codeOptions(field, value)
          : [
              <option key="Y" value="Y">
                Y — Yes
              </option>,
              <option key="N" value="N">
                N — No
              </option>,
            ]}
      </select>
    );
  } else if (field.type === 'date') {
    input = (
      <input
        {...common}
        type="date"
        value={toIsoDate(value)}
        onChange={(e) => onChange(toFileDate(e.target.value))}
      />
    );
  } else {
    const numeric = field.type === 'integer' || field.type === 'decimal' || field.type === 'digits';
    input = (
      <input
        {...common}
        type="text"
        inputMode={numeric ? 'decimal' : undefined}
        maxLength={field.width ?? 500}
        autoComplete="off"
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
    );
  }
  return (
    <div className="field form-field entry-field">
      {/* The mark sits beside the label, not in it: the input's name stays the column's label. */}
      <span className="label-line">
        <label htmlFor={id}>{field.label}</label>
        {field.required && (
          <span className="required-mark" aria-hidden="true">
            *
          </span>
        )}
      </span>
      {input}
      <FieldMessages id={errorId} findings={findings} />
      {hintId && (
        <span id={hintId} className="note">
          {field.description}
        </span>
      )}
    </div>
  );
}

function FieldMessages({ id, findings }: { id: string | undefined; findings: readonly Finding[] }) {
  if (!id) return null;
  return (
    <span id={id} className="field-error">
      {findings.map((f) => `${f.severity === 'fatal' ? '' : 'Warning: '}${f.message}. ${f.fix}`).join(' ')}
    </span>
  );
}

/** Several codes in one cell (race codes): a checkbox per code, joined with the column's separator. */
function MultiCode({
  field,
  id,
  value,
  findings,
  onChange,
}: {
  field: Field;
  id: string;
  value: string;
  findings: readonly Finding[];
  onChange: (v: string) => void;
}) {
  const sep = field.separator ?? ',';
  const chosen = new Set(
    value
      .split(sep)
      .map((s) => s.trim())
      .filter(Boolean),
  );
  const codes = (field.codeSet?.codes ?? []).filter((c) => !c.retired || chosen.has(c.code));
  const errorId = findings.length ? `${id}-error` : undefined;
  const toggle = (code: string, on: boolean) => {
    const next = codes.map((c) => c.code).filter((c) => (c === code ? on : chosen.has(c)));
    onChange(next.join(sep));
  };
  return (
    <fieldset className="field form-field entry-field" aria-describedby={errorId} id={id} tabIndex={-1}>
      <legend>
        {field.label}
        {field.required && (
          <span className="required-mark" aria-hidden="true">
            {' '}
            *
          </span>
        )}
      </legend>
      {codes.map((c) => (
        <label key={c.code} className="checkbox">
          <input
            type="checkbox"
            checked={chosen.has(c.code)}
            onChange={(e) => toggle(c.code, e.target.checked)}
          />
          {` ${c.code} — ${c.label}`}
        </label>
      ))}
      <FieldMessages id={errorId} findings={findings} />
    </fieldset>
  );
}
