/**
 * The event dashboard (issue 7 item 7): every district × visible event of a year in one set-based statement, and
 * what a district's own view adds (who certified in the current round, the blocking findings by rule). Open
 * findings come from `finding_open_count` (migration 0014, decision 0026), not from counting findings per request.
 */
import { sql } from 'kysely';
import type { DistrictStatus } from '@bitterroot/core';
import type { Executor } from '../../db/database.ts';

/** One dashboard cell before the clock turns waiting statuses into overdue. */
export type DashboardRow = {
  eventId: number;
  eventName: string;
  district: string;
  districtName: string;
  status: DistrictStatus;
  statusChangedAt: string | null;
  certificationOpens: string;
  dueDate: string;
  extendedUntil: string | null;
  openFatals: number;
  unacknowledgedWarnings: number;
  primaries: number;
  certified: number;
  /** The current round (restarts with a return, an accepted recertification or a reopen). */
  round: number;
  snapshotId: number | null;
};

/** Every district × published event of a school year (optionally one district), with counts. */
export async function dashboardRows(
  db: Executor,
  schoolYear: number,
  district: string | null,
): Promise<DashboardRow[]> {
  const oneDistrict = district === null ? sql`true` : sql`d.district_number = ${district}`;
  const oneFindingDistrict = district === null ? sql`true` : sql`district_number = ${district}`;
  const r = await sql<{
    event_id: number;
    event_name: string;
    district_number: string;
    district_name: string;
    status: string;
    status_changed_at: string | null;
    certification_opens: string;
    due_date: string;
    extended_until: string | null;
    open_fatals: number;
    open_warnings: number;
    primaries: number;
    certified: number;
    round: number | null;
    snapshot_id: number | null;
  }>`
    -- Arrays of the event are unnested so rules and types join by hash, not by a per-pair ANY() test.
    WITH ev AS (
      SELECT id, name, types, validation_rules, certification_opens, due_date FROM certification_event
      WHERE school_year = ${schoolYear} AND state IN ('published', 'unpublished-changes')),
    open AS (
      SELECT district_number, rule_id, open_fatals AS fatals, open_warnings AS warnings
      FROM finding_open_count
      WHERE school_year = ${schoolYear} AND (open_fatals > 0 OR open_warnings > 0) AND ${oneFindingDistrict}),
    event_fatal AS (
      SELECT e.id AS event_id, f.district_number, sum(f.fatals) AS n, sum(f.warnings) AS w
      FROM ev e CROSS JOIN unnest(e.validation_rules) r(rule_id) JOIN open f ON f.rule_id = r.rule_id GROUP BY 1, 2),
    prim AS (
      SELECT e.id AS event_id, m.district_number, count(DISTINCT m.user_id) AS n
      FROM ev e CROSS JOIN unnest(e.types) t(type_id)
      JOIN certification_membership m ON m.type_id = t.type_id AND m.role = 'primary'
      GROUP BY 1, 2),
    cert AS (
      SELECT uc.event_id, uc.district_number, count(*) AS n
      FROM user_certification uc JOIN district_certification dc
        ON dc.event_id = uc.event_id AND dc.district_number = uc.district_number AND dc.round = uc.round
      GROUP BY 1, 2)
    SELECT e.id AS event_id, e.name AS event_name, d.district_number, d.name AS district_name,
      coalesce(dc.status, 'not-started') AS status, dc.status_changed_at,
      e.certification_opens, e.due_date, x.extended_until,
      coalesce(ef.n, 0) AS open_fatals, coalesce(ef.w, 0) AS open_warnings,
      coalesce(p.n, 0) AS primaries, coalesce(c.n, 0) AS certified, dc.round, dc.snapshot_id
    FROM ev e CROSS JOIN district d
    LEFT JOIN district_certification dc ON dc.event_id = e.id AND dc.district_number = d.district_number
    LEFT JOIN certification_extension x ON x.event_id = e.id AND x.district_number = d.district_number
    LEFT JOIN event_fatal ef ON ef.event_id = e.id AND ef.district_number = d.district_number
    LEFT JOIN prim p ON p.event_id = e.id AND p.district_number = d.district_number
    LEFT JOIN cert c ON c.event_id = e.id AND c.district_number = d.district_number
    WHERE d.level <> 'state_agency' AND ${oneDistrict}
    ORDER BY e.due_date, e.id, d.district_number`.execute(db);
  return r.rows.map((x) => ({
    eventId: x.event_id,
    eventName: x.event_name,
    district: x.district_number,
    districtName: x.district_name,
    status: x.status as DistrictStatus,
    statusChangedAt: x.status_changed_at,
    certificationOpens: x.certification_opens,
    dueDate: x.due_date,
    extendedUntil: x.extended_until,
    openFatals: Number(x.open_fatals),
    unacknowledgedWarnings: Number(x.open_warnings),
    primaries: Number(x.primaries),
    certified: Number(x.certified),
    round: x.round ?? 1,
    snapshotId: x.snapshot_id,
  }));
}

/** Who certified a district's events in their current rounds, when, and whether with "nothing to report". */
export async function currentCertifications(db: Executor, district: string, eventIds: readonly number[]) {
  if (eventIds.length === 0) return [];
  const rows = await db
    .selectFrom('user_certification as uc')
    .innerJoin('district_certification as dc', (j) =>
      j
        .onRef('dc.event_id', '=', 'uc.event_id')
        .onRef('dc.district_number', '=', 'uc.district_number')
        .onRef('dc.round', '=', 'uc.round'),
    )
    .select(['uc.event_id', 'uc.user_id', 'uc.certified_at', 'uc.nothing_to_report'])
    .where('uc.district_number', '=', district)
    .where('uc.event_id', 'in', [...eventIds])
    .execute();
  return rows.map((r) => ({
    eventId: r.event_id,
    userId: r.user_id,
    certifiedAt: r.certified_at,
    nothingToReport: r.nothing_to_report,
  }));
}

/**
 * A district's open fatal findings and unacknowledged warnings counted by rule (the gate, rule by rule), read
 * from the counts the 0014 triggers keep.
 */
export async function blockingFindings(db: Executor, schoolYear: number, district: string) {
  const r = await sql<{ rule_id: string; severity: 'fatal' | 'warning'; n: number }>`
    SELECT c.rule_id, s.severity, s.n FROM finding_open_count c
    CROSS JOIN LATERAL (VALUES ('fatal', c.open_fatals), ('warning', c.open_warnings)) s(severity, n)
    WHERE c.school_year = ${schoolYear} AND c.district_number = ${district} AND s.n > 0
    ORDER BY s.severity, c.rule_id`.execute(db);
  return r.rows.map((x) => ({ rule: x.rule_id, severity: x.severity, count: Number(x.n) }));
}
