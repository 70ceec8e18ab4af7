/**
 * Collections (issue 7): the calendar of a year, the event dashboard, a district's certification view and the
 * contacts directory; and the factory wiring every collections service for the app.
 */
import { calendarRules, type Profile } from '@bitterroot/contracts';
import {
  AWAITING_CERTIFICATION,
  computeCollectionDates,
  lastCertificationDay,
  localDate,
  userStatus,
  type DistrictDisplayStatus,
  type ScopeFilter,
} from '@bitterroot/core';
import { rulesForCollection } from '@bitterroot/rules';
import type { Database } from '../../db/database.ts';
import { toCsv } from '../ingestion/findings-export.ts';
import { validationServiceFor } from '../validation/validation.service.ts';
import { adjustWindow, ensureCalendar, publishCalendar, storedCalendar } from './calendar.repository.ts';
import { certificationService, type CertificationDeps } from './certification.service.ts';
import { replaceContacts, searchContacts, type Contact, type ContactFilter } from './contacts.repository.ts';
import {
  blockingFindings,
  currentCertifications,
  dashboardRows,
  type DashboardRow,
} from './dashboard.repository.ts';
import { deadlinesService } from './event-deadlines.service.ts';
import { listEvents } from './events.repository.ts';
import { eventsService } from './events.service.ts';
import { membersOf } from './membership.repository.ts';
import { membershipService } from './membership.service.ts';
import { recordAudit, type Actor } from './outbox.repository.ts';
import { snapshotsService } from './snapshots.service.ts';

/** A dashboard row as shown: overdue derived from the clock. */
export type DashboardEntry = DashboardRow & { displayStatus: DistrictDisplayStatus; overdue: boolean };

/** Dashboard filters (issue 7 item 7). */
export type DashboardFilter = {
  status?: DistrictDisplayStatus | undefined;
  overdue?: boolean | undefined;
  withFatals?: boolean | undefined;
  eventId?: number | undefined;
};

/** One entry per user (a member of several of an event's types counts once, as primary if any entry is). */
function onePerUser<T extends { userId: number; role: string }>(members: readonly T[]): T[] {
  const byUser = new Map<number, T>();
  for (const m of members) if (byUser.get(m.userId)?.role !== 'primary') byUser.set(m.userId, m);
  return [...byUser.values()];
}

/** Builds the calendar, dashboard and contacts service. */
export function collectionsService(deps: CertificationDeps & { profile: Profile }) {
  const db = deps.database.db;
  // Today in the state's time zone once per request: formatting a date per row (≈6,000 rows statewide) costs more
  // than the query. Same rule as the machine's `isOverdue` (decision 0040).
  const entries = (rows: readonly DashboardRow[]): DashboardEntry[] => {
    const today = localDate(deps.now(), deps.timeZone);
    return rows.map((r) => {
      const last = lastCertificationDay({
        opens: r.certificationOpens,
        due: r.dueDate,
        extendedUntil: r.extendedUntil,
        timeZone: deps.timeZone,
      });
      const overdue = AWAITING_CERTIFICATION.includes(r.status) && today > last;
      return { ...r, displayStatus: overdue ? 'overdue' : r.status, overdue };
    });
  };

  return {
    /** A year's calendar: computed from the profile rules the first time, then as the state adjusted it. */
    async calendar(schoolYear: number) {
      const computed = computeCollectionDates(calendarRules(deps.profile.calendar), schoolYear);
      await ensureCalendar(
        db,
        schoolYear,
        computed.collections.map((c) => ({
          collectionId: c.id,
          opens: c.opens,
          closes: c.closes,
          milestones: c.milestones,
        })),
      );
      const stored = (await storedCalendar(db, schoolYear))!;
      const profiled = new Map(deps.profile.calendar.collections.map((c) => [c.id, c]));
      return {
        schoolYear,
        dates: computed.dates,
        publishedAt: stored.publishedAt,
        // The event form and Type Membership pick from these (§7.1 certification types).
        certificationTypes: deps.profile.calendar.certificationTypes.map((t) => ({ id: t.id, name: t.name })),
        collections: stored.windows.map((w) => {
          const c = profiled.get(w.collectionId);
          return {
            ...w,
            name: c?.name ?? w.collectionId,
            certificationTypes: c?.certification.required ? (c.certification.types ?? []) : [],
          };
        }),
      };
    },
    /** The state moves one collection's window (§5.2 windows change yearly; decision 0015). */
    async adjustCalendar(
      schoolYear: number,
      collectionId: string,
      opens: string,
      closes: string,
      actor: Actor,
    ) {
      if (opens > closes) return { kind: 'refused' as const, reason: 'A window must open before it closes.' };
      await this.calendar(schoolYear);
      if (!(await adjustWindow(db, schoolYear, collectionId, opens, closes, actor.userId)))
        return { kind: 'not-found' as const };
      await recordAudit(db, actor, 'collections.calendar-adjust', null, {
        schoolYear,
        collectionId,
        opens,
        closes,
      });
      return { kind: 'done' as const, calendar: await this.calendar(schoolYear) };
    },
    /** The state publishes a year's calendar. */
    async publishCalendar(schoolYear: number, actor: Actor) {
      await this.calendar(schoolYear);
      await publishCalendar(db, schoolYear, actor.userId);
      await recordAudit(db, actor, 'collections.calendar-publish', null, { schoolYear });
      return await this.calendar(schoolYear);
    },
    /** Every district × published event of a year, filtered, with progress per event (one statement). */
    async dashboard(schoolYear: number, filter: DashboardFilter = {}) {
      const all = entries(await dashboardRows(db, schoolYear, null));
      const rows = all.filter(
        (r) =>
          (filter.eventId === undefined || r.eventId === filter.eventId) &&
          (filter.status === undefined || r.displayStatus === filter.status) &&
          (filter.overdue === undefined || r.overdue === filter.overdue) &&
          (filter.withFatals === undefined || r.openFatals > 0 === filter.withFatals),
      );
      const progress = new Map<
        number,
        { eventId: number; name: string; districts: number; certified: number }
      >();
      for (const r of all) {
        const p = progress.get(r.eventId) ?? {
          eventId: r.eventId,
          name: r.eventName,
          districts: 0,
          certified: 0,
        };
        p.districts += 1;
        if (r.status === 'sent-to-state' || r.status === 'approved') p.certified += 1;
        progress.set(r.eventId, p);
      }
      return { schoolYear, progress: [...progress.values()], rows };
    },
    /**
     * A district's events: status, what blocks certification, and each member's status (§7.2 step 3). A read only:
     * districts without a status row read as Not Started (rows are written when an event is published).
     */
    async districtEvents(schoolYear: number, district: string) {
      const rows = entries(await dashboardRows(db, schoolYear, district));
      const ids = rows.map((r) => r.eventId);
      const [events, members, certified, blocking] = await Promise.all([
        listEvents(db, schoolYear, true),
        membersOf(db, district),
        currentCertifications(db, district, ids),
        blockingFindings(db, schoolYear, district),
      ]);
      const byId = new Map(events.map((e) => [e.id, { ...e, ...(e.publishedContent ?? {}) }]));
      return rows.map((r) => {
        const event = byId.get(r.eventId)!;
        return {
          ...r,
          description: event.description,
          types: event.types,
          level: event.level,
          validationGroup: event.validationGroup,
          eventStart: event.eventStart,
          // What blocks certification rule by rule, so the screen links to each rule's findings (decision 0042).
          blocking: blocking.filter((f) => event.validationRules.includes(f.rule)),
          members: onePerUser(members.filter((m) => event.types.includes(m.typeId))).map((m) => {
            const done = certified.find((c) => c.eventId === r.eventId && c.userId === m.userId);
            return {
              userId: m.userId,
              displayName: m.displayName,
              email: m.email,
              typeId: m.typeId,
              role: m.role,
              certifiedAt: done?.certifiedAt ?? null,
              nothingToReport: done?.nothingToReport ?? false,
              status: userStatus({
                role: m.role,
                districtStatus: r.status,
                certified: done !== undefined,
                overdue: r.overdue,
              }),
            };
          }),
        };
      });
    },
    /** Contacts the caller may read, searched. */
    contacts: (scope: ScopeFilter, filter: Omit<ContactFilter, 'districts'>) =>
      searchContacts(db, { ...filter, districts: scope.all ? undefined : scope.districts }),
    /** The same as CSV (formula-safe cells). */
    async contactsCsv(scope: ScopeFilter, filter: Omit<ContactFilter, 'districts'>): Promise<string> {
      const rows = await searchContacts(db, {
        ...filter,
        districts: scope.all ? undefined : scope.districts,
      });
      return toCsv({
        sheet: 'Contacts',
        header: ['District', 'School', 'Area', 'Rank', 'Name', 'Email', 'Phone'],
        rows: rows.map((c) => [c.district, c.school, c.area, c.rank, c.name, c.email, c.phone]),
      });
    },
    /** Replaces a district's contacts. */
    async setContacts(district: string, contacts: Omit<Contact, 'district'>[], actor: Actor) {
      await db.transaction().execute(async (trx) => {
        await replaceContacts(
          trx,
          district,
          contacts.map((c) => ({ ...c, district })),
          actor.userId,
        );
        await recordAudit(trx, actor, 'collections.contacts', district, { count: contacts.length });
      });
      return await searchContacts(db, { districts: [district] });
    },
  };
}

/** The calendar, dashboard and contacts service type. */
export type CollectionsService = ReturnType<typeof collectionsService>;

/** Every collections service, wired for the app (the clock defaults to the system clock). */
export async function collectionsServices(
  database: Database,
  profile: Profile,
  schoolYear: number,
  now: () => string = () => new Date().toISOString(),
) {
  const validation = await validationServiceFor(database, profile, schoolYear);
  const rules = validation.rules();
  const deps: CertificationDeps = { database, now, timeZone: 'America/Denver' };
  return {
    schoolYear,
    collections: collectionsService({ ...deps, profile }),
    events: eventsService({
      ...deps,
      profile,
      ruleIdsOf: (group) => rulesForCollection(rules, group).map((r) => r.id),
    }),
    deadlines: deadlinesService(deps),
    membership: membershipService({ ...deps, profile }),
    certification: certificationService(deps),
    snapshots: snapshotsService(deps),
  };
}

/** The wired services. */
export type CollectionsServices = Awaited<ReturnType<typeof collectionsServices>>;
