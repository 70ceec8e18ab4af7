// XLSX reading: a workbook written here with exceljs (a date cell, a text "0001", float noise, a "0000"
// number format, a formula, rich text, a blank row, a second sheet that must be ignored).
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAll } from './parse-all.test-helper.ts';
import { cellText } from './xlsx.ts';

let dir = '';
let book = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'xlsx-test-'));
  book = join(dir, 'enrollment.xlsx');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Enrollment');
  ws.addRow([
    'Record Type',
    'District Number',
    'Start Date',
    'Hours',
    'Student State ID',
    'Last Name',
    'Note',
  ]);
  ws.addRow([
    'EN',
    '0001',
    new Date(Date.UTC(2024, 1, 29)),
    0.1 + 0.2,
    123456,
    'Peña',
    { formula: '1+1', result: 2 },
  ]);
  ws.getCell('E2').numFmt = '000000000';
  ws.getCell('C2').numFmt = 'mm/dd/yyyy';
  ws.addRow([]);
  ws.addRow(['EN', '0450', '', 1080, '000000007', { richText: [{ text: 'Nguy' }, { text: 'ễn' }] }, true]);
  const other = wb.addWorksheet('Codes');
  other.addRow(['not', 'read']);
  await wb.xlsx.writeFile(book);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('xlsx', () => {
  it('reads the first sheet as text with the header detected', async () => {
    const got = await parseAll(book);
    expect(got.detected).toEqual({
      format: 'xlsx',
      encoding: 'utf-8',
      hasHdRow: false,
      headerNames: [
        'Record Type',
        'District Number',
        'Start Date',
        'Hours',
        'Student State ID',
        'Last Name',
        'Note',
      ],
      headerLine: 1,
      recordType: 'EN',
    });
    expect(got.rows).toEqual([
      { line: 2, cells: ['EN', '0001', '2024-02-29', '0.3', '000123456', 'Peña', '2'] },
      { line: 4, cells: ['EN', '0450', '', '1080', '000000007', 'Nguyễn', 'TRUE'] },
    ]);
    expect(got.findings).toEqual([]);
  });

  it('stops at the row cap with one fatal finding', async () => {
    const got = await parseAll(book, { maxRows: 1 });
    expect(got.rows).toHaveLength(1);
    expect(got.findings.map((f) => [f.code, f.severity, f.line])).toEqual([
      ['FILE-TOO-MANY-ROWS', 'fatal', 4],
    ]);
  });

  it('reports a truncated workbook as damaged', async () => {
    const bytes = await readFile(book);
    const cut = join(dir, 'cut.xlsx');
    await writeFile(cut, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    const got = await parseAll(cut);
    expect(got.detected).toMatchObject({ code: 'FILE-FORMAT', severity: 'fatal' });
  });
});

describe('cellText', () => {
  it.each([
    [null, undefined, ''],
    ['0001', undefined, '0001'],
    [7, '0000', '0007'],
    [1.1 * 3, undefined, '3.3'],
    [45000, 'yyyy-mm-dd', '2023-03-15'],
    [45000.5, 'm/d/yy h:mm', '2023-03-15T12:00:00'],
    [new Date(Date.UTC(2000, 0, 1)), undefined, '2000-01-01'],
    [{ error: '#N/A' }, undefined, '#N/A'],
    [{ text: 'link', hyperlink: 'https://example.org' }, undefined, 'link'],
    [false, undefined, 'FALSE'],
    [Number.NaN, undefined, ''],
  ])('%j with format %s → %s', (value, fmt, expected) => {
    expect(cellText(value, fmt)).toBe(expected);
  });
});
