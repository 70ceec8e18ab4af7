/** The identity resolution queue and its audit trail (migration 0003). */
import { sql } from 'kysely';
import type { Executor } from '../../db/database.ts';
import { newStudentStateIdSql } from '../../db/state-id.ts';

/** A queue item with both sides, as state staff see it side by side. */
export type ReviewItem = {
  id: number;
  status: string;
  districtNumber: string;
  line: number;
  score: number;
  reasons: { code: string; text: string; weight: number }[];
  incoming: {
    localId: string | null;
    lastName: string;
    firstName: string;
    middleName: string | null;
    birthDate: string | null;
    gender: string | null;
  };
  candidate: {
    studentId: number;
    stateId: string;
    lastName: string;
    firstName: string;
    middleName: string | null;
    birthDate: string | null;
    gender: string | null;
    districts: string[];
  };
  resolvedStudentId: number | null;
};

type Row = {
  id: number;
  status: string;
  district_number: string;
  line: number;
  score: string;
  reasons: unknown;
  incoming: Record<string, string | null>;
  resolved_student_id: number | null;
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
  SELECT r.id, r.status, r.district_number, r.line, r.score, r.reasons, r.incoming, r.resolved_student_id,
         s.id AS student_id, s.state_id, s.last_name, s.first_name, s.middle_name, s.birth_date, s.gender,
         (SELECT array_agg(sd.district_number ORDER BY sd.district_number) FROM student_district sd WHERE sd.student_id = s.id) AS districts
  FROM identity_review r JOIN student s ON s.id = r.candidate_student_id`;

function toItem(r: Row): ReviewItem {
  const v = (k: string) => (r.incoming[k] ?? '').trim() || null;
  return {
    id: r.id,
    status: r.status,
    districtNumber: r.district_number,
    line: r.line,
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
  };
}

/** Queue items by status, oldest first. */
export async function listReviews(db: Executor, status: string): Promise<ReviewItem[]> {
  const r =
    await sql<Row>`${SELECT} WHERE r.status = ${status} ORDER BY r.created_at, r.id LIMIT 500`.execute(db);
  return r.rows.map(toItem);
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
  await audit(db, item, item.candidate.studentId, 'unlinked', actor);
}

async function resolve(
  db: Executor,
  item: ReviewItem,
  status: string,
  studentId: number,
  actor: string,
  action: string,
): Promise<void> {
  await sql`UPDATE identity_review SET status = ${status}, resolved_student_id = ${studentId}, resolved_by = ${actor}, resolved_at = now() WHERE id = ${item.id}`.execute(
    db,
  );
  await audit(db, item, studentId, action, actor);
}

async function audit(
  db: Executor,
  item: ReviewItem,
  studentId: number,
  action: string,
  actor: string,
): Promise<void> {
  await sql`INSERT INTO identity_audit (review_id, student_id, district_number, action, actor, detail)
    VALUES (${item.id}, ${studentId}, ${item.districtNumber}, ${action}, ${actor}, ${JSON.stringify({ score: item.score })}::jsonb)`.execute(
    db,
  );
}
