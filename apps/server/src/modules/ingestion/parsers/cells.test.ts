// Cell clean-up and dates: table-driven, including leap years and values that must stay strings.
import { describe, expect, it } from 'vitest';
import { normalizeCell, parseDate } from './index.ts';

describe('normalizeCell', () => {
  it.each([
    ['  0001  ', '0001'],
    ['000123456', '000123456'],
    ['\u00a0Peña\u00a0', 'Peña'],
    ['Mary\u00a0Ann', 'Mary Ann'],
    ['\u200b0450\u200b', '0450'],
    ['\ufeffEN', 'EN'],
    ['a\u0000b', 'ab'],
    ['\u200dx\u200d', 'x'],
    ['Nguyễn\t', 'Nguyễn'],
    ['\ud800x', '\ufffdx'],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(normalizeCell(input)).toBe(expected);
  });
});

describe('parseDate', () => {
  it.each([
    ['08/27/2024', '2024-08-27'],
    ['8/7/2024', '2024-08-07'],
    ['2024-08-27', '2024-08-27'],
    [' 02/29/2024 ', '2024-02-29'],
    ['02/29/2000', '2000-02-29'],
    ['02/29/1900', null],
    ['02/29/2023', null],
    ['2023-02-29', null],
    ['04/31/2024', null],
    ['13/01/2024', null],
    ['00/10/2024', null],
    ['12/31/9999', '9999-12-31'],
    ['2024-8-27', null],
    ['08/27/24', null],
    ['08-27-2024', null],
    ['', null],
    ['tomorrow', null],
  ])('%j → %j', (input, expected) => {
    expect(parseDate(input)).toBe(expected);
  });
});
