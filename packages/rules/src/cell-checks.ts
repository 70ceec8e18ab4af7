/**
 * Cell rules derived from a template column's metadata (required, width, date, digits, number, pattern,
 * code set), evaluated in the upload stream as each row is read: one finding per failing cell, naming the
 * first rule it breaks. Sources: the profile's template columns (montana-aim.md §4.3) and §4.1 (dates as
 * MM/DD/YYYY or ISO, leading zeros kept). Pure: no I/O. Dates follow the database's `br_to_date`
 * exactly, so a value that passes here is never silently stored as NULL.
 */

/** What the checks need of a template column (structurally a profile `Column`). */
export type CellColumn = {
  key: string;
  label: string;
  type: string;
  required?: boolean;
  width?: number;
  pattern?: string;
  codeSet?: string;
  multiple?: boolean;
  separator?: string;
};

/** One failing cell. */
export type CellFinding = {
  column: string;
  label: string;
  value: string;
  code: string;
  message: string;
  fix: string;
};

type CellRule = { code: string; fails: (v: string) => boolean; message: string; fix: string };

/** The checks of one column, in the order their failures are reported (first failure wins). */
export type ColumnChecker = { index: number; key: string; label: string; rules: CellRule[] };

const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;

/** True when `v` is a date the database reads (`br_to_date`): ISO or MM/DD/YYYY, years 1900–2100. */
export function isStagedDate(v: string): boolean {
  const us = US_DATE.exec(v);
  const iso = us ? null : ISO_DATE.exec(v);
  if (!us && !iso) return false;
  const [y, m, d] = us
    ? [Number(us[3]), Number(us[1]), Number(us[2])]
    : [Number(iso![1]), Number(iso![2]), Number(iso![3])];
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1) return false;
  const last =
    m === 2
      ? (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0
        ? 29
        : 28
      : [4, 6, 9, 11].includes(m)
        ? 30
        : 31;
  return d <= last;
}

function listForFix(codes: readonly string[]): string {
  return codes.length <= 12
    ? codes.join(', ')
    : `${codes.slice(0, 12).join(', ')}, … (${codes.length} codes; see the template documentation)`;
}

// Characters, not UTF-16 units: "Nguyễn" is 6 long whichever way it is composed in the file.
const charLength = (v: string) => (v.length <= 1 ? v.length : [...v].length);

function rulesFor(
  column: CellColumn,
  position: number,
  codes: readonly string[] | undefined,
  skipRequired: boolean,
): CellRule[] {
  const where = `column ${position + 1} (${column.label})`;
  const rules: CellRule[] = [];
  if (column.required && !skipRequired)
    rules.push({
      code: 'FLD-REQUIRED',
      fails: (v) => v === '',
      message: `${column.label} is required but empty`,
      fix: `Fill in ${where}.`,
    });
  const present = (test: (v: string) => boolean) => (v: string) => v !== '' && test(v);
  if (column.width) {
    const width = column.width;
    rules.push({
      code: 'FLD-WIDTH',
      fails: present((v) => v.length > width && charLength(v) > width),
      message: `${column.label} is longer than ${width} characters`,
      fix: `Shorten ${where} to at most ${width} characters.`,
    });
  }
  if (column.type === 'date')
    rules.push({
      code: 'FLD-DATE',
      fails: present((v) => !isStagedDate(v)),
      message: `${column.label} is not a real date`,
      fix: `Write ${where} as MM/DD/YYYY (or YYYY-MM-DD), e.g. 08/27/2025.`,
    });
  if ((column.type === 'integer' || column.type === 'digits') && !column.pattern)
    rules.push({
      code: 'FLD-FORMAT',
      fails: present((v) => !/^[0-9]+$/.test(v)),
      message: `${column.label} must contain digits only`,
      fix: `Use digits only in ${where}; keep leading zeros.`,
    });
  if (column.type === 'decimal')
    rules.push({
      code: 'FLD-FORMAT',
      fails: present((v) => !/^-?[0-9]+(\.[0-9]+)?$/.test(v)),
      message: `${column.label} must be a number`,
      fix: `Write ${where} as a number such as 12.5.`,
    });
  if (column.pattern) {
    const re = new RegExp(column.pattern);
    rules.push({
      code: 'FLD-FORMAT',
      fails: present((v) => !re.test(v)),
      message: `${column.label} does not have the expected format`,
      fix: `Check ${where}: it must be ${patternInWords(column.pattern)}.`,
    });
  }
  if (column.codeSet && codes) {
    const allowed = new Set(codes);
    const sep = column.separator ?? ',';
    // Multi-value columns (race) list several codes; each must be in the set.
    const bad = column.multiple
      ? (v: string) =>
          !v
            .replaceAll(' ', '')
            .split(sep)
            .every((c) => allowed.has(c))
      : (v: string) => !allowed.has(v);
    rules.push({
      code: 'FLD-CODE',
      fails: present(bad),
      message: `${column.label} is not a code of the ${column.codeSet} list`,
      fix: `Use one of: ${listForFix(codes)} in ${where}.`,
    });
  }
  return rules;
}

/** Builds the checkers of a template's columns; `skip` names columns whose "required" a later rule reports. */
export function columnCheckers(
  columns: readonly CellColumn[],
  codesOf: (codeSet: string) => readonly string[] | undefined,
  skipRequired: ReadonlySet<string> = new Set(),
): ColumnChecker[] {
  return columns
    .map((c, i) => ({
      index: i,
      key: c.key,
      label: c.label,
      rules: rulesFor(c, i, c.codeSet ? codesOf(c.codeSet) : undefined, skipRequired.has(c.key)),
    }))
    .filter((c) => c.rules.length > 0);
}

/** The findings of one row (cells in template column order, already trimmed), at most one per cell. */
export function checkCells(checkers: readonly ColumnChecker[], cells: readonly string[]): CellFinding[] {
  let out: CellFinding[] | undefined;
  for (const c of checkers) {
    const v = cells[c.index] ?? '';
    for (const r of c.rules)
      if (r.fails(v)) {
        (out ??= []).push({
          column: c.key,
          label: c.label,
          value: v,
          code: r.code,
          message: r.message,
          fix: r.fix,
        });
        break;
      }
  }
  return out ?? [];
}

/**
 * A column pattern as people read it in a fix hint ("exactly 4 digits"), for the patterns the profile uses:
 * fixed-width digit codes and record type literals (montana-aim.md §4.1, §4.3). Anything else is quoted.
 */
export function patternInWords(pattern: string): string {
  const digits = /^\^\\d\{(\d+)(?:,(\d+))?\}\$$/.exec(pattern);
  if (digits) {
    const [, min, max] = digits;
    const count = max ? `${min} to ${max}` : `exactly ${min}`;
    return `${count} digits, keeping leading zeros`;
  }
  const literal = /^\^([A-Za-z0-9]+)\$$/.exec(pattern);
  if (literal) return `exactly ${literal[1]}`;
  return `in the form ${pattern}`;
}
