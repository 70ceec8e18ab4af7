/**
 * What a district does with the state's "new state IDs" file before sending its other files: put the
 * issued state IDs into the rows that left them blank, keyed by the district's local ID. Rows of new
 * students in files without a local ID column (Roster) cannot be keyed and are left out (counted).
 * Used by the whole-state upload test and the import benchmarks.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { sql } from 'kysely';
import type { Template } from '@bitterroot/contracts';
import type { Executor } from '../apps/server/src/db/database.ts';

/** The local ID → state ID map of one district. */
export async function stateIdsByLocalId(db: Executor, district: string): Promise<Map<string, string>> {
  const r = await sql<{ l: string; s: string }>`
    SELECT sd.local_id AS l, s.state_id AS s FROM student_district sd JOIN student s ON s.id = sd.student_id
    WHERE sd.district_number = ${district} AND sd.local_id IS NOT NULL`.execute(db);
  return new Map(r.rows.map((row) => [row.l, row.s]));
}

/** Writes `out` as `file` with blank state IDs filled in; returns how many rows had to be left out. */
export async function fillStateIds(
  template: Template,
  file: string,
  out: string,
  byLocal: Map<string, string>,
): Promise<number> {
  const stateCol = template.columns.findIndex((c) => c.key === 'student_state_id');
  const localCol = template.columns.findIndex((c) => c.key === 'student_local_id');
  let dropped = 0;
  const lines = (await readFile(file, 'utf8')).split('\n').flatMap((line) => {
    const cells = line.split('\t');
    if (stateCol < 0 || cells[0] === 'HD' || cells.length < 2 || cells[stateCol] !== '') return [line];
    const id = localCol >= 0 ? byLocal.get(cells[localCol]!) : undefined;
    if (!id) {
      dropped++;
      return [];
    }
    cells[stateCol] = id;
    return [cells.join('\t')];
  });
  await writeFile(out, lines.join('\n'));
  return dropped;
}
