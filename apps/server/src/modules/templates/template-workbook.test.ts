// The XLSX upload templates of every Montana template, re-opened with exceljs: header labels in profile
// order, dropdowns that point at the hidden codes sheet and hold exactly the allowed codes, text and date
// formats, generation under a second, and a filled-in template that the upload parser reads back.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import type { Column, Profile, Template } from '@bitterroot/contracts';
import { testProfile } from '../../../test/test-profile.ts';
import { parseAll } from '../ingestion/parsers/parse-all.test-helper.ts';
import { columnLetter } from './template-code-sheets.ts';
import { buildTemplateWorkbook, FIRST_DATA_ROW, LAST_DATA_ROW, sheetName } from './template-workbook.ts';

const profile = await testProfile();
const GENERATION_BUDGET_MS = 1000;
const timings: [string, number][] = [];

async function build(p: Profile, t: Template) {
  const started = performance.now();
  const bytes = await buildTemplateWorkbook(p, t);
  const ms = performance.now() - started;
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return { bytes, ms, workbook };
}

// Expected dropdown values, worked out independently of the code under test: current codes, narrowed by
// the column's pattern when the pattern matches any of them.
function expectedCodes(p: Profile, column: Column): string[] {
  const set = p.codeSets.find((s) => s.id === column.codeSet);
  const current = (set?.codes ?? []).filter((c) => c.retired !== true).map((c) => c.code);
  if (column.pattern === undefined) return current;
  const re = new RegExp(column.pattern);
  const narrowed = current.filter((c) => re.test(c));
  return narrowed.length > 0 ? narrowed : current;
}

type Validation = { type: string; formulae?: string[]; errorStyle?: string };

function validationAt(sheet: ExcelJS.Worksheet, address: string): Validation | undefined {
  // Reading expands each range into its cells; the typings only declare the per-cell form.
  const model = (sheet as unknown as { dataValidations: { model: Record<string, Validation> } })
    .dataValidations.model;
  return model[address];
}

/** The codes a list formula points at, read from the codes sheet; fails on anything but a one-column range. */
function codesInRange(workbook: ExcelJS.Workbook, formula: string): { setId: string; codes: string[] } {
  const m = /^codes!\$([A-Z]+)\$2:\$([A-Z]+)\$(\d+)$/.exec(formula);
  expect(m, formula).not.toBeNull();
  const [, col, col2, last] = m!;
  expect(col2).toBe(col);
  const codes = workbook.getWorksheet('codes')!;
  const values: string[] = [];
  for (let row = 2; row <= Number(last); row++) {
    const value = codes.getCell(`${col}${row}`).value;
    expect(typeof value, `codes!${col}${row} is text`).toBe('string');
    values.push(value as string);
  }
  // The cell after the range is empty: the range holds the whole list.
  expect(codes.getCell(`${col}${Number(last) + 1}`).value).toBeNull();
  return { setId: String(codes.getCell(`${col}1`).value), codes: values };
}

function checkDropdown(workbook: ExcelJS.Workbook, sheet: ExcelJS.Worksheet, column: Column, i: number) {
  const letter = columnLetter(i + 1);
  const first = validationAt(sheet, `${letter}${FIRST_DATA_ROW}`);
  expect(first?.type, `${column.key} has a list dropdown`).toBe('list');
  expect(validationAt(sheet, `${letter}${LAST_DATA_ROW}`)).toEqual(first);
  expect(validationAt(sheet, `${letter}1`), 'the header has no dropdown').toBeUndefined();
  const formula = first!.formulae![0]!;
  expect(formula.startsWith('"'), 'no inline list').toBe(false);
  const range = codesInRange(workbook, formula);
  expect(range.setId).toBe(column.codeSet);
  expect(range.codes).toEqual(expectedCodes(profile, column));
  expect(first!.errorStyle).toBe(column.multiple === true ? 'warning' : 'stop');
}

afterAll(() => {
  const total = timings.reduce((s, [, ms]) => s + ms, 0);
  const slowest = timings.reduce((a, b) => (b[1] > a[1] ? b : a), ['', 0]);
  console.info(
    `XLSX templates: ${timings.length} built in ${total.toFixed(0)} ms; slowest ${slowest[0]} ${slowest[1].toFixed(0)} ms`,
  );
});

describe.each(profile.templates.map((t) => [t.id, t] as const))('XLSX template %s', (_id, template) => {
  it('has the labelled header, hidden code lists, dropdowns and formats, built in under a second', async () => {
    const { ms, workbook } = await build(profile, template);
    timings.push([template.id, ms]);
    expect(ms).toBeLessThan(GENERATION_BUDGET_MS);

    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe(sheetName(template));
    const header = sheet.getRow(1);
    const labels = template.columns.map((_, i) => header.getCell(i + 1).value);
    expect(labels).toEqual(template.columns.map((c) => c.label));
    expect(header.getCell(template.columns.length + 1).value).toBeNull();
    expect(header.getCell(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(workbook.getWorksheet('codes')?.state).toMatch(/^(hidden|veryHidden)$/);

    template.columns.forEach((column, i) => {
      const note = header.getCell(i + 1).note;
      const text = typeof note === 'string' ? note : (note?.texts ?? []).map((t) => t.text).join('');
      expect(text).toContain(column.required ? 'Required' : 'Optional');
      if (column.description !== undefined) expect(text).toContain(column.description);
      const numFmt = sheet.getColumn(i + 1).numFmt;
      if (column.type === 'digits' || column.type === 'code') expect(numFmt, column.key).toBe('@');
      if (column.type === 'date') expect(numFmt, column.key).toBe('mm/dd/yyyy');
      if (column.codeSet !== undefined) checkDropdown(workbook, sheet, column, i);
      else expect(validationAt(sheet, `${columnLetter(i + 1)}${FIRST_DATA_ROW}`)).toBeUndefined();
    });
  });
});

describe('XLSX template code lists', () => {
  it('offers only the template’s own record type', async () => {
    const template = profile.templates.find((t) => t.id === 'student-enrollment')!;
    const { workbook } = await build(profile, template);
    const formula = validationAt(workbook.worksheets[0]!, 'A2')!.formulae![0]!;
    expect(codesInRange(workbook, formula).codes).toEqual(['EN']);
  });

  it('handles the longest code list of the profile through a range', async () => {
    const coded = profile.templates.flatMap((t) =>
      t.columns.flatMap((c, i) => (c.codeSet === undefined ? [] : [{ t, c, i }])),
    );
    const longest = coded.reduce((a, b) =>
      expectedCodes(profile, b.c).length > expectedCodes(profile, a.c).length ? b : a,
    );
    expect(longest.c.codeSet).toBe('behavior-event');
    const { workbook } = await build(profile, longest.t);
    const formula = validationAt(workbook.worksheets[0]!, `${columnLetter(longest.i + 1)}2`)!.formulae![0]!;
    expect(codesInRange(workbook, formula).codes).toHaveLength(expectedCodes(profile, longest.c).length);
  });

  it('handles a code set far past the 255-character inline limit', async () => {
    const codes = Array.from({ length: 400 }, (_, i) => ({
      code: `C${String(i + 1).padStart(3, '0')}`,
      label: `Code ${i + 1}`,
      source: 'synthetic',
      provisional: false,
    }));
    expect(codes.map((c) => c.code).join(',').length).toBeGreaterThan(255);
    const base = profile.templates[0]!;
    const column: Column = { ...base.columns[1]!, key: 'long_code', type: 'code', codeSet: 'long-set' };
    const template: Template = { ...base, columns: [...base.columns, column] };
    const wide: Profile = {
      ...profile,
      codeSets: [...profile.codeSets, { id: 'long-set', name: 'Long', source: 'synthetic', codes }],
    };
    const { workbook } = await build(wide, template);
    const letter = columnLetter(template.columns.length);
    const formula = validationAt(workbook.worksheets[0]!, `${letter}2`)!.formulae![0]!;
    expect(codesInRange(workbook, formula).codes).toEqual(codes.map((c) => c.code));
  });
});

describe('a filled-in XLSX template', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    await Promise.all(dirs.map(async (d) => await rm(d, { recursive: true, force: true })));
  });

  it('is read by the upload parser with its header matched and leading zeros kept', async () => {
    const template = profile.templates.find((t) => t.id === 'student-enrollment')!;
    const { workbook } = await build(profile, template);
    const sheet = workbook.worksheets[0]!;
    const at = (key: string) => template.columns.findIndex((c) => c.key === key) + 1;
    const row = sheet.getRow(2);
    row.getCell(at('record_type')).value = 'EN';
    row.getCell(at('district_number')).value = '0059';
    row.getCell(at('start_date')).value = new Date(Date.UTC(2025, 8, 2));
    row.commit();
    const dir = await mkdtemp(join(tmpdir(), 'template-xlsx-'));
    dirs.push(dir);
    const path = join(dir, 'filled.xlsx');
    await writeFile(path, Buffer.from(await workbook.xlsx.writeBuffer()));

    const parsed = await parseAll(path);
    expect(parsed.detected).toMatchObject({
      format: 'xlsx',
      headerNames: template.columns.map((c) => c.label),
      recordType: 'EN',
    });
    expect(parsed.rows).toHaveLength(1);
    const cells = parsed.rows[0]!.cells;
    expect(cells[at('district_number') - 1]).toBe('0059');
    expect(cells[at('start_date') - 1]).toBe('2025-09-02');
  });
});

describe('sheet names and column letters', () => {
  const named = (name: string): Template => ({ ...profile.templates[0]!, name, recordType: 'FR' });

  it.each([
    ['FRAM Import (free/reduced meal eligibility)', 'FRAM Import'],
    ['Staff: a/b [c]?', 'Staff  a b  c'],
    ['An extremely long template name that Excel would refuse', 'An extremely long template name'],
    ['History', 'Template FR'],
    ['Codes', 'Template FR'],
  ])('%s → %s', (name, expected) => {
    expect(sheetName(named(name))).toBe(expected);
  });

  it.each([
    [1, 'A'],
    [26, 'Z'],
    [27, 'AA'],
    [52, 'AZ'],
    [703, 'AAA'],
  ])('column %i is %s', (index, letter) => {
    expect(columnLetter(index)).toBe(letter);
  });
});
