/**
 * Who did an early-warning operation, and its audit events: training, promotion, student history reads,
 * interventions and the flagged students export (issue 10; decision 0066). Events go through the audit
 * service, never its repository.
 */
import type { Executor } from '../../db/database.ts';
import { recordAudit } from '../access/audit.service.ts';

/** The person (or, with no user, the command line) behind an operation, and the request that carried it. */
export type EwsActor = { userId: number | null; email: string; requestId: string | null };

/** The actor recorded for the command line and scheduled jobs, which run without a signed-in user. */
export const CLI_ACTOR: EwsActor = { userId: null, email: 'cli', requestId: null };

/** What an event is about. */
export type EwsAuditTarget = {
  entity: 'ews_model' | 'student';
  entityId?: string | null;
  districtNumber?: string | null;
  studentId?: number | null;
  detail?: Record<string, unknown>;
};

/** Appends one early-warning event (in the caller's transaction when given one). */
export async function auditEws(
  db: Executor,
  actor: EwsActor,
  action: string,
  target: EwsAuditTarget,
): Promise<void> {
  await recordAudit(db, [
    {
      userId: actor.userId,
      actor: actor.email,
      action,
      entity: target.entity,
      entityId: target.entityId ?? null,
      districtNumber: target.districtNumber ?? null,
      studentId: target.studentId ?? null,
      requestId: actor.requestId,
      detail: target.detail ?? {},
    },
  ]);
}
