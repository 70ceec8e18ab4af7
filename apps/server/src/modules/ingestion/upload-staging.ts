/**
 * The parse step of an upload: rows stream from the file into CSV chunks for COPY into `stage_upload`,
 * and every cell is checked against its template column on the way (packages/rules cell checks), so a
 * clean file costs one pass in Node and no per-cell work in the database.
 */
import type { Profile, Template } from '@bitterroot/contracts';
import { checkCells, columnCheckers } from '@bitterroot/rules';
import { csvField } from '../../db/database.ts';
import type { FindingRow } from './batch.repository.ts';
import { readRows, type DetectedFile, type ParseFinding } from './parsers/index.ts';
import { reportProgress } from './upload-progress.ts';

/** Where the parse step sends what it finds. */
export type StagingSinks = {
  /** File-level and row-level reading problems (encoding, NUL bytes, extra cells). */
  parse: (f: ParseFinding) => void;
  /** Cells that break their column's rules. */
  cell: (f: FindingRow) => void;
};

/** Yields the file's rows as CSV chunks (line number first, then the template's columns) for COPY. */
export async function* stagedCsv(
  path: string,
  detected: DetectedFile,
  mapping: (number | null)[],
  batchId: number,
  checks: { profile: Profile; template: Template; skipRequired: ReadonlySet<string> },
  sinks: StagingSinks,
): AsyncGenerator<string> {
  const codeSets = new Map(checks.profile.codeSets.map((c) => [c.id, c.codes.map((x) => x.code)]));
  const checkers = columnCheckers(checks.template.columns, (id) => codeSets.get(id), checks.skipRequired);
  let lines: string[] = [];
  let rows = 0;
  for await (const row of readRows(path, detected, sinks.parse)) {
    const cells = mapping.map((i) => (i === null ? '' : (row.cells[i] ?? '')));
    for (const f of checkCells(checkers, cells))
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
    lines.push(`${row.line},${cells.map(csvField).join(',')}`);
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
