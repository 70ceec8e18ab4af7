/**
 * Uploads a generated state through the real pipeline the way a district works: send each file in the
 * documented order (montana-aim.md §4.2), and when the upload is rejected, drop the rows it named as fatal and
 * send the file again. Line numbers are kept (blank state IDs stay blank when unknown) so findings can be
 * matched to the generator manifest's defect rows.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sql } from 'kysely';
import type { Profile, Template } from '@bitterroot/contracts';
import type { Database } from '../../db/database.ts';
import { runUpload, type UploadResult } from '../ingestion/upload.service.ts';
import { TEST_SCHOOL_YEAR } from '../../../test/test-env.ts';

/** The first and, if a fixed file was resent, the final upload of one district file. */
export type FileUploads = { first: UploadResult; final: UploadResult };

async function fillInPlace(
  database: Database,
  template: Template,
  file: string,
  district: string,
): Promise<string> {
  const stateCol = template.columns.findIndex((c) => c.key === 'student_state_id');
  const localCol = template.columns.findIndex((c) => c.key === 'student_local_id');
  if (stateCol < 0 || localCol < 0) return file;
  const r = await sql<{
    l: string;
    s: string;
  }>`SELECT sd.local_id AS l, s.state_id AS s FROM student_district sd
    JOIN student s ON s.id = sd.student_id WHERE sd.district_number = ${district} AND sd.local_id IS NOT NULL`.execute(
    database.db,
  );
  const byLocal = new Map(r.rows.map((x) => [x.l, x.s]));
  const lines = (await readFile(file, 'utf8')).split('\n').map((line) => {
    const cells = line.split('\t');
    if (cells[0] === 'HD' || cells.length < 2 || cells[stateCol] !== '') return line;
    cells[stateCol] = byLocal.get(cells[localCol]!) ?? '';
    return cells.join('\t');
  });
  const out = `${file}.v6`;
  await writeFile(out, lines.join('\n'));
  return out;
}

async function withoutLines(file: string, drop: Set<number>): Promise<string> {
  const lines = (await readFile(file, 'utf8')).split('\n').filter((_, i) => !drop.has(i + 1));
  const out = `${file}.fixed`;
  await writeFile(out, lines.join('\n'));
  return out;
}

/** Uploads one district's files of the given templates (all when omitted); returns them by template id. */
export async function uploadDistrict(
  database: Database,
  profile: Profile,
  dir: string,
  district: string,
  only?: Set<string>,
): Promise<Map<string, FileUploads>> {
  const out = new Map<string, FileUploads>();
  const send = (path: string, template: string) =>
    runUpload(database, profile, {
      path,
      fileName: `${template}.tsv`,
      district,
      schoolYear: TEST_SCHOOL_YEAR,
      dryRun: false,
    });
  for (const template of [...profile.templates].sort((a, b) => a.order - b.order)) {
    if (only && !only.has(template.id)) continue;
    const path = await fillInPlace(
      database,
      template,
      join(dir, 'districts', district, `${template.id}.tsv`),
      district,
    );
    const first = await send(path, template.id);
    let final = first;
    const bad = new Set(
      first.findings.filter((f) => f.severity === 'fatal' && f.line !== null).map((f) => f.line!),
    );
    if (first.status === 'rejected' && bad.size > 0)
      final = await send(await withoutLines(path, bad), template.id);
    out.set(template.id, { first, final });
  }
  return out;
}
