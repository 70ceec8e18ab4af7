import { useState } from 'react';
import {
  EDFACTS_FILE_LEVELS,
  edfactsFileSchema,
  stateExportSchema,
  type EdfactsFile,
  type ReportSource,
  type StateExport,
} from '@bitterroot/contracts';
import { NotAllowed } from '../components/not-allowed.tsx';
import {
  EDFACTS_FILES,
  FORMAT_LABELS,
  LEVEL_LABELS,
  STATE_FILES,
} from '../features/outcomes/export-choices.ts';
import { edfactsUrl, stateFileUrl } from '../features/outcomes/outcomes-api.ts';
import { hasStateRole } from '../features/access/navigation.ts';
import { holds, useSignedInSession } from '../lib/session.ts';
import { PRODUCT_NAME, STATE_NAME } from '../lib/state.ts';
import { SourceSwitch } from '../components/source-switch.tsx';

type Level = 'sea' | 'lea' | 'sch';
type Format = 'csv' | 'tab' | 'txt';

/** State staff choose an EDFacts file (level, format) or a state file, live or certified, and download it. */
export function ExportsPage() {
  const session = useSignedInSession();
  const [file, setFile] = useState<EdfactsFile>('FS052');
  const [level, setLevel] = useState<Level>('sea');
  const [format, setFormat] = useState<Format>('csv');
  const [stateFile, setStateFile] = useState<StateExport>('maefairs-anb');
  const [source, setSource] = useState<ReportSource>('certified');
  // The server refuses anyone else too (state scope); the page says so instead of offering dead links.
  if (!hasStateRole(session) || !holds(session, 'extract:read'))
    return (
      <NotAllowed
        problem={{
          type: 'about:blank',
          title: 'Forbidden',
          status: 403,
          detail: 'Exports are for state staff.',
        }}
        what="the state's exports"
      />
    );
  const levels = EDFACTS_FILE_LEVELS[file];
  const chosenLevel = levels.includes(level) ? level : levels[0]!;
  const edfacts = edfactsUrl(file, { level: chosenLevel, format, source, year: null });
  const state = stateFileUrl(stateFile, { source, year: null });
  return (
    <>
      <title>{`Exports · ${STATE_NAME} · ${PRODUCT_NAME}`}</title>
      <h1>
        Exports <span className="subtitle">EDFacts and state files</span>
      </h1>
      <p className="note">
        Files for the U.S. Department of Education and state agencies carry exact counts, never suppressed.
        They are built from the certified snapshots unless you ask for the live preview.
      </p>
      <form className="filters" aria-label="Export source" onSubmit={(e) => e.preventDefault()}>
        <SourceSwitch name="export-source" source={source} onChange={setSource} />
      </form>
      <section className="panel" aria-labelledby="edfacts-heading">
        <h2 id="edfacts-heading">EDFacts file</h2>
        <form className="filters" aria-label="EDFacts file" onSubmit={(e) => e.preventDefault()}>
          <div className="field">
            <label htmlFor="edfacts-file">File to export</label>
            <select id="edfacts-file" value={file} onChange={(e) => setFile(e.target.value as EdfactsFile)}>
              {edfactsFileSchema.options.map((f) => (
                <option key={f} value={f}>
                  {EDFACTS_FILES[f]}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="edfacts-level">Level</label>
            <select
              id="edfacts-level"
              value={chosenLevel}
              onChange={(e) => setLevel(e.target.value as Level)}
            >
              {levels.map((l) => (
                <option key={l} value={l}>
                  {LEVEL_LABELS[l]}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="edfacts-format">Format</label>
            <select id="edfacts-format" value={format} onChange={(e) => setFormat(e.target.value as Format)}>
              {(Object.keys(FORMAT_LABELS) as Format[]).map((f) => (
                <option key={f} value={f}>
                  {FORMAT_LABELS[f]}
                </option>
              ))}
            </select>
          </div>
        </form>
        <p className="downloads">
          <a href={edfacts} download>
            Download {file} ({LEVEL_LABELS[chosenLevel]})
          </a>
        </p>
      </section>
      <section className="panel" aria-labelledby="state-files-heading">
        <h2 id="state-files-heading">State file</h2>
        <form className="filters" aria-label="State file" onSubmit={(e) => e.preventDefault()}>
          <div className="field">
            <label htmlFor="state-file">State file to export</label>
            <select
              id="state-file"
              value={stateFile}
              onChange={(e) => setStateFile(e.target.value as StateExport)}
            >
              {stateExportSchema.options.map((f) => (
                <option key={f} value={f}>
                  {STATE_FILES[f]}
                </option>
              ))}
            </select>
          </div>
        </form>
        <p className="downloads">
          <a href={state} download>
            Download the state file (CSV)
          </a>
        </p>
      </section>
    </>
  );
}
