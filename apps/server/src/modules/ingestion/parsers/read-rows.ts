/**
 * Reads the data rows of a detected file: skips the `HD` row (checking its shape) and the column-name row,
 * cleans every cell, drops blank rows, and reports problems as findings. It never throws.
 */
import { normalizeCell, parseDate } from './cells.ts';
import { unreadableFile } from './detect.ts';
import type { DetectedFile } from './detect.ts';
import { finding, limitedSink, noRows } from './finding.ts';
import type { FindingSink } from './finding.ts';
import type { RawRecord } from './records.ts';
import { textRecords } from './text-source.ts';
import type { TextBatch, TextOptions } from './text-source.ts';
import { xlsxRecords } from './xlsx.ts';
import type { XlsxOptions } from './xlsx.ts';

/** One data row; `line` is the 1-based physical line (sheet row for XLSX) where the record starts. */
export type ParsedRow = { line: number; cells: string[] };

/** Reading options, mostly for tests (tiny chunks) and the row cap. */
export type ReadOptions = TextOptions & XlsxOptions & { maxRows?: number };

/** Rows read from one file at most; Excel itself stops at 1,048,576, so more means a runaway file. */
export const MAX_ROWS = 2_000_000;

/** Streams the data rows of a file; findings go to `onFinding` (each code at most 100 times). */
export async function* readRows(
  path: string,
  detected: DetectedFile,
  onFinding: (f: Parameters<FindingSink>[0]) => void,
  options: ReadOptions = {},
): AsyncGenerator<ParsedRow> {
  const sink = limitedSink(onFinding);
  const maxRows = options.maxRows ?? MAX_ROWS;
  const width = detected.headerNames?.length ?? null;
  let stage: 'hd' | 'names' | 'data' = detected.hasHdRow ? 'hd' : detected.headerNames ? 'names' : 'data';
  let rows = 0;
  try {
    for await (const batch of source(path, detected, sink, options)) {
      for (const rec of batch.records) {
        if (rec.notes) for (const note of rec.notes) sink(note);
        const cells = clean(rec, batch.dirty, sink);
        if (!cells.some((c) => c !== '')) continue;
        if (stage === 'hd' && cells[0]?.toUpperCase() === 'HD') {
          checkHdRow(rec.line, cells, sink);
          stage = detected.headerNames ? 'names' : 'data';
          continue;
        }
        if (stage !== 'data') {
          stage = 'data';
          if (detected.headerNames) continue;
        }
        if (width !== null && cells.length > width) trimExtra(rec.line, cells, width, sink);
        if (++rows > maxRows) {
          sink(tooManyRows(rec.line, maxRows));
          return;
        }
        yield { line: rec.line, cells };
      }
    }
  } catch {
    sink(unreadableFile());
  }
  if (rows === 0) sink(noRows());
}

async function* source(
  path: string,
  detected: DetectedFile,
  sink: FindingSink,
  options: ReadOptions,
): AsyncGenerator<TextBatch> {
  if (detected.format === 'xlsx') {
    // Sheet text is not scanned per chunk, so every cell gets the full clean-up.
    for await (const records of xlsxRecords(path, sink, options)) yield { records, dirty: true };
    return;
  }
  yield* textRecords(path, detected.encoding, detected.format === 'csv' ? ',' : '\t', options);
}

// The fast path only trims; the full clean-up and the NUL / U+FFFD checks run once the file has shown
// such a character, which keeps a million clean rows cheap.
function clean(rec: RawRecord, dirty: boolean, sink: FindingSink): string[] {
  const cells = rec.cells;
  if (!dirty) {
    for (let i = 0; i < cells.length; i++) cells[i] = cells[i]!.trim();
    return cells;
  }
  let nul = false;
  let replaced = false;
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i]!;
    if (c.includes('\u0000')) nul = true;
    if (c.includes('\ufffd')) replaced = true;
    cells[i] = normalizeCell(c);
  }
  if (nul) {
    sink(
      finding(
        'ROW-NUL-CHAR',
        'warning',
        `Line ${rec.line} contains NUL (zero) bytes; they were removed.`,
        'Export the file again from the source system; NUL bytes usually mean a damaged or binary export.',
        rec.line,
      ),
    );
  }
  if (replaced) {
    sink(
      finding(
        'FILE-ENCODING',
        'fatal',
        `Line ${rec.line} contains characters that could not be decoded (shown as �), so a name or value is damaged.`,
        'Save the file again as UTF-8 (in Excel: Save As → "CSV UTF-8") and upload that copy.',
        rec.line,
      ),
    );
  }
  return cells;
}

function checkHdRow(line: number, cells: string[], sink: FindingSink): void {
  const [, date = '', time = '', version = ''] = cells;
  const ok =
    /^\d{1,2}\/\d{1,2}\/\d{4}$/.test(date) &&
    parseDate(date) !== null &&
    /^\d{1,2}:\d{2}:\d{2}$/.test(time) &&
    version === 'MT9.1';
  if (ok) return;
  sink(
    finding(
      'HDR-HD-ROW',
      'warning',
      `The HD row should read "HD, date MM/DD/YYYY, time HH:MM:SS, version MT9.1" but reads "${cells.join(' | ')}".`,
      'Export the file again from the student information system so it writes a current HD row.',
      line,
    ),
  );
}

// Empty cells past the last named column are just trailing tabs or commas; values there are not.
function trimExtra(line: number, cells: string[], width: number, sink: FindingSink): void {
  const extra = cells.splice(width);
  if (extra.every((c) => c === '')) return;
  sink(
    finding(
      'ROW-EXTRA-CELLS',
      'fatal',
      `Line ${line} has ${width + extra.length} cells but the header names only ${width} columns; values may have shifted.`,
      'Check that line for an extra tab or comma (for example a comma inside a name without quotes around it).',
      line,
    ),
  );
}

function tooManyRows(line: number, max: number): ReturnType<typeof finding> {
  return finding(
    'FILE-TOO-MANY-ROWS',
    'fatal',
    `The file has more than ${max.toLocaleString('en-US')} rows; reading stopped at line ${line}.`,
    'Split the file into smaller files (for example one per district or school) and upload each.',
    line,
  );
}
