/**
 * The parse step of an upload: rows stream from the file into CSV chunks for COPY into `stage_upload`,
 * and every cell is checked against its template column on the way (packages/rules cell checks), so a
 * clean file costs one pass in Node and no per-cell work in the database.
 */
import type { Profile, Template } from '@bitterroot/contracts';
import { checkCells, columnCheckers, type ColumnChecker } from '@bitterroot/rules';
import { csvField } from '../../db/database.ts';
import type { FindingRow } from './batch.repository.ts';
import { readRows, type DetectedFile, type ParseFinding } from './parsers/index.ts';
import { reportProgress } from './upload-progress.ts';
import { flag, isoDate, stateIdNumber, stateIdText } from './bulk-values.ts';

/** A typed column staged next to the text cells: the SQL reads it instead of re-parsing text per row. */
export type TypedStageColumn = {
  name: string;
  sqlType: 'date' | 'boolean' | 'text' | 'integer';
  /** The value from the row's cells (in template column order, trimmed). */
  value: (cells: readonly string[]) => string | boolean | number | null;
};

/** The well-formed state ID a cell names (1–9 digits, zero-padded to 9), as `lpad(btrim(x), 9, '0')` read it. */
function stateIdCell(cell: string | null): string | null {
  const n = stateIdNumber(cell);
  return n === null ? null : stateIdText(n);
}

/** A typer of one cell, remembered per distinct value; empty cells are null. */
function cellTyper<T>(from: number, type: (cell: string | null) => T): TypedStageColumn['value'] {
  const byValue = remember((v: string) => type(v));
  const empty = type(null);
  return (cells) => {
    const v = cells[from];
    return (v ? byValue(v) : empty) as string | boolean | number | null;
  };
}

/**
 * A 32-bit hash of a row's key cells (FNV-1a over the cells and a separator), null when one is empty.
 * Equal keys hash equally, so the duplicate-key check groups small integers and compares the text of
 * only the few lines whose hash repeats.
 */
export function keyHash(positions: readonly number[]): TypedStageColumn['value'] {
  return (cells) => {
    let h = 0x811c9dc5;
    for (const p of positions) {
      const v = cells[p];
      if (!v) return null;
      for (let i = 0; i < v.length; i++) h = Math.imul(h ^ v.charCodeAt(i), 0x01000193);
      h = Math.imul(h ^ 0x1f, 0x01000193);
    }
    return h | 0;
  };
}

/**
 * Typed staging of a template (decision 0063): every date column as `v_<key>` (br_to_date's reading of
 * the cell), every yes/no flag as `v_<key>`, the state ID as `sid` when well formed, and `khash`, the
 * hash of the template key: typed in Node as the file streams (bulk-values.ts, the conversion load's
 * typers), so checks and commit compare typed values and join ids by hash instead of calling SQL
 * parsing functions per row.
 */
export function typedStageColumns(template: Template): TypedStageColumn[] {
  const out: TypedStageColumn[] = [];
  template.columns.forEach((c, from) => {
    if (c.type === 'date') out.push({ name: `v_${c.key}`, sqlType: 'date', value: cellTyper(from, isoDate) });
    else if (c.type === 'flag')
      out.push({ name: `v_${c.key}`, sqlType: 'boolean', value: cellTyper(from, flag) });
    if (c.key === 'student_state_id')
      out.push({ name: 'sid', sqlType: 'text', value: cellTyper(from, stateIdCell) });
  });
  const keys = template.key.filter((k) => k !== 'record_type');
  const positions = keys.map((k) => template.columns.findIndex((c) => c.key === k));
  if (positions.length > 0 && positions.every((p) => p >= 0))
    out.push({ name: 'khash', sqlType: 'integer', value: keyHash(positions) });
  return out;
}

/** Where the parse step sends what it finds. */
export type StagingSinks = {
  /** File-level and row-level reading problems (encoding, NUL bytes, extra cells). */
  parse: (f: ParseFinding) => void;
  /** Cells that break their column's rules. */
  cell: (f: FindingRow) => void;
};

/**
 * Yields the file's rows as CSV chunks (line number first, then the template's columns) for COPY; in a
 * many-file wave each line leads with `prefix`, its batch id (decision 0082).
 */
export async function* stagedCsv(
  path: string,
  detected: DetectedFile,
  mapping: (number | null)[],
  batchId: number,
  checks: { profile: Profile; template: Template; skipRequired: ReadonlySet<string> },
  sinks: StagingSinks,
  typed: readonly TypedStageColumn[] = [],
  prefix = '',
): AsyncGenerator<string> {
  const codeSets = new Map(checks.profile.codeSets.map((c) => [c.id, c.codes.map((x) => x.code)]));
  const checkers = remembered(
    columnCheckers(checks.template.columns, (id) => codeSets.get(id), checks.skipRequired),
  );
  const width = mapping.length;
  // Montana HD files are positional: their cells are already in template order and need no copy.
  const positional = mapping.every((m, i) => m === i);
  const fields: string[] = new Array<string>(width + 1 + typed.length);
  let lines: string[] = [];
  let rows = 0;
  for await (const row of readRows(path, detected, sinks.parse)) {
    const cells =
      positional && row.cells.length === width
        ? row.cells
        : mapping.map((i) => (i === null ? '' : (row.cells[i] ?? '')));
    const found = checkCells(checkers, cells);
    for (const f of found)
      sinks.cell({
        line: row.line,
        column: f.column,
        field: f.label,
        value: f.value,
        code: f.code,
        severity: 'fatal',
        message: f.message,
        fix: f.fix,
      });
    // One flat join per line (no string ropes to flatten later), into a reused array.
    fields[0] = prefix + String(row.line);
    for (let i = 0; i < width; i++) fields[i + 1] = csvField(cells[i]);
    for (let j = 0; j < typed.length; j++) fields[width + 1 + j] = csvField(typed[j]!.value(cells));
    lines.push(fields.join(','));
    if (lines.length >= 5000) {
      rows += lines.length;
      reportProgress(batchId, { phase: 'parsing', rows });
      yield lines.join('\n') + '\n';
      lines = [];
    }
  }
  rows += lines.length;
  reportProgress(batchId, { phase: 'parsing', rows });
  if (lines.length) yield lines.join('\n') + '\n';
}

/** Distinct values remembered per column before a column counts as too varied to be worth it. */
const MEMO_LIMIT = 4096;

/**
 * A pure function of one cell, remembered per distinct value: most columns of a large file repeat a few
 * values (dates, codes, grades, flags), so each distinct value is checked or typed once. A column whose
 * values keep differing (IDs, names) stops remembering and calls the function directly.
 */
function remember<T>(fn: (v: string) => T): (v: string) => T {
  let seen: Map<string, T> | null = new Map();
  let misses = 0;
  return (v) => {
    if (seen === null) return fn(v);
    const hit = seen.get(v);
    if (hit !== undefined || seen.has(v)) return hit as T;
    const r = fn(v);
    if (++misses > MEMO_LIMIT) seen = null;
    else seen.set(v, r);
    return r;
  };
}

/** The cell checks with every rule remembered (the rules are pure functions of the cell). */
function remembered(checkers: ColumnChecker[]): ColumnChecker[] {
  return checkers.map((c) => ({ ...c, rules: c.rules.map((r) => ({ ...r, fails: remember(r.fails) })) }));
}
