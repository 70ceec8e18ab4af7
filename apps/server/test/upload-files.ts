/** Builds Montana upload files for tests from column keys, in the template's column order. */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Profile } from '@bitterroot/contracts';

/** One detail row of a template as a TSV line (unknown keys are an error, missing keys blank). */
export function tsvRow(profile: Profile, templateId: string, values: Record<string, string>): string {
  const template = profile.templates.find((t) => t.id === templateId)!;
  for (const k of Object.keys(values))
    if (!template.columns.some((c) => c.key === k)) throw new Error(`${templateId} has no column ${k}`);
  return template.columns
    .map((c) => (c.key === 'record_type' ? template.recordType : (values[c.key] ?? '')))
    .join('\t');
}

/** Writes a Montana file (HD row + rows) to a temp folder; returns its path. */
export async function writeMontanaFile(
  name: string,
  lines: string[],
  options: { crlf?: boolean } = {},
): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'bitterroot-upload-test-'));
  const path = join(dir, name);
  const eol = options.crlf ? '\r\n' : '\n';
  await writeFile(path, ['HD\t08/28/2025\t10:00:00\tMT9.1', ...lines].join(eol) + eol);
  return path;
}

/** A Student Demographic row with sensible defaults. */
export function sdRow(profile: Profile, v: Record<string, string>): string {
  return tsvRow(profile, 'student-demographics', {
    district_number: '0001',
    gender: 'F',
    birth_date: '03/14/2014',
    hispanic: 'N',
    race_codes: '6',
    ...v,
  });
}

/** An Enrollment row with sensible defaults (school and calendar of district 0001). */
export function enRow(profile: Profile, v: Record<string, string>): string {
  return tsvRow(profile, 'student-enrollment', {
    district_number: '0001',
    calendar_number: '001',
    grade_level: '05',
    start_date: '08/27/2025',
    start_status: '01',
    service_type: 'P',
    school_year: '2026',
    ...v,
  });
}
