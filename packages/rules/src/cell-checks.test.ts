import { describe, expect, it } from 'vitest';
import { checkCells, columnCheckers, isStagedDate, patternInWords, type CellColumn } from './cell-checks.ts';

// Template column rules (montana-aim.md §4.1 formats, §4.3 layouts), one passing and one failing case each.
const columns: CellColumn[] = [
  {
    key: 'district_number',
    label: 'District Number',
    type: 'digits',
    required: true,
    width: 4,
    pattern: '^\\d{4}$',
  },
  { key: 'start_date', label: 'Start Date', type: 'date', required: true },
  { key: 'hours', label: 'Hours', type: 'decimal' },
  { key: 'days', label: 'Days', type: 'integer' },
  { key: 'grade', label: 'Grade', type: 'code', codeSet: 'grade' },
  { key: 'race', label: 'Race', type: 'code', codeSet: 'race', multiple: true, separator: ',' },
  { key: 'last_name', label: 'Last Name', type: 'text', required: true, width: 6 },
];
const codes: Record<string, string[]> = { grade: ['KG', '01', '12'], race: ['1', '2', '6'] };
const checkers = columnCheckers(columns, (id) => codes[id]);
const valid = ['0001', '08/27/2025', '12.5', '180', 'KG', '1,6', 'Nguyễn'];

function failing(index: number, value: string): string[] {
  const cells = [...valid];
  cells[index] = value;
  return checkCells(checkers, cells).map((f) => `${f.column}:${f.code}`);
}

describe('cell checks of a template row (montana-aim.md §4.1, §4.3)', () => {
  it('a valid row has no findings, and "Nguyễn" fits a width of 6 characters', () => {
    expect(checkCells(checkers, valid)).toEqual([]);
  });

  it.each([
    [0, '', 'district_number:FLD-REQUIRED'],
    [0, '00001', 'district_number:FLD-WIDTH'],
    [0, '12a4', 'district_number:FLD-FORMAT'],
    [1, '02/30/2025', 'start_date:FLD-DATE'],
    [1, '2025-13-01', 'start_date:FLD-DATE'],
    [2, '12,5', 'hours:FLD-FORMAT'],
    [3, '1.5', 'days:FLD-FORMAT'],
    [4, 'K', 'grade:FLD-CODE'],
    [5, '1,9', 'race:FLD-CODE'],
    [5, '1,,6', 'race:FLD-CODE'],
    [6, 'Running Crane', 'last_name:FLD-WIDTH'],
  ])('column %i = %j fails as %s', (index, value, expected) => {
    expect(failing(index, value)).toEqual([expected]);
  });

  it('reports the first broken rule of a cell only, with its fix', () => {
    const [f] = checkCells(checkers, ['', ...valid.slice(1)]);
    expect(f).toMatchObject({ code: 'FLD-REQUIRED', fix: 'Fill in column 1 (District Number).' });
  });

  it('says a format in words in the fix, not as a regular expression', () => {
    const [f] = checkCells(checkers, ['12a4', ...valid.slice(1)]);
    expect(f).toMatchObject({
      code: 'FLD-FORMAT',
      fix: 'Check column 1 (District Number): it must be exactly 4 digits, keeping leading zeros.',
    });
  });

  it.each([
    ['^\\d{9}$', 'exactly 9 digits, keeping leading zeros'],
    ['^\\d{2,3}$', '2 to 3 digits, keeping leading zeros'],
    ['^SH$', 'exactly SH'],
    ['^504$', 'exactly 504'],
    ['^[A-Z]{2}-\\d$', 'in the form ^[A-Z]{2}-\\d$'],
  ])('pattern %s reads as %j', (pattern, words) => {
    expect(patternInWords(pattern)).toBe(words);
  });

  it('empty optional cells pass every rule', () => {
    expect(failing(2, '')).toEqual([]);
    expect(failing(5, '')).toEqual([]);
  });

  it('skips "required" for columns a later rule reports better', () => {
    const skipped = columnCheckers(columns, (id) => codes[id], new Set(['district_number']));
    expect(checkCells(skipped, ['', ...valid.slice(1)])).toEqual([]);
  });
});

describe('dates as the database reads them (br_to_date)', () => {
  it.each([
    ['08/27/2025', true],
    ['8/7/2025', true],
    ['2025-8-7', true],
    ['02/29/2024', true],
    ['02/29/2100', false],
    ['02/29/2000', true],
    ['12/31/1899', false],
    ['01/01/2101', false],
    ['2025/08/27', false],
    ['', false],
  ])('%j → %j', (value, ok) => {
    expect(isStagedDate(value)).toBe(ok);
  });
});
