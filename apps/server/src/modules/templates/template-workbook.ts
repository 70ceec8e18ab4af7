/**
 * The downloadable XLSX upload template of a profile template: a data sheet whose header row is the
 * column labels the upload parser matches, dropdowns for coded columns, and cell formats that keep
 * leading zeros and dates the way the file format needs them.
 */
import ExcelJS from 'exceljs';
import type { Column, Profile, Template } from '@bitterroot/contracts';
import {
  addCodeListsSheet,
  addCodesSheet,
  codeRanges,
  columnLetter,
  CODES_SHEET,
  type CodeRange,
  type CodeRanges,
} from './template-code-sheets.ts';

/** First row that takes data (row 1 is the header). */
export const FIRST_DATA_ROW = 2;

/**
 * Last row that gets dropdowns and formats. The largest Montana district (Billings Elem) has about 11,000
 * students, so 20,000 rows cover one district's file with room for several enrollments per student;
 * rows past it are still validated on upload, they just lack the dropdown.
 */
export const LAST_DATA_ROW = 20_000;

// Excel's limits: sheet names 31 characters without []:*?/\, error titles 32 characters.
const SHEET_NAME_MAX = 31;
const ERROR_TITLE_MAX = 32;

/** The data sheet's name: the template name before any parenthesis, cut to Excel's limits. */
export function sheetName(template: Template): string {
  const base = template.name
    .replace(/\s*\(.*$/, '')
    .replace(/[[\]:*?/\\]/g, ' ')
    .slice(0, SHEET_NAME_MAX)
    .trim();
  // "History" is reserved by Excel, and the codes sheet's name must stay free.
  const taken = ['history', CODES_SHEET].includes(base.toLowerCase());
  return base === '' || taken ? `Template ${template.recordType}` : base;
}

/** Excel number format for a column: text for anything with meaningful leading zeros. */
export function numberFormat(column: Column, profile: Profile): string | undefined {
  switch (column.type) {
    case 'digits':
    case 'code':
    case 'flag':
    case 'text':
      // Text format keeps "0059" and "01" as typed and stops Excel turning "3-4" into a date.
      return '@';
    case 'date':
      return profile.manifest.fileFormat.dateFormat.toLowerCase();
    case 'time':
      return profile.manifest.fileFormat.timeFormat.toLowerCase();
    case 'integer':
      return '0';
    case 'decimal':
      return undefined;
  }
}

function typeHint(column: Column, profile: Profile): string {
  const { dateFormat, timeFormat } = profile.manifest.fileFormat;
  switch (column.type) {
    case 'text':
      return 'Text';
    case 'digits':
      return 'Digits only, keep leading zeros';
    case 'code':
    case 'flag':
      return column.multiple === true
        ? `Codes from the list, several separated by "${column.separator ?? ','}"`
        : 'A code from the list';
    case 'date':
      return `Date, ${dateFormat}`;
    case 'time':
      return `Time, ${timeFormat}`;
    case 'integer':
      return 'Whole number';
    case 'decimal':
      return 'Number';
  }
}

/** The header cell note: what the column holds, whether it is required, its type and width. */
export function headerNote(column: Column, profile: Profile): string {
  const facts = [column.required ? 'Required' : 'Optional', typeHint(column, profile)];
  if (column.width !== undefined) facts.push(`up to ${column.width} characters`);
  const lines = [facts.join('. ') + '.'];
  if (column.description !== undefined) lines.push(column.description);
  if (column.provisional) lines.push(`Provisional (decision ${column.decision ?? '?'}).`);
  return lines.join('\n');
}

// exceljs writes range validations (worksheet.dataValidations) but its typings only declare the per-cell
// form, which would create 20,000 cells per column.
type RangeValidations = { dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void } };

function addDropdown(sheet: ExcelJS.Worksheet, letter: string, column: Column, range: CodeRange): void {
  const several = column.multiple === true;
  (sheet as unknown as RangeValidations).dataValidations.add(
    `${letter}${FIRST_DATA_ROW}:${letter}${LAST_DATA_ROW}`,
    {
      type: 'list',
      allowBlank: true,
      formulae: [range.formula],
      showErrorMessage: true,
      // Several codes in one cell are valid but not in the list, so Excel only warns for those columns.
      errorStyle: several ? 'warning' : 'stop',
      errorTitle: column.label.slice(0, ERROR_TITLE_MAX),
      error: several
        ? `Use codes from the list, separated by "${column.separator ?? ','}". See the "Code lists" sheet.`
        : `Pick a code from the list. See the "Code lists" sheet for what each code means.`,
    },
  );
}

function addDataSheet(
  workbook: ExcelJS.Workbook,
  profile: Profile,
  template: Template,
  ranges: CodeRanges,
): void {
  const sheet = workbook.addWorksheet(sheetName(template), {
    views: [{ state: 'frozen', ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }],
  });
  sheet.columns = template.columns.map((c) => {
    const numFmt = numberFormat(c, profile);
    return {
      header: c.label,
      key: c.key,
      width: Math.min(40, Math.max(c.label.length, c.width ?? 10) + 2),
      style: numFmt === undefined ? {} : { numFmt },
    };
  });
  const header = sheet.getRow(1);
  header.font = { bold: true };
  template.columns.forEach((column, i) => {
    const letter = columnLetter(i + 1);
    header.getCell(i + 1).note = headerNote(column, profile);
    const range = ranges.byColumn.get(column.key);
    if (range !== undefined) addDropdown(sheet, letter, column, range);
  });
}

/** Builds the XLSX upload template of one profile template. */
export async function buildTemplateWorkbook(profile: Profile, template: Template): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Bitterroot';
  const ranges = codeRanges(profile, template);
  // The data sheet comes first: the upload parser reads the first sheet only.
  addDataSheet(workbook, profile, template, ranges);
  addCodeListsSheet(workbook, ranges);
  addCodesSheet(workbook, ranges);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
