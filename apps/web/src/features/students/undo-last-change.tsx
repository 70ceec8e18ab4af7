import { useState } from 'react';
import type { Problem } from '@bitterroot/contracts';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { toProblem } from '../../lib/use-resource.ts';
import { undoLastEntry, type StudentPlace } from './students-api.ts';

/** Props of UndoLastChange. */
export interface UndoLastChangeProps {
  place: StudentPlace;
  /** What was just saved, e.g. "Program Participation saved." (shown beside the button). */
  saved?: string;
  onUndone: () => void;
}

/** "Undo my last change": takes back the user's newest hand entry in the district (again for the one before). */
export function UndoLastChange({ place, saved, onUndone }: UndoLastChangeProps) {
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState(saved ?? '');
  const [problem, setProblem] = useState<Problem | null>(null);
  const undo = () => {
    setBusy(true);
    setProblem(null);
    undoLastEntry(place).then(
      (out) => {
        setBusy(false);
        setMessage(
          out.kind === 'undone'
            ? `Undone: your ${out.template} entry (${out.rows} ${out.rows === 1 ? 'row' : 'rows'} put back).`
            : 'Nothing to undo: you have no saved entries left here.',
        );
        if (out.kind === 'undone') onUndone();
      },
      (error: unknown) => {
        setBusy(false);
        setProblem(toProblem(error));
      },
    );
  };
  return (
    <>
      <div className="undo-bar">
        <p role="status" aria-live="polite">
          {message}
        </p>
        <button type="button" className="button-secondary" disabled={busy} onClick={undo}>
          {busy ? 'Undoing…' : 'Undo my last change'}
        </button>
      </div>
      {problem && <ProblemAlert context="Could not undo" problem={problem} />}
    </>
  );
}
