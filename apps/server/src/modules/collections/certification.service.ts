/**
 * District certification (montana-aim.md §7.2 steps 2–5): every command runs in one transaction that locks the
 * district's row, reads the gate, asks the pure state machine, and writes the outcome, the snapshot when the last
 * primary certifies, the transition log, the audit log and the notifications together.
 */
import {
  districtTransition,
  type CertificationWindow,
  type DistrictCommand,
  type DistrictStatus,
} from '@bitterroot/core';
import type { Database, Executor } from '../../db/database.ts';
import {
  decideRecertificationRequest,
  gateFacts,
  insertRecertificationRequest,
  insertReview,
  insertUserCertification,
  lockCertification,
  updateCertification,
} from './certification.repository.ts';
import { findEvent, type EventRecord } from './events.repository.ts';
import { notifyMembers, recordTransition, type Actor } from './outbox.repository.ts';
import { snapshotYears, sourcesFor } from './snapshot-sources.ts';
import { takeSnapshots } from './snapshot.repository.ts';

/** What the certification services share: the database, the clock and the state's time zone. */
export type CertificationDeps = {
  database: Database;
  /** The clock (ISO instant); tests pin it. */
  now: () => string;
  /** Montana is on mountain time (decision 0040): a due date lasts to midnight there. */
  timeZone: string;
};

/** The outcome of a district command. */
export type CommandOutcome =
  | { kind: 'done'; status: DistrictStatus; snapshotId: number | null; round: number }
  | { kind: 'refused'; reason: string }
  | { kind: 'not-found' };

/** Options of a district command. */
export type CommandInput = { reason?: string | null | undefined; nothingToReport?: boolean | undefined };

/** The window of an event for a district as the machine reads it. */
export function windowOf(
  event: EventRecord,
  extendedUntil: string | null,
  timeZone: string,
): CertificationWindow {
  return { opens: event.certificationOpens, due: event.dueDate, extendedUntil, timeZone };
}

const NOTICES: Partial<Record<DistrictCommand, { kind: string; subject: string }>> = {
  approve: { kind: 'certification-approved', subject: 'Certification approved by the state' },
  return: { kind: 'certification-returned', subject: 'Certification returned by the state' },
  'accept-recertification': { kind: 'recertification-accepted', subject: 'Recertification request accepted' },
  'decline-recertification': {
    kind: 'recertification-declined',
    subject: 'Recertification request declined',
  },
  reopen: { kind: 'certification-reopened', subject: 'Certification reopened: please certify again' },
};

/** Applies one command to one district inside the caller's transaction (the state's reopen reuses it). */
export async function applyDistrictCommand(
  deps: CertificationDeps,
  trx: Executor,
  event: EventRecord,
  district: string,
  command: DistrictCommand,
  actor: Actor,
  input: CommandInput,
): Promise<CommandOutcome> {
  const row = await lockCertification(trx, event.id, district);
  const gate = await gateFacts(trx, event, district, row.round);
  const reason = input.reason?.trim() || null;
  const decided = districtTransition(row.status, command, {
    now: deps.now(),
    window: windowOf(event, gate.extendedUntil, deps.timeZone),
    openFatals: gate.openFatals,
    unacknowledgedWarnings: gate.unacknowledgedWarnings,
    primaries: gate.primaries,
    certifiedBy: gate.certifiedBy,
    actor: actor.userId,
    reason,
    approvedBefore: row.approvedBefore,
  });
  if (!decided.ok) return { kind: 'refused', reason: decided.error.reason };
  const next = decided.value;
  if (command === 'certify') {
    const inserted = await insertUserCertification(
      trx,
      event.id,
      district,
      row.round,
      actor.userId!,
      input.nothingToReport === true,
    );
    if (!inserted) return { kind: 'refused', reason: 'You have already certified this event.' };
  }
  let snapshotId = row.snapshotId;
  if (next.complete) {
    const taken = await takeSnapshots(trx, {
      eventId: event.id,
      schoolYear: snapshotYears(event),
      takenBy: actor.userId,
      targets: [{ district, round: row.round }],
      sources: sourcesFor(event.templates),
    });
    snapshotId = taken.get(district) ?? null;
  }
  const round = next.newRound ? row.round + 1 : row.round;
  const approvedBefore = next.newRound ? false : next.status === 'approved' || row.approvedBefore;
  await updateCertification(trx, event.id, district, {
    status: next.status,
    round,
    snapshotId,
    approvedBefore,
  });
  await writeDecision(trx, event.id, district, command, actor, reason);
  await recordTransition(trx, {
    eventId: event.id,
    district,
    command,
    from: row.status,
    to: next.status,
    reason,
    actor,
    detail: { round, snapshotId, nothingToReport: input.nothingToReport === true },
  });
  const notice = NOTICES[command];
  if (notice)
    await notifyMembers(trx, {
      eventId: event.id,
      districts: [district],
      kind: notice.kind,
      subject: `${notice.subject}: ${event.name}`,
      body: reason ? `${notice.subject}. Reason: ${reason}` : `${notice.subject}.`,
      link: `/certification/${event.id}/districts/${district}`,
    });
  return { kind: 'done', status: next.status, snapshotId, round };
}

async function writeDecision(
  trx: Executor,
  eventId: number,
  district: string,
  command: DistrictCommand,
  actor: Actor,
  reason: string | null,
): Promise<void> {
  const by = actor.userId!;
  switch (command) {
    case 'approve':
    case 'return':
      await insertReview(trx, eventId, district, command === 'approve' ? 'approved' : 'returned', reason, by);
      return;
    case 'request-recertification':
      await insertRecertificationRequest(trx, eventId, district, by, reason ?? '');
      return;
    case 'accept-recertification':
    case 'decline-recertification':
      await decideRecertificationRequest(
        trx,
        eventId,
        district,
        command === 'accept-recertification' ? 'accepted' : 'declined',
        actor.userId,
        reason,
      );
      return;
    case 'certify':
    case 'reopen':
      return;
  }
}

/** Builds the district certification service. */
export function certificationService(deps: CertificationDeps) {
  const db = deps.database.db;

  async function run(
    eventId: number,
    district: string,
    command: DistrictCommand,
    actor: Actor,
    input: CommandInput = {},
  ): Promise<CommandOutcome> {
    return await db.transaction().execute(async (trx) => {
      const event = await findEvent(trx, eventId);
      // Districts act only on events they can see (§7.2 step 1: closed events are hidden).
      if (!event || event.state === 'unpublished' || event.state === 'closed') return { kind: 'not-found' };
      return await applyDistrictCommand(deps, trx, event, district, command, actor, input);
    });
  }

  return {
    /** A primary certifier certifies (optionally "nothing to report", §7.2 step 7). */
    certify: (eventId: number, district: string, actor: Actor, nothingToReport = false) =>
      run(eventId, district, 'certify', actor, { nothingToReport }),
    /** A state approver approves (a reason is needed when the district has not certified). */
    approve: (eventId: number, district: string, actor: Actor, reason?: string) =>
      run(eventId, district, 'approve', actor, { reason }),
    /** A state approver returns the certification with a reason. */
    returnToDistrict: (eventId: number, district: string, actor: Actor, reason: string) =>
      run(eventId, district, 'return', actor, { reason }),
    /** A primary certifier asks to recertify, with a reason (§7.2 step 5). */
    requestRecertification: (eventId: number, district: string, actor: Actor, reason: string) =>
      run(eventId, district, 'request-recertification', actor, { reason }),
    /** The state accepts a recertification request: the district certifies again. */
    acceptRecertification: (eventId: number, district: string, actor: Actor, reason?: string) =>
      run(eventId, district, 'accept-recertification', actor, { reason }),
    /** The state declines a recertification request, with a reason. */
    declineRecertification: (eventId: number, district: string, actor: Actor, reason: string) =>
      run(eventId, district, 'decline-recertification', actor, { reason }),
  };
}

/** The district certification service type. */
export type CertificationService = ReturnType<typeof certificationService>;
