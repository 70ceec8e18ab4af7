import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

// Test files are built from the profile's template layouts, so a column reorder in the YAML cannot
// silently shift values into the wrong column.

const templates = fileURLToPath(new URL('../../../profiles/montana/templates/', import.meta.url));

/** The header row of a Montana district file. */
export const MONTANA_HEADER = 'HD\t08/28/2025\t10:00:00\tMT9.1';

interface TemplateLayout {
  recordType: string;
  columns: { key: string }[];
}

/** The record type and column keys of a template, in file order. */
export async function templateLayout(templateId: string): Promise<TemplateLayout> {
  const layout = parse(await readFile(join(templates, `${templateId}.yaml`), 'utf8')) as TemplateLayout;
  if (!Array.isArray(layout.columns)) throw new Error(`${templateId}.yaml has no columns`);
  return layout;
}

/** One detail row as tab-separated text (unknown keys are an error, missing keys blank). */
export function tsvRow(layout: TemplateLayout, values: Record<string, string>): string {
  for (const key of Object.keys(values)) {
    if (!layout.columns.some((c) => c.key === key)) throw new Error(`no column ${key}`);
  }
  return layout.columns
    .map((c) => (c.key === 'record_type' ? layout.recordType : (values[c.key] ?? '')))
    .join('\t');
}

/** Writes a Montana file (header row, then the rows) to a new temp folder; returns its path. */
export async function writeMontanaFile(name: string, rows: string[]): Promise<string> {
  const path = join(await mkdtemp(join(tmpdir(), 'bitterroot-web-upload-')), name);
  await writeFile(path, [MONTANA_HEADER, ...rows].join('\n') + '\n');
  return path;
}
