import type { Upload } from '@bitterroot/contracts';
import { plural } from '../../lib/format.ts';

/** How an outcome banner looks: green, neutral or red. */
export type OutcomeTone = 'good' | 'neutral' | 'bad';

/** The banner for a finished upload. */
export interface Outcome {
  tone: OutcomeTone;
  title: string;
  detail: string;
}

// Summary keys the server reports, in the order a steward reads them.
const SUMMARY_ORDER = [
  'assigned',
  'matched',
  'linked',
  'held',
  'inserted',
  'updated',
  'replaced',
  'unchanged',
  'nothingToReport',
];

const SUMMARY_LABELS: Record<string, string> = {
  assigned: 'New state IDs assigned',
  matched: 'Matched to known students',
  linked: 'Linked to the district',
  held: 'Held for identity review',
  inserted: 'Inserted',
  updated: 'Updated',
  unchanged: 'Unchanged',
  replaced: 'Removed (no longer in the file)',
  nothingToReport: 'Nothing to report (sent on purpose)',
};

/** A summary key as shown ("assigned" → "New state IDs assigned"); unknown keys show as sent. */
export function summaryLabel(key: string): string {
  return SUMMARY_LABELS[key] ?? key;
}

/** The summary counts in reading order (known keys first, then any others A–Z), zero counts included. */
export function summaryEntries(summary: Upload['summary']): [string, number][] {
  const rank = (key: string) => {
    const i = SUMMARY_ORDER.indexOf(key);
    return i === -1 ? SUMMARY_ORDER.length : i;
  };
  return Object.entries(summary).toSorted(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b));
}

/** Why a batch failed, as the server recorded it. */
export function failureReason(upload: Upload): string | null {
  return upload.failure || null;
}

/** The banner for a finished upload (callers check the status is final). */
export function outcomeOf(upload: Upload): Outcome {
  switch (upload.status) {
    case 'committed':
      return {
        tone: 'good',
        title: `${plural(upload.accepted, 'row')} committed`,
        detail: `${plural(upload.rows, 'row')} read from the file; the changes are saved.`,
      };
    case 'validated':
      return {
        tone: 'neutral',
        title: upload.dryRun ? 'The file is valid; nothing was written' : 'The file is valid',
        detail: upload.dryRun
          ? `${plural(upload.rows, 'row')} checked (dry run). Upload again without "Validate only" to save it.`
          : `${plural(upload.rows, 'row')} checked. This kind of file is checked only; nothing was written.`,
      };
    case 'rejected':
      return {
        tone: 'bad',
        title:
          upload.rejected > 0
            ? `Nothing was written. ${plural(upload.rejected, 'row has', 'rows have')} problems`
            : 'Nothing was written. The file has problems',
        detail: 'Fix the rows listed below and upload the whole file again.',
      };
    case 'failed':
      return {
        tone: 'bad',
        title: 'The upload failed; nothing was written',
        detail: failureReason(upload) ?? 'The server did not say why. Upload the file again.',
      };
    case 'received':
    case 'parsing':
    case 'validating':
    case 'committing':
      return { tone: 'neutral', title: 'Still processing', detail: '' };
  }
}

/** True when a committed Student Demographic upload issued new state IDs (a file to download). */
export function hasNewStateIds(upload: Upload): boolean {
  return (
    upload.status === 'committed' &&
    upload.template === 'student-demographics' &&
    (upload.summary['assigned'] ?? 0) > 0
  );
}
