/**
 * Downloadable findings and new-state-ID files, as CSV and XLSX. Cells that a spreadsheet would run as a
 * formula (starting with = + - @ or a control character) are prefixed with an apostrophe (OWASP CSV
 * injection guidance), because district files are untrusted input.
 */
import { PassThrough, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { FindingRow } from './batch.repository.ts';

/** Neutralises a cell that a spreadsheet would evaluate. */
export function safeCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  const s = String(value);
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

function csvLine(cells: (string | number | null | undefined)[]): string {
  return cells
    .map((c) => {
      const s = safeCell(c);
      return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
    })
    .join(',');
}

/** A table to export: header labels and rows. */
export type ExportTable = { sheet: string; header: string[]; rows: (string | number | null)[][] };

/** The findings of a batch as an export table. */
export function findingsTable(findings: FindingRow[]): ExportTable {
  return {
    sheet: 'Findings',
    header: ['Line', 'Column', 'Field', 'Value', 'Code', 'Severity', 'Message', 'Fix'],
    rows: findings.map((f) => [f.line, f.column, f.field, f.value, f.code, f.severity, f.message, f.fix]),
  };
}

/** CSV text (UTF-8 with BOM so spreadsheets read accents right, CRLF line ends). */
export function toCsv(table: ExportTable): string {
  return '\uFEFF' + [csvLine(table.header), ...table.rows.map(csvLine)].join('\r\n') + '\r\n';
}

/** An XLSX workbook streamed as it is written. */
export function toXlsx(table: ExportTable): Readable {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
  const sheet = workbook.addWorksheet(table.sheet);
  sheet.columns = table.header.map((h) => ({ header: h, key: h, width: Math.max(10, h.length + 2) }));
  sheet.getRow(1).font = { bold: true };
  for (const row of table.rows)
    sheet.addRow(row.map((c) => (typeof c === 'number' ? c : safeCell(c)))).commit();
  sheet.commit();
  workbook.commit().catch((e: Error) => out.destroy(e));
  return out;
}
