import type { DragEvent, FormEvent } from 'react';
import { useId, useState } from 'react';
import { useResource } from '../../lib/use-resource.ts';
import { listTemplates } from '../templates/templates-api.ts';
import type { TemplateChoice, UploadRequest } from './uploads-api.ts';

const AUTOMATIC = { value: '', label: 'Automatic (from the file)' };

/** Every template of the state profile in upload order (montana-aim.md §4.2), after "Automatic". */
function useTemplateOptions(): { value: TemplateChoice; label: string }[] {
  const [templates] = useResource('templates', listTemplates);
  if (templates.status !== 'ok') return [AUTOMATIC];
  return [AUTOMATIC, ...templates.data.map((t) => ({ value: t.id, label: t.name }))];
}

/** Props of UploadForm. */
export interface UploadFormProps {
  /** True while a file is being sent or processed: the Upload button waits. */
  busy: boolean;
  onUpload: (request: UploadRequest) => void;
  /** The file type chosen at first (a link such as the early-warning page's names its template). */
  initialTemplate?: TemplateChoice;
}

/** Template, dry-run switch and file (picked or dropped), then Upload. */
export function UploadForm({ busy, onUpload, initialTemplate = '' }: UploadFormProps) {
  const id = useId();
  const options = useTemplateOptions();
  const [template, setTemplate] = useState<TemplateChoice>(initialTemplate);
  const [dryRun, setDryRun] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  const [dragging, setDragging] = useState(false);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (file && !busy) onUpload({ file, template, dryRun });
  }

  function drop(event: DragEvent) {
    event.preventDefault();
    setDragging(false);
    const dropped = event.dataTransfer.files[0];
    if (dropped) setFile(dropped);
  }

  return (
    <form className="panel upload-form" aria-label="Upload a file" onSubmit={submit}>
      <div className="filters">
        <div className="field">
          <label htmlFor={`${id}-template`}>File type</label>
          <select id={`${id}-template`} value={template} onChange={(e) => setTemplate(e.target.value)}>
            {options.map((t) => (
              <option key={t.value} value={t.value}>
                {t.label}
              </option>
            ))}
          </select>
        </div>
        <label className="checkbox">
          <input type="checkbox" checked={dryRun} onChange={(e) => setDryRun(e.target.checked)} />
          Validate only (dry run)
        </label>
      </div>
      <div
        className={dragging ? 'drop-zone dragging' : 'drop-zone'}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={drop}
      >
        <label htmlFor={`${id}-file`}>File</label>
        <input
          id={`${id}-file`}
          type="file"
          accept=".txt,.tsv,.csv,.xlsx,text/plain,text/csv,text/tab-separated-values"
          aria-describedby={`${id}-file-hint`}
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
        <p id={`${id}-file-hint`} className="note">
          {file ? (
            <>
              Selected: <strong>{file.name}</strong>
            </>
          ) : (
            'Choose a file or drop it here (tab-separated text, CSV or XLSX).'
          )}
        </p>
      </div>
      <button type="submit" className="button-primary" disabled={!file || busy}>
        {busy ? 'Uploading…' : 'Upload'}
      </button>
    </form>
  );
}
