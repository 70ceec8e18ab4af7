/**
 * The vocabulary of certification (montana-aim.md §7.1–§7.2) as data: event states, district statuses, per-user
 * certifier statuses, the commands that move them, and the plain-language names the screens show.
 */

/** States of a certification event (§7.2 step 1). */
export const EVENT_STATES = ['unpublished', 'published', 'unpublished-changes', 'closed'] as const;
/** An event state. */
export type EventState = (typeof EVENT_STATES)[number];

/** What state staff do to an event. */
export const EVENT_COMMANDS = ['publish', 'edit', 'close'] as const;
/** An event command. */
export type EventCommand = (typeof EVENT_COMMANDS)[number];

/** Names as IC shows them (§7.2 step 1). */
export const EVENT_STATE_LABELS: Record<EventState, string> = {
  unpublished: 'Unpublished',
  published: 'Published',
  'unpublished-changes': 'Unpublished Changes',
  closed: 'Closed',
};

/**
 * Stored status of one district's certification of one event (§7.2 steps 3–5). "Not started" is the status before
 * anyone certified, "returned" the state's send-back (§7.2 step 4); overdue is derived from the clock, never stored
 * (`districtDisplayStatus`).
 */
export const DISTRICT_STATUSES = [
  'not-started',
  'in-progress',
  'sent-to-state',
  'approved',
  'returned',
  'recertification-requested',
  'recertification-in-progress',
] as const;
/** A stored district status. */
export type DistrictStatus = (typeof DISTRICT_STATUSES)[number];

/** A district status as shown: the stored one, or overdue when the due date passed without certification. */
export type DistrictDisplayStatus = DistrictStatus | 'overdue';

/** District event status names (§7.2 steps 3 and 5; "Not Started", "Returned" and "Overdue" are ours). */
export const DISTRICT_STATUS_LABELS: Record<DistrictDisplayStatus, string> = {
  'not-started': 'Not Started',
  'in-progress': 'In Progress',
  'sent-to-state': 'Certification Sent to State',
  approved: 'Certification Approved by State',
  returned: 'Returned by State',
  'recertification-requested': 'Recertification Request Sent',
  'recertification-in-progress': 'Recertification In Progress',
  overdue: 'Overdue',
};

/** What districts and the state do to a district's certification. */
export const DISTRICT_COMMANDS = [
  'certify',
  'approve',
  'return',
  'request-recertification',
  'accept-recertification',
  'decline-recertification',
  'reopen',
] as const;
/** A district certification command. */
export type DistrictCommand = (typeof DISTRICT_COMMANDS)[number];

/** Per-user certifier status (§7.2 step 3, step 5). */
export const USER_STATUSES = [
  'incomplete',
  'incomplete-overdue',
  'complete',
  'complete-approved',
  'recertification-pending',
  'not-applicable',
] as const;
/** A per-user status. */
export type UserStatus = (typeof USER_STATUSES)[number];

/** Per-user status names as IC shows them (§7.2 steps 3 and 5). */
export const USER_STATUS_LABELS: Record<UserStatus, string> = {
  incomplete: 'Certification Incomplete',
  'incomplete-overdue': 'Incomplete – Overdue',
  complete: 'Certification Complete',
  'complete-approved': 'Complete',
  'recertification-pending': 'Recertification Request Pending',
  'not-applicable': 'N/A',
};

/** Type Membership roles (§7.1): every primary must certify; secondaries are listed only (decision 0041). */
export const MEMBER_ROLES = ['primary', 'secondary'] as const;
/** A membership role. */
export type MemberRole = (typeof MEMBER_ROLES)[number];

/** Statuses in which a district still has to certify (the ones that can become overdue). */
export const AWAITING_CERTIFICATION: readonly DistrictStatus[] = [
  'not-started',
  'in-progress',
  'returned',
  'recertification-in-progress',
];
