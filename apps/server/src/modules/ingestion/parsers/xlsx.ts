/**
 * Streams the first worksheet of an .xlsx with exceljs's WorkbookReader and turns cells into the text a
 * district would have typed: dates as ISO, numbers without binary float noise, text cells untouched.
 */
import { createReadStream } from 'node:fs';
import type ExcelJS from 'exceljs';
import { finding } from './finding.ts';
import type { FindingSink } from './finding.ts';
import type { RawRecord } from './records.ts';

/** Options for reading a workbook. */
export type XlsxOptions = {
  /** Milliseconds without progress before the read is abandoned (a damaged zip can stall exceljs). */
  idleMs?: number;
};

const BATCH = 1000;

/** Yields batches of the first sheet's rows; any failure becomes a finding and ends the stream. */
export async function* xlsxRecords(
  path: string,
  onFinding: FindingSink,
  options: XlsxOptions = {},
): AsyncGenerator<RawRecord[]> {
  const input = createReadStream(path);
  // exceljs wires its own listeners; this one stops a read error from escaping as an unhandled event.
  input.on('error', () => undefined);
  const idleMs = options.idleMs ?? 30_000;
  try {
    // Loaded on first use: exceljs is large, and most uploads are text files.
    const { default: excel } = await import('exceljs');
    const reader = new excel.stream.xlsx.WorkbookReader(input, {
      worksheets: 'emit',
      sharedStrings: 'cache',
      styles: 'cache',
      hyperlinks: 'ignore',
      entries: 'ignore',
    });
    const sheets = reader[Symbol.asyncIterator]();
    const first = await withIdleLimit(sheets.next(), idleMs);
    if (first.done === true) return;
    const rows = first.value[Symbol.asyncIterator]();
    let batch: RawRecord[] = [];
    for (;;) {
      const r = await withIdleLimit(rows.next(), idleMs);
      if (r.done === true) break;
      batch.push({ line: r.value.number, cells: rowCells(r.value) });
      if (batch.length >= BATCH) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length > 0) yield batch;
  } catch (e) {
    onFinding(unreadable(e));
  } finally {
    input.destroy();
  }
}

class IdleTimeout extends Error {}

// Races one step of exceljs against a timer; a stalled zip stream would otherwise await forever.
async function withIdleLimit<T>(step: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const idle = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new IdleTimeout()), ms);
  });
  try {
    return await Promise.race([step, idle]);
  } finally {
    clearTimeout(timer);
  }
}

function unreadable(e: unknown): ReturnType<typeof finding> {
  const why = e instanceof IdleTimeout ? 'reading it stopped making progress' : 'its contents are damaged';
  return finding(
    'FILE-FORMAT',
    'fatal',
    `The Excel file could not be read (${why}).`,
    'Open the file in Excel, save it again as .xlsx, and upload the new copy (or export it as CSV).',
  );
}

function rowCells(row: ExcelJS.Row): string[] {
  const cells: string[] = [];
  row.eachCell({ includeEmpty: true }, (cell, col) => {
    cells[col - 1] = cellText(cell.value, cell.numFmt);
  });
  for (let i = 0; i < cells.length; i++) cells[i] ??= '';
  return cells;
}

/** Converts one exceljs cell value to text; exported for tests. */
export function cellText(value: unknown, numFmt: string | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return numberText(value, numFmt);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return dateText(value);
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (Array.isArray(v.richText)) {
      return v.richText.map((t: unknown) => String((t as { text?: unknown }).text ?? '')).join('');
    }
    if ('formula' in v || 'sharedFormula' in v) return cellText(v.result, numFmt);
    if ('text' in v) return cellText(v.text, numFmt);
    if (typeof v.error === 'string') return v.error;
  }
  return '';
}

// A format of only zeros ("0000") is how Excel shows leading zeros on a number: rebuild them.
function numberText(n: number, numFmt: string | undefined): string {
  if (!Number.isFinite(n)) return '';
  if (numFmt !== undefined && isDateFormat(numFmt)) return dateText(serialToDate(n));
  if (numFmt !== undefined && /^0+$/.test(numFmt) && Number.isInteger(n) && n >= 0) {
    return String(n).padStart(numFmt.length, '0');
  }
  if (Number.isInteger(n)) return String(n);
  // 15 significant digits is what Excel itself displays; it drops the noise of 0.1 + 0.2.
  return String(Number(n.toPrecision(15)));
}

function isDateFormat(fmt: string): boolean {
  return /[dmyh]/i.test(fmt.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '')) && !/^general$/i.test(fmt);
}

// Excel serial days count from 1899-12-30 (1900 system); 25569 is 1970-01-01.
function serialToDate(serial: number): Date {
  return new Date(Math.round((serial - 25569) * 86_400_000));
}

function dateText(d: Date): string {
  const t = d.getTime();
  if (Number.isNaN(t)) return '';
  // exceljs builds dates in UTC from the serial; rounding to the second removes float error (23:59:59.999).
  const iso = new Date(Math.round(t / 1000) * 1000).toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19);
}
