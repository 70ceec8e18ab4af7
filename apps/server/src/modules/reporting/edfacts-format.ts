/**
 * Pure EDFacts file building (edfacts.md §1, §11.3): student facts → aggregate rows per entity and category set
 * → a header record plus data records as CSV, TAB or fixed width, CRLF line ends. Values are checked against a
 * strict character set, so a file can neither break its delimiters nor carry a spreadsheet formula.
 */
import type { EdfactsLevel, EdfactsSpec } from './edfacts-specs.ts';

/** One student fact: where it is reported and its category values (null: not in that category). */
export type EdfactsFact = {
  lea: string;
  school: string;
  categories: Readonly<Record<string, string | null>>;
  /** For rate files: whether the fact is in the numerator (a graduate). */
  numerator?: boolean;
};

/** One aggregate record before formatting. */
export type EdfactsRow = {
  lea: string;
  school: string;
  set: string;
  /** The table of a set of a second table (FS033 DIRECTCERT); else the file's table. */
  table?: string | undefined;
  values: Readonly<Record<string, string>>;
  total: boolean;
  amount: string;
};

/** Output formats EDPass accepts (edfacts.md §1.1). */
export type EdfactsFormat = 'csv' | 'tab' | 'txt';

const FIPS_MONTANA = '30';
const STATE_AGENCY = '01';

const entityOf = (f: EdfactsFact, level: EdfactsLevel) =>
  level === 'sea' ? { lea: '', school: '' } : level === 'lea' ? { lea: f.lea, school: '' } : f;

/**
 * Aggregates facts for one level. Every entity with facts gets its total row; a lettered set or subtotal gets a
 * row for each combination that occurs (zero rows are not written, decision 0050). A fact lacking a value of a
 * set's category (an "only" status it does not have) is left out of that set.
 */
export function aggregate(
  facts: readonly EdfactsFact[],
  spec: EdfactsSpec,
  level: EdfactsLevel,
): EdfactsRow[] {
  const groups = new Map<string, { row: Omit<EdfactsRow, 'amount'>; n: number; num: number }>();
  // Sets are ordered by position, not code: a file can hold two TOT sets of different tables (FS033).
  const setOrder = new Map(spec.sets.map((s, i) => [`${s.code}|${s.table ?? ''}`, i]));
  for (const f of facts) {
    const e = entityOf(f, level);
    const base = `${e.lea}|${e.school}|`;
    for (const s of spec.sets) {
      if (s.requires !== undefined && !f.categories[s.requires]) continue;
      // Key by string concatenation and build the values object only for a new group: this loop runs
      // facts × sets times (about a million for the state's membership).
      let key = base + s.code + (s.table ?? '');
      let complete = true;
      for (const c of s.categories) {
        const v = f.categories[c];
        if (!v) {
          complete = false;
          break;
        }
        key += `|${v}`;
      }
      if (!complete) continue;
      let g = groups.get(key);
      if (!g) {
        const values = Object.fromEntries(s.categories.map((c) => [c, f.categories[c]!]));
        g = { row: { ...e, set: s.code, table: s.table, values, total: s.total }, n: 0, num: 0 };
        groups.set(key, g);
      }
      g.n += 1;
      if (f.numerator) g.num += 1;
    }
  }
  const amount = (g: { n: number; num: number }) =>
    spec.amount === 'rate' ? ((g.num / g.n) * 100).toFixed(2) : String(g.n);
  // Plain code-unit comparison: IDs and codes are ASCII, and localeCompare is far slower on 100k rows.
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const sortKey = (r: Omit<EdfactsRow, 'amount'>) => Object.values(r.values).join('|');
  return [...groups.values()]
    .map((g) => ({ ...g.row, amount: amount(g), key: sortKey(g.row) }))
    .sort(
      (a, b) =>
        cmp(a.lea, b.lea) ||
        cmp(a.school, b.school) ||
        setOrder.get(`${a.set}|${a.table ?? ''}`)! - setOrder.get(`${b.set}|${b.table ?? ''}`)! ||
        cmp(a.key, b.key),
    )
    .map(({ key: _key, ...row }) => row);
}

const SAFE = /^[A-Za-z0-9 ().\-/]*$/;

function checked(value: string, width: number, what: string): string {
  if (!SAFE.test(value) || (value.startsWith('-') && value.length > 0))
    throw new Error(`EDFacts ${what} has characters outside the file's set: ${JSON.stringify(value)}`);
  if (value.length > width) throw new Error(`EDFacts ${what} "${value}" is wider than ${width}`);
  return value;
}

/** The header values (edfacts.md §1.2): file type, record count, file name, identifier, reporting period. */
export function headerValues(
  spec: EdfactsSpec,
  level: EdfactsLevel,
  input: { records: number; fileName: string; schoolYear: number; at: Date },
): [string, string][] {
  const p = (n: number) => String(n).padStart(2, '0');
  const d = input.at;
  const stamp = `${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${d.getUTCFullYear()}-${p(d.getUTCHours())}${p(d.getUTCMinutes())}`;
  return [
    [spec.fileType[level] ?? '', '50'],
    [String(input.records), '10'],
    [input.fileName, '25'],
    [`${spec.number}-${stamp}`, '32'],
    [`${input.schoolYear - 1}-${input.schoolYear}`, '9'],
  ];
}

/** Field values and widths of one data record in layout order (edfacts.md §1.3). */
function recordFields(spec: EdfactsSpec, row: EdfactsRow, n: number): [string, number][] {
  const categories = spec.columns.map((c): [string, number] =>
    typeof c === 'number' ? ['', c] : [row.values[c] ?? '', 15],
  );
  return [
    [String(n), 10],
    [FIPS_MONTANA, 2],
    [STATE_AGENCY, 2],
    [row.lea, 14],
    [row.school, 20],
    [row.table ?? spec.tableName, 20],
    ...categories,
    [row.total ? 'Y' : 'N', 1],
    ['', 200],
    [row.amount, spec.amountWidth],
  ];
}

/** The file name (decision 0050): MT + level + file + year, e.g. MTSCHFS0522026.csv (≤ 25 characters). */
export function edfactsFileName(
  spec: EdfactsSpec,
  level: EdfactsLevel,
  schoolYear: number,
  format: EdfactsFormat,
) {
  return `MT${level.toUpperCase()}${spec.id}${schoolYear}.${format}`;
}

/** Writes the whole file: header then records, CRLF after each. */
export function serialize(
  spec: EdfactsSpec,
  level: EdfactsLevel,
  rows: readonly EdfactsRow[],
  input: { schoolYear: number; format: EdfactsFormat; at: Date },
): string {
  const fileName = edfactsFileName(spec, level, input.schoolYear, input.format);
  const header = headerValues(spec, level, { records: rows.length, fileName, ...input }).map(
    ([v, w]): [string, number] => [v, Number(w)],
  );
  const line = (fields: [string, number][], what: string) => {
    const values = fields.map(([v, w]) => checked(v, w, what));
    if (input.format === 'txt') return values.map((v, i) => v.padEnd(fields[i]![1])).join('');
    return values.join(input.format === 'csv' ? ',' : '\t');
  };
  const lines = [line(header, 'header'), ...rows.map((r, i) => line(recordFields(spec, r, i + 1), 'record'))];
  return lines.join('\r\n') + '\r\n';
}

/** The data-record length of a fixed-width file without CR/LF (for layout tests). */
export function recordLength(spec: EdfactsSpec): number {
  const cats = spec.columns.reduce<number>((s, c) => s + (typeof c === 'number' ? c : 15), 0);
  return 10 + 2 + 2 + 14 + 20 + 20 + cats + 1 + 200 + spec.amountWidth;
}
