/**
 * Reads Montana upload files (tab-separated, `HD` header row; montana-aim.md §4.1) as CSV chunks for
 * COPY. This is the bulk path for trusted generated or baseline files; district uploads go through the
 * validating upload pipeline instead.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { csvField } from '../../db/database.ts';

/** Options for reading one file. */
export type TsvReadOptions = {
  /** Number of columns the staging table has; short rows are padded, long rows cut. */
  width: number;
  /** Skip the first line when it is a column-name header (baseline files) or an `HD` row. */
  skipHeader: 'hd' | 'names';
  /** Extra values appended to every row (e.g. the source file's district). */
  append?: string[];
  rowsPerChunk?: number;
};

/** Streams a TSV file as CSV chunks, never holding the whole file. */
export async function* tsvAsCsvChunks(path: string, options: TsvReadOptions): AsyncGenerator<string> {
  const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  let first = true;
  let out: string[] = [];
  const perChunk = options.rowsPerChunk ?? 5000;
  for await (const raw of lines) {
    const line = raw.replace(/^\uFEFF/, '');
    if (first) {
      first = false;
      if (options.skipHeader === 'names' || line.startsWith('HD\t')) continue;
    }
    if (line.trim() === '') continue;
    const cells = line.split('\t');
    const row: string[] = [];
    for (let i = 0; i < options.width; i++) {
      const v = cells[i]?.trim() ?? '';
      row.push(v === '' ? '' : csvField(v));
    }
    if (options.append) for (const a of options.append) row.push(csvField(a));
    out.push(row.join(','));
    if (out.length >= perChunk) {
      yield out.join('\n') + '\n';
      out = [];
    }
  }
  if (out.length) yield out.join('\n') + '\n';
}

/** Reads the column names of a baseline file (its first line). */
export async function readHeaderNames(path: string): Promise<string[]> {
  const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  for await (const line of lines) {
    lines.close();
    return line
      .replace(/^\uFEFF/, '')
      .split('\t')
      .map((s) => s.trim());
  }
  return [];
}
