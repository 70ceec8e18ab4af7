/**
 * Stored hand-entry changes and their undo (decision 0053): the newest change of a user in a district is locked,
 * its rows are checked against what is live, and the before image is restored — all inside the caller's
 * transaction, with set-based statements per table.
 */
import { sql } from 'kysely';
import type { Executor } from '../../db/database.ts';
import { STUDENT_RECORD_TABLES } from '../../db/student-tables.ts';
import { tableRef, type LiveRow } from './hand-entry.repository.ts';

/** What an entry did to one live table. */
export type TableChange = {
  table: string;
  inserted: LiveRow[];
  updated: { before: LiveRow; after: LiveRow }[];
  deleted: LiveRow[];
};

/** A stored change, newest first per user and district. */
export type StoredChange = {
  id: number;
  batchId: number;
  templateId: string;
  changes: TableChange[];
  undoable: boolean;
};

/** Stores what an entry changed. */
export async function saveChange(
  db: Executor,
  change: {
    batchId: number;
    userId: number;
    district: string;
    templateId: string;
    changes: TableChange[];
    undoable: boolean;
  },
): Promise<void> {
  await sql`INSERT INTO hand_entry_change (batch_id, user_id, district_number, template_id, changes, undoable)
    VALUES (${change.batchId}::bigint, ${change.userId}::bigint, ${change.district}, ${change.templateId},
      ${JSON.stringify(change.changes)}::jsonb, ${change.undoable})`.execute(db);
}

/** The user's newest change in the district not yet undone, locked until the transaction ends. */
export async function latestChangeForUpdate(
  trx: Executor,
  userId: number,
  district: string,
): Promise<StoredChange | undefined> {
  const r = await sql<{
    id: number;
    batch_id: number;
    template_id: string;
    changes: string;
    undoable: boolean;
  }>`SELECT id, batch_id, template_id, changes::text AS changes, undoable FROM hand_entry_change
    WHERE user_id = ${userId}::bigint AND district_number = ${district} AND undone_at IS NULL
    ORDER BY id DESC LIMIT 1 FOR UPDATE`.execute(trx);
  const x = r.rows[0];
  return (
    x && {
      id: Number(x.id),
      batchId: Number(x.batch_id),
      templateId: x.template_id,
      changes: JSON.parse(x.changes) as TableChange[],
      undoable: x.undoable,
    }
  );
}

const keyColumn = (table: string) => (table === 'student_district' ? 'student_id' : 'id');

const keysOf = (table: string, rows: LiveRow[]) => rows.map((r) => Number(r[keyColumn(table)]));

/** Live rows of a table with these keys (in the change's district), locked. */
function keyed(table: string, district: string, keys: number[]) {
  const key = sql.ref(`t.${keyColumn(table)}`);
  const inDistrict = table === 'student' ? sql`true` : sql`t.district_number = ${district}`;
  return sql`${key} = ANY(${keys}::bigint[]) AND ${inDistrict}`;
}

/**
 * Whether the live rows are still exactly what the entry left (inserted and updated rows unchanged, deleted
 * rows still absent). Locks them first, so nothing changes between the check and the restore.
 */
export async function stillAsLeft(trx: Executor, district: string, change: TableChange): Promise<boolean> {
  const t = tableRef(change.table);
  const after = [...change.inserted, ...change.updated.map((u) => u.after)];
  const all = [...keysOf(change.table, after), ...keysOf(change.table, change.deleted)];
  if (all.length === 0) return true;
  const locked = await sql<{ row: string }>`SELECT to_jsonb(t)::text AS row FROM ${t} t
    WHERE ${keyed(change.table, district, all)} FOR UPDATE`.execute(trx);
  const live = new Set(locked.rows.map((r) => r.row));
  if (locked.rows.length !== after.length) return false;
  // Compare as jsonb in SQL: numbers like 12.50 and 12.5 are equal there, not as text.
  const same = await sql<{
    n: number;
  }>`SELECT count(*)::int AS n FROM jsonb_array_elements(${JSON.stringify(after)}::jsonb) a
    WHERE a IN (SELECT x::jsonb FROM unnest(${[...live]}::text[]) x)`.execute(trx);
  return same.rows[0]!.n === after.length;
}

/** Tables whose rows hang off an enrollment (deleting the enrollment would cascade to them). */
const ENROLLMENT_CHILDREN = [
  ...STUDENT_RECORD_TABLES.filter(
    (t) => !['section_504', 'english_learner', 'cte_pathway_participation', 'roster'].includes(t),
  ),
  'district_residency',
];

/** Whether enrollments the entry created now carry records (undo would silently delete them). */
export async function enrollmentsInUse(trx: Executor, enrollmentIds: number[]): Promise<boolean> {
  if (enrollmentIds.length === 0) return false;
  const parts = ENROLLMENT_CHILDREN.map(
    (t) => sql`SELECT 1 FROM ${tableRef(t)} WHERE enrollment_id = ANY(${enrollmentIds}::bigint[])`,
  );
  const r = await sql<{
    used: boolean;
  }>`SELECT EXISTS (${sql.join(parts, sql` UNION ALL `)}) AS used`.execute(trx);
  return r.rows[0]?.used ?? false;
}

/** Whether students the entry created are now known elsewhere (another district, an enrollment, a review). */
export async function studentsInUse(trx: Executor, studentIds: number[], district: string): Promise<boolean> {
  if (studentIds.length === 0) return false;
  const ids = sql`${studentIds}::bigint[]`;
  const r = await sql<{ used: boolean }>`SELECT EXISTS (
      SELECT 1 FROM student_district WHERE student_id = ANY(${ids}) AND district_number <> ${district}
      UNION ALL SELECT 1 FROM enrollment WHERE student_id = ANY(${ids})
      UNION ALL SELECT 1 FROM identity_review WHERE candidate_student_id = ANY(${ids}) OR resolved_student_id = ANY(${ids})
      UNION ALL SELECT 1 FROM identity_audit WHERE student_id = ANY(${ids})
    ) AS used`.execute(trx);
  return r.rows[0]?.used ?? false;
}

/** Puts one table back as it was before the entry: new rows out, changed rows back, removed rows in. */
export async function restoreTable(
  trx: Executor,
  district: string,
  batchId: number,
  change: TableChange,
): Promise<void> {
  const t = tableRef(change.table);
  const inserted = keysOf(change.table, change.inserted);
  if (inserted.length) {
    // The batch's new-state-ID line points at a student it created; it goes with the student.
    if (change.table === 'student')
      await sql`DELETE FROM ingestion_new_state_id WHERE batch_id = ${batchId}::bigint
        AND student_id = ANY(${inserted}::bigint[])`.execute(trx);
    await sql`DELETE FROM ${t} t WHERE ${keyed(change.table, district, inserted)}`.execute(trx);
  }
  if (change.updated.length) {
    const before = change.updated.map((u) => u.before);
    const columns = Object.keys(before[0]!).filter((c) => c !== 'id' && /^[a-z_][a-z0-9_]*$/.test(c));
    const set = columns.map((c) => `${c} = b.${c}`).join(', ');
    await sql`UPDATE ${t} t SET ${sql.raw(set)}
      FROM jsonb_populate_recordset(NULL::${t}, ${JSON.stringify(before)}::jsonb) b
      WHERE ${sql.raw(change.table === 'student_district' ? 't.student_id = b.student_id AND t.district_number = b.district_number' : 't.id = b.id')}`.execute(
      trx,
    );
  }
  if (change.deleted.length)
    await sql`INSERT INTO ${t} OVERRIDING SYSTEM VALUE
      SELECT * FROM jsonb_populate_recordset(NULL::${t}, ${JSON.stringify(change.deleted)}::jsonb)`.execute(
      trx,
    );
}

/** Marks a change undone by a user. */
export async function markUndone(trx: Executor, changeId: number, userId: number): Promise<void> {
  await sql`UPDATE hand_entry_change SET undone_at = now(), undone_by = ${userId}::bigint
    WHERE id = ${changeId}::bigint`.execute(trx);
}
