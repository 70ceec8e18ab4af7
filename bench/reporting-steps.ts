/**
 * Steps of the reporting benchmark: taking the certified snapshots the reports read statewide, and timing every
 * statewide report and EDFacts file from one source. Shared by reporting.bench.ts.
 */
import { sql } from 'kysely';
import { chronicAbsence, DEFAULT_REPORTING_SETTINGS } from '@bitterroot/core';
import { edfactsFileSchema, EDFACTS_FILE_LEVELS, outcomeMeasureSchema } from '@bitterroot/contracts';
import type { Profile, ReportSource } from '@bitterroot/contracts';
import type { Database } from '../apps/server/src/db/database.ts';
import { upsertSchoolYear } from '../apps/server/src/modules/organizations/organization-load.repository.ts';
import { collectionsServices } from '../apps/server/src/modules/collections/collections.service.ts';
import { outcomeServices } from '../apps/server/src/modules/reporting/outcome-reports.plugin.ts';
import { reportingService } from '../apps/server/src/modules/reporting/reporting.service.ts';
import { createTestUser } from '../apps/server/test/test-users.ts';
import { secs } from './bench-state.ts';

/**
 * The certified events the reports read: this year's counts and end-of-year collections, and the prior-year
 * graduates events that report each year of the 4-year cohort ending this year (an event of year E reports
 * E − 1, decision 0062), the last one (next year's) also reporting this year's dropouts.
 */
const eventsOf = (year: number): [collection: string, schoolYear: number][] => [
  ['fall-count', year],
  ['spring-anb', year],
  ['eoy-program-participation', year],
  ['eoy-attendance', year],
  ['eoy-cte', year],
  ['eoy-behavior', year],
  ...[year - 2, year - 1, year, year + 1].map((y): [string, number] => ['prior-year-graduates', y]),
];

/** Runs `f` and returns its value with the milliseconds it took. */
export const timed = async <T>(f: () => Promise<T>): Promise<{ ms: number; value: T }> => {
  const t = performance.now();
  const value = await f();
  return { ms: performance.now() - t, value };
};

/** Takes every event's snapshot statewide, as state staff would; prints each one's time and rows. */
export async function certify(
  database: Database,
  profile: Profile,
  year: number,
  kind: string,
): Promise<void> {
  const staff = await createTestUser(database, 'bench.reporting@bench.test', [
    { role: 'state-staff', districtNumber: null, schoolNumber: null },
  ]);
  const who = { userId: staff, name: 'bench' };
  const services = await collectionsServices(database, profile, year);
  const districts = await sql<{ d: string }>`SELECT district_number AS d FROM district
    WHERE level <> 'state_agency' ORDER BY 1`.execute(database.db);
  const all = districts.rows.map((r) => r.d);
  const today = new Date().toISOString().slice(0, 10);
  for (const [collectionId, y] of eventsOf(year)) {
    await upsertSchoolYear(database.db, y); // next year's event needs its year
    const c = profile.calendar.collections.find((x) => x.id === collectionId)!;
    const created = await services.events.create(
      y,
      {
        name: `${c.name} ${y}`,
        types: c.certification.types,
        level: 'district',
        collectionId,
        eventStart: today,
        certificationOpens: today,
        dueDate: today,
      },
      who,
    );
    if (created.kind !== 'done') throw new Error(JSON.stringify(created));
    await services.events.publish(created.event.id, who);
    const { ms } = await timed(() => services.snapshots.statewide(created.event.id, all, staff));
    const rows = await sql<{
      n: number;
    }>`SELECT coalesce(sum(row_count), 0)::int AS n FROM certification_snapshot
      WHERE event_id = ${created.event.id}`.execute(database.db);
    console.log(
      `${kind} snapshot ${collectionId} ${y}, statewide (${all.length} districts, ${rows.rows[0]!.n} rows): ${secs(ms)}`,
    );
  }
  await sql`ANALYZE`.execute(database.db);
}

/** Times every statewide report and EDFacts file from one source; the first run of each report warms up. */
export async function reports(
  database: Database,
  profile: Profile,
  year: number,
  source: ReportSource,
  kind: string,
): Promise<void> {
  const { outcomes, exports } = outcomeServices(database.db, profile, year);
  const reporting = reportingService(database.db, profile, year);
  const line = (what: string, ms: number, detail: string) =>
    console.log(`${kind} ${source.padEnd(9)} ${what}: ${secs(ms)} (${detail})`);
  for (let i = 0; i < 2; i++) {
    const anb = await timed(() => reporting.stateAnb({ source }));
    if (i === 1) line('ANB statewide', anb.ms, `${anb.value.districts.length} districts`);
  }
  for (let i = 0; i < 2; i++) {
    // ADA and chronic absence statewide: the EOY attendance rows with traits, summed and judged.
    const ada = await timed(async () => {
      const rows = await outcomes.attendance({ source, schoolYear: year, district: null });
      const present = rows.reduce((a, r) => a + r.daysPresent, 0);
      const enrolled = rows.reduce((a, r) => a + r.daysEnrolled, 0);
      const judged = chronicAbsence(
        rows.map((r) => ({ ...r, grade: r.grade as never })),
        DEFAULT_REPORTING_SETTINGS,
      ).lines.filter((l) => l.chronic !== null);
      const chronic = new Set(judged.filter((l) => l.chronic).map((l) => l.stateId)).size;
      return {
        rows: rows.length,
        rate: enrolled > 0 ? present / enrolled : 0,
        chronic,
        judged: judged.length,
      };
    });
    const v = ada.value;
    if (i === 1)
      line(
        'ADA + chronic absence statewide',
        ada.ms,
        `${v.rows} rows, rate ${(v.rate * 100).toFixed(1)}%, ${v.chronic} of ${v.judged} chronically absent`,
      );
  }
  for (const m of outcomeMeasureSchema.options) {
    for (let i = 0; i < 2; i++) {
      const out = await timed(() => outcomes.report(m, null, { source }));
      if (out.value.kind !== 'report') throw new Error(m);
      const r = out.value.report;
      if (i === 1)
        line(
          `${m} statewide`,
          out.ms,
          `${r.totals.numerator} of ${r.totals.denominator}, ${r.lines.length} lines`,
        );
    }
  }
  for (const file of edfactsFileSchema.options) {
    for (const level of EDFACTS_FILE_LEVELS[file]) {
      const out = await timed(() => exports.edfacts(file, { level, source }));
      if (out.value.kind !== 'file') throw new Error(`${file} ${level}`);
      line(`EDFacts ${file} ${level}`, out.ms, `${out.value.file.records} records`);
    }
  }
}
