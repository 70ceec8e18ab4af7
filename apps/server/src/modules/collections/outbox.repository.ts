/**
 * Side effects of certification transitions written in the caller's transaction: the transition log, the
 * append-only audit log and the notification outbox (issue 7 items 7 and 9; table shapes from 0006 and 0007).
 */
import { sql } from 'kysely';
import type { Executor } from '../../db/database.ts';

/** Who acted: a user, or the system (null id). */
export type Actor = { userId: number | null; name: string };

/** One transition of an event (district null) or of a district's certification. */
export type TransitionInput = {
  eventId: number;
  district: string | null;
  command: string;
  from: string;
  to: string;
  reason?: string | null | undefined;
  actor: Actor;
  detail?: Record<string, unknown>;
};

/** Records a transition in the certification log and the audit log in one round trip each. */
export async function recordTransition(db: Executor, t: TransitionInput): Promise<void> {
  await db
    .insertInto('certification_transition')
    .values({
      event_id: t.eventId,
      district_number: t.district,
      command: t.command,
      from_state: t.from,
      to_state: t.to,
      reason: t.reason ?? null,
      user_id: t.actor.userId,
      actor: t.actor.name,
    })
    .execute();
  await db
    .insertInto('audit_event')
    .values({
      user_id: t.actor.userId,
      actor: t.actor.name,
      action: `certification.${t.command}`,
      entity: t.district === null ? 'certification_event' : 'district_certification',
      entity_id: String(t.eventId),
      district_number: t.district,
      detail: JSON.stringify({ from: t.from, to: t.to, reason: t.reason ?? null, ...(t.detail ?? {}) }),
    })
    .execute();
}

/** A notification to every member of an event's certification types in the given districts (all when null). */
export type MemberNotice = {
  eventId: number;
  districts: readonly string[] | null;
  primariesOnly?: boolean;
  /** Only primaries who have not certified in the district's current round (reminders). */
  uncertifiedOnly?: boolean;
  kind: string;
  subject: string;
  body: string;
  link?: string | null;
};

/** Adds one notification per member (set-based INSERT … SELECT); returns how many were queued. */
export async function notifyMembers(db: Executor, n: MemberNotice): Promise<number> {
  if (n.districts !== null && n.districts.length === 0) return 0;
  const inDistricts = n.districts === null ? sql`true` : sql`m.district_number IN (${sql.join(n.districts)})`;
  const role = n.primariesOnly === true || n.uncertifiedOnly === true ? sql`m.role = 'primary'` : sql`true`;
  const uncertified =
    n.uncertifiedOnly === true
      ? sql`NOT EXISTS (SELECT 1 FROM district_certification dc JOIN user_certification uc
          ON uc.event_id = dc.event_id AND uc.district_number = dc.district_number AND uc.round = dc.round
          WHERE dc.event_id = e.id AND dc.district_number = m.district_number AND uc.user_id = m.user_id)`
      : sql`true`;
  const result = await sql`
    INSERT INTO notification (user_id, email, kind, subject, body, link)
    SELECT DISTINCT u.id, u.email, ${n.kind}, ${n.subject}, ${n.body}, ${n.link ?? null}::text
    FROM certification_event e
    JOIN certification_membership m ON m.type_id = ANY (e.types)
    JOIN app_user u ON u.id = m.user_id AND u.active
    WHERE e.id = ${n.eventId} AND ${inDistricts} AND ${role} AND ${uncertified}`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

/** Appends one audit event that is not a transition (membership and contact changes). */
export async function recordAudit(
  db: Executor,
  actor: Actor,
  action: string,
  district: string | null,
  detail: Record<string, unknown>,
): Promise<void> {
  await db
    .insertInto('audit_event')
    .values({
      user_id: actor.userId,
      actor: actor.name,
      action,
      entity: action.split('.')[1] ?? null,
      district_number: district,
      detail: JSON.stringify(detail),
    })
    .execute();
}
