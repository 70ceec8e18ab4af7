/**
 * Before and after images of a hand entry (decision 0053): which live rows an entry of a template may touch,
 * and, from the two images, what the entry itself changed. Rows the batch did not write are left out; if
 * someone else changed the same rows meanwhile, the change is kept but marked not undoable.
 */
import type { Template } from '@bitterroot/contracts';
import { recordStoreOf } from '../student-records/record-stores.ts';
import { rowKey, type LiveRow, type SnapshotTarget } from './hand-entry.repository.ts';
import type { TableChange } from './hand-entry-undo.repository.ts';

/** Parents that tie a stored row to one student. */
const STUDENT_PARENTS = new Set(['enrollment', 'enrollments', 'student', 'section-student']);

/** The live rows an entry of this template may touch, for the students it names. */
export function targetsOf(
  template: Template,
  district: string,
  year: number,
  studentIds: readonly number[],
): SnapshotTarget[] {
  const students = (table: string): SnapshotTarget => ({ table, by: 'students', district, studentIds });
  if (template.id === 'student-demographics') return [students('student'), students('student_district')];
  if (template.id === 'student-enrollment') return [students('enrollment')];
  const store = recordStoreOf(template.id);
  if (!store) return [];
  // A "load complete file" template rewrites the district's year, so the image must cover the year.
  if (store.mode === 'replace-year') return [{ table: store.table, by: 'district-year', district, year }];
  if (STUDENT_PARENTS.has(store.parent)) return [students(store.table)];
  return [{ table: store.table, by: 'district', district }];
}

/** What tells that a row was written by the batch. */
type Ownership = { batchId: number; createdStudents: ReadonlySet<number>; template: Template };

function written(table: string, row: LiveRow, own: Ownership): boolean {
  if (table === 'student') return own.createdStudents.has(Number(row.id));
  // Identity tables carry no batch; a demographic entry is the only writer this entry could be.
  if (table === 'student_district') return own.template.id === 'student-demographics';
  return Number(row.batch_id) === own.batchId;
}

/** The entry's own changes to one table, and whether anything else changed it at the same time. */
export function diffTable(
  table: string,
  before: readonly LiveRow[],
  after: readonly LiveRow[],
  own: Ownership,
): { change: TableChange; foreign: boolean } {
  const was = new Map(before.map((r) => [rowKey(table, r), r]));
  const now = new Map(after.map((r) => [rowKey(table, r), r]));
  const change: TableChange = { table, inserted: [], updated: [], deleted: [] };
  let foreign = false;
  for (const [key, row] of now) {
    const old = was.get(key);
    if (!old) {
      if (written(table, row, own)) change.inserted.push(row);
    } else if (JSON.stringify(old) !== JSON.stringify(row)) {
      const updatedHere =
        table === 'student' ? own.template.id === 'student-demographics' : written(table, row, own);
      if (updatedHere) change.updated.push({ before: old, after: row });
      else foreign = true;
    }
  }
  const replaces = recordStoreOf(own.template.id)?.mode === 'replace-year';
  for (const [key, row] of was)
    if (!now.has(key)) {
      if (replaces) change.deleted.push(row);
      else foreign = true;
    }
  return { change, foreign };
}

/** Whether a set of table changes changed anything at all. */
export function changedAnything(changes: readonly TableChange[]): boolean {
  return changes.some((c) => c.inserted.length + c.updated.length + c.deleted.length > 0);
}
