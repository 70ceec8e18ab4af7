import { useEffect, useRef, useState } from 'react';
import type { HandEntryResult, Problem, TemplateDetail } from '@bitterroot/contracts';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { toProblem } from '../../lib/use-resource.ts';
import { CONTEXT_KEYS, findingsByField, firstInvalid } from './entry-values.ts';
import { enterRows, type StudentPlace } from './students-api.ts';
import { fieldId, TemplateField } from './template-field.tsx';
import './students.css';

/** Props of TemplateForm. */
export interface TemplateFormProps {
  template: TemplateDetail;
  place: StudentPlace;
  initial: Record<string, string>;
  /** Keys shown as read-only facts above the inputs (which student, which enrollment). */
  context?: ReadonlySet<string>;
  /** Keys shown first, in this order (the fields the task is about: end date and status for a withdrawal). */
  first?: readonly string[];
  /** Keys not shown at all (their initial values are still sent). */
  hidden?: ReadonlySet<string>;
  submitLabel: string;
  onSaved: (result: HandEntryResult) => void;
  /** Runs before saving (the new-student check); calls `save` with the row to send, or never to stop. */
  beforeSave?: (row: Record<string, string>, save: (row: Record<string, string>) => void) => void;
}

/**
 * A form generated from a template's definition: one input per column (code dropdowns, dates, numbers, text),
 * required marks, and on save the upload pipeline's findings shown under the fields they name, with focus on
 * the first one. Enter in any field submits; nothing is validated here that the server does not validate.
 */
export function TemplateForm(props: TemplateFormProps) {
  const { template, place, context = CONTEXT_KEYS, first = [], hidden = new Set<string>() } = props;
  const [values, setValues] = useState(props.initial);
  const [result, setResult] = useState<HandEntryResult | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const idPrefix = `entry-${template.id}`;
  const editable = template.fields.filter((f) => !context.has(f.key) && !hidden.has(f.key));
  const ordered = [
    ...first.map((k) => editable.find((f) => f.key === k)).filter((f) => f !== undefined),
    ...editable.filter((f) => !first.includes(f.key)),
  ];
  const facts = template.fields.filter((f) => context.has(f.key) && f.key !== 'record_type' && values[f.key]);
  const byField = findingsByField(result && !result.committed ? result.findings : [], template.fields);
  const general = [...byField]
    .filter(([k]) => k === null || !ordered.some((f) => f.key === k))
    .flatMap(([, f]) => f);

  useEffect(() => {
    if (!result || result.committed) return;
    const key = firstInvalid(
      ordered.map((f) => f.key),
      byField,
    );
    const target = key ? document.getElementById(fieldId(idPrefix, key)) : summaryRef.current;
    target?.focus();
    // Focus moves once per answer from the server, not on every keystroke.
  }, [result]);

  const save = (row: Record<string, string>) => {
    setBusy(true);
    setProblem(null);
    enterRows(place, template.id, [row]).then(
      (answer) => {
        setBusy(false);
        setResult(answer);
        if (answer.committed) props.onSaved(answer);
      },
      (error: unknown) => {
        setBusy(false);
        setProblem(toProblem(error));
        summaryRef.current?.focus();
      },
    );
  };
  const submit = () => {
    const row = Object.fromEntries(
      template.fields.filter((f) => f.key !== 'record_type').map((f) => [f.key, values[f.key] ?? '']),
    );
    if (props.beforeSave) props.beforeSave(row, save);
    else save(row);
  };

  return (
    <form
      className="panel entry-form"
      aria-label={template.name}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      {facts.length > 0 && (
        <dl className="facts entry-facts">
          {facts.map((f) => (
            <div key={f.key}>
              <dt>{f.label}</dt>
              <dd>{values[f.key]}</dd>
            </div>
          ))}
        </dl>
      )}
      <div ref={summaryRef} tabIndex={-1} className="entry-summary">
        {problem && <ProblemAlert context="Not saved" problem={problem} />}
        {result && !result.committed && (
          <div className="alert" role="alert">
            <p className="alert-title">Not saved: please correct the fields marked below.</p>
            {general.length > 0 && (
              <ul>
                {general.map((f, i) => (
                  <li key={`${f.code}-${i}`}>{`${f.field ? `${f.field}: ` : ''}${f.message}. ${f.fix}`}</li>
                ))}
              </ul>
            )}
          </div>
        )}
      </div>
      <p className="note">Fields marked * are required.</p>
      <div className="entry-fields">
        {ordered.map((f) => (
          <TemplateField
            key={f.key}
            field={f}
            idPrefix={idPrefix}
            value={values[f.key] ?? ''}
            findings={byField.get(f.key) ?? []}
            onChange={(v) => setValues((old) => ({ ...old, [f.key]: v }))}
          />
        ))}
      </div>
      <button type="submit" className="button-primary" disabled={busy}>
        {busy ? 'Saving…' : props.submitLabel}
      </button>
    </form>
  );
}
