/**
 * The code sheets of a template workbook: a hidden `codes` sheet that dropdowns point at, and a visible
 * "Code lists" sheet with labels for people. Dropdowns reference a cell range rather than an inline list
 * because Excel caps inline list formulas at 255 characters, which long code sets exceed.
 */
import type ExcelJS from 'exceljs';
import type { CodeEntry, CodeSet, Profile, Template } from '@bitterroot/contracts';
import { codeSet } from '../profile/profile.lookup.ts';

/** Name of the hidden sheet holding one column of codes per code set. */
export const CODES_SHEET = 'codes';

/** Name of the visible sheet listing codes with their labels. */
export const CODE_LISTS_SHEET = 'Code lists';

/** Where one code list's dropdown values sit on the codes sheet. */
export type CodeRange = {
  set: CodeSet;
  /** Codes offered in the dropdown, in profile order. */
  entries: CodeEntry[];
  /** Column letter on the codes sheet. */
  column: string;
  /** Data-validation formula, e.g. `codes!$B$2:$B$19`. */
  formula: string;
};

/** A template's code lists: each distinct list once, and the list each coded column uses. */
export type CodeRanges = { list: CodeRange[]; byColumn: Map<string, CodeRange> };

/** Spreadsheet column letter of a 1-based index (1 → A, 27 → AA). */
export function columnLetter(index: number): string {
  let n = index;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/**
 * The codes a column allows: narrowed by the column's pattern when it has one (the record type column of an
 * Enrollment file allows only EN). A pattern matching no code describes something else, so it is ignored
 * rather than leaving an empty list.
 */
export function codesAllowedBy(codes: CodeEntry[], pattern: string | undefined): CodeEntry[] {
  if (pattern === undefined) return codes;
  const re = new RegExp(pattern);
  const matching = codes.filter((c) => re.test(c.code));
  return matching.length > 0 ? matching : codes;
}

/** The code lists of a template's coded columns, in order of first use; equal lists share one range. */
export function codeRanges(profile: Profile, template: Template): CodeRanges {
  const list: CodeRange[] = [];
  const byColumn = new Map<string, CodeRange>();
  const byList = new Map<string, CodeRange>();
  for (const column of template.columns) {
    const set = column.codeSet === undefined ? undefined : codeSet(profile, column.codeSet);
    if (set === undefined) continue;
    // Retired codes stay documented for old records but are not offered for new data.
    const current = set.codes.filter((c) => c.retired !== true);
    const entries = codesAllowedBy(current, column.pattern);
    const listKey = `${set.id}:${entries.map((e) => e.code).join(',')}`;
    let range = byList.get(listKey);
    if (range === undefined) {
      const letter = columnLetter(list.length + 1);
      // Row 1 names the set; codes start on row 2.
      const formula = `${CODES_SHEET}!$${letter}$2:$${letter}$${entries.length + 1}`;
      range = { set, entries, column: letter, formula };
      byList.set(listKey, range);
      list.push(range);
    }
    byColumn.set(column.key, range);
  }
  return { list, byColumn };
}

/** Adds the hidden `codes` sheet: one column per code set, its id on row 1 and its codes below. */
export function addCodesSheet(workbook: ExcelJS.Workbook, ranges: CodeRanges): void {
  // 'hidden' rather than 'veryHidden': a steward may unhide it to see every value, which does no harm.
  const sheet = workbook.addWorksheet(CODES_SHEET, { state: 'hidden' });
  for (const range of ranges.list) {
    const column = sheet.getColumn(range.column);
    column.numFmt = '@';
    column.width = Math.max(8, range.set.id.length + 2);
    // Codes are written as text so "01" stays "01" and matches what a text-formatted cell holds.
    column.values = [range.set.id, ...range.entries.map((e) => e.code)];
  }
}

/** Adds the visible "Code lists" sheet: set, code and label of every offered code. */
export function addCodeListsSheet(workbook: ExcelJS.Workbook, ranges: CodeRanges): void {
  const sheet = workbook.addWorksheet(CODE_LISTS_SHEET);
  sheet.columns = [
    { header: 'Code set', key: 'set', width: 32 },
    { header: 'Code', key: 'code', width: 10, style: { numFmt: '@' } },
    { header: 'Label', key: 'label', width: 60 },
  ];
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  for (const range of ranges.list) {
    for (const entry of range.entries) {
      sheet.addRow({ set: range.set.name, code: entry.code, label: entry.label });
    }
  }
}
