/**
 * The certification state machine (montana-aim.md §7.2) as pure functions: every command is checked against the
 * current state and a context the caller reads from the database and the clock (passed in, never read here), and
 * either yields the next state or a refusal with a reason a district user can act on.
 */
import type { IsoDate } from '../dates.ts';
import { err, ok, type Result } from '../result.ts';
import {
  AWAITING_CERTIFICATION,
  type DistrictCommand,
  type DistrictDisplayStatus,
  type DistrictStatus,
  type EventCommand,
  type EventState,
  type MemberRole,
  type UserStatus,
} from './states.ts';

/** A refusal: why a transition is not allowed. */
export type Refusal = { reason: string };

/** Dates of an event for one district: certification opens, due, and a state-granted extension (§7.2 step 2). */
export type CertificationWindow = {
  opens: IsoDate;
  due: IsoDate;
  extendedUntil: IsoDate | null;
  /** The state's time zone: a due date lasts to the end of that day there. */
  timeZone: string;
};

/** What an event transition needs to know (§7.2 step 1: publishing needs a category and a validation group). */
export type EventContext = { hasTypes: boolean; hasValidationGroup: boolean };

/** What a district transition needs to know; the caller reads it inside the transaction that applies it. */
export type DistrictContext = {
  /** The clock's instant (ISO 8601). */
  now: string;
  window: CertificationWindow;
  /** Open fatal findings of the event's validation group for the district. */
  openFatals: number;
  /** Open, unacknowledged warnings of the event's validation group for the district. */
  unacknowledgedWarnings: number;
  /** User ids of the district's primary certifiers for the event's types. */
  primaries: readonly number[];
  /** User ids that certified in the current round. */
  certifiedBy: readonly number[];
  /** Who issues the command (null for the system). */
  actor: number | null;
  reason?: string | null | undefined;
  /** Whether the state had approved before a recertification request (a decline goes back there). */
  approvedBefore?: boolean | undefined;
};

/** A district transition's outcome: the next status and who has certified in the (possibly new) round. */
export type DistrictTransition = {
  status: DistrictStatus;
  certifiedBy: number[];
  /** A new round starts: earlier certifications no longer count (return, accepted recertification, reopen). */
  newRound: boolean;
  /** Every primary has certified with this command: take the snapshot (§7.2 step 3, ARCHITECTURE §4). */
  complete: boolean;
};

/** The calendar date of an instant in a time zone (a due date ends at midnight there, not in UTC). */
export function localDate(now: string, timeZone: string): IsoDate {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(new Date(now));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** The last day a district may certify: the due date or its extension, whichever is later. */
export function lastCertificationDay(window: CertificationWindow): IsoDate {
  return window.extendedUntil !== null && window.extendedUntil > window.due
    ? window.extendedUntil
    : window.due;
}

/** Whether a district still has to certify and its last day has passed. */
export function isOverdue(status: DistrictStatus, now: string, window: CertificationWindow): boolean {
  return (
    AWAITING_CERTIFICATION.includes(status) && localDate(now, window.timeZone) > lastCertificationDay(window)
  );
}

/** The status shown on dashboards: overdue replaces a waiting status once the last day has passed. */
export function districtDisplayStatus(
  status: DistrictStatus,
  now: string,
  window: CertificationWindow,
): DistrictDisplayStatus {
  return isOverdue(status, now, window) ? 'overdue' : status;
}

/** Moves an event (§7.2 step 1); a closed event is hidden from districts until published again (decision 0040). */
export function eventTransition(
  state: EventState,
  command: EventCommand,
  context: EventContext,
): Result<EventState, Refusal> {
  switch (command) {
    case 'publish':
      if (state === 'published') return err({ reason: 'The event is already published.' });
      if (!context.hasTypes) return err({ reason: 'Publishing needs at least one certification type.' });
      if (!context.hasValidationGroup) return err({ reason: 'Publishing needs a validation group.' });
      return ok('published');
    case 'edit':
      if (state === 'closed')
        return err({ reason: 'A closed event cannot be edited; publish it again first.' });
      return ok(state === 'unpublished' ? 'unpublished' : 'unpublished-changes');
    case 'close':
      if (state === 'closed') return err({ reason: 'The event is already closed.' });
      return ok('closed');
  }
}

const WHY_NOT_CERTIFY: Record<DistrictStatus, string> = {
  'not-started': '',
  'in-progress': '',
  returned: '',
  'recertification-in-progress': '',
  'sent-to-state': 'Every primary certifier has already certified; request recertification to change it.',
  approved: 'The state has approved this certification; request recertification to change it.',
  'recertification-requested': 'A recertification request is pending with the state.',
};

function certify(status: DistrictStatus, c: DistrictContext): Result<DistrictTransition, Refusal> {
  if (!AWAITING_CERTIFICATION.includes(status)) return err({ reason: WHY_NOT_CERTIFY[status] });
  if (c.primaries.length === 0)
    return err({ reason: 'The district has named no primary certifier for this event (Type Membership).' });
  if (c.actor === null || !c.primaries.includes(c.actor))
    return err({ reason: "Only the district's primary certifiers for this event's types can certify." });
  if (c.certifiedBy.includes(c.actor)) return err({ reason: 'You have already certified this event.' });
  const today = localDate(c.now, c.window.timeZone);
  if (today < c.window.opens) return err({ reason: `Certification opens on ${c.window.opens}.` });
  const last = lastCertificationDay(c.window);
  if (today > last)
    return err({ reason: `The last day to certify was ${last}; ask the state for an extension.` });
  if (c.openFatals > 0)
    return err({
      reason: `${c.openFatals} fatal finding(s) of the event's validation group are open; fix them first.`,
    });
  if (c.unacknowledgedWarnings > 0)
    return err({
      reason: `${c.unacknowledgedWarnings} warning(s) are not acknowledged; acknowledge or fix them first.`,
    });
  const certifiedBy = [...c.certifiedBy, c.actor];
  const complete = c.primaries.every((p) => certifiedBy.includes(p));
  return ok({ status: complete ? 'sent-to-state' : 'in-progress', certifiedBy, newRound: false, complete });
}

const hasReason = (c: DistrictContext) => (c.reason ?? '').trim().length > 0;
const same = (status: DistrictStatus, c: DistrictContext): DistrictTransition => ({
  status,
  certifiedBy: [...c.certifiedBy],
  newRound: false,
  complete: false,
});
const fresh = (status: DistrictStatus): DistrictTransition => ({
  status,
  certifiedBy: [],
  newRound: true,
  complete: false,
});

function approve(status: DistrictStatus, c: DistrictContext): Result<DistrictTransition, Refusal> {
  if (status === 'approved') return err({ reason: 'The certification is already approved.' });
  if (status === 'recertification-requested')
    return err({ reason: 'Accept or decline the pending recertification request first.' });
  // The state may approve a district that has not certified (§7.2 step 4), but says why.
  if (status !== 'sent-to-state' && !hasReason(c))
    return err({ reason: 'Approving a district that has not certified needs a reason.' });
  return ok(same('approved', c));
}

function sendBack(status: DistrictStatus, c: DistrictContext): Result<DistrictTransition, Refusal> {
  if (status !== 'sent-to-state' && status !== 'approved')
    return err({ reason: 'Only a certification sent to the state or approved can be returned.' });
  if (!hasReason(c)) return err({ reason: 'Returning a certification needs a reason.' });
  return ok(fresh('returned'));
}

function requestRecertification(
  status: DistrictStatus,
  c: DistrictContext,
): Result<DistrictTransition, Refusal> {
  if (status === 'recertification-requested')
    return err({ reason: 'A recertification request is already pending.' });
  if (status !== 'sent-to-state' && status !== 'approved')
    return err({
      reason: 'Recertification can be requested only after every primary certifier has certified.',
    });
  if (c.actor === null || !c.primaries.includes(c.actor))
    return err({ reason: "Only the district's primary certifiers can request recertification." });
  if (!hasReason(c)) return err({ reason: 'A recertification request needs a reason.' });
  return ok(same('recertification-requested', c));
}

function decide(
  command: 'accept-recertification' | 'decline-recertification',
  status: DistrictStatus,
  c: DistrictContext,
): Result<DistrictTransition, Refusal> {
  if (status !== 'recertification-requested')
    return err({ reason: 'No recertification request is pending for this district.' });
  if (command === 'accept-recertification') return ok(fresh('recertification-in-progress'));
  if (!hasReason(c)) return err({ reason: 'Declining a recertification request needs a reason.' });
  return ok(same(c.approvedBefore === true ? 'approved' : 'sent-to-state', c));
}

function reopen(status: DistrictStatus, c: DistrictContext): Result<DistrictTransition, Refusal> {
  if (status !== 'sent-to-state' && status !== 'approved')
    return err({ reason: 'The district has not completed certification; there is nothing to reopen.' });
  if (!hasReason(c)) return err({ reason: 'Reopening a certification needs a reason.' });
  return ok(fresh('recertification-in-progress'));
}

/** Moves one district's certification of one event (§7.2 steps 3–5), or says why it may not. */
export function districtTransition(
  status: DistrictStatus,
  command: DistrictCommand,
  context: DistrictContext,
): Result<DistrictTransition, Refusal> {
  switch (command) {
    case 'certify':
      return certify(status, context);
    case 'approve':
      return approve(status, context);
    case 'return':
      return sendBack(status, context);
    case 'request-recertification':
      return requestRecertification(status, context);
    case 'accept-recertification':
    case 'decline-recertification':
      return decide(command, status, context);
    case 'reopen':
      return reopen(status, context);
  }
}

/** A member's status (§7.2 step 3): secondaries are N/A; primaries follow the district and their own certification. */
export function userStatus(input: {
  role: MemberRole;
  districtStatus: DistrictStatus;
  certified: boolean;
  overdue: boolean;
}): UserStatus {
  if (input.role !== 'primary') return 'not-applicable';
  if (input.districtStatus === 'recertification-requested') return 'recertification-pending';
  if (input.districtStatus === 'approved') return 'complete-approved';
  if (input.certified || input.districtStatus === 'sent-to-state') return 'complete';
  return input.overdue ? 'incomplete-overdue' : 'incomplete';
}
