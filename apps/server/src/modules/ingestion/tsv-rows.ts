/**
 * Streams the data rows of Montana upload files (tab-separated, `HD` header row; montana-aim.md §4.1)
 * and baseline files (a column-name header) as arrays of cells, a read buffer at a time. The bulk path
 * types the cells itself, so no CSV is built in between; memory stays bounded by the read buffer.
 */
import { open } from 'node:fs/promises';

/** How to read one file. */
export type TsvRowOptions = {
  /** Skip the first line when it is a column-name header (baseline files) or an `HD` row. */
  skipHeader: 'hd' | 'names';
  /** How many leading cells the reader needs: the rest of a line is never split (it is most of the cost). */
  width: number;
};

/** The raw cells of one line (not yet trimmed); fewer than `width` when the line is short. */
export type Cells = string[];

// 1 MiB reads: a few thousand rows per batch keeps the per-batch cost of async iteration small.
const READ_BYTES = 1 << 20;
const LF = 0x0a;

/** Where to cut a full buffer holding part of one overlong line: before any incomplete UTF-8 character. */
function characterBoundary(buffer: Buffer, end: number): number {
  let i = end;
  while (i > 0 && (buffer[i - 1]! & 0xc0) === 0x80) i--; // continuation bytes
  return i > 0 && buffer[i - 1]! >= 0xc0 ? i - 1 : end; // a lead byte whose character is cut
}

/** Yields the file's text a buffer at a time, always cut after a line feed (never inside a character). */
async function* textChunks(path: string): AsyncGenerator<string> {
  const file = await open(path, 'r');
  try {
    const { size } = await file.stat();
    // Small district files get a buffer their size, not a megabyte each.
    const buffer = Buffer.allocUnsafe(Math.max(1, Math.min(size + 1, READ_BYTES)));
    let filled = 0;
    for (;;) {
      const { bytesRead } = await file.read(buffer, filled, buffer.length - filled, null);
      const end = filled + bytesRead;
      if (bytesRead === 0) {
        if (end > 0) yield buffer.toString('utf8', 0, end);
        return;
      }
      // A line feed is never part of a multi-byte UTF-8 sequence, so cutting after one is safe.
      const cut = buffer.lastIndexOf(LF, end - 1) + 1;
      if (cut === 0 && end < buffer.length) {
        filled = end;
        continue;
      }
      const upTo = cut === 0 ? characterBoundary(buffer, end) : cut;
      yield buffer.toString('utf8', 0, upTo);
      buffer.copy(buffer, 0, upTo, end);
      filled = end - upTo;
    }
  } finally {
    await file.close();
  }
}

/** The cells of the line `text[start, end)`: split on tabs, at most `width` of them (as split does). */
function cellsOf(text: string, start: number, end: number, width: number): Cells {
  const cells: Cells = [];
  let from = start;
  while (cells.length < width) {
    const tab = text.indexOf('\t', from);
    if (tab < 0 || tab >= end) {
      cells.push(text.slice(from, end));
      break;
    }
    cells.push(text.slice(from, tab));
    from = tab + 1;
  }
  return cells;
}

// A line may be blank only if it starts with whitespace, which in JS is at or below 32 or above 126.
const mayBeBlank = (code: number) => code <= 32 || code > 126;

/**
 * Yields batches of rows (each a line split on tabs). Lines break at \n, \r\n or a lone \r, the way
 * readline does; a byte-order mark at a line's start and blank lines are dropped.
 */
export async function* tsvRowBatches(path: string, options: TsvRowOptions): AsyncGenerator<Cells[]> {
  const { width } = options;
  let carry = '';
  let first = true;
  // The lines of text[0, end), each ending in \n, cut straight out of the text (no line strings).
  const rowsOf = (text: string, end: number, rows: Cells[]) => {
    for (let start = 0; start < end;) {
      const lineEnd = text.indexOf('\n', start);
      let from = start;
      start = lineEnd + 1;
      if (text.charCodeAt(from) === 0xfeff) from++;
      if (first) {
        first = false;
        if (options.skipHeader === 'names' || text.startsWith('HD\t', from)) continue;
      }
      if (from === lineEnd) continue;
      if (mayBeBlank(text.charCodeAt(from)) && text.slice(from, lineEnd).trim() === '') continue;
      rows.push(cellsOf(text, from, lineEnd, width));
    }
  };
  // \r\n ends a line too, and so does a lone \r (old Mac files): both become \n before splitting.
  const normalised = (text: string) => (text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text);
  for await (const chunk of textChunks(path)) {
    let text = carry + chunk;
    // A final \r may be the first half of a \r\n that the next read completes: it waits, unchanged.
    const tail = text.endsWith('\r') ? '\r' : '';
    text = normalised(text.slice(0, text.length - tail.length)) + tail;
    const cut = text.lastIndexOf('\n') + 1;
    carry = text.slice(cut);
    const rows: Cells[] = [];
    rowsOf(text, cut, rows);
    if (rows.length) yield rows;
  }
  if (carry !== '') {
    const rows: Cells[] = [];
    const text = normalised(carry) + '\n';
    rowsOf(text, text.length, rows);
    if (rows.length) yield rows;
  }
}

/** Cell `i` trimmed, or null when it is empty or missing (short rows are padded with nulls). */
export function cell(cells: Cells, i: number): string | null {
  const raw = cells[i];
  if (raw === undefined) return null;
  const v = raw.trim();
  return v === '' ? null : v;
}

/** Column positions by name; `width` is how many leading cells the positions asked for so far need. */
export type Columns = { at: (name: string) => number; width: () => number };

/** Columns named in order (a template's keys, or a baseline header: lower-cased, non-identifier characters → `_`). */
export function columnsOf(names: readonly string[], source: string, header = false): Columns {
  const keys = header
    ? names.map((n) =>
        n
          .trim()
          .toLowerCase()
          .replace(/[^a-z0-9_]/g, '_'),
      )
    : names;
  let width = 0;
  return {
    at: (name) => {
      const i = keys.indexOf(name);
      if (i < 0) throw new Error(`${source} has no column ${name}`);
      width = Math.max(width, i + 1);
      return i;
    },
    width: () => width,
  };
}
