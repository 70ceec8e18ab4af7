import { closeSync, openSync, writeSync } from 'node:fs';
import type { Layout } from './layouts.ts';

/** A generated record: values keyed by column key; ISO dates, booleans and arrays are formatted per column type. */
export type Rec = Record<string, string | number | boolean | readonly string[] | null | undefined>;

/** An open output file that knows its current line number. */
export interface TsvFile {
  readonly path: string;
  readonly layout: Layout | null;
  /** Lines written so far, header included. */
  lines: number;
  /** Writes one record, returning its 1-based line number. */
  write(rec: Rec): number;
  /** Writes a raw row of cells (plain TSV files). */
  writeCells(cells: readonly (string | number)[]): number;
  close(): void;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

function cell(value: Rec[string], type: string, separator: string): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'Y' : 'N';
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') return value.join(separator);
  if (type === 'date') {
    const m = ISO.exec(value);
    if (m) return `${m[2]}/${m[3]}/${m[1]}`;
  }
  return value;
}

/** The Montana header row (montana-aim.md §4.1), stamped with a fixed time so output is byte-identical for a seed. */
export function headerRow(schoolYear: number): string {
  return `HD\t06/30/${schoolYear}\t12:00:00\tMT9.1`;
}

/** Opens a file for buffered writing (LF line ends, UTF-8); `header` is written first unless appending. */
export function openTsv(
  absPath: string,
  relPath: string,
  layout: Layout | null,
  header: string | null,
  startLines = 0,
): TsvFile {
  const fd = openSync(absPath, startLines > 0 ? 'a' : 'w');
  let buf = '';
  const flush = (): void => {
    if (buf.length > 0) writeSync(fd, buf);
    buf = '';
  };
  const keys = layout?.columns.map((c) => c.key) ?? [];
  const types = layout?.columns.map((c) => c.type) ?? [];
  const seps = layout?.columns.map((c) => c.separator ?? ',') ?? [];
  const file: TsvFile = {
    path: relPath,
    layout,
    lines: startLines,
    write(rec) {
      let line = '';
      for (let i = 0; i < keys.length; i++) {
        if (i > 0) line += '\t';
        line += cell(rec[keys[i]!], types[i]!, seps[i]!);
      }
      buf += line + '\n';
      if (buf.length > 1 << 16) flush();
      return ++file.lines;
    },
    writeCells(cells) {
      buf += cells.join('\t') + '\n';
      if (buf.length > 1 << 16) flush();
      return ++file.lines;
    },
    close() {
      flush();
      closeSync(fd);
    },
  };
  if (header !== null && startLines === 0) {
    buf += header + '\n';
    file.lines = 1;
  }
  return file;
}
