/**
 * Writing extract rows as file text: the Montana layout (tab-separated, `HD` row first, LF line ends;
 * montana-aim.md §4.1) or CSV with a row of column labels (UTF-8 BOM, CRLF, formula cells neutralised).
 */
import type { ExtractFormat, Template } from '@bitterroot/contracts';
import { safeCell } from '../ingestion/findings-export.ts';

const two = (n: number) => String(n).padStart(2, '0');

/** The Montana header row stamped with a local date and time: `HD	MM/DD/YYYY	HH:MM:SS	MT9.1`. */
export function montanaHeader(now: Date): string {
  const date = `${two(now.getMonth() + 1)}/${two(now.getDate())}/${now.getFullYear()}`;
  const time = `${two(now.getHours())}:${two(now.getMinutes())}:${two(now.getSeconds())}`;
  return `HD\t${date}\t${time}\tMT9.1`;
}

/**
 * One Montana row. The reader honours quotes only at the start of a cell, so a cell is quoted only when it
 * starts with one or holds a tab or line break (possible in values that came in by CSV or XLSX).
 */
export function tsvLine(cells: readonly string[]): string {
  return cells.map((c) => (/^"|[\t\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join('\t');
}

/** One CSV row; cells a spreadsheet would run as a formula get a leading apostrophe (OWASP). */
export function csvLine(cells: readonly string[]): string {
  return cells
    .map((c) => {
      const s = safeCell(c);
      return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
    })
    .join(',');
}

/** The file text of an extract, a chunk per page of rows; `counted` hears how many rows were written. */
export async function* extractText(
  template: Template,
  format: ExtractFormat,
  pages: AsyncIterable<string[][]>,
  now: Date,
  counted: (rows: number) => void = () => undefined,
): AsyncGenerator<string> {
  const csv = format === 'csv';
  const eol = csv ? '\r\n' : '\n';
  yield csv ? `\uFEFF${csvLine(template.columns.map((c) => c.label))}${eol}` : `${montanaHeader(now)}${eol}`;
  let rows = 0;
  for await (const page of pages) {
    rows += page.length;
    yield page.map((r) => (csv ? csvLine(r) : tsvLine(r))).join(eol) + eol;
  }
  counted(rows);
}
