import type { EventInputBody } from '@bitterroot/contracts';
import type { DistrictDisplayStatus, DistrictStatus, EventState, UserStatus } from '@bitterroot/core';
import { getJson, sendJson, withQuery } from '../../lib/api.ts';

// Responses of the collections and certification API (apps/server/src/modules/collections), typed as the
// server sends them; requests use the zod contracts of packages/contracts collections.ts.

/** One collection's window in a year's calendar. */
export interface CalendarWindow {
  collectionId: string;
  name: string;
  opens: string;
  closes: string;
  computedOpens: string;
  computedCloses: string;
  milestones: Record<string, string>;
  adjustedAt: string | null;
  certificationTypes: string[];
}

/** GET /api/v1/collections/calendar/{year}. */
export interface CollectionCalendar {
  schoolYear: number;
  dates: Record<string, string>;
  publishedAt: string | null;
  certificationTypes: { id: string; name: string }[];
  collections: CalendarWindow[];
}

/** A certification event (§7.1). */
export interface CertificationEvent extends EventInputBody {
  id: number;
  schoolYear: number;
  description: string;
  collectionId: string | null;
  validationGroup: string | null;
  validationRules: string[];
  templates: string[];
  state: EventState;
  updatedAt: string;
}

/** One district × event of the dashboard. */
export interface DashboardRow {
  eventId: number;
  eventName: string;
  district: string;
  districtName: string;
  status: DistrictStatus;
  displayStatus: DistrictDisplayStatus;
  overdue: boolean;
  statusChangedAt: string | null;
  certificationOpens: string;
  dueDate: string;
  extendedUntil: string | null;
  openFatals: number;
  unacknowledgedWarnings: number;
  primaries: number;
  certified: number;
  round: number;
  snapshotId: number | null;
}

/** GET /api/v1/certification-dashboard. */
export interface Dashboard {
  schoolYear: number;
  progress: { eventId: number; name: string; districts: number; certified: number }[];
  rows: DashboardRow[];
}

/** A member of an event's types with their certification status (§7.2 step 3). */
export interface EventMember {
  userId: number;
  displayName: string;
  email: string;
  typeId: string;
  role: 'primary' | 'secondary';
  certifiedAt: string | null;
  nothingToReport: boolean;
  status: UserStatus;
}

/** One event as a district sees it: its status, what blocks certification and who still has to certify. */
export interface DistrictEvent extends DashboardRow {
  description: string;
  types: string[];
  level: 'district' | 'school';
  validationGroup: string | null;
  eventStart: string;
  /** Open fatal findings and unacknowledged warnings of the event's validation group, by rule. */
  blocking: { rule: string; severity: 'fatal' | 'warning'; count: number }[];
  members: EventMember[];
}

/** A Type Membership entry. */
export interface Member {
  userId: number;
  typeId: string;
  role: 'primary' | 'secondary';
  schoolNumber: string | null;
  email?: string;
  displayName?: string;
}

/** A snapshot header. */
export interface Snapshot {
  id: number;
  eventId: number;
  district: string;
  round: number;
  contentHash: string;
  rowCount: number;
  takenAt: string;
  takenBy: number | null;
  supersededAt: string | null;
  supersededBy: number | null;
}

/** Per-template differences between two snapshots (or a snapshot and live data). */
export interface TemplateDiff {
  template: string;
  added: number;
  removed: number;
  changed: number;
  unchanged: number;
  addedKeys: string[];
  removedKeys: string[];
  changedKeys: string[];
}

/** GET /api/v1/snapshots/{id}/diff. */
export interface SnapshotDiff {
  from: number;
  to: number | 'live';
  templates: TemplateDiff[];
}

/** One entry of a district's transition log. */
export interface Transition {
  district: string | null;
  command: string;
  from: string;
  to: string;
  reason: string | null;
  actor: string;
  at: string;
}

/** The outcome of a district command. */
export interface CommandResult {
  status: DistrictStatus;
  snapshotId: number | null;
  round: number;
}

const EVENTS = '/api/v1/certification-events';
const enc = encodeURIComponent;
const districtEvent = (id: number, district: string) => `${EVENTS}/${id}/districts/${enc(district)}`;

/** A school year's collection calendar. */
export async function getCalendar(year: number, signal?: AbortSignal): Promise<CollectionCalendar> {
  return await getJson<CollectionCalendar>(`/api/v1/collections/calendar/${year}`, signal);
}

/** Moves one collection's window (state staff). */
export async function adjustWindow(year: number, collection: string, opens: string, closes: string) {
  return await sendJson<CollectionCalendar>(
    'PUT',
    `/api/v1/collections/calendar/${year}/${enc(collection)}`,
    {
      opens,
      closes,
    },
  );
}

/** Publishes a year's calendar (state staff). */
export async function publishCalendar(year: number): Promise<CollectionCalendar> {
  return await sendJson<CollectionCalendar>('POST', `/api/v1/collections/calendar/${year}/publish`);
}

/** The year's events (districts get published ones only). */
export async function listEvents(signal?: AbortSignal) {
  return await getJson<{ schoolYear: number; events: CertificationEvent[] }>(EVENTS, signal);
}

/** Creates an unpublished event, or edits one (a published one gets Unpublished Changes). */
export async function saveEvent(id: number | null, body: EventInputBody): Promise<CertificationEvent> {
  return id === null
    ? await sendJson<CertificationEvent>('POST', EVENTS, body)
    : await sendJson<CertificationEvent>('PUT', `${EVENTS}/${id}`, body);
}

/** Publishes or closes an event; ApiError 409 with the reason when the state machine refuses. */
export async function moveEvent(id: number, action: 'publish' | 'close'): Promise<CertificationEvent> {
  return await sendJson<CertificationEvent>('POST', `${EVENTS}/${id}/${action}`);
}

/** The state reopens an event (§7.2 step 5): returns the districts that must certify again. */
export async function reopenEvent(
  id: number,
  body: { reason: string; recertify: boolean; extendUntil?: string },
): Promise<{ reopened: string[] }> {
  return await sendJson<{ reopened: string[] }>('POST', `${EVENTS}/${id}/reopen`, body);
}

/** Queues reminders to primaries who have not certified yet; returns how many notifications were stored. */
export async function sendReminders(id: number): Promise<number> {
  return (await sendJson<{ queued: number }>('POST', `${EVENTS}/${id}/reminders`)).queued;
}

/** Grants one district more time to certify an event (§7.2 step 2). */
export async function extendDistrict(
  id: number,
  district: string,
  body: { until: string; reason: string },
): Promise<{ until: string }> {
  return await sendJson<{ until: string }>(
    'PUT',
    `${EVENTS}/${id}/districts/${enc(district)}/extension`,
    body,
  );
}

/** The state dashboard: every district × published event. */
export async function getDashboard(signal?: AbortSignal): Promise<Dashboard> {
  return await getJson<Dashboard>('/api/v1/certification-dashboard', signal);
}

/** The CSV export of the dashboard (formula-safe cells). */
export const dashboardCsvUrl = '/api/v1/certification-dashboard.csv';

/** A district's published events with status, blockers and members. */
export async function getDistrictEvents(district: string, signal?: AbortSignal): Promise<DistrictEvent[]> {
  return (
    await getJson<{ events: DistrictEvent[] }>(
      `/api/v1/districts/${enc(district)}/certification-events`,
      signal,
    )
  ).events;
}

/** District commands: certify (optionally "nothing to report"), and the state's approve and return. */
export async function districtCommand(
  id: number,
  district: string,
  command: 'certify' | 'approve' | 'return' | 'recertification-request',
  body: { nothingToReport?: boolean; reason?: string },
): Promise<CommandResult> {
  return await sendJson<CommandResult>('POST', `${districtEvent(id, district)}/${command}`, body);
}

/** The state accepts or declines a pending recertification request. */
export async function decideRecertification(
  id: number,
  district: string,
  decision: 'accept' | 'decline',
  reason: string,
): Promise<CommandResult> {
  return await sendJson<CommandResult>(
    'POST',
    `${districtEvent(id, district)}/recertification-request/${decision}`,
    { reason },
  );
}

/** A district's snapshots of an event, newest first. */
export async function listSnapshots(id: number, district: string, signal?: AbortSignal): Promise<Snapshot[]> {
  return await getJson<Snapshot[]>(`${districtEvent(id, district)}/snapshots`, signal);
}

/** The transition log of a district's certification of an event. */
export async function listTransitions(id: number, district: string, signal?: AbortSignal) {
  return await getJson<Transition[]>(`${districtEvent(id, district)}/transitions`, signal);
}

/** Differences between snapshot `from` and another snapshot or live data. */
export async function getDiff(from: number, against: number | 'live', signal?: AbortSignal) {
  return await getJson<SnapshotDiff>(withQuery(`/api/v1/snapshots/${from}/diff`, { against }), signal);
}

/** A district's Type Membership. */
export async function getMembers(district: string, signal?: AbortSignal): Promise<Member[]> {
  return (
    await getJson<{ members: Member[] }>(`/api/v1/districts/${enc(district)}/certification-members`, signal)
  ).members;
}

/** Replaces a district's Type Membership (district administrators). */
export async function saveMembers(district: string, members: Member[]): Promise<Member[]> {
  const body = {
    members: members.map((m) => ({
      userId: m.userId,
      typeId: m.typeId,
      role: m.role,
      schoolNumber: m.schoolNumber,
    })),
  };
  return (
    await sendJson<{ members: Member[] }>(
      'PUT',
      `/api/v1/districts/${enc(district)}/certification-members`,
      body,
    )
  ).members;
}
