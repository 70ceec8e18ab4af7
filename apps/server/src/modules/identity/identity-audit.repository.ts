/** The identity audit trail (migration 0003): one row per decision on a queue item, never updated. */
import { sql } from 'kysely';
import type { Executor } from '../../db/database.ts';

/** An audited action on an identity. */
export type AuditAction = 'matched' | 'linked' | 'new-person' | 'unlinked';

/** One audited step with the state ID it concerned. */
export type AuditEntry = { action: AuditAction; actor: string; at: string; stateId: string | null };

/** Records one decision on a queue item (the score is kept so a later review sees what staff saw). */
export async function writeAudit(
  db: Executor,
  item: { id: number; districtNumber: string; score: number },
  studentId: number,
  action: AuditAction,
  actor: string,
): Promise<void> {
  await sql`INSERT INTO identity_audit (review_id, student_id, district_number, action, actor, detail)
    VALUES (${item.id}, ${studentId}, ${item.districtNumber}, ${action}, ${actor}, ${JSON.stringify({ score: item.score })}::jsonb)`.execute(
    db,
  );
}

/** A queue item's audit trail, oldest first. */
export async function auditTrail(db: Executor, reviewId: number): Promise<AuditEntry[]> {
  const r = await sql<{ action: AuditAction; actor: string; at: string; state_id: string | null }>`
    SELECT a.action, a.actor, a.at, s.state_id FROM identity_audit a LEFT JOIN student s ON s.id = a.student_id
    WHERE a.review_id = ${reviewId} ORDER BY a.at, a.id`.execute(db);
  return r.rows.map((x) => ({ action: x.action, actor: x.actor, at: x.at, stateId: x.state_id }));
}
