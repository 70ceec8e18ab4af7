/**
 * The event dashboard (issue 7 item 7): every district × visible event of a year in one set-based statement, and
 * what a district's own view adds (who certified in the current round, the blocking findings by rule).
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
    WITH ev AS (
      SELECT id, name, types, validation_rules, certification_opens, due_date FROM certification_event
      WHERE school_year = ${schoolYear} AND state IN ('published', 'unpublished-changes')),
    open AS (
      SELECT district_number, rule_id, count(*) FILTER (WHERE severity = 'fatal') AS fatals,
        count(*) FILTER (WHERE severity = 'warning' AND acknowledged_at IS NULL) AS warnings
      FROM validation_finding
      WHERE school_year = ${schoolYear} AND resolved_at IS NULL AND ${oneFindingDistrict}
        AND (severity = 'fatal' OR (severity = 'warning' AND acknowledged_at IS NULL))
      GROUP BY 1, 2),
    event_fatal AS (
      SELECT e.id AS event_id, f.district_number, sum(f.fatals) AS n, sum(f.warnings) AS w
      FROM ev e JOIN open f ON f.rule_id = ANY (e.validation_rules) GROUP BY 1, 2),
    prim AS (
      SELECT e.id AS event_id, m.district_number, count(DISTINCT m.user_id) AS n
      FROM ev e JOIN certification_membership m ON m.type_id = ANY (e.types) AND m.role = 'primary'
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

/** A district's open fatal findings and unacknowledged warnings counted by rule (the gate, rule by rule). */
export async function blockingFindings(db: Executor, schoolYear: number, district: string) {
  const rows = await db
    .selectFrom('validation_finding')
    .select(['rule_id', 'severity', (eb) => eb.fn.countAll<number>().as('n')])
    .where('school_year', '=', schoolYear)
    .where('district_number', '=', district)
    .where('resolved_at', 'is', null)
    .where((eb) =>
      eb.or([
        eb('severity', '=', 'fatal'),
        eb.and([eb('severity', '=', 'warning'), eb('acknowledged_at', 'is', null)]),
      ]),
    )
    .groupBy(['rule_id', 'severity'])
    .orderBy('severity')
    .orderBy('rule_id')
    .execute();
  return rows.map((r) => ({
    rule: r.rule_id,
    severity: r.severity as 'fatal' | 'warning',
    count: Number(r.n),
  }));
}
