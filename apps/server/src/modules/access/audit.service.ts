/** The audit log as other modules use it: they record events through here, never through its repository. */
import type { Executor } from '../../db/database.ts';
import { appendAudit, type AuditInput } from './audit.repository.ts';

/** An event to record. */
export type AuditRecord = AuditInput;

/** Appends events (in the caller's transaction when given one). */
export async function recordAudit(db: Executor, events: readonly AuditRecord[]): Promise<void> {
  await appendAudit(db, events);
}
