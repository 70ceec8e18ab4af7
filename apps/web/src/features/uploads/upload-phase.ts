import type { Upload } from '@bitterroot/contracts';

/** The steps a steward sees while an upload runs, in order. */
export const PHASES = ['received', 'parsing', 'validating', 'committing', 'done'] as const;

/** One step of an upload. */
export type Phase = (typeof PHASES)[number];

/** Statuses after which an upload never changes. */
export const FINAL_STATUSES: ReadonlySet<Upload['status']> = new Set([
  'validated',
  'rejected',
  'committed',
  'failed',
]);

const LABELS: Record<Phase, string> = {
  received: 'Received',
  parsing: 'Parsing',
  validating: 'Validating',
  committing: 'Committing',
  done: 'Done',
};

// Share of the bar at the start of each step: parsing and validating take most of the time.
const PERCENT: Record<Phase, number> = {
  received: 5,
  parsing: 20,
  validating: 60,
  committing: 85,
  done: 100,
};

/** True when the upload has finished, whatever the outcome. */
export function isFinal(status: Upload['status']): boolean {
  return FINAL_STATUSES.has(status);
}

function isPhase(value: string): value is Phase {
  return (PHASES as readonly string[]).includes(value);
}

/**
 * The step an upload is in. Live progress wins over the stored status: the server updates the stored
 * status inside the upload's own transaction, which other requests cannot see until it commits.
 */
export function phaseOf(upload: Pick<Upload, 'status' | 'progress'>): Phase {
  if (isFinal(upload.status)) return 'done';
  const live = upload.progress?.phase;
  if (live !== undefined && isPhase(live)) return live;
  return isPhase(upload.status) ? upload.status : 'received';
}

/** How full the progress bar is for a step, 0–100. */
export function phasePercent(phase: Phase): number {
  return PERCENT[phase];
}

/** The step's name as shown ("Validating"). */
export function phaseLabel(phase: Phase): string {
  return LABELS[phase];
}
