/**
 * One district's certification of one event (montana-aim.md §7.2 steps 3–5): the locked status row, what the
 * state machine needs to decide, and the rows a decision writes.
 */
import { sql } from 'kysely';
import type { DistrictStatus } from '@bitterroot/core';
import type { Executor } from '../../db/database.ts';
import { textArray } from './events.repository.ts';

/** The stored status of a district's certification. */
export type CertificationRow = {
  status: DistrictStatus;
  round: number;
  snapshotId: number | null;
  approvedBefore: boolean;
  statusChangedAt: string;
};

/**
 * Creates the row when missing and locks it for the transaction: two certifiers of one district queue here, so
 * the second sees the first's certification and exactly one of them completes the round (issue 7 item 4).
 */
export async function lockCertification(
  db: Executor,
  eventId: number,
  district: string,
): Promise<CertificationRow> {
  await db
    .insertInto('district_certification')
    .values({ event_id: eventId, district_number: district })
    .onConflict((oc) => oc.doNothing())
    .execute();
  const r = await db
    .selectFrom('district_certification')
    .selectAll()
    .where('event_id', '=', eventId)
    .where('district_number', '=', district)
    .forUpdate()
    .executeTakeFirstOrThrow();
  return {
    status: r.status as DistrictStatus,
    round: r.round,
    snapshotId: r.snapshot_id,
    approvedBefore: r.approved_before,
    statusChangedAt: r.status_changed_at,
  };
}

/** The status a district has before its row exists (events published before it was added, or never published). */
const NOT_STARTED: CertificationRow = {
  status: 'not-started',
  round: 1,
  snapshotId: null,
  approvedBefore: false,
  statusChangedAt: '',
};

/** Reads a district's certification without writing: a missing row reads as Not Started, round 1 (0007 defaults). */
export async function readCertification(
  db: Executor,
  eventId: number,
  district: string,
): Promise<CertificationRow> {
  const r = await db
    .selectFrom('district_certification')
    .selectAll()
    .where('event_id', '=', eventId)
    .where('district_number', '=', district)
    .executeTakeFirst();
  if (!r) return NOT_STARTED;
  return {
    status: r.status as DistrictStatus,
    round: r.round,
    snapshotId: r.snapshot_id,
    approvedBefore: r.approved_before,
    statusChangedAt: r.status_changed_at,
  };
}

/** Writes a Not Started row for every district of the state that has none yet (at publication; one statement). */
export async function insertNotStarted(db: Executor, eventId: number): Promise<void> {
  await sql`
    INSERT INTO district_certification (event_id, district_number)
    SELECT ${eventId}, d.district_number FROM district d WHERE d.level <> 'state_agency'
    ON CONFLICT DO NOTHING`.execute(db);
}

/** What gates certification of a district: findings, certifiers and the extension. */
export type GateFacts = {
  openFatals: number;
  unacknowledgedWarnings: number;
  primaries: number[];
  certifiedBy: number[];
  extendedUntil: string | null;
};

/**
 * Reads the gate in one statement. Findings count when the event's validation group has their rule and the
 * district owns them (decision 0042), from the counts the 0014 triggers keep exact; primaries are the district's primary members of any of the event's types.
 */
export async function gateFacts(
  db: Executor,
  event: { id: number; schoolYear: number; types: string[]; validationRules: string[] },
  district: string,
  round: number,
): Promise<GateFacts> {
  const rules = textArray(event.validationRules);
  const r = await sql<{
    fatals: number;
    warnings: number;
    primaries: string | null;
    certified: string | null;
    extended_until: string | null;
  }>`
    SELECT
      (SELECT coalesce(sum(c.open_fatals), 0) FROM finding_open_count c
        WHERE c.school_year = ${event.schoolYear} AND c.district_number = ${district}
          AND c.rule_id = ANY (${rules})) AS fatals,
      (SELECT coalesce(sum(c.open_warnings), 0) FROM finding_open_count c
        WHERE c.school_year = ${event.schoolYear} AND c.district_number = ${district}
          AND c.rule_id = ANY (${rules})) AS warnings,
      (SELECT string_agg(DISTINCT m.user_id::text, ',') FROM certification_membership m
        WHERE m.district_number = ${district} AND m.role = 'primary'
          AND m.type_id = ANY (${textArray(event.types)})) AS primaries,
      (SELECT string_agg(uc.user_id::text, ',') FROM user_certification uc
        WHERE uc.event_id = ${event.id} AND uc.district_number = ${district} AND uc.round = ${round}) AS certified,
      (SELECT x.extended_until FROM certification_extension x
        WHERE x.event_id = ${event.id} AND x.district_number = ${district}) AS extended_until`.execute(db);
  const row = r.rows[0]!;
  const ids = (s: string | null) => (s ? s.split(',').map(Number) : []);
  return {
    openFatals: Number(row.fatals),
    unacknowledgedWarnings: Number(row.warnings),
    primaries: ids(row.primaries),
    certifiedBy: ids(row.certified),
    extendedUntil: row.extended_until,
  };
}

/** Records one user's certification; false when the key already exists (a double submit). */
export async function insertUserCertification(
  db: Executor,
  eventId: number,
  district: string,
  round: number,
  userId: number,
  nothingToReport: boolean,
): Promise<boolean> {
  const r = await db
    .insertInto('user_certification')
    .values({
      event_id: eventId,
      district_number: district,
      round,
      user_id: userId,
      nothing_to_report: nothingToReport,
    })
    .onConflict((oc) => oc.doNothing())
    .returning('user_id')
    .executeTakeFirst();
  return r !== undefined;
}

/** Writes the new status of a district's certification. */
export async function updateCertification(
  db: Executor,
  eventId: number,
  district: string,
  next: { status: DistrictStatus; round: number; snapshotId: number | null; approvedBefore: boolean },
): Promise<void> {
  await db
    .updateTable('district_certification')
    .set({
      status: next.status,
      round: next.round,
      snapshot_id: next.snapshotId,
      approved_before: next.approvedBefore,
      status_changed_at: sql`now()`,
    })
    .where('event_id', '=', eventId)
    .where('district_number', '=', district)
    .execute();
}

/** Records a state approval or return (§7.2 step 4). */
export async function insertReview(
  db: Executor,
  eventId: number,
  district: string,
  decision: 'approved' | 'returned',
  reason: string | null,
  by: number,
): Promise<void> {
  await db
    .insertInto('certification_review')
    .values({ event_id: eventId, district_number: district, decision, reason, decided_by: by })
    .execute();
}

/** Records a district's recertification request (§7.2 step 5). */
export async function insertRecertificationRequest(
  db: Executor,
  eventId: number,
  district: string,
  by: number,
  reason: string,
): Promise<void> {
  await db
    .insertInto('recertification_request')
    .values({ event_id: eventId, district_number: district, requested_by: by, reason })
    .execute();
}

/** Decides the pending recertification request of a district. */
export async function decideRecertificationRequest(
  db: Executor,
  eventId: number,
  district: string,
  decision: 'accepted' | 'declined',
  by: number | null,
  reason: string | null,
): Promise<void> {
  await db
    .updateTable('recertification_request')
    .set({ decision, decided_by: by, decided_at: sql`now()`, decision_reason: reason })
    .where('event_id', '=', eventId)
    .where('district_number', '=', district)
    .where('decision', 'is', null)
    .execute();
}

/** Districts of an event in the given statuses (state reopen, reminders). */
export async function districtsInStatus(
  db: Executor,
  eventId: number,
  statuses: readonly DistrictStatus[],
): Promise<string[]> {
  const rows = await db
    .selectFrom('district_certification')
    .select('district_number')
    .where('event_id', '=', eventId)
    .where('status', 'in', [...statuses])
    .orderBy('district_number')
    .execute();
  return rows.map((r) => r.district_number);
}

/** The transition log of an event (and one district), oldest first. */
export async function transitionsOf(db: Executor, eventId: number, district: string | null) {
  let q = db.selectFrom('certification_transition').selectAll().where('event_id', '=', eventId);
  if (district !== null) q = q.where('district_number', '=', district);
  const rows = await q.orderBy('id').execute();
  return rows.map((r) => ({
    district: r.district_number,
    command: r.command,
    from: r.from_state,
    to: r.to_state,
    reason: r.reason,
    userId: r.user_id,
    actor: r.actor,
    at: r.at,
  }));
}

/** Every district number (reminders address the ones still to certify). */
export async function allDistricts(db: Executor): Promise<string[]> {
  const rows = await db.selectFrom('district').select('district_number').orderBy('district_number').execute();
  return rows.map((r) => r.district_number);
}
