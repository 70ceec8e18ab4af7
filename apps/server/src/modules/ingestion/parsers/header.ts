/**
 * Matches a file's column-name row to a template. Districts type headers by hand or export them from
 * different systems, so "Student State ID", "student_state_id" and "STUDENT-STATE-ID" are the same column.
 */
import { finding } from './finding.ts';
import type { ParseFinding } from './finding.ts';

/** The part of a template column the matcher needs. */
export type HeaderColumn = { key: string; label: string; required: boolean };

/** File column index for each template column (null when an optional column is absent). */
export type HeaderMapping = { mapping: (number | null)[] };

/** Folds a name to lower-case letters and digits, dropping accents, spaces and punctuation. */
export function headerKey(name: string): string {
  return name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** Maps header names to template columns by key or label; any problem yields one fatal finding at `line`. */
export function matchHeader(
  headerNames: string[],
  columns: HeaderColumn[],
  line: number | null = null,
): HeaderMapping | ParseFinding {
  const byName = new Map<string, number>();
  for (const [i, c] of columns.entries()) {
    byName.set(headerKey(c.key), i);
    byName.set(headerKey(c.label), i);
  }
  const mapping: (number | null)[] = columns.map(() => null);
  const unknown: string[] = [];
  const duplicate: string[] = [];
  for (const [fileIndex, name] of headerNames.entries()) {
    const k = headerKey(name);
    // An unnamed column (a trailing comma or tab in the header) carries nothing to match.
    if (k === '') continue;
    const col = byName.get(k);
    if (col === undefined) unknown.push(name.trim());
    else if (mapping[col] !== null) duplicate.push(name.trim());
    else mapping[col] = fileIndex;
  }
  const missing = columns.filter((c, i) => c.required && mapping[i] === null).map((c) => c.label);
  if (missing.length === 0 && unknown.length === 0 && duplicate.length === 0) return { mapping };
  return headerFinding(missing, unknown, duplicate, columns, line);
}

function headerFinding(
  missing: string[],
  unknown: string[],
  duplicate: string[],
  columns: HeaderColumn[],
  line: number | null,
): ParseFinding {
  const parts: string[] = [];
  if (missing.length > 0) parts.push(`missing required column${plural(missing)}: ${quoteList(missing)}`);
  if (unknown.length > 0) parts.push(`unknown column${plural(unknown)}: ${quoteList(unknown)}`);
  if (duplicate.length > 0) parts.push(`repeated column${plural(duplicate)}: ${quoteList(duplicate)}`);
  const code =
    missing.length > 0
      ? 'HDR-MISSING-COLUMN'
      : unknown.length > 0
        ? 'HDR-UNKNOWN-COLUMN'
        : 'HDR-DUPLICATE-COLUMN';
  const expected = columns.map((c) => (c.required ? c.label : `${c.label} (optional)`)).join(', ');
  return finding(
    code,
    'fatal',
    `The column names do not match the template: ${parts.join('; ')}. Expected columns: ${expected}.`,
    'Download the template for this file type and copy its first row, or rename the columns to match; letter case, spaces and punctuation do not matter.',
    line,
  );
}

function plural(list: string[]): string {
  return list.length === 1 ? '' : 's';
}

function quoteList(list: string[]): string {
  return list.map((s) => `"${s}"`).join(', ');
}
