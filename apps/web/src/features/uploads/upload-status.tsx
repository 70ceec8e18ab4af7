import { ProblemAlert } from '../../components/problem-alert.tsx';
import { FindingsSection } from './findings-section.tsx';
import { UploadProgress } from './upload-progress.tsx';
import { UploadResult } from './upload-result.tsx';
import type { UploadState } from './use-upload.ts';

/** Props of UploadStatus. */
export interface UploadStatusProps {
  state: UploadState;
  /** Asks for a batch again after a polling error. */
  onResume: () => void;
}

/** Whatever the current upload shows: progress, an API problem, or the outcome and findings. */
export function UploadStatus({ state, onResume }: UploadStatusProps) {
  switch (state.kind) {
    case 'idle':
      return null;
    case 'sending':
      return <UploadProgress fileName={state.fileName} upload={null} />;
    case 'processing':
      return <UploadProgress fileName={state.fileName} upload={state.upload} />;
    case 'error':
      return (
        <ProblemAlert
          context={
            state.batchId === null
              ? `Could not upload ${state.fileName}`
              : `Could not read the status of ${state.fileName} (batch ${state.batchId})`
          }
          problem={state.problem}
          onRetry={state.batchId === null ? undefined : onResume}
        />
      );
    case 'done':
      return (
        <>
          <UploadResult fileName={state.fileName} upload={state.upload} />
          {state.upload.findings.length > 0 && <FindingsSection upload={state.upload} />}
        </>
      );
  }
}
