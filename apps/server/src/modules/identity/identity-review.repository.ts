/** The identity resolution queue (migration 0003): reading items and applying staff decisions. */
import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '../../db/database.ts';
import { newStudentStateIdSql } from '../../db/state-id.ts';
import { writeAudit } from './identity-audit.repository.ts';

/** An item's status; an undone link returns to 'open' ('unlinked' is allowed by the table but unused). */
export type ReviewStatus = 'open' | 'linked' | 'new' | 'unlinked';

/** Which items a list shows: 'decided' is linked and new together. */
export type ReviewFilter = 'open' | 'decided' | 'linked' | 'new';

type Person = {
  lastName: string;
  firstName: string;
  middleName: string | null;
  birthDate: string | null;
  gender: string | null;
};

/** A queue item with both sides, as state staff see it side by side. */
export type ReviewItem = {
  id: number;
  status: ReviewStatus;
  batchId: number;
  districtNumber: string;
  line: number;
  createdAt: string;
  score: number;
  reasons: { code: string; text: string; weight: number }[];
  incoming: Person & { localId: string | null };
  candidate: Person & { studentId: number; stateId: string; districts: string[] };
  resolvedStudentId: number | null;
  /** Who decided, when, and the state ID the row now carries; null while open. */
  resolution: { stateId: string; by: string | null; at: string | null } | null;
};

type Row = {
  id: number;
  status: ReviewStatus;
  batch_id: number;
  district_number: string;
  line: number;
  created_at: string;
  score: string;
  reasons: unknown;
  incoming: Record<string, string | null>;
  resolved_student_id: number | null;
  resolved_state_id: string | null;
  resolved_by: string | null;
  resolved_at: string | null;
  student_id: number;
  state_id: string;
  last_name: string;
  first_name: string;
  middle_name: string | null;
  birth_date: string | null;
  gender: string | null;
  districts: string[] | null;
};

const SELECT = sql`
  SELECT r.id, r.status, r.batch_id, r.district_number, r.line, r.created_at, r.score, r.reasons, r.incoming,
         r.resolved_student_id, rs.state_id AS resolved_state_id, r.resolved_by, r.resolved_at,
         s.id AS student_id, s.state_id, s.last_name, s.first_name, s.middle_name, s.birth_date, s.gender,
         (SELECT array_agg(sd.district_number ORDER BY sd.district_number) FROM student_district sd WHERE sd.student_id = s.id) AS districts
  FROM identity_review r JOIN student s ON s.id = r.candidate_student_id
  LEFT JOIN student rs ON rs.id = r.resolved_student_id`;

// Open items oldest first (the queue's order); decided ones newest decision first (what was just done).
const WHERE_ORDER: Record<ReviewFilter, RawBuilder<unknown>> = {
  open: sql`r.status = 'open' ORDER BY r.created_at, r.id`,
  decided: sql`r.status IN ('linked', 'new') ORDER BY r.resolved_at DESC, r.id DESC`,
  linked: sql`r.status = 'linked' ORDER BY r.resolved_at DESC, r.id DESC`,
  new: sql`r.status = 'new' ORDER BY r.resolved_at DESC, r.id DESC`,
};

function toItem(r: Row): ReviewItem {
  const v = (k: string) => (r.incoming[k] ?? '').trim() || null;
  return {
    id: r.id,
    status: r.status,
    batchId: r.batch_id,
    districtNumber: r.district_number,
    line: r.line,
    createdAt: r.created_at,
    score: Number(r.score),
    reasons: r.reasons as ReviewItem['reasons'],
    incoming: {
      localId: v('student_local_id'),
      lastName: v('last_name') ?? '',
      firstName: v('first_name') ?? '',
      middleName: v('middle_name'),
      birthDate: v('birth_date'),
      gender: v('gender'),
    },
    candidate: {
      studentId: r.student_id,
      stateId: r.state_id,
      lastName: r.last_name,
      firstName: r.first_name,
      middleName: r.middle_name,
      birthDate: r.birth_date,
      gender: r.gender,
      districts: r.districts ?? [],
    },
    resolvedStudentId: r.resolved_student_id,
    resolution:
      r.resolved_state_id === null
        ? null
        : { stateId: r.resolved_state_id, by: r.resolved_by, at: r.resolved_at },
  };
}

/** Queue items by filter, at most 500 (see WHERE_ORDER for the order). */
export async function listReviews(db: Executor, filter: ReviewFilter): Promise<ReviewItem[]> {
  const r = await sql<Row>`${SELECT} WHERE ${WHERE_ORDER[filter]} LIMIT 500`.execute(db);
  return r.rows.map(toItem);
}

/** One item, without locking (for reading). */
export async function getReview(db: Executor, id: number): Promise<ReviewItem | undefined> {
  const r = await sql<Row>`${SELECT} WHERE r.id = ${id}`.execute(db);
  return r.rows[0] ? toItem(r.rows[0]) : undefined;
}

/** One item, locked for a decision when inside a transaction. */
export async function findReview(db: Executor, id: number): Promise<ReviewItem | undefined> {
  const r = await sql<Row>`${SELECT} WHERE r.id = ${id} FOR UPDATE OF r`.execute(db);
  return r.rows[0] ? toItem(r.rows[0]) : undefined;
}

/** "Same person": links the district's local ID to the existing identity. */
export async function linkToCandidate(db: Executor, item: ReviewItem, actor: string): Promise<void> {
  await sql`INSERT INTO student_district (student_id, district_number, local_id) VALUES (${item.candidate.studentId}, ${item.districtNumber}, ${item.incoming.localId})
    ON CONFLICT (district_number, student_id) DO UPDATE SET local_id = coalesce(excluded.local_id, student_district.local_id)`.execute(
    db,
  );
  await resolve(db, item, 'linked', item.candidate.studentId, actor, 'linked');
}

/** "New person": issues a state ID (decision 0004) from the held row and links it. */
export async function createFromIncoming(db: Executor, item: ReviewItem, actor: string): Promise<number> {
  const made = await sql<{ id: number }>`
    INSERT INTO student (state_id, last_name, first_name, middle_name, name_suffix, birth_date, gender, hispanic, race_codes)
    SELECT ${newStudentStateIdSql},
           btrim(i->>'last_name'), btrim(i->>'first_name'), nullif(btrim(i->>'middle_name'), ''), nullif(btrim(i->>'name_suffix'), ''),
           br_to_date(i->>'birth_date'), nullif(btrim(i->>'gender'), ''),
           CASE WHEN upper(btrim(i->>'hispanic')) IN ('Y', 'YES', '1') THEN true WHEN upper(btrim(i->>'hispanic')) IN ('N', 'NO', '0') THEN false END,
           nullif(btrim(i->>'race_codes'), '')
    FROM (SELECT incoming AS i FROM identity_review WHERE id = ${item.id}) x RETURNING id`.execute(db);
  const id = made.rows[0]!.id;
  await sql`INSERT INTO student_district (student_id, district_number, local_id) VALUES (${id}, ${item.districtNumber}, ${item.incoming.localId})`.execute(
    db,
  );
  await sql`INSERT INTO ingestion_new_state_id (batch_id, student_id, line, local_id) SELECT batch_id, ${id}, line, local_id FROM identity_review WHERE id = ${item.id}`.execute(
    db,
  );
  await resolve(db, item, 'new', id, actor, 'new-person');
  return id;
}

/** Reverses a "same person" link; the item goes back to the queue. */
export async function unlink(db: Executor, item: ReviewItem, actor: string): Promise<void> {
  await sql`DELETE FROM student_district WHERE student_id = ${item.candidate.studentId} AND district_number = ${item.districtNumber}
    AND local_id IS NOT DISTINCT FROM ${item.incoming.localId}`.execute(db);
  await sql`UPDATE identity_review SET status = 'open', resolved_student_id = NULL, resolved_by = NULL, resolved_at = NULL WHERE id = ${item.id}`.execute(
    db,
  );
  await writeAudit(db, item, item.candidate.studentId, 'unlinked', actor);
}

async function resolve(
  db: Executor,
  item: ReviewItem,
  status: ReviewStatus,
  studentId: number,
  actor: string,
  action: 'linked' | 'new-person',
): Promise<void> {
  await sql`UPDATE identity_review SET status = ${status}, resolved_student_id = ${studentId}, resolved_by = ${actor}, resolved_at = now() WHERE id = ${item.id}`.execute(
    db,
  );
  await writeAudit(db, item, studentId, action, actor);
}
