/**
 * Where the conversion load reads from: generated district files (one per district and template) and
 * the baseline files, as typed row streams. Shared by the baseline and the district-file loads.
 */
import type { Template } from '@bitterroot/contracts';
import { concatBatches, typedBatches, type ColumnAt, type Typer } from './bulk-rows.ts';
import { columnsOf, tsvRowBatches, type Cells, type Columns } from './tsv-rows.ts';
import { readHeaderNames } from './tsv-file.ts';

/** Progress messages for long loads. */
export type Progress = (message: string) => void;

/** Counts of what a load wrote. */
export type LoadSummary = Record<string, number>;

/** Rows of one or more files of the same layout, and where each column sits. */
export type Source = { columns: Columns; batches: (width: number) => AsyncIterable<Cells[]> };

/** A template's rows from every district's file, in district order. */
export function templateSource(template: Template, files: string[]): Source {
  return {
    columns: columnsOf(
      template.columns.map((c) => c.key),
      `template ${template.id}`,
    ),
    batches: (width) => concatBatches(files.map((f) => tsvRowBatches(f, { skipHeader: 'hd', width }))),
  };
}

/** A baseline file's rows (its header names the columns). */
export async function baselineSource(file: string): Promise<Source> {
  return {
    columns: columnsOf(await readHeaderNames(file), file, true),
    batches: (width) => tsvRowBatches(file, { skipHeader: 'names', width }),
  };
}

/** Typed rows of a source; the typer is made first so only the cells it reads are split out. */
export function typedRows<R>(
  source: Source,
  typer: (at: ColumnAt) => Typer<R>,
  count?: { read: number },
): AsyncIterable<R[]> {
  const t = typer(source.columns.at);
  return typedBatches(source.batches(source.columns.width()), t, count);
}

/** Every typed row of a small source, in memory (staff: one row per staff member). */
export async function collect<R>(rows: AsyncIterable<R[]>): Promise<R[]> {
  const all: R[] = [];
  for await (const batch of rows) all.push(...batch);
  return all;
}
