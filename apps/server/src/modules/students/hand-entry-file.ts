/**
 * The small file a hand entry sends through the upload pipeline. Usually a CSV of the typed rows; for a
 * "load complete file" template (Behavior, montana-aim.md §2.7) the district's stored rows of the year come
 * first, as the extract writes them, so adding one event does not replace the year with that one event.
 */
import { writeFile } from 'node:fs/promises';
import type { Profile, Template } from '@bitterroot/contracts';
import type { Executor } from '../../db/database.ts';
import { openExtract } from '../student-records/extract.service.ts';
import { tsvLine } from '../student-records/extract-file.ts';
import { recordStoreOf } from '../student-records/record-stores.ts';

// Plain RFC 4180 quoting: this file is read back by our own parser, so nothing is neutralised (that is for
// spreadsheets opening exports) and the typed text is stored exactly.
const quote = (value: string) => `"${value.replace(/"/g, '""')}"`;

/** The cells of a typed row in template column order (the record type column names the template). */
function cellsOf(template: Template, row: Record<string, string>): string[] {
  return template.columns.map((c) => (c.key === 'record_type' ? template.recordType : (row[c.key] ?? '')));
}

/** Writes the entry's file to `path`. */
export async function writeEntryFile(
  db: Executor,
  profile: Profile,
  template: Template,
  scope: { district: string; schoolYear: number },
  rows: readonly Record<string, string>[],
  path: string,
): Promise<void> {
  if (recordStoreOf(template.id)?.mode !== 'replace-year') {
    const lines = [
      template.columns.map((c) => quote(c.label)).join(','),
      ...rows.map((r) => cellsOf(template, r).map(quote).join(',')),
    ];
    await writeFile(path, lines.join('\r\n') + '\r\n', 'utf8');
    return;
  }
  const extract = await openExtract(db, profile, { ...scope, templateId: template.id, format: 'tsv' });
  let text = '';
  if (extract.kind === 'found') for await (const chunk of extract.chunks) text += chunk;
  // Typed rows come last: when they repeat a stored key, the last line wins (the pipeline's rule).
  text += rows.map((r) => tsvLine(cellsOf(template, r))).join('\n') + '\n';
  await writeFile(path, text, 'utf8');
}
