/**
 * Undo of the last hand entry (issue 9 §3, decision 0053). In ONE transaction: lock the user's newest change in
 * the district, lock its live rows and check they are still exactly what the entry left, then restore what was
 * there before and mark the change undone. Anything changed since (by anyone) makes it a conflict, and nothing
 * is touched. Undo again takes back the entry before it.
 */
import type { Profile } from '@bitterroot/contracts';
import type { Principal } from '@bitterroot/core';
import type { Database } from '../../db/database.ts';
import { recordAudit } from '../access/audit.service.ts';
import { revalidateUpload } from '../validation/validation.service.ts';
import {
  enrollmentsInUse,
  latestChangeForUpdate,
  markUndone,
  restoreTable,
  stillAsLeft,
  studentsInUse,
} from './hand-entry-undo.repository.ts';

/** What an undo did. */
export type UndoOutcome =
  | { kind: 'undone'; batchId: number; template: string; rows: number }
  | { kind: 'nothing' }
  | { kind: 'conflict'; batchId: number; template: string; reason: string };

/** Undoes the user's newest hand entry in the district, or says why not. */
export async function undoLastEntry(
  database: Database,
  profile: Profile,
  schoolYear: number,
  actor: Principal,
  district: string,
  requestId: string,
): Promise<UndoOutcome> {
  const outcome = await database.db.transaction().execute(async (trx): Promise<UndoOutcome> => {
    const change = await latestChangeForUpdate(trx, actor.userId, district);
    if (!change) return { kind: 'nothing' };
    const conflict = (reason: string): UndoOutcome => ({
      kind: 'conflict',
      batchId: change.batchId,
      template: change.templateId,
      reason,
    });
    if (!change.undoable)
      return conflict(
        'This entry cannot be undone exactly (it touched many records, or someone else changed them as it was saved); correct it with a new entry.',
      );
    for (const c of change.changes)
      if (!(await stillAsLeft(trx, district, c)))
        return conflict('The records have changed since this entry; correct them by a new entry.');
    const inserted = (table: string) =>
      change.changes.filter((c) => c.table === table).flatMap((c) => c.inserted.map((r) => Number(r.id)));
    if (await enrollmentsInUse(trx, inserted('enrollment')))
      return conflict('Records were entered for this enrollment since; undo or remove them first.');
    if (await studentsInUse(trx, inserted('student'), district))
      return conflict('This student has been enrolled or linked elsewhere since.');
    // Dependants first: a link before the student it points at.
    for (const c of [...change.changes].reverse()) await restoreTable(trx, district, change.batchId, c);
    await markUndone(trx, change.id, actor.userId);
    const rows = change.changes.reduce(
      (n, c) => n + c.inserted.length + c.updated.length + c.deleted.length,
      0,
    );
    return { kind: 'undone', batchId: change.batchId, template: change.templateId, rows };
  });
  if (outcome.kind === 'nothing') return outcome;
  await recordAudit(database.db, [
    {
      userId: actor.userId,
      actor: actor.email,
      action: outcome.kind === 'undone' ? 'hand-entry-undo' : 'hand-entry-undo-refused',
      entity: outcome.template,
      entityId: String(outcome.batchId),
      districtNumber: district,
      requestId,
      detail: outcome.kind === 'undone' ? { rows: outcome.rows } : { reason: outcome.reason },
    },
  ]);
  // Statewide rules look again at what the undo put back, after it is durable (as after an upload).
  if (outcome.kind === 'undone')
    await revalidateUpload(database, profile, schoolYear, district, outcome.batchId, outcome.template);
  return outcome;
}
